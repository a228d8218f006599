"""The follow-up of case audits (``case_audits``, ``audit_actions``): actions, timescales and re-audits.

An action belongs to the audit named by its ``audit_id`` and is "in period" when that audit's
``audit_date`` is (``indicators.md``, *Case audits: follow-up and re-audits*). A weak audit is one
whose final grade is requires improvement or inadequate. Action wording is never used here:
it is free text that may name people, so no figure or table carries it.
"""

from __future__ import annotations

import pandas as pd

from readiness.config.figures import H, L, Theme
from readiness.config.params import Params
from readiness.config.period import Period
from readiness.inputs.bundle import Inputs
from readiness.inputs.labels import NOT_RECORDED
from readiness.inputs.values import is_in

from .audits import DOMAIN_PREFIX, GRADE_READS, MOCK_INSPECTION, audits_in_period, final_grade, grade_steps, worker_participated_share
from .common import count_by, is_yes, month_keys, monthly_shares, team_keys, with_share, worst_first
from .figure import Figure, FigureValue, count, share
from .tables import Roles, board_table

WEAK = ("requires_improvement", "inadequate")
OTHER_THEMES = "Other themes"
TEAM_MONTH_SEP = " | "
ACTION_ROLES = Roles(
    ("actions", "with_due_date", "due", "on_time", "overdue"),
    shares={"with_due_date_share": ("with_due_date", "actions"), "on_time_share": ("on_time", "due")},
)
"""Disclosure roles of the tables of actions by team or theme."""


# --- actions with their audits -------------------------------------------------------


def actions_with_audits(actions: pd.DataFrame, audits: pd.DataFrame) -> pd.DataFrame:
    """Each action whose audit is known, with that audit's ``audit_date``, ``team``, ``audit_type`` and final ``grade``."""
    audit = audits.assign(grade=final_grade(audits))[["audit_id", "audit_date", "team", "audit_type", "grade"]]
    columns = ["action_id", "audit_id", "due_date", "completed_date", "theme"]
    return actions[columns].merge(audit.drop_duplicates("audit_id"), on="audit_id", how="inner")


def actions_in_period(actions: pd.DataFrame, audits: pd.DataFrame, period: Period) -> pd.DataFrame:
    """Actions whose audit has ``audit_date`` in the period."""
    joined = actions_with_audits(actions, audits)
    return joined[period.contains(joined["audit_date"])]


def is_completed_on_time(actions: pd.DataFrame) -> pd.Series:
    """Mask of actions completed on or before their due date (no due date, or not completed: not on time)."""
    return (actions["completed_date"] <= actions["due_date"]).fillna(False).astype(bool)


def is_due_by(actions: pd.DataFrame, day) -> pd.Series:
    """Mask of actions whose ``due_date`` is on or before ``day``."""
    return (actions["due_date"] <= pd.Timestamp(day)).fillna(False).astype(bool)


def is_overdue(actions: pd.DataFrame, period: Period) -> pd.Series:
    """Mask of actions due before ``period_end`` and not completed by it (completed blank or after it)."""
    end = pd.Timestamp(period.end)
    due_before = (actions["due_date"] < end).fillna(False).astype(bool)
    not_done = actions["completed_date"].isna() | (actions["completed_date"] > end)
    return due_before & not_done.astype(bool)


def overdue_actions(actions: pd.DataFrame, audits: pd.DataFrame, period: Period) -> pd.DataFrame:
    """Actions of audits dated in the period or earlier that are overdue at ``period_end``."""
    joined = actions_with_audits(actions, audits)
    joined = joined[joined["audit_date"] <= pd.Timestamp(period.end)]
    return joined[is_overdue(joined, period)]


def weak_audits_in_period(audits: pd.DataFrame, actions: pd.DataFrame, period: Period) -> pd.DataFrame:
    """Audits in the period with a weak final grade, with ``has_action`` (at least one known action)."""
    inside = audits_in_period(audits, period)
    weak = inside[final_grade(inside).isin(WEAK)]
    with_action = set(actions_with_audits(actions, audits)["audit_id"])
    return weak.assign(has_action=weak["audit_id"].isin(with_action))


