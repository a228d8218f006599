"""Headline sentences generated from the figures, worded only as far as the numbers allow."""
from __future__ import annotations

from datetime import datetime
from typing import Mapping

import pandas as pd

from .catalogue import describe
from .disclosure import SUPPRESSED, format_value, is_disclosive
from .figure import Figure
from .safetext import markdown_escape

MIN_DENOMINATOR = 20


def month_name(key: str) -> str:
    """``2019-03`` → ``March 2019``."""
    return datetime.strptime(key, "%Y-%m").strftime("%B %Y")


def publishable_ends(monthly: Mapping[str, Figure], threshold: int) -> tuple[tuple[str, Figure], tuple[str, Figure]] | None:
    """The first and last months whose share can be published; ``None`` when fewer than two."""
    known = [(m, f) for m, f in sorted(monthly.items()) if f.value is not None and not is_disclosive(f, threshold)]
    return (known[0], known[-1]) if len(known) >= 2 else None


def direction(monthly: Mapping[str, Figure], threshold: int) -> str | None:
    """``rose from 31% in March 2019 to 44% in May 2019`` (or fell, or held steady), from the first
    publishable month to the last; ``None`` unless both have at least 20 records behind them."""
    ends = publishable_ends(monthly, threshold)
    if ends is None:
        return None
    (first_month, first), (last_month, last) = ends
    if min(first.basis[-1], last.basis[-1]) < MIN_DENOMINATOR:
        return None
    change = "rose" if last.value > first.value else "fell" if last.value < first.value else "held steady"
    return (
        f"{change} from {format_value(first.value, 'share')} in {month_name(first_month)} "
        f"to {format_value(last.value, 'share')} in {month_name(last_month)}"
    )


def share_headline(label: str, overall: Figure, monthly: Mapping[str, Figure], threshold: int) -> str:
    """One sentence: the period's share, and whether it rose or fell from the first month to the last.

    Says *rose* or *fell* only when both months have at least 20 records behind them;
    otherwise says there are too few to tell. Suppressed figures are not quoted.
    """
    if overall.value is None:
        return f"{label}: no records in the period."
    if is_disclosive(overall, threshold):
        return f"{label}: too few records in the period to publish."
    sentence = f"{label}: {format_value(overall.value, 'share')} over the period ({format_value(overall.basis[-1], 'count')} in all)."
    if publishable_ends(monthly, threshold) is None:
        return sentence
    trend = direction(monthly, threshold)
    if trend is None:
        return f"{sentence} Too few records each month to tell whether it is rising or falling."
    return f"{sentence} It {trend}."


def trend_title(label: str, monthly: Mapping[str, Figure], threshold: int) -> str:
    """A chart title that states the finding when the numbers allow: ``Good or better audits rose from …``."""
    trend = direction(monthly, threshold)
    return f"{label} {trend}" if trend else f"{label}, by month"


def figure_fact(figure_id: str, figure: Figure, threshold: int) -> str:
    """One headline figure in words, labelled from the catalogue: ``Contacts: 8,000``;
    a share also gives its denominator, ``… 85% (of 240)``. Withheld figures read ``[c]``."""
    indicator = describe(figure_id)
    if figure.value is None:
        return f"{indicator.label}: no records."
    if is_disclosive(figure, threshold):
        return f"{indicator.label}: {SUPPRESSED} (too few records to publish)."
    text = f"{indicator.label}: {format_value(figure.value, indicator.kind)}"
    if indicator.kind == "share":
        text += f" (of {format_value(figure.basis[-1], 'count')})"
    return text + "."


def figure_facts(figures: Mapping[str, Figure], threshold: int) -> str:
    """A Markdown list with one line per figure, in the order given (see :func:`figure_fact`)."""
    return "\n".join(f"- {figure_fact(figure_id, figure, threshold)}" for figure_id, figure in figures.items())



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
    parts = [f"{markdown_escape(row_label)} {_safe_share_words(row[share_column], row[denominator_column])}" for row_label, row in safe.iterrows()]
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
