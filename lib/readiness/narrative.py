"""Headline sentences generated from the figures, worded only as far as the numbers allow."""
from __future__ import annotations

from datetime import datetime
from typing import Mapping

from .disclosure import format_value, is_disclosive
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
