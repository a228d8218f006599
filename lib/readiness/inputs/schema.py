"""What every table holds, declared once: columns, headings, kinds, keys, the figures each column feeds.

A :class:`TableSpec` names each column's snake_case name, the headings that find it, how
its text is read, whether it must be present (``required``) and which figure ids read it
(``figures``: a column is *used* when any does). An unreadable value in a used column is a
warning whose row leaves those figures, unless more than 10 % of the column is unreadable
(then the file is misread: an error); in a column no figure uses it is only ever a warning.
To give a column of Lists 2 or 8-11 a figure, name the figure's id in its ``figures`` (and
make it ``required``). :func:`check_values` runs the pandera schema built from a spec over a
table's cleaned text and turns pandera's failure cases into :class:`Failure` s.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import pandas as pd
import pandera.pandas as pa
from pandera.errors import SchemaErrors

from . import codes
from .values import has_time, heading_key, parse_age, parse_date, parse_datetime, parse_float, parse_id, parse_int, parse_text


@dataclass(frozen=True)
class Kind:
    """How a column's text is read, and what an unreadable value should have been."""

    parse: Callable[[pd.Series], pd.Series]
    accepts: Callable[[pd.Series], pd.Series]
    expected: str


def _parsed(parse: Callable[[pd.Series], pd.Series]) -> Callable[[pd.Series], pd.Series]:
    return lambda text: parse(text).notna()


def _coded(table: codes.Codes) -> Kind:
    return Kind(table.parse, lambda text: table.lookup(text).notna(), table.describe)


def parse_yes_no(text: pd.Series) -> pd.Series:
    """``Yes``/``No`` spellings as ``boolean`` (``<NA>`` when blank or unknown)."""
    return codes.YES_NO.parse(text).map({"yes": True, "no": False}).astype("boolean")


ID = Kind(parse_id, lambda text: text.notna(), "an id")
TEXT = Kind(parse_text, lambda text: text.notna(), "text")
DATE = Kind(parse_date, _parsed(parse_date), "a date written dd/mm/yyyy or yyyy-mm-dd")
DATETIME = Kind(parse_datetime, _parsed(parse_datetime), "a date, or a date and time, written dd/mm/yyyy hh:mm or yyyy-mm-dd hh:mm")
INT = Kind(parse_int, _parsed(parse_int), "a whole number")
AGE = Kind(parse_age, _parsed(parse_age), "an age in years (a fraction keeps its whole years; -1 = unborn)")
FLOAT = Kind(parse_float, _parsed(parse_float), "a number")
BOOL = Kind(parse_yes_no, lambda text: codes.YES_NO.lookup(text).notna(), codes.YES_NO.describe)
SOURCE = _coded(codes.SOURCE)
ETHNICITY = _coded(codes.ETHNICITY)
GENDER = _coded(codes.GENDER)
PRIMARY_NEED = _coded(codes.PRIMARY_NEED)
CLOSURE_REASON = _coded(codes.CLOSURE_REASON)
CASE_STATUS = _coded(codes.CASE_STATUS)
CATEGORY = _coded(codes.CATEGORY)
GRADE = _coded(codes.GRADE)
AGENCY = _coded(codes.AGENCY)
ROLE = _coded(codes.ROLE)
EMPLOYMENT = _coded(codes.EMPLOYMENT)
LEGAL_STATUS = _coded(codes.LEGAL_STATUS)
PERMANENCE_PLAN = _coded(codes.PERMANENCE_PLAN)
REASON_CEASED = _coded(codes.REASON_CEASED)
PLACEMENT_TYPE = _coded(codes.PLACEMENT_TYPE)
PLACEMENT_PROVIDER = _coded(codes.PLACEMENT_PROVIDER)
PLACEMENT_LOCATION = _coded(codes.PLACEMENT_LOCATION)
ELIGIBILITY = _coded(codes.ELIGIBILITY)
IN_TOUCH = _coded(codes.IN_TOUCH)
ACCOMMODATION = _coded(codes.ACCOMMODATION)
SUITABILITY = _coded(codes.SUITABILITY)
ACTIVITY = _coded(codes.ACTIVITY)
REASON_NO_LONGER_ADOPTION = _coded(codes.REASON_NO_LONGER_ADOPTION)
REASON_LEFT_ADOPTION = _coded(codes.REASON_LEFT_ADOPTION)


