"""Strategy-meeting attendance (``strategy_meetings``): which agencies were invited and which attended.

The extract has a row per agency per meeting. Per meeting, an agency attended if any of its
rows says Y and was invited if any says Y; an agency with no row was neither. Meetings are
counted by distinct ``meeting_id`` with ``meeting_date`` in the period (a meeting's rows agree
on its date and team).
"""
from __future__ import annotations

import pandas as pd

from ..figure import Figure, FigureValue, count, share
from ..inputs import Inputs
from ..params import Params
from ..period import Period
from .common import count_by, in_period, is_yes, month_keys, monthly_shares, team_keys, with_share, worst_first

AGENCIES = ("social_care", "police", "health", "education")
STATUTORY_PARTNERS = ("social_care", "police", "health")
FLAGS = ("invited", "attended")


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
    marks = {
        f"{flag}_{agency}": is_yes(meetings[flag]) & meetings["agency"].isin([agency]) for flag in FLAGS for agency in AGENCIES
    }
    flags = pd.DataFrame(marks).groupby(meetings["meeting_id"]).any()
    table = meetings.groupby("meeting_id")[["meeting_date", "team"]].first()
    return table.join(flags)


def meetings_in_period(meetings: pd.DataFrame, period: Period) -> pd.DataFrame:
    """:func:`meeting_attendance` for the meetings dated in the period."""
    return in_period(meeting_attendance(meetings), "meeting_date", period)


def statutory_partners_present(table: pd.DataFrame) -> pd.Series:
    """Mask of meetings attended by social care, police and health, all three."""
    return table[[f"attended_{agency}" for agency in STATUTORY_PARTNERS]].all(axis=1)


# --- headline figures -------------------------------------------------------------


def meetings_count(meetings: pd.DataFrame, period: Period) -> Figure:
    """``strategy.meetings_count``: distinct meetings dated in the period."""
    return count(len(meetings_in_period(meetings, period)))


def attendance_share(meetings: pd.DataFrame, period: Period, agency: str) -> Figure:
    """``strategy.attendance_share.<agency>``: meetings in the period the agency attended ÷ meetings in the period."""
    table = meetings_in_period(meetings, period)
    return share(table[f"attended_{agency}"].sum(), len(table))


def invited_attendance_share(meetings: pd.DataFrame, period: Period, agency: str) -> Figure:
    """``strategy.invited_attendance_share.<agency>``: of meetings in the period the agency was invited to, share it attended."""
    table = meetings_in_period(meetings, period)
    invited = table[table[f"invited_{agency}"]]
    return share(invited[f"attended_{agency}"].sum(), len(invited))


def statutory_partners_share(meetings: pd.DataFrame, period: Period) -> Figure:
    """``strategy.statutory_partners_share``: share of meetings in the period attended by all three statutory partners."""
    table = meetings_in_period(meetings, period)
    return share(statutory_partners_present(table).sum(), len(table))


def monthly_statutory_partners_share(meetings: pd.DataFrame, period: Period) -> dict[str, Figure]:
    """``strategy.monthly.statutory_partners_share``: the statutory-partners share by month of ``meeting_date``."""
    table = meeting_attendance(meetings)
    return monthly_shares(table["meeting_date"], statutory_partners_present(table), period)


# --- breakdown tables ---------------------------------------------------------------


def attendance_table(table: pd.DataFrame, keys: pd.Series, index: list | None = None) -> pd.DataFrame:
    """Per key: ``meetings``, ``attended_<agency>`` counts, ``statutory_partners`` (all three present) and its share."""
    columns = {"meetings": pd.Series(True, index=table.index)}
    columns |= {f"attended_{agency}": table[f"attended_{agency}"] for agency in AGENCIES}
    columns["statutory_partners"] = statutory_partners_present(table)
    return with_share(count_by(keys, columns, index), "statutory_partners", "meetings")


def attendance_by_month(meetings: pd.DataFrame, period: Period) -> pd.DataFrame:
    """Meetings per month of the period (every month) and how many each agency and all statutory partners attended."""
    table = meetings_in_period(meetings, period)
    return attendance_table(table, month_keys(table["meeting_date"]), period.months())


def attendance_by_team(meetings: pd.DataFrame, period: Period) -> pd.DataFrame:
    """Meetings in the period per team and their attendance, lowest statutory-partners share first."""
    table = meetings_in_period(meetings, period)
    return worst_first(attendance_table(table, team_keys(table)), "statutory_partners_share")


def invitation_summary(meetings: pd.DataFrame, period: Period) -> pd.DataFrame:
    """Per agency, over meetings in the period: invited, attended, attended when invited, attended without invitation,
    with ``attended_share`` (of all meetings) and ``invited_attended_share`` (of meetings it was invited to)."""
    table = meetings_in_period(meetings, period)
    rows = {}
    for agency in AGENCIES:
        invited, attended = table[f"invited_{agency}"], table[f"attended_{agency}"]
        rows[agency] = {
            "meetings": len(table),
            "invited": invited.sum(),
            "attended": attended.sum(),
            "invited_attended": (invited & attended).sum(),
            "attended_uninvited": (attended & ~invited).sum(),
        }
    summary = pd.DataFrame.from_dict(rows, orient="index").astype(int).rename_axis("agency")
    return with_share(with_share(summary, "attended", "meetings"), "invited_attended", "invited")


# --- every figure of the theme ---------------------------------------------------


def figures(inputs: Inputs, params: Params) -> dict[str, FigureValue]:
    """Every strategy-meeting figure, or none without a ``strategy_meetings`` extract."""
    meetings = inputs.strategy_meetings
    if meetings is None:
        return {}
    period = params.period
    result: dict[str, FigureValue] = {"strategy.meetings_count": meetings_count(meetings, period)}
    for agency in AGENCIES:
        result[f"strategy.attendance_share.{agency}"] = attendance_share(meetings, period, agency)
        result[f"strategy.invited_attendance_share.{agency}"] = invited_attendance_share(meetings, period, agency)
    result["strategy.statutory_partners_share"] = statutory_partners_share(meetings, period)
    result["strategy.monthly.statutory_partners_share"] = monthly_statutory_partners_share(meetings, period)
    return result
