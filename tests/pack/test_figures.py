"""figures.json's ``spc``: readings of the monthly series as published, checked against hand-worked values."""

from datetime import date

import pytest

from readiness.config.params import Params
from readiness.indicators.figure import share
from readiness.pack.figures import figures_document

MONTHS = ["2024-10", "2024-11", "2024-12"] + [f"2025-{m:02d}" for m in range(1, 10)]
# Out of 100 audits a month: five months near 50% then a planted shift to near 60% (see tests/present/test_spc.py, SHIFTED).
SHIFTED = [50, 54, 48, 52, 46, 58, 62, 57, 61, 59, 63, 60]
# Out of 100 assessments a month: noise around 85%, the last month lowest (NOISE in tests/present/test_spc.py).
NOISE = [85, 88, 83, 86, 84, 87, 85, 88, 83, 86, 84, 82]


def document(before=None, **extra):
    params = Params(
        pack_id="t",
        la_name="T",
        period_start=date(2024, 10, 1),
        period_end=date(2025, 9, 30),
        targets={"audits.good_or_better_share": {"green": 0.4, "amber": 0.3}},
        **extra,
    )
    figures = {
        "audits.good_or_better_share": share(sum(SHIFTED), 1200),
        "audits.monthly.good_or_better_share": {m: share(n, 100) for m, n in zip(MONTHS, SHIFTED)},
        "assessments.within_45_working_days_share": share(sum(NOISE), 1200),
        "assessments.monthly.within_45_working_days_share": {m: share(n, 100) for m, n in zip(MONTHS, NOISE)},
    }
    return figures_document(figures, params, before=before)


def test_a_planted_shift_reads_as_special_cause_improvement():
    # centre 6.70 / 12 = .558333; mean moving range .54 / 11 = .0490909; limits ± .1305818; target 40% below both
    assert document(audience="internal")["spc"]["audits.monthly.good_or_better_share"] == {
        "variation": "improvement",
        "assurance": "pass",
        "points": 12,
        "earlier_points": 0,
        "baseline_end": None,
        "phase_start": None,
        "series": {m: n / 100 for m, n in zip(MONTHS, SHIFTED)},
        "centre": pytest.approx(0.558333, abs=1e-6),
        "lower": pytest.approx(0.427752, abs=1e-6),
        "upper": pytest.approx(0.688915, abs=1e-6),
    }


def test_a_public_edition_publishes_the_centre_and_limits_at_whole_percent():
    # as above, from the exact values: .558333, .427752 and .688915 published as 56%, 43% and 69%
    reading = document()["spc"]["audits.monthly.good_or_better_share"]
    assert (reading["variation"], reading["centre"], reading["lower"], reading["upper"]) == ("improvement", 0.56, 0.43, 0.69)


def test_pure_noise_reads_as_common_cause():
    # centre 10.21 / 12 = .850833; mean moving range .03; limits ± .0798; no target
    assert document(audience="internal")["spc"]["assessments.monthly.within_45_working_days_share"] == {
        "variation": "common_cause",
        "assurance": None,
        "points": 12,
        "earlier_points": 0,
        "baseline_end": None,
        "phase_start": None,
        "series": {m: n / 100 for m, n in zip(MONTHS, NOISE)},
        "centre": pytest.approx(0.850833, abs=1e-6),
        "lower": pytest.approx(0.771033, abs=1e-6),
        "upper": pytest.approx(0.930633, abs=1e-6),
    }


def test_spc_min_points_above_the_months_gives_null_readings():
    assert document(spc_min_points=13)["spc"] == {
        "audits.monthly.good_or_better_share": None,
        "assessments.monthly.within_45_working_days_share": None,
    }


def test_whole_months_before_the_period_are_points_and_a_withheld_one_is_not():
    # July 2024 (3 of 4) is withheld in a public pack, and September (40 of 100, the fewest shown) with it, so that
    # neither can be worked out; August's 60 of 100 is a point; June had no assessment (no value, no point).
    before = {"2024-06": share(0, 0), "2024-07": share(3, 4), "2024-08": share(60, 100), "2024-09": share(40, 100)}
    before.update({m: share(n, 100) for m, n in zip(MONTHS, NOISE)})
    series = "assessments.monthly.within_45_working_days_share"
    reading = document({series: before}, spc_min_points=15)["spc"][series]
    # SPC reads the exact values, withheld ones too: 15 points, .75 .60 .40 then NOISE. Sum 1.75 + 10.21 = 11.96 / 15
    # = .797333; moving ranges .15 .20 .45, + .33 = 1.13 / 14 = .0807143, × 2.66 = .214700: upper 1.012033.
    # The series shows only what the pack publishes: August, then the period's months; the centre and limits at
    # whole percent (80% and 101%).
    assert list(reading["series"]) == ["2024-08", *MONTHS] and reading["points"] == 15
    assert (reading["centre"], reading["upper"]) == (0.8, 1.01)
    board = document({series: before}, spc_min_points=15, audience="internal")["spc"][series]
    assert list(board["series"]) == ["2024-07", "2024-08", "2024-09", *MONTHS]
    assert (board["centre"], board["upper"]) == pytest.approx((11.96 / 15, 11.96 / 15 + 2.66 * 1.13 / 14))


def test_an_editions_figures_shared_out_over_two_processes_are_those_worked_out_one_after_another(demo_inputs):
    from readiness.config.params import load_params
    from readiness.pack.figures import compute_figures, edition_figures, return_months, whole_month_series
    from readiness.paths import REPO

    params = load_params(REPO / "parameters" / "demo.yaml")
    alone = (compute_figures(demo_inputs, params), whole_month_series(demo_inputs, params), return_months(demo_inputs, params))
    shared = edition_figures(demo_inputs, params, parallel=2)
    assert shared == alone
    assert list(shared[0]) == list(alone[0])  # the same ids, in the same order
    assert alone[0] and alone[1] and alone[2]  # the demo has figures, whole months before its period and months from returns
