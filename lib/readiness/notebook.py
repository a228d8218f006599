"""What a notebook needs: the pack's parameters and inputs, and Board-safe tables and charts.

A notebook's ``parameters`` cell holds plain paths; its next cell calls :func:`open_pack`.
Every table and chart shown through :class:`Pack` passes disclosure control first.
"""
from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property
from datetime import date
from html import escape
from pathlib import Path

import pandas as pd
from IPython.display import HTML, display

from . import charts, disclosure, spc
from .catalogue import describe
from .figure import FigureValue
from .inputs import Inputs
from .narrative import figure_facts, share_headline, spc_sentence, trend_title, xmr_alt_text
from .cache import cached_inputs, commentary_file, input_hashes
from .coverage import covered_period, coverage_note, coverage_of, latest_coverage, list_names, month_label, not_covered_months
from .overrides import notebook_overrides
from .params import Params, load_params
from .paths import ANALYST_CACHE
from .period import Period
from .store import kept_inputs
from .safetext import markdown_html
from .vitals import load_history


@dataclass
class Pack:
    """One pack's parameters and normalised inputs, as a notebook sees them."""

    params: Params
    inputs: Inputs
    computed: dict[str, FigureValue] | None = None

    @property
    def period(self) -> Period:
        return self.params.period

    @property
    def threshold(self) -> int:
        """Largest count suppressed for this audience (0 = none)."""
        return self.params.suppression_threshold

    @property
    def figures(self) -> dict[str, FigureValue]:
        """Every headline figure, as :mod:`readiness.figures` computes them (once; the build passes them in)."""
        if self.computed is None:
            from .figures import compute_figures

            self.computed = compute_figures(self.inputs, self.params)
        return self.computed

    def has(self, *keys: str) -> bool:
        """Whether every named input (``case_audits``, ``list_4`` …) was given."""
        return all(self.inputs.has(key) for key in keys)

    @property
    def coverage(self) -> dict[int, date | None]:
        """The first day each Annex A list covers (:func:`readiness.coverage.list_coverage`)."""
        return coverage_of(self.inputs, self.params)

    def covered(self, *lists: int) -> Period:
        """The part of the period that Annex A ``lists`` all cover: pass it to by-month and period breakdowns."""
        return covered_period(self.period, latest_coverage(self.coverage, lists))

    def coverage_note(self, *lists: int) -> str:
        """A sentence saying the section's period figures count the covered part only ("" when it is the whole period)."""
        return coverage_note(self.period, latest_coverage(self.coverage, lists), list_names(sorted(lists)))

    def board_table(
        self,
        table: pd.DataFrame,
        counts: list[str],
        share_of_total: dict[str, str] | None = None,
        mirror: dict[str, str] | None = None,
        covered: Period | None = None,
        **roles,
    ) -> pd.DataFrame:
        """``table`` with disclosure control applied (see :func:`disclosure.suppress_breakdown`), codes in words.

        ``share_of_total`` maps a share column to the count column whose column total is its
        denominator (e.g. each caseload band's share of all workers); it is checked as a share
        of that total. ``mirror`` maps a column of a by-month table to the monthly series of
        figures.json that also publishes it, so the two withhold the same months. ``covered``,
        for a by-month table made over :meth:`covered`, adds the months it does not cover as
        empty rows (never 0, and never part of disclosure control) and marks a partial first month.
        """
        share_of_total = share_of_total or {}
        totals = {f"_total_{c}": table[c].sum() for c in share_of_total.values()}
        shares = {**roles.pop("shares", {}), **{s: (c, f"_total_{c}") for s, c in share_of_total.items()}}
        shown = {column: self.months_shown(figure_id) for column, figure_id in (mirror or {}).items()}
        safe = disclosure.suppress_breakdown(table.assign(**totals), self.threshold, counts, shares=shares, mirror=shown, **roles)
        if safe.index.name in CODED_INDEXES:
            safe.index = safe.index.map(column_label)
        return safe if covered is None else self._with_uncovered_months(safe, covered)

    def _with_uncovered_months(self, safe: pd.DataFrame, covered: Period) -> pd.DataFrame:
        months = self.period.months()
        labels = [month_label(month, covered) for month in months]
        return safe.reindex(months).set_axis(pd.Index(labels, name="month"))

    def months_shown(self, figure_id: str) -> pd.Series:
        """Per ``YYYY-MM`` of a monthly series in figures.json: True where it is shown, False where withheld."""
        return disclosure.months_shown(self.figures.get(figure_id, {}), self.threshold)

    def chart_values(self, table: pd.DataFrame, counts: list[str], **roles) -> pd.DataFrame:
        """:meth:`board_table` as numbers for a chart: withheld cells become missing, so no bar or point shows them."""
        return self.board_table(table, counts, **roles).apply(pd.to_numeric, errors="coerce")

    def show(self, table: pd.DataFrame, caption: str, counts: list[str], **roles) -> None:
        """Show a breakdown table, Board-safe, each column formatted for its role."""
        safe = self.board_table(table, counts, **roles)
        kinds = {c: "count" for c in [*counts, roles.get("total")]}
        kinds.update({c: "share" for c in [*roles.get("shares", {}), *roles.get("share_of_total", {})]})
        formatted = pd.DataFrame({c: [disclosure.format_value(v, kinds.get(c, "number")) for v in safe[c]] for c in safe.columns}, index=safe.index)
        covered = roles.get("covered")
        if covered is not None:
            uncovered = [month_label(m, covered) for m in not_covered_months(self.period, covered)]
            formatted.loc[uncovered] = NOT_COVERED_TEXT
        show_table(formatted.rename(columns=column_label).rename_axis(index=column_label(safe.index.name or "")), caption)

    def safe_shares(self, table: pd.DataFrame, numerators: str | list[str], denominator: str, **roles) -> pd.DataFrame:
        """Shares for a chart, from the Board-safe table (``roles`` as for :meth:`board_table`):
        missing wherever the numerator or the denominator is withheld there, so a chart shows nothing the table hides."""
        numerators = [numerators] if isinstance(numerators, str) else list(numerators)
        board = self.chart_values(table, **roles)
        return board[numerators].div(board[denominator].where(board[denominator] > 0), axis=0)

    def headline(self, figure_id: str, label: str) -> str:
        """A sentence on a share: its value over the period and, when it has a monthly series, how that moves by SPC."""
        series_id = monthly_id(figure_id)
        trend = ""
        if series_id in self.figures:
            trend = spc_sentence(self.xmr(series_id).reading, describe(figure_id).better, "share", self.params.spc_min_points)
        return share_headline(label, self.figures[figure_id], self.threshold, trend)

    def trend_title(self, figure_id: str, label: str) -> str:
        """A chart title stating the SPC finding of a figure's monthly series."""
        return trend_title(label, self.xmr(monthly_id(figure_id)).reading, describe(figure_id).better)

    @cached_property
    def history(self) -> list[dict]:
        """The earlier packs' ``figures.json`` documents (``history``), oldest first."""
        return load_history(self.params.history)

    def xmr(self, series_id: str) -> spc.XmrSeries:
        """A monthly series as figures.json publishes it, with the months of earlier packs it lacks, read by SPC."""
        values, suppressed = disclosure.suppress_figures({series_id: self.figures.get(series_id, {})}, self.threshold)
        points, earlier = spc.series_points(series_id, values[series_id], suppressed, self.history, self.threshold)
        return spc.xmr_series(series_id, points, earlier, self.params)

    def show_xmr(self, figure_id: str, label: str) -> None:
        """Show the XmR chart of a figure's monthly series, titled with its SPC finding, its alt text saying the same."""
        xmr = self.xmr(monthly_id(figure_id))
        indicator = describe(figure_id)
        fig = charts.xmr_chart(xmr, trend_title(label, xmr.reading, indicator.better), indicator.kind, self.params.spc_min_points)
        show_chart(fig, xmr_alt_text(label, xmr, indicator.kind))

    def facts(self, *figure_ids: str) -> str:
        """Headline figures as a Markdown list in plain words (e.g. ``- Contacts: 8,000``), withheld where small.

        Figures the inputs do not allow (e.g. a rate without ``child_population``) are left out.
        """
        return figure_facts({i: self.figures[i] for i in figure_ids if i in self.figures}, self.threshold)

    def commentary(self, slug: str) -> str:
        """The council's own commentary on a section: ``<commentary>/<slug>.md``, or "" when there is none."""
        path = commentary_file(self.params, slug)
        return path.read_text(encoding="utf-8") if path is not None and path.is_file() else ""


