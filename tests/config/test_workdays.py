"""working_days on hand-counted spans: England's bank holidays, substitute days, negative spans, blanks."""

import pandas as pd
from pandas.testing import assert_series_equal

from readiness.config.workdays import working_days


def test_span_across_easter_2019_skips_good_friday_and_easter_monday():
    # Thu 18 Apr .. Tue 23 Apr (end Wed 24 excluded): 18 ✓, 19 Good Friday ✗, 20-21 weekend ✗,
    # 22 Easter Monday ✗, 23 ✓ -> 2
    assert working_days(pd.Timestamp("2019-04-18"), pd.Timestamp("2019-04-24")) == 2


def test_substitute_bank_holiday_for_boxing_day_2020_is_not_a_working_day():
    # Christmas Fri 25 Dec 2020; Boxing Day fell on Sat 26, so Mon 28 Dec is the substitute day.
    # Thu 24 ✓, 25 ✗, 26-27 weekend ✗, 28 substitute ✗, Tue 29 ✓ (end Wed 30 excluded) -> 2
    assert working_days(pd.Timestamp("2020-12-24"), pd.Timestamp("2020-12-30")) == 2


def test_start_day_counts_end_day_does_not():
    # Mon 7 Jan 2019 to Tue 8 Jan: only the Monday -> 1; the same day -> 0
    assert working_days(pd.Timestamp("2019-01-07"), pd.Timestamp("2019-01-08")) == 1
    assert working_days(pd.Timestamp("2019-01-07"), pd.Timestamp("2019-01-07")) == 0


def test_nine_weeks_without_bank_holidays_is_45_working_days():
    # Mon 7 Jan 2019 + 63 days = Mon 11 Mar: nine whole weeks, no bank holiday -> 9 x 5 = 45
    assert working_days(pd.Timestamp("2019-01-07"), pd.Timestamp("2019-03-11")) == 45


def test_negative_span_counts_backwards():
    # end before start: the Easter span above, reversed -> -2
    assert working_days(pd.Timestamp("2019-04-24"), pd.Timestamp("2019-04-18")) == -2


def test_series_with_a_blank_gives_a_blank_and_a_scalar_end_is_broadcast():
    starts = pd.Series(pd.to_datetime(["2019-04-18", None, "2019-04-24"]))
    # to Wed 24 Apr: 2 (as above); blank start -> <NA>; 24 -> 24 is 0
    expected = pd.Series([2, pd.NA, 0], dtype="Int64")
    assert_series_equal(working_days(starts, pd.Timestamp("2019-04-24")), expected)