# --- re-audits ---------------------------------------------------------------------------


def reaudits_in_period(audits: pd.DataFrame, period: Period) -> pd.DataFrame:
    """Audits in the period whose ``reaudit_of`` names an audit in ``audits``, with ``earlier_grade``
    (the final grade of the audit re-audited), ``grade`` (their own final grade) and ``outcome``
    (``improved``, ``same`` or ``worse``)."""
    earlier = audits.drop_duplicates("audit_id").set_index("audit_id").pipe(final_grade)
    inside = audits_in_period(audits, period)
    rows = inside[is_in(inside["reaudit_of"], earlier.index)]
    rows = rows.assign(grade=final_grade(rows), earlier_grade=rows["reaudit_of"].map(earlier))
    change = grade_steps(rows["earlier_grade"], rows["grade"])
    outcome = pd.Series("same", index=rows.index).mask(change > 0, "improved").mask(change < 0, "worse")
    return rows.assign(outcome=outcome)


def weak_reaudit_delays(audits: pd.DataFrame, period: Period, within_days: int) -> pd.Series:
    """For each weak audit in the period dated at least ``within_days`` before ``period_end``: the days to its first
    re-audit (a later audit naming it in ``reaudit_of``), missing when none."""
    inside = audits_in_period(audits, period)
    last = pd.Timestamp(period.end) - pd.Timedelta(days=within_days)
    weak = inside[final_grade(inside).isin(WEAK) & (inside["audit_date"] <= last)].drop_duplicates("audit_id")
    followers = audits[audits["reaudit_of"].notna()][["reaudit_of", "audit_date"]].rename(columns={"audit_date": "reaudit_date"})
    joined = weak[["audit_id", "audit_date"]].merge(followers, left_on="audit_id", right_on="reaudit_of", how="left")
    days = (joined["reaudit_date"] - joined["audit_date"]).dt.days
    first = days.where(days >= 0).groupby(joined["audit_id"], sort=False).min()
    return first.reindex(weak["audit_id"])


def theme_key(values: pd.Series) -> pd.Series:
    """Action themes and domain names compared as ``indicators.md`` says: case-insensitive, spaces as ``_``."""
    return values.astype("string").str.strip().str.lower().str.replace(r"\s+", "_", regex=True)


def weak_domains_without_action(audits: pd.DataFrame, actions: pd.DataFrame, period: Period) -> pd.Series:
    """Mask of the audits in the period with a domain graded RI or inadequate that no action of the audit has as its theme."""
    inside = audits_in_period(audits, period)
    columns = [c for c in inside.columns if c.startswith(DOMAIN_PREFIX)]
    weak = inside[["audit_id", *columns]].melt(id_vars="audit_id", var_name="domain", value_name="domain_grade")
    weak = weak[weak["domain_grade"].isin(WEAK)].assign(domain=lambda f: theme_key(f["domain"].str.removeprefix(DOMAIN_PREFIX)))
    themes = actions.assign(domain=theme_key(actions["theme"]))[["audit_id", "domain"]].dropna().drop_duplicates()
    uncovered = weak.merge(themes.assign(covered=True), on=["audit_id", "domain"], how="left")
    missing = set(uncovered.loc[uncovered["covered"].isna(), "audit_id"])
    return inside["audit_id"].isin(missing)


# --- headline figures -----------------------------------------------------------------

reaudit = Theme("Case audits", reads=("case_audits.audit_date",))
action = Theme("Case audits")
TIMING_READS = ("audit_actions.due_date", "audit_actions.completed_date")


@reaudit.monthly(worker_participated_share.figure_id)
def monthly_worker_participated_share(audits: pd.DataFrame, period: Period) -> dict[str, Figure]:
    """``audits.monthly.worker_participated_share``: audits done with the worker by month of ``audit_date``."""
    return monthly_shares(audits["audit_date"], is_yes(audits["worker_participated"]), period)


