"""What a notebook displays: tables with captions, charts as SVG with alt text, and narrative through the sanitiser;
column headings in plain words."""

from __future__ import annotations

from html import escape

import pandas as pd
from IPython.display import HTML, display

from readiness.indicators.tables import Roles
from readiness.safetext import markdown_html

from . import charts
from .formatting import format_value

NOT_COVERED_TEXT = "not covered"
MANY_COLUMNS = 12  # columns beside the rows' heading from which a printed table's headings may break inside a word
CODED_INDEXES = ("domain", "audit_type", "outcome", "agency", "auditor_role")
LABELS = {
    # the denominators of the blank-value rule: rows where the value a share needs is recorded
    "nfa_recorded": "NFA recorded",
    "outcome_recorded": "Outcome recorded",
    "previous_recorded": "Previous plans recorded",
    "participation_recorded": "Worker participation recorded",
    "statutory_known": "All three partners known",
    "attendance_recorded": "Attendance recorded",
    "invited_recorded": "Invitation recorded",
    "invited_attended": "Attended when invited",
    "invited_attended_share": "Attended when invited (%)",
    "reaudits": "Re-audits",
    "reaudits_share": "Re-audits (%)",
    "requires_improvement": "Requires improvement",
    "good_or_better": "Good or better",
    "good_or_better_share": "Good or better (%)",
    "within_45": "Within 45 working days",
    "within_45_share": "Within 45 working days (%)",
    "median_working_days": "Median working days",
    "worker_participated": "Done with the worker",
    "worker_participated_share": "Done with the worker (%)",
    "statutory_partners": "All statutory partners present",
    "statutory_partners_share": "All statutory partners present (%)",
    "count": "Number",
    "count_share": "Share of all (%)",
    "nfa": "No further action",
    "nfa_share": "No further action (%)",
    "s47": "Section 47 enquiries",
    "icpcs": "ICPCs",
    "icpcs_timed": "ICPCs with valid dates",
    "mean_per_fte": "Children per case-holding FTE",
    # caseloads against agency staffing: List 6's children and their workers beside HR's headcounts
    "children_held": "Children in need held (List 6)",
    "case_holders": "Workers holding them (headcount)",
    "social_workers": "Social workers (headcount)",
    "agency_workers": "Agency workers (headcount)",
    "agency_share": "Agency share of FTE (%)",
    "workers_share": "Share of workers (%)",
    "before_graded": "Graded, 8 weeks before",
    "before_good_or_better": "Good or better, 8 weeks before",
    "before_share": "Good or better, 8 weeks before (%)",
    "after_graded": "Graded, 8 weeks after",
    "after_good_or_better": "Good or better, 8 weeks after",
    "after_share": "Good or better, 8 weeks after (%)",
    # issue 12: front-door decisions, re-referrals, assessment outcomes, early help, adoption
    "timely": "Within one working day",
    "timely_share": "Within one working day (%)",
    "timed": "With both times recorded",
    "within_24_hours": "Within 24 hours",
    "within_24_hours_share": "Within 24 hours (%)",
    "decided_share": "Share of decisions (%)",
    "status_known": "Re-referral known",
    "rereferral": "Re-referrals (DfE)",
    "rereferral_share": "Re-referrals, DfE's rate (%)",
    "outcome_known": "Outcome recorded",
    "no_support": "No need for support",
    "no_support_share": "No need for support (%)",
    "median_days": "Median days to complete",
    "a1_timed": "With both A1 dates",
    "a1_within": "A1 within 426 days",
    "a1_within_share": "A1 within 426 days (%)",
    "a2_timed": "With both A2 dates",
    "a2_within": "A2 within 121 days",
    "a2_within_share": "A2 within 121 days (%)",
    # children in care and care leavers
    "iro_contact": "IRO contact",
    "iro_contact_share": "IRO contact (%)",
    "eet": "In education, employment or training",
    "eet_share": "In education, employment or training (%)",
    "neet": "Not in education, employment or training",
    "neet_share": "Not in education, employment or training (%)",
    "not_required": "No longer requires services",
    "returned_home": "Returned home",
    "refused": "Refused contact",
}


def column_label(name: str) -> str:
    """A column heading in plain words: ``attended_police`` → ``Attended police``."""
    name = str(name)
    if name in LABELS:
        return LABELS[name]
    text = name.replace("_share", " (%)").replace("_", " ")
    return text[:1].upper() + text[1:]


def format_by_role(safe: pd.DataFrame, roles: Roles) -> pd.DataFrame:
    """A Board-safe table as text, each column written for its role: counts "1,234", shares "44%", days "17", others "16.3"."""
    kinds = {c: "count" for c in [*roles.counts, roles.total]}
    kinds.update({c: "share" for c in [*roles.shares, *roles.share_of_total]})
    return pd.DataFrame({c: [format_value(v, kinds.get(c, "number"), str(c)) for v in safe[c]] for c in safe.columns}, index=safe.index)


def chart_columns(values: pd.DataFrame, columns: str | list[str] | None) -> pd.DataFrame | pd.Series:
    """What a chart draws of a table's values: one column as a series, several headed in words (for a legend), or all as they are."""
    if columns is None:
        return values
    if isinstance(columns, str):
        return values[columns]
    return values[list(columns)].rename(columns=column_label)


def show_table(table: pd.DataFrame, caption: str) -> None:
    """Display a table (already Board-safe and formatted) with its caption; the rows' heading (the index's name) heads
    their column in the one heading row."""
    classes = ["data", "many-columns"] if table.shape[1] >= MANY_COLUMNS else ["data"]
    html = one_heading_row(table).to_html(border=0, classes=classes, escape=True)
    opening, rest = html.split(">", 1)
    display(HTML(f"{opening}><caption>{escape(caption)}</caption>{rest}"))


def one_heading_row(table: pd.DataFrame) -> pd.DataFrame:
    """``table`` with its index's name as the columns' name, which HTML shows at the head of the rows' column in the
    columns' heading row instead of in a second heading row (a table with one level of columns and no columns' name)."""
    if table.index.name is None or table.columns.nlevels > 1 or table.columns.name is not None:
        return table
    return table.rename_axis(index=None, columns=table.index.name)


def show_chart(fig, alt: str) -> None:
    """Display a chart as an embedded SVG image with alt text."""
    display(HTML(charts.to_html(fig, alt)))


def say(text: str) -> None:
    """Display narrative or commentary (Markdown) through the sanitiser, so no markup in it runs; empty text displays nothing."""
    if text and text.strip():
        display(HTML(markdown_html(text)))
