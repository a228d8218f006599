"""SPC (XmR) readings: each rule on hand-worked series, variation, assurance and figures.json's ``spc``.

Every expected centre and limit was worked out on paper: centre = mean, limits = centre ± 2.66 × mean moving range.
"""

from datetime import date

import numpy as np
import pytest

from readiness.config.param_models import Step
from readiness.config.params import Params
from readiness.present.spc import (
    Limits,
    assurance,
    latest_side,
    outside_limits,
    read_series,
    shifts,
    special_causes,
    split_phases,
    trends,
    two_of_three,
    xmr_limits,
)
from readiness.present.spc_series import Published, spc_document

# Planted shift: five months near 50%, then seven near 60%. Sum 6.70 / 12 = 0.558333.
# Moving ranges .04 .06 .04 .06 .12 .04 .05 .04 .02 .04 .03 = .54; / 11 = .0490909; × 2.66 = .1305818.
SHIFTED = [0.50, 0.54, 0.48, 0.52, 0.46, 0.58, 0.62, 0.57, 0.61, 0.59, 0.63, 0.60]
# Pure noise around 85%: sum 10.21 / 12 = .850833; moving ranges sum .33 / 11 = .03; × 2.66 = .0798;
# limits .771033 and .930633; two thirds of the way: .904033 and .797633, which no point passes.
NOISE = [0.85, 0.88, 0.83, 0.86, 0.84, 0.87, 0.85, 0.88, 0.83, 0.86, 0.84, 0.82]


def flags(rule_flags):
    return rule_flags.high.tolist(), rule_flags.low.tolist()


def test_limits_are_the_mean_plus_or_minus_2_66_mean_moving_ranges():
    # [1, 3, 2]: mean 2; moving ranges 2 and 1, mean 1.5; 2.66 × 1.5 = 3.99
    limits = xmr_limits(np.array([1.0, 3.0, 2.0]))
    assert (limits.centre, limits.lower, limits.upper) == pytest.approx((2.0, -1.99, 5.99))


def test_rule_a_a_point_outside_the_limits_not_one_on_them():
    high, low = flags(outside_limits(np.array([3.0, 3.1, -3.1, 0.0]), Limits(0, -3, 3)))
    assert high == [False, True, False, False]
    assert low == [False, False, True, False]


def test_rule_b_a_shift_of_seven_on_one_side():
    high, low = flags(shifts(np.array([4, 4, 4, 4, 4, 4, 4, 6.0]), Limits(5, 0, 10)))
    assert low == [True] * 7 + [False]
    assert high == [False] * 8


def test_rule_b_a_point_on_the_centre_breaks_the_run():
    # 3 above, one on the centre (5), 4 above: no run of 7
    high, low = flags(shifts(np.array([6, 6, 6, 5, 6, 6, 6, 6.0]), Limits(5, 0, 10)))
    assert high == [False] * 8 and low == [False] * 8


def test_rule_c_a_trend_of_six_points_five_rises():
    # 5 → 1 falls; 1..6 rises five times; 6 → 5 falls
    high, low = flags(trends(np.array([5, 1, 2, 3, 4, 5, 6, 5.0])))
    assert high == [False, True, True, True, True, True, True, False]
    assert low == [False] * 8


def test_rule_c_five_points_or_an_equal_step_are_no_trend():
    assert flags(trends(np.array([1, 2, 3, 4, 5, 4.0]))) == ([False] * 6, [False] * 6)
    # 1 2 3 3 4 5 6: the equal step breaks it into runs of 3 and 4 points
    assert flags(trends(np.array([1, 2, 3, 3, 4, 5, 6.0]))) == ([False] * 7, [False] * 7)


def test_rule_c_a_falling_trend():
    high, low = flags(trends(np.array([9, 8, 7, 6, 5, 4.0])))
    assert low == [True] * 6 and high == [False] * 6


def test_rule_d_two_of_three_beyond_two_thirds_on_the_same_side():
    limits = Limits(0, -3, 3)  # two thirds of the way to a limit: ±2
    assert flags(two_of_three(np.array([2.5, 1, 2.5, 0.0]), limits)) == ([True, False, True, False], [False] * 4)
    # two beyond, but four apart from each other's window
    assert flags(two_of_three(np.array([2.5, 1, 1, 2.5]), limits)) == ([False] * 4, [False] * 4)
    # one above, one below: not the same side
    assert flags(two_of_three(np.array([2.5, -2.5, 0.0]), limits)) == ([False] * 3, [False] * 3)
    # exactly two thirds (2.0) is not beyond
    assert flags(two_of_three(np.array([2.0, 2.5, 0.0]), limits)) == ([False] * 3, [False] * 3)


