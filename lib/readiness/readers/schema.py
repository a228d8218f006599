"""What every table holds, declared once: columns, headings, kinds, keys; and its pandera check.

A :class:`TableSpec` names each column's snake_case name, the headings that find it, how
its text is read, whether it must be present (``required``) and whether a figure uses it
(``used``: an unreadable value is then an error, otherwise a warning).
:func:`check_values` runs the pandera schema built from a spec over a table's cleaned
text and turns pandera's failure cases into our :class:`~readiness.errors.Problem` s.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import pandas as pd
import pandera.pandas as pa
from pandera.errors import SchemaErrors

from . import codes
from .values import heading_key, parse_date, parse_float, parse_id, parse_int, parse_text

FREE_TEXT_WARNING = "free text where a code was expected; read as blank"


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
INT = Kind(parse_int, _parsed(parse_int), "a whole number")
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


@dataclass(frozen=True)
class ColumnSpec:
    """One column: its name in the data model, the headings that find it, how it is read."""

    name: str
    headings: tuple[str, ...]
    kind: Kind
    required: bool = True
    used: bool = True

    @property
    def heading(self) -> str:
        """The heading users know it by."""
        return self.headings[0]


@dataclass(frozen=True)
class TableSpec:
    """One table: its columns, the columns a row cannot do without, its natural key."""

    label: str
    columns: tuple[ColumnSpec, ...]
    row_id: tuple[str, ...] = ()
    natural_key: tuple[str, ...] = ()
    ignored: tuple[str, ...] = ()
    prefixed: tuple[str, Kind] | None = None
    checked: bool = True

    def heading_keys(self) -> dict[str, str]:
        """Folded heading → column name, for every heading that finds a column."""
        return {heading_key(h): c.name for c in self.columns for h in (*c.headings, c.name)}

    def heading_of(self, name: str) -> str:
        """The user's heading for column ``name`` (a prefixed column's own name)."""
        found = [c.heading for c in self.columns if c.name == name]
        return found[0] if found else name


def col(name: str, heading: str, kind: Kind, **flags) -> ColumnSpec:
    """A column found by ``heading`` (and by its own snake_case name)."""
    return ColumnSpec(name, (heading,), kind, **flags)


# --- Annex A -------------------------------------------------------------------------

CHILD = (
    col("child_id", "Child Unique ID", ID),
    col("gender", "Gender", GENDER),
    col("ethnicity", "Ethnicity", ETHNICITY),
    col("date_of_birth", "Date of Birth", DATE),
    ColumnSpec("age", ("Age of Child (Years)", "Age"), INT),
)
ALLOCATION = (col("team", "Allocated Team", TEXT), col("worker", "Allocated Worker", TEXT))
DISABILITY = "Does the Child have a Disability"
UNUSED_DISABILITY = col("disability", DISABILITY, BOOL, required=False, used=False)


def annex_list(label: str, key_date: str, *columns: ColumnSpec, allocated: bool = True, **more) -> TableSpec:
    """A child list: the common columns, the list's own, then the allocation."""
    own = CHILD + columns + (ALLOCATION if allocated else ())
    return TableSpec(label, own, row_id=("child_id", key_date), **more)


ANNEX_A = {
    1: annex_list(
        "List 1 (Contacts)",
        "contact_date",
        col("contact_date", "Date of Contact", DATE),
        col("contact_source", "Contact Source", SOURCE),
        allocated=False,
    ),
    3: annex_list(
        "List 3 (Referrals)",
        "referral_date",
        col("referral_date", "Date of referral", DATE),
        col("referral_source", "Referral Source", SOURCE),
        col("referral_nfa", "Referral NFA?", BOOL),
        col("referrals_last_12m", "Number of Referrals in Last 12 Months", INT),
    ),
    4: annex_list(
        "List 4 (Assessments)",
        "assessment_start",
        col("disability", DISABILITY, BOOL),
        col("assessment_start", "Continuous Assessment Start Date", DATE),
        col("child_seen", "Child Seen During Continuous Assessment", BOOL),
        col("authorisation_date", "Continuous Assessment Date of Authorisation", DATE),
        col("requires_support", "Was the child assessed as requiring LA children's social care support?", BOOL),
        natural_key=("child_id", "assessment_start"),
    ),
    5: annex_list(
        "List 5 (Section 47 enquiries and ICPCs)",
        "strategy_date",
        UNUSED_DISABILITY,
        col("strategy_date", "Strategy discussion initiating Section 47 Enquiry Start Date", DATE),
        col("icpc_unnecessary", "Was an Initial Child Protection Conference deemed unnecessary?", BOOL),
        col("icpc_date", "Date of Initial Child Protection Conference", DATE),
        col("icpc_plan", "Did the Initial Child Protection Conference Result in a Child Protection Plan", BOOL),
        col("s47_last_12m", "Number of Section 47 Enquiries in the last 12 months", INT),
        col("icpcs_last_12m", "Number of ICPCs in the last 12 months", INT),
        natural_key=("child_id", "strategy_date"),
    ),
    6: annex_list(
        "List 6 (Children in need)",
        "cin_start",
        UNUSED_DISABILITY,
        col("cin_start", "CIN Start Date", DATE),
        col("primary_need", "Primary Need Code", PRIMARY_NEED),
        col("last_seen", "Date Child Was Last Seen", DATE),
        col("cin_closure", "CIN Closure Date", DATE),
        col("closure_reason", "Reason for Closure", CLOSURE_REASON),
        col("case_status", "Case Status", CASE_STATUS),
    ),
    7: annex_list(
        "List 7 (Child protection)",
        "cp_start",
        UNUSED_DISABILITY,
        col("cp_start", "Child Protection Plan Start Date", DATE),
        col("initial_category", "Initial Category of Abuse", CATEGORY),
        col("latest_category", "Latest Category of Abuse", CATEGORY),
        col("last_visit", "Date of the Last Statutory Visit", DATE),
        col("seen_alone", "Was the Child Seen Alone?", BOOL),
        col("latest_review", "Date of latest review conference", DATE),
        col("cp_end", "Child Protection Plan End Date", DATE),
        col("previous_plans", "Number of Previous Child Protection Plans", INT),
        ignored=("Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N)",),
    ),
}

