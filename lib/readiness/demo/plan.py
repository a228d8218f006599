"""Northbridge's findings register and improvement plan (``inputs.md`` section 6), for ``readiness demo-data``.

Written by hand as a council would from its inspection letters: an ILACS inspection in December 2024 and two
monitoring visits (April and July 2025), in the words such letters use. Each finding links figures of the demo pack,
the case audits' practice domains and the audit actions' themes; the plan names roles, never people. As at the
demo's period end (30 September 2025) some actions are done, most on track, two at risk, one overdue and one off track.
"""
from __future__ import annotations

import pandas as pd

ILACS, VISIT_1, VISIT_2 = ("ILACS 2024", "2024-12-13"), ("Monitoring visit 2025-04", "2025-04-10"), ("Monitoring visit 2025-07", "2025-07-17")
FINDINGS = (  # finding_id, (source, date), area, priority, wording, figures, audit_domains, themes
    ("F01", ILACS, "front_door", "Y",
     "Decisions at the front door are not always timely, and thresholds are not applied consistently: some children's "
     "cases are closed with no further action when they need help, and too many are referred again within a year.",
     "frontdoor.decided_within_one_working_day_share;referrals.rereferral_share;referrals.monthly.rereferral_share", "", ""),
    ("F02", ILACS, "help_and_protection", "Y",
     "Too many assessments are not completed within timescales that meet children's needs, and their quality varies.",
     "assessments.within_45_working_days_share;assessments.open_over_45_working_days", "assessment", "assessment"),
    ("F03", ILACS, "leaders", "Y",
     "Management oversight and supervision do not consistently progress children's plans; managers' direction is not "
     "always recorded on children's files.",
     "supervision.within_interval_share", "management_oversight", "management_oversight"),
    ("F04", ILACS, "quality_assurance", "N",
     "Quality assurance does not routinely involve social workers, so learning from audits is not changing practice.",
     "audits.worker_participated_share;audits.routine.good_or_better_share;actions.completed_on_time_share", "", "chronology"),
    ("F05", ILACS, "workforce", "N",
     "High caseloads and a reliance on agency social workers limit the time workers have to build relationships with children.",
     "caseload.mean_per_fte;workforce.agency_share;caseload.workers_over_25_count", "", ""),
    ("F06", VISIT_1, "help_and_protection", "N",
     "Strategy discussions do not always include every relevant partner agency, so decisions to start child protection "
     "enquiries are not always informed by what police and health know.",
     "strategy.statutory_partners_share;strategy.monthly.statutory_partners_share", "", "safety_planning"),
    ("F07", VISIT_2, "help_and_protection", "N",
     "Children's wishes and feelings are not consistently evident in assessments and plans, and visits to children "
     "on child protection plans are not always within timescales.",
     "cp.visit_within_interval_share;assessments.child_seen_share", "voice_of_child;planning", "voice_of_child;planning"),
    ("F08", VISIT_1, "help_and_protection", "N",
     "Initial child protection conferences are not always held within 15 working days of the strategy discussion.",
     "icpc.within_15_working_days_share", "", ""),
)
ACTIONS = (  # action_id, finding_id, action, owner_role, due_date, completed_date, status
    ("A01", "F01", "Agree the threshold document with the safeguarding partners and brief every MASH worker on it",
     "head_of_service_front_door", "2025-03-31", "2025-03-24", "complete"),
    ("A02", "F01", "Dip-sample ten no-further-action decisions a month with a partner agency", "service_manager_front_door", "2025-05-31", "2025-05-30", "complete"),
    ("A03", "F01", "Add a second duty manager at peak times so that contacts are decided within one working day",
     "head_of_service_front_door", "2025-10-31", "", "on_track"),
    ("A04", "F01", "Review every re-referral within a year with the team that closed the case", "service_manager_front_door", "2026-01-31", "", "at_risk"),
    ("A05", "F02", "Weekly tracker of open assessments for every team manager, with a service manager's review at day 35",
     "head_of_service_assessment", "2025-02-28", "2025-02-14", "complete"),
    ("A06", "F02", "Assessment practice standards and a workshop for every assessing social worker", "principal_social_worker", "2025-06-30", "2025-07-11", "complete"),
    ("A07", "F02", "Clear the backlog of assessments open beyond 45 working days", "head_of_service_assessment", "2025-11-30", "", "on_track"),
    ("A08", "F03", "Supervision policy and recording template that sets out the plan's next steps and their timescales",
     "principal_social_worker", "2025-04-30", "2025-04-28", "complete"),
    ("A09", "F03", "Monthly audit of management oversight on ten children's files per service", "head_of_quality_assurance", "2025-12-31", "", "on_track"),
    ("A10", "F03", "Practice-leadership programme for every team manager", "director_of_social_care", "2026-03-31", "", "on_track"),
    ("A11", "F04", "Every routine audit completed with the case-holding social worker", "head_of_quality_assurance", "2025-12-31", "", "off_track"),
    ("A12", "F04", "Quarterly learning briefing from audits to every team", "principal_social_worker", "2025-10-31", "", "on_track"),
    ("A13", "F05", "Recruitment and retention offer for permanent social workers, with a market supplement", "workforce_lead", "2025-09-30", "2025-09-12", "complete"),
    ("A14", "F05", "Caseload review for every worker over 25 children, with a plan to reduce it", "head_of_service_assessment", "2025-11-30", "", "at_risk"),
    ("A15", "F06", "Police and health attendance at every strategy discussion, monitored at the partnership board",
     "partnership_manager", "2025-07-31", "2025-07-29", "complete"),
    ("A16", "F08", "Tracker of conferences due, with escalation at day 10", "head_of_service_safeguarding", "2025-10-31", "", "on_track"),
    ("A19", "F08", "A third conference chair, so that every conference can be booked within 15 working days", "head_of_service_safeguarding",
     "2025-04-30", "2025-04-22", "complete"),
    ("A17", "F07", "Direct-work toolkit and recording of children's wishes and feelings in every assessment and plan",
     "principal_social_worker", "2025-12-31", "", "on_track"),
    ("A18", "F07", "Weekly report of child protection visits due, reviewed by team managers", "head_of_service_safeguarding", "2025-06-30", "", "not_started"),
)


def findings_register() -> pd.DataFrame:
    """The register, in the columns of ``inputs.md`` section 6."""
    rows = [(i, source, day, area, priority, wording, figures, domains, themes)
            for i, (source, day), area, priority, wording, figures, domains, themes in FINDINGS]
    return pd.DataFrame(rows, columns=["finding_id", "source", "source_date", "area", "priority", "wording", "figures", "audit_domains", "themes"])


def improvement_actions() -> pd.DataFrame:
    """The improvement plan's actions, in the columns of ``inputs.md`` section 6."""
    return pd.DataFrame(ACTIONS, columns=["action_id", "finding_id", "action", "owner_role", "due_date", "completed_date", "status"])
