"""Working days in England: Monday to Friday less bank holidays (substitute days included)."""

from __future__ import annotations

from functools import lru_cache

import holidays
import numpy as np
import pandas as pd

_FIRST_YEAR, _LAST_YEAR = 1990, 2040


@lru_cache(maxsize=1)
def england_bank_holidays() -> np.ndarray:
    """England's bank holidays 1990-2040 from the maintained ``holidays`` package."""
    calendar = holidays.country_holidays("GB", subdiv="ENG", years=range(_FIRST_YEAR, _LAST_YEAR + 1))
    return np.array(sorted(calendar.keys()), dtype="datetime64[D]")


def working_days(start, end) -> pd.Series | int:
    """Working days d with ``start <= d < end``, as ``numpy.busday_count`` counts them.

    Takes two dates or two aligned Series; a missing date gives a missing result.
    Negative when ``end`` is before ``start``.

    >>> working_days(pd.Timestamp("2019-04-18"), pd.Timestamp("2019-04-24"))  # Easter 2019
    2
    """
    if not isinstance(start, pd.Series) and not isinstance(end, pd.Series):
        return int(np.busday_count(_day(start), _day(end), holidays=england_bank_holidays()))
    start, end = _as_series(start, end), _as_series(end, start)
    known = start.notna() & end.notna()
    result = pd.Series(pd.NA, index=start.index, dtype="Int64")
    if known.any():
        result[known] = np.busday_count(
            start[known].to_numpy(dtype="datetime64[D]"), end[known].to_numpy(dtype="datetime64[D]"), holidays=england_bank_holidays()
        )
    return result


def _day(value) -> np.datetime64:
    return np.datetime64(pd.Timestamp(value).date(), "D")


def _as_series(value, like) -> pd.Series:
    if isinstance(value, pd.Series):
        return pd.to_datetime(value)
    return pd.Series(pd.Timestamp(value), index=like.index)
