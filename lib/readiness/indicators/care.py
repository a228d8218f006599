"""Children in care (Annex A List 8): who is looked after at the snapshot, and how their care is going.

"Looked after at the snapshot": started on or before the snapshot date and not ceased by it,
one row per child (their latest start). A blank *last* date (visit, review, IRO contact, health
assessment, dental check) means none is recorded: not within the interval. A blank permanence plan
means none is agreed. Any other blank a figure needs (a Yes/No, a count, a code, a placement start)
is unknown: the child leaves that figure, numerator and denominator alike.
"""

from __future__ import annotations

import calendar
from datetime import date

import pandas as pd

from readiness.config.figures import Blank, H, L, Theme
from readiness.config.params import Params
from readiness.config.period import Period, one_year_before
from readiness.config.workdays import working_days
from readiness.inputs.bundle import Inputs
from readiness.inputs.coverage import coverage_of, covered_period
from readiness.inputs.labels import NOT_RECORDED

from .common import at_least_one, count_by, in_period, is_yes, known_share, month_keys, team_keys, with_share, with_share_of_total
from .figure import Figure, FigureValue, count, share
from .tables import Roles, board_table, made_over

REVIEW_AFTER_WORKING_DAYS = 20  # a child in care this long should have had a statutory review
HEALTH_INTERVAL_DAYS = 365
STABLE_UNDER_AGE = 16
LONG_TERM_IN_CARE_MONTHS = 30
LONG_TERM_PLACEMENT_MONTHS = 24
PLACEMENT_GROUPS = {  # first letter of an SSDA903 placement type -> its group
    "U": "Foster care",
    "A": "Placed for adoption",
    "P": "Placed with parents or independent living",
    "K": "Children's homes and residential care",
    "R": "Children's homes and residential care",
    "H": "Children's homes and residential care",
    "S": "Children's homes and residential care",
    "T": "Temporary or other placement",
    "Z": "Temporary or other placement",
}
PERMANENCE_PLANS = {
    "return_to_family": "Return to family",
    "adoption": "Adoption",
    "sgo_cao": "Special guardianship or child arrangements order",
    "supported_living": "Supported living in the community",
    "long_term_residential": "Long-term residential placement",
    "long_term_fostering": "Long-term fostering",
    "other": "Other",
}
NO_PLAN = "None agreed"


# --- dates ------------------------------------------------------------------------


