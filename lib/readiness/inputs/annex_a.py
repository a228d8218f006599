"""Ofsted's Annex A: find each list in a workbook or a folder of CSVs, read it, apply the snapshot rule."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Iterable

import pandas as pd

from readiness.config.params import Params
from readiness.errors import Problem

from .annex_a_tables import ANNEX_A
from .codes import compact_key
from .normalise import Findings, normalise
from .schema import BOOL, OUTCOME, TableSpec
from .tables import Table, Unreadable, read_file, read_sheet, workbook_sheets
from .unexported import unexported_warnings
from .values import fold, heading_key
from .workbooks import NOT_A_WORKBOOK, WORKBOOK_SUFFIXES, check_regular_file, workbook_format

LIST_NAME = re.compile(r"(?<![a-z])(?:list|aa)[\s_-]*0*(\d{1,2})(?!\d)", re.IGNORECASE)  # ``AA_1_contacts``: the SSD's
EARLIEST = pd.Timestamp("1990-01-01")
NOT_A_WORKBOOK_OR_FOLDER = "not a workbook (.xlsx, .xlsm, .xlsb, .xls or .ods, judged by its content) or a folder of CSV files"


@dataclass(frozen=True)
class Source:
    """Where one list lives: a sheet of a workbook, or a CSV file."""

    path: Path
    sheet: str | None
    label: str
    hidden: bool = False

    def read(self, spec: TableSpec) -> Table:
        """The list as a :class:`Table`."""
        if self.sheet is None:
            return read_file(self.path, spec, self.label)
        return read_sheet(self.path, self.sheet, spec, self.label)


def list_number(name: str) -> int | None:
    """The list a sheet or file name holds: ``List_1``, ``List 1 - Contacts``, ``List1``, ``AA_1_contacts`` → 1; else ``None``."""
    found = LIST_NAME.search(name)
    number = int(found.group(1)) if found else None
    return number if number in ANNEX_A else None


def locate_lists(path: Path) -> tuple[dict[int, Source], list[str]]:
    """Every list of an Annex A workbook (any format, judged by content) or CSV folder, and a note
    for each hidden sheet involved.

    The first visible sheet or file naming a list wins; a hidden sheet is read only when no
    visible one names its list (a stale copy is usually what is hidden).
    """
    if path.is_dir():
        files = [p for p in sorted(path.iterdir()) if p.suffix.lower() == ".csv"]
        candidates = [Source(p, None, f"{path.name}/{p.name}") for p in files]
        names = [p.stem for p in files]
    else:
        check_regular_file(path)
        if workbook_format(path) is None:
            raise Unreadable(NOT_A_WORKBOOK if path.suffix.lower() in WORKBOOK_SUFFIXES else NOT_A_WORKBOOK_OR_FOLDER)
        sheets = workbook_sheets(path)
        candidates = [Source(path, sheet, path.name, hidden=not visible) for sheet, visible in sheets]
        names = [sheet for sheet, _ in sheets]
    by_list: dict[int, list[Source]] = {}
    for name, source in zip(names, candidates):
        number = list_number(name)
        if number is not None:
            by_list.setdefault(number, []).append(source)
    found = {number: choose_source(sources) for number, sources in by_list.items()}
    notes = [hidden_note(number, found[number], sources) for number, sources in sorted(by_list.items())]
    return found, [note for note in notes if note]


def choose_source(sources: list[Source]) -> Source:
    """The first visible source of a list, else the first hidden one."""
    return next((source for source in sources if not source.hidden), sources[0])


def hidden_note(number: int, chosen: Source, sources: list[Source]) -> str | None:
    """What the reader did about hidden sheets naming list ``number``; ``None`` when none does."""
    hidden = [f"'{source.sheet}'" for source in sources if source.hidden and source is not chosen]
    if chosen.hidden:
        return f"List {number} is read from hidden sheet '{chosen.sheet}', the only sheet naming it: unhide it or check it is current"
    if hidden:
        return f"hidden sheet {', '.join(hidden)} also names List {number} and was not read; visible sheet '{chosen.sheet}' was"
    return None


def locate_annex_a(path: Path, findings: Findings, required: Iterable[int] = ()) -> dict[int, Source]:
    """Every list of the Annex A at ``path``; an error when it cannot be read, holds no list, or lacks a ``required`` one."""
    try:
        sources, notes = locate_lists(path)
    except Unreadable as exc:
        findings.errors.append(Problem(path.name, str(exc)))
        return {}
    findings.warnings += [Problem(path.name, note) for note in notes]
    if not sources:
        findings.errors.append(Problem(path.name, "no Annex A list found (sheets or CSV files named List 1 to List 11)"))
    for number in sorted(set(required) - set(sources)):
        findings.errors.append(Problem(path.name, f"required list missing: {ANNEX_A[number].label}"))
    return sources


def collect_lists(read: list[tuple[int, pd.DataFrame | None, Findings]], findings: Findings) -> dict[str, pd.DataFrame]:
    """The lists :func:`read_one_list` read (``list_N`` → frame), their problems added to ``findings`` in list order.

    An unreadable used list is an error, an unreadable unused one (2, 8-11) a warning.
    """
    lists = {}
    for number, frame, found in sorted(read, key=lambda piece: piece[0]):
        findings.extend(found)
        if frame is not None:
            lists[f"list_{number}"] = frame
    return lists


def read_one_list(number: int, source: Source, params: Params, workers: set[str] | None) -> tuple[int, pd.DataFrame | None, Findings]:
    """One list read and normalised, with the problems found in it.

    ``workers``, the workforce extract's ids when there is one, is checked against ``Allocated Worker``.
    """
    findings = Findings()
    try:
        table = source.read(ANNEX_A[number])
    except Unreadable as exc:
        problems = findings.errors if ANNEX_A[number].used else findings.warnings
        problems.append(Problem(source.label, str(exc), source.sheet))
        return number, None, findings
    findings.errors += table.errors
    findings.warnings += table.warnings
    present = set(table.frame.columns)
    frame = read_list(table, ANNEX_A[number], params, findings, workers)
    findings.warnings += unexported_warnings(ANNEX_A[number], frame, present, source.label, source.sheet)
    return number, frame, findings


def read_list(table: Table, spec: TableSpec, params: Params, findings: Findings, workers: set[str] | None) -> pd.DataFrame:
    """One list normalised, with the parameters' own Yes/No words, the snapshot rule and the row-level checks applied."""
    apply_own_codes(table, spec, params.codes)
    frame = normalise(table, spec, findings)
    if not spec.checked:
        return frame
    if "personal_advisor" in frame:
        frame["personal_advisor"] = unallocate(frame["personal_advisor"], params.unallocated_values)
    if "worker" in frame:
        frame["worker"] = unallocate(frame["worker"], params.unallocated_values)
        if workers is not None:
            unknown = frame["worker"].notna() & ~frame["worker"].isin(workers)
            findings.warn_rows(
                table, frame, unknown, spec.heading_of("worker"), "Allocated Worker matches no worker_id in the workforce extract"
            )
    frame = apply_snapshot(table, spec, frame, params.period.snapshot, findings)
    check_dates(table, spec, frame, params.period.snapshot, findings)
    return frame


