"""What a notebook needs: the pack's parameters and inputs, and Board-safe tables and charts.

A notebook's ``parameters`` cell holds plain paths; its next cell calls :func:`open_pack`.
Every table and chart shown through :class:`Pack` passes disclosure control first.
"""
from __future__ import annotations

import pickle
from dataclasses import dataclass
from functools import cached_property
from html import escape
from pathlib import Path

import pandas as pd
from IPython.display import HTML, Markdown, display

from . import charts, disclosure
from .figure import FigureValue
from .inputs import Inputs
from .narrative import share_headline
from .params import Params, load_params
from .period import Period


@dataclass
class Pack:
    """One pack's parameters and normalised inputs, as a notebook sees them."""

    params: Params
    inputs: Inputs

    @property
    def period(self) -> Period:
        return self.params.period

    @property
    def threshold(self) -> int:
        """Largest count suppressed for this audience (0 = none)."""
        return self.params.suppression_threshold

    @cached_property
    def figures(self) -> dict[str, FigureValue]:
        """Every headline figure, as :mod:`readiness.figures` computes them."""
        from .figures import compute_figures

        return compute_figures(self.inputs, self.params)

    def has(self, *keys: str) -> bool:
        """Whether every named input (``case_audits``, ``list_4`` …) was given."""
        return all(self._frame(key) is not None for key in keys)

    def _frame(self, key: str) -> pd.DataFrame | None:
        if key.startswith("list_"):
            return self.inputs.annex_a.get(key)
        return getattr(self.inputs, key)

    def show_counts(self, table: pd.DataFrame, caption: str, **totals) -> None:
        """Show a table of counts with primary and secondary suppression applied."""
        safe = disclosure.suppress_counts(table, self.threshold, **totals)
        show_table(safe.map(lambda v: disclosure.format_value(v, "count")), caption)

    def show_shares(self, table: pd.DataFrame, numerator: str, denominator: str, caption: str, extra: tuple = ()) -> None:
        """Show ``numerator`` of ``denominator`` as a share per row, suppressed where either is small."""
        share = disclosure.suppress_share_table(table[[numerator]], table[[denominator]].set_axis([numerator], axis=1), self.threshold)
        shown = pd.DataFrame(index=table.index)
        for column in (denominator, numerator, *extra):
            shown[column] = [disclosure.format_value(v, "count") for v in _suppress_column(table[column], self.threshold)]
        shown["share"] = [disclosure.format_value(v, "share") for v in share[numerator]]
        show_table(shown, caption)

    def headline(self, figure_id: str, label: str) -> str:
        """A sentence on a share: its value over the period and its direction month to month."""
        monthly_id = figure_id.replace(".", ".monthly.", 1)
        return share_headline(label, self.figures[figure_id], self.figures.get(monthly_id, {}), self.threshold)

    def safe_shares(self, table: pd.DataFrame, numerators: str | list[str], denominator: str) -> pd.DataFrame:
        """Shares for a chart: missing where numerator or denominator is too small to publish."""
        numerators = [numerators] if isinstance(numerators, str) else list(numerators)
        denominators = pd.concat([table[denominator]] * len(numerators), axis=1).set_axis(numerators, axis=1)
        shares = disclosure.suppress_share_table(table[numerators], denominators, self.threshold)
        return shares.apply(pd.to_numeric, errors="coerce")

    def chartable(self, counts: pd.DataFrame) -> pd.DataFrame:
        """Rows of a counts table safe to chart: none of their cells is disclosive."""
        if not self.threshold:
            return counts
        small = counts.apply(lambda column: column.between(1, self.threshold)).any(axis=1)
        return counts[~small]


def open_pack(params_file: str | Path, inputs_file: str | Path = "") -> Pack:
    """Load the parameters and the inputs: from the build's cache when given, else read afresh."""
    params = load_params(params_file)
    if inputs_file:
        with open(inputs_file, "rb") as handle:
            inputs = pickle.load(handle)
    else:
        from .readers import load_inputs

        inputs = load_inputs(params)
    return Pack(params, inputs)


def _suppress_column(values: pd.Series, threshold: int) -> list:
    return [disclosure.SUPPRESSED if threshold and 1 <= v <= threshold else v for v in values]


def show_table(table: pd.DataFrame, caption: str) -> None:
    """Display a table (already Board-safe and formatted) with its caption."""
    html = table.to_html(border=0, classes="data", escape=True)
    opening, rest = html.split(">", 1)
    display(HTML(f"{opening}><caption>{escape(caption)}</caption>{rest}"))


def show_chart(fig, alt: str) -> None:
    """Display a chart as an embedded SVG image with alt text."""
    display(HTML(charts.to_html(fig, alt)))


def say(text: str) -> None:
    """Display generated narrative (Markdown)."""
    display(Markdown(text))