@dataclass(frozen=True)
class ColumnSpec:
    """One column: its name in the data model, the headings that find it, how it is read,
    whether it must be present, and the figure ids that read it (an id or an id's prefix:
    ``referrals.nfa_share`` or ``assessments`` for every ``assessments.…`` id)."""

    name: str
    headings: tuple[str, ...]
    kind: Kind
    required: bool = True
    figures: tuple[str, ...] = ()
    layout: str | None = None

    @property
    def heading(self) -> str:
        """The heading users know it by."""
        return self.headings[0]

    @property
    def used(self) -> bool:
        """Whether any figure reads the column."""
        return bool(self.figures)

    def feeds(self, figure_id: str) -> bool:
        """Whether the figure ``figure_id`` reads this column."""
        return any(figure_id == name or figure_id.startswith(f"{name}.") for name in self.figures)


@dataclass(frozen=True)
class TableSpec:
    """One table: its columns, the columns a row cannot do without, its natural key.

    ``expects_all``: every column should be there (Annex A), so an absent optional one is a warning.
    ``finish`` completes the parsed frame from the table's text (List 9: suitability from the accommodation code).
    """

    label: str
    columns: tuple[ColumnSpec, ...]
    row_id: tuple[str, ...] = ()
    natural_key: tuple[str, ...] = ()
    ignored: tuple[str, ...] = ()
    prefixed: tuple[str, Kind] | None = None
    checked: bool = True
    expects_all: bool = False
    finish: Callable[[pd.DataFrame, pd.DataFrame], pd.DataFrame] | None = None

    @property
    def used(self) -> bool:
        """Whether any figure reads the table (so an unreadable table stops the build)."""
        return any(column.used for column in self.columns)

    def heading_keys(self) -> dict[str, str]:
        """Folded heading → column name, for every heading that finds a column."""
        return {heading_key(h): c.name for c in self.columns for h in (*c.headings, c.name)}

    def heading_of(self, name: str) -> str:
        """The user's heading for column ``name`` (a prefixed column's own name)."""
        found = [c.heading for c in self.columns if c.name == name]
        return found[0] if found else name

    def column(self, name: str) -> ColumnSpec | None:
        """The spec of column ``name`` (a prefixed column's too), or ``None``."""
        found = [c for c in self.columns if c.name == name]
        if found:
            return found[0]
        if self.prefixed and name.startswith(self.prefixed[0]):
            return ColumnSpec(name, (name,), self.prefixed[1], required=False, figures=PREFIXED_FIGURES)
        return None


def col(name: str, heading: str, kind: Kind, *figures: str, **flags) -> ColumnSpec:
    """A column found by ``heading`` (and by its own snake_case name), read by ``figures``."""
    return ColumnSpec(name, (heading,), kind, figures=figures, **flags)


def opt(name: str, heading: str, kind: Kind, *figures: str, **flags) -> ColumnSpec:
    """An optional column: only breakdowns, the case sample or no figure yet read it."""
    return col(name, heading, kind, *figures, required=False, **flags)


# --- Annex A -------------------------------------------------------------------------
# Each list's id and key date feed every figure of the list; each other column names the figures reading it.

CHILD_ID = col("child_id", "Child Unique ID", ID)
PERSON = (
    opt("gender", "Gender", GENDER),
    opt("ethnicity", "Ethnicity", ETHNICITY),
)
CHILD = (
    CHILD_ID,
    *PERSON,
    opt("date_of_birth", "Date of Birth", DATE),
    ColumnSpec("age", ("Age of Child (Years)", "Age"), AGE, required=False),
)
TEAM = opt("team", "Allocated Team", TEXT)
ALLOCATION = (TEAM, opt("worker", "Allocated Worker", TEXT))
DISABILITY = opt("disability", "Does the Child have a Disability", BOOL)
CURRENT = "current"  # a column of the current layout only (List 9 since 2023): its absence is no warning