def apply_own_codes(table: Table, spec: TableSpec, own: dict[str, dict[str, str]]) -> None:
    """The parameters' ``codes`` (a heading → a word → ``Yes`` or ``No``): each Yes/No column they name reads those words
    as they say (case, spaces and punctuation aside) before its values are checked."""
    keys = spec.heading_keys()
    for heading, words in own.items():
        name = keys.get(heading_key(heading))
        column = spec.column(name) if name else None
        if column is None or column.kind not in (BOOL, OUTCOME) or name not in table.frame:
            continue
        mapping = {compact_key(pd.Series([word], dtype="string")).iloc[0]: answer for word, answer in words.items()}
        text = table.frame[name]
        table.frame[name] = compact_key(text).map(mapping).astype("string").fillna(text)


def unallocate(workers: pd.Series, unallocated_values: list[str]) -> pd.Series:
    """Workers with placeholders (``Unallocated`` etc., any case) as ``<NA>``."""
    placeholders = [value.casefold() for value in unallocated_values]
    return workers.mask(fold(workers).isin(placeholders).fillna(False).astype(bool))


def date_columns(frame: pd.DataFrame) -> list[str]:
    """The frame's date columns, in order."""
    return [name for name in frame.columns if pd.api.types.is_datetime64_any_dtype(frame[name])]


def apply_snapshot(table: Table, spec: TableSpec, frame: pd.DataFrame, snapshot: date, findings: Findings) -> pd.DataFrame:
    """A row whose key date (the contact, referral or start) is after the snapshot leaves the frame;
    any other date after it (an authorisation, closure, end, visit or conference) becomes ``NaT``:
    not yet happened at the snapshot, so the row is still open then."""
    day = pd.Timestamp(snapshot)
    key_date = spec.row_id[-1]
    keep = pd.Series(True, index=frame.index)
    for name in date_columns(frame):
        if name == "date_of_birth":
            continue
        late = (frame[name] > day) & keep
        heading = spec.heading_of(name)
        if name == key_date:
            findings.warn_rows(table, frame, late, heading, f"date after the snapshot date ({snapshot}); row left out")
            keep &= ~late
        else:
            findings.warn_rows(table, frame, late, heading, f"date after the snapshot date ({snapshot}); counted as not yet happened")
            frame[name] = frame[name].mask(late.astype(bool))
    return frame[keep].reset_index(drop=True)


def check_dates(table: Table, spec: TableSpec, frame: pd.DataFrame, snapshot: date, findings: Findings) -> None:
    """Warn about dates before 1990, future dates of birth, and ends or conferences before their starts."""
    for name in date_columns(frame):
        findings.warn_rows(table, frame, frame[name] < EARLIEST, spec.heading_of(name), "date before 1990")
    unborn = frame["age"] == -1
    born_later = (frame["date_of_birth"] > pd.Timestamp(snapshot)) & ~unborn.fillna(False).astype(bool)
    findings.warn_rows(table, frame, born_later, spec.heading_of("date_of_birth"), "date of birth after the snapshot date")
    for end, start, message in (
        ("authorisation_date", "assessment_start", "authorisation before its start"),
        ("icpc_date", "strategy_date", "ICPC before its strategy discussion"),
        ("assessment_completion", "assessment_start", "early-help assessment completed before its start"),
    ):
        if end in frame:
            findings.warn_rows(table, frame, frame[end] < frame[start], spec.heading_of(end), message)
