"""The statutory returns' figures on DfE's definitions, beside the pack's own snapshot figures, with the return's year.

A Board compares a pack's own figure (from Annex A, at the snapshot) with DfE's (from the return, for its year);
the two answer different questions, so they sit in one small table, never in each other's place.
"""
from __future__ import annotations

from typing import Mapping, Sequence

import pandas as pd

from readiness.config.catalogue import describe
from readiness.disclosure.control import SUPPRESSED, is_disclosive
from readiness.indicators.figure import Figure
from readiness.indicators.returns_alone import NOT_IN_RETURNS, NOT_IN_RETURNS_TEXT

from .formatting import format_value

CARE_PAIRS = (
    (("cla.three_plus_placements_share",), "cla.dfe_stability_three_plus_share"),
    (("cla.long_term_stability_share",), "cla.dfe_long_term_stability_share"),
)
CARE_LEAVER_PAIRS = tuple(
    ((f"care_leavers.age_{ages}.{figure}", f"care_leavers.{figure}"), f"care_leavers.dfe.age_{ages}.{figure}")
    for ages in ("17_18", "19_21")
    for figure in ("in_touch_share", "suitable_accommodation_share", "eet_share")
)
WORKFORCE_PAIRS = (((), "workforce.vacancy_rate"), ((), "workforce.absence_rate"))
NOT_IN_PACK = "not in Annex A or the extracts"


def figure_text(figure: Figure | None, kind: str, threshold: int) -> str:
    """A figure as a table cell: its value, ``[c]`` when withheld, ``no records`` when it has none."""
    if figure is None:
        return NOT_IN_PACK
    if figure.value is None:
        return "no records"
    if is_disclosive(figure, threshold):
        return SUPPRESSED
    return format_value(figure.value, kind)


def beside_returns(figures: Mapping[str, object], pairs: Sequence[tuple[tuple[str, ...], str]], threshold: int, year: str) -> pd.DataFrame:
    """One row per DfE figure the pack has: its label, the pack's own figure (the first of its ids the pack has, labelled
    with that figure's own words) and DfE's for ``year`` (``2024-25``, ``Sept 2025``)."""
    rows = []
    for own_ids, dfe_id in pairs:
        if dfe_id not in figures:
            continue
        own = next((i for i in own_ids if i in figures), None)
        dfe = describe(dfe_id)
        rows.append({
            "Measure": dfe.label,
            "This pack (Annex A, at the snapshot)": NOT_IN_PACK if own is None else f"{figure_text(figures[own], dfe.kind, threshold)} ({describe(own).label.lower()})",
            f"DfE's definition ({year})": figure_text(figures[dfe_id], dfe.kind, threshold),
        })
    return pd.DataFrame(rows).set_index("Measure") if rows else pd.DataFrame()


RETURN_NAMES = {"cin_census": "the CIN census", "ssda903": "the SSDA903 (children looked after)", "csww": "the workforce census"}


def _years(name: str, years: list[int]) -> str:
    label = (lambda y: f"Sept {y}") if name == "csww" else (lambda y: f"{y - 1}-{str(y)[2:]}")
    return label(years[0]) if len(years) == 1 else f"{label(years[0])} to {label(years[-1])}"


def returns_given(years: Mapping[str, list[int]], alone: bool) -> str:
    """A sentence naming each return given with its years, and whether Annex A was given beside them."""
    named = [f"{RETURN_NAMES[name]} for {_years(name, found)}" for name, found in years.items()]
    listed = named[0] if len(named) == 1 else ", ".join(named[:-1]) + " and " + named[-1]
    tail = "no Annex A was given, so this pack is built from the returns alone." if alone else "they sit beside Annex A."
    return f"This pack reads {listed}; {tail}"


def not_in_returns(figures: Mapping[str, object]) -> str:
    """A Markdown list of the figures a pack from the returns alone cannot give, grouped by what the returns lack."""
    missing: dict[str, list[str]] = {}
    for figure_id, lacking in NOT_IN_RETURNS.items():
        if figure_id in figures:
            label = describe(figure_id).label
            missing.setdefault(lacking, []).append(label if label[:2].isupper() else label[0].lower() + label[1:])
    lines = [f"- {lacking[0].upper() + lacking[1:]}: {'; '.join(labels)} ({NOT_IN_RETURNS_TEXT})." for lacking, labels in missing.items()]
    return "These figures need what the returns do not hold, so they are left empty, never 0 % or 100 %:\n" + "\n".join(lines)
