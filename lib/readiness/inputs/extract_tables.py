"""The local extracts declared (``EXTRACTS``, by file key): columns, headings, kinds, keys, the figures each column feeds.

An extract's headings are its columns' own names, as ``readiness templates`` writes them. The extracts of events
about a child (a case audit, a strategy meeting, a front-door contact) share their first columns: the event's id,
the child's and the event's date, by which a row is known (:func:`child_event`). The follow-up of case audits
(``audit_actions``) and the front-door decisions came with spec version 3; a mock inspection's immediate concerns and
compliance checks (``immediate_concerns``, ``audit_checks``, read back from the case-tracking workbook) with version 4,
and so did the improvement plan: what Ofsted found (``findings``) and the plan's actions (``improvement_actions``), whose
ids are checked by :mod:`.plan` (a duplicate id is an error there, not a warning: they have no natural key here).
"""

from __future__ import annotations

import pandas as pd

from .schema import ACTION_STATUS, AGENCY, BOOL, DATE, DATETIME, EMPLOYMENT, FLOAT, GRADE, ID, ROLE, TEXT, ColumnSpec, TableSpec, col, opt
from .values import has_time

CHECKS = ("visits_in_timescale", "chronology_up_to_date", "genogram", "current_plan", "supervision_on_file")
"""A mock inspection's compliance checks (``audit_checks``), in the case-tracking workbook's order."""
TEAM = col("team", "team", TEXT)


def child_event(label: str, event_id: str, date: ColumnSpec, *columns: ColumnSpec, **more) -> TableSpec:
    """An extract of events about children: the event's id, the child's id, the event's ``date``, then its own
    ``columns``; a row is known by the event's id and date."""
    ids = (col(event_id, event_id, ID), col("child_id", "child_id", ID))
    return TableSpec(label, (*ids, date, *columns), row_id=(event_id, date.name), **more)


def mark_times(text: pd.DataFrame, frame: pd.DataFrame) -> pd.DataFrame:
    """front_door_decisions: ``received_timed`` and ``decided_timed`` say which values carry a time, not only a date."""
    for name in ("received", "decided"):
        frame[f"{name}_timed"] = has_time(text[name]) & frame[name].notna() if name in text else False
    return frame


def complete_when_dated(text: pd.DataFrame, frame: pd.DataFrame) -> pd.DataFrame:
    """improvement_actions: an action with a completed date is ``complete``, whatever its status says."""
    frame["status"] = frame["status"].mask(frame["completed_date"].notna(), "complete")
    return frame


EXTRACTS = {
    "case_audits": child_event(
        "case_audits",
        "audit_id",
        col("audit_date", "audit_date", DATE),
        TEAM,
        opt("auditor_role", "auditor_role", TEXT),
        opt("audit_type", "audit_type", TEXT),
        col("worker_participated", "worker_participated", BOOL),
        col("grade", "grade", GRADE),
        opt("moderated_grade", "moderated_grade", GRADE),
        opt("reaudit_of", "reaudit_of", ID),
        natural_key=("audit_id",),
        prefixed=("domain_", GRADE),
    ),
    "strategy_meetings": child_event(
        "strategy_meetings",
        "meeting_id",
        col("meeting_date", "meeting_date", DATE),
        TEAM,
        col("agency", "agency", AGENCY),
        col("invited", "invited", BOOL),
        col("attended", "attended", BOOL),
    ),
    "workforce": TableSpec(
        "workforce",
        (
            col("worker_id", "worker_id", ID),
            TEAM,
            col("role", "role", ROLE),
            col("employment", "employment", EMPLOYMENT),
            col("start_date", "start_date", DATE),
            opt("end_date", "end_date", DATE),
            opt("fte", "fte", FLOAT),
        ),
        row_id=("worker_id", "start_date"),
        natural_key=("worker_id",),
    ),
    "supervision": TableSpec(
        "supervision",
        (col("worker_id", "worker_id", ID), col("supervision_date", "supervision_date", DATE)),
        row_id=("worker_id", "supervision_date"),
    ),
    "audit_actions": TableSpec(
        "audit_actions",
        (
            col("action_id", "action_id", ID),
            col("audit_id", "audit_id", ID),
            opt("due_date", "due_date", DATE),
            opt("completed_date", "completed_date", DATE),
            opt("theme", "theme", TEXT),
            opt("action", "action", TEXT),
        ),
        row_id=("action_id", "audit_id"),
        natural_key=("action_id",),
    ),
    "front_door_decisions": child_event(
        "front_door_decisions",
        "contact_id",
        col("received", "received", DATETIME),
        opt("decided", "decided", DATETIME),
        opt("outcome", "outcome", TEXT),
        opt("team", "team", TEXT),
        natural_key=("contact_id",),
        finish=mark_times,
    ),
    "immediate_concerns": TableSpec(
        "immediate_concerns",
        (
            col("child_id", "child_id", ID),
            opt("audit_id", "audit_id", ID),
            col("raised_date", "raised_date", DATE),
            opt("escalated_to", "escalated_to", TEXT),
            opt("responded_date", "responded_date", DATE),
        ),
        row_id=("child_id", "raised_date"),
    ),
    "audit_checks": TableSpec(
        "audit_checks",
        (col("audit_id", "audit_id", ID), *(opt(check, check, BOOL) for check in CHECKS)),
        row_id=("audit_id",),
        natural_key=("audit_id",),
    ),
    "findings": TableSpec(
        "findings",
        (
            col("finding_id", "finding_id", ID),
            col("source", "source", TEXT),
            col("source_date", "source_date", DATE),
            col("area", "area", TEXT),
            opt("priority", "priority", BOOL),
            col("wording", "wording", TEXT),
            opt("figures", "figures", TEXT),
            opt("audit_domains", "audit_domains", TEXT),
            opt("themes", "themes", TEXT),
        ),
        row_id=("finding_id",),
    ),
    "improvement_actions": TableSpec(
        "improvement_actions",
        (
            col("action_id", "action_id", ID),
            col("finding_id", "finding_id", ID),
            col("action", "action", TEXT),
            opt("owner_role", "owner_role", TEXT),
            opt("due_date", "due_date", DATE),
            opt("completed_date", "completed_date", DATE),
            opt("status", "status", ACTION_STATUS),
        ),
        row_id=("action_id",),
        finish=complete_when_dated,
    ),
}
EXTRACTS = {name: spec.named(name) for name, spec in EXTRACTS.items()}