def months_before(day: date, months: int) -> date:
    """The same day ``months`` calendar months earlier, or that month's last day when the day does not exist:
    ``months_before(date(2021, 8, 31), 30) == date(2019, 2, 28)``."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def within_days(dates: pd.Series, snapshot: date, days: int) -> pd.Series:
    """Mask: the date is on or before ``snapshot`` and at most ``days`` calendar days before it (blank: not within)."""
    day = pd.Timestamp(snapshot)
    return ((dates <= day) & (dates >= day - pd.Timedelta(days=days))).fillna(False).astype(bool)


def age_at(dates_of_birth: pd.Series, day: date) -> pd.Series:
    """Whole years of age on ``day`` (``Int64``; ``<NA>`` without a date of birth)."""
    born = pd.to_datetime(dates_of_birth)
    birthday_to_come = (born.dt.month > day.month) | ((born.dt.month == day.month) & (born.dt.day > day.day))
    return (day.year - born.dt.year - birthday_to_come.astype(int)).astype("Int64")


# --- who is looked after ----------------------------------------------------------


def looked_after(cla: pd.DataFrame, snapshot: date) -> pd.DataFrame:
    """Children looked after at ``snapshot``: start on or before it, ceased blank or after it; one row per child (latest start)."""
    day = pd.Timestamp(snapshot)
    rows = cla[(cla["looked_after_start"] <= day) & (cla["looked_after_end"].isna() | (cla["looked_after_end"] > day))]
    return rows.sort_values("looked_after_start", kind="stable").drop_duplicates("child_id", keep="last").sort_index()


def care_checks(rows: pd.DataFrame, snapshot: date, params: Params) -> pd.DataFrame:
    """For each looked-after child: visited, review due and reviewed, IRO contact, health and dental checks due and in date."""
    day = pd.Timestamp(snapshot)
    health_due = (rows["looked_after_start"] <= pd.Timestamp(one_year_before(snapshot))).astype(bool)
    review_due = (working_days(rows["looked_after_start"], day) >= REVIEW_AFTER_WORKING_DAYS).fillna(False).astype(bool)
    return pd.DataFrame(
        {
            "visited": within_days(rows["last_visit"], snapshot, params.cla_visit_interval_days),
            "review_due": review_due,
            "reviewed": review_due & within_days(rows["latest_review"], snapshot, params.cla_review_interval_days),
            "iro_contact": within_days(rows["last_iro_contact"], snapshot, params.cla_review_interval_days),
            "health_due": health_due,
            "health_in_date": health_due & within_days(rows["last_health_assessment"], snapshot, HEALTH_INTERVAL_DAYS),
            "dental_in_date": health_due & within_days(rows["last_dental_check"], snapshot, HEALTH_INTERVAL_DAYS),
        },
        index=rows.index,
    )


def recorded(hits: pd.Series, values: pd.Series) -> pd.Series:
    """``hits`` as a nullable boolean, ``<NA>`` where ``values`` is blank (unknown: the row leaves the share)."""
    return hits.fillna(False).astype("boolean").where(values.notna())


# --- headline figures -----------------------------------------------------------

cla = Theme("Children in care", reads=("list_8.looked_after_start", "list_8.looked_after_end"))
MISSING = ("list_8.missing_episodes",)
MISSING_BLANK = Blank("list_8.missing_episodes", "cla.missing_share and the return-interview shares")


@cla.headline("cla.count_at_snapshot", "Children in care at the snapshot", "count")
def count_at_snapshot(cla: pd.DataFrame, snapshot: date) -> Figure:
    """``cla.count_at_snapshot``: distinct children looked after at the snapshot."""
    return count(len(looked_after(cla, snapshot)))


@cla.headline("cla.rate_per_10k", "Children in care per 10,000 children", "rate")
def rate_per_10k(n: int, child_population: int) -> Figure:
    """``cla.rate_per_10k``: a point-in-time rate, ``n`` ÷ ``child_population`` × 10,000 (not annualised)."""
    return Figure(n / child_population * 10_000, (int(n),))


@cla.headline("cla.started_count", "Children who started to be looked after", "count")
def started_count(cla: pd.DataFrame, period: Period) -> Figure:
    """``cla.started_count``: rows whose start is in the period."""
    return count(period.contains(cla["looked_after_start"]).sum())


@cla.headline("cla.ceased_count", "Children who ceased to be looked after", "count")
def ceased_count(cla: pd.DataFrame, period: Period) -> Figure:
    """``cla.ceased_count``: rows whose date ceased is in the period."""
    return count(period.contains(cla["looked_after_end"]).sum())


@cla.headline(
    "cla.second_period_share",
    "Starts that are a second or later period in care within 12 months",
    "share",
    L,
    reads=("list_8.second_period",),
    blank=(Blank("list_8.second_period", "cla.second_period_share if it started in the period"),),
)
def second_period_share(cla: pd.DataFrame, period: Period) -> Figure:
    """``cla.second_period_share``: of rows started in the period, share in a second or later period (blank: unknown)."""
    return known_share(in_period(cla, "looked_after_start", period)["second_period"])


UNALLOCATED = cla.figure("cla.unallocated_count", "Children in care with no allocated worker", "count", L, reads=("list_8.worker",))
THREE_PLUS = cla.figure(
    "cla.three_plus_placements_share",
    "Children in care with 3 or more placements in 12 months",
    "share",
    L,
    reads=("list_8.placements_last_12m",),
    blank=(Blank("list_8.placements_last_12m"),),
)


@cla.headline(
    "cla.long_term_stability_share",
    "Children under 16 in care 2½ years or more, in the same placement for 2 years",
    "share",
    H,
    reads=("list_8.placement_start",),
    blank=(Blank("list_8.placement_start"),),
)
def long_term_stability(rows: pd.DataFrame, snapshot: date) -> Figure:
    """``cla.long_term_stability_share``: of children under 16 looked after since 30 months before the snapshot,
    share in their placement since 24 months before it (no date of birth or placement start: left out)."""
    under_16 = (age_at(rows["date_of_birth"], snapshot) < STABLE_UNDER_AGE).fillna(False).astype(bool)
    long_in_care = rows["looked_after_start"] <= pd.Timestamp(months_before(snapshot, LONG_TERM_IN_CARE_MONTHS))
    eligible = rows[under_16 & long_in_care]
    settled = eligible["placement_start"] <= pd.Timestamp(months_before(snapshot, LONG_TERM_PLACEMENT_MONTHS))
    return known_share(recorded(settled, eligible["placement_start"]))


VISITED = cla.figure(
    "cla.visit_within_interval_share",
    "Children in care visited within the interval (local standard)",
    "share",
    H,
    reads=("list_8.last_visit",),
    standard="cla_visit_interval_days",
)
REVIEWED = cla.figure(
    "cla.review_within_interval_share",
    "Children in care with a statutory review within the interval (local standard)",
    "share",
    H,
    reads=("list_8.latest_review",),
    standard="cla_review_interval_days",
)
IRO_CONTACT = cla.figure(
    "cla.iro_contact_within_interval_share",
    "Children in care with IRO contact within the interval",
    "share",
    H,
    reads=("list_8.last_iro_contact",),
    standard="cla_review_interval_days",
)
HEALTH = cla.figure(
    "cla.health_assessment_in_date_share",
    "Children in care a year or more with a health assessment in date",
    "share",
    H,
    reads=("list_8.last_health_assessment",),
)
DENTAL = cla.figure(
    "cla.dental_check_in_date_share",
    "Children in care a year or more with a dental check in date",
    "share",
    H,
    reads=("list_8.last_dental_check",),
)
PERMANENCE = cla.figure(
    "cla.permanence_plan_share",
    "Children in care with a permanence plan (kept for continuity; not shown)",
    "share",
    H,
    reads=("list_8.permanence_plan",),
    shown=False,
)
OUT_OF_AREA = cla.figure(
    "cla.placed_out_of_area_share",
    "Children in care placed outside the council's area",
    "share",
    L,
    reads=("list_8.placement_location",),
    blank=(Blank("list_8.placement_location"),),
)
FOSTERED = cla.figure(
    "cla.foster_placement_share",
    "Children in care in foster placements",
    "share",
    H,
    reads=("list_8.placement_type",),
    blank=(Blank("list_8.placement_type"),),
)
UASC = cla.figure("cla.uasc_count", "Unaccompanied asylum-seeking children in care", "count", reads=("list_8.uasc",))
MISSING_SHARE = cla.figure(
    "cla.missing_share", "Children in care missing from placement in the last 12 months", "share", L, reads=MISSING, blank=(MISSING_BLANK,)
)
OFFERED = ("list_8.return_interview_offered",)
INTERVIEW_OFFERED = cla.figure(
    "cla.return_interview_offered_share",
    "Children missing who were offered a return interview",
    "share",
    H,
    reads=(*MISSING, *OFFERED),
    blank=(MISSING_BLANK,),
)
INTERVIEW_ACCEPTED = cla.figure(
    "cla.return_interview_accepted_share",
    "Children offered a return interview who accepted",
    "share",
    H,
    reads=(*MISSING, *OFFERED, "list_8.return_interview_accepted"),
    blank=(MISSING_BLANK,),
)


def return_interview_shares(rows: pd.DataFrame) -> tuple[Figure, Figure]:
    """``cla.return_interview_offered_share`` (of children missing at least once) and
    ``cla.return_interview_accepted_share`` (of those offered)."""
    missing = rows[is_yes(at_least_one(rows["missing_episodes"]))]
    offered = missing[is_yes(missing["return_interview_offered"])]
    return known_share(missing["return_interview_offered"]), known_share(offered["return_interview_accepted"])


def snapshot_figures(cla: pd.DataFrame, params: Params) -> dict[str, Figure]:
    """Every figure about the children looked after at the snapshot."""
    snapshot = params.period.snapshot
    rows = looked_after(cla, snapshot)
    checks = care_checks(rows, snapshot, params)
    offered, accepted = return_interview_shares(rows)
    location, placement_type = rows["placement_location"], rows["placement_type"]
    return {
        count_at_snapshot.figure_id: count(len(rows)),
        UNALLOCATED: count(rows["worker"].isna().sum()),
        THREE_PLUS: known_share(recorded(rows["placements_last_12m"] >= 3, rows["placements_last_12m"])),
        long_term_stability.figure_id: long_term_stability(rows, snapshot),
        VISITED: share(checks["visited"].sum(), len(rows)),
        REVIEWED: share(checks["reviewed"].sum(), checks["review_due"].sum()),
        IRO_CONTACT: share(checks["iro_contact"].sum(), len(rows)),
        HEALTH: share(checks["health_in_date"].sum(), checks["health_due"].sum()),
        DENTAL: share(checks["dental_in_date"].sum(), checks["health_due"].sum()),
        PERMANENCE: share(rows["permanence_plan"].notna().sum(), len(rows)),
        OUT_OF_AREA: known_share(recorded(location == "out", location)),
        FOSTERED: known_share(recorded(placement_type.str.startswith("U"), placement_type)),
        UASC: count(is_yes(rows["uasc"]).sum()),
        MISSING_SHARE: known_share(at_least_one(rows["missing_episodes"])),
        INTERVIEW_OFFERED: offered,
        INTERVIEW_ACCEPTED: accepted,
    }


def figures(inputs: Inputs, params: Params) -> dict[str, FigureValue]:
    """Every children-in-care figure List 8 allows (``cla.rate_per_10k`` with ``child_population``); starts and
    endings over the part of the period List 8 covers."""
    cla = inputs.annex_list(8)
    if cla is None:
        return {}
    period = covered_period(params.period, coverage_of(inputs, params)[8])
    result: dict[str, FigureValue] = {
        **snapshot_figures(cla, params),
        **{f.figure_id: f(cla, period) for f in (started_count, ceased_count, second_period_share)},
    }
    if params.child_population:
        result[rate_per_10k.figure_id] = rate_per_10k(result[count_at_snapshot.figure_id].value, params.child_population)
    return result


# --- breakdown tables ------------------------------------------------------------


@board_table(made_over(Roles(("started", "ceased"))))
def starts_and_ceased_by_month(cla: pd.DataFrame, period: Period) -> pd.DataFrame:
    """Per month of the (covered) period: children who started to be looked after, and who ceased."""
    months = period.months()
    started, ceased = in_period(cla, "looked_after_start", period), in_period(cla, "looked_after_end", period)
    table = count_by(month_keys(started["looked_after_start"]), {"started": pd.Series(True, index=started.index)}, months).join(
        count_by(month_keys(ceased["looked_after_end"]), {"ceased": pd.Series(True, index=ceased.index)}, months)
    )
    return table.reset_index()


@board_table(
    Roles(
        ("looked_after", "visited", "review_due", "reviewed", "iro_contact"),
        shares={
            "visited_share": ("visited", "looked_after"),
            "reviewed_share": ("reviewed", "review_due"),
            "iro_contact_share": ("iro_contact", "looked_after"),
        },
    )
)
def visits_and_reviews_by_team(cla: pd.DataFrame, params: Params) -> pd.DataFrame:
    """Per team, of children looked after at the snapshot: visited, reviewed (of those due) and IRO contact within the interval."""
    rows = looked_after(cla, params.period.snapshot)
    checks = care_checks(rows, params.period.snapshot, params)
    columns = {
        "looked_after": pd.Series(True, index=rows.index),
        "visited": checks["visited"],
        "review_due": checks["review_due"],
        "reviewed": checks["reviewed"],
        "iro_contact": checks["iro_contact"],
    }
    table = count_by(team_keys(rows), columns)
    table = with_share(with_share(table, "visited", "looked_after"), "reviewed", "review_due")
    return with_share(table, "iro_contact", "looked_after").reset_index()


@board_table(
    Roles(
        ("health_due", "health_in_date", "dental_in_date"),
        shares={"health_in_date_share": ("health_in_date", "health_due"), "dental_in_date_share": ("dental_in_date", "health_due")},
    )
)
def health_by_team(cla: pd.DataFrame, params: Params) -> pd.DataFrame:
    """Per team, of children looked after a year or more at the snapshot: health assessments and dental checks in date."""
    rows = looked_after(cla, params.period.snapshot)
    checks = care_checks(rows, params.period.snapshot, params)
    columns = {name: checks[name] for name in ("health_due", "health_in_date", "dental_in_date")}
    table = count_by(team_keys(rows), columns)
    return with_share(with_share(table, "health_in_date", "health_due"), "dental_in_date", "health_due").reset_index()


@board_table(Roles(("children", "in_area", "out_of_area"), share_of_total={"children_share": "children"}))
def by_placement_type(cla: pd.DataFrame, snapshot: date) -> pd.DataFrame:
    """Children looked after at the snapshot by placement group (SSDA903 type's first letter) and location (in or out of area)."""
    rows = looked_after(cla, snapshot)
    group = rows["placement_type"].str[0].map(PLACEMENT_GROUPS).fillna(NOT_RECORDED).rename("placement")
    location = rows["placement_location"].fillna("")
    columns = {"children": pd.Series(True, index=rows.index), "in_area": location == "in", "out_of_area": location == "out"}
    order = [*dict.fromkeys(PLACEMENT_GROUPS.values()), NOT_RECORDED]
    table = count_by(group, columns, order)
    return with_share_of_total(table[table["children"] > 0], "children").reset_index()


@board_table(Roles(("children",), share_of_total={"children_share": "children"}))
def by_permanence_plan(cla: pd.DataFrame, snapshot: date) -> pd.DataFrame:
    """Children looked after at the snapshot by their permanence plan (blank: none agreed)."""
    rows = looked_after(cla, snapshot)
    plan = rows["permanence_plan"].map(PERMANENCE_PLANS).fillna(NO_PLAN).rename("permanence_plan")
    table = count_by(plan, {"children": pd.Series(True, index=rows.index)}, [*PERMANENCE_PLANS.values(), NO_PLAN])
    return with_share_of_total(table, "children").reset_index()
