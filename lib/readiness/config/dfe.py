"""DfE's published values for a council, its region and its statistical neighbours, from the tables shipped with the
project (``config/data/dfe_comparators.json``, compacted from Explore Education Statistics by
``scripts/compact_dfe_tables.py``; Open Government Licence v3.0).

The statistical-neighbour value is the mean of the ten neighbours' published values that year (DfE's 2025 model;
a neighbour DfE publishes nothing for that year is left out). DfE measures care leavers at their 17th-21st
birthdays: its values stand beside the pack's own care-leaver figures at the snapshot with that said.
"""

from __future__ import annotations

import json
from datetime import date
from functools import lru_cache
from pathlib import Path

from .published import Comparisons, Published

DATA = Path(__file__).parent / "data" / "dfe_comparators.json"
OGL = "Open Government Licence v3.0"
AT_THE_BIRTHDAY = "DfE measures at the birthday; the pack's figure is at the snapshot"
AT_AGES = ".dfe."  # the segment of DfE's own care-leaver ids (measured at the birthday) the pack's own ids lack


@lru_cache(maxsize=1)
def tables() -> dict:
    """The compact tables, read once."""
    return json.loads(DATA.read_text(encoding="utf-8"))


def council(la_code: str) -> dict:
    """A council's code, name, region and neighbours; :class:`ValueError` naming a code DfE does not publish."""
    found = tables()["councils"].get(str(la_code))
    if found is None:
        raise ValueError(f"la_code {la_code}: DfE publishes no council with this code (three digits, e.g. 340)")
    return {**found, "code": str(la_code)}


def year_by(years: dict, period_end: date) -> tuple[str, dict] | None:
    """The latest year whose period ends on or before ``period_end``, or ``None``."""
    qualifying = [(label, year) for label, year in years.items() if date.fromisoformat(year["end"]) <= period_end]
    return max(qualifying, key=lambda item: item[1]["end"]) if qualifying else None


def neighbours_mean(year: dict, neighbours: list[str]) -> float | None:
    """The mean of the neighbours' values published that year."""
    values = [year["las"][code] for code in neighbours if code in year["las"]]
    return sum(values) / len(values) if values else None


def figure_values(entry: dict, home: dict, la_code: str, period_end: date) -> dict[str, Published]:
    """One figure's England, region, neighbours and council values for the year that qualifies."""
    found = year_by(entry["years"], period_end)
    if found is None:
        return {}
    label, year = found
    source = f"{entry['source']} ({OGL})"
    values = {
        "england": year["england"],
        "region": year["regions"].get(home["region"]),
        "statistical_neighbours": neighbours_mean(year, home["neighbours"]),
        "la_published": year["las"].get(str(la_code)),
    }
    return {group: Published(value, label, source) for group, value in values.items() if value is not None}


def dfe_values(la_code: str, period_end: date) -> Comparisons:
    """Every figure DfE publishes for the council ``la_code``, with the care leavers' values also beside the pack's
    own age figures (``care_leavers.age_19_21.eet_share`` beside ``care_leavers.dfe.age_19_21.eet_share``)."""
    home = council(la_code)
    result = {}
    for figure_id, entry in tables()["figures"].items():
        values = figure_values(entry, home, la_code, period_end)
        if values:
            result[figure_id] = values
            if AT_AGES in figure_id:  # a care leavers' share at DfE's ages: also beside the pack's own at those ages
                result[figure_id.replace(AT_AGES, ".", 1)] = {
                    group: Published(v.value, v.year, f"{v.source}; {AT_THE_BIRTHDAY}") for group, v in values.items()
                }
    return result
