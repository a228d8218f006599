"""Labels from the inputs made safe for the Board: no identifiers, no control characters, no team left blank.

The input columns whose values label the rows of Board tables and charts are declared once,
in :data:`BOARD_LABELS` (teams, audit types, auditor roles, early-help organisations, action
themes, front-door outcomes); each ``domain_<name>`` heading of the case audits labels a domain.
A label that is, in fact, a child's id (from Annex A or the extracts) or a worker's id or name
(the workforce and supervision extracts, Annex A's Allocated Worker and Personal Advisor) is
replaced by :data:`WITHHELD`, with a warning that never quotes it. Labels are compared ignoring
case and runs of spaces. Every other text column of an input is an identifier or is declared in
:data:`NOT_LABELS`, never to reach a Board table (``tests/inputs/test_labels.py`` checks both).
"""

from __future__ import annotations

import re
from dataclasses import replace

import pandas as pd

from readiness.config.params import Params
from readiness.errors import Problem
from readiness.safetext import clean_label

from .bundle import Inputs

NOT_RECORDED = "Not recorded"
"""What a blank team is shown as, in every table and chart."""

WITHHELD = "Withheld (looks like an identifier)"
ANNEX_A = "annex_a"
BOARD_LABELS: dict[str, tuple[str, ...]] = {
    ANNEX_A: ("team", "organisation"),  # every list's team; List 2's organisation completing early help
    "case_audits": ("team", "audit_type", "auditor_role"),
    "strategy_meetings": ("team",),
    "workforce": ("team",),
    "supervision": (),
    "audit_actions": ("theme",),
    "front_door_decisions": ("team", "outcome"),
    "immediate_concerns": (),
    "audit_checks": (),
    "findings": ("source", "area", "wording"),  # the finding as published, shown in both editions
    "improvement_actions": ("owner_role", "action"),  # a role (never a name); the wording only in a Board edition
}
"""The one place that says which input columns reach a Board table (or a chart) as labels: each is checked
for identifiers. A text column of an input that is in none of this, :data:`IDENTIFIER_COLUMNS` and
:data:`NOT_LABELS` fails ``tests/inputs/test_labels.py``."""
IDENTIFIER_COLUMNS = ("child_id", "adopter_id", "worker", "worker_id", "personal_advisor")
NOT_LABELS: dict[str, tuple[str, ...]] = {
    ANNEX_A: ("placement_postcode", "placement_urn", "placement_la"),  # read for figures, never shown
    "audit_actions": ("action",),  # free text that may name people: no figure or table carries it
    "immediate_concerns": ("escalated_to",),  # a role; the pack shows counts and days, never the concern
    "findings": ("figures", "audit_domains", "themes"),  # names of figures, domains and themes: shown by their labels
}
"""Text columns that no Board table or chart shows (the demo pack is checked for their values)."""
DOMAIN_PREFIX = "domain_"


def label_key(text: object) -> str:
    """How labels and identifiers are compared: case and runs of spaces ignored."""
    return " ".join(str(text).split()).casefold()


def named_frames(inputs: Inputs, params: Params) -> dict[str, pd.DataFrame]:
    """Every input frame, keyed by the name a warning gives it (``Annex A List 3``, ``case_audits.csv``)."""
    return {name: frame for name, (_, frame) in _frames_by_input(inputs, params).items()}


def _frames_by_input(inputs: Inputs, params: Params) -> dict[str, tuple[str, pd.DataFrame]]:
    """Every input frame, keyed by the name a warning gives it, with the key of :data:`BOARD_LABELS` it comes under."""
    frames = {f"Annex A List {key.removeprefix('list_')}": (ANNEX_A, frame) for key, frame in inputs.annex_a.items()}
    for name in (name for name in BOARD_LABELS if name != ANNEX_A):
        frame = getattr(inputs, name)
        if frame is not None:
            frames[_name_of(params, name)] = (name, frame)
    return frames


def identifiers(frames: dict[str, pd.DataFrame]) -> set[str]:
    """Every child id, adopter id, worker id and worker name in the inputs, as :func:`label_key` gives them (each
    distinct value once, however many lists and extracts it is in)."""
    columns = [frame[column].dropna() for frame in frames.values() for column in IDENTIFIER_COLUMNS if column in frame]
    return {label_key(value) for value in pd.concat(columns, ignore_index=True).unique()} if columns else set()


