"""*At a glance*: the one printed page a Board member reads first, made only from what the vital signs show
(figures.json's figures and SPC readings, the targets in force): no new number."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Mapping

from .vitals import VitalSign

VITAL_SIGNS = "#headlines"


@dataclass(frozen=True)
class GlanceLine:
    """One figure on the page: its name, value as shown, target, rating, icons and the section it links to."""

    row: VitalSign
    href: str


@dataclass(frozen=True)
class AtAGlance:
    """What has improved, what needs the Board's attention, what will not meet its target without change, and the
    sections without data."""

    improving: list[GlanceLine] = field(default_factory=list)
    attention: list[GlanceLine] = field(default_factory=list)
    will_fail: list[GlanceLine] = field(default_factory=list)
    no_data: list[str] = field(default_factory=list)


def needs_attention(row: VitalSign) -> bool:
    """Special-cause concern in the latest month, or a red rating against the target in force."""
    return (row.spc or {}).get("variation") == "concern" or row.rating == "red"


def at_a_glance(rows: Iterable[VitalSign], section_slugs: Mapping[str, str], missing_sections: list[str]) -> AtAGlance:
    """The page from the vital-signs rows; ``section_slugs`` maps a theme to its section's anchor (a theme whose
    section is not in the pack links to the vital signs)."""
    def line(row: VitalSign) -> GlanceLine:
        slug = section_slugs.get(row.indicator.theme)
        return GlanceLine(row, f"#{slug}" if slug else VITAL_SIGNS)

    rows = list(rows)
    return AtAGlance(
        improving=[line(r) for r in rows if (r.spc or {}).get("variation") == "improvement"],
        attention=[line(r) for r in rows if needs_attention(r)],
        will_fail=[line(r) for r in rows if (r.spc or {}).get("assurance") == "fail"],
        no_data=list(missing_sections),
    )
