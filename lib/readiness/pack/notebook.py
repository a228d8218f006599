"""What a notebook needs: the pack's parameters and inputs, and Board-safe tables and charts.

A notebook's ``parameters`` cell holds plain paths; its next cell calls :func:`open_pack`.
Every table and chart shown through :class:`Pack` passes disclosure control first.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Callable

import pandas as pd

from readiness.config.catalogue import describe, figure_name, phrase
from readiness.config.figures import REGISTRY, monthly_id
from readiness.config.overrides import notebook_settings, parameters_file
from readiness.config.params import Params, load_params
from readiness.config.period import Period
from readiness.config.standards import label_with_standard, standard_days
from readiness.disclosure.coarser import Published, publish_coarser
from readiness.disclosure.control import months_shown, suppress_board_table
from readiness.disclosure.rounding import published_document, published_value
from readiness.indicators.actions import heat_grid
from readiness.indicators.figure import Figure, FigureValue
from readiness.indicators.tables import Roles, roles_of
from readiness.inputs.bundle import Inputs
from readiness.inputs.coverage import coverage_note, coverage_of, covered_period, latest_coverage, month_label, not_covered_months
from readiness.inputs.schema import ColumnSpec
from readiness.inputs.unexported import not_in_return, unexported_in
from readiness.paths import ANALYST_CACHE
from readiness.present import heat
from readiness.present.claims import claim_notes
from readiness.present.display import (
    CODED_INDEXES,
    NOT_COVERED_TEXT,
    chart_columns,
    column_label,
    format_by_role,
    say,
    show_chart,
    show_table,
)
from readiness.present.funnel import funnel, funnel_chart, outside_sentence
from readiness.present.narrative import figure_facts, share_headline, spc_sentence, trend_title, withholding_note, xmr_alt_text
from readiness.present.spc_series import XmrSeries, as_published, exact, publish, xmr_series
from readiness.present.vitals import load_history
from readiness.present.xmrchart import xmr_chart

from .cache import cached_inputs, commentary_file, input_hashes
from .kernel import announce
from .store import kept_inputs


@dataclass
class Pack:
    """One pack's parameters and normalised inputs, as a notebook sees them."""

    params: Params
    inputs: Inputs
    computed: dict[str, FigureValue] | None = None
    whole: dict[str, dict[str, Figure]] | None = None
    returns: dict[str, dict[str, float]] | None = None  # months of monthly series from statutory returns, by series id

    def __post_init__(self) -> None:
        if self.returns is None:  # the statutory returns' months before Annex A (readiness.pack.figures.return_months)
            from .figures import return_months

            self.returns = return_months(self.inputs, self.params)

    @cached_property
    def exact_returns(self) -> dict[str, dict[str, float | None]]:
        """The statutory returns' months of each monthly series, exact (as an internal edition reads them; SPC reads
        these in either edition)."""
        from .figures import internal, return_months

        return self.returns if self.params.audience == "internal" else return_months(self.inputs, internal(self.params))

    @property
    def period(self) -> Period:
        return self.params.period

    @property
    def threshold(self) -> int:
        """Largest count suppressed for this audience (0 = none)."""
        return self.params.suppression_threshold

    @property
    def figures(self) -> dict[str, FigureValue]:
        """Every headline figure, as :mod:`readiness.pack.figures` computes them (once; the build passes them in)."""
        if self.computed is None:
            from .figures import compute_figures

            self.computed = compute_figures(self.inputs, self.params)
        return self.computed

    @property
    def whole_months(self) -> dict[str, dict[str, Figure]]:
        """Every monthly series over the SPC window, whole months only (:func:`readiness.pack.figures.whole_month_series`; once)."""
        if self.whole is None:
            from .figures import whole_month_series

            self.whole = whole_month_series(self.inputs, self.params)
        return self.whole

    @cached_property
    def unexported(self) -> list[tuple[str, ColumnSpec]]:
        """The Annex A columns the return does not carry (:func:`readiness.inputs.unexported.unexported_in`; once)."""
        return unexported_in(self.inputs)

    def has(self, *keys: str) -> bool:
        """Whether every named input (``case_audits``, ``list_4`` …) was given."""
        return all(self.inputs.has(key) for key in keys)

    @property
    def coverage(self) -> dict[int, date | None]:
        """The first day each Annex A list covers (:func:`readiness.inputs.coverage.list_coverage`)."""
        return coverage_of(self.inputs, self.params)

    def covered(self, *lists: int) -> Period:
        """The part of the period that Annex A ``lists`` all cover: pass it to by-month and period breakdowns."""
        return covered_period(self.period, latest_coverage(self.coverage, lists))

    def coverage_note(self, *lists: int) -> str:
        """A sentence saying the section's period figures count the covered part only ("" when it is the whole period)."""
        return coverage_note(self.period, self.coverage, lists)

    def board_table(self, table: pd.DataFrame) -> pd.DataFrame:
        """``table`` with disclosure control by the roles it carries (:mod:`readiness.indicators.tables`), codes in words.

        A by-month table whose roles mirror a monthly series of figures.json withholds the months it
        withholds; one made over :meth:`covered` gets the months it does not cover as empty rows
        (never 0, and never part of disclosure control) and a partial first month marked. What the page shows of
        it, coarser when more than half would be withheld, is :meth:`published`.
        """
        return self._safe_table(table, self.params.rounding)

    def _safe_table(self, table: pd.DataFrame, round_to: int) -> pd.DataFrame:
        """:meth:`board_table` with its values published to ``round_to`` (0: exact, for shares worked from it)."""
        roles = roles_of(table)
        safe = suppress_board_table(table, roles, self.threshold, self._mirror(roles), round_to)
        return self._labelled(safe, roles, coarser=False)

    def _mirror(self, roles: Roles) -> dict[str, pd.Series]:
        return {column: self.months_shown(figure_id) for column, figure_id in roles.mirror.items()}

    def _labelled(self, safe: pd.DataFrame, roles: Roles, coarser: bool) -> pd.DataFrame:
        """A Board-safe table's coded row labels in words, and a by-month table made over :meth:`covered` (not shown
        coarser) with the months it does not cover as empty rows."""
        if safe.index.name in CODED_INDEXES:
            safe.index = safe.index.map(column_label)
        return safe if roles.covered is None or coarser else self._with_uncovered_months(safe, roles.covered)

    def published(self, table: pd.DataFrame, columns: list[str] | None = None) -> Published:
        """``table`` as this edition's page shows it (:func:`readiness.disclosure.coarser.publish_coarser`): Board-safe
        (:meth:`board_table`), or by quarter or for all teams when more than half of the numbers shown (``columns``;
        all) would be withheld, or left out, with the words why."""
        roles = roles_of(table)
        result = publish_coarser(table, roles, self.threshold, self._mirror(roles), self.params.rounding, columns)
        return result if result.table is None else replace(result, table=self._labelled(result.table, roles, bool(result.grain)))

    def _with_uncovered_months(self, safe: pd.DataFrame, covered: Period) -> pd.DataFrame:
        months = self.period.months()
        labels = [month_label(month, covered) for month in months]
        return safe.reindex(months).set_axis(pd.Index(labels, name="month"))

    def months_shown(self, figure_id: str) -> pd.Series:
        """Per ``YYYY-MM`` of a monthly series in figures.json: True where it is shown, False where withheld."""
        return months_shown(self.figures.get(figure_id, {}), self.threshold)

    def chart_values(self, table: pd.DataFrame) -> pd.DataFrame:
        """:meth:`board_table` as numbers for a chart: withheld cells become missing, so no bar or point shows them."""
        return self.board_table(table).apply(pd.to_numeric, errors="coerce")

    def show(self, table: pd.DataFrame, caption: str) -> None:
        """Show a breakdown table, Board-safe, each column formatted for its role; shown coarser, or left out, with the
        sentence why (:meth:`published`)."""
        self._show(table, self.published(table), caption)

    def _show(self, table: pd.DataFrame, published: Published, caption: str) -> None:
        """:meth:`show`, the table as ``published`` (:meth:`published`)."""
        roles = roles_of(table)
        if published.note:
            say(f"{caption}: {published.note}")
        if published.table is None:
            return
        formatted = format_by_role(published.table, roles)
        if roles.covered is not None and not published.grain:
            uncovered = [month_label(m, roles.covered) for m in not_covered_months(self.period, roles.covered)]
            formatted.loc[uncovered] = NOT_COVERED_TEXT
        caption = f"{caption} (shown {published.grain})" if published.grain else caption
        show_table(formatted.rename(columns=column_label).rename_axis(index=column_label(formatted.index.name or "")), caption)

    def show_heat(self, table: pd.DataFrame, share: str, caption: str) -> None:
        """Show a team × month table's ``share`` column as a heat table (:mod:`readiness.present.heat`), Board-safe:
        shown coarser, or left out, with the sentence why (:meth:`published`)."""
        published = self.published(table, columns=[share])
        if published.note:
            say(f"{caption}: {published.note}")
        if published.table is not None:
            heat.show_heat(heat_grid(published.table[share]), f"{caption} (shown {published.grain})" if published.grain else caption)

    def safe_shares(self, table: pd.DataFrame, numerators: str | list[str], denominator: str) -> pd.DataFrame:
        """Shares for a chart, from the Board-safe table: missing wherever the numerator or the denominator
        is withheld there, so a chart shows nothing the table hides; worked from the exact counts and, in a
        public edition, published at the page's precision (a whole percent), as a share column is."""
        numerators = [numerators] if isinstance(numerators, str) else list(numerators)
        board = self._safe_table(table, 0).apply(pd.to_numeric, errors="coerce")
        shares = board[numerators].div(board[denominator].where(board[denominator] > 0), axis=0)
        return shares.apply(lambda column: column.map(lambda v: published_value(v, "share", "", self.params.rounding), na_action="ignore"))

    def chart(
        self,
        table: pd.DataFrame,
        chart: Callable,
        title: str,
        alt: str,
        columns: str | list[str] | None = None,
        per: str | None = None,
        **options,
    ) -> None:
        """Show ``chart`` (a :mod:`readiness.present.charts` function) of a table's Board-safe values, titled, with alt text.

        ``columns``: one column (drawn as a series), several (headed in words, for the legend) or
        ``None`` (the whole table as it is); with ``per``, the shares of that denominator the
        ``columns`` make (:meth:`safe_shares`). ``options`` go to the chart (e.g. ``x``, ``y``). A table this edition
        publishes coarser, or leaves out (:meth:`published`), gets no chart: the table's place says why.
        """
        self._chart(table, self.published(table), chart, title, alt, columns, per, **options)

    def _chart(self, table: pd.DataFrame, published: Published, chart: Callable, title: str, alt: str, columns=None, per=None, **options):
        """:meth:`chart`, the table as ``published``: shown as made, that is :meth:`board_table` (its values drawn)."""
        if published.table is None or published.grain:
            return  # the table is left out of this edition, or shown coarser: its place says why (:meth:`show`)
        if per is not None:
            values = self.safe_shares(table, columns, per).rename(columns=column_label)
        else:
            values = chart_columns(published.table.apply(pd.to_numeric, errors="coerce"), columns)
        show_chart(chart(values, title=title, **options), alt=alt)

    def chart_then_table(self, table: pd.DataFrame, chart: Callable, title: str, alt: str, caption: str, **choices) -> None:
        """:meth:`chart` of a table (``choices`` as there), then the table itself (:meth:`show`): disclosure control
        applied once to both."""
        published = self.published(table)
        self._chart(table, published, chart, title, alt, **choices)
        self._show(table, published, caption)

    def funnel_values(self, table: pd.DataFrame, share: str) -> pd.DataFrame:
        """Each team's share as the Board table shows it, and its denominator (``denominator``) withheld as a count of
        the table would be, even where the table does not show it (a funnel plot places each team by it); a team whose
        share or denominator is withheld gets neither."""
        roles = roles_of(table)
        denominator = roles.shares[share][1]
        counted = replace(roles, counts=tuple(dict.fromkeys((*roles.counts, denominator))), total=None)
        safe = suppress_board_table(table, counted, self.threshold).apply(pd.to_numeric, errors="coerce")
        shown = self.chart_values(table)[share].where(safe[share].notna())
        both = shown.notna() & safe[denominator].notna()
        return pd.DataFrame({share: shown.where(both), "denominator": safe[denominator].where(both)})

    def funnel_then_table(self, table: pd.DataFrame, share: str, title: str, alt: str, caption: str, better: str | None = "higher") -> None:
        """Teams compared on a share as a funnel plot (:mod:`readiness.present.funnel`) of the Board-safe values, each
        team against the share's denominator (from the table's roles); then the teams outside the 99.8 % limits named
        (``better``: the share's better direction), then the table itself (:meth:`show`)."""
        values = self.funnel_values(table, share)
        result = funnel(values[share], values["denominator"])
        size = column_label(roles_of(table).shares[share][1])
        size = size if size[1:2].isupper() else size[:1].lower() + size[1:]  # "ICPCs …" stays, "With both …" → "with both …"
        show_chart(funnel_chart(result, title, f"Team size: {size}"), alt=alt)
        say(outside_sentence(result, better))
        self.show(table, caption)

    def headline(self, figure_id: str) -> str:
        """A sentence on a share: its value over the period and, when it has a monthly series, how that moves by SPC.
        It names the figure as its declaration's ``in_sentence`` phrase, else its label."""
        label = phrase(figure_id, "sentence")
        series_id = monthly_id(figure_id)
        trend = ""
        if series_id in self.figures:
            xmr = self.xmr(series_id)
            trend = spc_sentence(xmr.reading, describe(figure_id).better, "share", xmr.reason)
        return share_headline(label, self.figures[figure_id], self.threshold, trend, self.params.rounding)

    def trend_title(self, figure_id: str) -> str:
        """A chart title stating the SPC finding of a figure's monthly series (named as :meth:`show_xmr` names it)."""
        label = phrase(figure_id, "chart")
        return trend_title(label, self.xmr(monthly_id(figure_id)).reading, describe(figure_id).better)

    @cached_property
    def history(self) -> list[dict]:
        """The earlier packs' ``figures.json`` documents (``history``), oldest first."""
        return load_history(self.params.history)

    def xmr(self, series_id: str) -> XmrSeries:
        """A monthly series as figures.json publishes it, with the whole months before the period and those of
        earlier packs before those, read by SPC (:mod:`readiness.present.spc_series`)."""
        before = {series_id: self.whole_months.get(series_id, {})}
        ours = {series_id: self.figures.get(series_id, {})}
        published = publish(ours, before, self.threshold, self.params.rounding)
        figures = {**before[series_id], **ours[series_id]}
        history = [published_document(document, self.params.rounding) for document in self.history]
        read = exact(ours, before, [series_id]) if self.params.audience == "public" else published
        xmr = xmr_series(series_id, read, self.params, history, self.exact_returns.get(series_id), exact=figures)
        xmr = as_published(xmr, series_id, published, self.params, history, (self.returns or {}).get(series_id))
        if xmr.per_month is None:
            return xmr
        return replace(xmr, per_month=published_value(xmr.per_month, "count", "", self.params.rounding))  # "about 15 a month"

    def show_xmr(self, figure_id: str) -> None:
        """Show the XmR chart of a figure's monthly series, titled with its SPC finding, its alt text saying the same;
        the figure named as its declaration's ``on_chart`` phrase, else its label."""
        label = phrase(figure_id, "chart")
        xmr = self.xmr(monthly_id(figure_id))
        indicator = describe(figure_id)
        fig = xmr_chart(xmr, trend_title(label, xmr.reading, indicator.better), indicator.kind)
        show_chart(fig, xmr_alt_text(label, xmr, indicator.kind))

    def facts(self, *figure_ids: str) -> str:
        """Headline figures as a Markdown list in plain words (e.g. ``- Contacts: 8,000``), withheld where small.

        Figures the inputs do not allow (e.g. a rate without ``child_population``) are left out; one that is null
        because the return does not carry a column it reads says so (:mod:`readiness.inputs.unexported`).
        """
        shown = {i: self.figures[i] for i in figure_ids if i in self.figures}
        labels = {i: label_with_standard(i, self.params) for i in shown}  # a local standard with its value
        return figure_facts(shown, self.threshold, self.params.rounding, {i: not_in_return(self.unexported, i) for i in shown}, labels)

    def withholding_note(self, more: str = "") -> str:
        """The section's caveat on small numbers, as a Markdown list item (:func:`readiness.present.narrative.withholding_note`)."""
        return f"- {withholding_note(self.threshold, more, self.params.rounding)}"

    def standard(self, name: str) -> str:
        """A local standard the parameters set, as a reader sees it: ``pack.standard("cin_seen_interval_days")`` →
        "28 days" (:func:`readiness.config.standards.standard_days`), never the parameter's name."""
        return standard_days(self.params, name)

    def commentary(self, slug: str) -> str:
        """The council's own commentary on a section: ``<commentary>/<slug>.md``, or "" when there is none; a claim of
        change about a figure whose chart shows common cause gets a note after it (:mod:`readiness.present.claims`)."""
        path = commentary_file(self.params, slug)
        text = path.read_text(encoding="utf-8") if path is not None and path.is_file() else ""
        notes = claim_notes(text, self._series_names(), self._variation) if text.strip() else ""
        return f"{text.rstrip()}\n\n{notes}\n" if notes else text

    def _series_names(self) -> dict[str, list[str]]:
        """Each figure with a monthly series in this pack, by the names a commentary may call it."""
        names = {}
        for series_id, item in self.figures.items():
            declared = REGISTRY.find(series_id)
            if isinstance(item, dict) and declared is not None and declared.series:
                figure_id = series_id.replace(".monthly", "", 1)
                names[figure_id] = list(dict.fromkeys((figure_name(figure_id), phrase(figure_id, "chart"), phrase(figure_id, "sentence"))))
        return names

    def _variation(self, figure_id: str) -> str | None:
        reading = self.xmr(monthly_id(figure_id)).reading
        return None if reading is None else reading.variation


