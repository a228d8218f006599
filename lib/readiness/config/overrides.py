"""Overrides from a notebook's parameters cell: the same in JupyterLab and through ``papermill -p``.

A notebook's tagged ``parameters`` cell holds ``params_file``, ``inputs_file`` and one plain
variable per overridable key (``period_start = None`` …). A value other than ``None`` replaces the
parameters file's value (see :func:`readiness.config.params.load_params`); :func:`readiness.pack.notebook.open_pack`
takes them from the notebook's namespace. ``papermill -p NAME VALUE`` adds a cell setting ``NAME``
after the parameters cell; a name that is no parameter would otherwise be silently ignored, so it
is an error that names it.
"""
from __future__ import annotations

import ast

from IPython import get_ipython

from readiness.errors import ParametersError

from .params import OVERRIDABLE

NOTEBOOK_PARAMETERS = ("params_file", "inputs_file", *OVERRIDABLE)


def notebook_overrides() -> dict[str, object]:
    """The overrides set in the running notebook (see :func:`overrides_in`); none outside IPython."""
    shell = get_ipython()
    return overrides_in(shell.user_ns) if shell is not None else {}


def overrides_in(namespace: dict) -> dict[str, object]:
    """The overrides a notebook set (known keys whose value is not ``None``); an unknown name is an error.

    ``namespace`` is the notebook's ``globals()``. Names are checked in the cells run just before
    the calling one that hold plain assignments only, when they set ``params_file``: the parameters
    cell and the cell papermill injects after it, as the kernel's input history records them.
    """
    assigned = set(names_just_assigned(namespace.get("_ih", [])))
    unknown = sorted(assigned - set(NOTEBOOK_PARAMETERS)) if "params_file" in assigned else []
    if unknown:
        known = ", ".join(NOTEBOOK_PARAMETERS)
        problems = [f"parameter {name}: unknown (a notebook's parameters are {known})" for name in unknown]
        raise ParametersError(str(namespace.get("params_file", "notebook parameters")), problems)
    return {key: namespace[key] for key in OVERRIDABLE if namespace.get(key) is not None}


def names_just_assigned(history: list[str]) -> list[str]:
    """Names set by the run of plain-assignment cells just before the current (last) cell of ``history``.

    >>> names_just_assigned(["x = 1", "pack = f()", 'a = "2019-01-01"\\nb = None', "pack = f()"])
    ['a', 'b']
    """
    names: list[str] = []
    for source in reversed(history[:-1]):
        assigned = plain_assignments(source)
        if assigned is None:
            break
        names = assigned + names
    return names


def plain_assignments(source: str) -> list[str] | None:
    """The names a cell of plain assignments (``name = literal``) sets, or ``None`` for any other cell."""
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
