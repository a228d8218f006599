"""``readiness validate``: every error and warning in a pack's inputs, as a plain-English report."""
from __future__ import annotations

from typing import Iterable

from .errors import Problem
from .params import Params
from .readers import read_inputs


def validate(params: Params, required_lists: Iterable[int] = ()) -> tuple[list[Problem], list[Problem]]:
    """The errors (the build would stop) and warnings (it would go on) in ``params``'s inputs; never raises."""
    _, findings = read_inputs(params, required_lists)
    return findings.errors, findings.warnings


def format_report(errors: list[Problem], warnings: list[Problem]) -> str:
    """The report ``readiness validate`` prints: a verdict, then one line per error and per warning."""
    if errors:
        verdict = f"{_count(len(errors), 'error')}: the pack cannot be built until they are fixed."
    else:
        verdict = "The inputs are usable: the pack can be built."
    lines = [verdict]
    lines += _section("Errors", errors)
    lines += _section("Warnings (the build goes on; the pack's Data quality section lists them)", warnings)
    if not warnings:
        lines.append("No warnings.")
    return "\n".join(lines)


def _section(title: str, problems: list[Problem]) -> list[str]:
    if not problems:
        return []
    return ["", f"{title}:", *(f"  - {p.describe()}" for p in problems)]


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"
