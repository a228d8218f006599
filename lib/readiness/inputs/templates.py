"""Blank XLSX templates for the local extracts (headings, and a sheet explaining every column), and a guide to
giving the pack the statutory returns a council already sends DfE (``statutory_returns.md``)."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

from readiness.files import refuse_to_overwrite

from .extract_tables import EXTRACTS
from .schema import GRADE

MEANINGS = {
    "audit_id": "unique id of the audit",
    "child_id": "the child's id, as Annex A's Child Unique ID",
    "audit_date": "date the audit was completed",
    "team": "team (of the case-holding worker, the meeting, the worker or the front-door decision)",
    "auditor_role": "e.g. team_manager, service_manager, practice_supervisor, external",
    "audit_type": "e.g. monthly, themed, practice_week, mock_inspection",
    "worker_participated": "Y if the audit was done with the case-holding social worker",
    "grade": "the auditor's overall grade",
    "moderated_grade": "the moderator's overall grade; blank = not moderated",
    "meeting_id": "the meeting; its rows share child_id, meeting_date and team",
    "meeting_date": "date of the strategy meeting",
    "agency": "the agency this row is about (one row per agency per meeting)",
    "invited": "Y if the agency was invited",
    "attended": "Y if the agency attended (Y with invited = N is allowed)",
    "worker_id": "the value Annex A's Allocated Worker holds for this worker",
    "role": "the worker's role",
    "employment": "permanent or agency",
    "start_date": "date the worker started in post",
    "end_date": "date the worker left; blank = still in post",
    "fte": "full-time equivalent; blank = 1.0",
    "supervision_date": "date of the supervision session",
    "reaudit_of": "the audit_id of an earlier audit of the same child that this one re-audits; blank = not a re-audit",
    "action_id": "unique id of the action",
    "due_date": "the action's timescale; blank = none set",
    "completed_date": "date the action was done; blank = not done",
    "theme": "a short practice theme for grouping, e.g. planning, voice_of_child",
    "action": "what is to be done (free text; it never reaches a Board output)",
    "contact_id": "unique id of the contact decided at the front door (MASH)",
    "received": "when the contact arrived: a date, or a date and time (yyyy-mm-dd hh:mm or dd/mm/yyyy hh:mm)",
    "decided": "when the decision on next steps was made, same forms; blank = not yet decided",
    "outcome": "the decision, e.g. nfa, advice, early_help, referral, strategy_discussion (grouped as written)",
    "raised_date": "date the concern was escalated for action",
    "escalated_to": "the role it was escalated to, e.g. service_manager (a role, never a name)",
    "responded_date": "date of the response; blank = none yet",
    "visits_in_timescale": "Y if the child's visits were in timescale; blank = not recorded",
    "chronology_up_to_date": "Y if the chronology is up to date; blank = not recorded",
    "genogram": "Y if the file holds a genogram; blank = not recorded",
    "current_plan": "Y if the file holds a current plan; blank = not recorded",
    "supervision_on_file": "Y if case supervision is on file; blank = not recorded",
    "finding_id": "unique id of the finding (improvement_actions name it)",
    "source": "where it was found, e.g. ILACS 2018, Monitoring visit 2019-06, Mock inspection 2026-11",
    "source_date": "date of the letter or report",
    "area": "help_and_protection, children_in_care, care_leavers, leaders, front_door, workforce, quality_assurance or your own workstream",
    "priority": "Y if Ofsted named it an area for priority action",
    "wording": "the finding as published (public text)",
    "figures": "ids of the figures that evidence progress, separated by ; (each must be a figure of the pack)",
    "audit_domains": "audit domains (as the case audits' domain_<name> columns name them) that evidence it, separated by ;",
    "themes": "action themes (as audit_actions.theme) that address it, separated by ;",
    "owner_role": "the role that owns the action, e.g. head_of_service (a role, never a name)",
    "status": "not_started, on_track, at_risk, off_track or complete; a completed date means complete",
}
OWN_MEANINGS = {
    ("improvement_actions", "finding_id"): "the finding the action addresses (a finding_id of findings)",
    ("improvement_actions", "action"): "what is to be done (shown only in the internal Board edition, never published)",
    ("improvement_actions", "due_date"): "when the plan says it is due; blank = none set",
}
"""Meanings of a column that differ in one extract from :data:`MEANINGS`, by (extract, column)."""
DOMAIN_EXAMPLE = "domain_voice_of_child"


RETURNS_GUIDE = """# The statutory returns: give the pack the files you already send DfE

