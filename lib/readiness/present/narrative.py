"""Headline sentences generated from the figures, worded only as far as the numbers allow."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Mapping

import pandas as pd

from readiness.config.catalogue import describe
from readiness.config.figures import REGISTRY
from readiness.disclosure.control import SUPPRESSED, is_disclosive
from readiness.disclosure.rounding import published_figure, published_value
from readiness.indicators.figure import Figure
from readiness.safetext import markdown_escape

from .formatting import format_figure, format_value
from .spc import Reading
from .spc_series import SOURCE_WORDS, XmrSeries

RISES = {("improvement", "higher"), ("concern", "lower"), ("high", None)}
FALLS = {("improvement", "lower"), ("concern", "higher"), ("low", None)}


def month_name(key: str) -> str:
    """``2019-03`` → ``March 2019``."""
    return datetime.strptime(key, "%Y-%m").strftime("%B %Y")


def movement(reading: Reading | None, better: str | None) -> str | None:
    """``rose`` or ``fell`` when the SPC variation of the latest month says so (special cause); else ``None``."""
    if reading is None:
        return None
    key = (reading.variation, better if reading.variation in ("improvement", "concern") else None)
    return "rose" if key in RISES else "fell" if key in FALLS else None


def usual_range(reading: Reading, kind: str) -> str:
    """The process limits in words, ``43% to 69%``: a share's kept within 0-100%, a count's or number's above 0."""
    top = 1 if kind == "share" else float("inf")
    lower, upper = (min(max(limit, 0), top) for limit in (reading.lower, reading.upper))
    shown = "share" if kind == "share" else "number"
    return f"{format_value(lower, shown)} to {format_value(upper, shown)}"


def spc_sentence(reading: Reading | None, better: str | None, kind: str, reason: str = "") -> str:
    """How a monthly series moves, from its SPC reading only: ``It rose beyond its usual range (special-cause
    improvement).``, ``It varies within its usual range (43% to 69%).``, or, with no reading, ``reason`` (why not)."""
    if reading is None:
        return reason
    change = movement(reading, better)
    if change is None:
        return f"It varies within its usual range ({usual_range(reading, kind)})."
    cause = "" if reading.variation in ("high", "low") else f" (special-cause {reading.variation})"
    return f"It {change} beyond its usual range{cause}."


def few_a_month(per_month: int) -> str:
    """The sentence beside a share's chart when its months have few cases: ``About 14 a month: only large changes can show.``"""
    return f"About {per_month} a month: only large changes can show."


def share_headline(label: str, overall: Figure, threshold: int, trend: str = "", round_to: int = 0) -> str:
    """One sentence: the period's share, then ``trend`` (how its monthly series moves, :func:`spc_sentence`) if given.

    Suppressed figures are not quoted; the count is published to ``round_to`` (0: exact)."""
    if overall.value is None:
        return f"{label}: no records in the period."
    if is_disclosive(overall, threshold):
        return f"{label}: too few records in the period to publish."
    records = published_value(overall.basis[-1], "count", "", round_to)
    sentence = f"{label}: {format_value(overall.value, 'share')} over the period ({format_value(records, 'count')} in all)."
    return f"{sentence} {trend}" if trend else sentence


def trend_title(label: str, reading: Reading | None, better: str | None) -> str:
    """A chart title that states the finding by SPC: ``Good or better audits rose beyond their usual range``,
    ``… vary within their usual range``, or ``…, by month`` when there are too few months."""
    if reading is None:
        return f"{label}, by month"
    change = movement(reading, better)
    return f"{label}: {change} beyond the usual range" if change else f"{label}: within the usual range"


def figure_fact(
    figure_id: str, figure: Figure, threshold: int, round_to: int = 0, not_in_return: str | None = None, label: str | None = None
) -> str:
    """One headline figure in words, labelled from the catalogue, as published (to ``round_to``; 0: exact):
    ``Contacts: 8,000``; a share also gives its denominator, ``… 85% (of 240)``, with its unit when the figure
    declares one (``… 11% (of 78 social workers, by headcount)``: an FTE share). Withheld figures read ``[c]``.
    A null figure reads "not in this return" when ``not_in_return`` names the unexported column(s) it reads,
    else "no records". ``label`` names it instead of its catalogue label (one with its local standard's value)."""
    indicator = describe(figure_id)
    indicator = indicator if label is None else replace(indicator, label=label)
    if figure.value is None and not_in_return:
        return f"{indicator.label}: not in this return (its {not_in_return} column is blank in every row)."
    if figure.value is None:
        return f"{indicator.label}: no records."
    if is_disclosive(figure, threshold):
        return f"{indicator.label}: {SUPPRESSED} (too few records to publish)."
    text = f"{indicator.label}: {format_figure(published_figure(figure_id, figure.value, round_to), figure_id)}"
    if indicator.kind == "share":
        declared = REGISTRY.find(figure_id)
        base = f" {declared.base}" if declared is not None and declared.base else ""  # an FTE share's base is a headcount
        text += f" (of {format_value(published_value(figure.basis[-1], 'count', '', round_to), 'count')}{base})"
    return text + "."


