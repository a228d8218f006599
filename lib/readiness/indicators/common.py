"""Helpers shared by the theme modules: period filters, masks, monthly series and breakdown tables."""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date
from typing import Iterator, Mapping

import pandas as pd

from readiness.config.period import Period, month_key
from readiness.inputs.labels import NOT_RECORDED

from .figure import Figure, count, share, statistic

NOT_COVERED = Figure(None, ())
"""A month a list does not cover: ``null`` in figures.json, never withheld, never a secondary cell."""
DAYS_PER_YEAR = 365.25


def is_yes(flags: pd.Series) -> pd.Series:
    """Plain bool mask of a ``boolean`` column: ``<NA>`` (blank or unknown) is not Yes."""
    return flags.fillna(False).astype(bool)


def is_known(values: pd.Series) -> pd.Series:
    """Plain bool mask of the values that are recorded: blank or ``Unknown`` (``<NA>``) is not."""
    return values.notna().astype(bool)


def known_share(hits: pd.Series) -> Figure:
    """Share of ``hits`` (a nullable boolean per row) that are True, over the rows where it is known:
    a blank or unknown value leaves numerator and denominator (``indicators.md``, Blank values)."""
    return share(is_yes(hits).sum(), is_known(hits).sum())


def at_least_one(numbers: pd.Series) -> pd.Series:
    """Nullable boolean per row: the count is 1 or more; ``<NA>`` where the count is blank."""
    return (numbers >= 1).astype("boolean")


def in_period(frame: pd.DataFrame, column: str, period: Period) -> pd.DataFrame:
    """The rows of ``frame`` whose date in ``column`` falls in the period."""
    return frame[period.contains(frame[column])]


def years_before(dates: pd.Series) -> pd.Series:
    """Each date's day one calendar year before (:func:`readiness.config.period.one_year_before`, 29 February →
    28 February; a time of day dropped, ``NaT`` staying ``NaT``), for the whole column at once."""
    return dates.dt.normalize() - pd.DateOffset(years=1)


def month_keys(dates: pd.Series) -> pd.Series:
    """``YYYY-MM`` of each date, named ``month`` for use as a table's row key."""
    return month_key(dates).rename("month")


def team_keys(frame: pd.DataFrame) -> pd.Series:
    """Each row's ``team``, ``Not recorded`` when blank."""
    return frame["team"].fillna(NOT_RECORDED).rename("team")


def month_or_team(rows: pd.DataFrame, date_column: str, period: Period, by: str) -> tuple[pd.Series, list[str] | None]:
    """The row keys and index of a breakdown ``by`` month of ``date_column`` (every month of the period) or by team."""
    return (month_keys(rows[date_column]), period.months()) if by == "month" else (team_keys(rows), None)


_WHOLE_MONTHS_FROM: ContextVar[date | None] = ContextVar("whole_months_from", default=None)


@contextmanager
def whole_months_only(window_start: date) -> Iterator[None]:
    """While open, :func:`monthly_counts` and :func:`monthly_shares` give :data:`NOT_COVERED` for a month that starts
    before the data's first date (a partial month is no SPC point). The data's first date is the start of the period they
    are given when it is later than ``window_start`` (an Annex A list's coverage), else the earliest of their dates
    (a local extract's)."""
    token = _WHOLE_MONTHS_FROM.set(window_start)
    try:
        yield
    finally:
        _WHOLE_MONTHS_FROM.reset(token)


def _whole_months(series: dict[str, Figure], dates: pd.Series, period: Period) -> dict[str, Figure]:
    window = _WHOLE_MONTHS_FROM.get()
    if window is None:
        return series
    first = period.start
    if first <= window:
        earliest = pd.to_datetime(dates).min()
        first = max(first, earliest.date()) if not pd.isna(earliest) else first
    whole_from = f"{first:%Y-%m}" if first.day == 1 else str(pd.Period(first, freq="M") + 1)
    return {month: figure if month >= whole_from else NOT_COVERED for month, figure in series.items()}


def monthly_counts(dates: pd.Series, period: Period) -> dict[str, Figure]:
    """Rows per month of ``dates`` for every month of the period (0 where none)."""
    months = month_key(dates[period.contains(dates)]).value_counts()
    return _whole_months({month: count(months.get(month, 0)) for month in period.months()}, dates, period)


def monthly_shares(dates: pd.Series, hits: pd.Series, period: Period) -> dict[str, Figure]:
    """Share of rows with ``hits`` among rows dated in each month of the period (``None`` where none);
    rows whose ``hits`` is ``<NA>`` (unknown) leave numerator and denominator."""
    inside = period.contains(dates) & is_known(hits)
    months = month_key(dates[inside])
    hits = hits[inside].astype(bool)
    numerators, denominators = hits.groupby(months).sum(), months.value_counts()
    return _whole_months({m: share(numerators.get(m, 0), denominators.get(m, 0)) for m in period.months()}, dates, period)


def median_of(values: pd.Series) -> Figure:
    """The plain (pandas) median of ``values``, over however many there are; ``None`` over none."""
    return statistic(values.median(), len(values))


def count_by(keys: pd.Series, columns: dict[str, pd.Series], index: list | None = None) -> pd.DataFrame:
    """Per key, how many rows each boolean column marks; ``index`` fixes the rows (absent keys give 0)."""
    table = pd.DataFrame({name: mask.astype(bool) for name, mask in columns.items()}).groupby(keys).sum()
    if index is not None:
        table = table.reindex(index, fill_value=0)
    return table.astype(int).rename_axis(keys.name)


def with_share(table: pd.DataFrame, numerator: str, denominator: str) -> pd.DataFrame:
    """``table`` with ``<numerator>_share`` = numerator ÷ denominator (missing where the denominator is 0)."""
    shares = table[numerator] / table[denominator].where(table[denominator] > 0)
    return table.assign(**{f"{numerator}_share": shares.astype(float)})


def with_share_of_total(table: pd.DataFrame, column: str) -> pd.DataFrame:
    """``table`` with ``<column>_share``: each row's share of the column's total."""
    return with_share(table.assign(_total=table[column].sum()), column, "_total").drop(columns="_total")


def worst_first(table: pd.DataFrame, column: str, higher_is_better: bool = True) -> pd.DataFrame:
    """Rows ordered worst first by ``column`` (ties by row label; missing values last)."""
    return table.sort_index().sort_values(column, ascending=higher_is_better, kind="stable", na_position="last")


def rate_per_10k(n: int, days: int, child_population: int) -> Figure:
    """Annual rate per 10,000 children over ``days`` covered days: ``n`` × 365.25 ÷ days ÷ population × 10,000.

    E.g. 100 referrals over 182 covered days with 50,000 children: 100 × 365.25 ÷ 182 ÷ 50,000 × 10,000 ≈ 40.14.
    ``None`` when no day is covered.
    """
    value = n * DAYS_PER_YEAR / days / child_population * 10_000 if days > 0 else None
    return Figure(value, (int(n),))


def over_period(series: Mapping[str, Figure], period: Period) -> dict[str, Figure]:
    """A monthly series computed over the covered period, given every month of ``period``:
    the months it does not hold are :data:`NOT_COVERED`."""
    return {month: series.get(month, NOT_COVERED) for month in period.months()}