def test_the_rules_decide_in_order_when_the_latest_point_is_on_both_sides():
    # all seven below the centre 10 (a low shift, rule b) while rising six times (a high trend, rule c): (b) decides
    values = np.array([1, 2, 3, 4, 5, 6, 7.0])
    causes = special_causes(values, Limits(10, 0, 20))
    assert causes["shift"].low[-1] and causes["trend"].high[-1]
    assert latest_side(causes) == "low"


def test_a_point_outside_the_limits_at_the_end():
    # 10, 12 alternating for 11 months, then 30: mean 150/12 = 12.5; moving ranges ten of 2 and one of 20 = 40/11
    # = 3.63636; × 2.66 = 9.67273; limits 2.82727 and 22.17273; 30 is above
    values = [10, 12] * 5 + [10, 30]
    reading = read_series(values, target=None, better="higher")
    assert (reading.centre, reading.lower, reading.upper) == pytest.approx((12.5, 2.827273, 22.172727))
    assert reading.variation == "improvement" and reading.points == 12
    assert read_series(values, None, "lower").variation == "concern"
    assert read_series(values, None, None).variation == "high"


def test_a_planted_shift_is_special_cause_at_the_latest_month():
    reading = read_series(SHIFTED, target=None, better="higher")
    # upper .558333 + .130582 = .688915; lower .427752: no point outside, the last seven above the centre
    assert (reading.centre, reading.lower, reading.upper) == pytest.approx((0.558333, 0.427752, 0.688915), abs=1e-6)
    assert reading.variation == "improvement"
    assert read_series(SHIFTED, None, "lower").variation == "concern"


def test_pure_noise_is_common_cause():
    reading = read_series(NOISE, target=None, better="higher")
    assert (reading.centre, reading.lower, reading.upper) == pytest.approx((0.850833, 0.771033, 0.930633), abs=1e-6)
    assert reading.variation == "common_cause"


@pytest.mark.parametrize(
    "target, better, expected",
    [
        (0.40, "higher", "pass"),  # both limits (.4278, .6889) at or above .40
        (0.70, "higher", "fail"),  # both below .70
        (0.60, "higher", "hit_and_miss"),  # .60 between them
        (0.70, "lower", "pass"),  # both at or below .70
        (0.40, "lower", "fail"),
        (0.60, None, None),  # no direction, no assurance
        (None, "higher", None),
    ],
)
def test_assurance_on_each_side_of_a_target(target, better, expected):
    assert read_series(SHIFTED, target, better).assurance == expected


def test_a_limit_on_the_target_passes():
    assert assurance(Limits(0.8, 0.7, 0.9), 0.7, "higher") == "pass"
    assert assurance(Limits(0.8, 0.7, 0.9), 0.9, "lower") == "pass"


def test_fewer_points_than_spc_min_points_give_no_reading():
    assert read_series(SHIFTED[:11], None, "higher") is None  # 11 < 12
    assert read_series(SHIFTED[:11] + [None], None, "higher") is None  # a null is no point
    assert read_series(SHIFTED[:5], None, "higher", min_points=5).points == 5


def test_nulls_are_skipped_and_the_moving_range_spans_them():
    # points 1, 3, 2: centre 2, moving ranges 2 and 1
    reading = read_series([1, None, 3, 2], None, "higher", min_points=3)
    assert (reading.centre, reading.lower, reading.upper, reading.points) == pytest.approx((2, -1.99, 5.99, 3))


MONTHS = [f"{y}-{m:02d}" for y, m in [(2024, 10), (2024, 11), (2024, 12)] + [(2025, m) for m in range(1, 10)]]


def pack_params(**extra):
    # the Board raised its target from 40% to 70% in April 2025
    trajectory = [Step(start=date(2024, 10, 1), green=0.4, amber=0.3), Step(start=date(2025, 4, 1), green=0.7, amber=0.6)]
    defaults = dict(
        pack_id="t",
        la_name="T",
        period_start=date(2024, 10, 1),
        period_end=date(2025, 9, 30),
        targets={"audits.good_or_better_share": trajectory},
    )
    return Params(**{**defaults, **extra})