@reaudit.headline("audits.reaudit_count", "Re-audits", "count", reads=("case_audits.reaudit_of",))
def reaudit_count(audits: pd.DataFrame, period: Period) -> Figure:
    """``audits.reaudit_count``: audits in the period re-auditing a known audit."""
    return count(len(reaudits_in_period(audits, period)))


@reaudit.headline(
    "audits.reaudit_improved_share", "Re-audits graded better than the audit before", "share", H, reads=("case_audits.reaudit_of",)
)
def reaudit_improved_share(audits: pd.DataFrame, period: Period) -> Figure:
    """``audits.reaudit_improved_share``: of those re-audits, share graded better than the audit they re-audit."""
    outcomes = reaudits_in_period(audits, period)["outcome"]
    return share((outcomes == "improved").sum(), len(outcomes))


@action.headline("actions.count", "Actions set by audits", "count")
def actions_count(actions: pd.DataFrame, audits: pd.DataFrame, period: Period) -> Figure:
    """``actions.count``: actions whose audit has ``audit_date`` in the period."""
    return count(len(actions_in_period(actions, audits, period)))


@action.headline("actions.weak_audits_with_action_share", "Audits graded RI or inadequate with at least one action", "share", H)
def weak_audits_with_action_share(audits: pd.DataFrame, actions: pd.DataFrame, period: Period) -> Figure:
    """``actions.weak_audits_with_action_share``: of audits in the period graded RI or inadequate, share with an action."""
    weak = weak_audits_in_period(audits, actions, period)
    return share(weak["has_action"].sum(), len(weak))


@action.headline("actions.with_due_date_share", "Audit actions with a due date", "share", H, reads=("audit_actions.due_date",))
def with_due_date_share(actions: pd.DataFrame, audits: pd.DataFrame, period: Period) -> Figure:
    """``actions.with_due_date_share``: of actions whose audit is in the period, share with a ``due_date``."""
    inside = actions_in_period(actions, audits, period)
    return share(inside["due_date"].notna().sum(), len(inside))


@action.headline("actions.completed_on_time_share", "Audit actions due by the period end done on time", "share", H, reads=TIMING_READS)
def completed_on_time_share(actions: pd.DataFrame, audits: pd.DataFrame, period: Period) -> Figure:
    """``actions.completed_on_time_share``: of actions of audits in the period due on or before ``period_end``,
    share completed on or before their due date."""
    inside = actions_in_period(actions, audits, period)
    due = inside[is_due_by(inside, period.end)]
    return share(is_completed_on_time(due).sum(), len(due))


@action.headline("actions.overdue_count", "Audit actions overdue at the period end", "count", L, reads=TIMING_READS)
def overdue_count(actions: pd.DataFrame, audits: pd.DataFrame, period: Period) -> Figure:
    """``actions.overdue_count``: actions (audit in the period or earlier) due before ``period_end``, not done by it."""
    return count(len(overdue_actions(actions, audits, period)))


@reaudit.headline(
    "audits.weak_reaudited_share",
    "Audits graded RI or inadequate re-audited within the window",
    "share",
    H,
    reads=(*GRADE_READS, "case_audits.reaudit_of"),
    standard="reaudit_within_days",
)
def weak_reaudited_share(audits: pd.DataFrame, period: Period, within_days: int) -> Figure:
    """``audits.weak_reaudited_share``: of weak audits in the period dated ``within_days`` or more before
    ``period_end``, share re-audited within ``within_days`` of it (``reaudit_within_days``)."""
    delays = weak_reaudit_delays(audits, period, within_days)
    return share(int((delays <= within_days).sum()), len(delays))


@action.headline(
    "actions.weak_domains_without_action_count",
    "Audits with a weak practice domain no action addresses",
    "count",
    L,
    reads=("case_audits.audit_date", "case_audits.domain_*", "audit_actions.theme"),
)
def weak_domains_without_action_count(audits: pd.DataFrame, actions: pd.DataFrame, period: Period) -> Figure:
    """``actions.weak_domains_without_action_count``: audits in the period with a weak domain no action of theirs addresses."""
    return count(int(weak_domains_without_action(audits, actions, period).sum()))


# --- breakdown tables -------------------------------------------------------------------


