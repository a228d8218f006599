"""Workforce, caseloads and supervision (``workforce``, ``supervision``, Annex A List 6).

Definitions are those of ``indicators.md``. Caseloads count *distinct* children per
allocated worker; a child open on several List 6 rows counts once.
"""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd

from readiness.config.figures import H, L, Theme
from readiness.config.params import Params
from readiness.config.period import Period, one_year_before
from readiness.inputs.bundle import Inputs
from readiness.inputs.labels import NOT_RECORDED
from readiness.inputs.values import is_in

from .common import median_of, with_share
from .figure import Figure, FigureValue, count, share, statistic
from .tables import Roles, board_table

SOCIAL_WORK_ROLES = ("social_worker", "senior_practitioner", "practice_supervisor", "team_manager")
CASE_HOLDING_ROLES = SOCIAL_WORK_ROLES[:3]
CASELOAD_BANDS = ((1, 10), (11, 15), (16, 20), (21, 25), (26, 50), (51, None))
staff = Theme("Workforce and caseloads", reads=("workforce.role", "workforce.start_date", "workforce.end_date"))
CONTRACTS = ("workforce.employment", "workforce.fte")
caseload = Theme("Workforce and caseloads", reads=("list_6.cin_start", "list_6.cin_closure", "list_6.worker"))
cin = Theme("Workforce and caseloads", reads=("list_6.cin_start", "list_6.cin_closure"))
BAND_26_50 = "caseload.band.26-50"
"""Workers with 26 to 50 children: published by no figure, only worked out from the others."""


# --- who is in post -----------------------------------------------------------------


def in_post(workforce: pd.DataFrame, at: date) -> pd.Series:
    """Mask of workers in post at ``at``: started on or before it, not yet left (``end_date`` blank or after)."""
    day = pd.Timestamp(at)
    return (workforce["start_date"] <= day) & (workforce["end_date"].isna() | (workforce["end_date"] > day))


def social_workers_in_post(workforce: pd.DataFrame, at: date, roles: tuple[str, ...] = SOCIAL_WORK_ROLES) -> pd.DataFrame:
    """Rows of workers in one of ``roles`` who are in post at ``at``."""
    return workforce[in_post(workforce, at) & workforce["role"].isin(roles)]


def fte_share(part: pd.DataFrame, whole: pd.DataFrame) -> Figure:
    """FTE of ``part`` ÷ FTE of ``whole``; the basis is the two headcounts."""
    total = whole["fte"].sum()
    value = float(part["fte"].sum() / total) if total else None
    return Figure(value, (len(part), len(whole)))


# --- workforce ---------------------------------------------------------------------


@staff.headline("workforce.in_post", "Social-work staff in post (headcount)", "count")
def workforce_in_post(workforce: pd.DataFrame, period: Period) -> Figure:
    """``workforce.in_post``: headcount in social-work roles at ``period.end``."""
    return count(len(social_workers_in_post(workforce, period.end)))


@staff.headline(
    "workforce.agency_share", "Agency share of social-work FTE", "share", L, reads=CONTRACTS, base="social workers, by headcount"
)
def workforce_agency_share(workforce: pd.DataFrame, period: Period) -> Figure:
    """``workforce.agency_share``: agency FTE ÷ all FTE, social-work roles in post at ``period.end``."""
    staff = social_workers_in_post(workforce, period.end)
    return fte_share(staff[staff["employment"] == "agency"], staff)


@staff.headline(
    "workforce.turnover_rate",
    "Turnover of permanent social-work staff (FTE, 12 months)",
    "share",
    L,
    reads=CONTRACTS,
    base="permanent social workers in post, by headcount",
)
def workforce_turnover_rate(workforce: pd.DataFrame, period: Period) -> Figure:
    """``workforce.turnover_rate``: FTE of permanent social-work leavers in the year to ``period.end``
    (``end_date`` after one year before it, on or before it) ÷ permanent social-work FTE in post at ``period.end``.

    A rate, not a share of the same people: leavers are not among those in post, so it can exceed 1.
    """
    permanent = workforce[(workforce["employment"] == "permanent") & workforce["role"].isin(SOCIAL_WORK_ROLES)]
    end, year_before = pd.Timestamp(period.end), pd.Timestamp(one_year_before(period.end))
    leavers = permanent[(permanent["end_date"] > year_before) & (permanent["end_date"] <= end)]
    return fte_share(leavers, social_workers_in_post(permanent, period.end))


