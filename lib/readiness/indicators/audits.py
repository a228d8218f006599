"""Case audits (``case_audits``): grades, worker participation, moderation and practice domains.

Every figure counts audits of every ``audit_type`` whose ``audit_date`` is in the period,
graded by their *final* grade: ``moderated_grade`` where present, else the auditor's ``grade``.
A domain's figures use that domain's own grade (domains are not moderated).
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from readiness.config.figures import Blank, H, L, Member, Theme, numerator
from readiness.config.params import Params
from readiness.config.period import Period
from readiness.inputs.bundle import Inputs
from readiness.inputs.labels import NOT_RECORDED

from .common import count_by, in_period, is_known, is_yes, known_share, month_keys, monthly_shares, team_keys, with_share, worst_first
from .figure import Figure, FigureValue, count, share
from .tables import Roles, board_table

GRADES = ("outstanding", "good", "requires_improvement", "inadequate")
GOOD_OR_BETTER = ("outstanding", "good")
GRADE_RANK = {grade: rank for rank, grade in enumerate(GRADES)}
DOMAIN_PREFIX = "domain_"
MOCK_INSPECTION = "mock_inspection"
GRADE_TABLE_ROLES = Roles(
    GRADES, total="audits", shares={"good_or_better_share": ("good_or_better", "audits")}, parts={"good_or_better": GOOD_OR_BETTER}
)
"""The roles of a grade table's columns (from the ``*grade_counts*`` functions)."""


# --- grades and domains -----------------------------------------------------------


def final_grade(audits: pd.DataFrame) -> pd.Series:
    """Each audit's final grade: ``moderated_grade`` where present, else ``grade``."""
    return audits["moderated_grade"].fillna(audits["grade"])


def is_good_or_better(grades: pd.Series) -> pd.Series:
    """Mask of grades that are outstanding or good (blank is not)."""
    return grades.isin(GOOD_OR_BETTER)


def good_or_better_or_unknown(grades: pd.Series) -> pd.Series:
    """Nullable boolean per audit: graded outstanding or good; ``<NA>`` where the grade is blank (unknown)."""
    return is_good_or_better(grades).astype("boolean").mask(grades.isna())


def domains(audits: pd.DataFrame) -> list[str]:
    """The practice domains graded in ``audits``, from its ``domain_<name>`` columns, in column order."""
    return [column.removeprefix(DOMAIN_PREFIX) for column in audits.columns if column.startswith(DOMAIN_PREFIX)]


def audits_in_period(audits: pd.DataFrame, period: Period) -> pd.DataFrame:
    """Audits whose ``audit_date`` is in the period."""
    return in_period(audits, "audit_date", period)


def moderated_in_period(audits: pd.DataFrame, period: Period) -> pd.DataFrame:
    """Audits in the period that have a ``moderated_grade``."""
    inside = audits_in_period(audits, period)
    return inside[inside["moderated_grade"].notna()]


def grade_steps(later: pd.Series, earlier: pd.Series) -> pd.Series:
    """Steps from ``earlier`` to ``later`` grade: positive when worse (outstanding 0 ... inadequate 3), ``NaN`` when either is blank."""
    return later.map(GRADE_RANK).astype(float) - earlier.map(GRADE_RANK).astype(float)


def moderation_outcome(moderated: pd.DataFrame) -> pd.Series:
    """``agreed``, ``downgraded`` (moderator graded worse) or ``upgraded`` for each moderated audit."""
    change = grade_steps(moderated["moderated_grade"], moderated["grade"])
    outcome = pd.Series("agreed", index=moderated.index, name="outcome", dtype=object)
    return outcome.mask(change > 0, "downgraded").mask(change < 0, "upgraded").mask(change.isna(), None)


# --- headline figures -------------------------------------------------------------

