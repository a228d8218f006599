"""The findings register's and the improvement plan's figures (``readiness.indicators.improvement_plan``), on hand-made rows."""

from __future__ import annotations

from datetime import date

import pandas as pd
from test_findings import params

from readiness.config.catalogue import describe
from readiness.indicators.figure import Figure
from readiness.indicators.improvement_plan import action_counts, action_states, figures
from readiness.inputs.bundle import Inputs

END = date(2025, 9, 30)
FINDINGS = pd.DataFrame({"finding_id": ["F1", "F2", "F3"], "priority": pd.array([True, None, False], dtype="boolean")})
# A1 complete (status); A2 due 1 Sep, not done: overdue; A3 due 1 Sep but off track: overdue first; A4 due after the end,
# at risk; A5 no status, no date: not recorded; A6 due before the end, completed (the reader made it complete)
ACTIONS = pd.DataFrame(
    {
        "action_id": ["A1", "A2", "A3", "A4", "A5", "A6"],
        "finding_id": ["F1", "F1", "F2", "F2", "F2", "F3"],
        "owner_role": ["head_of_service", "service_manager", "service_manager", None, "service_manager", "head_of_service"],
        "status": ["complete", "on_track", "off_track", "at_risk", None, "complete"],
        "due_date": pd.to_datetime(["2025-06-30", "2025-09-01", "2025-09-01", "2025-10-31", None, "2025-07-31"]),
    }
)


def test_each_action_has_one_state_complete_then_overdue_then_its_status():
    assert action_states(ACTIONS, END).tolist() == ["complete", "overdue", "overdue", "at_risk", "not_recorded", "complete"]


def test_the_plans_figures():
    found = figures(Inputs(findings=FINDINGS, improvement_actions=ACTIONS), params())
    assert found == {
        "findings.count": Figure(3, (3,)),
        "findings.priority_count": Figure(1, (1,)),  # a blank priority is not a priority
        "improvement_actions.count": Figure(6, (6,)),
        "improvement_actions.overdue_count": Figure(2, (2,)),
        "improvement_actions.complete_share": Figure(2 / 6, (2, 6)),
    }
    assert describe("improvement_actions.overdue_count").better == "lower"


def test_no_register_no_figures_and_a_register_without_actions_counts_findings_only():
    assert figures(Inputs(), params()) == {}
    assert set(figures(Inputs(findings=FINDINGS), params())) == {"findings.count", "findings.priority_count"}


def test_actions_are_counted_by_finding_and_by_owner_role():
    by_finding = action_counts(ACTIONS, END)
    assert by_finding.to_dict("index") == {
        "F1": {"actions": 2, "complete": 1, "on_track": 0, "overdue": 1, "other": 0},
        "F2": {"actions": 3, "complete": 0, "on_track": 0, "overdue": 1, "other": 2},
        "F3": {"actions": 1, "complete": 1, "on_track": 0, "overdue": 0, "other": 0},
    }
    by_owner = action_counts(ACTIONS[ACTIONS["finding_id"] == "F2"], END, by="owner_role")
    assert by_owner["actions"].to_dict() == {"service_manager": 2, "not recorded": 1}
    assert by_owner.index.tolist() == ["service_manager", "not recorded"]  # in the order they first appear