@board_table(
    Roles(
        ("audits", "worker_participated"),
        shares={"worker_participated_share": ("worker_participated", "audits")},
        mirror={"worker_participated_share": monthly_worker_participated_share.figure_id},
    )
)
def worker_participation_by_month(audits: pd.DataFrame, period: Period) -> pd.DataFrame:
    """Per month of the period: audits, those done with the worker, and the share (mirrors the monthly series)."""
    inside = audits_in_period(audits, period)
    columns = {"audits": pd.Series(True, index=inside.index), "worker_participated": is_yes(inside["worker_participated"])}
    return with_share(count_by(month_keys(inside["audit_date"]), columns, period.months()), "worker_participated", "audits")


@board_table(Roles(("with_action", "without_action"), total="weak_audits", shares={"with_action_share": ("with_action", "weak_audits")}))
def weak_audits_by_team(audits: pd.DataFrame, actions: pd.DataFrame, period: Period) -> pd.DataFrame:
    """Per team: weak audits in the period, those with and without an action, and the share with one; lowest first."""
    weak = weak_audits_in_period(audits, actions, period)
    columns = {"weak_audits": pd.Series(True, index=weak.index), "with_action": weak["has_action"], "without_action": ~weak["has_action"]}
    return worst_first(with_share(count_by(team_keys(weak), columns), "with_action", "weak_audits"), "with_action_share")


def action_table(inside: pd.DataFrame, overdue: pd.DataFrame, keys: str, period: Period) -> pd.DataFrame:
    """Per value of column ``keys``: actions (audit in period), with a due date, due by ``period_end``, done on time
    (with their shares), and overdue at ``period_end`` (audit in the period or earlier)."""
    due = is_due_by(inside, period.end)
    columns = {
        "actions": pd.Series(True, index=inside.index),
        "with_due_date": inside["due_date"].notna(),
        "due": due,
        "on_time": due & is_completed_on_time(inside),
    }
    table = count_by(inside[keys].rename(keys), columns)
    late = overdue[keys].value_counts().rename("overdue")
    table = table.join(late, how="outer").fillna(0).astype(int).rename_axis(keys)
    return with_share(with_share(table, "with_due_date", "actions"), "on_time", "due")


@board_table(ACTION_ROLES)
def actions_by_team(actions: pd.DataFrame, audits: pd.DataFrame, period: Period) -> pd.DataFrame:
    """:func:`action_table` by the team of each action's audit, most overdue first."""
    inside = actions_in_period(actions, audits, period).assign(team=lambda f: team_keys(f))
    overdue = overdue_actions(actions, audits, period).assign(team=lambda f: team_keys(f))
    return worst_first(action_table(inside, overdue, "team", period), "overdue", higher_is_better=False)


def theme_keys(actions: pd.DataFrame, known: set[str] | None = None) -> pd.Series:
    """Each action's theme in plain words (``voice_of_child`` → ``voice of child``), ``Not recorded`` when blank;
    a theme not in ``known`` (when given) becomes ``Other themes``."""
    themes = actions["theme"].astype("string").str.replace("_", " ").str.strip().str.lower().fillna(NOT_RECORDED.lower())
    themes = themes.str.capitalize()
    return themes if known is None else themes.where(themes.isin(known), OTHER_THEMES)


def common_themes(actions: pd.DataFrame, threshold: int) -> set[str]:
    """Themes of more than ``threshold`` actions: themes are free text, so a rarer one is pooled, never shown."""
    counts = theme_keys(actions).value_counts()
    return set(counts[counts > threshold].index)


@board_table(ACTION_ROLES)
def actions_by_theme(actions: pd.DataFrame, audits: pd.DataFrame, period: Period, threshold: int) -> pd.DataFrame:
    """:func:`action_table` by theme (themes of ``threshold`` actions or fewer pooled as ``Other themes``), most actions first."""
    inside = actions_in_period(actions, audits, period)
    known = common_themes(inside, threshold)
    inside = inside.assign(theme=theme_keys(inside, known))
    overdue = overdue_actions(actions, audits, period)
    overdue = overdue.assign(theme=theme_keys(overdue, known))
    table = action_table(inside, overdue, "theme", period)
    return table.sort_index().sort_values("actions", ascending=False, kind="stable")


