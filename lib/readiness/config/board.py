"""The Board paper's parameters (pack.md version 4): the next visit, the scorecard, the sentinels and the workstreams.

``Params`` inherits :class:`BoardParams`, so these keys sit in the parameters file beside the others.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Optional

import yaml
from pydantic import Field, field_validator

from readiness.paths import notebook_files

from .catalogue import describe, is_indicator
from .param_models import _Strict

SCORECARD_MOST = 25
FIGURES_UNCHECKED = "figures_unchecked"  # validation context: figure ids not checked (no indicator module imported)

DEFAULTS = yaml.safe_load((Path(__file__).parent / "data" / "board_defaults.yaml").read_text(encoding="utf-8"))
DEFAULT_SCORECARD: tuple[str, ...] = tuple(DEFAULTS["scorecard"])
"""pack.md's default scorecard, in its order (``config/data/board_defaults.yaml``: data, so a figure's id is named in
code only where it is declared)."""
DEFAULT_SENTINELS: tuple[str, ...] = tuple(DEFAULTS["sentinels"])
"""pack.md's default sentinels: counts where any number above zero is discussed."""
RETURNS_IN_PLACE_OF: dict[str, str] = dict(DEFAULTS["returns_in_place_of"])
"""The default scorecard's Annex A figures and the statutory returns' figures (DfE's definitions) that take their place."""


class NextVisit(_Strict):
    """Ofsted's next visit: ``{date: 2027-01-20, theme: help_and_protection, title: "Monitoring visit 5"}``."""

    date: date
    theme: Optional[str] = None
    title: Optional[str] = None

    @property
    def theme_words(self) -> str | None:
        """The theme as a reader reads it: ``help_and_protection`` → ``Help and protection``."""
        return self.theme and self.theme.replace("_", " ").strip().capitalize()


class Workstream(_Strict):
    """One workstream of the improvement plan: its title, the sections (notebook stems) and the finding areas it holds."""

    title: str = Field(min_length=1)
    sections: list[str] = Field(default_factory=list)
    areas: list[str] = Field(default_factory=list)

    @field_validator("sections")
    @classmethod
    def _sections_are_notebooks(cls, value: list[str]) -> list[str]:
        stems = section_stems()
        if unknown := [s for s in value if s not in stems]:
            raise ValueError(f"no section is named {', '.join(repr(s) for s in unknown)} (the sections: {', '.join(stems)})")
        return value


def section_stems() -> list[str]:
    """The sections a workstream may name: the notebooks' stems (``02_front_door``), in the pack's order."""
    return [path.stem for path in notebook_files()]


class BoardParams(_Strict):
    """The Board paper's keys of the parameters file."""

    next_visit: Optional[NextVisit] = None
    scorecard: Optional[list[str]] = None  # the Board's chosen figures, in order; None: :data:`DEFAULT_SCORECARD`
    sentinels: Optional[list[str]] = None  # None: :data:`DEFAULT_SENTINELS`
    workstreams: list[Workstream] = Field(default_factory=list)

    @field_validator("scorecard")
    @classmethod
    def _scorecard_is_short(cls, value: list[str] | None) -> list[str] | None:
        if value is not None and len(value) > SCORECARD_MOST:
            raise ValueError(f"names {len(value)} figures; a scorecard holds at most {SCORECARD_MOST} (the rest are in the appendix)")
        return value

    @field_validator("scorecard", "sentinels")
    @classmethod
    def _figures_exist(cls, value: list[str] | None, info) -> list[str] | None:
        if value is None or (info.context and info.context.get(FIGURES_UNCHECKED)):
            return value
        if unknown := [i for i in value if not is_indicator(i)]:
            raise ValueError(f"no indicator has the id {', '.join(repr(i) for i in unknown)}")
        if info.field_name == "sentinels" and (not_counts := [i for i in value if describe(i).kind != "count"]):
            raise ValueError(f"a sentinel is a count; these are not: {', '.join(repr(i) for i in not_counts)}")
        return value


def in_pack(figure_id: str, document: dict) -> bool:
    """Whether a pack (its figures.json ``document``) has the figure: a value, or one it withholds."""
    return document["figures"].get(figure_id) is not None or figure_id in document.get("suppressed", ())


def scorecard_ids(chosen: list[str] | None, document: dict) -> list[str]:
    """The scorecard's figures for a pack (its figures.json ``document``), in order: the Board's own list (``chosen``)
    or :data:`DEFAULT_SCORECARD`, each id the pack has; in the default, a statutory-returns figure the pack has takes
    its Annex A counterpart's place (never shown twice)."""
    if chosen is None:
        chosen = [RETURNS_IN_PLACE_OF[i] if in_pack(RETURNS_IN_PLACE_OF.get(i, ""), document) else i for i in DEFAULT_SCORECARD]
    return [i for n, i in enumerate(chosen) if in_pack(i, document) and i not in chosen[:n]]


def sentinel_ids(chosen: list[str] | None, document: dict) -> list[str]:
    """The sentinels a pack shows: the Board's own (or :data:`DEFAULT_SENTINELS`), each the pack has."""
    return [i for i in (DEFAULT_SENTINELS if chosen is None else chosen) if in_pack(i, document)]
