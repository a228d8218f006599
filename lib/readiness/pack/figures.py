"""Every headline figure of a pack, and the ``figures.json`` document built from them."""

from __future__ import annotations

import json
from functools import partial
from pathlib import Path
from typing import Mapping

from readiness import SPEC_VERSION
from readiness.config.comparisons import comparisons, comparisons_document
from readiness.config.params import Params
from readiness.disclosure.control import protect_series, suppress_figures, withhold_small_complements
from readiness.disclosure.relations import audit
from readiness.disclosure.rounding import published_document
from readiness.indicators import (
    actions,
    adoption,
    assessments,
    audit_programme,
    audits,
    care,
    care_leavers,
    care_regulations,
    decisions,
    early_help,
    equality,
    frontdoor,
    improvement_plan,
    mock,
    protection,
    protection_standards,
    rereferrals,
    returns_alone,
    returns_care,
    returns_workforce,
    statutory_clock,
    strategy,
    workforce,
)
from readiness.indicators.common import whole_months_only
from readiness.indicators.figure import Figure, FigureValue
from readiness.indicators.returns_history import history_from_returns
from readiness.indicators.unreadable import LeftOut, figures_without_unreadable_rows
from readiness.inputs.bundle import Inputs
from readiness.parallel import run_all
from readiness.present.spc_series import exact, monthly_ids, publish, spc_document, window_start
from readiness.present.vitals import load_history

THEMES = (audits, actions, mock, assessments, strategy, frontdoor, protection, workforce)
THEMES += (decisions, rereferrals, early_help, adoption)  # issue 12: front-door decisions, re-referrals, early help, adoption
THEMES += (care, care_leavers)  # ILACS: the experiences of children in care, and of care leavers
THEMES += (care_regulations, protection_standards, statutory_clock, audit_programme, equality)  # version 4
THEMES += (returns_care, returns_workforce, returns_alone)  # DfE's definitions, and a pack from the statutory returns alone (issue 27)
THEMES += (improvement_plan,)  # what Ofsted found and the improvement plan (issue 25)


def compute_figures(inputs: Inputs, params: Params) -> dict[str, FigureValue]:
    """All figures the inputs allow, keyed by their ``indicators.md`` id, protected for the audience:
    monthly series against their period figure, headline figures against the sums and shares that
    tie them to each other and to the Board tables (:func:`readiness.disclosure.relations.audit`), shares whose
    complement is small withheld first."""
    left_out = LeftOut.of(inputs)
    return protected([figures_without_unreadable_rows(theme.figures, inputs, params, left_out) for theme in THEMES], inputs, params)


def protected(themes: list[dict[str, FigureValue]], inputs: Inputs, params: Params) -> dict[str, FigureValue]:
    """Every theme's figures, in the order of :data:`THEMES`, protected for the audience (see :func:`compute_figures`)."""
    result: dict[str, FigureValue] = {}
    for figures in themes:
        result.update(figures)
    threshold = params.suppression_threshold
    return audit(protect_series(withhold_small_complements(result, threshold), threshold), inputs, params)


_SHARED: list = []  # the inputs, parameters and left-out columns :func:`edition_figures`' forked workers inherit (never pickled)


def edition_figures(inputs: Inputs, params: Params, parallel: int = 1) -> tuple[dict, dict, dict]:
    """What a build computes for one edition before its sections run: :func:`compute_figures`, :func:`whole_month_series`
    and :func:`return_months`, the themes shared out over ``parallel`` processes where the system forks
    (:func:`readiness.parallel.run_all`: the same figures, merged in the order of :data:`THEMES`)."""
    _SHARED[:] = [inputs, params, LeftOut.of(inputs)]
    try:
        tasks = [partial(_shared_task, index) for index in range(len(THEMES) + 2)]
        whole, returns, *themes = run_all(tasks, parallel)
    finally:
        _SHARED.clear()
    return protected(themes, inputs, params), whole, returns


