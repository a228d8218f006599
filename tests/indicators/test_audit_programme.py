"""The routine audit programme and moderation by auditor role (version 4), worked by hand.

Period 2021-03-01 to 2021-08-31; routine types: routine, monthly (a blank type is routine).
| audit | date       | type            | role                | grade | moderated | final | voice | re-audit of | routine?                    |
|-------|------------|-----------------|---------------------|-------|-----------|-------|-------|-------------|-----------------------------|
| U1    | 2021-03-05 | routine         | team_manager        | G     |           | G     | G     |             | yes                         |
| U2    | 2021-04-10 | (blank)         | team_manager        | RI    | I (down)  | I     | RI    |             | yes                         |
| U3    | 2021-05-01 | monthly         | practice_supervisor | G     | G (agree) | G     |       |             | yes                         |
| U4    | 2021-05-20 | themed          | team_manager        | O     |           | O     |       |             | no: themed                  |
| U5    | 2021-06-01 | mock_inspection | external            | G     | RI        | RI    |       |             | no; left out of moderation by role |
| U6    | 2021-06-15 | routine         | team_manager        | G     | G (agree) | G     |       | U2          | no: re-audits U2            |
| U7    | 2021-02-01 | routine         | team_manager        | I     |           | I     |       |             | before the period           |
| U8    | 2021-07-01 | routine         | (blank)             | I     | I (agree) | I     |       | X99 (not listed) | yes                    |
Routine in period: U1, U2, U3, U8 = 4; good or better U1, U3 = 2 / 4; inadequate U2, U8 = 2 / 4; voice 1 / 2 (U1 of U1, U2).
By month: Mar 1/1, Apr 0/1, May 1/1, Jun none (U6 is a re-audit), Jul 0/1, Aug none.
Moderated, mock left out: team_manager U2 (down), U6 (agree): 1/2 agree, 1/2 down; practice_supervisor U3: 1/1, 0/1;
Not recorded U8: 1/1, 0/1.
"""

from datetime import date

import pandas as pd
import pytest

from readiness.config.params import Params
from readiness.config.period import Period
from readiness.indicators import audit_programme
from readiness.inputs.bundle import Inputs

COLUMNS = ("audit_id", "audit_date", "audit_type", "auditor_role", "grade", "moderated_grade", "domain_voice_of_child", "reaudit_of")
ROWS = [
    ("U1", "2021-03-05", "routine", "team_manager", "good", None, "good", None),
    ("U2", "2021-04-10", None, "team_manager", "requires_improvement", "inadequate", "requires_improvement", None),
    ("U3", "2021-05-01", "monthly", "practice_supervisor", "good", "good", None, None),
    ("U4", "2021-05-20", "themed", "team_manager", "outstanding", None, None, None),
    ("U5", "2021-06-01", "mock_inspection", "external", "good", "requires_improvement", None, None),
    ("U6", "2021-06-15", "routine", "team_manager", "good", "good", None, "U2"),
    ("U7", "2021-02-01", "routine", "team_manager", "inadequate", None, None, None),
    ("U8", "2021-07-01", "routine", None, "inadequate", "inadequate", None, "X99"),
]


def figures(**more) -> dict:
    audits = pd.DataFrame(ROWS, columns=COLUMNS).astype("string")
    audits["audit_date"] = pd.to_datetime(audits["audit_date"])
    params = Params(pack_id="t", la_name="T", period_start=date(2021, 3, 1), period_end=date(2021, 8, 31), **more)
    found = audit_programme.figures(Inputs(case_audits=audits), params)
    return {key: value.value if hasattr(value, "value") else {m: f.value for m, f in value.items()} for key, value in found.items()}


def test_the_routine_programme_leaves_out_other_types_and_re_audits():
    found = figures()
    assert found["audits.routine.count"] == 4
    assert found["audits.routine.good_or_better_share"] == pytest.approx(2 / 4)
    assert found["audits.routine.grade_share.inadequate"] == pytest.approx(2 / 4)
    assert found["audits.routine.grade_share.outstanding"] == 0
    assert found["audits.routine.domain_good_or_better_share.voice_of_child"] == pytest.approx(1 / 2)
    assert found["audits.routine.monthly.good_or_better_share"] == {
        "2021-03": 1.0,
        "2021-04": 0.0,
        "2021-05": 1.0,
        "2021-06": None,
        "2021-07": 0.0,
        "2021-08": None,
    }
    # voice of the child by month: U1 (March, good) 1/1, U2 (April, requires improvement) 0/1; U3 and U8 left it blank
    assert found["audits.routine.monthly.domain_good_or_better_share.voice_of_child"] == {
        "2021-03": 1.0,
        "2021-04": 0.0,
        "2021-05": None,
        "2021-06": None,
        "2021-07": None,
        "2021-08": None,
    }


def test_the_council_names_its_own_routine_types():
    found = figures(routine_audit_types=["themed"])  # U4 and U2 (blank type) only
    assert found["audits.routine.count"] == 2
    assert found["audits.routine.good_or_better_share"] == pytest.approx(1 / 2)


def test_moderation_by_auditor_role_leaves_out_mock_inspection_audits():
    found = figures()
    by_role = {key: value for key, value in found.items() if ".by_role." in key}
    assert by_role == {
        "audits.moderation_agreement_share.by_role.Not recorded": 1.0,
        "audits.moderation_downgrade_share.by_role.Not recorded": 0.0,
        "audits.moderation_agreement_share.by_role.practice_supervisor": 1.0,
        "audits.moderation_downgrade_share.by_role.practice_supervisor": 0.0,
        "audits.moderation_agreement_share.by_role.team_manager": 0.5,
        "audits.moderation_downgrade_share.by_role.team_manager": 0.5,
    }


def test_no_audits_no_figures():
    params = Params(pack_id="t", la_name="T", period_start=date(2021, 3, 1), period_end=date(2021, 8, 31))
    assert audit_programme.figures(Inputs(), params) == {}


def test_the_moderation_table_by_role_matches_the_figures():
    audits = pd.DataFrame(ROWS, columns=COLUMNS).astype("string")
    audits["audit_date"] = pd.to_datetime(audits["audit_date"])
    table = audit_programme.moderation_by_role_table(audits, Period.of(date(2021, 3, 1), date(2021, 8, 31)))
    assert table[["moderated", "agreed", "downgraded"]].to_dict("index") == {
        "Not recorded": {"moderated": 1, "agreed": 1, "downgraded": 0},
        "practice_supervisor": {"moderated": 1, "agreed": 1, "downgraded": 0},
        "team_manager": {"moderated": 2, "agreed": 1, "downgraded": 1},
    }
    assert table.loc["team_manager", "downgraded_share"] == 0.5
