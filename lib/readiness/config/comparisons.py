"""What each figure is compared with: England, the region, the statistical neighbours and the council's own
published value, each with its year and source (``pack.md``, *DfE comparators from an LA code*).

Three sources, each value from the first that has it: the user's ``comparators`` file (region and statistical
neighbours), DfE's published tables shipped with the project when ``la_code`` is set (:mod:`readiness.config.dfe`),
then ``parameters/benchmarks/england.yaml`` (England only). A year counts when its period ends on or before the
pack's ``period_end`` (DfE's reporting years end on 31 March, ``2024-25``; the workforce census is at 30 September,
``Sept 2025``); England's file falls back to its latest year when none does.
"""

from __future__ import annotations

import re
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from readiness.paths import ENGLAND

from .dfe import dfe_values
from .published import Comparisons, Published
from .references import read_comparators

if TYPE_CHECKING:
    from .params import Params

GROUPS = ("england", "region", "statistical_neighbours", "la_published")
MONTHS = {"march": 3, "september": 9, "sept": 9}


def year_end(label: str) -> date:
    """The last day of the period a year label names: ``2024-25`` → 31 March 2025; ``Sept 2025`` and ``year to Sept
    2025`` → 30 September 2025; ``31 March 2025`` → that day. :class:`ValueError` for any other label."""
    if found := re.fullmatch(r"(\d{4})-(\d{2})", label):
        return date(int(found[1]) + 1, 3, 31)
    if found := re.fullmatch(r"(?:year to )?(Sept|September) (\d{4})", label, flags=re.I):
        return date(int(found[2]), 9, 30)
    if found := re.fullmatch(r"(\d{1,2}) (March|September) (\d{4})", label, flags=re.I):
        return date(int(found[3]), MONTHS[found[2].lower()], int(found[1]))
    raise ValueError(f"not a year label DfE uses: {label!r}")


def england_values(period_end: date, path: Path = ENGLAND) -> Comparisons:
    """England's value per figure from ``england.yaml``: the latest year ending by ``period_end``, else the latest."""
    entries = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    result = {}
    for figure_id, rows in entries.items():
        ordered = sorted(rows, key=lambda row: year_end(str(row["year"])))
        by_then = [row for row in ordered if year_end(str(row["year"])) <= period_end]
        row = (by_then or ordered)[-1]
        result[figure_id] = {"england": Published(row["value"], str(row["year"]), row["source"])}
    return result


def users_values(path: Path) -> Comparisons:
    """The region and statistical-neighbour values of the user's ``comparators`` file."""
    result = {}
    for figure_id, comparator in read_comparators(path).items():
        groups = {"region": comparator.region, "statistical_neighbours": comparator.statistical_neighbours}
        result[figure_id] = {
            group: Published(value, comparator.year, comparator.source) for group, value in groups.items() if value is not None
        }
    return result


def comparisons(params: Params) -> Comparisons:
    """Every comparator of the pack, each from the first source that has it (see the module's docstring)."""
    layers = [england_values(params.period_end)]
    if params.la_code is not None:
        layers.append(dfe_values(params.la_code, params.period_end))
    if params.comparators is not None:
        layers.append(users_values(params.comparators))
    merged: Comparisons = {}
    for layer in layers:
        for figure_id, groups in layer.items():
            merged.setdefault(figure_id, {}).update(groups)
    return {figure_id: dict(sorted(groups.items(), key=lambda item: GROUPS.index(item[0]))) for figure_id, groups in sorted(merged.items())}


def comparisons_document(found: Comparisons) -> dict:
    """``figures.json``'s ``comparators``: ``{id: {group: {value, year, source}}}``."""
    return {figure_id: {group: asdict(value) for group, value in groups.items()} for figure_id, groups in found.items()}
