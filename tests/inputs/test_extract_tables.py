"""The local extracts' declarations (``readiness.inputs.extract_tables``), written out by hand: the extracts of
events about a child share their first columns and row key (``child_event``), with nothing else changed."""

from __future__ import annotations

import pytest

from readiness.inputs.extract_tables import EXTRACTS, child_event
from readiness.inputs.schema import AGENCY, BOOL, DATE, DATETIME, GRADE, ID, TEXT, col, opt

GRADED = (
    "audits.grade_share",
    "audits.good_or_better_share",
    "audits.moderation_agreement_share",
    "audits.moderation_downgrade_share",
    "audits.monthly.good_or_better_share",
)
"""The final grade's figures: a blank moderated grade falls back to ``grade``."""
MOCK = ("audits.mock.agreement_share", "audits.mock.over_graded_share")
"""The council's auditor (``grade``) against the mock inspector (``moderated_grade``) on mock-inspection audits."""


DATED = (
    "audits.count",
    "audits.grade_share",
    "audits.good_or_better_share",
    "audits.worker_participated_share",
    "audits.moderated_count",
    "audits.moderation_agreement_share",
    "audits.domain_good_or_better_share",
    "audits.moderation_downgrade_share",
    "audits.monthly.good_or_better_share",
    "audits.monthly.worker_participated_share",
    "audits.reaudit_count",
    "audits.reaudit_improved_share",
    "audits.weak_reaudited_share",
    "actions.weak_domains_without_action_count",
    *MOCK,
    "mock.checks_met_share",
)
"""Every case-audit figure reads ``audit_date`` (the figure registry's order: ``indicators/audits.py``, ``actions.py``,
then ``mock.py``)."""


MEETINGS = (
    "strategy.meetings_count",
    "strategy.attendance_share",
    "strategy.invited_attendance_share",
    "strategy.statutory_partners_share",
    "strategy.monthly.statutory_partners_share",
)
"""Every strategy-meeting figure reads the date, the agency and whether it attended (a family by its prefix)."""


def declared(key: str) -> list[tuple]:
    """Each column of extract ``key``: name, heading, kind, required, the figures that read it."""
    return [(c.name, c.heading, c.kind, c.required, c.readers) for c in EXTRACTS[key].columns]


def test_a_child_event_is_its_id_the_childs_id_its_date_then_its_own_columns():
    spec = child_event("visits", "visit_id", col("visit_date", "visit_date", DATE), opt("note", "note", TEXT))
    assert [(c.name, c.heading, c.kind, c.required) for c in spec.columns] == [
        ("visit_id", "visit_id", ID, True),
        ("child_id", "child_id", ID, True),
        ("visit_date", "visit_date", DATE, True),
        ("note", "note", TEXT, False),
    ]
    assert spec.label == "visits" and spec.row_id == ("visit_id", "visit_date") and spec.natural_key == ()


BY_ROLE = ("audits.moderation_agreement_share.by_role", "audits.moderation_downgrade_share.by_role")
ROUTINE_GRADED = ("audits.routine.grade_share", "audits.routine.good_or_better_share", "audits.routine.monthly.good_or_better_share")
PROGRAMME = ("audits.routine.count", *ROUTINE_GRADED, "audits.routine.domain_good_or_better_share", *BY_ROLE)
"""The routine programme's figures and moderation by role (``indicators/audit_programme.py``): each reads the date, the
audit type and whether it is a re-audit."""


