"""Which withheld values a reader can work out from published ones, and what to withhold so none is.

Disclosure control withholds small numbers cell by cell; a reader can still rebuild one from
the numbers around it: a share times its published denominator, a group less its other parts,
a total less the bands under it. Values are tied by two kinds of relation, declared once (in
:mod:`readiness.disclosure.relations` for a pack):

* :class:`Sum`: ``total`` = the sum of ``parts``;
* :class:`Ratio`: ``share`` = ``numerator`` ÷ ``denominator`` (an exact share, as figures.json has it).

:func:`derivable` solves every relation with exactly one unknown, again and again, and returns
each withheld value it reaches with the published values that gave it away; :func:`withhold_until_safe`
withholds one of those (a share before a count, the smallest first) until nothing is reached.
Only the pattern of what is known matters, not the values, except that a share of 0 does not
give its denominator and a denominator of 0 does not give a share.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Iterable, Mapping

log = logging.getLogger("readiness")


@dataclass(frozen=True)
class Sum:
    """``total`` = sum of ``parts`` (audits = outstanding + good + requires improvement + inadequate)."""

    total: str
    parts: tuple[str, ...]

    def solve(self, known: set[str], values: Mapping[str, float]) -> list[tuple[str, tuple[str, ...]]]:
        """The one unknown member, if exactly one, with the members that give it."""
        members = (self.total, *self.parts)
        unknown = [m for m in members if m not in known]
        if len(unknown) != 1:
            return []
        return [(unknown[0], tuple(m for m in members if m != unknown[0]))]


@dataclass(frozen=True)
class Ratio:
    """``share`` = ``numerator`` ÷ ``denominator``."""

    share: str
    numerator: str
    denominator: str

    def solve(self, known: set[str], values: Mapping[str, float]) -> list[tuple[str, tuple[str, ...]]]:
        """The one unknown member, if exactly one and it follows (no division by zero), with the members that give it."""
        share, numerator, denominator = (m in known for m in (self.share, self.numerator, self.denominator))
        if share and denominator and not numerator:
            return [(self.numerator, (self.share, self.denominator))]
        if share and numerator and not denominator and values.get(self.share):
            return [(self.denominator, (self.share, self.numerator))]
        if numerator and denominator and not share and values.get(self.denominator):
            return [(self.share, (self.numerator, self.denominator))]
        return []


Relation = Sum | Ratio


def derivable(relations: Iterable[Relation], values: Mapping[str, float], published: Iterable[str]) -> dict[str, frozenset[str]]:
    """Every value not in ``published`` that the relations give, with the published values it follows from.

    ``values`` holds every value a relation names (a missing one counts as unknown and is never
    derived). A relation that has exactly one unknown gives it; what it gives counts as known for
    the next round, until a round gives nothing new.
    """
    relations = [r for r in relations if _members(r) <= values.keys()]
    support: dict[str, frozenset[str]] = {name: frozenset([name]) for name in published if name in values}
    derived: dict[str, frozenset[str]] = {}
    changed = True
    while changed:
        changed = False
        for relation in relations:
            for name, givers in relation.solve(set(support), values):
                support[name] = derived[name] = frozenset().union(*(support[g] for g in givers))
                changed = True
    return derived


def withhold_until_safe(
    relations: Iterable[Relation],
    values: Mapping[str, float],
    published: Iterable[str],
    secret: Iterable[str],
    choosable: Iterable[str],
    is_share=lambda name: False,
) -> set[str]:
    """The published values to withhold as well, so that no ``secret`` value can be derived.

    ``secret`` values are those withheld somewhere (a small count, a secondary cell); a value
    neither published nor secret (a large count no output shows) may be derived. Only
    ``choosable`` values (those one output alone publishes, e.g. figures.json) may be withheld;
    the others (cells a table shows) stay. Each round takes the first derived secret value (in
    name order) and withholds one published choosable value it follows from: a share before a
    count (``is_share``), then the smallest value, then the first name. A secret that follows
    from values none of which may be withheld is logged as a warning and left to its table.
    """
    relations, published, secret, choosable = list(relations), set(published), set(secret), set(choosable)
    extra: set[str] = set()
    while exposed := {n: s for n, s in derivable(relations, values, published).items() if n in secret}:
        name = min(exposed)
        candidates = sorted(exposed[name] & choosable)
        if not candidates:
            log.warning(
                "disclosure: %s follows from %s, none of which figures.json publishes alone", name, ", ".join(sorted(exposed[name]))
            )
            secret.discard(name)
            continue
        chosen = min(candidates, key=lambda c: (not is_share(c), values[c], c))
        published.discard(chosen)
        extra.add(chosen)
    return extra


def _members(relation: Relation) -> set[str]:
    if isinstance(relation, Sum):
        return {relation.total, *relation.parts}
    return {relation.share, relation.numerator, relation.denominator}
