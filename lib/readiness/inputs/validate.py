"""``readiness validate``: every error and warning in a pack's inputs, as a to-fix list for the data team.

The same rows make the pack's *Data quality* table (:func:`quality_rows`), the printed list
(:func:`format_report`) and the CSV (:func:`write_csv`): one per problem, grouped by file, list
and column, with the count of rows, up to three example rows (Excel row numbers, never a
child's id) and the figures the rows leave (those the pack shows: never one kept in ``figures.json`` for continuity;
in the pack, named as the pack names them, never by id).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from readiness.config.catalogue import figure_name, in_words
from readiness.config.figures import REGISTRY
from readiness.config.params import Params
from readiness.errors import Problem, printable
from readiness.safetext import spreadsheet_text

from .read import read_inputs

CSV_COLUMNS = ("severity", "file", "list", "column", "problem", "rows", "example_rows", "figures_left")


@dataclass(frozen=True)
class QualityRow:
    """One line of the to-fix list: where, what, how many rows, examples, and the figures they leave."""

    severity: str
    file: str
    list: str
    column: str
    problem: str
    rows: int
    example_rows: str
    figures_left: str


def validate(params: Params, required_lists: Iterable[int] = ()) -> tuple[list[Problem], list[Problem]]:
    """The errors (the build would stop) and warnings (it would go on) in ``params``'s inputs; never raises."""
    _, findings = read_inputs(params, required_lists)
    return findings.errors, findings.warnings


def quality_rows(problems: Iterable[Problem], severity: str = "warning", in_pack: bool = False) -> list[QualityRow]:
    """The problems as :class:`QualityRow` s grouped by file, list and column (their order kept within a group); for the
    pack's Data quality table (``in_pack``), the figures named as the pack names them, never by id (the data team's
    list and CSV keep the ids, which the parameters file uses)."""
    words, name = (in_words, figure_name) if in_pack else (str, str)
    ordered = sorted(problems, key=lambda p: (p.file, p.sheet or "", p.column or ""))
    return [
        QualityRow(
            severity,
            printable(p.file),
            printable(p.sheet or ""),
            printable(p.column or ""),
            printable(words(p.message)),
            p.count,
            ", ".join(str(row) for row in p.example_rows),
            ("; " if in_pack else ", ").join(name(f) for f in p.figures if not REGISTRY.kept_for_continuity(f)),
        )
        for p in ordered
    ]


def format_report(errors: list[Problem], warnings: list[Problem]) -> str:
    """The report ``readiness validate`` prints: a verdict, the errors, then the warnings as a to-fix list."""
    if errors:
        verdict = f"{_count(len(errors), 'error')}: the pack cannot be built until they are fixed."
    else:
        verdict = "The inputs are usable: the pack can be built."
    lines = [verdict]
    if errors:
        lines += ["", "Errors:", *(f"  - {printable(p.describe())}" for p in errors)]
    if warnings:
        lines += ["", "Warnings to fix (the build goes on; the pack's Data quality section lists them):"]
        lines += _to_fix(quality_rows(warnings))
    else:
        lines.append("No warnings.")
    return "\n".join(lines)


def _to_fix(rows: list[QualityRow]) -> list[str]:
    """One heading per file and list, then one line per problem."""
    lines, place = [], None
    for row in rows:
        if (row.file, row.list) != place:
            place = (row.file, row.list)
            lines.append(f"  {row.file}{f', sheet {row.list}' if row.list else ''}:")
        where = f"column '{row.column}': " if row.column else ""
        line = f"    - {where}{row.problem}"
        if row.rows:
            line += f" [{_count(row.rows, 'row')}: {row.example_rows}{', …' if row.rows > 3 else ''}]"
        if row.figures_left:
            line += f"; leaves {row.figures_left}"
        lines.append(line)
    return lines


def write_csv(errors: list[Problem], warnings: list[Problem], path: Path) -> None:
    """The to-fix list as a CSV table (UTF-8 with BOM, for Excel); no cell can start a formula."""
    rows = quality_rows(errors, "error") + quality_rows(warnings)
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(CSV_COLUMNS)
        for row in rows:
            writer.writerow([spreadsheet_text(getattr(row, name)) for name in CSV_COLUMNS])


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"
