"""What practice looks like, apart from who was sampled: the routine audit programme and moderation by auditor role
(``case_audits``, version 4).

Risk-drawn mock-inspection audits, re-audits and themed dip samples grade different cases from the routine,
representative programme, so pooling them moves the headline with the audit mix. The routine figures count audits
whose ``audit_type`` is one of ``routine_audit_types`` (a blank type is routine) and that are not re-audits (a
re-audit's ``reaudit_of`` names an audit in the extract). Moderation by role leaves out mock-inspection audits,
whose moderated grade is the mock inspector's (their agreement is ``audits.mock.agreement_share``).
"""

from __future__ import annotations

import pandas as pd

from readiness.config.figures import H, L, Theme, monthly_id, numerator
from readiness.config.params import Params
from readiness.config.period import Period
from readiness.inputs.bundle import Inputs
from readiness.inputs.labels import NOT_RECORDED
from readiness.inputs.values import is_in

from .audits import (
    GOOD_OR_BETTER,
    GRADE_BLANK,
    GRADE_MEMBERS,
    GRADE_READS,
    GRADES,
    MOCK_INSPECTION,
    audits_count,
    audits_in_period,
    domain_good_or_better_by_month,
    domain_good_or_better_share,
    domains,
    good_or_better_share,
    grade_share,
    moderation_outcome,
    moderation_share,
    monthly_good_or_better_share,
)
from .common import count_by, with_share
from .figure import Figure, FigureValue
from .tables import Roles, board_table

programme = Theme("Case audits", reads=("case_audits.audit_date", "case_audits.audit_type", "case_audits.reaudit_of"))


def routine_grade_id(grade: str) -> str:
    """The id of a grade's share of routine audits (``audits.routine.grade_share.good``)."""
    return f"audits.routine.grade_share.{grade}"


def routine_audits(audits: pd.DataFrame, routine_types: list[str]) -> pd.DataFrame:
    """Audits of the routine programme: a type in ``routine_types`` (or none), and not a re-audit of a listed audit."""
    types = audits["audit_type"] if "audit_type" in audits else pd.Series(pd.NA, index=audits.index, dtype="string")
    routine = types.isna() | types.isin(routine_types)
    if "reaudit_of" in audits:
        routine &= ~is_in(audits["reaudit_of"], audits["audit_id"].dropna())
    return audits[routine.fillna(False).astype(bool)]


@programme.headline(
    "audits.routine.count", "Routine audits completed", "count", sum_of=tuple(numerator(routine_grade_id(g)) for g in GRADES)
)
def routine_count(routine: pd.DataFrame, period: Period) -> Figure:
    """``audits.routine.count``: routine audits (:func:`routine_audits`) dated in the period."""
    return audits_count(routine, period)


@programme.family(
    "audits.routine.grade_share",
    "Routine audits graded {}",
    "share",
    members=GRADE_MEMBERS,
    reads=GRADE_READS,
    denominator="audits.routine.count",
    blank=(GRADE_BLANK,),
)
def routine_grade_share(routine: pd.DataFrame, period: Period, grade: str) -> Figure:
    """``audits.routine.grade_share.<grade>``: as ``audits.grade_share.<grade>``, over routine audits."""
    return grade_share(routine, period, grade)


@programme.headline(
    "audits.routine.good_or_better_share",
    "Routine audits graded good or better",
    "share",
    H,
    reads=GRADE_READS,
    denominator="audits.routine.count",
    sum_of=tuple(numerator(routine_grade_id(g)) for g in GOOD_OR_BETTER),
)
def routine_good_or_better_share(routine: pd.DataFrame, period: Period) -> Figure:
    """``audits.routine.good_or_better_share``: as ``audits.good_or_better_share``, over routine audits."""
    return good_or_better_share(routine, period)


@programme.monthly("audits.routine.good_or_better_share", reads=GRADE_READS)
def routine_monthly_good_or_better_share(routine: pd.DataFrame, period: Period) -> dict[str, Figure]:
    """``audits.routine.monthly.good_or_better_share``: the routine good-or-better share by month."""
    return monthly_good_or_better_share(routine, period)


@programme.family(
    "audits.routine.domain_good_or_better_share",
    "Routine audits with the {} domain graded good or better",
    "share",
    H,
    reads=("case_audits.domain_*",),
)
def routine_domain_share(routine: pd.DataFrame, period: Period, domain: str) -> Figure:
    """``audits.routine.domain_good_or_better_share.<domain>``: a domain's good-or-better share of routine audits."""
    return domain_good_or_better_share(routine, period, domain)