def annex_list(label: str, key_date: str | None, *columns: ColumnSpec, allocated: bool = True, **more) -> TableSpec:
    """A child list: the common columns, the list's own, then the allocation."""
    own = CHILD + columns + (ALLOCATION if allocated else ())
    return TableSpec(label, own, row_id=("child_id",) + ((key_date,) if key_date else ()), expects_all=True, **more)



def fill_suitability(text: pd.DataFrame, frame: pd.DataFrame) -> pd.DataFrame:
    """List 9: a blank suitability is taken from an accommodation code that carries it (``W2``: unsuitable)."""
    if "accommodation" in text:
        frame["suitability"] = frame["suitability"].fillna(codes.suitability_digit(text["accommodation"]))
    return frame


def drop_absent_layout(text: pd.DataFrame, frame: pd.DataFrame) -> pd.DataFrame:
    """A column of the current layout only (``layout=CURRENT``) that the return lacks leaves the frame,
    so its figures can tell a 2019 layout (``null``) from blank values."""
    absent = [c.name for c in ANNEX_A[9].columns if c.layout == CURRENT and c.name not in text]
    return frame.drop(columns=absent)


def finish_care_leavers(text: pd.DataFrame, frame: pd.DataFrame) -> pd.DataFrame:
    """List 9 completed: suitability from the accommodation code, absent current-layout columns dropped."""
    return drop_absent_layout(text, fill_suitability(text, frame))

ADOPTED_FIGURES = ("adoption.adopted_count", "adoption.entry_to_placement_days_mean", "adoption.order_to_match_days_mean")
APPROVAL_FIGURES = ("adopters.approved_count", "adopters.approval_days_median", "adopters.approved_waiting_count")

