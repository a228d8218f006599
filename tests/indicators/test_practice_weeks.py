"""Focus on Practice weeks: before and after windows worked by hand.

Week of Monday 25 Feb 2019, domain voice_of_child.
Before: 25 Feb − 56 days = 31 Dec 2018 ≤ audit_date < 25 Feb 2019.
After:  25 Feb + 7 = 4 Mar 2019 ≤ audit_date < 25 Feb + 63 = 29 Apr 2019.

audit  date        voice_of_child         window
a1     2018-12-30  good                   none (a day too early)
a2     2018-12-31  inadequate             before (first day)
a3     2019-02-24  good                   before (last day)
a4     2019-02-25  outstanding            none (the week itself)
a5     2019-03-03  good                   none (the week's last day)
a6     2019-03-04  requires_improvement   after (first day)
a7     2019-04-01  good                   after
a8     2019-04-28  outstanding            after (last day)
a9     2019-04-29  good                   none (a day too late)
a10    2019-03-10  (not graded)           after, but not counted
Before: 1 good of 2 = 1/2. After: 2 good or better of 3 = 2/3. Change 2/3 − 1/2 = 1/6.
"""

from datetime import date

import pandas as pd
import pytest

from readiness.config.param_models import PracticeWeek
from readiness.errors import InputError
from readiness.indicators.practice_weeks import compare_practice_weeks, comparison_table


@pytest.fixture
def audits() -> pd.DataFrame:
    dates = [
        "2018-12-30",
        "2018-12-31",
        "2019-02-24",
        "2019-02-25",
        "2019-03-03",
        "2019-03-04",
        "2019-04-01",
        "2019-04-28",
        "2019-04-29",
        "2019-03-10",
    ]
    voice = ["good", "inadequate", "good", "outstanding", "good", "requires_improvement", "good", "outstanding", "good", None]
    return pd.DataFrame(
        {
            "audit_id": [f"a{i}" for i in range(1, 11)],
            "audit_date": pd.to_datetime(dates),
            "grade": "inadequate",  # the overall grade plays no part in a domain's comparison
            "domain_voice_of_child": pd.array(voice, dtype="string"),
            "domain_planning": pd.array([None] * 9 + ["good"], dtype="string"),
        }
    )


def test_before_and_after_windows(audits):
    row = compare_practice_weeks(audits, [PracticeWeek(date=date(2019, 2, 25), domain="voice_of_child")]).iloc[0]
    assert row[["before_graded", "before_good_or_better", "after_graded", "after_good_or_better"]].tolist() == [2, 1, 3, 2]
    assert row["before_share"] == 0.5
    assert row["after_share"] == pytest.approx(2 / 3)
    assert row["change"] == pytest.approx(1 / 6)


def test_one_row_per_week_and_missing_shares_without_audits(audits):
    weeks = [PracticeWeek(date=date(2019, 2, 25), domain="voice_of_child"), PracticeWeek(date=date(2019, 3, 4), domain="planning")]
    table = compare_practice_weeks(audits, weeks)
    assert table["domain"].tolist() == ["voice_of_child", "planning"]
    # planning, week of 4 Mar: before 7 Jan-3 Mar has no planning grade; after 11 Mar-5 May has none (a10 is 10 Mar, in the week)
    planning = table.iloc[1]
    assert planning[["before_graded", "after_graded"]].tolist() == [0, 0]
    assert pd.isna(planning["before_share"]) and pd.isna(planning["change"])


def test_no_weeks_gives_an_empty_table(audits):
    table = compare_practice_weeks(audits, [])
    assert table.empty and "after_share" in table.columns


def test_unknown_domain_is_an_input_error(audits):
    with pytest.raises(InputError, match="domain_supervision"):
        compare_practice_weeks(audits, [PracticeWeek(date=date(2019, 2, 25), domain="supervision")])


def test_comparison_table_is_indexed_by_week_in_words(audits):
    table = comparison_table(audits, [PracticeWeek(date=date(2019, 2, 25), domain="voice_of_child")])
    assert table.index.tolist() == ["Voice of child, week of 25 February 2019"]
    assert table.columns.tolist() == [
        "before_graded",
        "before_good_or_better",
        "before_share",
        "after_graded",
        "after_good_or_better",
        "after_share",
    ]
    assert table.iloc[0]["after_share"] == pytest.approx(2 / 3)