_SHARED: dict[tuple[str, str], Pack] = {}


@contextmanager
def shared_with_notebooks(pack: Pack, params_file: Path, inputs_file: Path):
    """While open, notebooks run in this process get ``pack`` itself instead of re-reading it."""
    key = (str(params_file), str(inputs_file))
    _SHARED[key] = pack
    try:
        yield
    finally:
        _SHARED.pop(key, None)


def open_pack(params_file: str | Path | None = None, inputs_file: str | Path | None = None, **overrides) -> Pack:
    """The pack's parameters and inputs: shared by the build, from ``inputs_file``, or read once and cached.

    In a notebook, ``pack = open_pack()`` takes the latest run of its parameters cell (see
    :mod:`readiness.config.overrides`): ``params_file`` (``None``: ``$READINESS_PARAMS``, else
    ``parameters/local.yaml``, else ``parameters/demo.yaml``), ``inputs_file`` and the overrides it sets,
    which replace the parameters file's values. Files given take the place of the cell's, and
    ``overrides`` given (``audience="internal"``) of all the cell's overrides.
    In JupyterLab (no ``inputs_file``) the inputs are read and checked the first time and kept
    in the git-ignored ``outputs/.cache``, so the next notebook opens them in a moment. In a Jupyter
    kernel, the pack is stated and marked (:mod:`readiness.pack.kernel`).
    """
    settings = notebook_settings()
    if params_file is None and inputs_file is None:
        params_file, inputs_file = settings.params_file, settings.inputs_file
    overrides = overrides or settings.overrides
    path, inputs_file = parameters_file(params_file), inputs_file or ""
    shared = _SHARED.get((str(path), str(inputs_file)))
    if shared is not None and all(getattr(shared.params, key) == value for key, value in overrides.items()):
        return shared  # the build's own pack, for the edition the overrides name
    params = load_params(path, overrides)
    announce(params, path)
    if inputs_file:
        return Pack(params, kept_inputs(Path(inputs_file)))
    return Pack(params, cached_inputs(params, input_hashes(params), ANALYST_CACHE / params.pack_id))