def test_case_audits_are_declared_column_by_column():
    assert declared("case_audits") == [
        ("audit_id", "audit_id", ID, True, ()),
        ("child_id", "child_id", ID, True, ()),
        ("audit_date", "audit_date", DATE, True, (*DATED[:9], *PROGRAMME, *DATED[9:])),
        ("team", "team", TEXT, True, ()),
        ("auditor_role", "auditor_role", TEXT, False, BY_ROLE),
        ("audit_type", "audit_type", TEXT, False, (*PROGRAMME, *MOCK)),
        ("worker_participated", "worker_participated", BOOL, True, ("audits.worker_participated_share",)),
        ("grade", "grade", GRADE, True, (*GRADED, *ROUTINE_GRADED, *BY_ROLE, "audits.weak_reaudited_share", *MOCK)),
        (
            "moderated_grade",
            "moderated_grade",
            GRADE,
            False,
            (*GRADED[:2], "audits.moderated_count", *GRADED[2:], *ROUTINE_GRADED, *BY_ROLE, "audits.weak_reaudited_share", *MOCK),
        ),
        (
            "reaudit_of",
            "reaudit_of",
            ID,
            False,
            (*PROGRAMME, "audits.reaudit_count", "audits.reaudit_improved_share", "audits.weak_reaudited_share"),
        ),
    ]
    spec = EXTRACTS["case_audits"]
    assert (spec.row_id, spec.natural_key) == (("audit_id", "audit_date"), ("audit_id",))


def test_a_case_audits_domain_column_is_an_optional_grade_read_by_the_domain_figure():
    domain = EXTRACTS["case_audits"].column("domain_voice_of_child")
    assert (domain.kind, domain.required, domain.readers) == (
        GRADE,
        False,
        ("audits.domain_good_or_better_share", "audits.routine.domain_good_or_better_share", "actions.weak_domains_without_action_count"),
    )
    assert EXTRACTS["strategy_meetings"].column("domain_voice_of_child") is None


def test_strategy_meetings_are_declared_column_by_column():
    assert declared("strategy_meetings") == [
        ("meeting_id", "meeting_id", ID, True, ()),
        ("child_id", "child_id", ID, True, ()),
        ("meeting_date", "meeting_date", DATE, True, MEETINGS),
        ("team", "team", TEXT, True, ()),
        ("agency", "agency", AGENCY, True, MEETINGS),
        ("invited", "invited", BOOL, True, ("strategy.invited_attendance_share",)),
        ("attended", "attended", BOOL, True, MEETINGS),
    ]
    spec = EXTRACTS["strategy_meetings"]
    assert (spec.row_id, spec.natural_key, spec.prefixed) == (("meeting_id", "meeting_date"), (), None)


@pytest.mark.parametrize(
    "key, row_id, natural_key",
    [
        ("front_door_decisions", ("contact_id", "received"), ("contact_id",)),
        ("workforce", ("worker_id", "start_date"), ("worker_id",)),
        ("supervision", ("worker_id", "supervision_date"), ()),
        ("audit_actions", ("action_id", "audit_id"), ("action_id",)),
        ("immediate_concerns", ("child_id", "raised_date"), ()),
        ("audit_checks", ("audit_id",), ("audit_id",)),
    ],
)
def test_every_other_extract_keeps_its_keys(key, row_id, natural_key):
    assert (EXTRACTS[key].row_id, EXTRACTS[key].natural_key) == (row_id, natural_key)


def test_front_door_decisions_are_a_child_event_of_date_times():
    assert [(c.name, c.kind, c.required) for c in EXTRACTS["front_door_decisions"].columns] == [
        ("contact_id", ID, True),
        ("child_id", ID, True),
        ("received", DATETIME, True),
        ("decided", DATETIME, False),
        ("outcome", TEXT, False),
        ("team", TEXT, False),
    ]


def test_a_mock_inspections_concerns_and_checks_are_declared():
    concerns = "mock.immediate_concerns_count", "mock.immediate_concerns_open_count", "mock.immediate_concern_response_days_median"
    assert declared("immediate_concerns") == [
        ("child_id", "child_id", ID, True, ()),
        ("audit_id", "audit_id", ID, False, ()),
        ("raised_date", "raised_date", DATE, True, concerns),
        ("escalated_to", "escalated_to", TEXT, False, ()),
        ("responded_date", "responded_date", DATE, False, concerns[1:]),
    ]
    checks = ("visits_in_timescale", "chronology_up_to_date", "genogram", "current_plan", "supervision_on_file")
    assert declared("audit_checks") == [("audit_id", "audit_id", ID, True, ("mock.checks_met_share",))] + [
        (check, check, BOOL, False, ("mock.checks_met_share",)) for check in checks
    ]
