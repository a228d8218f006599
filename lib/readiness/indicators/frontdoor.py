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

from dataclasses import replace
from typing import Literal, Mapping

import pandas as pd

from readiness.config.figures import Blank, L, Theme
from readiness.config.params import Params
from readiness.config.period import Period
from readiness.inputs.bundle import Inputs
from readiness.inputs.coverage import coverage_of, covered_days, covered_period, latest_coverage
from readiness.inputs.values import is_in

from .common import (
    at_least_one,
    count_by,
    in_period,
    is_known,
    is_yes,
    known_share,
    month_keys,
    month_or_team,
    monthly_counts,
    monthly_shares,
    over_period,
    rate_per_10k,
    with_share,
)
from .figure import Figure, FigureValue, count, share
from .tables import Roles, board_table, made_over

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


# --- headline figures -----------------------------------------------------------

contact = Theme("Front door", reads=("list_1.contact_date",))
referral = Theme("Front door", reads=("list_3.referral_date",))
NFA, REPEATS = ("list_3.referral_nfa",), ("list_3.referrals_last_12m",)
CIN_REFERRALS = ("cin_referrals.child_id", "cin_referrals.referral_date")
"""The CIN census's columns the monthly referral series read for the months before Annex A (``indicators.returns_history``)."""


@contact.headline("contacts.count", "Contacts", "count")
def contacts_count(contacts: pd.DataFrame, period: Period) -> Figure:
    """``contacts.count``: contacts dated in the period."""
    return count(period.contains(contacts["contact_date"]).sum())


@referral.headline("referrals.count", "Referrals", "count")
def referrals_count(referrals: pd.DataFrame, period: Period) -> Figure:
    """``referrals.count``: referrals dated in the period."""
    return count(period.contains(referrals["referral_date"]).sum())


def repeat_referral(referrals: pd.DataFrame) -> pd.Series:
    """Per referral, whether it had at least one earlier referral in the 12 months before; ``<NA>`` when the count is blank."""
    return at_least_one(referrals["referrals_last_12m"])


@referral.headline(
    "referrals.nfa_share",
    "Referrals with no further action",
    "share",
    L,
    reads=NFA,
    denominator="referrals.count",
    blank=(Blank("list_3.referral_nfa"),),
    in_sentence="Referrals closed with no further action",
)
def referrals_nfa_share(referrals: pd.DataFrame, period: Period) -> Figure:
    """``referrals.nfa_share``: of referrals in the period with ``Referral NFA?`` recorded, share Yes (a blank leaves it)."""
    return known_share(in_period(referrals, "referral_date", period)["referral_nfa"])


@referral.headline(
    "referrals.repeat_share",
    "Referrals whose count of referrals in the last 12 months is 1 or more (kept for continuity; not shown)",
    "share",
    L,
    reads=REPEATS,
    denominator="referrals.count",
    blank=(Blank("list_3.referrals_last_12m", "referrals.rereferral_share if no earlier referral of the child is listed"),),
    shown=False,
)
def referrals_repeat_share(referrals: pd.DataFrame, period: Period) -> Figure:
    """``referrals.repeat_share``: of referrals in the period with ``referrals_last_12m`` recorded, share ≥ 1 (a blank leaves it)."""
    return known_share(repeat_referral(in_period(referrals, "referral_date", period)))


@contact.headline(
    "contacts.children_referred_share",
    "Children with a contact who were referred",
    "share",
    reads=("list_3.referral_date",),
    in_sentence="Children with a contact in the period who were also referred in it",
)
def children_referred_share(contacts: pd.DataFrame, referrals: pd.DataFrame, period: Period) -> Figure:
    """``contacts.children_referred_share``: of distinct children with a contact in the period, share also referred in it."""
    contacted = in_period(contacts, "contact_date", period)["child_id"].drop_duplicates()
    referred = in_period(referrals, "referral_date", period)["child_id"]
    return share(int(is_in(contacted, referred).sum()), len(contacted))


CONTACT_RATE = contact.figure("contacts.rate_per_10k", "Contacts per 10,000 children (annual rate)", "rate")
REFERRAL_RATE = referral.figure("referrals.rate_per_10k", "Referrals per 10,000 children (annual rate)", "rate")
MONTHLY_COUNTS = {
    "contacts": contact.series(contacts_count.figure_id),
    "referrals": referral.series(referrals_count.figure_id, reads=CIN_REFERRALS),
}
"""The monthly series of figures.json that publish the contacts and referrals of each month."""
NFA_BY_MONTH = referral.series(referrals_nfa_share.figure_id, reads=(*NFA, *CIN_REFERRALS, "cin_referrals.referral_nfa"))
REPEATS_BY_MONTH = referral.series(referrals_repeat_share.figure_id, reads=REPEATS, shown=False)
OUTCOME_ROLES = Roles(("referrals", "nfa_recorded", "nfa"), shares={"nfa_share": ("nfa", "nfa_recorded")})
"""Disclosure roles of :func:`referral_outcomes` by team."""
OUTCOME_MONTH_ROLES = replace(OUTCOME_ROLES, mirror={"referrals": MONTHLY_COUNTS["referrals"], "nfa_share": NFA_BY_MONTH})
"""Disclosure roles of :func:`referral_outcomes` by month, as figures.json publishes the months."""


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