# --- supervision -------------------------------------------------------------------


def supervision_status(workforce: pd.DataFrame, supervision: pd.DataFrame, period: Period, interval_days: int) -> pd.DataFrame:
    """Case-holding workers due supervision at ``period.end`` (in post, started at least ``interval_days`` before),
    with ``team`` and ``within`` (latest supervision on or before ``period.end`` at most ``interval_days`` before it).

    Never supervised means not within.
    """
    end = pd.Timestamp(period.end)
    due = social_workers_in_post(workforce, period.end, CASE_HOLDING_ROLES)
    due = due[due["start_date"] <= end - timedelta(days=interval_days)].drop_duplicates("worker_id")
    sessions = supervision[supervision["supervision_date"] <= end]
    latest = sessions.groupby("worker_id")["supervision_date"].max().reindex(due["worker_id"])
    within = ((end - latest).dt.days <= interval_days).fillna(False).astype(bool)
    return pd.DataFrame({"team": due["team"].to_numpy(), "within": within.to_numpy()})


@board_table(Roles(("workers", "within_interval"), shares={"within_interval_share": ("within_interval", "workers")}))
def supervision_by_team(workforce: pd.DataFrame, supervision: pd.DataFrame, period: Period, interval_days: int = 30) -> pd.DataFrame:
    """Per team: workers due supervision, those supervised within the interval, and the share."""
    status = supervision_status(workforce, supervision, period, interval_days)
    table = status.groupby("team").agg(workers=("within", "size"), within_interval=("within", "sum"))
    return with_share(table, "within_interval", "workers").reset_index()


# --- List 6: open children and allocation -----------------------------------------


def is_allocated(workers: pd.Series, unallocated_values: list[str] = ()) -> pd.Series:
    """Mask of rows with an allocated worker: not blank and not one of ``unallocated_values``.

    Readers already turn those values into ``<NA>``; this checks again, ignoring case and
    surrounding spaces, so an indicator never counts ``Unallocated`` as a worker.
    """
    cleaned = workers.astype("string").str.strip()
    placeholders = {value.strip().casefold() for value in unallocated_values}
    return (cleaned.notna() & (cleaned != "") & ~cleaned.str.casefold().isin(placeholders)).fillna(False).astype(bool)


def open_cases(cin: pd.DataFrame, snapshot: date, unallocated_values: list[str] = ()) -> pd.DataFrame:
    """List 6 rows open at ``snapshot`` (started on or before it, closure blank or after it),
    with ``worker`` set to ``<NA>`` where no worker is allocated."""
    day = pd.Timestamp(snapshot)
    rows = cin[(cin["cin_start"] <= day) & (cin["cin_closure"].isna() | (cin["cin_closure"] > day))].copy()
    rows["worker"] = rows["worker"].astype("string").str.strip().where(is_allocated(rows["worker"], unallocated_values))
    return rows


def caseloads(cases: pd.DataFrame) -> pd.Series:
    """Distinct open children per allocated worker (index: worker), from :func:`open_cases` rows."""
    return cases.dropna(subset=["worker"]).groupby("worker")["child_id"].nunique()


@cin.headline("caseload.open_children", "Children open to children's social care at the snapshot", "count")
def caseload_open_children(cases: pd.DataFrame) -> Figure:
    """``caseload.open_children``: distinct children open at the snapshot."""
    return count(cases["child_id"].nunique())


@caseload.headline("caseload.unallocated_count", "Open children with no allocated worker", "count", L)
def caseload_unallocated_count(cases: pd.DataFrame) -> Figure:
    """``caseload.unallocated_count``: open children with no allocated worker on any of their open rows."""
    allocated = cases.dropna(subset=["worker"])["child_id"]
    return count(cases.loc[~is_in(cases["child_id"], allocated), "child_id"].nunique())


