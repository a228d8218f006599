"""Children in care against the 2010 regulations (version 4), worked by hand.

Period 2021-03-01 to 2021-08-31, snapshot Tuesday 31 August 2021; Monday 30 August 2021 and Monday 31 May 2021
are bank holidays.
First reviews, the 20th working day after the start (the start day not counted):
- start Mon 2 Aug: 3-6 Aug (4), 9-13 (9), 16-20 (14), 23-27 (19), 31 Aug (20): d1 = 31 Aug, the snapshot: due;
- start Tue 3 Aug: the 20th is Wed 1 Sep, the day after the snapshot: not yet due, the child leaves the figure;
- start Mon 1 Feb: 2-5 Feb (4), 8-12 (9), 15-19 (14), 22-26 (19), Mon 1 Mar (20): d1 = 1 Mar, d2 = 1 Jun
  (3 months later), d3 = 1 Dec (after the snapshot): the latest due is d2, so the latest review must be after d1.
"""

from datetime import date

import pandas as pd
import pytest

from readiness.config.params import Params
from readiness.config.period import Period
from readiness.indicators import care_regulations as regs
from readiness.inputs.bundle import Inputs

PERIOD = Period.of(date(2021, 3, 1), date(2021, 8, 31))
SNAPSHOT = date(2021, 8, 31)
DATES = (
    "looked_after_start",
    "looked_after_end",
    "date_of_birth",
    "placement_start",
    "last_visit",
    "latest_review",
    "last_health_assessment",
)
DEFAULTS = {
    "looked_after_end": None,
    "date_of_birth": "2010-01-01",
    "placement_start": "2020-01-01",
    "last_visit": None,
    "latest_review": None,
    "last_health_assessment": None,
    "placement_type": "U6",
    "legal_status": "C2",
    "permanence_plan": None,
}


def frame(*rows: dict) -> pd.DataFrame:
    """List 8 rows: each dict gives a child's id and start and whatever differs from DEFAULTS."""
    table = pd.DataFrame([DEFAULTS | row for row in rows])
    for column in DATES:
        table[column] = pd.to_datetime(table[column])
    return table


def figures(cla: pd.DataFrame) -> dict:
    params = Params(pack_id="t", la_name="T", period_start=PERIOD.start, period_end=PERIOD.end)
    return {key: figure.value for key, figure in regs.figures(Inputs(annex_a={"list_8": cla}), params).items()}


@pytest.mark.parametrize(
    "start, due",
    [
        (date(2021, 8, 2), date(2021, 8, 31)),  # the 30 August bank holiday skipped
        (date(2021, 8, 3), date(2021, 9, 1)),
        (date(2021, 2, 1), date(2021, 3, 1)),
        (date(2021, 5, 3), date(2021, 6, 1)),  # 4-7 May (4), 10-14 (9), 17-21 (14), 24-28 (19), 31 May a holiday, 1 Jun
        (date(2021, 8, 1), date(2021, 8, 27)),  # a Sunday start: 2-6 Aug (5), 9-13 (10), 16-20 (15), 23-27 (20)
    ],
)
def test_the_first_review_is_due_on_the_twentieth_working_day_after_the_start(start, due):
    assert regs.first_review_due(start) == due


def test_the_review_window_steps_three_months_then_six():
    assert regs.last_review_window(date(2021, 8, 3), SNAPSHOT) is None
    assert regs.last_review_window(date(2021, 8, 2), SNAPSHOT) == (date(2021, 8, 2), date(2021, 8, 31))
    assert regs.last_review_window(date(2021, 2, 1), SNAPSHOT) == (date(2021, 3, 1), date(2021, 6, 1))
    # d1 1 Mar 2021, d2 1 Jun, d3 1 Dec, d4 1 Jun 2022: on 1 Jun 2022 the latest due is d4, the one before d3
    assert regs.last_review_window(date(2021, 2, 1), date(2022, 6, 1)) == (date(2021, 12, 1), date(2022, 6, 1))


def test_reviews_in_time_follow_regulation_33():
    cla = frame(
        {"child_id": "A", "looked_after_start": "2021-08-02", "latest_review": "2021-08-31"},  # first review on its due day
        {"child_id": "B", "looked_after_start": "2021-08-02"},  # first review due on the snapshot, none held: late
        {"child_id": "C", "looked_after_start": "2021-08-03"},  # first review due the day after: leaves the figure
        {"child_id": "D", "looked_after_start": "2021-02-01", "latest_review": "2021-03-01"},  # second review overdue
        {"child_id": "E", "looked_after_start": "2021-02-01", "latest_review": "2021-03-02"},  # second review held
        {"child_id": "F", "looked_after_start": "2021-02-01", "legal_status": "V3"},  # short breaks: left out
    )
    assert figures(cla)["cla.review_in_time_share"] == pytest.approx(2 / 4)


