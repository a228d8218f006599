"""The council's local extracts (case audits, strategy meetings, workforce, supervision, audit actions,
front-door decisions), CSV or any workbook."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from readiness.errors import Problem

from .extract_tables import EXTRACTS
from .normalise import Findings, normalise
from .plan import PLAN_CHECKS
from .tables import Table, Unreadable, read_file

MEETING_FIELDS = ("child_id", "meeting_date", "team")


def read_extract(path: Path, name: str, renames: dict[str, str], findings: Findings) -> pd.DataFrame | None:
    """One local extract normalised, with its own checks; ``None`` when it cannot be read."""
    try:
        table = read_file(path, EXTRACTS[name], path.name, renames)
    except Unreadable as exc:
        findings.errors.append(Problem(path.name, str(exc)))
        return None
    findings.errors += table.errors
    findings.warnings += table.warnings
    frame = normalise(table, EXTRACTS[name], findings)
    if name == "strategy_meetings":
        check_meetings(table, frame, findings)
    if name == "workforce":
        frame["fte"] = frame["fte"].fillna(1.0)
        leaves_early = frame["end_date"] < frame["start_date"]
        findings.warn_rows(table, frame, leaves_early, "end_date", "worker leaves before starting")
    if name in PLAN_CHECKS:
        PLAN_CHECKS[name](table, frame, findings)
    if name == "front_door_decisions":
        findings.warn_rows(table, frame, decided_before_received(frame), "decided", "decided before it was received")
    return frame


def decided_before_received(frame: pd.DataFrame) -> pd.Series:
    """Mask of front-door decisions made before their contact arrived: by the clock when both carry a time, else by the day."""
    timed = frame["received_timed"] & frame["decided_timed"]
    by_clock = frame["decided"] < frame["received"]
    by_day = frame["decided"].dt.normalize() < frame["received"].dt.normalize()
    return by_clock.where(timed, by_day)


def check_meetings(table: Table, frame: pd.DataFrame, findings: Findings) -> None:
    """Error for each field on which a meeting's rows disagree, naming the meeting's first row and a disagreeing one."""
    if frame.empty:
        return
    firsts = frame.drop_duplicates("meeting_id").set_index("meeting_id")
    first_row = frame["meeting_id"].map(firsts["_row"])
    for name in MEETING_FIELDS:
        expected = frame["meeting_id"].map(firsts[name])
        same = (frame[name] == expected).fillna(False).astype(bool) | (frame[name].isna() & expected.isna())
        bad = frame[~same].drop_duplicates("meeting_id")
        if bad.empty:
            continue
        row, other = int(bad["_row"].iloc[0]), int(first_row[bad.index[0]])
        message = f"rows {other} and {row} of meeting '{bad['meeting_id'].iloc[0]}' disagree on {name}"
        findings.errors.append(Problem(table.file, message, table.sheet, row, name, int((~same).sum()) - 1))