@caseload.headline("caseload.median", "Median caseload per allocated worker", "number", L)
def caseload_median(cases: pd.DataFrame) -> Figure:
    """``caseload.median``: median caseload over allocated workers with at least one open child."""
    return median_of(caseloads(cases))


@caseload.headline("caseload.max", "Largest caseload", "number", L)
def caseload_max(cases: pd.DataFrame) -> Figure:
    """``caseload.max``: largest caseload of any allocated worker."""
    loads = caseloads(cases)
    return statistic(loads.max() if len(loads) else None, len(loads))


def workers_over_count(cases: pd.DataFrame, limit: int) -> Figure:
    """``caseload.workers_over_<limit>_count``: allocated workers with more than ``limit`` open children."""
    return count((caseloads(cases) > limit).sum())


OVER_25 = caseload.figure(
    "caseload.workers_over_25_count",
    "Workers with more than 25 children",
    "count",
    L,
    sum_of=(BAND_26_50, "caseload.workers_over_50_count"),
)
OVER_50 = caseload.figure("caseload.workers_over_50_count", "Workers with more than 50 children", "count", L)
OVER = {OVER_25: 25, OVER_50: 50}
BAND_CELLS = {("26-50", "workers"): BAND_26_50, ("51+", "workers"): OVER_50}
"""The counts of :func:`caseload_distribution`'s cells that the disclosure relations name."""


@caseload.headline("caseload.mean_per_fte", "Children per case-holding FTE", "number", L, reads=(*staff.reads, "workforce.fte"))
def caseload_mean_per_fte(cases: pd.DataFrame, workforce: pd.DataFrame, snapshot: date) -> Figure:
    """``caseload.mean_per_fte``: open children allocated to case-holding workers in post at the snapshot
    ÷ FTE of those workers who hold at least one. Basis: children, workers."""
    holders = case_holders(cases, workforce, snapshot)
    fte = holders["fte"].sum()
    children = cases.loc[cases["worker"].isin(holders["worker_id"]), "child_id"].nunique()
    return Figure(float(children / fte) if fte else None, (children, len(holders)))


def case_holders(cases: pd.DataFrame, workforce: pd.DataFrame, snapshot: date) -> pd.DataFrame:
    """Case-holding workers in post at ``snapshot`` who hold at least one open child."""
    staff = social_workers_in_post(workforce, snapshot, CASE_HOLDING_ROLES).drop_duplicates("worker_id")
    return staff[staff["worker_id"].isin(cases["worker"].dropna())]


def cin_seen_status(cases: pd.DataFrame, snapshot: date, interval_days: int) -> pd.DataFrame:
    """One row per open child and team: ``seen`` if last seen on or before ``snapshot`` and at most ``interval_days`` before it."""
    day = pd.Timestamp(snapshot)
    seen = (cases["last_seen"] <= day) & ((day - cases["last_seen"]).dt.days <= interval_days)
    rows = pd.DataFrame({"child_id": cases["child_id"], "team": cases["team"], "seen": seen.fillna(False).astype(bool)})
    return rows.groupby(["child_id", "team"], dropna=False, as_index=False)["seen"].any()


@cin.headline(
    "cin.seen_within_interval_share",
    "Open children seen within the interval (kept for continuity; not shown)",
    "share",
    H,
    reads=("list_6.last_seen",),
    denominator="caseload.open_children",
    shown=False,
)
def cin_seen_within_interval_share(cases: pd.DataFrame, snapshot: date, interval_days: int = 28) -> Figure:
    """``cin.seen_within_interval_share``: share of open children seen within ``interval_days`` of the snapshot."""
    by_child = cin_seen_status(cases, snapshot, interval_days).groupby("child_id")["seen"].any()
    return share(by_child.sum(), len(by_child))


def on_cin_plan(cases: pd.DataFrame) -> pd.DataFrame | None:
    """The open rows whose Case Status is a child in need plan; ``None`` when the return has no Case Status."""
    if "case_status" not in cases:
        return None
    return cases[(cases["case_status"] == "cin_plan").fillna(False).astype(bool)]


