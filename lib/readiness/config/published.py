"""A value published by someone else (DfE, the user's comparators file) that a figure is compared with."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Published:
    """One published value on the figure's own scale (a share as a fraction), its year as DfE labels it, and its source."""

    value: float
    year: str
    source: str


Comparisons = dict[str, dict[str, Published]]
"""Per figure id, per group (``england``, ``region``, ``statistical_neighbours``, ``la_published``), a value."""
