"""Filling in a case-tracking workbook as an auditor would, for the tests that read one back."""

import openpyxl

from readiness.inputs.tracking import HEADINGS, MARKS


def fill(
    path, audits: dict[str, dict], actions: dict[str, list[list]], concerns: dict[str, dict] = {}, checks: dict[str, dict] = {}
) -> None:  # noqa: B006
    """Per case sheet: the audit row's, concern row's and checks row's cells by column name, then action lines
    (due date, completed date, theme, wording)."""
    workbook = openpyxl.load_workbook(path)
    for block, filled in (("case_audits", audits), ("immediate_concerns", concerns), ("audit_checks", checks)):
        for name, values in filled.items():
            row, headings = block_row(workbook[name], block)
            for column, value in values.items():
                row[headings.index(HEADINGS.get(column, column))].value = value
    for name, lines in actions.items():
        row, headings = block_row(workbook[name], "audit_actions")
        sheet = workbook[name]
        for offset, values in enumerate(lines):
            for column, value in zip(("due_date", "completed_date", "theme", "action"), values):
                sheet.cell(row[0].row + offset, headings.index(column) + 1).value = value
    workbook.save(path)


def block_row(sheet, block: str):
    """The first row of a block (its cells) and the block's headings."""
    rows = list(sheet.iter_rows())
    mark = next(i for i, row in enumerate(rows) if row[0].value == MARKS[block])
    return rows[mark + 2], [c.value for c in rows[mark + 1]]