@cin.headline(
    "cin.plan_seen_within_interval_share",
    "Children on a child in need plan seen within the interval (local standard)",
    "share",
    H,
    reads=("list_6.last_seen", "list_6.case_status"),
    standard="cin_seen_interval_days",
)
def cin_plan_seen_within_interval_share(cases: pd.DataFrame, snapshot: date, interval_days: int = 28) -> Figure:
    """``cin.plan_seen_within_interval_share``: as :func:`cin_seen_within_interval_share`, over children on a child in
    need plan (``None`` when the return has no Case Status): children on a plan or in care have their own standards."""
    on_plan = on_cin_plan(cases)
    return Figure(None, ()) if on_plan is None else cin_seen_within_interval_share(on_plan, snapshot, interval_days)


@staff.headline(
    "supervision.within_interval_share",
    "Case-holding workers supervised within the interval",
    "share",
    H,
    reads=("supervision.supervision_date",),
    standard="supervision_interval_days",
)
def supervision_within_interval_share(
    workforce: pd.DataFrame, supervision: pd.DataFrame, period: Period, interval_days: int = 30
) -> Figure:
    """``supervision.within_interval_share``: share of due case-holding workers supervised within the interval."""
    status = supervision_status(workforce, supervision, period, interval_days)
    return share(status["within"].sum(), len(status))


# --- breakdown tables ------------------------------------------------------------


@board_table(Roles(("workers",), share_of_total={"workers_share": "workers"}))
def caseload_distribution(cases: pd.DataFrame) -> pd.DataFrame:
    """Allocated workers per caseload band (``1-10`` … ``51+``), with each band's share of workers."""
    loads = caseloads(cases)
    rows = [{"band": band_label(low, high), "workers": int(loads.between(low, high or float("inf")).sum())} for low, high in CASELOAD_BANDS]
    table = pd.DataFrame(rows).assign(all_workers=len(loads))
    return with_share(table, "workers", "all_workers").drop(columns="all_workers")


def band_label(low: int, high: int | None) -> str:
    """``1-10`` for a closed band, ``51+`` for the open top band."""
    return f"{low}+" if high is None else f"{low}-{high}"


@board_table(Roles(("open_children", "unallocated_children", "allocated_workers"), statistics={"median_caseload": "allocated_workers"}))
def caseload_by_team(cases: pd.DataFrame) -> pd.DataFrame:
    """Per List 6 team: open children, unallocated children, allocated workers, median caseload, workers over 25.

    A worker's caseload within a team counts the distinct open children of that team's rows.
    """
    teams = cases.assign(team=cases["team"].fillna(NOT_RECORDED))
    allocated_children = teams.dropna(subset=["worker"])[["team", "child_id"]].drop_duplicates()
    unallocated = teams[["team", "child_id"]].drop_duplicates().merge(allocated_children, how="left", indicator=True)
    loads = teams.dropna(subset=["worker"]).groupby(["team", "worker"])["child_id"].nunique()
    table = pd.DataFrame(
        {
            "open_children": teams.groupby("team")["child_id"].nunique(),
            "unallocated_children": unallocated[unallocated["_merge"] == "left_only"].groupby("team").size(),
            "allocated_workers": loads.groupby(level="team").size(),
            "median_caseload": loads.groupby(level="team").median(),
            "workers_over_25": (loads > 25).groupby(level="team").sum(),
        }
    )
    counts = ["open_children", "unallocated_children", "allocated_workers", "workers_over_25"]
    table[counts] = table[counts].fillna(0).astype(int)
    return table.rename_axis("team").reset_index()


