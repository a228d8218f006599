"""The Board summary's monthly figures to note, made only from what the vital signs show (figures.json's figures and SPC
readings, the targets in force): each figure once, no new number."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Mapping

from .scorecard import reading
from .vitals import VitalSign

VITAL_SIGNS = "#headlines"


@dataclass(frozen=True)
class GlanceLine:
    """One figure to note: its vital-signs row, the section it links to and its one-line reading."""

    row: VitalSign
    href: str
    reading: str


def needs_attention(row: VitalSign) -> bool:
    """Special-cause concern in the latest month, a red rating against the target in force, or limits wholly on the
    wrong side of the target."""
    spc = row.spc or {}
    return spc.get("variation") == "concern" or row.rating == "red" or spc.get("assurance") == "fail"


def is_improving(row: VitalSign) -> bool:
    """Special-cause improvement in the latest month."""
    return (row.spc or {}).get("variation") == "improvement"


def to_note(rows: Iterable[VitalSign], section_slugs: Mapping[str, str]) -> list[GlanceLine]:
    """The figures a Board member should note, each once: those needing attention first, then those improving (and
    needing no attention), in the rows' order; ``section_slugs`` maps a theme to its section's anchor (a theme whose
    section is not in the pack links to the vital signs)."""

    def line(row: VitalSign) -> GlanceLine:
        slug = section_slugs.get(row.indicator.theme)
        spc = row.spc or {}
        return GlanceLine(
            row,
            f"#{slug}" if slug else VITAL_SIGNS,
            reading(spc.get("variation"), spc.get("assurance"), row.rating, monthly=bool(row.sparkline)),
        )

    rows = list(rows)
    return [line(r) for r in rows if needs_attention(r)] + [line(r) for r in rows if is_improving(r) and not needs_attention(r)]


def months_behind(spc: Mapping[str, dict | None]) -> int:
    """The most months any monthly figure's SPC reading rests on (figures.json's ``spc`` ``series``): 0 with none."""
    return max((len(entry.get("series") or {}) for entry in spc.values() if entry), default=0)


def no_improvement_words(months: int) -> str:
    """What a page says when no figure shows special-cause improvement: not "nothing improved", but that no change is
    yet large enough to rule out chance, and over how many months."""
    behind = f" (each monthly figure read over up to {months} months)" if months else ""
    return f"no change large enough to rule out chance yet{behind}"