def _shared_task(index: int):
    """Task ``index`` of :func:`edition_figures`: the whole-month series (the longest, so a worker takes it first), the
    returns' months, then each theme's figures."""
    inputs, params, left_out = _SHARED
    if index == 0:
        return whole_month_series(inputs, params)
    if index == 1:
        return return_months(inputs, params)
    return figures_without_unreadable_rows(THEMES[index - 2].figures, inputs, params, left_out)


SERIES_THEMES = (audits, actions, assessments, strategy, frontdoor, protection)
"""The themes with monthly series."""


def whole_month_series(inputs: Inputs, params: Params) -> dict[str, dict[str, Figure]]:
    """Every monthly series over the 36 months up to ``period_end`` (:func:`readiness.present.spc_series.window_start`),
    a month that starts before the data's first date not covered (:func:`readiness.indicators.common.whole_months_only`):
    the months an SPC chart reads before the period, and which of the period's months are whole."""
    start = window_start(params.period_end)
    window = params.model_copy(update={"period_start": start})
    result: dict[str, dict[str, Figure]] = {}
    left_out = LeftOut.of(inputs)
    with whole_months_only(start):
        for theme in SERIES_THEMES:
            computed = figures_without_unreadable_rows(theme.figures, inputs, window, left_out)
            result.update({key: dict(value) for key, value in computed.items() if isinstance(value, Mapping)})
    return result


def internal(params: Params) -> Params:
    """The parameters as an internal (Board) edition has them: nothing withheld, nothing rounded."""
    return params if params.audience == "internal" else params.model_copy(update={"audience": "internal"})


def return_months(inputs: Inputs, params: Params) -> dict[str, dict[str, float | None]]:
    """The months the statutory returns give each monthly series before Annex A's coverage
    (:func:`readiness.indicators.returns_history.history_from_returns`), published as a monthly series is: small numbers
    withheld (``None``), with a second month where one alone would be, and rounded for a public edition."""
    threshold = params.suppression_threshold
    values, _ = suppress_figures(protect_series(history_from_returns(inputs, params), threshold), threshold, params.rounding)
    return {series_id: dict(months) for series_id, months in values.items()}


def figures_document(
    figures: Mapping[str, FigureValue],
    params: Params,
    coverage: Mapping[str, str | None] | None = None,
    before: Mapping[str, Mapping[str, Figure]] | None = None,
    returns: Mapping[str, Mapping[str, float]] | None = None,
    exact_returns: Mapping[str, Mapping[str, float | None]] | None = None,
) -> dict:
    """The ``figures.json`` document, with disclosure control applied for the audience; ``coverage`` is the first
    day each provided Annex A list covers (:func:`readiness.inputs.coverage.coverage_document`); ``spc`` reads every monthly
    series as published, with the whole months ``before`` it (:func:`whole_month_series`), then the months statutory
    ``returns`` hold by series id, then those of the ``history`` packs (:mod:`readiness.present.spc_series`), passed
    through the same rule: a public edition's values are those it publishes (:mod:`readiness.disclosure.rounding`), its
    SPC read from the exact values and the statutory returns' exact months (``exact_returns``)."""
    values, suppressed = suppress_figures(figures, params.suppression_threshold, params.rounding)
    published = publish(figures, before or {}, params.suppression_threshold, params.rounding)
    read = (exact(figures, before or {}, monthly_ids(published)), exact_returns) if params.audience == "public" else None
    history = [published_document(document, params.rounding) for document in load_history(params.history)]
    period = params.period
    return {
        "spec_version": SPEC_VERSION,
        "pack_id": params.pack_id,
        "la_name": params.la_name,
        "period_start": period.start.isoformat(),
        "period_end": period.end.isoformat(),
        "snapshot_date": period.snapshot.isoformat(),
        "audience": params.audience,
        "coverage": dict(coverage or {}),
        "comparators": comparisons_document(comparisons(params)),
        "figures": values,
        "suppressed": suppressed,
        "spc": spc_document(published, params, history, returns, read),
    }


def write_json(document: dict, path: Path) -> None:
    """Write JSON deterministically: sorted keys, two-space indent, UTF-8, final newline."""
    path.write_text(json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