def document(values, params, suppressed=(), history=()):
    return spc_document(Published(values, frozenset(suppressed)), params, history)


def test_spc_document_reads_every_monthly_series_against_the_trajectory_target_in_force():
    values = {
        "audits.good_or_better_share": 0.56,
        "audits.monthly.good_or_better_share": dict(zip(MONTHS, SHIFTED)),
        "contacts.monthly.count": dict(zip(MONTHS, [None] * 12)),
    }
    at_end = document(values, pack_params(audience="internal"))
    assert at_end["contacts.monthly.count"] is None
    assert at_end["audits.monthly.good_or_better_share"] == {
        "variation": "improvement",
        "assurance": "fail",
        "points": 12,
        "earlier_points": 0,
        "baseline_end": None,
        "phase_start": None,
        "centre": pytest.approx(0.558333, abs=1e-6),
        "lower": pytest.approx(0.427752, abs=1e-6),
        "upper": pytest.approx(0.688915, abs=1e-6),
        "series": dict(zip(MONTHS, SHIFTED)),
    }
    assert "audits.good_or_better_share" not in at_end
    # the same twelve months ending in March 2025, when the 40% target was in force
    ending_in_march = [f"2024-{m:02d}" for m in range(4, 13)] + ["2025-01", "2025-02", "2025-03"]
    values["audits.monthly.good_or_better_share"] = dict(zip(ending_in_march, SHIFTED))
    in_march = document(values, pack_params(period_start=date(2024, 4, 1), period_end=date(2025, 3, 31), audience="internal"))
    assert in_march["audits.monthly.good_or_better_share"]["assurance"] == "pass"


def test_a_short_series_is_read_with_earlier_packs_months_before_its_own():
    # this pack: the last 6 months of SHIFTED (one withheld); the earlier (public) pack: the first 6, and a value for
    # the withheld month, which must not fill it. With the first 6 the series is SHIFTED less one point.
    ours = dict(zip(MONTHS[6:], SHIFTED[6:]))
    ours[MONTHS[8]] = None
    earlier = {
        "audience": "public",
        "figures": {"audits.monthly.good_or_better_share": {**dict(zip(MONTHS[:6], SHIFTED[:6])), MONTHS[8]: 0.5}},
    }
    values = {"audits.monthly.good_or_better_share": ours}
    suppressed = [f"audits.monthly.good_or_better_share/{MONTHS[8]}"]
    reading = document(values, pack_params(spc_min_points=11), suppressed, [earlier])["audits.monthly.good_or_better_share"]
    assert (reading["points"], reading["earlier_points"]) == (11, 6)
    assert MONTHS[8] not in reading["series"] and list(reading["series"]) == MONTHS[:8] + MONTHS[9:]
    # 11 points: SHIFTED without .61 (sum 6.09, centre .553636); moving ranges as SHIFTED's, less .04 and .02, plus
    # |.59 - .57| = .02: .50 / 10 = .05; upper .553636 + .133 = .686636. A public pack publishes them at whole percent.
    assert (reading["centre"], reading["upper"]) == (0.55, 0.69)
    assert document(values, pack_params(spc_min_points=12), suppressed, [earlier])["audits.monthly.good_or_better_share"] is None
    # an internal earlier pack's months are not published counts: a public pack leaves them out
    internal = {**earlier, "audience": "internal"}
    assert (
        document(values, pack_params(spc_min_points=5), suppressed, [internal])["audits.monthly.good_or_better_share"]["earlier_points"]
        == 0
    )
    assert (
        document(values, pack_params(spc_min_points=5, audience="internal"), suppressed, [internal])["audits.monthly.good_or_better_share"][
            "earlier_points"
        ]
        == 6
    )


def test_phases_are_cut_at_the_month_a_date_falls_in():
    months = ["2025-01", "2025-02", "2025-04", "2025-05"]
    # 2025-03-15 falls in the phase starting 2025-03-01: April is its first month; a start before the first month or
    # after the last makes no phase
    assert split_phases(months, ["2025-03", "2024-06", "2026-01"]) == [
        ("2025-01", ("2025-01", "2025-02")),
        ("2025-03", ("2025-04", "2025-05")),
    ]
    assert split_phases(months, ["2025-02"]) == [("2025-01", ("2025-01",)), ("2025-02", ("2025-02", "2025-04", "2025-05"))]
