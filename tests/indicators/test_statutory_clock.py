"""Assessments on Working Together's clock (45 working days from the referral), worked by hand.

Period 2021-03-01 to 2021-08-31. Working days w(a, b): weekdays d with a <= d < b, less bank holidays (Good Friday
2 April, Easter Monday 5 April, 3 May, 31 May and 30 August 2021).
| assessment | child | referral(s)             | start      | authorised | w(referral, start) | w(referral, authorised)                                |
|------------|-------|-------------------------|------------|------------|--------------------|--------------------------------------------------------|
| A1         | K1    | 2021-03-01              | 2021-03-08 | 2021-05-04 | 5                  | Mar 1-31 23 + Apr 20 (2, 5 out) + May 4: 0 (3rd out) = 43: within |
| A2         | K2    | 2021-03-01              | 2021-03-08 | 2021-05-07 | 5                  | 43 + 4, 5, 6 May = 46: not within                      |
| A3         | K3    | 2021-01-04, 2021-03-15  | 2021-03-16 | 2021-04-01 | 1 (the latest, 15 Mar) | 13: within                                          |
| A4         | K4    | 2020-03-01 (too early)  | 2021-03-08 | 2021-03-20 | -                  | no referral within a year: leaves both figures         |
| A5         | K5    | 2021-03-20 (after start)| 2021-03-10 | 2021-04-20 | -                  | the referral is after the start: leaves both figures   |
| A6         | K6    | 2021-01-04              | 2021-04-06 | 2021-04-07 | Jan 4-Apr 6: 20 + 20 + 23 + 1 (1 Apr; 2, 5 Apr out) = 64 | start alone over 45: not within |
| A7         | K7    | 2021-02-01              | 2021-02-10 | 2021-02-20 | -                  | completed before the period                            |
Counted: A1, A2, A3, A6: within A1, A3 = 2 / 4; referral to start 5, 5, 1, 64: median (5 + 5) / 2 = 5.
"""

from datetime import date

import pandas as pd
import pytest

from readiness.config.period import Period
from readiness.indicators import statutory_clock

PERIOD = Period.of(date(2021, 3, 1), date(2021, 8, 31))
ASSESSMENTS = [
    ("K1", "2021-03-08", "2021-05-04"),
    ("K2", "2021-03-08", "2021-05-07"),
    ("K3", "2021-03-16", "2021-04-01"),
    ("K4", "2021-03-08", "2021-03-20"),
    ("K5", "2021-03-10", "2021-04-20"),
    ("K6", "2021-04-06", "2021-04-07"),
    ("K7", "2021-02-10", "2021-02-20"),
]
REFERRALS = [
    ("K1", "2021-03-01"),
    ("K2", "2021-03-01"),
    ("K3", "2021-01-04"),
    ("K3", "2021-03-15"),
    ("K4", "2020-03-01"),
    ("K5", "2021-03-20"),
    ("K6", "2021-01-04"),
    ("K7", "2021-02-01"),
]


def assessments() -> pd.DataFrame:
    frame = pd.DataFrame(ASSESSMENTS, columns=["child_id", "assessment_start", "authorisation_date"]).assign(_row=range(2, 9))
    return frame.assign(**{column: pd.to_datetime(frame[column]) for column in ("assessment_start", "authorisation_date")})


def referrals() -> pd.DataFrame:
    frame = pd.DataFrame(REFERRALS, columns=["child_id", "referral_date"])
    return frame.assign(referral_date=pd.to_datetime(frame["referral_date"]))


def test_45_working_days_from_the_referral():
    found = statutory_clock.from_referral_figures(assessments(), referrals(), PERIOD, None)
    assert found["assessments.from_referral_within_45_working_days_share"].basis == (2, 4)
    assert found["assessments.referral_to_start_working_days_median"].value == 5


def test_assessments_started_within_a_year_of_list_3s_first_day_leave_the_figures():
    """List 3 covers from 8 Mar 2020: one year before A1's and A2's start (8 Mar 2021) is that day, so they count;
    A3 (16 Mar) and A6 (6 Apr) count too. From 9 Mar 2020, A1 and A2 leave: A3 within, A6 not: 1 / 2."""
    assert statutory_clock.from_referral_figures(assessments(), referrals(), PERIOD, date(2020, 3, 8))[
        "assessments.from_referral_within_45_working_days_share"
    ].basis == (2, 4)
    assert statutory_clock.from_referral_figures(assessments(), referrals(), PERIOD, date(2020, 3, 9))[
        "assessments.from_referral_within_45_working_days_share"
    ].basis == (1, 2)


@pytest.mark.parametrize(
    "start, end, days", [("2021-03-01", "2021-05-04", 43), ("2021-03-01", "2021-05-07", 46), ("2021-01-04", "2021-04-06", 64)]
)
def test_the_working_days_worked_above(start, end, days):
    from readiness.config.workdays import working_days

    assert working_days(pd.Timestamp(start), pd.Timestamp(end)) == days
