"""The figure registry: each figure's facts, declared once, on the indicator function that computes it.

A theme module binds a :class:`Theme` and decorates its functions::

    audit = Theme("Case audits", reads=("case_audits.audit_date",))

    @audit.headline("audits.good_or_better_share", "Audits graded good or better", "share", H,
                    reads=GRADES_READ, denominator="audits.count", sum_of=numerators(...))
    def good_or_better_share(audits, period) -> Figure: ...

The declaration holds the id, label, kind, better direction, the columns read (``<input>.<column>``:
an unreadable value there leaves the figure, and a column no figure reads is unused), the
denominator and the counts it is the sum of (disclosure relations), the blank rule, and the
phrases a page may use instead of the label. A family (``audits.grade_share.<grade>``) and a monthly
series are declared the same way. The catalogue (:mod:`.catalogue`), the column links
(:mod:`readiness.inputs.schema`), the blank rules (:mod:`readiness.inputs.blanks`) and the disclosure
relations (:mod:`readiness.disclosure.relations`) are read from here.

This module is plain data, so every stage may read it; the decorators fill :data:`REGISTRY` when the
indicator modules are imported, and :mod:`readiness.indicators.themes` closes it once every theme module
is. Reading it before then is an error, never a silent half-registry (``docs/decisions.md``).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import Callable, Mapping, Sequence

H, L, N = "higher", "lower", None
PARTS_SEP = ", "


def numerator(figure_id: str) -> str:
    """The name of a share's numerator in the disclosure relations (``audits.grade_share.good:numerator``)."""
    return f"{figure_id}:numerator"


GROUPED = ("audits.routine",)
"""Prefixes of two segments whose monthly series insert ``monthly`` after both (``audits.routine.monthly.x``)."""


def monthly_id(figure_id: str) -> str:
    """The id of a figure's monthly series: ``audits.good_or_better_share`` → ``audits.monthly.good_or_better_share``;
    ``audits.routine.good_or_better_share`` → ``audits.routine.monthly.good_or_better_share``."""
    for prefix in GROUPED:
        if figure_id.startswith(f"{prefix}."):
            return f"{prefix}.monthly.{figure_id.removeprefix(f'{prefix}.')}"
    return figure_id.replace(".", ".monthly.", 1)


@dataclass(frozen=True)
class Blank:
    """A column (``<input>.<column>``) whose blank or Unknown value leaves the figures that declare it; ``leaves``
    says which in words (default: their ids), and only rows where column ``when`` is recorded are counted."""

    column: str
    leaves: str | None = None
    when: str | None = None


@dataclass(frozen=True)
class Member:
    """One member of a closed family: the words it adds to the family's label, and its better direction."""

    words: str
    better: str | None


@dataclass(frozen=True)
class Declared:
    """One figure, family or monthly series, as its indicator function declares it.

    A family's ``id`` is the prefix of its members' ids (``audits.grade_share``); its ``label`` has a
    ``{}`` for the member's words; ``members`` lists a closed family's members, ``None`` for an open
    family whose members the data names (one per practice domain). ``in_sentence`` and ``on_chart``
    are the phrases a headline sentence and a chart title use instead of the label.
    """

    id: str
    label: str
    kind: str
    better: str | None
    theme: str
    reads: tuple[str, ...] = ()
    denominator: str | None = None
    sum_of: tuple[str, ...] = ()
    blank: tuple[Blank, ...] = ()
    in_sentence: str | None = None
    on_chart: str | None = None
    family: bool = False
    members: Mapping[str, Member] | None = None
    series: bool = False
    shown: bool = True  # False: kept in figures.json for continuity, not shown (version 4 replaced it)
    standard: str | None = None  # the parameter setting its local standard (``cin_seen_interval_days``): its label gives the value
    base: str | None = None  # what a share's "(of N)" counts when not what the value measures: "social workers, by headcount"
    module: str = ""

    def member_ids(self) -> tuple[str, ...]:
        """A closed family's ids, in member order."""
        return tuple(f"{self.id}.{name}" for name in self.members or {})


