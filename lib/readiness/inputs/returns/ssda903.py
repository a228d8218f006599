"""The SSDA903 (children looked after) return: the CSV files DfE's tool takes, one folder a year.

Each file is read as text with its headings checked (a file without the columns of its kind is not
that file: the build stops); dates are ``dd/mm/yyyy``. Rows breaking a DfE rule the figures read are
warnings, and the child's rows leave those figures (episodes: every episode of that child, so no
placement is counted from half a history). Row numbers are as a spreadsheet shows them (heading = 1).
"""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd

from readiness.errors import InputError, Problem
from readiness.inputs.values import is_in

from .rows import RowProblems, codes, leaves, uk_dates

# Each file: the columns it must have, and its date columns (the figures reading a column are those whose declaration
# names ``ssda903_<file>.<column>`` in ``reads``: :mod:`readiness.config.figures`).
FILES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "header": (("CHILD", "SEX", "DOB"), ("DOB",)),
    "episodes": (("CHILD", "DECOM", "RNE", "LS", "PLACE", "DEC", "URN"), ("DECOM", "DEC")),
    "reviews": (("CHILD", "REVIEW"), ("REVIEW",)),
    "uasc": (("CHILD", "DUC"), ("DUC",)),
    "missing": (("CHILD", "MIS_START"), ("MIS_START", "MIS_END")),
    "oc2": (("CHILD",), ()),
    "oc3": (("CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM"), ("DOB",)),
    "ad1": (("CHILD", "DATE_INT", "DATE_MATCH"), ("DATE_INT", "DATE_MATCH")),
    "placed_for_adoption": (("CHILD", "DATE_PLACED"), ("DATE_PLACED", "DATE_PLACED_CEASED")),
    "previous_permanence": (("CHILD", "PREV_PERM"), ()),
    "sbpfa": (("CHILD",), ()),
}
OPTIONAL = frozenset({"sbpfa"})
MOST_FIELD = 1_000  # characters in one cell: no SSDA903 field is longer
RNE = frozenset("SPLTUB")
LEGAL_STATUSES = frozenset({"C1", "C2", "D1", "E1", "J1", "J2", "J3", "L1", "L2", "L3", "V2", "V3", "V4"})
IN_TOUCH = frozenset({"YES", "NO", "DIED", "REFU", "NREQ", "RHOM"})


def read_ssda903(folder: Path) -> tuple[dict[str, pd.DataFrame], RowProblems, int | None]:
    """The frames ``ssda903_<file>`` of one year's folder, its problems and the year its episodes end in
    (:func:`year_of`); :class:`InputError` when it is not one."""
    folder = Path(folder)
    found = {path.stem.lower(): path for path in sorted(folder.iterdir()) if path.suffix.lower() == ".csv" and path.is_file()}
    missing = [name for name in FILES if name not in found and name not in OPTIONAL]
    if missing:
        raise InputError([Problem(folder.name, f"an SSDA903 folder needs {', '.join(f'{m}.csv' for m in missing)} (not found here)")])
    problems = RowProblems(folder.name)
    frames = {}
    for name in FILES:
        if name in found:
            frames[f"ssda903_{name}"] = _read_file(found[name], name, problems)
    _check_episodes(frames, problems)
    _check_oc3(frames, problems)
    return frames, problems, year_of(frames)


def _read_file(path: Path, name: str, problems: RowProblems) -> pd.DataFrame:
    required, dates = FILES[name]
    label = f"{path.parent.name}/{path.name}"
    with path.open(encoding="utf-8-sig", errors="replace", newline="") as stream:
        rows = list(_bounded_rows(csv.reader(stream), label))
    if not rows:
        raise InputError([Problem(label, "the file is empty (an SSDA903 file starts with its headings)")])
    headings = [h.strip().upper() for h in rows[0]]
    absent = [column for column in required if column not in headings]
    if absent:
        raise InputError(
            [Problem(label, f"not an SSDA903 {name} file: no column {', '.join(absent)} (headings found: {', '.join(headings[:12])})")]
        )
    body = [row + [""] * (len(headings) - len(row)) for row in rows[1:]]
    frame = pd.DataFrame([row[: len(headings)] for row in body], columns=headings, dtype="string")
    frame = frame.apply(lambda column: column.str.strip().replace("", pd.NA))
    frame["_row"] = range(2, len(frame) + 2)
    file_problems = RowProblems(label)
    for column in dates:
        if column in frame:
            frame[column] = file_problems.typed(
                frame, column, uk_dates(frame[column]), "a date (dd/mm/yyyy)", leaves(f"ssda903_{name}", column)
            )
    problems.warnings += file_problems.warnings
    problems.errors += file_problems.errors
    return frame


