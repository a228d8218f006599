"""What a pack compares itself with besides England: the ``baseline`` pack (at inspection) and ``comparators``
(regional and statistical-neighbour values by indicator id and year, with their source, as LAIT gives them).

A comparators file::

    assessments.within_45_working_days_share:
      "2023-24": {region: 0.84, statistical_neighbours: 0.86, source: "LAIT, DfE Children in need 2023-24"}
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import yaml

from .catalogue import is_indicator

GROUPS = ("region", "statistical_neighbours")


@dataclass(frozen=True)
class Comparator:
    """One indicator's latest comparator year: its regional and statistical-neighbour values and their source."""

    year: str
    region: float | None
    statistical_neighbours: float | None
    source: str
    la_published: float | None = None  # the council's own value as DfE published it (with ``la_code``)


def read_baseline(path: Path) -> dict:
    """The baseline pack's ``figures.json`` document; :class:`ValueError` when it is not one."""
    try:
        document = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(f"not a readable figures.json ({exc})") from None
    if not isinstance(document, dict) or not isinstance(document.get("figures"), dict):
        raise ValueError("not a pack's figures.json (it has no \"figures\")")
    return document


def read_comparators(path: Path) -> dict[str, Comparator]:
    """Each indicator's latest year of comparators; :class:`ValueError` naming the entry that is not as documented."""
    try:
        raw = yaml.safe_load(Path(path).read_text(encoding="utf-8-sig")) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ValueError(f"not readable YAML ({exc})".replace("\n", " ")) from None
    if not isinstance(raw, dict):
        raise ValueError("expected indicator id -> year -> {region, statistical_neighbours, source}")
    return {str(figure_id): _latest(str(figure_id), years) for figure_id, years in raw.items()}


def _latest(figure_id: str, years) -> Comparator:
    if not isinstance(years, dict) or not years:
        raise ValueError(f"{figure_id}: expected year -> {{region, statistical_neighbours, source}}")
    year = max(years, key=str)
    entry = years[year]
    if not isinstance(entry, dict) or not isinstance(entry.get("source"), str) or set(entry) - {*GROUPS, "source"}:
        raise ValueError(f"{figure_id} {year}: expected {{region, statistical_neighbours, source}} with a source")
    values = {group: entry.get(group) for group in GROUPS}
    if not any(isinstance(v, (int, float)) for v in values.values()) or any(v is not None and not isinstance(v, (int, float)) for v in values.values()):
        raise ValueError(f"{figure_id} {year}: region and statistical_neighbours must be numbers (at least one)")
    return Comparator(str(year), values["region"], values["statistical_neighbours"], entry["source"])


def unknown_ids(ids) -> list[str]:
    """Ids that name no headline figure (monthly series are not compared)."""
    return [i for i in ids if not is_indicator(i)]


def reference_problems(baseline: Path | None, comparators: Path | None) -> list[str]:
    """One line per problem with the baseline or comparators file: unreadable, or naming an unknown indicator id."""
    problems = []
    if baseline is not None:
        try:
            figures = read_baseline(baseline)["figures"]
            problems += [f"baseline: no indicator has the id {i!r} ({baseline})" for i in unknown_ids(k for k, v in figures.items() if not isinstance(v, dict))]
        except ValueError as exc:
            problems.append(f"baseline: {exc}: {baseline}")
    if comparators is not None:
        try:
            problems += [f"comparators: no indicator has the id {i!r} ({comparators})" for i in unknown_ids(read_comparators(comparators))]
        except ValueError as exc:
            problems.append(f"comparators: {exc}: {comparators}")
    return problems
