"""A notebook's parameters, the same in JupyterLab and through ``papermill -p``, with no state left from a run before.

A notebook's tagged ``parameters`` cell holds ``params_file``, ``inputs_file`` and one plain
variable per overridable key (``period_start = None`` …); papermill adds a cell setting ``-p``'s
names after it. :func:`readiness.pack.notebook.open_pack` takes them from :func:`notebook_settings`.

**Only the latest run counts.** A kernel keeps every variable a cell ever set, so a deleted
``audience = "internal"`` line would otherwise still hold on the next Run All. The kernel's input
history (``_ih``) records what ran: the latest run of the parameters cell is the latest cell of
plain assignments that sets a notebook parameter, with the plain-assignment cells run next to it
(papermill's cell). A parameter it does not set is absent: the parameters file's value holds (and
``params_file`` is found as :func:`parameters_file` says). With no such cell in the history (a
fresh namespace, as the build's in-process engine gives each notebook), the namespace is taken as
it is.

**An analyst's own parameters** (``team = "North"``) are welcome in the parameters cell and from
``-p``: a name is refused only when it is a key of the parameters file that a notebook cannot
override (``la_name``), or so close to a notebook parameter that it is surely a slip
(``perod_start``).
"""

from __future__ import annotations

import ast
import os
from dataclasses import dataclass, field
from difflib import get_close_matches
from pathlib import Path

from IPython import get_ipython

from readiness.errors import ParametersError
from readiness.paths import REPO

from .params import OVERRIDABLE, Params

NOTEBOOK_PARAMETERS = ("params_file", "inputs_file", *OVERRIDABLE)
ENVIRONMENT_VARIABLE = "READINESS_PARAMS"
LOCAL_PARAMETERS = REPO / "parameters" / "local.yaml"
DEMO_PARAMETERS = REPO / "parameters" / "demo.yaml"


@dataclass(frozen=True)
class Settings:
    """What a notebook asked for: its parameters file (``None``: :func:`parameters_file` decides), inputs and overrides."""

    params_file: str | None = None
    inputs_file: str | None = None
    overrides: dict[str, object] = field(default_factory=dict)


def parameters_file(given: str | Path | None = None) -> Path:
    """The parameters file a notebook reads, first found of: ``given`` (the parameters cell's ``params_file``,
    ``-p params_file``, the build's), ``$READINESS_PARAMS`` (relative to the repository), ``parameters/local.yaml``,
    ``parameters/demo.yaml``."""
    if given:
        return Path(given)
    if os.environ.get(ENVIRONMENT_VARIABLE):
        return REPO / os.environ[ENVIRONMENT_VARIABLE]  # an absolute path stays as it is
    return LOCAL_PARAMETERS if LOCAL_PARAMETERS.is_file() else DEMO_PARAMETERS


def notebook_settings() -> Settings:
    """The running notebook's settings (see :func:`settings_in`); none outside IPython."""
    shell = get_ipython()
    return settings_in(shell.user_ns) if shell is not None else Settings()


def settings_in(namespace: dict) -> Settings:
    """The settings of the latest run of a notebook's parameters cell (with papermill's cell), from its ``globals()``.

    A parameter that run did not set is absent, whatever an earlier run left in ``namespace``.
    """
    assigned = latest_parameters(namespace.get("_ih", []))
    if assigned is None:
        assigned = [name for name in NOTEBOOK_PARAMETERS if name in namespace]
    problems = [problem for name in dict.fromkeys(assigned) if (problem := refused(name))]
    if problems:
        where = namespace.get("params_file") if "params_file" in assigned else None
        raise ParametersError(str(where or "notebook parameters"), problems)
    values = {name: namespace.get(name) for name in NOTEBOOK_PARAMETERS if name in assigned}
    overrides = {key: values[key] for key in OVERRIDABLE if values.get(key) is not None}
    return Settings(values.get("params_file"), values.get("inputs_file"), overrides)


def refused(name: str) -> str | None:
    """Why ``name`` cannot be set in a parameters cell, or ``None`` (a notebook parameter, or the analyst's own)."""
    if name in NOTEBOOK_PARAMETERS:
        return None
    allowed = ", ".join(NOTEBOOK_PARAMETERS)
    if name in Params.model_fields:
        return f"parameter {name}: set it in the parameters file (a notebook's parameters are {allowed})"
    slip = get_close_matches(name, NOTEBOOK_PARAMETERS, n=1, cutoff=0.8)
    return f"parameter {name}: unknown; did you mean {slip[0]}? (a notebook's parameters are {allowed})" if slip else None


def latest_parameters(history: list[str]) -> list[str] | None:
    """The names set by the latest run of a parameters cell in ``history`` (the kernel's ``_ih``), before its last
    (current) cell: the latest plain-assignment cell setting a notebook parameter, with the plain-assignment
    cells run just before and after it; ``None`` when there is none.

    >>> latest_parameters(["", 'params_file = None\\naudience = "internal"', "pack = open_pack()", "audience = None", "x = 1", "pack = open_pack()"])
    ['audience', 'x']
    """
    cells = [plain_assignments(source) for source in history[:-1]]
    latest = next((i for i in reversed(range(len(cells))) if cells[i] and set(cells[i]) & set(NOTEBOOK_PARAMETERS)), None)
    if latest is None:
        return None
    first, last = latest, latest
    while first > 0 and cells[first - 1] is not None:
        first -= 1
    while last + 1 < len(cells) and cells[last + 1] is not None:
        last += 1
    return [name for names in cells[first : last + 1] for name in names]


def plain_assignments(source: str) -> list[str] | None:
    """The names a cell of plain assignments (``name = literal``, comments, nothing else) sets, or ``None`` for any other cell."""
    try:
        statements = ast.parse(source).body
    except SyntaxError:
        return None
    names = []
    for statement in statements:
        if not (isinstance(statement, ast.Assign) and _is_literal(statement.value)):
            return None
        if not all(isinstance(target, ast.Name) for target in statement.targets):
            return None
        names += [target.id for target in statement.targets]
    return names


def _is_literal(node: ast.expr) -> bool:
    try:
        ast.literal_eval(node)
    except (ValueError, TypeError):
        return False
    return True
