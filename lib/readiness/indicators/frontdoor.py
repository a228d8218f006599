"""Front door: contacts and referrals (Annex A Lists 1 and 3) and their annual rates per 10,000 children
(``s47.rate_per_10k`` is in :mod:`.protection`, beside ``s47.count``).

Source groups used in the breakdowns (DfE's contact/referral source codes; ``1``, ``2``, ``3``
and ``5`` are the readers' codes for a system word that tells only the group, such as
``Hospital`` or ``Individual``: see ``docs/data-model.md``, *System words*):

============================  ==========================
group                         codes
============================  ==========================
Individuals                   1A-1D, 1
Schools and education         2A (schools), 2B (education services), 2
Health services               3A-3F, 3
Housing                       4
LA services                   5A-5D (5D early help), 5
Police                        6
Other legal agency            7
Other, anonymous, unknown     8, 9, 10
Not recorded or unrecognised  blank, or a value the readers could not read (a warning)
============================  ==========================
"""
from __future__ import annotations

from typing import Literal

import pandas as pd

from ..figure import Figure, FigureValue, count, share
from ..inputs import Inputs
from ..params import Params
from ..period import Period
from .common import count_by, in_period, is_yes, month_keys, monthly_counts, monthly_shares, team_keys, with_share

SOURCE_GROUPS = {
    "Individuals": ("1A", "1B", "1C", "1D", "1"),
    "Schools and education": ("2A", "2B", "2"),
    "Health services": ("3A", "3B", "3C", "3D", "3E", "3F", "3"),
    "Housing": ("4",),
    "LA services": ("5A", "5B", "5C", "5D", "5"),
    "Police": ("6",),
    "Other legal agency": ("7",),
    "Other, anonymous, unknown": ("8", "9", "10"),
}
UNRECOGNISED = "Not recorded or unrecognised"
DAYS_PER_YEAR = 365.25


# --- rates ---------------------------------------------------------------------


def rate_per_10k(n: int, period: Period, child_population: int) -> Figure:
    """Annual rate per 10,000 children: ``n`` × 365.25 ÷ days in the period ÷ population × 10,000.

    E.g. 100 referrals in 2019 (365 days) with 50,000 children: 100 × 365.25 ÷ 365 ÷ 50,000 × 10,000 ≈ 20.01.
    """
    return Figure(n * DAYS_PER_YEAR / period.days / child_population * 10_000, (int(n),))


# --- headline figures -----------------------------------------------------------


def contacts_count(contacts: pd.DataFrame, period: Period) -> Figure:
    """``contacts.count``: contacts dated in the period."""
    return count(period.contains(contacts["contact_date"]).sum())


def referrals_count(referrals: pd.DataFrame, period: Period) -> Figure:
    """``referrals.count``: referrals dated in the period."""
    return count(period.contains(referrals["referral_date"]).sum())


def repeat_referral(referrals: pd.DataFrame) -> pd.Series:
    """Mask of referrals with at least one earlier referral in the 12 months before (blank = not a repeat)."""
    return (referrals["referrals_last_12m"] >= 1).fillna(False).astype(bool)


def referrals_nfa_share(referrals: pd.DataFrame, period: Period) -> Figure:
    """``referrals.nfa_share``: of referrals in the period, share with ``Referral NFA?`` = Yes (blank counts as not Yes)."""
    inside = in_period(referrals, "referral_date", period)
    return share(is_yes(inside["referral_nfa"]).sum(), len(inside))


def referrals_repeat_share(referrals: pd.DataFrame, period: Period) -> Figure:
    """``referrals.repeat_share``: of referrals in the period, share with ``referrals_last_12m`` ≥ 1."""
    inside = in_period(referrals, "referral_date", period)
    return share(repeat_referral(inside).sum(), len(inside))


def children_referred_share(contacts: pd.DataFrame, referrals: pd.DataFrame, period: Period) -> Figure:
    """``contacts.children_referred_share``: of distinct children with a contact in the period, share also referred in it."""
    contacted = set(in_period(contacts, "contact_date", period)["child_id"])
    referred = set(in_period(referrals, "referral_date", period)["child_id"])
    return share(len(contacted & referred), len(contacted))


# --- breakdown tables -------------------------------------------------------------