Three optional parameters, beside `data:` in the parameters file. Paths are relative to the parameters file.

```yaml
cin_census:                     # the CIN census XML, one file a year (a single file may be given on its own)
  - ../returns/cin_2024.xml
  - ../returns/cin_2025.xml
ssda903:                        # the SSDA903 CSVs, one folder a year
  - ../returns/903_2024/        # its year (ending 31 March) is found from its episodes
  - {year: 2025, path: ../returns/903_2025/}   # or named
csww: ../returns/csww_2025.xml  # the children's social work workforce census XML (30 September)
```

- **cin_census**: the XML your system exports for DfE (`Message` > `Header` with `Collection` CIN and the
  `ReferenceDate` 31 March, then `Children` > `Child`): its referrals, assessments, section 47 enquiries, ICPCs
  and child protection plans are read and checked against DfE's rules.
- **ssda903**: a folder holding the CSV files DfE's tool takes, named as DfE names them: `header`, `episodes`,
  `reviews`, `uasc`, `missing`, `oc2`, `oc3`, `ad1`, `placed_for_adoption`, `previous_permanence` (and `sbpfa` if
  you have it), dates as dd/mm/yyyy. Give several years: DfE's long-term stability looks back 2½ years. It gives
  placement stability and long-term stability on DfE's definitions, care leavers at their 17th-21st birthdays
  (`oc3`).
- **csww**: the census XML (`Collection` CSWW, `ReferenceDate` 30 September), giving the vacancy rate and the
  sickness absence rate on DfE's definitions.

A file that is not the return it claims to be stops the build with one line naming it; a row breaking a DfE
validation rule a figure reads is listed under Data quality with the figures it leaves. `LAchildID` and `CHILD`
should be the ids Annex A's `Child Unique ID` holds; `SWENo` matches `Allocated Worker` only where your system
records SWE numbers there.
"""


RETURNS_GUIDE_FILE = "statutory_returns.md"


def write_templates(folder: Path, force: bool = False) -> list[Path]:
    """Write ``<extract>.xlsx`` for every local extract into ``folder``, and :data:`RETURNS_GUIDE_FILE` (the three
    parameters of the statutory returns explained); return the templates' paths.

    Nothing is written when any of them already exists, unless ``force``.
    """
    paths = {name: Path(folder) / f"{name}.xlsx" for name in EXTRACTS}
    guide = Path(folder) / RETURNS_GUIDE_FILE
    if not force:
        refuse_to_overwrite([*paths.values(), guide], "templates")
    Path(folder).mkdir(parents=True, exist_ok=True)
    written = [write_template(path, name) for name, path in paths.items()]
    guide.write_text(RETURNS_GUIDE, encoding="utf-8")
    return written


def write_template(path: Path, name: str) -> Path:
    """One template: a ``data`` sheet of headings and a ``columns`` sheet describing them."""
    spec = EXTRACTS[name]
    rows = [
        (c.name, "yes" if c.required else "no", c.kind.expected, OWN_MEANINGS.get((name, c.name), MEANINGS[c.name])) for c in spec.columns
    ]
    if spec.prefixed:
        meaning = f"any number of {spec.prefixed[0]}<name> columns, one per practice domain; blank = not graded"
        rows.append((DOMAIN_EXAMPLE, "no", GRADE.expected, meaning))
    workbook = Workbook()
    data = workbook.active
    data.title = "data"
    data.append([row[0] for row in rows])
    guide = workbook.create_sheet("columns")
    guide.append(["column", "required", "accepted values", "meaning"])
    for row in rows:
        guide.append(list(row))
    for sheet in (data, guide):
        for cell in sheet[1]:
            cell.font = Font(bold=True)
    workbook.save(path)
    return path
