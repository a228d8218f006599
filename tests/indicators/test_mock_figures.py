"""The mock inspection's figures (indicators.md, version 4): concerns, checks, agreement, re-audits, weak domains. By hand."""

from datetime import date

import pandas as pd
import pytest

from readiness.config.params import Params
from readiness.indicators import actions as act
from readiness.indicators import mock
from readiness.inputs.bundle import Inputs

PARAMS = Params(pack_id="t", la_name="T", period_start=date(2019, 1, 1), period_end=date(2019, 3, 31))
PERIOD = PARAMS.period


def dates(*values):
    return pd.to_datetime(list(values))


def concerns() -> pd.DataFrame:
    """c1-c4 raised in the period (c3, c4 open at its end); c5, c6 raised before it (c6 still open); c7 after it."""
    return pd.DataFrame(
        {
            "child_id": [f"C{i}" for i in range(1, 8)],
            "raised_date": dates("2019-01-10", "2019-02-01", "2019-03-20", "2019-03-30", "2018-12-20", "2018-12-01", "2019-04-05"),
            "responded_date": dates("2019-01-12", "2019-02-11", None, "2019-04-02", "2019-01-05", None, None),
        }
    )


def test_immediate_concerns_counted_open_and_days_to_respond():
    figures = mock.figures(Inputs(immediate_concerns=concerns()), PARAMS)
    assert figures["mock.immediate_concerns_count"].value == 4  # c1-c4
    assert figures["mock.immediate_concerns_open_count"].value == 3  # c3 (no response), c4 (after the end), c6 (raised earlier)
    median = figures["mock.immediate_concern_response_days_median"]
    assert (median.value, median.basis) == (10, (3,))  # responded in the period: c1 2 days, c2 10, c5 16


def test_a_response_before_its_concern_leaves_the_days_to_respond():
    early = pd.DataFrame(
        {"child_id": ["C1", "C2"], "raised_date": dates("2019-01-10", "2019-01-10"), "responded_date": dates("2019-01-08", "2019-01-14")}
    )
    median = mock.immediate_concern_response_days_median(early, PERIOD)
    assert (median.value, median.basis) == (4, (1,))


def test_checks_met_over_audits_in_the_period_recording_them():
    audits = pd.DataFrame(
        {
            "audit_id": ["A1", "A2", "A3"],
            "audit_date": dates("2019-01-15", "2019-02-15", "2018-12-15"),
            "audit_type": "mock_inspection",
            "grade": "good",
            "moderated_grade": None,
        }
    )
    ungraded = pd.DataFrame({"audit_id": ["A4"], "audit_date": dates("2019-03-01")})  # a mock audit without the council's grade
    checks = pd.DataFrame(
        {
            "audit_id": ["A1", "A2", "A3", "A4"],
            "visits_in_timescale": pd.array([True, False, True, True], dtype="boolean"),
            "chronology_up_to_date": pd.array([False, False, None, None], dtype="boolean"),
            "genogram": pd.array([None, True, None, None], dtype="boolean"),
            "current_plan": pd.array([None] * 4, dtype="boolean"),
            "supervision_on_file": pd.array([None] * 4, dtype="boolean"),
        }
    )
    figures = mock.figures(Inputs(case_audits=audits, mock_only_audits=ungraded, audit_checks=checks), PARAMS)
    shares = {k.rsplit(".", 1)[1]: f.basis for k, f in figures.items() if k.startswith("mock.checks_met_share.")}
    assert shares["visits_in_timescale"] == (2, 3)  # A1, A4 of A1, A2, A4 (A3 is before the period)
    assert shares["chronology_up_to_date"] == (0, 2)
    assert shares["genogram"] == (1, 1)
    assert figures["mock.checks_met_share.current_plan"].value is None  # recorded for no audit
    table = mock.checks_table(checks, [audits, ungraded], PERIOD)
    assert table.loc["Visits in timescale"].tolist() == [3, 2, pytest.approx(2 / 3)]