class Registry:
    """The declarations, in the order the theme modules are listed (``close``), each module's as it declares them."""

    def __init__(self) -> None:
        self._declared: list[Declared] = []
        self._closed: tuple[Declared, ...] | None = None

    def declare(self, declared: Declared) -> None:
        """Add one declaration (the decorators of :class:`Theme` do)."""
        if self._closed is not None:
            raise RuntimeError(
                f"{declared.id} is declared after the figure registry was closed: list {declared.module} in readiness.indicators.themes"
            )
        self._declared.append(declared)

    def close(self, modules: Sequence[str]) -> None:
        """End the declarations; ``modules`` (every theme module, by name) give the order. An id declared twice,
        or in a module not listed, is an error."""
        place = {module: i for i, module in enumerate(modules)}
        unlisted = sorted({d.module for d in self._declared} - place.keys())
        ids = [d.id for d in self._declared]
        twice = sorted({i for i in ids if ids.count(i) > 1})
        if unlisted or twice:
            raise RuntimeError(f"figure registry: modules not listed {unlisted}, ids declared twice {twice}")
        self._closed = tuple(sorted(self._declared, key=lambda d: place[d.module]))
        self._by_id = {d.id: d for d in self._closed}
        readers: dict[str, list[str]] = {}
        for d in self._closed:
            for column in d.reads:
                readers.setdefault(column, []).append(d.id)
        self._readers = {column: tuple(dict.fromkeys(ids)) for column, ids in readers.items()}

    def declared(self) -> tuple[Declared, ...]:
        """Every declaration, in order; an error before ``close``."""
        if self._closed is None:
            raise RuntimeError("the figure registry is read before readiness.indicators.themes is imported (it declares every figure)")
        return self._closed

    def find(self, figure_id: str) -> Declared | None:
        """The declaration of ``figure_id``, or of the family it is a member of; ``None`` for an id not declared."""
        self.declared()
        if figure_id in self._by_id:
            return self._by_id[figure_id]
        prefix, _, name = figure_id.rpartition(".")
        family = self._by_id.get(prefix)
        if family is not None and family.family and (family.members is None or name in family.members):
            return family
        return None

    def kept_for_continuity(self, figure_id: str) -> bool:
        """Whether ``figure_id`` is in ``figures.json`` only (declared ``shown=False``): the page never names it."""
        declared = self.find(figure_id)
        return declared is not None and not declared.shown

    def readers(self, column: str) -> tuple[str, ...]:
        """The ids that read ``column`` (``<input>.<column>``), in order; a family by its prefix."""
        self.declared()
        return self._readers.get(column, ())

    def denominators(self) -> dict[str, str]:
        """Each share with a declared denominator (a closed family's members each), and that denominator's id."""
        return {share: d.denominator for d in self.declared() if d.denominator for share in (d.member_ids() if d.family else (d.id,))}

    def sums(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """What each figure declared as a sum adds up (the count, or a share's numerator), with its parts."""
        return tuple((numerator(d.id) if d.kind == "share" else d.id, d.sum_of) for d in self.declared() if d.sum_of)

    def blank_rules(self, name: str) -> tuple[tuple[str, str, str | None], ...]:
        """Input ``name``'s blank rules in order: (column, the figures a blank leaves in words, ``when``)."""
        rules: dict[Blank, list[str]] = {}
        for d in self.declared():
            for rule in d.blank:
                if rule.column.partition(".")[0] == name:
                    rules.setdefault(rule, []).append(d.id)
        return tuple((rule.column.partition(".")[2], rule.leaves or PARTS_SEP.join(ids), rule.when) for rule, ids in rules.items())


REGISTRY = Registry()
"""The pack's figures: filled by the theme modules, closed by :mod:`readiness.indicators.themes`."""


@dataclass(frozen=True)
class Theme:
    """Declares a theme module's figures in ``registry``: ``reads`` are columns every figure of the theme reads
    (the date that puts a row in the period)."""

    name: str
    reads: tuple[str, ...] = ()
    registry: Registry = REGISTRY

    def headline(self, figure_id: str, label: str, kind: str, better: str | None = N, **facts) -> Callable:
        """Decorate the function computing the headline figure ``figure_id``."""
        return self._declare(figure_id, label, kind, better, facts)

    def family(
        self, prefix: str, label: str, kind: str, better: str | None = N, members: Mapping[str, Member] | None = None, **facts
    ) -> Callable:
        """Decorate the function computing each member of a family (given the member as its last argument):
        ``members`` for a closed family, none for one whose members the data names."""
        return self._declare(prefix, label, kind, better, {**facts, "family": True, "members": members})

    def monthly(self, figure_id: str, **facts) -> Callable:
        """Decorate the function computing the monthly series of the headline figure ``figure_id``."""
        return self._declare(monthly_id(figure_id), f"{figure_id}, by month", "series", N, {**facts, "series": True})

    def figure(self, figure_id: str, label: str, kind: str, better: str | None = N, **facts) -> str:
        """Declare a figure the theme's ``figures`` computes in line (a rate from a count), and give its id to key it by."""
        self.registry.declare(self._declared(figure_id, label, kind, better, facts, sys._getframe(1).f_globals["__name__"]))
        return figure_id

    def series(self, figure_id: str, **facts) -> str:
        """Declare the monthly series of ``figure_id`` computed in line (by a shared helper), and give its id."""
        series_id = monthly_id(figure_id)
        self.registry.declare(
            self._declared(
                series_id, f"{figure_id}, by month", "series", N, {**facts, "series": True}, sys._getframe(1).f_globals["__name__"]
            )
        )
        return series_id

    def _declared(self, figure_id: str, label: str, kind: str, better: str | None, facts: dict, module: str) -> Declared:
        facts = {
            **facts,
            "reads": (*self.reads, *facts.get("reads", ())),
            "blank": tuple(facts.get("blank", ())),
            "sum_of": tuple(facts.get("sum_of", ())),
        }
        return Declared(figure_id, label, kind, better, self.name, module=module, **facts)

    def _declare(self, figure_id: str, label: str, kind: str, better: str | None, facts: dict) -> Callable:
        def mark(function: Callable) -> Callable:
            self.registry.declare(self._declared(figure_id, label, kind, better, facts, function.__module__))
            function.figure_id = figure_id
            return function

        return mark
