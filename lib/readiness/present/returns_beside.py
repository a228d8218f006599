"""The statutory returns' figures on DfE's definitions, beside the pack's own snapshot figures, with the return's year.

A Board compares a pack's own figure (from Annex A, at the snapshot) with DfE's (from the return, for its year);
the two answer different questions, so they sit in one small table, never in each other's place.
"""

from __future__ import annotations

from typing import Mapping, Sequence

import pandas as pd

from readiness.config.catalogue import describe
from readiness.disclosure.control import SUPPRESSED, is_disclosive
from readiness.indicators import care, care_leavers, returns_care, returns_workforce
from readiness.indicators.figure import Figure
from readiness.indicators.returns_alone import NOT_IN_RETURNS_TEXT

from .formatting import format_value

CARE_PAIRS = (
    ((care.THREE_PLUS,), returns_care.stability_three_plus_share.figure_id),
    ((care.long_term_stability.figure_id,), returns_care.long_term_stability_share.figure_id),
)
OWN_LEAVER_SHARES = {
    "in_touch_share": care_leavers.IN_TOUCH_SHARE,
    "suitable_accommodation_share": care_leavers.SUITABLE_SHARE,
    "eet_share": care_leavers.EET_SHARE,
}
AGE_FAMILIES = {f"{low}_{high}": family for family, (low, high) in care_leavers.DFE_AGES.items()}
"""The pack's own care-leaver families at DfE's ages, by the ages' key (``17_18``)."""
CARE_LEAVER_PAIRS = tuple(
    ((f"{AGE_FAMILIES[ages]}.{figure}", OWN_LEAVER_SHARES[figure]), dfe) for (ages, figure), dfe in returns_care.LEAVER_SHARES.items()
)
WORKFORCE_PAIRS = (((), returns_workforce.vacancy_rate.figure_id), ((), returns_workforce.absence_rate.figure_id))
NOT_IN_PACK = "not in Annex A or the extracts"
OWN_COLUMN = "This pack (Annex A, at the snapshot)"


def figure_text(figure: Figure | None, kind: str, threshold: int) -> str:
    """A figure as a table cell: its value, ``[c]`` when withheld, ``no records`` when it has none."""
    if figure is None:
        return NOT_IN_PACK
    if figure.value is None:
        return "no records"
    if is_disclosive(figure, threshold):
        return SUPPRESSED
    return format_value(figure.value, kind)


def beside_returns(
    figures: Mapping[str, object], pairs: Sequence[tuple[tuple[str, ...], str]], threshold: int, year: str, with_own: bool = True
) -> pd.DataFrame:
    """One row per DfE figure the pack has: its label, the pack's own figure (the first of its ids the pack has, labelled
    with that figure's own words; not with ``with_own`` false, for a pack from the returns alone) and DfE's for ``year``
    (``2024-25``, ``Sept 2025``)."""
    rows = []
    for own_ids, dfe_id in pairs:
        if dfe_id not in figures:
            continue
        own = next((i for i in own_ids if i in figures), None)
        dfe = describe(dfe_id)
        rows.append(
            {
                "Measure": dfe.label,
                OWN_COLUMN: NOT_IN_PACK
                if own is None
                else f"{figure_text(figures[own], dfe.kind, threshold)} ({describe(own).label.lower()})",
                f"DfE's definition ({year})": figure_text(figures[dfe_id], dfe.kind, threshold),
            }
        )
    table = pd.DataFrame(rows).set_index("Measure") if rows else pd.DataFrame()
    return table if with_own or table.empty else table.drop(columns=OWN_COLUMN)


RETURN_NAMES = {"cin_census": "the CIN census", "ssda903": "the SSDA903 (children looked after)", "csww": "the workforce census"}


def _years(name: str, years: list[int]) -> str:
    label = returns_workforce.census_label if name == "csww" else returns_care.year_label
    return label(years[0]) if len(years) == 1 else f"{label(years[0])} to {label(years[-1])}"


def returns_given(years: Mapping[str, list[int]]) -> str:
    """A sentence naming each statutory return a pack from the returns alone reads, with its years."""
    named = [f"{RETURN_NAMES[name]} for {_years(name, found)}" for name, found in years.items()]
    listed = named[0] if len(named) == 1 else ", ".join(named[:-1]) + " and " + named[-1]
    return f"This pack reads {listed}; no Annex A was given, so it is built from the returns alone."


def not_in_returns(figures: Mapping[str, object], lacking: Mapping[str, str]) -> str:
    """A Markdown list of the pack's figures the returns cannot give (``lacking``: what the returns lack for each, by id),
    grouped by what they lack, each labelled from its declaration."""
    missing: dict[str, list[str]] = {}
    for figure_id, words in lacking.items():
        if figure_id in figures:
            label = describe(figure_id).label
            missing.setdefault(words, []).append(label if label[:2].isupper() else label[0].lower() + label[1:])
    lines = [f"- {words[0].upper() + words[1:]}: {'; '.join(labels)} ({NOT_IN_RETURNS_TEXT})." for words, labels in missing.items()]
    return "These figures need what the returns do not hold, so they are left empty, never 0 % or 100 %:\n" + "\n".join(lines)


def fed_only(figure_ids: Sequence[str], lacking: Mapping[str, str]) -> tuple[str, ...]:
    """``figure_ids`` less those a pack from the returns alone cannot feed (``lacking``: listed on their own, with why)."""
    return tuple(figure_id for figure_id in figure_ids if figure_id not in lacking)
