"""The scorecard: each figure's one-line reading from SPC and its target, its three values and the next visit's target."""

from datetime import date

import pytest

from readiness.config.catalogue import describe
from readiness.config.param_models import Band, Step
from readiness.present.scorecard import reading, scorecard
from readiness.present.vitals import VitalSign


@pytest.mark.parametrize(
    "variation, assurance, rating, expected",
    [
        # SPC says whether the target will be met: that is the second half
        ("common_cause", "fail", "red", "common-cause variation, will not meet target without change"),
        ("improvement", "pass", "green", "improving, will meet target month after month"),
        ("concern", "hit_and_miss", "amber", "getting worse, will meet target in some months and miss it in others"),
        # a target but no assurance (a trajectory's step, or limits not read): the rating first
        ("improvement", None, "green", "at or better than target and improving"),
        ("concern", None, "red", "short of target and getting worse"),
        ("common_cause", None, "amber", "close to target, common-cause variation"),
        (None, None, "green", "at or better than target, too few months to read a trend"),
        # no target
        ("improvement", None, None, "improving; no target set"),
        ("high", None, None, "higher than usual; no target set"),
        ("common_cause", None, None, "common-cause variation; no target set"),
        (None, None, None, "too few months to read a trend; no target set"),
    ],
)
def test_reading(variation, assurance, rating, expected):
    assert reading(variation, assurance, rating) == expected


def test_a_figure_without_a_monthly_series_has_no_trend_to_read():
    assert reading(None, None, "red", monthly=False) == "short of target, no monthly trend"
    assert reading(None, None, None, monthly=False) == "no monthly trend; no target set"


def vital(figure_id, value, rating=None, spc=None, history=(), baseline="–", england="–", region="–", neighbours="–", target="–"):
    return VitalSign(
        describe(figure_id),
        value,
        target,
        rating,
        england,
        tuple(history),
        "–",
        baseline=baseline,
        region=region,
        neighbours=neighbours,
        spc=spc,
    )


def test_scorecard_rows_follow_the_ids_order_with_three_values_and_the_next_visits_target():
    rows = [
        vital(
            "workforce.agency_share",
            "18%",
            "red",
            target="10% (amber 15%)",
            spc={"variation": "common_cause", "assurance": "fail"},
            history=("25%", "20%"),
            baseline="30%",
            england="18% (Sept 2024)",
            neighbours="21% (Sept 2024)",
        ),
        vital(
            "assessments.within_45_working_days_share",
            "82%",
            "amber",
            {"variation": "improvement", "assurance": None},
            target="70% (amber 60%)",
        ),
    ]
    # a trajectory: 70% (amber 60%) from October, 80% (amber 70%) from 1 January 2026; the visit is on 20 January 2026
    targets = {
        "assessments.within_45_working_days_share": [
            Step(start=date(2025, 10, 1), green=0.7, amber=0.6),
            Step(start=date(2026, 1, 1), green=0.8, amber=0.7),
        ],
        "workforce.agency_share": Band(green=0.1, amber=0.15),
    }
    card = scorecard(
        ["assessments.within_45_working_days_share", "cla.review_in_time_share", "workforce.agency_share"], rows, targets, date(2026, 1, 20)
    )
    assessments, agency = card  # a figure not among the rows is left out
    assert assessments.row.indicator.id == "assessments.within_45_working_days_share"
    assert (assessments.at_inspection, assessments.last_board, assessments.row.value) == ("–", "–", "82%")
    assert assessments.next_visit_target == "80% (amber 70%)"  # the step in force on 20 January 2026
    assert assessments.reading == "close to target and improving"
    assert (agency.at_inspection, agency.last_board, agency.row.value) == ("30%", "20%", "18%")  # the last Board: the latest history pack
    assert agency.next_visit_target == "same"  # a band, in force now and then
    assert agency.reading == "common-cause variation, will not meet target without change"
    assert agency.comparators == [("England", "18% (Sept 2024)"), ("Neighbours", "21% (Sept 2024)")]


def test_without_a_next_visit_or_a_target_the_next_visits_target_is_a_dash():
    rows = [vital("workforce.agency_share", "18%")]
    assert scorecard(["workforce.agency_share"], rows, {"workforce.agency_share": 0.1}, None)[0].next_visit_target == "–"
    assert scorecard(["workforce.agency_share"], rows, {}, date(2026, 1, 1))[0].next_visit_target == "–"
