"""Targets as the Board sets them: a green threshold, ``{green, amber}``, or a trajectory of ``{from, green, amber}``
steps; the one in force on a date; and figures compared as the page shows them."""
from __future__ import annotations

from datetime import date

from readiness.config.params import Band, Step, Target

from .formatting import round_half_up  # the page's own rounding (format_value), so a rating sees what it shows

PLACES = {"share": 2, "number": 1, "rate": 1, "count": 0}  # decimals the page shows (a share as a whole percent)


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


def as_shown(value: float | None, kind: str) -> float | None:
    """``value`` rounded half up as the page shows it: a share ``0.548`` → ``0.55`` (55%), a number to one decimal."""
    if value is None:
        return None
    return float(round_half_up(value, PLACES.get(kind, 1)))
