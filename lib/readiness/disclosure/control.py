"""Disclosure control: every suppression the pack applies, in one place.

For a public audience a figure computed from 1 to ``suppress_up_to`` records is
withheld: ``null`` in figures.json, ``[c]`` (the GSS symbol for confidential) on
the page. Zero is always shown. Tables and monthly series also get secondary
suppression, so that no withheld cell can be worked out from published totals. A threshold of 0
(``Params.suppression_threshold`` for an internal audience) withholds nothing.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Iterator, Mapping

import numpy as np
import pandas as pd

from readiness.indicators.figure import Figure, FigureValue, statistic
from readiness.indicators.tables import Roles

from .rounding import figure_kind, published_figure, published_value

SUPPRESSED = "[c]"

Cell = tuple[int, int]


def is_disclosive(figure: Figure, threshold: int) -> bool:
    """True when any record count behind ``figure`` is in 1..threshold (3 of 40, not 0 of 40), or it protects another."""
    return figure.withheld or any(_is_small(n, threshold) for n in figure.basis)


def withhold_small_complements(figures: Mapping[str, FigureValue], threshold: int) -> dict[str, FigureValue]:
    """``figures`` with every share (and share month) withheld whose denominator less numerator is 1..threshold:
    of 44 offered out of 47, the 3 not offered would follow, so the share is withheld like a small numerator."""

    def checked(figure_id: str, figure: Figure) -> Figure:
        if figure_kind(figure_id) != "share" or len(figure.basis) != 2 or not _is_small(figure.basis[1] - figure.basis[0], threshold):
            return figure
        return replace(figure, withheld=True)

    return {
        key: checked(key, item) if isinstance(item, Figure) else {month: checked(key, f) for month, f in item.items()}
        for key, item in figures.items()
    }


def protect_series(figures: Mapping[str, FigureValue], threshold: int) -> dict[str, FigureValue]:
    """``figures`` with secondary suppression in each monthly series.

    The period's figure is published beside its months, so a series with exactly one
    withheld month would give that month away by subtraction (the period's count less the
    other months). The month with the fewest records behind it (count or numerator; the
    earliest on a tie; a zero only when nothing else is left) is then withheld too.
    """
    return {key: _protected(item, threshold) if isinstance(item, Mapping) else item for key, item in figures.items()}


def _protected(series: Mapping[str, Figure], threshold: int) -> dict[str, Figure]:
    """One monthly series, never with exactly one month withheld when another could join it."""
    series = dict(series)
    if sum(is_disclosive(f, threshold) for f in series.values()) != 1:
        return series
    shown = [month for month, f in sorted(series.items()) if f.value is not None and not is_disclosive(f, threshold)]
    if shown:
        month = min(shown, key=lambda m: (series[m].basis[0] == 0, series[m].basis[0]))
        series[month] = replace(series[month], withheld=True)
    return series


def months_shown(series: Mapping[str, Figure], threshold: int) -> pd.Series:
    """Per ``YYYY-MM`` of a monthly series: True where figures.json shows it, False where it withholds it."""
    return pd.Series({month: not is_disclosive(figure, threshold) for month, figure in series.items()}, dtype=object)


def suppress_figures(figures: Mapping[str, FigureValue], threshold: int, round_to: int = 0) -> tuple[dict[str, object], list[str]]:
    """The ``figures`` object for figures.json and the sorted ids withheld from it.

    Values become plain numbers, ``None`` where withheld (or where a share's
    denominator is empty), published to ``round_to`` (:mod:`.rounding`; 0: exact). A monthly series stays a
    dict keyed ``YYYY-MM``; its withheld months are listed as ``id/YYYY-MM``. Keys are sorted so the JSON is
    the same on every run.
    """
    published = {key: published_figure(key, _plain_values(item, threshold), round_to) for key, item in sorted(figures.items())}
    suppressed = sorted(key for key, figure in _entries(figures) if is_disclosive(figure, threshold))
    return published, suppressed


def suppress_counts(
    table: pd.DataFrame,
    threshold: int,
    total_row: str | None = None,
    total_column: str | None = None,
    margins_published: bool = False,
    row_groups: list[list[str]] | None = None,
    forced: pd.DataFrame | None = None,
    fixed: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Withhold the small counts in ``table`` and the cells that would give them away.

    ``table`` holds non-negative whole counts (index e.g. teams or months,
    columns e.g. grades), its total row and/or column already included if it has
    them; a total must be the sum of the other cells of its line (ValueError
    otherwise), since the protection below rests on that. Returns a frame of the
    same shape, dtype object, with ``[c]`` in place of

    * primary cells: counts 1..threshold, totals included;
    * secondary cells, so that no withheld cell can be recovered from the margins.

    Margins count as published along each row when ``total_column`` is given and
    down each column when ``total_row`` is given. A table without a total row or
    column whose row and column sums the reader can still see (a total stated
    beside it, say) needs ``margins_published=True``: every row and every column
    is then treated as published. ``row_groups`` are groups of columns whose sum is
    published in every row (outstanding + good, through a good-or-better share). Each
    published line (the row groups of each row, then rows top to bottom, then columns
    left to right, repeated until nothing changes) that holds exactly one
    withheld cell has its smallest non-zero shown cell withheld too (a total,
    being larger than every other cell of its line, comes last), and a zero cell
    only when nothing else is left. Every published line then holds no withheld
    cell or at least two, so none can be worked out exactly (its range may still
    be narrowed). ``forced`` cells (True) are withheld as primary cells; ``fixed``
    cells (True), published elsewhere, are never chosen as secondary cells.
    """
    counts = _whole_counts(table)
    _check_totals(table, total_row, total_column)
    suppressed = _is_small(counts, threshold) | _mask(forced, table)
    rows_published = total_column is not None or margins_published
    columns_published = total_row is not None or margins_published
    groups = [[table.columns.get_loc(column) for column in group] for group in row_groups or []]
    lines = _group_lines(len(table), groups) + _published_lines(table.shape, rows_published, columns_published)
    _add_secondary(counts, suppressed, lines, _mask(fixed, table))
    shown = pd.DataFrame(counts.astype(object), index=table.index, columns=table.columns)
    return shown.mask(suppressed, SUPPRESSED)


