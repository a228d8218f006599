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
from readiness.indicators.common import team_keys, years_before

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
    return pd.DataFrame(
        {
            "child_id": pd.Series([r[0] for r in rows], dtype="string"),
            "referral_date": pd.to_datetime([r[1] for r in rows]),
            "referrals_last_12m": pd.Series([r[2] for r in rows], dtype="Int64"),
            "referral_source": pd.Series([r[3] for r in rows], dtype="string"),
            "referral_nfa": pd.Series([r[4] for r in rows], dtype="boolean"),
        }
    )


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


def test_the_monthly_rate_needs_a_whole_year_of_list_3_before_each_month():
    """Covered from 15 May 2018: April 2019 needs cover from 1 Apr 2018 and May from 1 May 2018 (null); June on are values.
    June: K1 yes, K2 no; July: K5; August: K4; September has no referral."""
    found = rereferrals.monthly_rereferral_share(referrals(), PERIOD, date(2018, 5, 15))
    assert {month: figure.value for month, figure in found.items()} == {
        "2019-04": None,
        "2019-05": None,
        "2019-06": 0.5,
        "2019-07": 1.0,
        "2019-08": 1.0,
        "2019-09": None,
    }
    assert found["2019-04"].basis == () and found["2019-09"].basis == (0, 0)  # not covered, against covered with none


def test_a_month_whose_year_before_starts_on_the_cover_date_is_a_value():
    """Covered from 1 Apr 2018, one year before 1 Apr 2019: April is K4 no, K5 yes; May K3 yes (K6 unknown)."""
    found = rereferrals.monthly_rereferral_share(referrals(), PERIOD, date(2018, 4, 1))
    assert (found["2019-04"].value, found["2019-05"].value) == (0.5, 1.0)


def test_dfe_source_groups():
    codes = pd.Series(["1C", "1", "2A", "2B", "2", "3E", "4", "5D", "6", "7", "8", "9", "10", None], dtype="string")
    assert list(rereferrals.dfe_source_group(codes)) == [
        "individual",
        "individual",
        "schools",
        "education_services",
        "education_services",
        "health",
        "housing",
        "la_services",
        "police",
        "other_legal",
        "other",
        "anonymous",
        "unknown",
        "unknown",
    ]


def test_the_rate_by_source_group_and_by_team():
    rows = referrals()
    by_group = rereferrals.rereferral_shares_by(rows, PERIOD, rereferrals.dfe_source_group(rows["referral_source"]), "r.by_source_group")
    # in period: police K1, K3, K4 Aug, K5 Jul (all yes); schools K2, K4 Apr (no); health K5 Apr (yes); unknown K6 (status unknown)
    assert {key: figure.value for key, figure in by_group.items()} == {
        "r.by_source_group.health": 1.0,
        "r.by_source_group.police": 1.0,
        "r.by_source_group.schools": 0.0,
        "r.by_source_group.unknown": None,
    }
    teams = pd.Series(["North", "North ", "North", None, "South", "South", "South", "South", "South", None], dtype="string")
    keys = team_keys(rows.assign(team=teams)).str.strip()
    by_team = rereferrals.rereferral_shares_by(rows, PERIOD, keys, "r.by_team")
    # North: K1 Jun (a trailing space trimmed); Not recorded: K2 Jun (no), K6 (unknown); South: K3, K4 Aug, K5 Apr, K5 Jul yes, K4 Apr no
    assert {key: figure.basis for key, figure in by_team.items()} == {
        "r.by_team.North": (1, 1),
        "r.by_team.Not recorded": (0, 1),
        "r.by_team.South": (4, 5),
    }


def test_outcomes_by_team():
    teams = pd.Series(["North", "North", "North", None, "South", "South", "South", "South", "South", None], dtype="string")
    table = rereferrals.outcomes_by_team(referrals().assign(team=teams), PERIOD)
    # in period: North K1 Jun (yes); Not recorded K2 Jun (NFA, no), K6 (NFA, unknown); South K3, K4 Apr (NFA, no), K4 Aug, K5 Apr, K5 Jul
    assert table.loc["North", ["referrals", "nfa", "status_known", "rereferral"]].tolist() == [1, 0, 1, 1]
    assert table.loc["Not recorded", ["referrals", "nfa", "status_known", "rereferral"]].tolist() == [2, 2, 1, 0]
    assert table.loc["South", ["referrals", "nfa", "status_known", "rereferral"]].tolist() == [5, 1, 5, 4]
    assert table.loc["South", "rereferral_share"] == pytest.approx(4 / 5)


def test_a_year_before_each_date_is_the_same_day_a_year_earlier_29_february_28():
    dates = pd.Series([pd.Timestamp("2020-02-29"), pd.Timestamp("2019-06-10 14:30"), pd.Timestamp("2019-03-01"), pd.NaT])
    expected = [pd.Timestamp("2019-02-28"), pd.Timestamp("2018-06-10"), pd.Timestamp("2018-03-01")]
    assert years_before(dates).tolist()[:3] == expected
    assert pd.isna(years_before(dates).iloc[3])


def test_the_status_is_worked_out_once_for_the_same_frame(monkeypatch):
    worked = []
    monkeypatch.setattr(rereferrals, "_status", lambda frame: worked.append(frame) or pd.Series(True, index=frame.index))
    first, second = referrals(), referrals()
    for frame in (first, first, second, second, first):
        rereferrals.rereferral_status(frame)
    assert [frame is first for frame in worked] == [True, False, True]
