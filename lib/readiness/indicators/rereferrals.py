"""DfE's re-referral rate from List 3's own dates and counts, and the front door's outcomes by who referred.

A referral is a *re-referral* when the same child has another listed referral dated from one year
before it (inclusive) to the day before it, or when the count on the child's *latest* referral row
(``Number of Referrals in Last 12 Months``) exceeds the child's other listed referrals dated in the
12 months before that latest one: an earlier referral, from before the return's window, then falls
within 12 months of every listed referral of the child. When the dates show none and that count is
blank, whether it is a re-referral is unknown and the referral leaves the figure.

The latest row of a child is its latest ``referral_date``; of two on that day, the one listed last.
By month (``referrals.monthly.rereferral_share``), a month is a value only when List 3 covers the whole year
before its first day; by team and by DfE's source group, figures.json carries the rate as a family of ids.
"""

from __future__ import annotations

import weakref
from datetime import date

import pandas as pd

from readiness.config.figures import L, Member, Theme
from readiness.config.params import Params
from readiness.config.period import Period, one_year_before
from readiness.inputs.bundle import Inputs
from readiness.inputs.coverage import coverage_of, covered_period

from .common import NOT_COVERED, count_by, is_yes, known_share, month_keys, team_keys, with_share, years_before
from .figure import Figure, FigureValue, share
from .frontdoor import SOURCE_GROUPS, UNRECOGNISED, source_group
from .tables import Roles, board_table

DFE_SOURCE_GROUPS = {  # the template's Codes_used 'Grouped' column; a word telling only the group (1, 2, 3, 5) joins it
    "individual": ("1A", "1B", "1C", "1D", "1"),
    "schools": ("2A",),
    "education_services": ("2B", "2"),
    "health": ("3A", "3B", "3C", "3D", "3E", "3F", "3"),
    "housing": ("4",),
    "la_services": ("5A", "5B", "5C", "5D", "5"),
    "police": ("6",),
    "other_legal": ("7",),
    "other": ("8",),
    "anonymous": ("9",),
}
DFE_UNKNOWN = "unknown"  # code 10, blank or unrecognised


def earlier_within_year(referrals: pd.DataFrame) -> pd.Series:
    """Per referral, how many other referrals of the same child are dated from one year before it to the day before it."""
    rows = referrals[["child_id", "referral_date"]].assign(_at=range(len(referrals)), _from=years_before(referrals["referral_date"]))
    pairs = rows.merge(rows[["child_id", "referral_date"]].rename(columns={"referral_date": "_other"}), on="child_id")
    inside = (pairs["_other"] >= pairs["_from"]) & (pairs["_other"] < pairs["referral_date"])
    found = pairs[inside].groupby("_at").size()
    return pd.Series(found.reindex(range(len(referrals)), fill_value=0).to_numpy(), index=referrals.index)


def latest_rows(referrals: pd.DataFrame) -> pd.DataFrame:
    """Each child's latest referral row (the last listed of two on the same day), keeping its index."""
    ordered = referrals.assign(_order=range(len(referrals))).sort_values(["referral_date", "_order"], kind="stable")
    return ordered.drop_duplicates("child_id", keep="last")


def rereferral_status(referrals: pd.DataFrame) -> pd.Series:
    """Per referral: ``True`` a re-referral, ``False`` not, ``<NA>`` unknown (see the module's docstring); worked out
    once for the same frame (five figures and tables of a pack read it)."""
    kept = _STATUS.get(id(referrals))
    if kept is not None and kept[0]() is referrals:
        return kept[1]
    status = _status(referrals)
    _STATUS.clear()
    _STATUS[id(referrals)] = (weakref.ref(referrals), status)
    return status


_STATUS: dict[int, tuple[weakref.ref, pd.Series]] = {}
"""The frame :func:`rereferral_status` last worked out (held weakly) and its status."""


def _status(referrals: pd.DataFrame) -> pd.Series:
    """:func:`rereferral_status`, worked out."""
    earlier = earlier_within_year(referrals)
    latest = latest_rows(referrals)
    counts = latest.set_index("child_id")["referrals_last_12m"]
    listed_before_latest = earlier[latest.index].set_axis(latest["child_id"])
    latest_count = referrals["child_id"].map(counts).astype("Int64")
    from_before_window = is_yes(latest_count > referrals["child_id"].map(listed_before_latest))
    unknown = (earlier == 0) & latest_count.isna()
    return ((earlier > 0) | from_before_window).astype("boolean").mask(unknown)


front_door = Theme("Front door", reads=("list_3.referral_date", "list_3.referrals_last_12m"))
MONTHLY = front_door.series("referrals.rereferral_share", reads=("cin_referrals.child_id", "cin_referrals.referral_date"))
BY_TEAM = front_door.figure(
    "referrals.rereferral_share.by_team",
    "Re-referrals within 12 months, team {}",
    "share",
    L,
    family=True,
    members=None,
    reads=("list_3.team",),
)
BY_SOURCE = front_door.figure(
    "referrals.rereferral_share.by_source_group",
    "Re-referrals within 12 months, referred by {}",
    "share",
    L,
    family=True,
    members={group: Member(group.replace("_", " "), L) for group in (*DFE_SOURCE_GROUPS, DFE_UNKNOWN)},
)  # an unreadable source is counted as unknown (the contract's group 10), so the column is not one the family reads


