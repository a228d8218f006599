"""DfE's re-referral rate from List 3's own dates and counts, and the front door's outcomes by who referred.

A referral is a *re-referral* when the same child has another listed referral dated from one year
before it (inclusive) to the day before it, or when the count on the child's *latest* referral row
(``Number of Referrals in Last 12 Months``) exceeds the child's other listed referrals dated in the
12 months before that latest one: an earlier referral, from before the return's window, then falls
within 12 months of every listed referral of the child. When the dates show none and that count is
blank, whether it is a re-referral is unknown and the referral leaves the figure.

The latest row of a child is its latest ``referral_date``; of two on that day, the one listed last.
"""
from __future__ import annotations

import pandas as pd

from readiness.config.figures import L, Theme
from readiness.config.params import Params
from readiness.config.period import Period, one_year_before
from readiness.inputs.bundle import Inputs
from readiness.inputs.coverage import coverage_of, covered_period

from .common import count_by, is_yes, with_share
from .figure import Figure, FigureValue, share
from .frontdoor import SOURCE_GROUPS, UNRECOGNISED, source_group
from .tables import Roles, board_table


def year_before(dates: pd.Series) -> pd.Series:
    """:func:`one_year_before` of each date (29 February → 28 February)."""
    return dates.map(lambda d: pd.Timestamp(one_year_before(d.date())) if pd.notna(d) else pd.NaT)


def earlier_within_year(referrals: pd.DataFrame) -> pd.Series:
    """Per referral, how many other referrals of the same child are dated from one year before it to the day before it."""
    rows = referrals[["child_id", "referral_date"]].assign(_at=range(len(referrals)), _from=year_before(referrals["referral_date"]))
    pairs = rows.merge(rows[["child_id", "referral_date"]].rename(columns={"referral_date": "_other"}), on="child_id")
    inside = (pairs["_other"] >= pairs["_from"]) & (pairs["_other"] < pairs["referral_date"])
    found = pairs[inside].groupby("_at").size()
    return pd.Series(found.reindex(range(len(referrals)), fill_value=0).to_numpy(), index=referrals.index)


def latest_rows(referrals: pd.DataFrame) -> pd.DataFrame:
    """Each child's latest referral row (the last listed of two on the same day), keeping its index."""
    ordered = referrals.assign(_order=range(len(referrals))).sort_values(["referral_date", "_order"], kind="stable")
    return ordered.drop_duplicates("child_id", keep="last")


def rereferral_status(referrals: pd.DataFrame) -> pd.Series:
    """Per referral: ``True`` a re-referral, ``False`` not, ``<NA>`` unknown (see the module's docstring)."""
    earlier = earlier_within_year(referrals)
    latest = latest_rows(referrals)
    counts = latest.set_index("child_id")["referrals_last_12m"]
    listed_before_latest = earlier[latest.index].set_axis(latest["child_id"])
    latest_count = referrals["child_id"].map(counts).astype("Int64")
    from_before_window = is_yes(latest_count > referrals["child_id"].map(listed_before_latest))
    unknown = (earlier == 0) & latest_count.isna()
    return ((earlier > 0) | from_before_window).astype("boolean").mask(unknown)


@Theme("Front door", reads=("list_3.referral_date", "list_3.referrals_last_12m")).headline(
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


@board_table(
    Roles(
        ("referrals", "nfa", "status_known", "rereferral"),
        shares={"nfa_share": ("nfa", "referrals"), "rereferral_share": ("rereferral", "status_known")},
    )
)
def outcomes_by_source_group(referrals: pd.DataFrame, period: Period) -> pd.DataFrame:
    """Referrals in the period per source group (every group): ``referrals``, ``nfa`` and its share,
    ``status_known`` (re-referral status known) and ``rereferral`` and its share of the known."""
    status = rereferral_status(referrals)
    inside = period.contains(referrals["referral_date"])
    rows, status = referrals[inside], status[inside]
    columns = {
        "referrals": pd.Series(True, index=rows.index),
        "nfa": is_yes(rows["referral_nfa"]),
        "status_known": status.notna(),
        "rereferral": is_yes(status),
    }
    table = count_by(source_group(rows["referral_source"]).rename("source_group"), columns, [*SOURCE_GROUPS, UNRECOGNISED])
    return with_share(with_share(table, "nfa", "referrals"), "rereferral", "status_known")


def figures(inputs: Inputs, params: Params) -> dict[str, FigureValue]:
    """``referrals.rereferral_share`` over the period List 3 covers, or nothing without List 3."""
    referrals = inputs.annex_list(3)
    if referrals is None:
        return {}
    covered = covered_period(params.period, coverage_of(inputs, params)[3])
    return {rereferral_share.figure_id: rereferral_share(referrals, covered)}