UNUSED_LISTS = {
    2: "List 2 (Early help)",
    8: "List 8 (Children looked after)",
    9: "List 9 (Care leavers)",
    10: "List 10 (Adoption)",
    11: "List 11 (Adopters)",
}
for _number, _label in UNUSED_LISTS.items():
    _id = col("adopter_id", "Individual adopter identifier", ID) if _number == 11 else CHILD[0]
    ANNEX_A[_number] = TableSpec(_label, (ColumnSpec(_id.name, _id.headings, ID, required=False, used=False),), checked=False)

# --- local extracts ------------------------------------------------------------------

EXTRACTS = {
    "case_audits": TableSpec(
        "case_audits",
        (
            col("audit_id", "audit_id", ID),
            col("child_id", "child_id", ID),
            col("audit_date", "audit_date", DATE),
            col("team", "team", TEXT),
            col("auditor_role", "auditor_role", TEXT, required=False),
            col("audit_type", "audit_type", TEXT, required=False),
            col("worker_participated", "worker_participated", BOOL),
            col("grade", "grade", GRADE),
            col("moderated_grade", "moderated_grade", GRADE, required=False),
            col("reaudit_of", "reaudit_of", ID, required=False),
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
            col("meeting_date", "meeting_date", DATE),
            col("team", "team", TEXT),
            col("agency", "agency", AGENCY),
            col("invited", "invited", BOOL),
            col("attended", "attended", BOOL),
        ),
        row_id=("meeting_id", "meeting_date"),
    ),
    "workforce": TableSpec(
        "workforce",
        (
            col("worker_id", "worker_id", ID),
            col("team", "team", TEXT),
            col("role", "role", ROLE),
            col("employment", "employment", EMPLOYMENT),
            col("start_date", "start_date", DATE),
            col("end_date", "end_date", DATE, required=False),
            col("fte", "fte", FLOAT, required=False),
        ),
        row_id=("worker_id", "start_date"),
        natural_key=("worker_id",),
    ),
    "supervision": TableSpec(
        "supervision",
        (col("worker_id", "worker_id", ID), col("supervision_date", "supervision_date", DATE)),
        row_id=("worker_id", "supervision_date"),
    ),
}

# --- the follow-up of case audits (spec version 3) -----------------------------------

EXTRACTS["audit_actions"] = TableSpec(
    "audit_actions",
    (
        col("action_id", "action_id", ID),
        col("audit_id", "audit_id", ID),
        col("due_date", "due_date", DATE, required=False),
        col("completed_date", "completed_date", DATE, required=False),
        col("theme", "theme", TEXT, required=False),
        col("action", "action", TEXT, required=False),
    ),
    row_id=("action_id", "audit_id"),
    natural_key=("action_id",),
)


# --- checking values with pandera ----------------------------------------------------


def kinds_of(spec: TableSpec, frame: pd.DataFrame) -> dict[str, ColumnSpec]:
    """Every column of ``frame`` the spec reads (prefixed ones included), by name."""
    found = {c.name: c for c in spec.columns}
    if spec.prefixed:
        prefix, kind = spec.prefixed
        for name in frame.columns:
            if name.startswith(prefix):
                found[name] = ColumnSpec(name, (name,), kind, required=False)
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
    """One column's failed check: the column, the Excel rows that fail, an example value."""

    spec: ColumnSpec
    rows: pd.Series
    example: str | None = None

    @property
    def missing(self) -> bool:
        """Whether the column itself is missing."""
        return self.example is None


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
        rows = frame.loc[group["index"].astype(int), "_row"]
        failures.append(Failure(columns[str(name)], rows, str(group["failure_case"].iloc[0])))
    return failures