ANNEX_A = {
    1: annex_list(
        "List 1 (Contacts)",
        "contact_date",
        col("contact_date", "Date of Contact", DATE, "contacts"),
        opt("contact_source", "Contact Source", SOURCE),
        allocated=False,
    ),
    2: annex_list(
        "List 2 (Early help)",
        "assessment_start",
        col("assessment_start", "Assessment start date", DATE, "early_help"),
        col(
            "assessment_completion",
            "Assessment completion date",
            DATE,
            "early_help.completed_count",
            "early_help.median_days_to_complete",
            "early_help.open_at_snapshot",
        ),
        opt("organisation", "Organisation completing assessment", TEXT),
        allocated=False,
    ),
    3: annex_list(
        "List 3 (Referrals)",
        "referral_date",
        col("referral_date", "Date of referral", DATE, "referrals", "contacts.children_referred_share"),
        opt("referral_source", "Referral Source", SOURCE),
        col("referral_nfa", "Referral NFA?", BOOL, "referrals.nfa_share", "referrals.monthly.nfa_share"),
        col(
            "referrals_last_12m",
            "Number of Referrals in Last 12 Months",
            INT,
            "referrals.repeat_share",
            "referrals.monthly.repeat_share",
            "referrals.rereferral_share",
        ),
    ),
    4: annex_list(
        "List 4 (Assessments)",
        "assessment_start",
        DISABILITY,
        col("assessment_start", "Continuous Assessment Start Date", DATE, "assessments"),
        col("child_seen", "Child Seen During Continuous Assessment", BOOL, "assessments.child_seen_share"),
        col("authorisation_date", "Continuous Assessment Date of Authorisation", DATE, "assessments"),
        col("requires_support", "Was the child assessed as requiring LA children\u2019s social care support", BOOL, "assessments.no_further_support_share"),
        natural_key=("child_id", "assessment_start"),
    ),
    5: annex_list(
        "List 5 (Section 47 enquiries and ICPCs)",
        "strategy_date",
        DISABILITY,
        col(
            "strategy_date",
            "Strategy discussion initiating Section 47 Enquiry Start Date",
            DATE,
            "s47",
            "icpc.within_15_working_days_share",
            "icpc.monthly.within_15_working_days_share",
        ),
        opt("icpc_unnecessary", "Was an Initial Child Protection Conference deemed unnecessary?", BOOL),
        col("icpc_date", "Date of Initial Child Protection Conference", DATE, "icpc"),
        col("icpc_plan", "Did the Initial Child Protection Conference Result in a Child Protection Plan", BOOL, "icpc.resulting_in_plan_share"),
        opt("s47_last_12m", "Number of Section 47 Enquiries in the last 12 months", INT),
        opt("icpcs_last_12m", "Number of ICPCs in the last 12 months", INT),
        natural_key=("child_id", "strategy_date"),
    ),
    6: TableSpec(
        "List 6 (Children in need)",
        CHILD
        + (
            DISABILITY,
            col("cin_start", "CIN Start Date", DATE, "caseload", "cin"),
            opt("primary_need", "Primary Need Code", PRIMARY_NEED),
            col("last_seen", "Date Child Was Last Seen", DATE, "cin.seen_within_interval_share"),
            col("cin_closure", "CIN Closure Date", DATE, "caseload", "cin"),
            opt("closure_reason", "Reason for Closure", CLOSURE_REASON),
            opt("case_status", "Case Status", CASE_STATUS),
            TEAM,
            col("worker", "Allocated Worker", TEXT, "caseload"),
        ),
        row_id=("child_id", "cin_start"),
        expects_all=True,
    ),
    7: annex_list(
        "List 7 (Child protection)",
        "cp_start",
        DISABILITY,
        col("cp_start", "Child Protection Plan Start Date", DATE, "cp"),
        opt("initial_category", "Initial Category of Abuse", CATEGORY),
        opt("latest_category", "Latest Category of Abuse", CATEGORY),
        col("last_visit", "Date of the Last Statutory Visit", DATE, "cp.visit_within_interval_share"),
        opt("seen_alone", "Was the Child Seen Alone?", BOOL),
        opt("latest_review", "Date of latest review conference", DATE),
        col("cp_end", "Child Protection Plan End Date", DATE, "cp.open_at_snapshot", "cp.two_years_plus_count", "cp.visit_within_interval_share"),
        col("previous_plans", "Number of Previous Child Protection Plans", INT, "cp.second_or_subsequent_share"),
        ignored=("Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N)",),
    ),
    8: annex_list(
        "List 8 (Children looked after)",
        "looked_after_start",
        col("uasc", "Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)", BOOL, "cla.uasc_count"),
        DISABILITY,
        col("looked_after_start", "Date Started to be Looked After", DATE, "cla"),
        opt("category_of_need", "Child's Category of Need", PRIMARY_NEED),
        ColumnSpec(
            "second_period",
            (
                "Is this a second or subsequent period of being a Looked After Child within the last 12 months (Y/N)",
                "Is this a second or subsequent episode of being a Looked After Child within the last 12 months (Y/N)",
            ),
            BOOL,
            figures=("cla.second_period_share",),
        ),
        opt("legal_status_start", "Start date of current legal status", DATE),
        opt("legal_status", "Child's Legal Status", LEGAL_STATUS),
        col("latest_review", "Date of Latest Statutory Review", DATE, "cla.review_within_interval_share"),
        col("last_visit", "Date of Last Social Work Visit", DATE, "cla.visit_within_interval_share"),
        col("permanence_plan", "What is the permanence plan for this child?", PERMANENCE_PLAN, "cla.permanence_plan_share"),
        col("last_iro_contact", "Date of Last IRO Visit / Contact to the Child", DATE, "cla.iro_contact_within_interval_share"),
        col("last_health_assessment", "Date of Last Health Assessment", DATE, "cla.health_assessment_in_date_share"),
        col("last_dental_check", "Date of Last Dental Check", DATE, "cla.dental_check_in_date_share"),
        col("placements_last_12m", "Number of Placements in the Last 12 months", INT, "cla.three_plus_placements_share"),
        col("looked_after_end", "Date Ceased to be Looked After", DATE, "cla"),
        opt("reason_ceased", "Reason Ceased to be Looked After", REASON_CEASED),
        col("placement_start", "Start Date of Most Recent Placement", DATE, "cla.long_term_stability_share"),
        opt("placement_type", "Placement Type", PLACEMENT_TYPE, "cla.foster_placement_share"),
        opt("placement_provider", "Placement Provider", PLACEMENT_PROVIDER),
        opt("placement_postcode", "Placement postcode", TEXT),
        opt("placement_urn", "URN of Placement", TEXT),
        col("placement_location", "Placement Location", PLACEMENT_LOCATION, "cla.placed_out_of_area_share"),
        opt("placement_la", "LA of Placement", TEXT),
        col(
            "missing_episodes",
            "Number of Episodes the Child has been 'Missing' from their Placement in the last 12 months",
            INT,
            "cla.missing_share",
            "cla.return_interview_offered_share",
            "cla.return_interview_accepted_share",
        ),
        opt("absent_episodes", "Number of Episodes the Child has been 'Absent' from their Placement in the last 12 months", INT),
        col(
            "return_interview_offered",
            "Was the child offered a Return Interview after their last missing episode (Y/N)?",
            BOOL,
            "cla.return_interview_offered_share",
            "cla.return_interview_accepted_share",
        ),
        col(
            "return_interview_accepted",
            "Did the child accept a Return Interview after their last missing episode (Y/N)?",
            BOOL,
            "cla.return_interview_accepted_share",
        ),
        natural_key=("child_id", "looked_after_start"),
    ),
    9: annex_list(
        "List 9 (Care leavers)",
        None,
        DISABILITY,
        col("eligibility", "Eligibility Category", ELIGIBILITY, "care_leavers"),
        col("in_touch", "LA in Touch", IN_TOUCH, "care_leavers"),
        col("accommodation", "Type of Accommodation", ACCOMMODATION, "care_leavers.bed_and_breakfast_count", "care_leavers.suitable_accommodation_share"),
        col("suitability", "Suitability of Accommodation", SUITABILITY, "care_leavers.suitable_accommodation_share"),
        col("activity", "Activity Status", ACTIVITY, "care_leavers.eet_share", "care_leavers.neet_share"),
        opt("uasc", "Unaccompanied Asylum Seeking Child (UASC), or formerly UASC if 18 or over (Y/N)", BOOL, layout=CURRENT),
        opt("personal_advisor", "Allocated Personal Advisor", TEXT, "care_leavers.personal_adviser_share", layout=CURRENT),
        opt("pathway_plan_review", "Latest Pathway Plan Review Date", DATE, "care_leavers.pathway_plan_in_date_share", layout=CURRENT),
        opt("latest_contact", "Latest Date of Contact", DATE, "care_leavers.contact_within_interval_share", layout=CURRENT),
        natural_key=("child_id",),
        finish=finish_care_leavers,
    ),
    10: annex_list(
        "List 10 (Adoption)",
        "placement_decision",
        opt("family_id", "Family identifier", ID),
        DISABILITY,
        col("entered_care", "Date the Child Entered Care", DATE, "adoption.entry_to_placement_days_mean"),
        col("placement_decision", "Date of Decision that Child Should be Placed for Adoption", DATE, "adoption"),
        col("placement_order", "Date of Placement Order", DATE, "adoption.placement_orders_count", "adoption.order_to_match_days_mean"),
        col("matched", "Date of Matching Child and Prospective Adopters", DATE, "adoption.order_to_match_days_mean", "adoption.waiting_unmatched_count"),
        col("placed", "Date Placed for Adoption", DATE, "adoption.entry_to_placement_days_mean", "adoption.waiting_count", "adoption.waiting_unmatched_count"),
        col("adoption_order", "Date of Adoption Order", DATE, *ADOPTED_FIGURES, "adoption.waiting_count", "adoption.waiting_unmatched_count"),
        col("no_longer_decision", "Date of Decision that Child Should No Longer be Placed for Adoption", DATE, "adoption.reversed_count", "adoption.waiting_count", "adoption.waiting_unmatched_count"),
        col("no_longer_reason", "Reason Why Child No Longer Placed for Adoption", REASON_NO_LONGER_ADOPTION),
        col("ffa_placed", "Date the child was placed for fostering in FFA or concurrent planning placement", DATE, "adoption.entry_to_placement_days_mean"),
        allocated=False,
    ),
    11: TableSpec(
        "List 11 (Adopters)",
        (
            col("adopter_id", "Individual adopter identifier", ID),
            opt("family_id", "Family identifier", ID),
            *PERSON,
            opt("disability", "Disability", BOOL),
            opt("fostering_for_adoption", "Is the (prospective) adopter fostering for adoption?", BOOL),
            col("enquiry", "Date enquiry received", DATE, "adopters.enquiries_count"),
            col("stage_1_start", "Date Stage 1 started", DATE, "adopters.approval_days_median"),
            col("stage_1_end", "Date Stage 1 ended", DATE),
            col("stage_2_start", "Date Stage 2 started", DATE),
            col("stage_2_end", "Date Stage 2 ended", DATE, *APPROVAL_FIGURES),
            col("application_submitted", "Date application submitted", DATE, "adopters.approval_days_median"),
            col("application_approved", "Date application approved", DATE, *APPROVAL_FIGURES),
            col("matched", "Date adopter matched with child(ren)", DATE, "adopters.approved_waiting_count"),
            col("placed", "Date child/children placed with adopter(s)", DATE),
            opt("children_placed", "No. of children placed", INT),
            opt("adoption_order", "Date of Adoption Order", DATE),
            col("left_process", "Date of leaving adoption process", DATE, "adopters.approved_waiting_count"),
            opt("left_reason", "Reason for leaving adoption process", REASON_LEFT_ADOPTION, *APPROVAL_FIGURES),
        ),
        row_id=("adopter_id",),
        checked=False,
        expects_all=True,
    ),
}

