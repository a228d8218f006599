"""Strategy-meeting attendance (``strategy_meetings``): which agencies were invited and which attended.

The extract has a row per agency per meeting. Per meeting, an agency attended if any of its
rows says Y and was invited if any says Y; an agency with no row was neither. Meetings are
counted by distinct ``meeting_id`` with ``meeting_date`` in the period (a meeting's rows agree
on its date and team).
"""

from __future__ import annotations

import operator
from dataclasses import replace
from functools import reduce

import pandas as pd

from readiness.config.figures import Blank, H, Member, Theme
from readiness.config.params import Params
from readiness.config.period import Period
from readiness.inputs.bundle import Inputs

from .common import count_by, in_period, is_known, is_yes, known_share, month_keys, monthly_shares, team_keys, with_share, worst_first
from .figure import Figure, FigureValue, count
from .tables import Roles, board_table

AGENCIES = ("social_care", "police", "health", "education")
STATUTORY_PARTNERS = ("social_care", "police", "health")
meeting = Theme("Strategy meetings", reads=("strategy_meetings.meeting_date", "strategy_meetings.agency", "strategy_meetings.attended"))
AGENCY_MEMBERS = {agency: Member(agency.replace("_", " "), H) for agency in AGENCIES}
ATTENDED_BLANK = Blank(
    "strategy_meetings.attended",
    "strategy.attendance_share for its agency and strategy.statutory_partners_share, unless another row says yes",
)
FLAGS = ("invited", "attended")
ATTENDANCE_ROLES = Roles(
    ("meetings", *(f"attended_{agency}" for agency in AGENCIES), "statutory_partners", "statutory_known"),
    shares={"statutory_partners_share": ("statutory_partners", "statutory_known")},
)
"""Disclosure roles of :func:`attendance_by_team` (and, mirrored in figures.json, :func:`attendance_by_month`)."""


# --- one row per meeting -------------------------------------------------------------


def meeting_attendance(meetings: pd.DataFrame) -> pd.DataFrame:
    """One row per ``meeting_id``: ``meeting_date``, ``team`` and ``invited_<agency>`` / ``attended_<agency>`` for each agency.

    Every figure of the theme starts from this table: the last one made is kept for the same
    ``meetings`` frame (the frames are never changed once read), so it is made once per pack.
    """
    if _last_attendance and _last_attendance[0] is meetings:
        return _last_attendance[1]
    table = _attendance(meetings)
    _last_attendance[:] = [meetings, table]
    return table


_last_attendance: list = []


def _attendance(meetings: pd.DataFrame) -> pd.DataFrame:
    flags = {f"{flag}_{agency}": agency_flag(meetings, flag, agency) for flag in FLAGS for agency in AGENCIES}
    table = meetings.groupby("meeting_id")[["meeting_date", "team"]].first()
    return table.join(pd.DataFrame(flags))


def agency_flag(meetings: pd.DataFrame, flag: str, agency: str) -> pd.Series:
    """Per meeting, whether ``agency`` was invited (or attended): True if any of its rows says Y; unknown
    (``<NA>``) if none does and one is blank; else False (no row at all is False: neither invited nor present)."""
    rows = meetings["agency"].isin([agency])
    yes = (is_yes(meetings[flag]) & rows).groupby(meetings["meeting_id"]).any()
    blank = (meetings[flag].isna() & rows).groupby(meetings["meeting_id"]).any()
    return yes.astype("boolean").mask(blank & ~yes)


def meetings_in_period(meetings: pd.DataFrame, period: Period) -> pd.DataFrame:
    """:func:`meeting_attendance` for the meetings dated in the period."""
    return in_period(meeting_attendance(meetings), "meeting_date", period)


def statutory_partners_present(table: pd.DataFrame) -> pd.Series:
    """Per meeting, whether social care, police and health all attended: False when one is known absent,
    unknown (``<NA>``) when none is known absent but one's attendance is blank."""
    return reduce(operator.and_, (table[f"attended_{agency}"].astype("boolean") for agency in STATUTORY_PARTNERS))


# --- headline figures -------------------------------------------------------------


@meeting.headline("strategy.meetings_count", "Strategy meetings held", "count")
def meetings_count(meetings: pd.DataFrame, period: Period) -> Figure:
    """``strategy.meetings_count``: distinct meetings dated in the period."""
    return count(len(meetings_in_period(meetings, period)))


@meeting.family(
    "strategy.attendance_share",
    "Meetings attended by {}",
    "share",
    members=AGENCY_MEMBERS,
    denominator="strategy.meetings_count",
    blank=(ATTENDED_BLANK,),
)
def attendance_share(meetings: pd.DataFrame, period: Period, agency: str) -> Figure:
    """``strategy.attendance_share.<agency>``: meetings in the period the agency attended ÷ meetings in the period."""
    return known_share(meetings_in_period(meetings, period)[f"attended_{agency}"])


