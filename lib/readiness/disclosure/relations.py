"""The sums and ratios that tie a pack's published numbers together, declared once, and the audit over them.

figures.json publishes unrounded shares beside their denominators, so each such share gives its
numerator exactly; grade shares add up to the audits; moderation outcomes add up to the moderated
audits; the caseload bands 26-50 and 51+ add up to the workers over 25. The Board tables show
some of the same counts (a moderation outcome, a caseload band, a grade's column). :func:`audit`
takes everything the pack publishes and withholds more headline figures until no withheld count
follows from the published ones by these relations (see :mod:`readiness.disclosure.derivation`).

A numerator that figures.json does not publish on its own is named ``<share id>:numerator``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Callable, Mapping

import pandas as pd

from readiness.config.figures import REGISTRY, numerator
from readiness.config.params import Params
from readiness.indicators import audits, equality, themes, workforce  # noqa: F401  (importing themes closes the figure registry read below)
from readiness.indicators.figure import Figure, FigureValue
from readiness.indicators.tables import roles_of
from readiness.inputs.bundle import Inputs

from .coarser import publish_coarser
from .control import SUPPRESSED, is_disclosive, months_shown
from .derivation import Ratio, Relation, Sum, withhold_until_safe

DENOMINATORS: dict[str, str] = REGISTRY.denominators()
"""Each share of figures.json whose denominator figures.json also publishes, with that denominator's id, as the
shares declare it (``denominator=``)."""


def stage_children(stage: str) -> str:
    """The (unpublished) number of children in an equality stage: each dimension's groups add up to it."""
    return f"equality.{stage}:children"


EQUALITY_SUMS = tuple(
    Sum(stage_children(stage), equality.dimension_parts(stage, dimension))
    for stage in equality.STAGES
    for dimension in equality.stage_dimensions(stage)
)
"""Within each stage, every dimension's groups add up to the same children: a withheld group follows from the others
once any dimension is published whole (secondary suppression within each dimension)."""
EQUALITY_RATES = tuple(
    Sum(part, (f"{part}.{measure}",))
    for stage in equality.STAGES
    for dimension in equality.stage_dimensions(stage)
    for part in equality.dimension_parts(stage, dimension)
    for measure in ("rate_per_10k", "ratio")
)
"""A group's rate and ratio give its count away (the populations are no secret): each stands or falls with it."""

SUMS: tuple[Sum, ...] = (*(Sum(total, parts) for total, parts in REGISTRY.sums()), *EQUALITY_SUMS, *EQUALITY_RATES)
"""Groups equal to the sum of their parts (a total over its bands): as the figures declare them (``sum_of=``), then
the equality groups."""
BY_DIFFERENCE = (audits.UPGRADED, workforce.BAND_26_50)
"""Counts no figure publishes, worked out from the other parts of the sum they are in."""

RELATIONS: tuple[Relation, ...] = SUMS + tuple(Ratio(s, numerator(s), d) for s, d in DENOMINATORS.items())


@dataclass(frozen=True)
class TableSource:
    """A Board table that shows some of the related counts.

    ``build`` makes it as its notebook does, carrying its disclosure roles (:mod:`readiness.indicators.tables`).
    ``cells`` maps a (row, column) of the table to the count it shows; ``totals`` maps a column
    to the count its cells add up to (shown when every cell is), a share column standing for
    its numerator.
    """

    build: Callable[[Inputs, Params], pd.DataFrame | None]
    cells: Mapping[tuple[str, str], str] = field(default_factory=dict)
    totals: Mapping[str, str] = field(default_factory=dict)


def _with_audits(function):
    return lambda inputs, params: None if inputs.case_audits is None else function(inputs.case_audits, params.period)


def _bands(inputs: Inputs, params: Params) -> pd.DataFrame | None:
    cases = inputs.annex_list(6)
    if cases is None:
        return None
    return workforce.caseload_distribution(workforce.open_cases(cases, params.period.snapshot, params.unallocated_values)).set_index("band")


GRADE_TOTALS = audits.GRADE_TOTALS
TABLES: tuple[TableSource, ...] = (
    TableSource(_with_audits(audits.moderation_summary), cells=audits.MODERATION_CELLS),
    TableSource(_bands, cells=workforce.BAND_CELLS),
    TableSource(_with_audits(audits.grade_counts_by_team), totals=GRADE_TOTALS),
    TableSource(_with_audits(audits.audit_type_grade_counts), totals=GRADE_TOTALS),
    TableSource(_with_audits(audits.grade_counts_by_month), totals=GRADE_TOTALS),
)
"""The notebooks' tables that show counts named in :data:`RELATIONS` (``10_case_audits``, ``09_workforce``)."""