@front_door.headline(
    "referrals.rereferral_share",
    "Re-referrals within 12 months (DfE's re-referral rate)",
    "share",
    L,
    in_sentence="Referrals of a child already referred in the 12 months before (DfE's re-referral rate)",
)
def rereferral_share(referrals: pd.DataFrame, period: Period) -> Figure:
    """``referrals.rereferral_share``: of referrals in the period whose status is known, share that are re-referrals."""
    status = rereferral_status(referrals)[period.contains(referrals["referral_date"])]
    return share(is_yes(status).sum(), status.notna().sum())


OUTCOME_ROLES = Roles(
    ("referrals", "nfa", "status_known", "rereferral"),
    shares={"nfa_share": ("nfa", "referrals"), "rereferral_share": ("rereferral", "status_known")},
)
"""Disclosure roles of the outcome tables by source group and by team."""


def outcomes_by(referrals: pd.DataFrame, period: Period, keys: pd.Series, index: list | None = None) -> pd.DataFrame:
    """Referrals in the period per key (a group or a team: ``keys`` gives each referral's): ``referrals``, ``nfa`` and
    its share, ``status_known`` (re-referral status known) and ``rereferral`` and its share of the known."""
    status = rereferral_status(referrals)
    inside = period.contains(referrals["referral_date"])
    rows, status = referrals[inside], status[inside]
    columns = {
        "referrals": pd.Series(True, index=rows.index),
        "nfa": is_yes(rows["referral_nfa"]),
        "status_known": status.notna(),
        "rereferral": is_yes(status),
    }
    return with_share(with_share(count_by(keys[inside], columns, index), "nfa", "referrals"), "rereferral", "status_known")


@board_table(OUTCOME_ROLES)
def outcomes_by_source_group(referrals: pd.DataFrame, period: Period) -> pd.DataFrame:
    """:func:`outcomes_by` every source group."""
    keys = source_group(referrals["referral_source"]).rename("source_group")
    return outcomes_by(referrals, period, keys, [*SOURCE_GROUPS, UNRECOGNISED])


@board_table(OUTCOME_ROLES)
def outcomes_by_team(referrals: pd.DataFrame, period: Period) -> pd.DataFrame:
    """:func:`outcomes_by` team (a blank team: ``Not recorded``), for the teams with a referral in the period."""
    return outcomes_by(referrals, period, team_keys(referrals))


def dfe_source_group(sources: pd.Series) -> pd.Series:
    """Each source code's DfE group id (``indicators.md``, front door): ``unknown`` for 10, a blank or an unrecognised value."""
    groups = {code: group for group, codes in DFE_SOURCE_GROUPS.items() for code in codes}
    return sources.map(groups).fillna(DFE_UNKNOWN).rename("source_group")


def monthly_rereferral_share(referrals: pd.DataFrame, period: Period, covered_from: date | None) -> dict[str, Figure]:
    """``referrals.monthly.rereferral_share``: the rate by month of the referral, for each month of the period whose whole
    year before (from one year before its first day) List 3 covers; earlier months are ``null``."""
    status = rereferral_status(referrals)
    months = month_keys(referrals["referral_date"])
    result = {}
    for month in period.months():
        first_day = date.fromisoformat(f"{month}-01")
        sees_a_year = covered_from is not None and covered_from <= one_year_before(first_day)
        result[month] = known_share(status[months == month]) if sees_a_year else NOT_COVERED
    return result


def rereferral_shares_by(referrals: pd.DataFrame, period: Period, keys: pd.Series, family: str) -> dict[str, Figure]:
    """``<family>.<key>``: the rate over the period's referrals of each key (a team, a source group) that has any."""
    status = rereferral_status(referrals)
    inside = period.contains(referrals["referral_date"])
    return {f"{family}.{key}": known_share(status[inside & (keys == key)]) for key in sorted(keys[inside].unique())}


def figures(inputs: Inputs, params: Params) -> dict[str, FigureValue]:
    """DfE's re-referral rate over the period List 3 covers, by month, by team and by source group; nothing without List 3."""
    referrals = inputs.annex_list(3)
    if referrals is None:
        return {}
    covered_from = coverage_of(inputs, params)[3]
    covered = covered_period(params.period, covered_from)
    teams = team_keys(referrals).str.strip()
    return {
        rereferral_share.figure_id: rereferral_share(referrals, covered),
        MONTHLY: monthly_rereferral_share(referrals, params.period, covered_from),
        **rereferral_shares_by(referrals, covered, teams, BY_TEAM),
        **rereferral_shares_by(referrals, covered, dfe_source_group(referrals["referral_source"]), BY_SOURCE),
    }
