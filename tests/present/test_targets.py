"""Targets in force on a date (numbers, bands, trajectories) and figures as the page shows them."""

from datetime import date

import pytest

from readiness.config.param_models import Band, Step
from readiness.config.params import load_params
from readiness.errors import ParametersError
from readiness.present.targets import as_shown, green_in_force, target_in_force

# The Board's trajectory: 50% (amber 40%) from October, 60% (amber 50%) from April.
TRAJECTORY = [Step(start=date(2024, 10, 1), green=0.5, amber=0.4), Step(start=date(2025, 4, 1), green=0.6, amber=0.5)]


@pytest.mark.parametrize(
    "on, expected",
    [
        (date(2024, 9, 30), None),  # before the first step
        (date(2024, 10, 1), Band(green=0.5, amber=0.4)),
        (date(2025, 3, 31), Band(green=0.5, amber=0.4)),
        (date(2025, 4, 1), Band(green=0.6, amber=0.5)),  # the step changes mid-year
        (date(2025, 9, 30), Band(green=0.6, amber=0.5)),
    ],
)
def test_a_trajectory_target_changing_mid_year(on, expected):
    assert target_in_force(TRAJECTORY, on) == expected


def test_steps_apply_by_date_whatever_their_order_in_the_file():
    assert target_in_force(TRAJECTORY[::-1], date(2025, 5, 1)) == Band(green=0.6, amber=0.5)


def test_numbers_and_bands_are_in_force_always():
    assert target_in_force(18, date(2000, 1, 1)) == 18
    assert green_in_force(Band(green=0.85, amber=0.75), date(2000, 1, 1)) == 0.85
    assert green_in_force(TRAJECTORY, date(2025, 9, 30)) == 0.6
    assert green_in_force(None, date(2025, 9, 30)) is None


@pytest.mark.parametrize(
    "value, kind, expected",
    [
        (0.548, "share", 0.55),
        (0.545, "share", 0.55),
        (0.5449, "share", 0.54),
        (17.25, "number", 17.3),
        (17.24, "rate", 17.0),
        (176.5, "number", 176.5),
        (None, "share", None),
    ],
)
def test_as_shown_rounds_half_up_as_the_page(value, kind, expected):
    assert as_shown(value, kind) == expected


def test_the_parameters_file_takes_a_trajectory(tmp_path):
    path = tmp_path / "p.yaml"
    path.write_text(
        "pack_id: t\nla_name: T\nperiod_start: 2024-10-01\nperiod_end: 2025-09-30\nspc_min_points: 6\ntargets:\n"
        "  audits.good_or_better_share:\n    - {from: 2024-10-01, green: 0.5, amber: 0.4}\n    - {from: 2025-04-01, green: 0.6, amber: 0.5}\n",
        encoding="utf-8",
    )
    params = load_params(path)
    assert params.targets["audits.good_or_better_share"] == TRAJECTORY
    assert params.spc_min_points == 6


def test_a_trajectory_step_without_amber_or_with_no_steps_is_an_error(tmp_path):
    path = tmp_path / "p.yaml"
    head = "pack_id: t\nla_name: T\nperiod_start: 2024-10-01\nperiod_end: 2025-09-30\ntargets:\n"
    path.write_text(head + "  caseload.median:\n    - {from: 2024-10-01, green: 18}\n", encoding="utf-8")
    with pytest.raises(ParametersError, match=r"targets.caseload.median.list\[Step\].0.amber: required key is missing"):
        load_params(path)
    path.write_text(head + "  caseload.median: []\n", encoding="utf-8")
    with pytest.raises(ParametersError, match="a trajectory needs at least one"):
        load_params(path)


def test_days_and_rates_are_rated_as_whole_numbers_as_the_page_shows_them():
    # indicators.md, Precision: 176.5 days shows (and is rated) as 177; 62.5% as 63%
    assert as_shown(176.5, "number", "adoption.entry_to_placement_days_mean") == 177
    assert as_shown(0.625, "share", "audits.good_or_better_share") == 0.63
    assert as_shown(3.25, "number", "caseload.mean_per_fte") == 3.3