def suppress_breakdown(
    table: pd.DataFrame,
    threshold: int,
    counts: list[str],
    total: str | None = None,
    shares: Mapping[str, tuple[str, str]] | None = None,
    statistics: Mapping[str, str] | None = None,
    parts: Mapping[str, list[str]] | None = None,
    mirror: Mapping[str, pd.Series] | None = None,
) -> pd.DataFrame:
    """A breakdown table (e.g. grades by team) as the Board may see it.

    ``counts`` are the base counts, withheld with secondary suppression against the
    row and column sums (the breakdown's totals are published as headline figures);
    ``total`` is their row sum; ``shares`` maps a share column to its (numerator,
    denominator) columns; ``statistics`` maps a median or mean column to the column
    counting its items. ``parts`` maps a numerator that is not a base count to the base
    counts it sums (good or better = outstanding + good): its share publishes that sum,
    and the rest of the row's total with it, so both groups are protected in every row.
    A share is withheld when its numerator or denominator is 1..threshold, when its
    numerator is a withheld count (a secondary cell), or when one of its numerator's
    groups holds a single withheld cell that nothing else in the group could protect.
    ``mirror`` maps a column that another output also publishes (a monthly series of
    figures.json) to where that output shows it (True), withholds it (False) or has no
    value (missing): the column is withheld exactly as there, and a cell shown there is
    never chosen to protect another.
    """
    shares, statistics, parts = shares or {}, statistics or {}, parts or {}
    shown_elsewhere = pd.DataFrame({column: rows.reindex(table.index) for column, rows in (mirror or {}).items()}, index=table.index)
    forced, fixed = _mirrored_cells(shown_elsewhere, shares)
    groups = _share_groups(shares, counts, total, parts)
    flat = [group for numerator_groups in groups.values() for group in numerator_groups]
    safe = suppress_counts(table[counts], threshold, margins_published=True, row_groups=flat, forced=forced, fixed=fixed)
    if total is not None:
        safe[total] = suppress_statistic_column(table[total], table[total], threshold)
    for column, (numerator, denominator) in shares.items():
        withheld = _is_small(table[numerator], threshold) | _is_small(table[denominator], threshold)
        withheld |= _is_small(table[denominator] - table[numerator], threshold)  # a small complement
        if numerator in counts:
            withheld |= safe[numerator].eq(SUPPRESSED)
        else:
            withheld |= _one_withheld_in_a_group(safe, groups[numerator])
        if column in shown_elsewhere:
            withheld |= shown_elsewhere[column].eq(False)
        safe[column] = table[column].astype(object).mask(withheld, SUPPRESSED)
    for column, items in statistics.items():
        safe[column] = suppress_statistic_column(table[column], table[items], threshold)
    return safe[[c for c in table.columns if c in safe.columns]]