def _bounded_rows(reader, label: str):
    for row in reader:
        if any(len(cell) > MOST_FIELD for cell in row):
            raise InputError([Problem(label, f"row {reader.line_num}: a cell of more than {MOST_FIELD} characters: not an SSDA903 file")])
        yield row


def _check_episodes(frames: dict[str, pd.DataFrame], problems: RowProblems) -> None:
    """Episodes breaking a rule the figures read: the child's episodes leave every figure reading episodes (flag
    ``_left_out``), so no placement, start or end is counted from half a history."""
    episodes = frames["ssda903_episodes"]
    figures = leaves("ssda903_episodes", *[column for column in episodes if column != "_row"])
    file = _as(problems, problems.file + "/episodes.csv")
    left = "the child's episodes leave the figures"
    checks = (
        ("DECOM", f"no date episode commenced: {left}", episodes["DECOM"].isna()),
        ("DEC", f"date episode ceased before it commenced: {left}", episodes["DEC"] < episodes["DECOM"]),
        ("RNE", f"reason for new episode is not S, P, L, T, U or B: {left}", ~episodes["RNE"].fillna("").str.upper().isin(RNE)),
        ("LS", f"legal status is not a code: {left}", codes(episodes["LS"].fillna(""), LEGAL_STATUSES).isna()),
        ("PLACE", f"no placement type: {left}", episodes["PLACE"].isna()),
    )
    bad = pd.Series(False, index=episodes.index)
    for column, message, mask in checks:
        mask = mask.fillna(False).astype(bool)
        file.warn(episodes.loc[mask, "_row"], column, message, figures)
        bad |= mask
    episodes["RNE"] = episodes["RNE"].str.upper()
    episodes["_left_out"] = is_in(episodes["CHILD"], episodes.loc[bad, "CHILD"]) | episodes["CHILD"].isna()


def _check_oc3(frames: dict[str, pd.DataFrame], problems: RowProblems) -> None:
    """Care leavers' rows with a code DfE does not accept: blank where unreadable, with a warning."""
    oc3 = frames["ssda903_oc3"]
    file = _as(problems, problems.file + "/oc3.csv")
    touch = codes(oc3["IN_TOUCH"].fillna(""), IN_TOUCH)
    file.warn(
        oc3.loc[touch.isna(), "_row"],
        "IN_TOUCH",
        "not YES, NO, DIED, REFU, NREQ or RHOM: the row leaves the care-leaver figures",
        leaves("ssda903_oc3", "IN_TOUCH"),
    )
    oc3["IN_TOUCH"] = touch
    accom = oc3["ACCOM"].str.upper()
    suitability = accom.str.fullmatch(r"[A-Z][12]").fillna(False).astype(bool)
    readable = suitability | accom.isna() | accom.eq("0").fillna(False)  # 0: not known
    file.warn(
        oc3.loc[~readable, "_row"],
        "ACCOM",
        "not 0 or a letter and a suitability digit 1 or 2: left out of suitable accommodation",
        leaves("ssda903_oc3", "ACCOM"),
    )
    oc3["ACCOM"] = accom.where(suitability)
    activity = oc3["ACTIV"].str.upper()
    known = activity.isna() | activity.str.fullmatch(r"[FPG][1-6]|0")
    file.warn(
        oc3.loc[~known.astype(bool), "_row"],
        "ACTIV",
        "not an activity code (F1–F5, P1–P5, G4–G6 or 0): counted as not known",
        leaves("ssda903_oc3", "ACTIV"),
    )
    oc3["ACTIV"] = activity.where(known.astype(bool))


def _as(problems: RowProblems, file: str) -> RowProblems:
    """A view of ``problems`` that names another file: its warnings go to the same list."""
    return RowProblems(file, problems.warnings, problems.errors)


def year_of(folder_frames: dict[str, pd.DataFrame]) -> int | None:
    """The year (ending 31 March) of a folder given without one: the first 31 March on or after its latest DECOM or DEC."""
    episodes = folder_frames["ssda903_episodes"]
    latest = pd.concat([episodes["DECOM"], episodes["DEC"]]).max()
    if pd.isna(latest):
        return None
    return latest.year + (1 if (latest.month, latest.day) > (3, 31) else 0)
