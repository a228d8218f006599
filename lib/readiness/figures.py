"""Every headline figure of a pack, and the ``figures.json`` document built from them."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Mapping

from . import SPEC_VERSION
from .disclosure import protect_series, suppress_figures
from .figure import FigureValue
from .indicators import assessments, audits, frontdoor, protection, strategy, workforce
from .indicators import care, care_leavers
from .inputs import Inputs
from .params import Params
from .unreadable import figures_without_unreadable_rows

THEMES = (audits, assessments, strategy, frontdoor, protection, workforce)
THEMES += (care, care_leavers)  # ILACS: the experiences of children in care, and of care leavers


def compute_figures(inputs: Inputs, params: Params) -> dict[str, FigureValue]:
    """All figures the inputs allow, keyed by their ``indicators.md`` id, monthly series protected for the audience."""
    result: dict[str, FigureValue] = {}
    for theme in THEMES:
        result.update(figures_without_unreadable_rows(theme.figures, inputs, params))
    return protect_series(result, params.suppression_threshold)


def figures_document(figures: Mapping[str, FigureValue], params: Params) -> dict:
    """The ``figures.json`` document, with disclosure control applied for the audience."""
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
        "figures": values,
        "suppressed": suppressed,
    }


def write_json(document: dict, path: Path) -> None:
    """Write JSON deterministically: sorted keys, two-space indent, UTF-8, final newline."""
    path.write_text(json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