audit = Theme("Case audits", reads=("case_audits.audit_date",))
GRADE_READS = ("case_audits.grade", "case_audits.moderated_grade")
GRADE_BLANK = Blank("case_audits.grade", "the moderation shares, and the grade shares when it is not moderated")
GRADE_SHARES = "audits.grade_share"
GRADE_MEMBERS = {
    "outstanding": Member("Outstanding", H),
    "good": Member("Good", H),
    "requires_improvement": Member("Requires improvement", L),
    "inadequate": Member("Inadequate", L),
}
AGREEMENT, DOWNGRADE = "audits.moderation_agreement_share", "audits.moderation_downgrade_share"
UPGRADED = "audits.moderation_upgraded"
"""Moderated audits the moderator graded better: published by no figure, only worked out from the others."""


def grade_share_id(grade: str) -> str:
    """The id of a grade's share (``audits.grade_share.good``)."""
    return f"{GRADE_SHARES}.{grade}"


@audit.headline("audits.count", "Audits completed", "count", sum_of=tuple(numerator(grade_share_id(g)) for g in GRADES))
def audits_count(audits: pd.DataFrame, period: Period) -> Figure:
    """``audits.count``: audits dated in the period."""
    return count(len(audits_in_period(audits, period)))


@audit.family(
    GRADE_SHARES, "Audits graded {}", "share", members=GRADE_MEMBERS, reads=GRADE_READS, denominator="audits.count", blank=(GRADE_BLANK,)
)
def grade_share(audits: pd.DataFrame, period: Period, grade: str) -> Figure:
    """``audits.grade_share.<grade>``: share of audits in the period with that final grade, over those graded
    (an audit with no grade leaves every grade share, as it leaves the breakdown tables)."""
    grades = final_grade(audits_in_period(audits, period))
    return share(grades.isin([grade]).sum(), grades.notna().sum())


@audit.headline(
    "audits.good_or_better_share",
    "Audits graded good or better",
    "share",
    H,
    reads=GRADE_READS,
    denominator="audits.count",
    sum_of=tuple(numerator(grade_share_id(g)) for g in GOOD_OR_BETTER),
    in_sentence="Good or better audits",
    on_chart="Good or better audits",
)
def good_or_better_share(audits: pd.DataFrame, period: Period) -> Figure:
    """``audits.good_or_better_share``: share of graded audits in the period with a final grade of outstanding or good."""
    return known_share(good_or_better_or_unknown(final_grade(audits_in_period(audits, period))))


@audit.headline(
    "audits.worker_participated_share",
    "Audits done with the case-holding worker",
    "share",
    H,
    reads=("case_audits.worker_participated",),
    denominator="audits.count",
    blank=(Blank("case_audits.worker_participated"),),
)
def worker_participated_share(audits: pd.DataFrame, period: Period) -> Figure:
    """``audits.worker_participated_share``: of audits in the period with ``worker_participated`` recorded, share Y
    (a blank leaves it)."""
    return known_share(audits_in_period(audits, period)["worker_participated"])


@audit.headline(
    "audits.moderated_count",
    "Audits moderated",
    "count",
    reads=("case_audits.moderated_grade",),
    sum_of=(numerator(AGREEMENT), numerator(DOWNGRADE), UPGRADED),
)
def moderated_count(audits: pd.DataFrame, period: Period) -> Figure:
    """``audits.moderated_count``: audits in the period with a ``moderated_grade``."""
    return count(len(moderated_in_period(audits, period)))


def moderation_share(audits: pd.DataFrame, period: Period, outcome: str) -> Figure:
    """Of audits in the period with a moderated grade (and the auditor's grade, to compare), share with that
    :func:`moderation_outcome`."""
    outcomes = moderation_outcome(moderated_in_period(audits, period)).dropna()
    return share((outcomes == outcome).sum(), len(outcomes))


MODERATION_FACTS = {"reads": GRADE_READS, "denominator": "audits.moderated_count", "blank": (GRADE_BLANK,)}


@audit.headline(AGREEMENT, "Moderated audits where the moderator agreed", "share", H, **MODERATION_FACTS)
def moderation_agreement_share(audits: pd.DataFrame, period: Period) -> Figure:
    """``audits.moderation_agreement_share``: :func:`moderation_share` of ``agreed``."""
    return moderation_share(audits, period, "agreed")


