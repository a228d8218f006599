"""The council's local standards (visiting, review, supervision intervals) in words, with their value: a reader
sees "the local standard of 10 working days", never the parameter that sets it (``pack.md``, version 4, Words)."""

from __future__ import annotations

from .catalogue import describe
from .figures import REGISTRY
from .params import Params

STANDARDS = (
    "supervision_interval_days",
    "cin_seen_interval_days",
    "cp_visit_interval_working_days",
    "cla_visit_interval_days",
    "cla_review_interval_days",
    "pathway_plan_interval_days",
    "care_leaver_contact_interval_days",
    "reaudit_within_days",
)
"""The parameters that set a local standard, each a number of days (working days when the name says so)."""


def standard_days(params: Params, name: str) -> str:
    """A local standard's value with its unit: ``cp_visit_interval_working_days`` 10 → "10 working days"; 1 → "1 day"."""
    if name not in STANDARDS:
        raise ValueError(f"{name} is not a local standard (one of {', '.join(STANDARDS)})")
    days = getattr(params, name)
    unit = "working day" if name.endswith("_working_days") else "day"
    return f"{days:,} {unit}{'' if days == 1 else 's'}"


def label_with_standard(figure_id: str, params: Params) -> str:
    """A figure's label, its local standard given with its value: "Open plans with a visit within the interval (local
    standard: 10 working days)"; a figure its declaration gives no ``standard`` keeps its label."""
    label = describe(figure_id).label
    declared = REGISTRY.find(figure_id)
    if declared is None or declared.standard is None:
        return label
    words = f"(local standard: {standard_days(params, declared.standard)})"
    return label.replace("(local standard)", words) if "(local standard)" in label else f"{label} {words}"
