"""The project's own exceptions: each becomes plain lines and an exit status at the command line."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One problem found in an input, located as a user sees it in Excel."""

    file: str
    message: str
    sheet: str | None = None
    row: int | None = None
    column: str | None = None
    more: int = 0

    def describe(self) -> str:
        """One plain-English line: file, sheet, row, column, what is wrong, how many more."""
        where = [self.file]
        if self.sheet:
            where.append(f"sheet {self.sheet}")
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column:
            where.append(f"column '{self.column}'")
        line = f"{', '.join(where)}: {self.message}"
        if self.more:
            line += f" (and {self.more} more row{'s' if self.more != 1 else ''} like it)"
        return line


class ReadinessError(Exception):
    """Raised when a build cannot go on; ``exit_status`` says why."""

    exit_status = 1

    def lines(self) -> list[str]:
        """The plain lines the command line prints."""
        return [str(self)]


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


class PdfError(ReadinessError):
    """Raised when a requested PDF cannot be made (no browser, or it failed)."""
