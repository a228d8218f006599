"""The project's own exceptions: each becomes plain lines and an exit status at the command line."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Bidirectional-text controls: they can make a line read differently from what it holds.
BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_UNPRINTABLE = re.compile(f"[\\x00-\\x1f\\x7f-\\x9f{BIDI_CONTROLS}]")


def printable(text: object) -> str:
    """``text`` safe to print on one terminal line: control and bidi characters shown as escapes (ESC → ``\\x1b``)."""
    return _UNPRINTABLE.sub(_escape, str(text))


def _escape(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


@dataclass(frozen=True)
class Problem:
    """One problem found in an input, located as a user sees it in Excel."""

    file: str
    message: str
    sheet: str | None = None
    row: int | None = None
    column: str | None = None
    more: int = 0
    examples: tuple[int, ...] = ()
    figures: tuple[str, ...] = ()
    unreadable: bool = False

    @property
    def count(self) -> int:
        """How many rows have the problem (0 for a problem with the whole file or column)."""
        return 0 if self.row is None else self.more + 1

    @property
    def example_rows(self) -> tuple[int, ...]:
        """Up to three Excel row numbers with the problem (never a child's id)."""
        return self.examples or (() if self.row is None else (self.row,))

    def describe(self) -> str:
        """One plain-English line: file, sheet, row, column, what is wrong, how many more.

        Control characters from an input (a terminal escape code in a cell) are shown as escapes.
        """
        where = [self.file]
        if self.sheet:
            where.append(f"sheet {self.sheet}")
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column:
            where.append(f"column '{self.column}'")
        line = f"{', '.join(where)}: {self.message}"
        if self.more:
            line += f" (and {self.more} more row{'s' if self.more != 1 else ''} like it"
            others = [str(row) for row in self.example_rows if row != self.row]
            line += f", e.g. row{'s' if len(others) > 1 else ''} {', '.join(others)})" if others else ")"
        return printable(line)


class ReadinessError(Exception):
    """Raised when a build cannot go on; ``exit_status`` says why."""

    exit_status = 1

    def lines(self) -> list[str]:
        """The plain lines the command line prints."""
        return [str(self)]

    def _render_traceback_(self) -> list[str]:
        """What IPython shows for it (in JupyterLab, and at the end of a failed papermill run): one plain line, no traceback."""
        return [f"{type(self).__name__}: {printable(self)}"]


class ParametersError(ReadinessError):
    """Raised when the parameters file is missing, malformed or names a bad value."""

    exit_status = 2

    def __init__(self, file: str, problems: list[str]):
        self.file = file
        self.problems = problems
        super().__init__("; ".join(self.lines()))

    def lines(self) -> list[str]:
        return [f"{self.file}: {problem}" for problem in self.problems]


class InputError(ReadinessError):
    """Raised when an input file cannot be used: each problem names file, row and column."""

    exit_status = 2

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("; ".join(p.describe() for p in problems))

    def lines(self) -> list[str]:
        return [p.describe() for p in self.problems]


class NotebookError(ReadinessError):
    """Raised when a notebook fails while the pack is being built."""


class LockedError(ReadinessError):
    """Raised when another build already holds the lock on a pack."""


class OutputError(ReadinessError):
    """Raised when the output folder asked for would overwrite or delete what the tool did not make."""

    exit_status = 2

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("; ".join(problems))

    def lines(self) -> list[str]:
        return list(self.problems)


class PdfError(ReadinessError):
    """Raised when a requested PDF cannot be made (no browser, or it failed)."""
