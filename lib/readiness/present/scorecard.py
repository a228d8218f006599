"""The Board's scorecard: its chosen figures at inspection, at the last Board and now, with their SPC icons, the target
in force and the next visit's, comparators, and a one-line reading generated from SPC and the target."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Mapping

from readiness.config.param_models import Target

from .targets import target_in_force
from .vitals import VitalSign, format_target

TARGET_WORDS = {"green": "at or better than target", "amber": "close to target", "red": "short of target"}
TREND_WORDS = {
    "improvement": "improving",
    "concern": "getting worse",
    "high": "higher than usual",
    "low": "lower than usual",
    "common_cause": "common-cause variation",
}
SPECIAL = ("improvement", "concern", "high", "low")
ASSURANCE_WORDS = {
    "fail": "will not meet target without change",
    "pass": "will meet target month after month",
    "hit_and_miss": "will meet target in some months and miss it in others",
}
NO_READING = "too few months to read a trend"
NO_SERIES = "no monthly trend"


def reading(variation: str | None, assurance: str | None, rating: str | None, monthly: bool = True) -> str:
    """The figure's one-line reading from its SPC ``variation`` and ``assurance`` and its RAG ``rating``.

    Where SPC can say whether the target will be met (``assurance``), that is the reading's second half
    ("common-cause variation, will not meet target without change"); otherwise the rating on the figure as shown
    comes first ("at or better than target and improving", "short of target, common-cause variation"). A figure
    without a ``monthly`` series (a count at the snapshot) has no trend to read.
    """
    trend = TREND_WORDS.get(variation or "", NO_READING if monthly else NO_SERIES)
    if assurance in ASSURANCE_WORDS:
        return f"{trend}, {ASSURANCE_WORDS[assurance]}"
    if rating is None:
        return f"{trend}; no target set"
    joiner = " and " if variation in SPECIAL else ", "
    return f"{TARGET_WORDS[rating]}{joiner}{trend}"


@dataclass(frozen=True)
class ScorecardRow:
    """One scorecard line: the vital-signs row behind it, its three values, the next visit's target and its reading."""

    row: VitalSign
    at_inspection: str
    last_board: str
    next_visit_target: str
    reading: str

    @property
    def comparators(self) -> list[tuple[str, str]]:
        """England, region and statistical neighbours, each with its year, those the pack has."""
        given = (("England", self.row.england), ("Region", self.row.region), ("Neighbours", self.row.neighbours))
        return [(name, value) for name, value in given if value != "–"]


def next_target(now: str, then: str) -> str:
    """The next visit's target as the scorecard shows it beside the one in force: "same", or the step it will be."""
    return "same" if then == now and now != "–" else then


def scorecard(ids: list[str], rows: list[VitalSign], targets: Mapping[str, Target], next_visit: date | None) -> list[ScorecardRow]:
    """The scorecard's lines for ``ids`` (in that order) from the vital-signs ``rows``; the next visit's target is the
    one in force on its date (a trajectory's step), "–" without a next visit or a target."""
    by_id = {row.indicator.id: row for row in rows}
    lines = []
    for figure_id in ids:
        row = by_id.get(figure_id)
        if row is None:
            continue
        spc = row.spc or {}
        upcoming = target_in_force(targets.get(figure_id), next_visit) if next_visit else None
        lines.append(
            ScorecardRow(
                row=row,
                at_inspection=row.baseline,
                last_board=row.history[-1] if row.history else "–",
                next_visit_target=next_target(row.target, format_target(upcoming, row.indicator.kind, figure_id)),
                reading=reading(spc.get("variation"), spc.get("assurance"), row.rating, monthly=bool(row.sparkline)),
            )
        )
    return lines
