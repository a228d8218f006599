"""The vital-signs page: every headline figure with its target, RAG rating, England value and history."""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

import yaml

from .catalogue import CATALOGUE, Indicator, describe
from .disclosure import format_value
from .params import Band, Params
from .paths import ENGLAND

TOLERANCE = 1e-9  # a value on a threshold is at it, whatever binary floating point says


def rag(value: float | None, target: float | Band | None, better: str | None) -> str | None:
    """``green``, ``amber`` or ``red`` for ``value`` against ``target`` in the ``better`` direction.

    A single number t: green at or beyond t; amber short of it by at most a tenth of t; red otherwise.
    ``{green, amber}``: green at or beyond green, amber at or beyond amber, red otherwise.
    No value, no target or no direction: no rating.
    """
    if value is None or target is None or better is None:
        return None
    if isinstance(target, Band):
        green, amber = target.green, target.amber
    else:
        green, amber = target, target * (0.9 if better == "higher" else 1.1)
    sign = 1 if better == "higher" else -1
    if sign * (value - green) >= -TOLERANCE:
        return "green"
    if sign * (value - amber) >= -TOLERANCE:
        return "amber"
    return "red"


def load_benchmarks(path: Path = ENGLAND) -> dict[str, dict]:
    """The latest England entry per indicator: ``{id: {year, value, source}}``."""
    entries = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {key: max(rows, key=lambda row: str(row["year"])) for key, rows in entries.items()}


def load_history(paths: list[Path]) -> list[dict]:
    """Earlier packs' ``figures.json`` documents, oldest first."""
    return [json.loads(Path(p).read_text(encoding="utf-8")) for p in paths]


@dataclass(frozen=True)
class VitalSign:
    """One row of the vital-signs table, formatted for the page."""

    indicator: Indicator
    value: str
    target: str
    rating: str | None
    england: str
    history: tuple[str, ...]
    change: str


def change_since(current, previous, kind: str) -> str:
    """The change from the last pack, as the two shown values differ: points for shares, plain otherwise."""
    if not isinstance(current, (int, float)) or not isinstance(previous, (int, float)):
        return "–"
    if kind == "share":
        return f"{_shown_percent(current) - _shown_percent(previous):+d} pts"
    difference = current - previous
    sign = "-" if difference < 0 else "+"
    return sign + format_value(abs(difference), "count" if kind == "count" else "number")


def _shown_percent(share: float) -> int:
    """The whole percent a share is shown as (``0.845`` → 85)."""
    return int(format_value(share, "share").rstrip("%"))


def format_target(target: float | Band | None, kind: str) -> str:
    if target is None:
        return "–"
    if isinstance(target, Band):
        return f"{format_value(target.green, kind)} (amber {format_value(target.amber, kind)})"
    return format_value(target, kind)


def vital_signs(document: dict, params: Params, benchmarks: Mapping[str, dict], history: list[dict]) -> list[VitalSign]:
    """Rows for every headline (non-monthly) figure of ``document``, in catalogue order."""
    suppressed = set(document["suppressed"])
    rows = []
    for figure_id, value in document["figures"].items():
        if isinstance(value, dict):
            continue
        indicator = describe(figure_id)
        shown = "[c]" if figure_id in suppressed else format_value(value, indicator.kind)
        target = params.targets.get(figure_id)
        england = benchmarks.get(figure_id)
        past = [doc["figures"].get(figure_id) for doc in history]
        shown_past = ["[c]" if figure_id in doc.get("suppressed", ()) else format_value(v, indicator.kind) for doc, v in zip(history, past)]
        rows.append(
            VitalSign(
                indicator=indicator,
                value=shown,
                target=format_target(target, indicator.kind),
                rating=None if figure_id in suppressed else rag(value, target, indicator.better),
                england=f"{format_value(england['value'], indicator.kind)} ({england['year']})" if england else "–",
                history=tuple(shown_past),
                change=change_since(value, past[-1], indicator.kind) if past else "–",
            )
        )
    return sorted(rows, key=lambda row: _catalogue_order(row.indicator.id))


_ORDER = {indicator.id: i for i, indicator in enumerate(CATALOGUE)}


def _catalogue_order(figure_id: str) -> tuple:
    """Catalogue order; uncatalogued ids (per-domain shares) after their theme's last entry."""
    if figure_id.startswith("audits.domain_"):
        return (_ORDER["audits.moderation_downgrade_share"], figure_id)
    return (_ORDER.get(figure_id, len(_ORDER)), figure_id)