# --- local extracts ------------------------------------------------------------------

GRADE_FIGURES = (
    "audits.grade_share",
    "audits.good_or_better_share",
    "audits.moderation_agreement_share",
    "audits.moderation_downgrade_share",
    "audits.monthly.good_or_better_share",
)
PREFIXED_FIGURES = ("audits.domain_good_or_better_share",)
STAFF_FIGURES = ("workforce", "supervision", "caseload.mean_per_fte")

EXTRACTS = {
    "case_audits": TableSpec(
        "case_audits",
        (
            col("audit_id", "audit_id", ID),
            col("child_id", "child_id", ID),
            col("audit_date", "audit_date", DATE, "audits"),
            col("team", "team", TEXT),
            opt("auditor_role", "auditor_role", TEXT),
            opt("audit_type", "audit_type", TEXT),
            col("worker_participated", "worker_participated", BOOL, "audits.worker_participated_share"),
            col("grade", "grade", GRADE, *GRADE_FIGURES),
            opt("moderated_grade", "moderated_grade", GRADE, *GRADE_FIGURES, "audits.moderated_count"),
            opt("reaudit_of", "reaudit_of", ID, "audits.reaudit_count", "audits.reaudit_improved_share"),
        ),
        row_id=("audit_id", "audit_date"),
        natural_key=("audit_id",),
        prefixed=("domain_", GRADE),
    ),
    "strategy_meetings": TableSpec(
        "strategy_meetings",
        (
            col("meeting_id", "meeting_id", ID),
            col("child_id", "child_id", ID),
            col("meeting_date", "meeting_date", DATE, "strategy"),
            col("team", "team", TEXT),
            col("agency", "agency", AGENCY, "strategy"),
            col("invited", "invited", BOOL, "strategy.invited_attendance_share"),
            col("attended", "attended", BOOL, "strategy"),
        ),
        row_id=("meeting_id", "meeting_date"),
    ),
    "workforce": TableSpec(
        "workforce",
        (
            col("worker_id", "worker_id", ID),
            col("team", "team", TEXT),
            col("role", "role", ROLE, *STAFF_FIGURES),
            col("employment", "employment", EMPLOYMENT, "workforce.agency_share", "workforce.turnover_rate"),
            col("start_date", "start_date", DATE, *STAFF_FIGURES),
            opt("end_date", "end_date", DATE, *STAFF_FIGURES),
            opt("fte", "fte", FLOAT, "workforce.agency_share", "workforce.turnover_rate", "caseload.mean_per_fte"),
        ),
        row_id=("worker_id", "start_date"),
        natural_key=("worker_id",),
    ),
    "supervision": TableSpec(
        "supervision",
        (col("worker_id", "worker_id", ID), col("supervision_date", "supervision_date", DATE, "supervision")),
        row_id=("worker_id", "supervision_date"),
    ),
}

