"""Every headline figure's id, plain-English label, kind and better direction (``indicators.md``), read from the
figure registry (:mod:`.figures`: declared on the indicator functions), and the phrases a page names a figure by."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .figures import REGISTRY, Declared


@dataclass(frozen=True)
class Indicator:
    """How to name, format and rate one headline figure."""

    id: str
    label: str
    kind: str  # count, share, number or rate
    better: str | None  # higher, lower or None (no direction, no RAG)
    theme: str


def catalogue() -> tuple[Indicator, ...]:
    """Every headline figure with a fixed id, in the registry's order (a closed family's members each)."""
    return _catalogue()


@cache
def _catalogue() -> tuple[Indicator, ...]:
    entries = []
    for d in REGISTRY.declared():
        if d.series or (d.family and d.members is None):
            continue
        if d.family:
            entries += [Indicator(f"{d.id}.{name}", d.label.format(m.words), d.kind, m.better, d.theme) for name, m in d.members.items()]
        else:
            entries.append(Indicator(d.id, d.label, d.kind, d.better, d.theme))
    return tuple(entries)


@cache
def _by_id() -> dict[str, Indicator]:
    return {indicator.id: indicator for indicator in catalogue()}


@cache
def _places() -> dict[str, int]:
    """Each catalogued id's place; an open family's (by its prefix) is that of the entry declared after it."""
    places: dict[str, int] = {}
    entries = 0
    for d in REGISTRY.declared():
        if d.family and d.members is None:
            places[d.id] = entries
        elif not d.series:
            for figure_id in d.member_ids() if d.family else (d.id,):
                places[figure_id] = entries
                entries += 1
    return places


BREAKDOWN = ".by_"
"""Ids with this segment are a figure's breakdown (``referrals.rereferral_share.by_team.<team>``), shown in its section."""
TABLE_FAMILIES = ("equality.",)
"""Families shown only as their section's tables (``equality.<stage>.<dimension>.<group>``)."""


def is_shown(figure_id: str) -> bool:
    """Whether the vital signs show ``figure_id``: not a figure kept for continuity (declared ``shown=False``), nor a
    breakdown's cell."""
    return not REGISTRY.kept_for_continuity(figure_id) and BREAKDOWN not in figure_id and not figure_id.startswith(TABLE_FAMILIES)


def order(figure_id: str) -> tuple[int, str]:
    """A figure's place in the catalogue, then its id: an open family's members at the family's place, in id
    order before the entry declared after it; ids not catalogued last."""
    family = _open_family(figure_id)
    place = _places()[family.id] if family is not None else _places().get(figure_id, len(_places()))
    return (place, figure_id)


def is_indicator(figure_id: str) -> bool:
    """Whether ``figure_id`` names a headline figure: a catalogued id, or a member of a family whose members the data
    names (``audits.domain_good_or_better_share.<domain>``, one per ``domain_<name>`` column of the audits)."""
    return figure_id in _by_id() or _open_family(figure_id) is not None


def _open_family(figure_id: str) -> Declared | None:
    declared = REGISTRY.find(figure_id)
    return declared if declared is not None and declared.family and declared.members is None else None


def describe(figure_id: str) -> Indicator:
    """The catalogue entry for an id; a member of an open family is described from its name, other ids from theirs."""
    if figure_id in _by_id():
        return _by_id()[figure_id]
    family = _open_family(figure_id)
    if family is not None:
        words = figure_id.rsplit(".", 1)[1].replace("_", " ")
        return Indicator(figure_id, family.label.format(words), family.kind, family.better, family.theme)
    return Indicator(figure_id, figure_id, kind_from_id(figure_id), None, "Other")


def kind_from_id(figure_id: str) -> str:
    """An uncatalogued id's kind from its name: ``…share…`` or ``…_rate`` a share, ``…rate_per_10k`` a rate,
    ``….ratio`` a number, else a count."""
    if figure_id.endswith("rate_per_10k"):
        return "rate"
    if figure_id.endswith(".ratio"):
        return "number"
    return "share" if "share" in figure_id or figure_id.endswith("_rate") else "count"


def phrase(figure_id: str, where: str) -> str:
    """How a page names a figure ``where`` is ``"sentence"`` (a headline sentence) or ``"chart"`` (a chart's title):
    the phrase its declaration gives for it, else its label."""
    declared = REGISTRY.find(figure_id)
    given = None if declared is None else {"sentence": declared.in_sentence, "chart": declared.on_chart}[where]
    return given or describe(figure_id).label


ID = r"\b[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+\b"
"""A figure id as text writes it: dotted lowercase words (``assessments.child_seen_share``)."""


def figure_name(figure_id: str) -> str:
    """A figure as a reader knows it: its label; a monthly series as its headline's label ", by month"; a family
    (``audits.grade_share``) as its label with "…" for the member. Never the id, unless nothing declares it."""
    declared = REGISTRY.find(figure_id)
    if declared is not None and declared.id == figure_id and declared.series:
        return f"{figure_name(figure_id.replace('.monthly', '', 1))}, by month"
    if declared is not None and declared.id == figure_id and declared.family:
        return declared.label.format("…")
    return describe(figure_id).label


def in_words(text: str) -> str:
    """``text`` with every declared figure id in it written as its name (:func:`figure_name`), starting lower case
    ("ICPCs …" stays): "this row leaves assessments.child_seen_share" → "this row leaves assessments where …"."""

    def named(match: re.Match) -> str:
        found = match.group()
        if REGISTRY.find(found) is None:
            return found
        name = figure_name(found)
        return name if name[1:2].isupper() else name[:1].lower() + name[1:]

    return re.sub(ID, named, text)