@board_table(ACTION_ROLES)
def mock_inspection_findings(actions: pd.DataFrame, audits: pd.DataFrame, period: Period, threshold: int) -> pd.DataFrame:
    """:func:`actions_by_theme` over the actions set by ``mock_inspection`` audits only: the mock inspection's findings."""
    mock = audits[audits["audit_type"].eq(MOCK_INSPECTION).fillna(False).astype(bool)]
    return actions_by_theme(actions, mock, period, threshold)


@board_table(Roles(("reaudits",), shares={"reaudits_share": ("reaudits", "all_reaudits")}))
def reaudit_outcomes(audits: pd.DataFrame, period: Period) -> pd.DataFrame:
    """Re-audits in the period by outcome (improved, same, worse), each with its share of them."""
    outcomes = reaudits_in_period(audits, period)["outcome"]
    table = outcomes.value_counts().reindex(["improved", "same", "worse"], fill_value=0).rename("reaudits")
    table = table.rename_axis("outcome").to_frame().assign(all_reaudits=len(outcomes))
    return with_share(table, "reaudits", "all_reaudits")


@board_table(Roles(("good_or_better", "not_good_or_better"), total="audits", shares={"good_or_better_share": ("good_or_better", "audits")}))
def good_or_better_by_team_and_month(audits: pd.DataFrame, period: Period) -> pd.DataFrame:
    """One row per team and month of the period (every month, zeros where none): audits, those good or better,
    the rest, and the good-or-better share; for a team × month heat table."""
    inside = audits_in_period(audits, period)
    good = final_grade(inside).isin(("outstanding", "good"))
    keys = team_keys(inside).str.cat(month_keys(inside["audit_date"]), sep=TEAM_MONTH_SEP).rename("team_month")
    teams = sorted(team_keys(inside).unique())
    cells = [f"{team}{TEAM_MONTH_SEP}{month}" for team in teams for month in period.months()]
    columns = {"audits": pd.Series(True, index=inside.index), "good_or_better": good, "not_good_or_better": ~good}
    return with_share(count_by(keys, columns, cells), "good_or_better", "audits")


def heat_grid(cells: pd.Series) -> pd.DataFrame:
    """A column of :func:`good_or_better_by_team_and_month` (index ``team | month``) as a team × month grid;
    a team whose name holds `` | `` keeps it (the month, last, never does)."""
    parts = [tuple(str(key).rsplit(TEAM_MONTH_SEP, 1)) for key in cells.index]
    index = pd.MultiIndex.from_tuples(parts, names=["team", "month"])
    grid = pd.Series(cells.to_numpy(), index=index).unstack("month")
    return grid.reindex(columns=list(dict.fromkeys(month for _, month in parts)))


# --- every figure of the theme -------------------------------------------------------------


def figures(inputs: Inputs, params: Params) -> dict[str, FigureValue]:
    """The follow-up figures: re-audits and the monthly participation with ``case_audits``, actions with ``audit_actions`` too."""
    audits = inputs.case_audits
    if audits is None:
        return {}
    period = params.period
    result: dict[str, FigureValue] = {
        f.figure_id: f(audits, period) for f in (monthly_worker_participated_share, reaudit_count, reaudit_improved_share)
    }
    result[weak_reaudited_share.figure_id] = weak_reaudited_share(audits, period, params.reaudit_within_days)
    actions = inputs.audit_actions
    if actions is None:
        return result
    return result | {
        actions_count.figure_id: actions_count(actions, audits, period),
        weak_audits_with_action_share.figure_id: weak_audits_with_action_share(audits, actions, period),
        with_due_date_share.figure_id: with_due_date_share(actions, audits, period),
        completed_on_time_share.figure_id: completed_on_time_share(actions, audits, period),
        overdue_count.figure_id: overdue_count(actions, audits, period),
        weak_domains_without_action_count.figure_id: weak_domains_without_action_count(audits, actions, period),
    }