def protect_labels(inputs: Inputs, params: Params, warnings: list[Problem]) -> list[Problem]:
    """Make every label in ``inputs`` Board-safe, in place; return ``warnings`` with identifiers taken out
    of them (an unknown column headed with a child's id), then the warnings about the labels changed."""
    frames = _frames_by_input(inputs, params)
    known = identifiers({file: frame for file, (_, frame) in frames.items()})
    warnings = [without_identifiers(problem, known) for problem in warnings]
    for file, (key, frame) in frames.items():
        for column in BOARD_LABELS[key]:
            if column in frame:
                warnings += withhold_identifier_values(frame, column, known, file)
    if inputs.case_audits is not None:
        warnings += withhold_identifier_headings(inputs.case_audits, known, _name_of(params, "case_audits"))
    if inputs.workforce is not None:
        warnings += name_blank_teams(inputs.workforce, _name_of(params, "workforce"))
    return warnings


NUMBERED = re.compile(r"\b(?:lists?|rows?)\s+\d+(?:(?:,\s*|\s+and\s+|\s+to\s+|\s*[-–]\s*)\d+)*", re.IGNORECASE)
"""A list or row number in a warning (``List 3``, ``rows 4 and 5``): a place in the file, never an identifier."""


def without_identifiers(problem: Problem, known: set[str]) -> Problem:
    """``problem`` with every identifier in its column or message (a heading listed, a quoted value) replaced by
    ``[withheld]``; list and row numbers (:data:`NUMBERED`) stay, even where a child's id is the same number."""
    column = "[withheld]" if problem.column and label_key(problem.column) in known else problem.column
    pieces, start = [], 0
    for reference in NUMBERED.finditer(problem.message):
        pieces += [_withhold_words(problem.message[start : reference.start()], known), reference.group()]
        start = reference.end()
    message = "".join([*pieces, _withhold_words(problem.message[start:], known)])
    if (column, message) == (problem.column, problem.message):
        return problem
    return replace(problem, column=column, message=message)


def _withhold_words(text: str, known: set[str]) -> str:
    """``text`` with each identifier in it replaced: a part between commas, colons, semicolons or quotes, then a word."""
    return _withhold_parts(_withhold_parts(text, r"(, |: |; |')", known), r"(\s+)", known)


def _withhold_parts(text: str, separator: str, known: set[str]) -> str:
    """``text`` with each part between ``separator`` matches that is an identifier replaced by ``[withheld]``."""
    return "".join("[withheld]" if part.strip() and label_key(part) in known else part for part in re.split(separator, text))


def _name_of(params: Params, extract: str) -> str:
    """The file an extract was read from: its own, else the case-tracking workbook that alone gave it."""
    return (getattr(params.data, extract) or params.data.case_tracking).name


def withhold_identifier_values(frame: pd.DataFrame, column: str, known: set[str], file: str) -> list[Problem]:
    """Clean ``frame[column]`` of control characters and withhold values that are identifiers, in place."""
    safe = {value: WITHHELD if label_key(value) in known else clean_label(value) for value in frame[column].dropna().unique()}
    labels = frame[column].map(safe, na_action="ignore").astype(frame[column].dtype)
    withheld = labels.eq(WITHHELD).fillna(False).astype(bool)
    frame[column] = labels
    if not withheld.any():
        return []
    rows = frame.loc[withheld, "_row"]
    message = f"a {column.replace('_', ' ')} is a child's id or a worker's id or name; shown as '{WITHHELD}'"
    return [Problem(file, message, row=int(rows.iloc[0]), column=column, more=len(rows) - 1)]


def withhold_identifier_headings(frame: pd.DataFrame, known: set[str], file: str) -> list[Problem]:
    """Rename each ``domain_<name>`` heading whose name is an identifier (``domain_withheld_1`` …) and clean the rest, in place."""
    renames, withheld = {}, 0
    for column in [c for c in frame.columns if str(c).startswith(DOMAIN_PREFIX)]:
        name = column.removeprefix(DOMAIN_PREFIX)
        if label_key(name) in known or label_key(name.replace("_", " ")) in known:
            withheld += 1
            renames[column] = f"{DOMAIN_PREFIX}withheld_{withheld}"
        elif clean_label(column) != column:
            renames[column] = clean_label(column)
    frame.columns = [renames.get(column, column) for column in frame.columns]
    if not withheld:
        return []
    message = f"{withheld} domain heading(s) are a child's id or a worker's id or name; shown as 'Withheld 1', 'Withheld 2' …"
    return [Problem(file, message)]


def name_blank_teams(workforce: pd.DataFrame, file: str) -> list[Problem]:
    """Give workers with a blank team the team ``Not recorded``, in place, so they stay in every table by team."""
    blank = workforce["team"].isna()
    if not blank.any():
        return []
    workforce["team"] = workforce["team"].fillna(NOT_RECORDED)
    rows = workforce.loc[blank, "_row"]
    message = f"worker with a blank team; shown under '{NOT_RECORDED}'"
    return [Problem(file, message, row=int(rows.iloc[0]), column="team", more=len(rows) - 1)]
