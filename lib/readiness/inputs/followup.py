"""The follow-up of case audits: audits and actions from the extracts and a completed case-tracking workbook, joined up.

An action whose ``audit_id`` names no audit (in ``case_audits`` or the workbook) is a warning
and is left out, as ``inputs.md`` says.
"""
from __future__ import annotations

import pandas as pd

from readiness.config.params import Params
from readiness.errors import Problem

from .bundle import Inputs
from .normalise import Findings
from .tracking import Piece, read_tracking_workbook

FOLLOW_UP = ("case_audits", "audit_actions")
UNKNOWN_AUDIT = "audit_id names no audit in case_audits; the action is left out"


def add_follow_up(inputs: Inputs, params: Params, findings: Findings) -> None:
    """Add a completed case-tracking workbook's audits and actions to the extracts', then drop actions of unknown audits."""
    pieces: dict[str, list[Piece]] = {name: [] for name in FOLLOW_UP}
    for name in FOLLOW_UP:
        frame = getattr(inputs, name)
        if frame is not None:
            pieces[name].append(Piece(getattr(params.data, name).name, None, frame))
    if params.data.case_tracking is not None:
        for name, found in read_tracking_workbook(params.data.case_tracking, findings).items():
            pieces[name] += found
    inputs.case_audits = joined(pieces["case_audits"])
    known = set() if inputs.case_audits is None else set(inputs.case_audits["audit_id"].dropna())
    inputs.audit_actions = joined([drop_unknown_audits(piece, known, findings) for piece in pieces["audit_actions"]])


def joined(pieces: list[Piece]) -> pd.DataFrame | None:
    """The pieces' frames one under the other (``None`` when there are none)."""
    if not pieces:
        return None
    if len(pieces) == 1:
        return pieces[0].frame
    return pd.concat([piece.frame for piece in pieces], ignore_index=True)


def drop_unknown_audits(piece: Piece, known: set[str], findings: Findings) -> Piece:
    """The piece without actions whose ``audit_id`` is not in ``known``, with one warning for them."""
    unknown = ~piece.frame["audit_id"].isin(known)
    rows = piece.frame.loc[unknown, "_row"]
    if len(rows):
        findings.warnings.append(Problem(piece.file, UNKNOWN_AUDIT, piece.sheet, int(rows.min()), "audit_id", len(rows) - 1))
    return Piece(piece.file, piece.sheet, piece.frame[~unknown].reset_index(drop=True))