@meeting.family(
    "strategy.invited_attendance_share",
    "Meetings attended by {} when invited",
    "share",
    members=AGENCY_MEMBERS,
    reads=("strategy_meetings.invited",),
    blank=(Blank("strategy_meetings.invited", "strategy.invited_attendance_share for its agency, unless another row says yes"),),
)
def invited_attendance_share(meetings: pd.DataFrame, period: Period, agency: str) -> Figure:
    """``strategy.invited_attendance_share.<agency>``: of meetings in the period the agency was invited to, share it attended
    (a meeting whose invitation or attendance is blank for the agency leaves it)."""
    table = meetings_in_period(meetings, period)
    return known_share(table.loc[is_yes(table[f"invited_{agency}"]), f"attended_{agency}"])


@meeting.headline(
    "strategy.statutory_partners_share",
    "Meetings with social care, police and health all present",
    "share",
    H,
    denominator="strategy.meetings_count",
    blank=(ATTENDED_BLANK,),
    on_chart="Meetings with all statutory partners",
)
def statutory_partners_share(meetings: pd.DataFrame, period: Period) -> Figure:
    """``strategy.statutory_partners_share``: share of meetings in the period attended by all three statutory partners,
    over the meetings where that is known."""
    return known_share(statutory_partners_present(meetings_in_period(meetings, period)))


@meeting.monthly("strategy.statutory_partners_share")
def monthly_statutory_partners_share(meetings: pd.DataFrame, period: Period) -> dict[str, Figure]:
    """``strategy.monthly.statutory_partners_share``: the statutory-partners share by month of ``meeting_date``."""
    table = meeting_attendance(meetings)
    return monthly_shares(table["meeting_date"], statutory_partners_present(table), period)


# --- breakdown tables ---------------------------------------------------------------


def attendance_table(table: pd.DataFrame, keys: pd.Series, index: list | None = None) -> pd.DataFrame:
    """Per key: ``meetings``, ``attended_<agency>`` counts, ``statutory_known`` (meetings where it is known whether all
    three statutory partners attended), ``statutory_partners`` (all three present) and its share of the known."""
    columns = {"meetings": pd.Series(True, index=table.index)}
    columns |= {f"attended_{agency}": is_yes(table[f"attended_{agency}"]) for agency in AGENCIES}
    present = statutory_partners_present(table)
    columns |= {"statutory_known": is_known(present), "statutory_partners": is_yes(present)}
    return with_share(count_by(keys, columns, index), "statutory_partners", "statutory_known")


@board_table(replace(ATTENDANCE_ROLES, mirror={"statutory_partners_share": monthly_statutory_partners_share.figure_id}))
def attendance_by_month(meetings: pd.DataFrame, period: Period) -> pd.DataFrame:
    """Meetings per month of the period (every month) and how many each agency and all statutory partners attended."""
    table = meetings_in_period(meetings, period)
    return attendance_table(table, month_keys(table["meeting_date"]), period.months())


@board_table(ATTENDANCE_ROLES)
def attendance_by_team(meetings: pd.DataFrame, period: Period) -> pd.DataFrame:
    """Meetings in the period per team and their attendance, lowest statutory-partners share first."""
    table = meetings_in_period(meetings, period)
    return worst_first(attendance_table(table, team_keys(table)), "statutory_partners_share")


@board_table(
    Roles(
        ("meetings", "attendance_recorded", "invited", "invited_recorded", "attended", "invited_attended", "attended_uninvited"),
        shares={"attended_share": ("attended", "attendance_recorded"), "invited_attended_share": ("invited_attended", "invited_recorded")},
    )
)
def invitation_summary(meetings: pd.DataFrame, period: Period) -> pd.DataFrame:
    """Per agency, over meetings in the period: invited, attended, attended when invited, attended without invitation,
    with ``attended_share`` (of meetings where its attendance is recorded, ``attendance_recorded``) and
    ``invited_attended_share`` (of meetings it was invited to with its attendance recorded, ``invited_recorded``)."""
    table = meetings_in_period(meetings, period)
    rows = {}
    for agency in AGENCIES:
        invited, attended = table[f"invited_{agency}"], table[f"attended_{agency}"]
        rows[agency] = {
            "meetings": len(table),
            "attendance_recorded": is_known(attended).sum(),
            "invited": is_yes(invited).sum(),
            "invited_recorded": (is_yes(invited) & is_known(attended)).sum(),
            "attended": is_yes(attended).sum(),
            "invited_attended": is_yes(invited & attended).sum(),
            "attended_uninvited": is_yes(attended & ~invited).sum(),
        }
    summary = pd.DataFrame.from_dict(rows, orient="index").astype(int).rename_axis("agency")
    return with_share(with_share(summary, "attended", "attendance_recorded"), "invited_attended", "invited_recorded")


# --- every figure of the theme ---------------------------------------------------


def figures(inputs: Inputs, params: Params) -> dict[str, FigureValue]:
    """Every strategy-meeting figure, or none without a ``strategy_meetings`` extract."""
    meetings = inputs.strategy_meetings
    if meetings is None:
        return {}
    period = params.period
    result: dict[str, FigureValue] = {meetings_count.figure_id: meetings_count(meetings, period)}
    for agency in AGENCIES:
        for share_of in (attendance_share, invited_attendance_share):
            result[f"{share_of.figure_id}.{agency}"] = share_of(meetings, period, agency)
    return result | {f.figure_id: f(meetings, period) for f in (statutory_partners_share, monthly_statutory_partners_share)}