# --- the follow-up of case audits (spec version 3) -----------------------------------

ACTION_TIMING_FIGURES = ("actions.completed_on_time_share", "actions.overdue_count")
EXTRACTS["audit_actions"] = TableSpec(
    "audit_actions",
    (
        col("action_id", "action_id", ID),
        col("audit_id", "audit_id", ID),
        opt("due_date", "due_date", DATE, *ACTION_TIMING_FIGURES, "actions.with_due_date_share"),
        opt("completed_date", "completed_date", DATE, *ACTION_TIMING_FIGURES),
        opt("theme", "theme", TEXT),
        opt("action", "action", TEXT),
    ),
    row_id=("action_id", "audit_id"),
    natural_key=("action_id",),
)

# --- front-door decisions (spec version 3) -------------------------------------------

DECISION_FIGURES = ("frontdoor.decisions_count", "frontdoor.decided_within_one_working_day_share", "frontdoor.decided_within_24_hours_share")


def mark_times(text: pd.DataFrame, frame: pd.DataFrame) -> pd.DataFrame:
    """front_door_decisions: ``received_timed`` and ``decided_timed`` say which values carry a time, not only a date."""
    for name in ("received", "decided"):
        frame[f"{name}_timed"] = has_time(text[name]) & frame[name].notna() if name in text else False
    return frame