def audit(figures: Mapping[str, FigureValue], inputs: Inputs, params: Params) -> dict[str, FigureValue]:
    """``figures`` with every headline figure withheld that would give a withheld count away.

    What the Board tables show (:data:`TABLES`, from ``inputs``) cannot be withheld here: a count
    a table withholds is withheld in figures.json too, and the figures.json values a withheld
    count follows from are withheld one by one (a share before a count, the smallest first).
    """
    threshold = params.suppression_threshold
    if threshold == 0:
        return dict(figures)
    shown, hidden = table_counts(figures, inputs, params)
    withheld = protect_headlines(figures, threshold, shown, hidden)
    return {key: replace(item, withheld=True) if key in withheld else item for key, item in figures.items()}


def protect_headlines(
    figures: Mapping[str, FigureValue], threshold: int, shown: set[str] = frozenset(), hidden: set[str] = frozenset()
) -> set[str]:
    """The ids of headline figures published so far that must be withheld as well.

    ``shown`` and ``hidden`` are the related counts that other outputs (Board tables) show and
    withhold; the ones figures.json shows too cannot be withheld, the ones it is the only
    output of can.
    """
    values = related_values(figures)
    headline = {key: item for key, item in figures.items() if isinstance(item, Figure)}
    in_json = {key for key, item in headline.items() if item.value is not None and not is_disclosive(item, threshold)}
    secret = {key for key, item in headline.items() if is_disclosive(item, threshold)}
    secret |= {key for key in values.keys() - figures.keys() if 1 <= values[key] <= threshold} | set(hidden)
    mirrored = in_json & (set(hidden) - set(shown))
    published = (in_json - mirrored) | set(shown)
    extra = withhold_until_safe(RELATIONS, values, published, secret, published - set(shown), is_share=DENOMINATORS.__contains__)
    return mirrored | extra


def related_values(figures: Mapping[str, FigureValue]) -> dict[str, float]:
    """The value of every number :data:`RELATIONS` names that ``figures`` give: headline values,
    share numerators (from their basis), upgraded audits and the 26-50 band (by difference)."""
    headline = {key: item for key, item in figures.items() if isinstance(item, Figure)}
    values = {key: item.value for key, item in headline.items() if item.value is not None}
    values |= {
        numerator(key): headline[key].basis[0]
        for key in DENOMINATORS
        if key in headline and headline[key].basis and headline[key].basis[0] is not None
    }
    for unknown in BY_DIFFERENCE:
        relation = next(relation for relation in SUMS if unknown in relation.parts)
        others = [name for name in relation.parts if name != unknown]
        if all(name in values for name in (relation.total, *others)):
            values[unknown] = values[relation.total] - sum(values[name] for name in others)
    for relation in EQUALITY_SUMS:
        if all(name in values for name in relation.parts):
            values[relation.total] = sum(values[name] for name in relation.parts)
    return values


def table_counts(figures: Mapping[str, FigureValue], inputs: Inputs, params: Params) -> tuple[set[str], set[str]]:
    """The related counts the Board tables show, and those they withhold, as their notebooks show them.

    A column's total is shown when all its cells are; one withheld cell hides the total, not a secret. A table the
    public edition shows coarser is read as shown (by quarter: its column totals), one it leaves out shows nothing.
    """
    threshold = params.suppression_threshold
    shown: set[str] = set()
    hidden: set[str] = set()
    for source in TABLES:
        table = source.build(inputs, params)
        if table is None:
            continue
        roles = roles_of(table)
        mirror = {column: months_shown(figures.get(figure_id, {}), threshold) for column, figure_id in roles.mirror.items()}
        published = publish_coarser(table, roles, threshold, mirror).table  # as the notebook shows it: coarser, or not at all
        if published is None:
            continue
        withheld = published.eq(SUPPRESSED)
        for (row, column), name in source.cells.items():
            if row in withheld.index:
                (hidden if withheld.at[row, column] else shown).add(name)
        shown |= {name for column, name in source.totals.items() if column in withheld and not withheld[column].any()}
    return shown, hidden
