"""Headline sentences generated from the figures, worded only as far as the numbers allow."""
from __future__ import annotations

from datetime import datetime
from typing import Mapping

from .catalogue import describe
from .disclosure import SUPPRESSED, format_value, is_disclosive
from .figure import Figure

MIN_DENOMINATOR = 20


def month_name(key: str) -> str:
    """``2019-03`` → ``March 2019``."""
    return datetime.strptime(key, "%Y-%m").strftime("%B %Y")


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
    known = [(month, figure) for month, figure in sorted(monthly.items()) if figure.value is not None]
    if len(known) < 2:
        return sentence
    (first_month, first), (last_month, last) = known[0], known[-1]
    if min(first.basis[-1], last.basis[-1]) < MIN_DENOMINATOR:
        return f"{sentence} Too few records each month to tell whether it is rising or falling."
    change = "rose" if last.value > first.value else "fell" if last.value < first.value else "held steady"
    return (
        f"{sentence} It {change} from {format_value(first.value, 'share')} in {month_name(first_month)} "
        f"to {format_value(last.value, 'share')} in {month_name(last_month)}."
    )


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


def practice_week_sentences(table, threshold: int) -> str:
    """A Markdown list, a line per practice week of :func:`readiness.indicators.practice_weeks.comparison_table`:
    the domain's good-or-better share in the eight weeks before and after, each withheld where small."""
    lines = []
    for week, row in table.iterrows():
        sides = [
            _share_words(share_of(row, side), threshold) + f" in the eight weeks {side}" for side in ("before", "after")
        ]
        lines.append(f"- {week}: good or better {sides[0]}; {sides[1]}.")
    return "\n".join(lines)


def share_of(row, side: str) -> Figure:
    """The ``before`` or ``after`` good-or-better share of a practice-week row, with its counts."""
    return share_of_counts(row[f"{side}_good_or_better"], row[f"{side}_graded"])


def _share_words(figure: Figure, threshold: int) -> str:
    """``45% (of 49)``, ``[c]`` when withheld, ``no audits`` when none."""
    if figure.value is None:
        return "– (no audits)"
    if is_disclosive(figure, threshold):
        return SUPPRESSED
    return f"{format_value(figure.value, 'share')} (of {format_value(figure.basis[-1], 'count')})"


def row_shares_sentence(label: str, table, numerator: str, denominator: str, threshold: int) -> str:
    """One sentence comparing a share across a table's rows, each withheld where small:
    ``Good or better: Mock inspection 63% (of 19); Routine 54% (of 335).``"""
    parts = [
        f"{row_label} {_share_words(share_of_counts(row[numerator], row[denominator]), threshold)}"
        for row_label, row in table.iterrows()
    ]
    return f"{label}: {'; '.join(parts)}."


def share_of_counts(numerator, denominator) -> Figure:
    """A share as a :class:`Figure` from two counts (``None`` over none)."""
    numerator, denominator = int(numerator), int(denominator)
    return Figure(numerator / denominator if denominator else None, (numerator, denominator))
