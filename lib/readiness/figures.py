"""Every headline figure of a pack, and the ``figures.json`` document built from them."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Mapping

from . import SPEC_VERSION
from .disclosure import protect_series, suppress_figures
from .figure import FigureValue
from .indicators import actions, assessments, audits, frontdoor, protection, strategy, workforce
from .indicators import adoption, decisions, early_help, rereferrals
from .indicators import care, care_leavers
from .inputs import Inputs
from .params import Params
from .relations import audit
from .spc import spc_document
from .unreadable import figures_without_unreadable_rows
from .vitals import load_history

THEMES = (audits, actions, assessments, strategy, frontdoor, protection, workforce)
THEMES += (decisions, rereferrals, early_help, adoption)  # issue 12: front-door decisions, re-referrals, early help, adoption
THEMES += (care, care_leavers)  # ILACS: the experiences of children in care, and of care leavers


def compute_figures(inputs: Inputs, params: Params) -> dict[str, FigureValue]:
    """All figures the inputs allow, keyed by their ``indicators.md`` id, protected for the audience:
    monthly series against their period figure, headline figures against the sums and shares that
    tie them to each other and to the Board tables (:func:`readiness.relations.audit`)."""
    result: dict[str, FigureValue] = {}
    for theme in THEMES:
        result.update(figures_without_unreadable_rows(theme.figures, inputs, params))
    return audit(protect_series(result, params.suppression_threshold), inputs, params)


def figures_document(figures: Mapping[str, FigureValue], params: Params, coverage: Mapping[str, str | None] | None = None) -> dict:
    """The ``figures.json`` document, with disclosure control applied for the audience; ``coverage`` is the first
    day each provided Annex A list covers (:func:`readiness.coverage.coverage_document`); ``spc`` reads every monthly
    series as published, with the months of the ``history`` packs it lacks (:mod:`readiness.spc`)."""
    values, suppressed = suppress_figures(figures, params.suppression_threshold)
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
        "figures": values,
        "suppressed": suppressed,
        "spc": spc_document(values, suppressed, params, load_history(params.history)),
    }


def write_json(document: dict, path: Path) -> None:
    """Write JSON deterministically: sorted keys, two-space indent, UTF-8, final newline."""
    path.write_text(json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