def source_group(codes: pd.Series) -> pd.Series:
    """The source group of each source code (``Not recorded or unrecognised`` when blank or not a code)."""
    groups = {code: group for group, codes_in_group in SOURCE_GROUPS.items() for code in codes_in_group}
    return codes.map(groups).fillna(UNRECOGNISED)


def sources_by_month(frame: pd.DataFrame, date_column: str, source_column: str, period: Period) -> pd.DataFrame:
    """Rows (contacts or referrals) per month and source group, every combination present,
    with ``count_share`` = share of that month's rows."""
    inside = in_period(frame, date_column, period)
    table = (
        pd.crosstab(month_keys(inside[date_column]), source_group(inside[source_column]))
        .reindex(index=period.months(), columns=[*SOURCE_GROUPS, UNRECOGNISED], fill_value=0)
        .rename_axis(index="month", columns="source_group")
        .stack()
        .rename("count")
        .reset_index()
    )
    table["month_total"] = table.groupby("month")["count"].transform("sum")
    return with_share(table, "count", "month_total").drop(columns="month_total")


def sources_in_period(frame: pd.DataFrame, date_column: str, source_column: str, period: Period) -> pd.DataFrame:
    """Rows (contacts or referrals) in the period per source group, with each group's share of all of them."""
    table = sources_by_month(frame, date_column, source_column, period).groupby("source_group", sort=False)["count"].sum()
    table = table.reset_index().assign(total=table.sum())
    return with_share(table, "count", "total").drop(columns="total")


def contacts_and_referrals_by_month(contacts: pd.DataFrame, referrals: pd.DataFrame, period: Period) -> pd.DataFrame:
    """Contacts and referrals dated in each month of the period (every month, 0 where none), indexed by ``month``."""
    return pd.DataFrame(
        {
            "contacts": month_keys(in_period(contacts, "contact_date", period)["contact_date"]).value_counts(),
            "referrals": month_keys(in_period(referrals, "referral_date", period)["referral_date"]).value_counts(),
        }
    ).reindex(period.months(), fill_value=0).fillna(0).astype(int).rename_axis("month")


def referral_outcomes(referrals: pd.DataFrame, period: Period, by: Literal["month", "team"] = "month") -> pd.DataFrame:
    """Referrals in the period per month (every month) or per ``team``: count, NFA and repeat counts and shares."""
    inside = in_period(referrals, "referral_date", period)
    keys, index = (month_keys(inside["referral_date"]), period.months()) if by == "month" else (team_keys(inside), None)
    columns = {"referrals": pd.Series(True, index=inside.index), "nfa": is_yes(inside["referral_nfa"]), "repeat": repeat_referral(inside)}
    table = count_by(keys, columns, index)
    return with_share(with_share(table, "nfa", "referrals"), "repeat", "referrals").reset_index()


# --- every figure of the theme ---------------------------------------------------


def figures(inputs: Inputs, params: Params) -> dict[str, FigureValue]:
    """Every front-door figure the inputs allow, with rates per 10,000 when ``child_population`` is given."""
    period = params.period
    contacts, referrals = inputs.annex_list(1), inputs.annex_list(3)
    result: dict[str, FigureValue] = {}
    if contacts is not None:
        result["contacts.count"] = contacts_count(contacts, period)
        result["contacts.monthly.count"] = monthly_counts(contacts["contact_date"], period)
    if referrals is not None:
        result |= referral_figures(referrals, period)
    if contacts is not None and referrals is not None:
        result["contacts.children_referred_share"] = children_referred_share(contacts, referrals, period)
    if params.child_population:
        for name in ("contacts", "referrals"):
            if f"{name}.count" in result:
                result[f"{name}.rate_per_10k"] = rate_per_10k(result[f"{name}.count"].value, period, params.child_population)
    return result


def referral_figures(referrals: pd.DataFrame, period: Period) -> dict[str, FigureValue]:
    """The List 3 figures: counts, NFA and repeat shares, and their monthly series."""
    dates = referrals["referral_date"]
    return {
        "referrals.count": referrals_count(referrals, period),
        "referrals.nfa_share": referrals_nfa_share(referrals, period),
        "referrals.repeat_share": referrals_repeat_share(referrals, period),
        "referrals.monthly.count": monthly_counts(dates, period),
        "referrals.monthly.nfa_share": monthly_shares(dates, is_yes(referrals["referral_nfa"]), period),
        "referrals.monthly.repeat_share": monthly_shares(dates, repeat_referral(referrals), period),
    }