# Declared here, so the vital signs list the domains after the agreement share and before the downgrade share.
@audit.family(
    "audits.domain_good_or_better_share", "Audits with the {} domain graded good or better", "share", H, reads=("case_audits.domain_*",)
)
def domain_good_or_better_share(audits: pd.DataFrame, period: Period, domain: str) -> Figure:
    """``audits.domain_good_or_better_share.<domain>``: of audits in the period grading the domain, share outstanding or good."""
    grades = audits_in_period(audits, period)[DOMAIN_PREFIX + domain].dropna()
    return share(is_good_or_better(grades).sum(), len(grades))


@audit.headline(DOWNGRADE, "Moderated audits downgraded", "share", L, **MODERATION_FACTS)
def moderation_downgrade_share(audits: pd.DataFrame, period: Period) -> Figure:
    """``audits.moderation_downgrade_share``: :func:`moderation_share` of ``downgraded`` (the moderator graded worse)."""
    return moderation_share(audits, period, "downgraded")


@audit.monthly("audits.good_or_better_share", reads=GRADE_READS)
def monthly_good_or_better_share(audits: pd.DataFrame, period: Period) -> dict[str, Figure]:
    """``audits.monthly.good_or_better_share``: the good-or-better share by month of ``audit_date``."""
    return monthly_shares(audits["audit_date"], good_or_better_or_unknown(final_grade(audits)), period)


def domain_good_or_better_by_month(audits: pd.DataFrame, period: Period, domain: str) -> dict[str, Figure]:
    """A domain's good-or-better share by month of ``audit_date``, over audits grading it (``None`` where none)."""
    graded = audits[audits[DOMAIN_PREFIX + domain].notna()]
    return monthly_shares(graded["audit_date"], is_good_or_better(graded[DOMAIN_PREFIX + domain]), period)


# --- breakdown tables ---------------------------------------------------------------


def grade_table(keys: pd.Series, grades: pd.Series, index: list | None = None) -> pd.DataFrame:
    """Per key: counts of each grade (best first), ``audits`` graded, ``good_or_better`` and its share."""
    columns = {grade: grades.isin([grade]) for grade in GRADES}
    columns |= {"audits": grades.notna(), "good_or_better": is_good_or_better(grades)}
    return with_share(count_by(keys, columns, index), "good_or_better", "audits")


@board_table(replace(GRADE_TABLE_ROLES, mirror={"good_or_better_share": monthly_good_or_better_share.figure_id}))
def grade_counts_by_month(audits: pd.DataFrame, period: Period) -> pd.DataFrame:
    """Final grades per month of the period (every month, zeros where none), with the good-or-better share."""
    inside = audits_in_period(audits, period)
    return grade_table(month_keys(inside["audit_date"]), final_grade(inside), period.months())


@board_table(GRADE_TABLE_ROLES)
def grade_counts_by_team(audits: pd.DataFrame, period: Period) -> pd.DataFrame:
    """Final grades per team for audits in the period, lowest good-or-better share first."""
    inside = audits_in_period(audits, period)
    return worst_first(grade_table(team_keys(inside), final_grade(inside)), "good_or_better_share")


def good_or_better_by_team(audits: pd.DataFrame, period: Period) -> pd.DataFrame:
    """Per team: audits in the period, those good or better, and the share; lowest share first."""
    return grade_counts_by_team(audits, period)[["audits", "good_or_better", "good_or_better_share"]]


@board_table(GRADE_TABLE_ROLES)
def audit_type_grade_counts(audits: pd.DataFrame, period: Period) -> pd.DataFrame:
    """Final grades per ``audit_type`` (``Not recorded`` when blank) for audits in the period."""
    inside = audits_in_period(audits, period)
    types = inside["audit_type"].fillna(NOT_RECORDED).rename("audit_type")
    return grade_table(types, final_grade(inside))