def suppress_board_table(
    table: pd.DataFrame, roles: Roles, threshold: int, mirror: Mapping[str, pd.Series] | None = None, round_to: int = 0
) -> pd.DataFrame:
    """A Board table as the Board may see it, by its ``roles`` (see :func:`suppress_breakdown`), its values
    published to ``round_to`` (:func:`publish_table`).

    A ``share_of_total`` is checked as a share of its count column's total. ``mirror`` maps each
    column of ``roles.mirror`` to where figures.json shows it (see :func:`months_shown`).
    """
    totals = {f"_total_{c}": table[c].sum() for c in roles.share_of_total.values()}
    shares = {**roles.shares, **{s: (c, f"_total_{c}") for s, c in roles.share_of_total.items()}}
    parts = {numerator: list(counts) for numerator, counts in roles.parts.items()}
    safe = suppress_breakdown(table.assign(**totals), threshold, list(roles.counts), roles.total, shares, roles.statistics, parts, mirror)
    return publish_table(safe, roles, round_to)


def publish_table(safe: pd.DataFrame, roles: Roles, round_to: int) -> pd.DataFrame:
    """A Board-safe table as an edition publishes it (:func:`readiness.disclosure.rounding.published_value`): counts and
    totals rounded to ``round_to``, each on its own; shares, medians and means at the page's precision; ``[c]`` and
    empty cells as they are. An internal edition (``round_to`` 0) is unchanged."""
    if round_to == 0:
        return safe
    kinds = {**{c: "count" for c in (*roles.counts, roles.total)}, **{c: "share" for c in (*roles.shares, *roles.share_of_total)}}
    published = safe.copy()
    for column in safe.columns:
        kind = kinds.get(column, "number")
        published[column] = [v if _is_blank(v) else published_value(v, kind, str(column), round_to) for v in safe[column]]
    return published.astype(object)


def _is_blank(value) -> bool:
    return not isinstance(value, str) and pd.isna(value)


