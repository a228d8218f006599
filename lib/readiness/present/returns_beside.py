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

from .formatting import format_value

CARE_PAIRS = (
    ((care.THREE_PLUS,), returns_care.stability_three_plus_share.figure_id),
    ((care.long_term_stability.figure_id,), returns_care.long_term_stability_share.figure_id),
)
OWN_LEAVER_SHARES = {"in_touch_share": care_leavers.IN_TOUCH_SHARE, "suitable_accommodation_share": care_leavers.SUITABLE_SHARE, "eet_share": care_leavers.EET_SHARE}
AGE_FAMILIES = {f"{low}_{high}": family for family, (low, high) in care_leavers.DFE_AGES.items()}
"""The pack's own care-leaver families at DfE's ages, by the ages' key (``17_18``)."""
CARE_LEAVER_PAIRS = tuple(((f"{AGE_FAMILIES[ages]}.{figure}", OWN_LEAVER_SHARES[figure]), dfe) for (ages, figure), dfe in returns_care.LEAVER_SHARES.items())
WORKFORCE_PAIRS = (((), returns_workforce.vacancy_rate.figure_id), ((), returns_workforce.absence_rate.figure_id))
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