@board_table(GRADE_TABLE_ROLES)
def domain_grade_counts(audits: pd.DataFrame, period: Period) -> pd.DataFrame:
    """Per practice domain (in column order): its grades in audits in the period, and the good-or-better share."""
    columns = [DOMAIN_PREFIX + domain for domain in domains(audits)]
    graded = audits_in_period(audits, period)[columns].melt(var_name="domain", value_name="grade").dropna()
    return grade_table(graded["domain"].str.removeprefix(DOMAIN_PREFIX), graded["grade"], domains(audits))


@board_table(Roles(GRADES, total="audits"))
def domain_grade_counts_by_month(audits: pd.DataFrame, period: Period, domain: str) -> pd.DataFrame:
    """One domain's grades per month of the period (every month), ``audits`` being those that grade it."""
    inside = audits_in_period(audits, period)
    return grade_table(month_keys(inside["audit_date"]), inside[DOMAIN_PREFIX + domain], period.months())


@board_table(Roles(("audits",), shares={"audits_share": ("audits", "moderated")}))
def moderation_summary(audits: pd.DataFrame, period: Period) -> pd.DataFrame:
    """Moderated audits in the period by outcome (agreed, downgraded, upgraded), each with its share of them
    (an audit without the auditor's grade has no outcome and leaves the table)."""
    outcomes = moderation_outcome(moderated_in_period(audits, period)).dropna()
    table = outcomes.value_counts().reindex(["agreed", "downgraded", "upgraded"], fill_value=0).rename("audits")
    table = table.rename_axis("outcome").to_frame().assign(moderated=len(outcomes))
    return with_share(table, "audits", "moderated")


@board_table(
    Roles(
        ("audits", "participation_recorded", "worker_participated"),
        shares={"worker_participated_share": ("worker_participated", "participation_recorded")},
    )
)
def worker_participation_by_team(audits: pd.DataFrame, period: Period) -> pd.DataFrame:
    """Per team: audits in the period, those with participation recorded, those done with the worker, and the
    share of the recorded; lowest share first."""
    inside = audits_in_period(audits, period)
    participated = inside["worker_participated"]
    columns = {
        "audits": pd.Series(True, index=inside.index),
        "participation_recorded": is_known(participated),
        "worker_participated": is_yes(participated),
    }
    table = with_share(count_by(team_keys(inside), columns), "worker_participated", "participation_recorded")
    return worst_first(table, "worker_participated_share")


# --- the counts the Board tables show, for disclosure control ------------------------

GRADE_TOTALS = {
    **{grade: numerator(grade_share_id(grade)) for grade in GRADES},
    "good_or_better_share": numerator(good_or_better_share.figure_id),
    "audits": audits_count.figure_id,
}
"""What each column of a grade table adds up to, a share column standing for its numerator."""
MODERATION_CELLS = {
    ("agreed", "audits"): numerator(AGREEMENT),
    ("downgraded", "audits"): numerator(DOWNGRADE),
    ("upgraded", "audits"): UPGRADED,
}
"""The counts of :func:`moderation_summary`'s cells."""


# --- every figure of the theme ---------------------------------------------------

PERIOD_FIGURES = (
    good_or_better_share,
    worker_participated_share,
    moderated_count,
    moderation_agreement_share,
    moderation_downgrade_share,
    monthly_good_or_better_share,
)


def figures(inputs: Inputs, params: Params) -> dict[str, FigureValue]:
    """Every case-audit figure, or none without a ``case_audits`` extract."""
    audits = inputs.case_audits
    if audits is None:
        return {}
    period = params.period
    result: dict[str, FigureValue] = {audits_count.figure_id: audits_count(audits, period)}
    result |= {grade_share_id(grade): grade_share(audits, period, grade) for grade in GRADES}
    result |= {f.figure_id: f(audits, period) for f in PERIOD_FIGURES}
    result |= {f"{domain_good_or_better_share.figure_id}.{d}": domain_good_or_better_share(audits, period, d) for d in domains(audits)}
    return result