EXTRACTS["front_door_decisions"] = TableSpec(
    "front_door_decisions",
    (
        col("contact_id", "contact_id", ID),
        col("child_id", "child_id", ID),
        col("received", "received", DATETIME, "frontdoor"),
        opt("decided", "decided", DATETIME, *DECISION_FIGURES, "frontdoor.undecided_over_one_working_day_count"),
        opt("outcome", "outcome", TEXT),
        opt("team", "team", TEXT),
    ),
    row_id=("contact_id", "received"),
    natural_key=("contact_id",),
    finish=mark_times,
)


# --- checking values with pandera ----------------------------------------------------


def kinds_of(spec: TableSpec, frame: pd.DataFrame) -> dict[str, ColumnSpec]:
    """Every column of ``frame`` the spec reads (prefixed ones included), by name."""
    found = {c.name: c for c in spec.columns}
    if spec.prefixed:
        found |= {name: spec.column(name) for name in frame.columns if name.startswith(spec.prefixed[0])}
    return found


def schema_for(spec: TableSpec, frame: pd.DataFrame) -> pa.DataFrameSchema:
    """The pandera schema of a table's cleaned text: required columns and readable values."""
    columns = {
        name: pa.Column(
            checks=pa.Check(_readable(c.kind), name=c.kind.expected, error=c.kind.expected),
            nullable=True,
            required=c.required,
        )
        for name, c in kinds_of(spec, frame).items()
    }
    return pa.DataFrameSchema(columns, strict=False)


def _readable(kind: Kind) -> Callable[[pd.Series], pd.Series]:
    return lambda text: (text.isna() | kind.accepts(text)).fillna(True).astype(bool)


@dataclass
class Failure:
    """One column's failed check: the column, the Excel rows that fail and their values (none: the column is missing)."""

    spec: ColumnSpec
    rows: pd.Series
    values: pd.Series | None = None

    @property
    def missing(self) -> bool:
        """Whether the column itself is missing."""
        return self.values is None

    @property
    def example(self) -> str | None:
        """The first unreadable value."""
        return None if self.values is None else str(self.values.iloc[0])


def check_values(spec: TableSpec, frame: pd.DataFrame) -> list[Failure]:
    """Run the spec's pandera schema (lazily, so every failure is found) over ``frame``."""
    try:
        schema_for(spec, frame).validate(frame, lazy=True)
    except SchemaErrors as exc:
        return _failures(exc.failure_cases, frame, kinds_of(spec, frame))
    return []


def _failures(cases: pd.DataFrame, frame: pd.DataFrame, columns: dict[str, ColumnSpec]) -> list[Failure]:
    """pandera's failure cases as one :class:`Failure` per column, rows as Excel row numbers."""
    missing = cases["check"].astype(str) == "column_in_dataframe"
    failures = [Failure(columns[name], pd.Series(dtype="int64")) for name in cases.loc[missing, "failure_case"].astype(str)]
    for name, group in cases[~missing].groupby("column", sort=False):
        index = group["index"].astype(int)
        rows = frame.loc[index, "_row"].reset_index(drop=True)
        failures.append(Failure(columns[str(name)], rows, group["failure_case"].astype(str).reset_index(drop=True)))
    return failures
