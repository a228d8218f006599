"""A mock inspection: does the council's auditor grade as the inspector would, its safety net and compliance checks.

``indicators.md``, *Case audits: what practice looks like* (``audits.mock.*``: the council auditor's ``grade``
against the mock inspector's ``moderated_grade`` on ``mock_inspection`` audits) and *Mock inspection: the
safety net and the follow-up loop* (``immediate_concerns``, ``audit_checks``). A concern is counted by the
date it was raised (escalated) and the date it was responded to; never by child, so no figure or table
names one. A check counts for the audit it was recorded in, by that audit's ``audit_date``: audits from
``case_audits`` and the mock audits kept apart for lacking the council's grade (``mock_only_audits``).
"""

from __future__ import annotations

import pandas as pd

from readiness.config.figures import H, L, Member, Theme
from readiness.config.params import Params
from readiness.config.period import Period
from readiness.inputs.bundle import Inputs
from readiness.inputs.extract_tables import CHECKS

from .audits import GRADE_READS, GRADE_TABLE_ROLES, GRADES, MOCK_INSPECTION, audits_in_period, domain_grade_counts, grade_steps
from .common import count_by, in_period, median_of, with_share
from .figure import Figure, FigureValue, count, share
from .tables import Roles, board_table

graded = Theme("Mock inspection", reads=("case_audits.audit_date", "case_audits.audit_type", *GRADE_READS))
concern = Theme("Mock inspection", reads=("immediate_concerns.raised_date",))
checked = Theme("Mock inspection", reads=("audit_checks.audit_id", "case_audits.audit_date"))
CHECK_WORDS = {
    "visits_in_timescale": "visits in timescale",
    "chronology_up_to_date": "the chronology up to date",
    "genogram": "a genogram",
    "current_plan": "a current plan",
    "supervision_on_file": "supervision on file",
}


# --- the council's auditor against the mock inspector --------------------------------


def is_mock(audits: pd.DataFrame) -> pd.Series:
    """Mask of the ``mock_inspection`` audits."""
    return audits["audit_type"].eq(MOCK_INSPECTION).fillna(False).astype(bool)


def graded_by_both(audits: pd.DataFrame, period: Period) -> pd.DataFrame:
    """Mock-inspection audits in the period graded by the council's auditor (``grade``) and the mock inspector
    (``moderated_grade``)."""
    inside = audits_in_period(audits, period)
    return inside[is_mock(inside) & inside["grade"].notna() & inside["moderated_grade"].notna()]


@graded.headline(
    "audits.mock.agreement_share", "Mock-inspection audits where the council's auditor and the mock inspector agreed", "share", H
)
def agreement_share(audits: pd.DataFrame, period: Period) -> Figure:
    """``audits.mock.agreement_share``: of mock-inspection audits in the period graded by both, share where the
    council's auditor and the mock inspector agree."""
    both = graded_by_both(audits, period)
    return share(int((both["grade"] == both["moderated_grade"]).sum()), len(both))


@graded.headline("audits.mock.over_graded_share", "Mock-inspection audits the council graded better than the mock inspector", "share", L)
def over_graded_share(audits: pd.DataFrame, period: Period) -> Figure:
    """``audits.mock.over_graded_share``: of those, share where the council's grade is better than the inspector's."""
    both = graded_by_both(audits, period)
    return share(int((grade_steps(both["moderated_grade"], both["grade"]) > 0).sum()), len(both))


@board_table(Roles(GRADES, total="audits"))
def grades_compared(audits: pd.DataFrame, period: Period) -> pd.DataFrame:
    """Mock-inspection audits in the period graded by both: one row per council auditor's grade (best first), one
    column per mock inspector's grade, and the row's audits. The diagonal is agreement; above it, the council graded
    better than the inspector."""
    both = graded_by_both(audits, period)
    columns = {grade: both["moderated_grade"].eq(grade) for grade in GRADES} | {"audits": pd.Series(True, index=both.index)}
    table = count_by(both["grade"].rename("council_grade"), columns, list(GRADES))
    return table.rename(index=lambda grade: grade.replace("_", " ").capitalize())


@board_table(GRADE_TABLE_ROLES)
def domain_grades(audits: pd.DataFrame, period: Period) -> pd.DataFrame:
    """:func:`readiness.indicators.audits.domain_grade_counts` over the mock-inspection audits only."""
    return domain_grade_counts(audits[is_mock(audits)], period)


# --- the safety net -------------------------------------------------------------------


def raised_in_period(concerns: pd.DataFrame, period: Period) -> pd.DataFrame:
    """Concerns whose ``raised_date`` is in the period."""
    return in_period(concerns, "raised_date", period)