def monthly_id(figure_id: str) -> str:
    """A headline figure's monthly series: ``audits.x`` → ``audits.monthly.x``."""
    return figure_id.replace(".", ".monthly.", 1)


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


def open_pack(params_file: str | Path, inputs_file: str | Path = "", **overrides) -> Pack:
    """The pack's parameters and inputs: shared by the build, from ``inputs_file``, or read once and cached.

    In JupyterLab (no ``inputs_file``) the inputs are read and checked the first time and kept
    in the git-ignored ``outputs/.cache``, so the next notebook opens them in a moment.
    ``overrides`` (e.g. ``audience="internal"``) replace the parameters file's values; when none
    are given, those set in the notebook's parameters cell apply (see :mod:`readiness.overrides`).
    """
    overrides = overrides or notebook_overrides()
    shared = None if overrides else _SHARED.get((str(params_file), str(inputs_file)))
    if shared is not None:
        return shared
    params = load_params(params_file, overrides)
    if inputs_file:
        return Pack(params, kept_inputs(Path(inputs_file)))
    return Pack(params, cached_inputs(params, input_hashes(params), ANALYST_CACHE / params.pack_id))


NOT_COVERED_TEXT = "not covered"
CODED_INDEXES = ("domain", "audit_type", "outcome", "agency")
LABELS = {
    # the denominators of the blank-value rule: rows where the value a share needs is recorded
    "nfa_recorded": "NFA recorded",
    "repeat_recorded": "Re-referral count recorded",
    "outcome_recorded": "Outcome recorded",
    "previous_recorded": "Previous plans recorded",
    "participation_recorded": "Worker participation recorded",
    "statutory_known": "All three partners known",
    "attendance_recorded": "Attendance recorded",
    "invited_recorded": "Invitation recorded",
    "invited_attended": "Attended when invited",
    "invited_attended_share": "Attended when invited (%)",
    "reaudits": "Re-audits",
    "reaudits_share": "Re-audits (%)",
    "requires_improvement": "Requires improvement",
    "good_or_better": "Good or better",
    "good_or_better_share": "Good or better (%)",
    "within_45": "Within 45 working days",
    "within_45_share": "Within 45 working days (%)",
    "median_working_days": "Median working days",
    "worker_participated": "Done with the worker",
    "worker_participated_share": "Done with the worker (%)",
    "statutory_partners": "All statutory partners present",
    "statutory_partners_share": "All statutory partners present (%)",
    "count": "Number",
    "count_share": "Share of all (%)",
    "nfa": "No further action",
    "nfa_share": "No further action (%)",
    "repeat": "Re-referrals",
    "repeat_share": "Re-referrals (%)",
    "s47": "Section 47 enquiries",
    "icpcs": "ICPCs",
    "icpcs_timed": "ICPCs with valid dates",
    "mean_per_fte": "Children per case-holding FTE",
    "agency_share": "Agency share of FTE (%)",
    "workers_share": "Share of workers (%)",
    "before_graded": "Graded, 8 weeks before",
    "before_good_or_better": "Good or better, 8 weeks before",
    "before_share": "Good or better, 8 weeks before (%)",
    "after_graded": "Graded, 8 weeks after",
    "after_good_or_better": "Good or better, 8 weeks after",
    "after_share": "Good or better, 8 weeks after (%)",
    # issue 12: front-door decisions, re-referrals, assessment outcomes, early help, adoption
    "timely": "Within one working day",
    "timely_share": "Within one working day (%)",
    "timed": "With both times recorded",
    "within_24_hours": "Within 24 hours",
    "within_24_hours_share": "Within 24 hours (%)",
    "decided_share": "Share of decisions (%)",
    "status_known": "Re-referral known",
    "rereferral": "Re-referrals (DfE)",
    "rereferral_share": "Re-referrals, DfE's rate (%)",
    "outcome_known": "Outcome recorded",
    "no_support": "No need for support",
    "no_support_share": "No need for support (%)",
    "median_days": "Median days to complete",
    "a1_timed": "With both A1 dates",
    "a1_within": "A1 within 426 days",
    "a1_within_share": "A1 within 426 days (%)",
    "a2_timed": "With both A2 dates",
    "a2_within": "A2 within 121 days",
    "a2_within_share": "A2 within 121 days (%)",
    # children in care and care leavers
    "iro_contact": "IRO contact",
    "iro_contact_share": "IRO contact (%)",
    "eet": "In education, employment or training",
    "eet_share": "In education, employment or training (%)",
    "neet": "Not in education, employment or training",
    "neet_share": "Not in education, employment or training (%)",
    "not_required": "No longer requires services",
    "returned_home": "Returned home",
    "refused": "Refused contact",
}


def column_label(name: str) -> str:
    """A column heading in plain words: ``attended_police`` → ``Attended police``."""
    name = str(name)
    if name in LABELS:
        return LABELS[name]
    text = name.replace("_share", " (%)").replace("_", " ")
    return text[:1].upper() + text[1:]


def show_table(table: pd.DataFrame, caption: str) -> None:
    """Display a table (already Board-safe and formatted) with its caption."""
    html = table.to_html(border=0, classes="data", escape=True)
    opening, rest = html.split(">", 1)
    display(HTML(f"{opening}><caption>{escape(caption)}</caption>{rest}"))


def show_chart(fig, alt: str) -> None:
    """Display a chart as an embedded SVG image with alt text."""
    display(HTML(charts.to_html(fig, alt)))


def say(text: str) -> None:
    """Display narrative or commentary (Markdown) through the sanitiser, so no markup in it runs; empty text displays nothing."""
    if text and text.strip():
        display(HTML(markdown_html(text)))
