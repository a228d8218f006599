"""Readers: every input, however a council spells it, as the frames of ``docs/data-model.md``.

:func:`load_inputs` is what the build calls; :func:`read_inputs` is the same without raising,
for ``readiness validate``.
"""
from __future__ import annotations

from typing import Iterable

from ..errors import InputError
from ..inputs import Inputs
from ..params import Params
from .annex_a import read_annex_a
from .extracts import read_extract
from .normalise import Findings
from .templates import write_templates

__all__ = ["load_inputs", "read_inputs", "write_templates"]
EXTRACT_NAMES = ("case_audits", "strategy_meetings", "workforce", "supervision")


def read_inputs(params: Params, required_lists: Iterable[int] = (), parallel: int = 1) -> tuple[Inputs, Findings]:
    """Every input ``params.data`` names, normalised, and all the errors and warnings found.

    Annex A lists not in ``required_lists`` may be absent (the sections needing them are left out).
    ``parallel`` > 1 reads that many Annex A lists at once in forked processes (the build does).
    """
    findings = Findings()
    inputs = Inputs(warnings=findings.warnings)
    for name in EXTRACT_NAMES:
        path = getattr(params.data, name)
        if path is not None:
            setattr(inputs, name, read_extract(path, name, params.columns.get(name, {}), findings))
    if params.data.annex_a is not None:
        workers = None if inputs.workforce is None else set(inputs.workforce["worker_id"].dropna())
        inputs.annex_a = read_annex_a(params.data.annex_a, params, findings, workers, required_lists, parallel)
    return inputs, findings


def load_inputs(params: Params, required_lists: Iterable[int] = (), parallel: int = 1) -> Inputs:
    """Every input ``params.data`` names, normalised; raises :class:`InputError` listing every error."""
    inputs, findings = read_inputs(params, required_lists, parallel)
    if findings.errors:
        raise InputError(findings.errors)
    return inputs
