"""Care leavers (Annex A List 9): in touch, accommodation, activity, and (current layout) advisers and plans.

The figures leave out ``d) Eligible child`` (still looked after, counted in List 8). Each share's
denominator is every other young person except those whose ``LA in Touch`` is ``Died``; a blank
value stays in it as *not known*, as DfE counts it. The four columns of the current (2023)
layout are absent from the frame when the return lacks them (the 2019 template's 13 columns):
their figures are then ``None``.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from readiness.config.figures import H, L, Member, Theme
from readiness.config.params import Params
from readiness.inputs.bundle import Inputs

from .care import age_at, within_days
from .common import count_by, team_keys, with_share, with_share_of_total
from .figure import Figure, FigureValue, count, share
from .tables import Roles, board_table

EDUCATION_EMPLOYMENT_TRAINING = ("F", "P")
NEET = ("G4", "G5", "G6")
BED_AND_BREAKFAST = "W"
AGE_GROUPS = ((17, 18, "17-18"), (19, 21, "19-21"), (22, 25, "22-25"))
OTHER_AGE = "Other age or not known"
IN_TOUCH_STATUSES = {
    "yes": "In touch",
    "no": "Not in touch",
    "refused": "Refused contact",
    "not_required": "No longer requires services",
    "returned_home": "Returned home for 6 months or more",
}
IN_TOUCH_COLUMNS = {
    "yes": "in_touch",
    "no": "not_in_touch",
    "refused": "refused",
    "not_required": "not_required",
    "returned_home": "returned_home",
}
NOT_KNOWN = "Not known"
OUTCOME_ROLES = Roles(
    ("young_people", "in_touch", "not_in_touch", "refused", "not_required", "returned_home", "suitable_accommodation", "eet", "neet"),
    shares={
        "in_touch_share": ("in_touch", "young_people"),
        "suitable_accommodation_share": ("suitable_accommodation", "young_people"),
        "eet_share": ("eet", "young_people"),
        "neet_share": ("neet", "young_people"),
    },
)
"""Disclosure roles of :func:`by_age_group` and :func:`by_team`."""


def care_leavers(leavers: pd.DataFrame) -> pd.DataFrame:
    """The young people the figures count: every row but eligible children (a blank eligibility stays)."""
    return leavers[(leavers["eligibility"] != "eligible").fillna(True).astype(bool)]


def living(leavers: pd.DataFrame) -> pd.DataFrame:
    """The denominator of every share: care leavers other than those whose ``LA in Touch`` is ``Died``."""
    rows = care_leavers(leavers)
    return rows[(rows["in_touch"] != "died").fillna(True).astype(bool)]


def outcomes(rows: pd.DataFrame) -> dict[str, pd.Series]:
    """Boolean columns for each young person: in touch (and each way of not being), suitable accommodation, EET, NEET."""
    activity = rows["activity"]
    return {
        "young_people": pd.Series(True, index=rows.index),
        **{column: (rows["in_touch"] == code).fillna(False).astype(bool) for code, column in IN_TOUCH_COLUMNS.items()},
        "suitable_accommodation": (rows["suitability"] == "suitable").fillna(False).astype(bool),
        "eet": activity.str[0].isin(EDUCATION_EMPLOYMENT_TRAINING).fillna(False).astype(bool),
        "neet": activity.isin(NEET).fillna(False).astype(bool),
    }


leaver = Theme("Care leavers", reads=("list_9.eligibility", "list_9.in_touch"))
LEAVERS_COUNT = leaver.figure("care_leavers.count", "Care leavers", "count")
IN_TOUCH_SHARE = leaver.figure("care_leavers.in_touch_share", "Care leavers the council is in touch with", "share", H)
SUITABLE_SHARE = leaver.figure(
    "care_leavers.suitable_accommodation_share",
    "Care leavers in suitable accommodation",
    "share",
    H,
    reads=("list_9.accommodation", "list_9.suitability"),
)
ACTIVITY = ("list_9.activity",)
EET_SHARE = leaver.figure("care_leavers.eet_share", "Care leavers in education, employment or training", "share", H, reads=ACTIVITY)
NEET_SHARE = leaver.figure("care_leavers.neet_share", "Care leavers not in education, employment or training", "share", L, reads=ACTIVITY)
B_AND_B_COUNT = leaver.figure(
    "care_leavers.bed_and_breakfast_count", "Care leavers in bed and breakfast", "count", L, reads=("list_9.accommodation",)
)
ADVISER_SHARE = leaver.figure(
    "care_leavers.personal_adviser_share", "Care leavers with a personal adviser", "share", H, reads=("list_9.personal_advisor",)
)
PATHWAY_PLAN_SHARE = leaver.figure(
    "care_leavers.pathway_plan_in_date_share",
    "Care leavers with a pathway plan reviewed within the interval",
    "share",
    H,
    reads=("list_9.pathway_plan_review",),
    standard="pathway_plan_interval_days",
)
CONTACT_SHARE = leaver.figure(
    "care_leavers.contact_within_interval_share",
    "Care leavers contacted within the interval",
    "share",
    H,
    reads=("list_9.latest_contact",),
    standard="care_leaver_contact_interval_days",
)
CURRENT_FIGURES = {  # figure id -> the current-layout column it reads, and that column's heading
    ADVISER_SHARE: ("personal_advisor", "Allocated Personal Advisor"),
    PATHWAY_PLAN_SHARE: ("pathway_plan_review", "Latest Pathway Plan Review Date"),
    CONTACT_SHARE: ("latest_contact", "Latest Date of Contact"),
}


def current_figure_ids(leavers: pd.DataFrame) -> list[str]:
    """The current-layout figures the return allows: those whose column it has."""
    return [figure_id for figure_id, (column, _) in CURRENT_FIGURES.items() if column in leavers]


def layout_note(leavers: pd.DataFrame) -> str:
    """Why current-layout figures are missing, in words (empty when the return has every such column)."""
    absent = [heading for column, heading in CURRENT_FIGURES.values() if column not in leavers]
    if not absent:
        return ""
    columns = ", ".join(f"*{heading}*" for heading in absent)
    return (
        f"This return's List 9 has no {columns} column: Ofsted added these to Annex A in 2023, and returns in "
        "the 2019 layout (13 columns) do not carry them. The figures that read them are not shown here and are "
        "empty (`null`) in `figures.json`."
    )


def current_share(rows: pd.DataFrame, column: str, hits) -> Figure:
    """A share of the current layout: ``None`` when the return lacks ``column``; else ``hits(rows[column])`` of all rows."""
    if column not in rows:
        return Figure(None, ())
    return share(hits(rows[column]).fillna(False).astype(bool).sum(), len(rows))


AGE_OUTCOMES = {
    "in_touch_share": Member("the council is in touch with", H),
    "suitable_accommodation_share": Member("in suitable accommodation", H),
    "eet_share": Member("in education, employment or training", H),
    "neet_share": Member("not in education, employment or training", L),
}
AGE_READS = ("list_9.date_of_birth", "list_9.accommodation", "list_9.suitability", *ACTIVITY)
DFE_AGES = {  # the ages DfE and LAIT publish care leavers' outcomes at, each a family of the four outcome shares
    leaver.figure("care_leavers.age_19_21", "Care leavers aged 19-21 {}", "share", family=True, members=AGE_OUTCOMES, reads=AGE_READS): (
        19,
        21,
    ),
    leaver.figure("care_leavers.age_17_18", "Care leavers aged 17-18 {}", "share", family=True, members=AGE_OUTCOMES, reads=AGE_READS): (
        17,
        18,
    ),
}


def outcome_shares(rows: pd.DataFrame, prefix: str) -> dict[str, Figure]:
    """``<prefix>.in_touch_share``, ``.suitable_accommodation_share``, ``.eet_share`` and ``.neet_share`` over ``rows``."""
    found = outcomes(rows)
    return {
        f"{prefix}.{column}_share": share(found[column].sum(), len(rows))
        for column in ("in_touch", "suitable_accommodation", "eet", "neet")
    }


def by_dfe_age(rows: pd.DataFrame, snapshot: date) -> dict[str, Figure]:
    """The outcome shares of the young people aged 17-18 and 19-21 at the snapshot, by date of birth (none: left out)."""
    age = age_at(rows["date_of_birth"], snapshot)
    result = {}
    for family, (low, high) in DFE_AGES.items():
        result |= outcome_shares(rows[((age >= low) & (age <= high)).fillna(False).astype(bool)], family)
    return result


def figures(inputs: Inputs, params: Params) -> dict[str, FigureValue]:
    """Every care-leaver figure List 9 allows."""
    leavers = inputs.annex_list(9)
    if leavers is None:
        return {}
    snapshot = params.period.snapshot
    rows = living(leavers)
    found = outcomes(rows)
    n = len(rows)
    return {
        LEAVERS_COUNT: count(care_leavers(leavers)["child_id"].nunique()),
        IN_TOUCH_SHARE: share(found["in_touch"].sum(), n),
        SUITABLE_SHARE: share(found["suitable_accommodation"].sum(), n),
        EET_SHARE: share(found["eet"].sum(), n),
        NEET_SHARE: share(found["neet"].sum(), n),
        B_AND_B_COUNT: count((care_leavers(leavers)["accommodation"] == BED_AND_BREAKFAST).sum()),
        ADVISER_SHARE: current_share(rows, "personal_advisor", pd.Series.notna),
        PATHWAY_PLAN_SHARE: current_share(
            rows, "pathway_plan_review", lambda dates: within_days(dates, snapshot, params.pathway_plan_interval_days)
        ),
        CONTACT_SHARE: current_share(
            rows, "latest_contact", lambda dates: within_days(dates, snapshot, params.care_leaver_contact_interval_days)
        ),
        **by_dfe_age(rows, snapshot),
    }


# --- breakdown tables ------------------------------------------------------------


def age_group(rows: pd.DataFrame, snapshot: date) -> pd.Series:
    """Each young person's age group as DfE reports them (17-18, 19-21, 22-25): age at the snapshot
    from the date of birth, else the return's age."""
    age = age_at(rows["date_of_birth"], snapshot).fillna(rows["age"])
    group = pd.Series(OTHER_AGE, index=rows.index, name="age_group")
    for low, high, label in AGE_GROUPS:
        group[((age >= low) & (age <= high)).fillna(False).astype(bool)] = label
    return group


