"""Northbridge's mock inspection: the inspector's grade beside the council auditor's, the immediate concerns the
reviewers raised, and the compliance checks they recorded (``immediate_concerns``, ``audit_checks``).

The mock inspector agrees with the council's auditor on most cases and grades a third of them one grade lower
(the council's auditors are generous, as a monitoring letter found); seven cases carry an immediate concern,
escalated the day of the audit or the next working day and answered within a fortnight, but the latest still
awaits its response; the checks most often missing are a genogram and an up-to-date chronology.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .draws import ACTIVITY_END, add_working_days, pick
from .practice import GRADES, _rank

CHECKS = {"visits_in_timescale": 0.65, "chronology_up_to_date": 0.45, "genogram": 0.4, "current_plan": 0.6, "supervision_on_file": 0.55}
CONCERNS = 7
ESCALATED_TO = {"team_manager": 30, "service_manager": 50, "head_of_service": 20}


def mock_inspection(rng: np.random.Generator, audits: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """The audits with the mock inspector's grade as ``moderated_grade`` on every mock-inspection audit, and the
    mock inspection's immediate concerns and compliance checks."""
    mock = audits.index[audits["audit_type"] == "mock_inspection"]
    n = len(mock)
    shift = np.select([rng.random(n) < 0.4, rng.random(n) < 0.1], [-1, 1], 0)
    audits = audits.copy()
    audits.loc[mock, "moderated_grade"] = GRADES[np.clip(_rank(audits.loc[mock, "grade"].to_numpy()) + shift, 0, 3)]
    chosen = np.sort(rng.choice(mock, min(CONCERNS, n), replace=False))
    raised = add_working_days(audits.loc[chosen, "audit_date"].to_numpy("datetime64[D]"), rng.integers(0, 2, len(chosen)))
    responded = add_working_days(raised, rng.integers(1, 11, len(chosen)))
    open_ = (raised == raised.max()) | (responded > ACTIVITY_END)  # the latest still awaits its response
    concerns = pd.DataFrame(
        {
            "child_id": audits.loc[chosen, "child_id"].to_numpy(),
            "audit_id": audits.loc[chosen, "audit_id"].to_numpy(),
            "raised_date": raised,
            "escalated_to": pick(rng, ESCALATED_TO, len(chosen)),
            "responded_date": np.where(open_, np.datetime64("NaT"), responded),
        }
    )
    checks = pd.DataFrame({"audit_id": audits.loc[mock, "audit_id"].to_numpy()})
    for check, met in CHECKS.items():
        draw = rng.random(n)
        checks[check] = np.select([draw < 0.05, draw < 0.05 + 0.95 * met], [None, "Y"], "N")
    return audits, concerns, checks
