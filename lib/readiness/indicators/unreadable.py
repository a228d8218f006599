"""Rows with an unreadable value leave only the figures that read its column (``inputs.md`` §3).

The readers name, in a frame's ``_unreadable`` column, the used columns a row could not be read
in; the spec (:mod:`readiness.inputs.schema`) says which figure ids read each column. A theme's
figures are computed once on all rows, then each figure that reads an unreadable column is
computed again without the rows concerned. A figure reading a column the return does not carry (blank
in every row: :mod:`readiness.inputs.unexported`) is null.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Callable, Iterator

import pandas as pd

from readiness.config.params import Params
from readiness.inputs.annex_a_tables import ANNEX_A
from readiness.inputs.bundle import UNREADABLE, Inputs, unreadable_in
from readiness.inputs.extract_tables import EXTRACTS
from readiness.inputs.schema import ColumnSpec, TableSpec
from readiness.inputs.unexported import unexported_in

from .figure import Figure, FigureValue

Key = tuple[str, str]  # (input name such as "list_3" or "case_audits", column)


def input_frames(inputs: Inputs) -> Iterator[tuple[str, pd.DataFrame, TableSpec]]:
    """Every input frame given, with its name and spec."""
    for name, frame in inputs.annex_a.items():
        yield name, frame, ANNEX_A[int(name.removeprefix("list_"))]
    for name, spec in EXTRACTS.items():
        frame = getattr(inputs, name)
        if frame is not None:
            yield name, frame, spec


def unreadable_columns(inputs: Inputs) -> dict[Key, ColumnSpec]:
    """Each (input, column) with at least one row whose value could not be read."""
    found = {}
    for name, frame, spec in input_frames(inputs):
        if UNREADABLE in frame:  # all blank when the only unreadable rows had an unreadable id or key date (left out)
            for column in sorted(set(frame[UNREADABLE].dropna().str.split(";").explode())):
                found[(name, column)] = spec.column(column)
    return found


def without_rows(inputs: Inputs, keys: frozenset[Key]) -> Inputs:
    """A copy of ``inputs`` without the rows unreadable in any of ``keys``."""
    frames = {name: frame for name, frame, _ in input_frames(inputs)}
    for name, column in keys:
        frames[name] = frames[name][~unreadable_in(frames[name], column)]
    lists = {name: frames[name] for name in inputs.annex_a}
    extracts = {name: frames[name] for name in EXTRACTS if name in frames}
    return replace(inputs, annex_a=lists, **extracts)


@dataclass(frozen=True)
class LeftOut:
    """What the inputs leave out of figures, found once per input (not once per theme or figure): the columns with a
    value that could not be read (:func:`unreadable_columns`), and those the return does not carry (:func:`unexported_in`)."""

    unreadable: dict[Key, ColumnSpec]
    unexported: list[tuple[str, ColumnSpec]]

    @classmethod
    def of(cls, inputs: Inputs) -> LeftOut:
        return cls(unreadable_columns(inputs), unexported_in(inputs))


def figures_without_unreadable_rows(
    theme_figures: Callable[[Inputs, Params], dict[str, FigureValue]], inputs: Inputs, params: Params, left_out: LeftOut | None = None
) -> dict[str, FigureValue]:
    """A theme's figures, each computed without the rows whose value it reads could not be read; ``left_out`` is
    :meth:`LeftOut.of` the same ``inputs`` (found here when not given)."""
    left_out = left_out or LeftOut.of(inputs)
    result = theme_figures(inputs, params)
    groups: dict[frozenset[Key], list[str]] = {}
    for figure_id in result:
        keys = frozenset(key for key, column in left_out.unreadable.items() if column.feeds(figure_id))
        if keys:
            groups.setdefault(keys, []).append(figure_id)
    for keys, ids in groups.items():
        again = theme_figures(without_rows(inputs, keys), params)
        result.update({figure_id: again[figure_id] for figure_id in ids})
    unexported = left_out.unexported
    return {figure_id: nulled(value) if any(c.feeds(figure_id) for _, c in unexported) else value for figure_id, value in result.items()}


def nulled(value: FigureValue) -> FigureValue:
    """A figure (or each month of a series) with no value: what a column the return does not carry gives."""
    if isinstance(value, Figure):
        return Figure(None, ())
    return {month: Figure(None, ()) for month in value}