def open_at_end(concerns: pd.DataFrame, period: Period) -> pd.Series:
    """Mask of concerns raised on or before ``period_end`` and not responded to by it."""
    end = pd.Timestamp(period.end)
    raised = (concerns["raised_date"] <= end).fillna(False).astype(bool)
    return raised & (concerns["responded_date"].isna() | (concerns["responded_date"] > end)).astype(bool)


def response_days(concerns: pd.DataFrame, period: Period) -> pd.Series:
    """Calendar days from raised to responded, for concerns responded to in the period (a response dated before
    its concern was raised is a negative duration: it leaves the figure)."""
    responded = in_period(concerns, "responded_date", period)
    days = (responded["responded_date"] - responded["raised_date"]).dt.days.dropna()
    return days[days >= 0]


@concern.headline("mock.immediate_concerns_count", "Immediate concerns raised by the mock inspection", "count")
def immediate_concerns_count(concerns: pd.DataFrame, period: Period) -> Figure:
    """``mock.immediate_concerns_count``: concerns raised in the period."""
    return count(len(raised_in_period(concerns, period)))


@concern.headline(
    "mock.immediate_concerns_open_count",
    "Immediate concerns without a response at the period end",
    "count",
    L,
    reads=("immediate_concerns.responded_date",),
)
def immediate_concerns_open_count(concerns: pd.DataFrame, period: Period) -> Figure:
    """``mock.immediate_concerns_open_count``: concerns raised by ``period_end`` with no response by it."""
    return count(int(open_at_end(concerns, period).sum()))


@concern.headline(
    "mock.immediate_concern_response_days_median",
    "Median days to respond to an immediate concern",
    "number",
    L,
    reads=("immediate_concerns.responded_date",),
)
def immediate_concern_response_days_median(concerns: pd.DataFrame, period: Period) -> Figure:
    """``mock.immediate_concern_response_days_median``: median calendar days to respond, over concerns responded to
    in the period."""
    return median_of(response_days(concerns, period))


def checked_audits(checks: pd.DataFrame, audits: list[pd.DataFrame | None], period: Period) -> pd.DataFrame:
    """The checks of audits whose ``audit_date`` is in the period (the first row per audit)."""
    dates = pd.concat([frame[["audit_id", "audit_date"]] for frame in audits if frame is not None], ignore_index=True)
    joined = checks.drop_duplicates("audit_id").merge(dates.drop_duplicates("audit_id"), on="audit_id", how="inner")
    return in_period(joined, "audit_date", period)


# --- the compliance checks -------------------------------------------------------------


@checked.family(
    "mock.checks_met_share",
    "Mock-inspection audits with {}",
    "share",
    H,
    members={check: Member(words, H) for check, words in CHECK_WORDS.items()},
    reads=tuple(f"audit_checks.{check}" for check in CHECKS),
)
def checks_met_share(checks: pd.DataFrame, audits: list[pd.DataFrame | None], period: Period, check: str) -> Figure:
    """``mock.checks_met_share.<check>``: of audits in the period with the check recorded, share recorded Y."""
    recorded = checked_audits(checks, audits, period)[check].dropna()
    return share(int(recorded.astype(bool).sum()), len(recorded))


@board_table(Roles(("recorded", "met"), shares={"met_share": ("met", "recorded")}))
def checks_table(checks: pd.DataFrame, audits: list[pd.DataFrame | None], period: Period) -> pd.DataFrame:
    """Per compliance check (in the workbook's order): audits in the period recording it, those meeting it, and the share."""
    inside = checked_audits(checks, audits, period)
    rows = {
        check.replace("_", " ").capitalize(): (int(inside[check].notna().sum()), int(inside[check].fillna(False).astype(bool).sum()))
        for check in CHECKS
    }
    return with_share(pd.DataFrame.from_dict(rows, orient="index", columns=["recorded", "met"]).rename_axis("check"), "met", "recorded")


def figures(inputs: Inputs, params: Params) -> dict[str, FigureValue]:
    """Agreement with ``case_audits``, the safety net with ``immediate_concerns``, the checks with ``audit_checks``."""
    period, result = params.period, {}
    if inputs.case_audits is not None:
        result |= {f.figure_id: f(inputs.case_audits, period) for f in (agreement_share, over_graded_share)}
    concerns = inputs.immediate_concerns
    if concerns is not None:
        counted = (immediate_concerns_count, immediate_concerns_open_count, immediate_concern_response_days_median)
        result |= {f.figure_id: f(concerns, period) for f in counted}
    checks = inputs.audit_checks
    audits = [inputs.case_audits, inputs.mock_only_audits]
    if checks is not None and any(frame is not None for frame in audits):
        result |= {f"{checks_met_share.figure_id}.{check}": checks_met_share(checks, audits, period, check) for check in CHECKS}
    return result