def _mirrored_cells(shown_elsewhere: pd.DataFrame, shares: Mapping[str, tuple[str, str]]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Cells to withhold (withheld elsewhere) and cells never to choose as secondary (shown elsewhere).

    A share shown elsewhere publishes its numerator and denominator once either is shown, so
    neither may guard another cell; a share withheld elsewhere withholds its numerator.
    """
    forced, fixed = shown_elsewhere.eq(False), shown_elsewhere.eq(True)
    for column, (numerator, denominator) in shares.items():
        if column not in shown_elsewhere:
            continue
        forced[numerator] = forced.get(numerator, False) | forced[column]
        for count_column in (numerator, denominator):
            fixed[count_column] = fixed.get(count_column, False) | fixed[column]
    return forced, fixed


def _share_groups(
    shares: Mapping[str, tuple[str, str]], counts: list[str], total: str | None, parts: Mapping[str, list[str]]
) -> dict[str, list[list[str]]]:
    """Per numerator that is not a base count, the groups of base counts whose row sums its share publishes:
    its parts, and the other base counts when its denominator is the row total. ValueError without its parts."""
    groups = {}
    for numerator, denominator in shares.values():
        if numerator in counts:
            continue
        if numerator not in parts:
            raise ValueError(f"share numerator {numerator!r} is not a base count: give the counts it sums in parts")
        rest = [c for c in counts if c not in parts[numerator]] if denominator == total else []
        groups[numerator] = [group for group in (list(parts[numerator]), rest) if group]
    return groups


def _one_withheld_in_a_group(safe: pd.DataFrame, groups: list[list[str]]) -> pd.Series:
    """Rows in which some group holds exactly one withheld cell (one no other cell could protect)."""
    withheld = safe.eq(SUPPRESSED)
    exposed = pd.Series(False, index=safe.index)
    for group in groups:
        exposed |= withheld[group].sum(axis=1).eq(1)
    return exposed


def suppress_statistic_column(values: pd.Series, counts: pd.Series, threshold: int) -> pd.Series:
    """Medians, means or maxima per row, ``[c]`` where the row's item count is 1..threshold.

    A statistic over no items is ``None``. Both series need the same index.
    """
    _check_same_labels(values, counts)
    shown = [_publish(statistic(value, n), threshold, SUPPRESSED) for value, n in zip(values, counts)]
    return pd.Series(shown, index=values.index, name=values.name, dtype=object)


def _is_small(n, threshold: int):
    """Whether a count (or each count in an array) is in 1..threshold."""
    return (n >= 1) & (n <= threshold)


def _publish(figure: Figure, threshold: int, marker):
    """The figure's value, or ``marker`` when it is disclosive."""
    return marker if is_disclosive(figure, threshold) else figure.value


def _plain_values(item: FigureValue, threshold: int):
    """A figure's value, or a monthly series' values keyed by sorted month; ``None`` where withheld."""
    if isinstance(item, Figure):
        return _publish(item, threshold, None)
    return {month: _publish(figure, threshold, None) for month, figure in sorted(item.items())}


def _entries(figures: Mapping[str, FigureValue]) -> Iterator[tuple[str, Figure]]:
    """Every single figure with its id; a monthly entry's id is ``id/YYYY-MM``."""
    for key, item in figures.items():
        if isinstance(item, Figure):
            yield key, item
        else:
            yield from ((f"{key}/{month}", figure) for month, figure in item.items())


def _mask(cells: pd.DataFrame | None, table: pd.DataFrame) -> np.ndarray:
    """A boolean array of ``table``'s shape: ``cells`` aligned to its labels (False where absent or not given)."""
    if cells is None:
        return np.zeros(table.shape, dtype=bool)
    return cells.reindex(index=table.index, columns=table.columns).eq(True).to_numpy()


def _whole_counts(table: pd.DataFrame) -> np.ndarray:
    """The table's cells as an integer array; ValueError unless all are non-negative whole numbers."""
    try:
        values = table.astype(float).to_numpy()
    except (TypeError, ValueError):
        raise ValueError("suppress_counts needs a table of counts") from None
    if np.isnan(values).any() or (values < 0).any() or (values != np.floor(values)).any():
        raise ValueError("suppress_counts needs non-negative whole counts with no blanks")
    return values.astype(int)


def _group_lines(n_rows: int, groups: list[list[int]]) -> list[list[Cell]]:
    """The cells of each group of columns in each row, whose sums are published."""
    return [[(i, j) for j in group] for i in range(n_rows) for group in groups]


def _published_lines(shape: tuple[int, int], rows_published: bool, columns_published: bool) -> list[list[Cell]]:
    """The cells of each row whose sum is published, then of each such column."""
    n_rows, n_columns = shape
    lines = []
    if rows_published:
        lines += [[(i, j) for j in range(n_columns)] for i in range(n_rows)]
    if columns_published:
        lines += [[(i, j) for i in range(n_rows)] for j in range(n_columns)]
    return lines


def _check_totals(table: pd.DataFrame, total_row: str | None, total_column: str | None) -> None:
    """ValueError unless the total row and column hold the sums of the other rows and columns."""
    if total_row is not None and (table.drop(index=total_row).sum() != table.loc[total_row]).any():
        raise ValueError(f"total row {total_row!r} is not the sum of the other rows")
    if total_column is not None and (table.drop(columns=total_column).sum(axis=1) != table[total_column]).any():
        raise ValueError(f"total column {total_column!r} is not the sum of the other columns")


def _add_secondary(counts: np.ndarray, suppressed: np.ndarray, lines: list[list[Cell]], fixed: np.ndarray) -> None:
    """Withhold cells in place until no line holds exactly one withheld cell it can protect."""
    changed = True
    while changed:
        changed = False
        for line in lines:
            if sum(suppressed[cell] for cell in line) != 1:
                continue
            cell = _complement([c for c in line if not fixed[c]], counts, suppressed)
            if cell is not None:
                suppressed[cell] = True
                changed = True


def _complement(line: list[Cell], counts: np.ndarray, suppressed: np.ndarray) -> Cell | None:
    """The shown cell of ``line`` to withhold next: the smallest non-zero, else a zero; first in line on a tie."""
    shown = [cell for cell in line if not suppressed[cell]]
    return min(shown, key=lambda cell: (counts[cell] == 0, counts[cell]), default=None)


def _check_same_labels(first: pd.DataFrame | pd.Series, second: pd.DataFrame | pd.Series) -> None:
    """ValueError unless the two tables have the same row (and column) labels in the same order."""
    if len(first.axes) != len(second.axes) or not all(a.equals(b) for a, b in zip(first.axes, second.axes)):
        raise ValueError("the two tables must have the same row and column labels")
