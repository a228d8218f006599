"""The eleven lists of Ofsted's Annex A return declared (``ANNEX_A``, by list number): columns, headings, kinds, keys.

Every list starts with the child's columns (id, gender, ethnicity, date of birth, age) and most end with the
allocated team and worker (:func:`annex_list`). The figures that read a column name it in their declarations
(``reads=("list_3.referral_nfa",)``, :mod:`readiness.config.figures`); a column a figure needs is ``required``.
List 9 is completed after reading (:func:`finish_care_leavers`).
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from . import codes
from .aliases import aliases
from .schema import (
    ACCOMMODATION,
    ACTIVITY,
    AGE,
    BOOL,
    CASE_STATUS,
    CATEGORY,
    CLOSURE_REASON,
    CURRENT,
    DATE,
    ELIGIBILITY,
    ETHNICITY,
    GENDER,
    ID,
    IN_TOUCH,
    INT,
    LEGAL_STATUS,
    OUTCOME,
    PERMANENCE_PLAN,
    PLACEMENT_LOCATION,
    PLACEMENT_PROVIDER,
    PLACEMENT_TYPE,
    PRIMARY_NEED,
    REASON_CEASED,
    REASON_LEFT_ADOPTION,
    REASON_NO_LONGER_ADOPTION,
    SOURCE,
    SUITABILITY,
    TEXT,
    ColumnSpec,
    TableSpec,
    col,
    opt,
)

CHILD_ID = col("child_id", "Child Unique ID", ID)
PERSON = (opt("gender", "Gender", GENDER), opt("ethnicity", "Ethnicity", ETHNICITY))
CHILD = (
    CHILD_ID,
    *PERSON,
    opt("date_of_birth", "Date of Birth", DATE),
    ColumnSpec("age", ("Age of Child (Years)", "Age"), AGE, required=False),
)
TEAM = opt("team", "Allocated Team", TEXT)
ALLOCATION = (TEAM, opt("worker", "Allocated Worker", TEXT))
DISABILITY = opt("disability", "Does the Child have a Disability", BOOL)


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


ANNEX_A = {
    1: annex_list(
        "List 1 (Contacts)",
        "contact_date",
        col("contact_date", "Date of Contact", DATE),
        opt("contact_source", "Contact Source", SOURCE),
        allocated=False,
    ),
    2: annex_list(
        "List 2 (Early help)",
        "assessment_start",
        col("assessment_start", "Assessment start date", DATE),
        col("assessment_completion", "Assessment completion date", DATE),
        opt("organisation", "Organisation completing assessment", TEXT),
        allocated=False,
    ),
    3: annex_list(
        "List 3 (Referrals)",
        "referral_date",
        col("referral_date", "Date of referral", DATE),
        opt("referral_source", "Referral Source", SOURCE),
        col("referral_nfa", "Referral NFA?", BOOL),
        col("referrals_last_12m", "Number of Referrals in Last 12 Months", INT),
    ),
    4: annex_list(
        "List 4 (Assessments)",
        "assessment_start",
        DISABILITY,
        col("assessment_start", "Continuous Assessment Start Date", DATE),
        col("child_seen", "Child Seen During Continuous Assessment", BOOL),
        col("authorisation_date", "Continuous Assessment Date of Authorisation", DATE),
        col("requires_support", "Was the child assessed as requiring LA children\u2019s social care support", OUTCOME),
        natural_key=("child_id", "assessment_start"),
    ),
    5: annex_list(
        "List 5 (Section 47 enquiries and ICPCs)",
        "strategy_date",
        DISABILITY,
        col("strategy_date", "Strategy discussion initiating Section 47 Enquiry Start Date", DATE),
        opt("icpc_unnecessary", "Was an Initial Child Protection Conference deemed unnecessary?", BOOL),
        col("icpc_date", "Date of Initial Child Protection Conference", DATE),
        col("icpc_plan", "Did the Initial Child Protection Conference Result in a Child Protection Plan", BOOL),
        opt("s47_last_12m", "Number of Section 47 Enquiries in the last 12 months", INT),
        opt("icpcs_last_12m", "Number of ICPCs in the last 12 months", INT),
        natural_key=("child_id", "strategy_date"),
    ),
    6: TableSpec(
        "List 6 (Children in need)",
        CHILD
        + (
            DISABILITY,
            col("cin_start", "CIN Start Date", DATE),
            opt("primary_need", "Primary Need Code", PRIMARY_NEED),
            col("last_seen", "Date Child Was Last Seen", DATE),
            col("cin_closure", "CIN Closure Date", DATE),
            opt("closure_reason", "Reason for Closure", CLOSURE_REASON),
            opt("case_status", "Case Status", CASE_STATUS),
            TEAM,
            col("worker", "Allocated Worker", TEXT),
        ),
        row_id=("child_id", "cin_start"),
        expects_all=True,
    ),
    7: annex_list(
        "List 7 (Child protection)",
        "cp_start",
        DISABILITY,
        col("cp_start", "Child Protection Plan Start Date", DATE),
        opt("initial_category", "Initial Category of Abuse", CATEGORY),
        opt("latest_category", "Latest Category of Abuse", CATEGORY),
        col("last_visit", "Date of the Last Statutory Visit", DATE),
        opt("seen_alone", "Was the Child Seen Alone?", BOOL),
        opt("latest_review", "Date of latest review conference", DATE),
        col("cp_end", "Child Protection Plan End Date", DATE),
        col("previous_plans", "Number of Previous Child Protection Plans", INT),
        ignored=("Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N)",),
    ),
    8: annex_list(
        "List 8 (Children looked after)",
        "looked_after_start",
        col("uasc", "Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)", BOOL),
        DISABILITY,
        col("looked_after_start", "Date Started to be Looked After", DATE),
        opt("category_of_need", "Child's Category of Need", PRIMARY_NEED),
        ColumnSpec(
            "second_period",
            (
                "Is this a second or subsequent period of being a Looked After Child within the last 12 months (Y/N)",
                "Is this a second or subsequent episode of being a Looked After Child within the last 12 months (Y/N)",
            ),
            BOOL,
        ),
        opt("legal_status_start", "Start date of current legal status", DATE),
        opt("legal_status", "Child's Legal Status", LEGAL_STATUS),
        col("latest_review", "Date of Latest Statutory Review", DATE),
        col("last_visit", "Date of Last Social Work Visit", DATE),
        col("permanence_plan", "What is the permanence plan for this child?", PERMANENCE_PLAN),
        col("last_iro_contact", "Date of Last IRO Visit / Contact to the Child", DATE),
        col("last_health_assessment", "Date of Last Health Assessment", DATE),
        col("last_dental_check", "Date of Last Dental Check", DATE),
        col("placements_last_12m", "Number of Placements in the Last 12 months", INT),
        col("looked_after_end", "Date Ceased to be Looked After", DATE),
        opt("reason_ceased", "Reason Ceased to be Looked After", REASON_CEASED),
        col("placement_start", "Start Date of Most Recent Placement", DATE),
        opt("placement_type", "Placement Type", PLACEMENT_TYPE),
        opt("placement_provider", "Placement Provider", PLACEMENT_PROVIDER),
        opt("placement_postcode", "Placement postcode", TEXT),
        opt("placement_urn", "URN of Placement", TEXT),
        opt("placement_location", "Placement Location", PLACEMENT_LOCATION),  # optional since version 4: the SSD has none
        opt("placement_la", "LA of Placement", TEXT),
        col("missing_episodes", "Number of Episodes the Child has been 'Missing' from their Placement in the last 12 months", INT),
        opt("absent_episodes", "Number of Episodes the Child has been 'Absent' from their Placement in the last 12 months", INT),
        col("return_interview_offered", "Was the child offered a Return Interview after their last missing episode (Y/N)?", BOOL),
        col("return_interview_accepted", "Did the child accept a Return Interview after their last missing episode (Y/N)?", BOOL),
        natural_key=("child_id", "looked_after_start"),
    ),
    9: annex_list(
        "List 9 (Care leavers)",
        None,
        DISABILITY,
        col("eligibility", "Eligibility Category", ELIGIBILITY),
        col("in_touch", "LA in Touch", IN_TOUCH),
        col("accommodation", "Type of Accommodation", ACCOMMODATION),
        col("suitability", "Suitability of Accommodation", SUITABILITY),
        col("activity", "Activity Status", ACTIVITY),
        opt("uasc", "Unaccompanied Asylum Seeking Child (UASC), or formerly UASC if 18 or over (Y/N)", BOOL, layout=CURRENT),
        opt("personal_advisor", "Allocated Personal Advisor", TEXT, layout=CURRENT),
        opt("pathway_plan_review", "Latest Pathway Plan Review Date", DATE, layout=CURRENT),
        opt("latest_contact", "Latest Date of Contact", DATE, layout=CURRENT),
        natural_key=("child_id",),
        finish=finish_care_leavers,
    ),
    10: annex_list(
        "List 10 (Adoption)",
        "placement_decision",
        opt("family_id", "Family identifier", ID),
        DISABILITY,
        col("entered_care", "Date the Child Entered Care", DATE),
        col("placement_decision", "Date of Decision that Child Should be Placed for Adoption", DATE),
        col("placement_order", "Date of Placement Order", DATE),
        col("matched", "Date of Matching Child and Prospective Adopters", DATE),
        col("placed", "Date Placed for Adoption", DATE),
        col("adoption_order", "Date of Adoption Order", DATE),
        col("no_longer_decision", "Date of Decision that Child Should No Longer be Placed for Adoption", DATE),
        col("no_longer_reason", "Reason Why Child No Longer Placed for Adoption", REASON_NO_LONGER_ADOPTION),
        col("ffa_placed", "Date the child was placed for fostering in FFA or concurrent planning placement", DATE),
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
            col("enquiry", "Date enquiry received", DATE),
            col("stage_1_start", "Date Stage 1 started", DATE),
            col("stage_1_end", "Date Stage 1 ended", DATE),
            col("stage_2_start", "Date Stage 2 started", DATE),
            col("stage_2_end", "Date Stage 2 ended", DATE),
            col("application_submitted", "Date application submitted", DATE),
            col("application_approved", "Date application approved", DATE),
            col("matched", "Date adopter matched with child(ren)", DATE),
            col("placed", "Date child/children placed with adopter(s)", DATE),
            opt("children_placed", "No. of children placed", INT),
            opt("adoption_order", "Date of Adoption Order", DATE),
            col("left_process", "Date of leaving adoption process", DATE),
            opt("left_reason", "Reason for leaving adoption process", REASON_LEFT_ADOPTION),
        ),
        row_id=("adopter_id",),
        checked=False,
        expects_all=True,
    ),
}


OPEN_WHEN_BLANK = {
    2: ("assessment_completion",),
    4: ("authorisation_date",),
    5: ("icpc_date",),
    6: ("cin_closure",),
    7: ("cp_end",),
    8: ("looked_after_end", "return_interview_offered", "return_interview_accepted"),
    10: ("placement_order", "matched", "placed", "adoption_order", "no_longer_decision", "no_longer_reason", "ffa_placed"),
}
"""Used columns whose blank means "not yet" (or "no missing episode"): blank in every row of a real return is data
(:mod:`.unexported`)."""
EXPECTED_WHEN = {4: {"child_seen": "authorisation_date", "requires_support": "authorisation_date"}, 5: {"icpc_plan": "icpc_date"}}
"""Columns expected only in the rows where another is recorded (an assessment's outcome once it is authorised)."""


def as_exported(number: int, spec: TableSpec) -> TableSpec:
    """List ``number`` with the other headings real exports give its columns (:mod:`.aliases`) and what a blank in
    every row of each means (:data:`OPEN_WHEN_BLANK`, :data:`EXPECTED_WHEN`)."""
    columns = tuple(
        replace(
            column,
            headings=column.headings + aliases(number, column.name),
            open_when_blank=column.name in OPEN_WHEN_BLANK.get(number, ()),
            when=EXPECTED_WHEN.get(number, {}).get(column.name),
        )
        for column in spec.columns
    )
    return replace(spec, columns=columns)


ANNEX_A = {number: as_exported(number, spec).named(f"list_{number}") for number, spec in ANNEX_A.items()}
