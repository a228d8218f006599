"""DfE's re-referral rate from List 3 (``referrals.rereferral_share``) and outcomes by source group, worked by hand.

Period 1 Apr - 30 Sep 2019. One year before 10 Jun 2019 is 10 Jun 2018 (inclusive).

| child | referrals (date: count on the row)      | re-referral?                                                             |
|-------|-----------------------------------------|--------------------------------------------------------------------------|
| K1    | 2018-06-10: 0, 2019-06-10: 1            | Jun 2019 yes: 10 Jun 2018 is exactly one year before (inclusive)          |
| K2    | 2018-06-09: 0, 2019-06-10: 0            | Jun 2019 no: 9 Jun 2018 is a day too early; latest count 0 = 0 listed     |
| K3    | 2019-05-01: 2                           | yes: count 2 > 0 listed before it, so an earlier referral predates the list |
| K4    | 2019-04-15: blank, 2019-08-01: 1        | Apr no (none before; latest count 1 = 1 listed); Aug yes (Apr 15)         |
| K5    | 2019-04-20: blank, 2019-07-01: 2        | both yes: latest count 2 > 1 listed (Apr 20)                              |
| K6    | 2019-05-05: blank                       | unknown: no dates and a blank count, leaves the figure                    |
In period: K1 Jun, K2 Jun, K3, K4 Apr, K4 Aug, K5 Apr, K5 Jul, K6 -> known 7, re-referrals 5.
"""
from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from readiness.config.period import Period
from readiness.indicators import rereferrals

PERIOD = Period.of(date(2019, 4, 1), date(2019, 9, 30))
# child, date, count, source code, NFA
ROWS = [
    ("K1", "2018-06-10", 0, "6", False),
    ("K1", "2019-06-10", 1, "6", False),
    ("K2", "2018-06-09", 0, "2A", False),
    ("K2", "2019-06-10", 0, "2A", True),
    ("K3", "2019-05-01", 2, "6", False),
    ("K4", "2019-04-15", None, "2A", True),
    ("K4", "2019-08-01", 1, "6", False),
    ("K5", "2019-04-20", None, "3A", False),
    ("K5", "2019-07-01", 2, "6", False),
    ("K6", "2019-05-05", None, None, True),
]


def referrals(rows=ROWS) -> pd.DataFrame:
    return pd.DataFrame({
        "child_id": pd.Series([r[0] for r in rows], dtype="string"),
        "referral_date": pd.to_datetime([r[1] for r in rows]),
        "referrals_last_12m": pd.Series([r[2] for r in rows], dtype="Int64"),
        "referral_source": pd.Series([r[3] for r in rows], dtype="string"),
        "referral_nfa": pd.Series([r[4] for r in rows], dtype="boolean"),
    })


def test_status_of_each_referral():
    status = rereferrals.rereferral_status(referrals())
    expected = [False, True, False, False, True, False, True, True, True, None]
    # K1 2018: nothing listed before it and the latest count (1) equals the one listed before the latest: not
    assert [None if pd.isna(s) else bool(s) for s in status] == expected


def test_rereferral_share():
    figure = rereferrals.rereferral_share(referrals(), PERIOD)
    assert figure.value == pytest.approx(5 / 7)
    assert figure.basis == (5, 7)


def test_latest_row_of_a_day_is_the_one_listed_last():
    # Two rows on the child's latest day: the count of the last listed (2) decides, 2 > 1 other listed before it.
    rows = [("K7", "2019-05-01", None, "6", False), ("K7", "2019-06-01", 0, "6", False), ("K7", "2019-06-01", 2, "6", False)]
    status = rereferrals.rereferral_status(referrals(rows))
    assert status.tolist() == [True, True, True]


def test_outcomes_by_source_group():
    table = rereferrals.outcomes_by_source_group(referrals(), PERIOD)
    assert table.loc["Police", ["referrals", "nfa", "status_known", "rereferral"]].tolist() == [4, 0, 4, 4]  # K1 Jun, K3, K4 Aug, K5 Jul
    assert table.loc["Schools and education", ["referrals", "nfa", "status_known", "rereferral"]].tolist() == [2, 2, 2, 0]  # K2 Jun, K4 Apr
    assert table.loc["Health services", ["referrals", "nfa", "status_known", "rereferral"]].tolist() == [1, 0, 1, 1]  # K5 Apr
    assert table.loc["Not recorded or unrecognised", ["referrals", "nfa", "status_known", "rereferral"]].tolist() == [1, 1, 0, 0]  # K6
    assert table.loc["Schools and education", "nfa_share"] == pytest.approx(1.0)
    assert pd.isna(table.loc["Not recorded or unrecognised", "rereferral_share"])
    assert table.loc["Housing", "referrals"] == 0
