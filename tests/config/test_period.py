"""Periods, months and anniversaries."""

from datetime import date

import pandas as pd

from readiness.config.period import Period, month_key, one_year_before
from readiness.indicators.figure import count, share, statistic


def test_months_lists_every_month_the_period_touches():
    assert Period.of(date(2018, 12, 15), date(2019, 2, 1)).months() == ["2018-12", "2019-01", "2019-02"]


def test_contains_includes_both_ends_and_excludes_missing():
    period = Period.of(date(2019, 1, 1), date(2019, 1, 31))
    dates = pd.Series(pd.to_datetime(["2018-12-31", "2019-01-01", "2019-01-31", "2019-02-01", None]))
    assert period.contains(dates).tolist() == [False, True, True, False, False]


def test_days_counts_both_ends():
    assert Period.of(date(2019, 1, 1), date(2019, 12, 31)).days == 365


def test_snapshot_defaults_to_the_end():
    assert Period.of(date(2019, 1, 1), date(2019, 3, 31)).snapshot == date(2019, 3, 31)


def test_one_year_before_29_february_is_28_february():
    assert one_year_before(date(2020, 2, 29)) == date(2019, 2, 28)
    assert one_year_before(date(2019, 6, 30)) == date(2018, 6, 30)


def test_month_key():
    assert month_key(pd.Series(pd.to_datetime(["2019-04-30"]))).tolist() == ["2019-04"]


def test_figure_constructors_record_their_basis():
    assert count(3).value == 3 and count(3).basis == (3,)
    assert share(3, 40).value == 0.075 and share(3, 40).basis == (3, 40)
    assert share(0, 0).value is None
    assert statistic(33.0, 12).value == 33 and isinstance(statistic(33.0, 12).value, int)
    assert statistic(32.5, 12).value == 32.5
    assert statistic(None, 0).value is None


def test_month_key_keeps_missing_dates_missing_and_the_rows_in_place():
    dates = pd.Series(pd.to_datetime(["2019-04-30", None, "2019-04-01", "2020-12-31"]), index=[5, 3, 9, 1], name="day")
    keys = month_key(dates)
    assert keys.tolist()[::2] == ["2019-04", "2019-04"] and keys.iloc[3] == "2020-12" and pd.isna(keys.iloc[1])
    assert list(keys.index) == [5, 3, 9, 1] and keys.name == "day"
