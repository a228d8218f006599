"""Numbers as the page shows them: shares "44%", counts "1,234", rates and days whole, other numbers "16.3", rounded
half up as a spreadsheet does (the precision of each is :func:`readiness.disclosure.rounding.places`)."""

from __future__ import annotations

from decimal import Decimal

import pandas as pd

from readiness.disclosure.control import SUPPRESSED
from readiness.disclosure.rounding import figure_kind, places, round_half_up

NO_DATA = "–"
KINDS = ("share", "count", "number", "rate")


def format_value(value, kind: str, name: str = "") -> str:
    """Text for the page: ``share`` "44%", ``count`` "1,234", ``rate`` "412", ``number`` "16.3" (or "16" when whole)
    or, named for days (``median_days``), "17"; a ratio to two decimals.

    Rounds half up, as a spreadsheet does, so 0.445 shows as "45%". ``None`` or
    NaN shows as "–" (no data); ``[c]`` stays "[c]".
    """
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}: use share, count, number or rate")
    if isinstance(value, str) and value == SUPPRESSED:
        return SUPPRESSED
    if value is None or pd.isna(value):
        return NO_DATA
    if kind == "share":
        return f"{round_half_up(value, 2).scaleb(2):,}%"
    if kind == "count":
        return _format_count(value)
    return _format_number(value, places(kind, name))


def format_figure(value, figure_id: str) -> str:
    """A figure's value as the page shows it, by its kind and name (``assessments.median_working_days``: whole days)."""
    return format_value(value, figure_kind(figure_id), figure_id)


def _format_count(value) -> str:
    if value != int(value):
        raise ValueError(f"a count must be a whole number, got {value!r}")
    return f"{int(value):,}"


def _format_number(value, decimals: int) -> str:
    rounded = round_half_up(value, decimals)
    if rounded == rounded.to_integral_value():
        rounded = rounded.quantize(Decimal(1))
    return f"{rounded:,}"