@board_table(
    Roles(
        ("children_held", "case_holders", "social_workers", "agency_workers"),
        statistics={"mean_per_fte": "case_holders"},
        shares={"agency_share": ("agency_workers", "social_workers")},
    )
)
def caseload_against_agency(cases: pd.DataFrame, workforce: pd.DataFrame, period: Period) -> pd.DataFrame:
    """Per workforce team, for a scatter chart: mean caseload per FTE (as ``caseload.mean_per_fte``, at the
    snapshot) against agency share of social-work FTE (as ``workforce.agency_share``, at ``period.end``).

    Headcounts (``case_holders``, ``social_workers``, ``agency_workers``) are the records behind each
    figure, for disclosure control. ``children_held`` and ``case_holders`` are List 6's: a team whose workers hold
    no child on List 6 (an assessment team, say) has none, though HR lists its case-holding workers."""
    holders = case_holders(cases, workforce, period.snapshot)
    children = cases.merge(holders[["worker_id", "team"]], left_on="worker", right_on="worker_id", suffixes=("_list", ""))
    staff = social_workers_in_post(workforce, period.end)
    table = pd.DataFrame(
        {
            "children_held": children.groupby("team")["child_id"].nunique(),
            "case_holders": holders.groupby("team").size(),
            "case_holder_fte": holders.groupby("team")["fte"].sum(),
            "social_workers": staff.groupby("team").size(),
            "agency_workers": staff[staff["employment"] == "agency"].groupby("team").size(),
            "agency_fte": staff[staff["employment"] == "agency"].groupby("team")["fte"].sum(),
            "social_work_fte": staff.groupby("team")["fte"].sum(),
        }
    ).fillna(0)
    headcounts = ["children_held", "case_holders", "social_workers", "agency_workers"]
    table[headcounts] = table[headcounts].astype(int)
    table["mean_per_fte"] = table["children_held"] / table["case_holder_fte"].where(table["case_holder_fte"] > 0)
    table["agency_share"] = table["agency_fte"] / table["social_work_fte"].where(table["social_work_fte"] > 0)
    return table.rename_axis("team").reset_index()


@board_table(
    Roles(("open_children", "seen_within_interval"), shares={"seen_within_interval_share": ("seen_within_interval", "open_children")})
)
def cin_seen_by_team(cases: pd.DataFrame, snapshot: date, interval_days: int = 28) -> pd.DataFrame:
    """Per List 6 team: open children, those seen within the interval, and the share."""
    status = cin_seen_status(cases, snapshot, interval_days).fillna({"team": NOT_RECORDED})
    table = status.groupby("team").agg(open_children=("seen", "size"), seen_within_interval=("seen", "sum"))
    return with_share(table, "seen_within_interval", "open_children").reset_index()


# --- every figure of the theme ---------------------------------------------------


def figures(inputs: Inputs, params: Params) -> dict[str, FigureValue]:
    """Every workforce, caseload and supervision figure the inputs allow."""
    period = params.period
    result: dict[str, FigureValue] = {}
    if inputs.workforce is not None:
        result |= {f.figure_id: f(inputs.workforce, period) for f in (workforce_in_post, workforce_agency_share, workforce_turnover_rate)}
        if inputs.supervision is not None:
            result[supervision_within_interval_share.figure_id] = supervision_within_interval_share(
                inputs.workforce, inputs.supervision, period, params.supervision_interval_days
            )
    cin = inputs.annex_list(6)
    if cin is not None:
        result |= caseload_figures(open_cases(cin, period.snapshot, params.unallocated_values), inputs.workforce, params)
    return result


def caseload_figures(cases: pd.DataFrame, workforce: pd.DataFrame | None, params: Params) -> dict[str, Figure]:
    """The List 6 figures from the rows open at the snapshot (``caseload.mean_per_fte`` only with ``workforce``)."""
    snapshot = params.period.snapshot
    result = {f.figure_id: f(cases) for f in (caseload_open_children, caseload_unallocated_count, caseload_median, caseload_max)}
    result |= {figure_id: workers_over_count(cases, limit) for figure_id, limit in OVER.items()}
    result[cin_seen_within_interval_share.figure_id] = cin_seen_within_interval_share(cases, snapshot, params.cin_seen_interval_days)
    result[cin_plan_seen_within_interval_share.figure_id] = cin_plan_seen_within_interval_share(
        cases, snapshot, params.cin_seen_interval_days
    )
    if workforce is not None:
        result[caseload_mean_per_fte.figure_id] = caseload_mean_per_fte(cases, workforce, snapshot)
    return result
