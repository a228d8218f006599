"""The follow-up of case audits: audits, actions, immediate concerns and compliance checks from the extracts and a
completed case-tracking workbook, joined up.

An action or a compliance check whose ``audit_id`` names no audit (in ``case_audits`` or the workbook) is a
warning and is left out, as ``inputs.md`` says. A mock audit read from the workbook without the council
auditor's grade is a warning: it leaves ``case_audits`` (so no audit figure counts it) for ``mock_only_audits``,
which the mock-inspection ids read beside ``case_audits``. Audits, actions (by their audit's date) and concerns
dated after the period end are a warning, one per file: this week's audits on last month's return are not lost,
they count in the next pack.
"""

from __future__ import annotations

from typing import Callable

import pandas as pd

from readiness.config.params import Params
from readiness.errors import Problem

from .bundle import Inputs
from .normalise import Findings
from .tracking import Piece, read_tracking_workbook

FOLLOW_UP = ("case_audits", "audit_actions", "immediate_concerns", "audit_checks")
UNKNOWN_AUDIT = "audit_id names no audit in case_audits; the {} left out"
AFTER_THE_END = "{n} {what} dated after the period end ({end}): {they} in the next pack"
NO_COUNCIL_GRADE = "a mock audit with no council auditor's grade: it counts only in the mock-inspection figures"


def add_follow_up(inputs: Inputs, params: Params, findings: Findings) -> None:
    """Add a completed case-tracking workbook's blocks to the extracts', then drop actions and checks of unknown audits;
    warn of audits, actions and concerns dated after the period end."""
    pieces: dict[str, list[Piece]] = {name: [] for name in FOLLOW_UP}
    for name in FOLLOW_UP:
        frame = getattr(inputs, name)
        if frame is not None:
            pieces[name].append(Piece(getattr(params.data, name).name, None, frame))
    if params.data.case_tracking is not None:
        for name, found in read_tracking_workbook(params.data.case_tracking, findings).items():
            pieces[name] += [set_aside_ungraded(piece, inputs, findings) for piece in found] if name == "case_audits" else found
    inputs.case_audits = joined(pieces["case_audits"])
    known = set() if inputs.case_audits is None else set(inputs.case_audits["audit_id"].dropna())
    mock_known = known | (set() if inputs.mock_only_audits is None else set(inputs.mock_only_audits["audit_id"].dropna()))
    pieces["audit_actions"] = [drop_unknown_audits(piece, known, findings, "action is") for piece in pieces["audit_actions"]]
    inputs.audit_actions = joined(pieces["audit_actions"])
    inputs.audit_checks = joined([drop_unknown_audits(piece, mock_known, findings, "check is") for piece in pieces["audit_checks"]])
    inputs.immediate_concerns = joined(pieces["immediate_concerns"])
    audit_dates = None if inputs.case_audits is None else inputs.case_audits.drop_duplicates("audit_id").set_index("audit_id")["audit_date"]
    end = pd.Timestamp(params.period_end)
    findings.warnings += after_the_end(pieces["case_audits"], lambda f: f["audit_date"], end, ("audit", "audits"))
    if audit_dates is not None:
        findings.warnings += after_the_end(
            pieces["audit_actions"],
            lambda f: pd.Series(audit_dates.reindex(f["audit_id"]).to_numpy(), index=f.index),
            end,
            ("action of an audit", "actions of audits"),
        )
    findings.warnings += after_the_end(
        pieces["immediate_concerns"], lambda f: f["raised_date"], end, ("immediate concern", "immediate concerns")
    )


def after_the_end(
    pieces: list[Piece], dated: Callable[[pd.DataFrame], pd.Series], end: pd.Timestamp, what: tuple[str, str]
) -> list[Problem]:
    """One warning per file holding rows ``dated`` after ``end`` (they are outside this pack, not lost)."""
    late: dict[str, int] = {}
    for piece in pieces:
        late[piece.file] = late.get(piece.file, 0) + int((pd.to_datetime(dated(piece.frame)) > end).sum())
    return [
        Problem(file, AFTER_THE_END.format(n=n, what=what[n != 1], they=("it counts", "they count")[n != 1], end=f"{end.day} {end:%B %Y}"))
        for file, n in late.items()
        if n
    ]


def set_aside_ungraded(piece: Piece, inputs: Inputs, findings: Findings) -> Piece:
    """The workbook's audits without those lacking the council's grade, which join ``inputs.mock_only_audits``
    (with one warning)."""
    ungraded = piece.frame["grade"].isna()
    if ungraded.any():
        rows = piece.frame.loc[ungraded, "_row"]
        findings.warnings.append(Problem(piece.file, NO_COUNCIL_GRADE, piece.sheet, int(rows.min()), "grade", len(rows) - 1))
        aside = [frame for frame in (inputs.mock_only_audits, piece.frame[ungraded]) if frame is not None]
        inputs.mock_only_audits = pd.concat(aside, ignore_index=True)
    return Piece(piece.file, piece.sheet, piece.frame[~ungraded].reset_index(drop=True))


def joined(pieces: list[Piece]) -> pd.DataFrame | None:
    """The pieces' frames one under the other (``None`` when there are none)."""
    if not pieces:
        return None
    if len(pieces) == 1:
        return pieces[0].frame
    return pd.concat([piece.frame for piece in pieces], ignore_index=True)


def drop_unknown_audits(piece: Piece, known: set[str], findings: Findings, what: str) -> Piece:
    """The piece without rows whose ``audit_id`` is not in ``known``, with one warning for them."""
    unknown = ~piece.frame["audit_id"].isin(known)
    rows = piece.frame.loc[unknown, "_row"]
    if len(rows):
        findings.warnings.append(Problem(piece.file, UNKNOWN_AUDIT.format(what), piece.sheet, int(rows.min()), "audit_id", len(rows) - 1))
    return Piece(piece.file, piece.sheet, piece.frame[~unknown].reset_index(drop=True))
