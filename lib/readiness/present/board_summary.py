"""The Board summary's parts made from figures.json: the sentinel counts, and what changed since the last Board (figures
whose SPC variation changed, targets newly met or missed)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from readiness.config.catalogue import describe, is_shown, order
from readiness.config.figures import monthly_id
from readiness.config.param_models import Target
from readiness.disclosure.control import SUPPRESSED
from readiness.indicators.figure import Figure, FigureValue

from .formatting import format_figure
from .targets import as_shown, target_in_force
from .vitals import rag

VARIATION_WORDS = {
    "improvement": "special-cause improvement",
    "concern": "special-cause concern",
    "high": "higher than usual (special cause)",
    "low": "lower than usual (special cause)",
    "common_cause": "common-cause variation",
}


PROTECTS = "withheld to protect another number"


@dataclass(frozen=True)
class Sentinel:
    """A count where any number above zero is discussed: its label, its number as shown, and whether it is above zero."""

    label: str
    shown: str
    above_zero: bool
    note: str = ""  # why a withheld count is not shown as a range


def sentinels(ids: list[str], document: dict, threshold: int, small: set[str] | frozenset[str] = frozenset()) -> list[Sentinel]:
    """Each sentinel with its number. In a public pack a withheld count reads "1 to ``threshold``" when it was withheld
    as a small number (``small``: its exact value is 1 to ``threshold``), else that it is withheld to protect another
    number: never ``[c]`` alone. A withheld count is above zero; an unknown one (no data) is not."""
    lines = []
    for figure_id in ids:
        value = document["figures"].get(figure_id)
        label = describe(figure_id).label
        if figure_id in document.get("suppressed", ()):
            small_number = figure_id in small
            lines.append(Sentinel(label, f"1 to {threshold}" if small_number else SUPPRESSED, True, "" if small_number else PROTECTS))
        else:
            lines.append(Sentinel(label, format_figure(value, figure_id), bool(value)))
    return lines


def small_counts(figures: dict[str, FigureValue], threshold: int) -> frozenset[str]:
    """The ids of the exact ``figures`` (a build's own) that are counts of 1 to ``threshold``: a public edition withholds
    them as small numbers, and its Board summary may say so ("1 to 5") without giving anything away."""
    return frozenset(
        i
        for i, f in figures.items()
        if isinstance(f, Figure) and describe(i).kind == "count" and isinstance(f.value, (int, float)) and 1 <= f.value <= threshold
    )


@dataclass(frozen=True)
class Change:
    """One thing that changed since the last Board: the figure and what changed, in words."""

    label: str
    words: str


def variation_changes(document: dict, last: dict) -> list[Change]:
    """Headline figures whose monthly series' SPC variation (latest month) differs from the last Board's pack's."""
    now, then = document.get("spc", {}), last.get("spc", {})
    changes = []
    for figure_id in _headlines(document):
        series = monthly_id(figure_id)
        current, previous = (now.get(series) or {}).get("variation"), (then.get(series) or {}).get("variation")
        if current and previous and current != previous:
            changes.append(Change(describe(figure_id).label, f"now {VARIATION_WORDS[current]} (was {VARIATION_WORDS[previous]})"))
    return changes


def target_changes(document: dict, last: dict, last_values: dict, targets: dict[str, Target]) -> list[Change]:
    """Figures newly meeting their target (green now, not green at the last Board) or newly missing it (green then, not
    now), each pack's figure as shown (``last_values``: the last pack's as this pack may show them) against the target in
    force at its own period end."""
    changes = []
    for figure_id in _headlines(document):
        if figure_id not in targets or figure_id in document.get("suppressed", ()):
            continue
        indicator = describe(figure_id)
        now = _rating(document["figures"].get(figure_id), targets[figure_id], date.fromisoformat(document["period_end"]), figure_id)
        then = _rating(last_values.get(figure_id), targets[figure_id], date.fromisoformat(last["period_end"]), figure_id)
        if now is None or then is None or (now == "green") == (then == "green"):
            continue
        shown = (
            f"{format_figure(last_values.get(figure_id), figure_id)} then, {format_figure(document['figures'][figure_id], figure_id)} now"
        )
        words = "target newly met" if now == "green" else f"target newly missed ({now})"
        changes.append(Change(indicator.label, f"{words}: {shown}"))
    return changes


def _rating(value, target: Target, on: date, figure_id: str) -> str | None:
    if value is None or value == SUPPRESSED:
        return None
    indicator = describe(figure_id)
    return rag(as_shown(value, indicator.kind, figure_id), target_in_force(target, on), indicator.better)


def _headlines(document: dict) -> list[str]:
    """The shown headline figures of a pack, in the catalogue's order."""
    return sorted((i for i, v in document["figures"].items() if not isinstance(v, dict) and is_shown(i)), key=order)