def routine_figures(audits: pd.DataFrame, period: Period) -> dict[str, FigureValue]:
    """The routine programme's count, grade shares, good-or-better share and domains, with their monthly series."""
    result: dict[str, FigureValue] = {
        routine_count.figure_id: routine_count(audits, period),
        **{f"{routine_grade_share.figure_id}.{grade}": routine_grade_share(audits, period, grade) for grade in GRADES},
        routine_good_or_better_share.figure_id: routine_good_or_better_share(audits, period),
        routine_monthly_good_or_better_share.figure_id: routine_monthly_good_or_better_share(audits, period),
    }
    for domain in domains(audits):
        result[f"{routine_domain_share.figure_id}.{domain}"] = routine_domain_share(audits, period, domain)
        result[f"{monthly_id(routine_domain_share.figure_id)}.{domain}"] = domain_good_or_better_by_month(audits, period, domain)
    return result


MODERATION_BY_ROLE = ("case_audits.auditor_role", "case_audits.moderated_grade", "case_audits.grade")
AGREEMENT_BY_ROLE = programme.figure(
    "audits.moderation_agreement_share.by_role",
    "Moderated audits where the moderator agreed, auditor role {}",
    "share",
    H,
    family=True,
    members=None,
    reads=MODERATION_BY_ROLE,
)
DOWNGRADE_BY_ROLE = programme.figure(
    "audits.moderation_downgrade_share.by_role",
    "Moderated audits downgraded, auditor role {}",
    "share",
    L,
    family=True,
    members=None,
    reads=MODERATION_BY_ROLE,
)


def not_mock(audits: pd.DataFrame) -> pd.DataFrame:
    """Audits other than mock-inspection audits, with ``auditor_role`` trimmed (``Not recorded`` when blank)."""
    types = audits["audit_type"] if "audit_type" in audits else pd.Series(pd.NA, index=audits.index, dtype="string")
    rows = audits[~types.eq(MOCK_INSPECTION).fillna(False).astype(bool)]
    return rows.assign(auditor_role=rows["auditor_role"].astype("string").str.strip().fillna(NOT_RECORDED))


def moderation_by_role(audits: pd.DataFrame, period: Period) -> dict[str, FigureValue]:
    """``audits.moderation_agreement_share.by_role.<role>`` and ``….moderation_downgrade_share.by_role.<role>`` for each
    auditor role with a moderated audit in the period (mock-inspection audits left out; a blank role: ``Not recorded``)."""
    if "auditor_role" not in audits:
        return {}
    rows = not_mock(audits)
    inside = period.contains(rows["audit_date"]) & rows["moderated_grade"].notna()
    result: dict[str, FigureValue] = {}
    for role in sorted(rows.loc[inside, "auditor_role"].unique()):
        of_role = rows[rows["auditor_role"] == role]
        result[f"{AGREEMENT_BY_ROLE}.{role}"] = moderation_share(of_role, period, "agreed")
        result[f"{DOWNGRADE_BY_ROLE}.{role}"] = moderation_share(of_role, period, "downgraded")
    return result


@board_table(
    Roles(
        ("moderated", "agreed", "downgraded"),
        shares={"agreed_share": ("agreed", "moderated"), "downgraded_share": ("downgraded", "moderated")},
    )
)
def moderation_by_role_table(audits: pd.DataFrame, period: Period) -> pd.DataFrame:
    """Per auditor role: audits in the period moderated (with both grades), agreed and downgraded, and their shares
    (mock-inspection audits left out), as the ``….by_role.<role>`` figures."""
    rows = audits_in_period(not_mock(audits), period)
    rows = rows[rows["moderated_grade"].notna()]
    outcome = moderation_outcome(rows)
    known = outcome.notna()
    columns = {"moderated": known, "agreed": outcome.eq("agreed").fillna(False), "downgraded": outcome.eq("downgraded").fillna(False)}
    table = count_by(rows["auditor_role"].rename("auditor_role"), columns)
    return with_share(with_share(table, "agreed", "moderated"), "downgraded", "moderated")


def figures(inputs: Inputs, params: Params) -> dict[str, FigureValue]:
    """The routine programme's figures and moderation by role, or none without ``case_audits``."""
    audits = inputs.case_audits
    if audits is None:
        return {}
    return routine_figures(routine_audits(audits, params.routine_audit_types), params.period) | moderation_by_role(audits, params.period)