def mock_audits() -> pd.DataFrame:
    """M1 agree; M2 council better (over-graded); M3 council worse; M4 no inspector's grade; M5 not a mock audit;
    M6 before the period."""
    return pd.DataFrame(
        {
            "audit_id": ["M1", "M2", "M3", "M4", "M5", "M6"],
            "audit_date": dates("2019-01-10", "2019-01-11", "2019-01-12", "2019-01-13", "2019-01-14", "2018-12-01"),
            "audit_type": ["mock_inspection"] * 4 + ["monthly", "mock_inspection"],
            "grade": ["good", "good", "inadequate", "good", "good", "good"],
            "moderated_grade": ["good", "requires_improvement", "requires_improvement", None, "requires_improvement", "inadequate"],
        }
    )


def test_mock_agreement_and_over_grading():
    agreement, over = mock.agreement_share(mock_audits(), PERIOD), mock.over_graded_share(mock_audits(), PERIOD)
    assert agreement.basis == (1, 3)  # M1 of M1-M3
    assert over.basis == (1, 3)  # M2
    table = mock.grades_compared(mock_audits(), PERIOD)
    assert table.loc["Good"].tolist() == [0, 1, 1, 0, 2]  # council good: inspector good (M1), RI (M2); 2 audits
    assert table.loc["Inadequate"].tolist() == [0, 0, 1, 0, 1]
    assert table["audits"].sum() == 3


def reaudits() -> pd.DataFrame:
    """Period end 31 March, window 56 days: weak audits up to 3 February count. W1 re-audited in 46 days; W2 in 69;
    W3 never; W4 too late in the period to count; W5 not weak; W6 weak by its moderated grade, re-audited in 5 days."""
    return pd.DataFrame(
        {
            "audit_id": ["W1", "W2", "W3", "W4", "W5", "W6", "R1", "R2", "R6"],
            "audit_date": dates(
                "2019-01-05", "2019-01-10", "2019-01-20", "2019-02-20", "2019-01-06", "2019-01-25", "2019-02-20", "2019-03-20", "2019-01-30"
            ),
            "grade": [
                "requires_improvement",
                "inadequate",
                "requires_improvement",
                "requires_improvement",
                "good",
                "good",
                "good",
                "good",
                "good",
            ],
            "moderated_grade": [None, None, None, None, None, "inadequate", None, None, None],
            "reaudit_of": [None] * 6 + ["W1", "W2", "W6"],
        }
    )


def test_weak_audits_re_audited_within_the_window():
    result = act.weak_reaudited_share(reaudits(), PERIOD, 56)
    assert result.basis == (2, 4)  # W1 and W6 of W1, W2, W3, W6
    longer = act.weak_reaudited_share(reaudits(), PERIOD, 70)  # to 20 January: W1, W2, W3, W5 (not weak) only
    assert longer.basis == (2, 3)  # W1 (46 days), W2 (69 days)


def test_the_window_is_a_parameter_with_a_default_of_56_days():
    assert PARAMS.reaudit_within_days == 56
    figures = act.figures(Inputs(case_audits=reaudits().assign(worker_participated=True, team="T", audit_type=None)), PARAMS)
    assert figures["audits.weak_reaudited_share"].basis == (2, 4)


def test_audits_with_a_weak_domain_no_action_addresses():
    audits = pd.DataFrame(
        {
            "audit_id": ["D1", "D2", "D3", "D4", "D5", "D6"],
            "audit_date": dates("2019-01-10", "2019-01-11", "2019-01-12", "2019-01-13", "2018-12-01", "2019-01-14"),
            "grade": ["good"] * 6,
            "moderated_grade": [None] * 6,
            "domain_planning": ["requires_improvement", None, "requires_improvement", "requires_improvement", "inadequate", "good"],
            "domain_voice_of_child": ["good", "inadequate", None, None, None, "good"],
            "domain_assessment": [None, None, "inadequate", None, None, "outstanding"],
        }
    )
    # D1's planning and D2's voice of the child are addressed (any case, spaces as _); D3's assessment is not; D4 has no action
    actions = pd.DataFrame(
        {"action_id": ["X1", "X2", "X3"], "audit_id": ["D1", "D2", "D3"], "theme": ["Planning", "voice of child", "planning"]}
    )
    result = act.weak_domains_without_action_count(audits, actions, PERIOD)
    assert result.value == 2  # D3, D4 (D5 is before the period, D6 has no weak domain)