def figure_facts(
    figures: Mapping[str, Figure],
    threshold: int,
    round_to: int = 0,
    not_in_return: Mapping[str, str | None] | None = None,
    labels: Mapping[str, str] | None = None,
) -> str:
    """A Markdown list with one line per figure, in the order given (see :func:`figure_fact`; ``not_in_return``: per
    figure id, the unexported columns it reads; ``labels``: per figure id, its label where not the catalogue's)."""
    reasons, labels = not_in_return or {}, labels or {}
    return "\n".join(
        f"- {figure_fact(figure_id, figure, threshold, round_to, reasons.get(figure_id), labels.get(figure_id))}"
        for figure_id, figure in figures.items()
    )


def withholding_note(threshold: int, more: str = "", round_to: int = 0) -> str:
    """The caveat on small numbers, true for the pack's audience: numbers from 1 to ``threshold`` withheld as [c] and
    ``more`` (what else is, ``{n}`` standing for the threshold), and counts rounded to ``round_to``; for an internal
    pack (0), that nothing is withheld."""
    if threshold == 0:
        return "Nothing is withheld: this pack is for internal use (OFFICIAL-SENSITIVE) and shows every number, however small."
    tail = f", {more.format(n=threshold)}" if more else ""
    rounded = f" Other counts are rounded to the nearest {round_to} (see the vital signs)." if round_to else ""
    return f"Numbers from 1 to {threshold} are withheld as {SUPPRESSED}{tail}.{rounded}"


def practice_week_sentences(safe) -> str:
    """A Markdown list, a line per practice week, from the Board-safe (disclosure-controlled)
    :func:`readiness.indicators.practice_weeks.comparison_table`: the domain's good-or-better share in
    the eight weeks before and after, withheld exactly where the table withholds it. Week labels are data:
    Markdown-escaped, so a domain heading never becomes markup."""
    lines = []
    for week, row in safe.iterrows():
        before, after = (_safe_share_words(row[f"{side}_share"], row[f"{side}_graded"]) for side in ("before", "after"))
        lines.append(f"- {markdown_escape(week)}: good or better {before} in the eight weeks before; {after} in the eight weeks after.")
    return "\n".join(lines)


def row_shares_sentence(label: str, safe, share_column: str, denominator_column: str) -> str:
    """One sentence comparing a share across the rows of a Board-safe table, withheld where the table withholds it:
    ``Good or better: Mock inspection 63% (of 19); Routine 54% (of 335).`` Row labels are Markdown-escaped."""
    parts = [
        f"{markdown_escape(row_label)} {_safe_share_words(row[share_column], row[denominator_column])}"
        for row_label, row in safe.iterrows()
    ]
    return f"{label}: {'; '.join(parts)}."


def _safe_share_words(value, denominator) -> str:
    """``45% (of 49)`` from a Board-safe share and its denominator; ``[c]`` when withheld; ``– (none)`` when empty."""
    if isinstance(value, str) and value == SUPPRESSED:
        return SUPPRESSED
    if value is None or pd.isna(value):
        return "– (none)"
    text = format_value(value, "share")
    if not (isinstance(denominator, str) and denominator == SUPPRESSED):
        text += f" (of {format_value(denominator, 'count')})"
    return text


VARIATION_WORDS = {
    "improvement": "special-cause improvement",
    "concern": "special-cause concern",
    "high": "special-cause variation, high",
    "low": "special-cause variation, low",
    "common_cause": "common-cause variation only",
}
ASSURANCE_WORDS = {
    "pass": "the limits say it will meet the target consistently",
    "fail": "the limits say it will not meet the target without change",
    "hit_and_miss": "the limits say it will meet the target some months and not others",
}


def xmr_alt_text(label: str, xmr: XmrSeries, kind: str) -> str:
    """What an XmR chart shows, in words: months, centre and limits, the latest month's variation, the target's assurance."""
    months = [month for month, value in xmr.points.items() if value is not None]
    if not months:
        return f"XmR chart of {label} by month: no month to show."
    before = [m for m in months if m in xmr.before]
    earlier = f", {len(before)} of them before the period, drawn hollow" if before else ""
    plural = "s" if len(months) != 1 else ""
    text = f"XmR chart of {label} by month, {month_name(months[0])} to {month_name(months[-1])} ({len(months)} month{plural}{earlier})."
    shown = "share" if kind == "share" else "number"
    sources = sorted({xmr.sources[m] for m in months}, key=list(SOURCE_WORDS).index)
    text += f" From {' and '.join(SOURCE_WORDS[s] for s in sources)}."
    if xmr.per_month is not None:
        text += f" {few_a_month(xmr.per_month)}"
    if xmr.target is not None:
        text += f" Target {format_value(xmr.target, shown)}."
    reading = xmr.reading
    if reading is None:
        return f"{text} {xmr.reason}"
    if reading.phase_start:
        text += f" A new phase from {month_name(reading.phase_start)} has its own limits."
    if reading.baseline_end:
        text += f" Limits from the months up to {month_name(reading.baseline_end)}, held since."
    text += f" Centre {format_value(reading.centre, shown)}, process limits {usual_range(reading, kind)}. The latest month shows {VARIATION_WORDS[reading.variation]}."
    return text + (f" Assurance: {ASSURANCE_WORDS[reading.assurance]}." if reading.assurance else "")