def test_visits_follow_regulation_28s_intervals():
    cla = frame(
        # a placement that began 5 days before the snapshot: one week; visited 7 days before (in) and 8 days (out)
        {"child_id": "A", "looked_after_start": "2019-01-01", "placement_start": "2021-08-26", "last_visit": "2021-08-24"},
        {"child_id": "B", "looked_after_start": "2019-01-01", "placement_start": "2021-08-26", "last_visit": "2021-08-23"},
        # long-term fostering (U4) for exactly a year (one year before the snapshot is 31 Aug 2020): 92 days; 1 Jun is 91
        {
            "child_id": "C",
            "looked_after_start": "2019-01-01",
            "placement_start": "2020-08-31",
            "placement_type": "U4",
            "last_visit": "2021-06-01",
        },
        # the same placement a day short of a year: six weeks, so 1 Jun is too long ago
        {
            "child_id": "D",
            "looked_after_start": "2019-01-01",
            "placement_start": "2020-09-01",
            "placement_type": "U4",
            "last_visit": "2021-06-01",
        },
        # any other placement: 42 days, 20 July is exactly 42 days before; no visit recorded: not visited
        {"child_id": "E", "looked_after_start": "2019-01-01", "last_visit": "2021-07-20"},
        {"child_id": "F", "looked_after_start": "2019-01-01"},
    )
    assert figures(cla)["cla.visit_within_regulation_share"] == pytest.approx(3 / 6)


def test_a_health_assessment_since_entering_care():
    cla = frame(
        {"child_id": "A", "looked_after_start": "2021-08-02", "last_health_assessment": "2021-08-20"},  # due, assessed
        {"child_id": "B", "looked_after_start": "2021-08-03"},  # first review not yet due: left out
        {"child_id": "C", "looked_after_start": "2021-05-03", "last_health_assessment": "2021-04-30"},  # before the start
        {"child_id": "D", "looked_after_start": "2020-12-01", "last_health_assessment": "2021-01-10"},  # started before the period
    )
    assert figures(cla)["cla.initial_health_assessment_share"] == pytest.approx(1 / 2)


def test_permanence_plans_of_children_in_care_four_months_or_more():
    cla = frame(
        {"child_id": "A", "looked_after_start": "2021-04-30", "permanence_plan": "adoption"},  # exactly four months
        {"child_id": "B", "looked_after_start": "2021-05-01", "permanence_plan": None},  # under four months: left out
        {"child_id": "C", "looked_after_start": "2020-01-01", "permanence_plan": None},
    )
    assert figures(cla)["cla.permanence_plan_4m_share"] == pytest.approx(1 / 2)


def test_kinship_parents_and_under_16s_in_unregulated_accommodation():
    cla = frame(
        {"child_id": "A", "looked_after_start": "2020-01-01", "placement_type": "U1"},
        {"child_id": "B", "looked_after_start": "2020-01-01", "placement_type": "U3"},
        {"child_id": "C", "looked_after_start": "2020-01-01", "placement_type": "P1"},
        {"child_id": "D", "looked_after_start": "2020-01-01", "placement_type": "H5", "date_of_birth": "2006-01-01"},  # 15
        {"child_id": "E", "looked_after_start": "2020-01-01", "placement_type": "P2", "date_of_birth": "2005-08-31"},  # 16 today
        {"child_id": "F", "looked_after_start": "2020-01-01", "placement_type": "P2", "date_of_birth": None},  # age unknown
        {"child_id": "G", "looked_after_start": "2020-01-01", "placement_type": None},  # type unknown: leaves the share
    )
    found = figures(cla)
    assert found["cla.kinship_placement_share"] == pytest.approx(2 / 6)
    assert found["cla.placed_with_parents_count"] == 1
    assert found["cla.under_16_in_unregulated_count"] == 1


def test_children_no_longer_looked_after_are_left_out():
    cla = frame(
        {"child_id": "A", "looked_after_start": "2020-01-01", "looked_after_end": "2021-08-31", "last_visit": "2021-08-30"},
        {"child_id": "B", "looked_after_start": "2020-01-01", "last_visit": "2021-08-30"},
    )
    found = figures(cla)
    assert found["cla.visit_within_regulation_share"] == 1.0
    assert found["cla.placed_with_parents_count"] == 0


def test_no_list_8_gives_no_figures():
    params = Params(pack_id="t", la_name="T", period_start=PERIOD.start, period_end=PERIOD.end)
    assert regs.figures(Inputs(), params) == {}
