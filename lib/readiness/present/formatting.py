"""Numbers as the page shows them: shares "44%", counts "1,234", other numbers "16.3", rounded half up as a spreadsheet does."""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import pandas as pd

from readiness.disclosure.control import SUPPRESSED

NO_DATA = "–"


def format_value(value, kind: str) -> str:
    """Text for the page: ``share`` "44%", ``count`` "1,234", ``number`` or ``rate`` "16.3" (or "16" when whole).

    Rounds half up, as a spreadsheet does, so 0.445 shows as "45%". ``None`` or
    NaN shows as "–" (no data); ``[c]`` stays "[c]".
    """
    formatters = {"share": _format_share, "count": _format_count, "number": _format_number, "rate": _format_number}
    if kind not in formatters:
        raise ValueError(f"unknown kind {kind!r}: use share, count, number or rate")
    if isinstance(value, str) and value == SUPPRESSED:
        return SUPPRESSED
    if value is None or pd.isna(value):
        return NO_DATA
    return formatters[kind](value)


def round_half_up(value, places: int) -> Decimal:
    """``value`` rounded to ``places`` decimals, halves away from zero, from its shortest decimal form."""
    return Decimal(str(float(value))).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def _format_share(value) -> str:
    return f"{round_half_up(value, 2).scaleb(2):,}%"


def _format_count(value) -> str:
    if value != int(value):
        raise ValueError(f"a count must be a whole number, got {value!r}")
    return f"{int(value):,}"


def _format_number(value) -> str:
    rounded = round_half_up(value, 1)
    if rounded == rounded.to_integral_value():
        rounded = rounded.quantize(Decimal(1))
    return f"{rounded:,}"
