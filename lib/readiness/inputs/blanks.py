"""The blank-value rule's Data quality warnings (``indicators.md``, Conventions, "Blank values").

A blank, or ``Unknown``, in a value a figure needs (a Yes/No, a code, a count) is unknown: the row
leaves that figure, numerator and denominator. The indicator modules apply the rule, and declare it
on the figure (``blank=``, :mod:`readiness.config.figures`); this module counts such blanks per column,
so the pack's Data quality section says how many rows left which figures.
(Blank dates of *last* events count as not within the interval: they leave nothing and are not listed.)
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from readiness.config.figures import REGISTRY
from readiness.errors import Problem

from .bundle import unreadable_in


@dataclass(frozen=True)
class BlankRule:
    """A column whose blank leaves ``figures``; only rows where ``when`` (a column) is recorded are counted."""

    column: str
    figures: str
    when: str | None = None


RULES: dict[str, tuple[BlankRule, ...]] = {
    "strategy_meetings": (
        BlankRule("invited", "strategy.invited_attendance_share for its agency, unless another row says yes"),
        BlankRule("attended", "strategy.attendance_share for its agency and strategy.statutory_partners_share, unless another row says yes"),
    ),
    "list_3": (
        BlankRule("referral_nfa", "referrals.nfa_share"),
        BlankRule("referrals_last_12m", "referrals.repeat_share"),
    ),
    "list_4": (
        BlankRule("child_seen", "assessments.child_seen_share", when="authorisation_date"),
        BlankRule("requires_support", "assessments.no_further_support_share", when="authorisation_date"),
    ),
    "list_5": (BlankRule("icpc_plan", "icpc.resulting_in_plan_share", when="icpc_date"),),
    "list_7": (BlankRule("previous_plans", "cp.second_or_subsequent_share"),),
    "list_8": (
        BlankRule("second_period", "cla.second_period_share if it started in the period"),
        BlankRule("placements_last_12m", "cla.three_plus_placements_share"),
        BlankRule("placement_start", "cla.long_term_stability_share"),
        BlankRule("placement_type", "cla.foster_placement_share"),
        BlankRule("placement_location", "cla.placed_out_of_area_share"),
        BlankRule("missing_episodes", "cla.missing_share and the return-interview shares"),
    ),
}
"""Per input (an extract's name, or ``list_N``), the columns the blank rule applies to, for themes not yet
declared in the figure registry."""


def rules(name: str) -> tuple[BlankRule, ...]:
    """The blank rules of input ``name``: those the figure registry declares, then :data:`RULES`'s."""
    return (*(BlankRule(*rule) for rule in REGISTRY.blank_rules(name)), *RULES.get(name, ()))


def blank_rows(frame: pd.DataFrame, rule: BlankRule) -> pd.Series:
    """Mask of the rows of ``frame`` whose ``rule.column`` is blank (or unknown) where ``rule.when`` is recorded."""
    blank = frame[rule.column].isna() & ~unreadable_in(frame, rule.column)  # an unreadable value has its own warning
    if rule.when is not None:
        blank &= frame[rule.when].notna()
    return blank.astype(bool)


def blank_warnings(name: str, frame: pd.DataFrame, file: str, sheet: str | None = None, heading_of=str) -> list[Problem]:
    """One warning per column of input ``name`` with blanks the rule applies to: where, how many, which figures they leave.

    ``heading_of`` turns a column name into the heading the user sees (Annex A's own headings).
    """
    problems = []
    for rule in rules(name):
        if rule.column not in frame:
            continue
        rows = frame.loc[blank_rows(frame, rule), "_row"]
        if len(rows):
            message = f"blank or Unknown; this row leaves {rule.figures}"
            examples = tuple(int(row) for row in rows.iloc[:3])
            problems.append(Problem(file, message, sheet, examples[0], heading_of(rule.column), len(rows) - 1, examples))
    return problems
