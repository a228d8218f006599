"""Start-up: a process imports what it needs when it needs it (issue 29). Each check runs in a fresh interpreter."""

from __future__ import annotations

import subprocess
import sys

import pytest

HEAVY = ("pandas", "pandera", "matplotlib", "papermill", "nbconvert", "jinja2", "openpyxl", "pyarrow")


def imported_after(statement: str) -> list[str]:
    """Which of :data:`HEAVY` a fresh interpreter has imported after running ``statement``."""
    script = f"import sys; {statement}; print(' '.join(m for m in {HEAVY!r} if m in sys.modules))"
    return subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout.split()


def test_the_command_imports_nothing_heavy_before_it_knows_what_to_do():
    assert imported_after("import readiness.cli") == []


@pytest.mark.slow  # fresh interpreters importing pandas and the readers: end to end, run by the whole suite
def test_a_notebook_opens_without_the_readers_checks_or_the_page_renderer():
    # pandas, matplotlib and pyarrow (the kept inputs) it needs; pandera checks inputs as they are read, nbconvert,
    # jinja2 and openpyxl make the pack's page and workbook
    assert imported_after("import readiness.pack.notebook") == ["pandas", "matplotlib", "pyarrow"]


@pytest.mark.slow
def test_the_readers_declarations_leave_pandera_until_a_table_is_checked():
    assert "pandera" not in imported_after("import readiness.inputs.schema, readiness.inputs.annex_a_tables")
    assert "pandera" in imported_after(
        "import pandas as pd; from readiness.indicators import themes; from readiness.inputs.schema import check_values; "
        "from readiness.inputs.extract_tables import EXTRACTS; spec = EXTRACTS['workforce']; "
        "frame = pd.DataFrame({c.name: pd.Series([], dtype='string') for c in spec.columns}); check_values(spec, frame, frame)"
    )