def add_outcome_shares(table: pd.DataFrame) -> pd.DataFrame:
    """Shares of young people in touch, in suitable accommodation, in EET and NEET."""
    for column in ("in_touch", "suitable_accommodation", "eet", "neet"):
        table = with_share(table, column, "young_people")
    return table


@board_table(OUTCOME_ROLES)
def by_age_group(leavers: pd.DataFrame, snapshot: date) -> pd.DataFrame:
    """Per age group (17-18, 19-21, 22-25, other): young people, in touch, suitable accommodation, EET, NEET."""
    rows = living(leavers)
    order = [label for _, _, label in AGE_GROUPS] + [OTHER_AGE]
    table = count_by(age_group(rows, snapshot), outcomes(rows), order)
    return add_outcome_shares(table[(table["young_people"] > 0) | (table.index != OTHER_AGE)]).reset_index()


@board_table(OUTCOME_ROLES)
def by_team(leavers: pd.DataFrame) -> pd.DataFrame:
    """Per team: young people, in touch, suitable accommodation, EET, NEET."""
    rows = living(leavers)
    return add_outcome_shares(count_by(team_keys(rows), outcomes(rows))).reset_index()


@board_table(Roles(("young_people",), share_of_total={"young_people_share": "young_people"}))
def by_in_touch_status(leavers: pd.DataFrame) -> pd.DataFrame:
    """Young people by ``LA in Touch``: in touch, not in touch, refused, no longer requiring services, returned home, not known."""
    rows = living(leavers)
    status = rows["in_touch"].map(IN_TOUCH_STATUSES).fillna(NOT_KNOWN).rename("in_touch")
    table = count_by(status, {"young_people": pd.Series(True, index=rows.index)}, [*IN_TOUCH_STATUSES.values(), NOT_KNOWN])
    return with_share_of_total(table, "young_people").reset_index()
