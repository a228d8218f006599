"""Targets as the Board sets them: a green threshold, ``{green, amber}``, or a trajectory of ``{from, green, amber}``
steps; the one in force on a date; and figures compared as the page shows them."""

from __future__ import annotations

from datetime import date

from readiness.config.param_models import Band, Step, Target
from readiness.disclosure.rounding import places, round_half_up  # the page's own rounding, so a rating sees what it shows


def target_in_force(target: Target | None, on: date) -> float | Band | None:
    """The target in force on ``on``: a number or band as given; of a trajectory, the latest step whose ``from`` is on
    or before ``on`` (``None`` before its first step)."""
    if not isinstance(target, list):
        return target
    started = [step for step in target if step.start <= on]
    if not started:
        return None
    latest: Step = max(started, key=lambda step: step.start)
    return Band(green=latest.green, amber=latest.amber)


def green_in_force(target: Target | None, on: date) -> float | None:
    """The green threshold in force on ``on`` (the SPC assurance target)."""
    in_force = target_in_force(target, on)
    return in_force.green if isinstance(in_force, Band) else in_force


def as_shown(value: float | None, kind: str, name: str = "") -> float | None:
    """``value`` rounded half up as the page shows it: a share ``0.625`` → ``0.63`` (63%), days ``176.5`` → 177,
    children per worker to one decimal (:func:`readiness.disclosure.rounding.places`)."""
    if value is None:
        return None
    return float(round_half_up(value, places(kind, name)))