@board_table(Roles(("count",), share_of_total={"count_share": "count"}))
def sources_in_period(frame: pd.DataFrame, date_column: str, source_column: str, period: Period) -> pd.DataFrame:
    """Rows (contacts or referrals) in the period per source group, with each group's share of all of them."""
    table = sources_by_month(frame, date_column, source_column, period).groupby("source_group", sort=False)["count"].sum()
    table = table.reset_index().assign(total=table.sum())
    return with_share(table, "count", "total").drop(columns="total")


@board_table(made_over(Roles(("contacts", "referrals"), mirror=MONTHLY_COUNTS)))
def contacts_and_referrals_by_month(contacts: pd.DataFrame, referrals: pd.DataFrame, period: Period) -> pd.DataFrame:
    """Contacts and referrals dated in each month of the period (every month, 0 where none), indexed by ``month``."""
    return (
        pd.DataFrame(
            {
                "contacts": month_keys(in_period(contacts, "contact_date", period)["contact_date"]).value_counts(),
                "referrals": month_keys(in_period(referrals, "referral_date", period)["referral_date"]).value_counts(),
            }
        )
        .reindex(period.months(), fill_value=0)
        .fillna(0)
        .astype(int)
        .rename_axis("month")
    )


def outcome_roles(call: Mapping[str, object]) -> Roles:
    """The roles of a :func:`referral_outcomes` call: by month, made over its (covered) period."""
    return replace(OUTCOME_MONTH_ROLES, covered=call["period"]) if call["by"] == "month" else OUTCOME_ROLES


@board_table(outcome_roles)
def referral_outcomes(referrals: pd.DataFrame, period: Period, by: Literal["month", "team"] = "month") -> pd.DataFrame:
    """Referrals in the period per month (every month) or per ``team``: the count, and the NFA count and its share of
    the referrals where it is recorded (``nfa_recorded``), as the headline share. Re-referrals by team are DfE's rate
    (:func:`readiness.indicators.rereferrals.outcomes_by_team`); by month, its monthly series."""
    inside = in_period(referrals, "referral_date", period)
    keys, index = month_or_team(inside, "referral_date", period, by)
    nfa = inside["referral_nfa"]
    columns = {"referrals": pd.Series(True, index=inside.index), "nfa_recorded": is_known(nfa), "nfa": is_yes(nfa)}
    return with_share(count_by(keys, columns, index), "nfa", "nfa_recorded").reset_index()


# --- every figure of the theme ---------------------------------------------------


def figures(inputs: Inputs, params: Params) -> dict[str, FigureValue]:
    """Every front-door figure the inputs allow, with rates per 10,000 when ``child_population`` is given.

    Each figure counts the part of the period its lists cover (:mod:`readiness.inputs.coverage`); a month
    they do not cover is ``None`` in a monthly series, and a rate is annualised over the covered days.
    """
    period, coverage = params.period, coverage_of(inputs, params)
    contacts, referrals = inputs.annex_list(1), inputs.annex_list(3)
    result: dict[str, FigureValue] = {}
    if contacts is not None:
        covered = covered_period(period, coverage[1])
        result[contacts_count.figure_id] = contacts_count(contacts, covered)
        result[MONTHLY_COUNTS["contacts"]] = over_period(monthly_counts(contacts["contact_date"], covered), period)
    if referrals is not None:
        result |= referral_figures(referrals, covered_period(period, coverage[3]), period)
    if contacts is not None and referrals is not None:
        both = covered_period(period, latest_coverage(coverage, (1, 3)))
        result[children_referred_share.figure_id] = children_referred_share(contacts, referrals, both)
    if params.child_population:
        for number, counted, rate in ((1, contacts_count, CONTACT_RATE), (3, referrals_count, REFERRAL_RATE)):
            if counted.figure_id in result:
                days = covered_days(period, coverage[number])
                result[rate] = rate_per_10k(result[counted.figure_id].value, days, params.child_population)
    return result


def referral_figures(referrals: pd.DataFrame, covered: Period, period: Period) -> dict[str, FigureValue]:
    """The List 3 figures over the ``covered`` part of ``period``: counts, NFA and repeat shares, and their monthly series."""
    dates = referrals["referral_date"]
    return {
        **{f.figure_id: f(referrals, covered) for f in (referrals_count, referrals_nfa_share, referrals_repeat_share)},
        MONTHLY_COUNTS["referrals"]: over_period(monthly_counts(dates, covered), period),
        NFA_BY_MONTH: over_period(monthly_shares(dates, referrals["referral_nfa"], covered), period),
        REPEATS_BY_MONTH: over_period(monthly_shares(dates, repeat_referral(referrals), covered), period),
    }
