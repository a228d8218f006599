"""Statistical process control (XmR) for every monthly series, as NHS England's *Making Data Count* reads it.

``indicators.md``, *Statistical process control*: centre = mean; limits = centre ± 2.66 × mean moving
range; special causes (a) a point outside the limits, (b) a shift of 7 or more points on one side of the
centre, (c) a trend of 6 or more points each higher (or lower) than the one before, (d) two of three
consecutive points beyond two thirds of the way to a limit on the same side. Pure numpy on a few dozen points.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby
from typing import Mapping, Sequence

import numpy as np

LIMIT_FACTOR = 2.66
SHIFT_POINTS = 7
TREND_POINTS = 6
DEFAULT_MIN_POINTS = 12
TOLERANCE = 1e-9  # a point on the centre (or a limit) is on it, whatever binary floating point says
HIGH, LOW = "high", "low"
RULES = ("outside_limits", "shift", "trend", "two_of_three")


@dataclass(frozen=True)
class Limits:
    """An XmR chart's centre line and process limits."""

    centre: float
    lower: float
    upper: float


@dataclass(frozen=True)
class Flags:
    """For one rule, which points are part of a special cause above (``high``) and below (``low``)."""

    high: np.ndarray
    low: np.ndarray


@dataclass(frozen=True)
class Reading:
    """One series' SPC reading, as ``figures.json`` carries it under ``spc``: the latest phase's limits and the variation
    of its latest point; ``points`` counts that phase's points, ``baseline_end`` is the month the held limits come up to
    (``None`` when they come from every point), ``phase_start`` the month the latest phase starts (``None`` with one phase)."""

    variation: str
    assurance: str | None
    centre: float
    lower: float
    upper: float
    points: int
    baseline_end: str | None = None
    phase_start: str | None = None

    def as_json(self) -> dict:
        return {
            "variation": self.variation,
            "assurance": self.assurance,
            "centre": self.centre,
            "lower": self.lower,
            "upper": self.upper,
            "points": self.points,
            "baseline_end": self.baseline_end,
            "phase_start": self.phase_start,
        }


def xmr_limits(values: np.ndarray) -> Limits:
    """Centre = mean; limits = centre ± 2.66 × the mean of |xᵢ − xᵢ₋₁|: ``[1, 3, 2]`` → 2 ± 2.66 × 1.5."""
    centre = float(values.mean())
    spread = LIMIT_FACTOR * float(np.abs(np.diff(values)).mean())
    return Limits(centre, centre - spread, centre + spread)


def in_runs(mask: np.ndarray, length: int) -> np.ndarray:
    """Which elements of ``mask`` are True in a run of at least ``length`` consecutive Trues."""
    flags = []
    for value, group in groupby(mask.tolist()):
        size = len(list(group))
        flags += [bool(value) and size >= length] * size
    return np.array(flags, dtype=bool)


def outside_limits(values: np.ndarray, limits: Limits) -> Flags:
    """Rule (a): points above the upper or below the lower limit."""
    return Flags(values > limits.upper + TOLERANCE, values < limits.lower - TOLERANCE)


def shifts(values: np.ndarray, limits: Limits) -> Flags:
    """Rule (b): runs of 7 or more points all above, or all below, the centre; a point on the centre breaks a run."""
    return Flags(in_runs(values > limits.centre + TOLERANCE, SHIFT_POINTS), in_runs(values < limits.centre - TOLERANCE, SHIFT_POINTS))


def trends(values: np.ndarray) -> Flags:
    """Rule (c): 6 or more points, each after the first higher (or lower) than the one before; an equal step breaks it."""
    steps = np.diff(values)
    return Flags(*(_points_of_steps(in_runs(mask, TREND_POINTS - 1)) for mask in (steps > TOLERANCE, steps < -TOLERANCE)))


def _points_of_steps(steps: np.ndarray) -> np.ndarray:
    """Points at either end of a flagged step (step i joins points i and i + 1)."""
    return np.concatenate([steps, [False]]) | np.concatenate([[False], steps])


def two_of_three(values: np.ndarray, limits: Limits) -> Flags:
    """Rule (d): of three consecutive points, two or three beyond two thirds of the way from the centre to a limit,
    on the same side; the points beyond are flagged (the third, nearer the centre, is not)."""
    near_upper = values > limits.centre + 2 / 3 * (limits.upper - limits.centre) + TOLERANCE
    near_lower = values < limits.centre - 2 / 3 * (limits.centre - limits.lower) - TOLERANCE
    return Flags(_two_in_a_window(near_upper), _two_in_a_window(near_lower))


def _two_in_a_window(beyond: np.ndarray) -> np.ndarray:
    flagged = np.zeros_like(beyond)
    for start in range(max(len(beyond) - 2, 0)):
        window = slice(start, start + 3)
        if beyond[window].sum() >= 2:
            flagged[window] |= beyond[window]
    return flagged


def special_causes(values: np.ndarray, limits: Limits) -> dict[str, Flags]:
    """Every rule's flags, in the order (a), (b), (c), (d)."""
    return {
        "outside_limits": outside_limits(values, limits),
        "shift": shifts(values, limits),
        "trend": trends(values),
        "two_of_three": two_of_three(values, limits),
    }


def side_at(causes: Mapping[str, Flags], index: int) -> str | None:
    """``high`` or ``low`` when point ``index`` is part of a special cause; the first rule, in order, that flags it decides."""
    for rule in RULES:
        flags = causes[rule]
        if flags.high[index] or flags.low[index]:
            return HIGH if flags.high[index] else LOW
    return None


def latest_side(causes: Mapping[str, Flags]) -> str | None:
    """The special-cause side of the latest point (:func:`side_at`)."""
    return side_at(causes, -1)


def variation_word(side: str | None, better: str | None) -> str:
    """``improvement`` / ``concern`` by the indicator's direction; ``high`` / ``low`` with none; else ``common_cause``."""
    if side is None:
        return "common_cause"
    if better is None:
        return side
    return "improvement" if (side == HIGH) == (better == "higher") else "concern"


def assurance(limits: Limits, target: float | None, better: str | None) -> str | None:
    """``pass`` when both limits are at or beyond the target on its good side, ``fail`` when both are on its bad side,
    else ``hit_and_miss``; ``None`` without a target or a direction."""
    if target is None or better is None:
        return None
    sign = 1 if better == "higher" else -1
    good = [sign * (limit - target) >= -TOLERANCE for limit in (limits.lower, limits.upper)]
    return "pass" if all(good) else "fail" if not any(good) else "hit_and_miss"


@dataclass(frozen=True)
class Phase:
    """One phase of a series (NHS-R's ``rebase``): from ``start`` (``YYYY-MM``), its points' months and values, its limits
    (``None`` with fewer than ``spc_min_points`` points) and how many of its first points set them (``baseline``: all of
    them, or fewer when the limits are held, as NHS-R's ``fix_after_n_points``)."""

    start: str
    months: tuple[str, ...]
    values: np.ndarray
    limits: Limits | None
    baseline: int

    @property
    def held(self) -> bool:
        """Whether the limits come from the first points only and are held for the later ones."""
        return self.limits is not None and self.baseline < len(self.months)

    def sides(self) -> dict[str, str]:
        """``high`` or ``low`` for every month of the phase that is part of a special cause against its limits."""
        if self.limits is None:
            return {}
        causes = special_causes(self.values, self.limits)
        return {month: side for i, month in enumerate(self.months) if (side := side_at(causes, i))}


def split_phases(months: Sequence[str], starts: Sequence[str]) -> list[tuple[str, tuple[str, ...]]]:
    """Months in order, cut at each phase start (``YYYY-MM``; a start falls before the first month on or after it),
    as (start, months) pairs; the first phase starts at its first month, and a phase with no month is no phase.

    >>> split_phases(["2025-01", "2025-02", "2025-04"], ["2025-03"])
    [('2025-01', ('2025-01', '2025-02')), ('2025-03', ('2025-04',))]
    """
    cuts = sorted(set(starts))
    phases: list[tuple[str, list[str]]] = []
    for month in months:
        crossed = [cut for cut in cuts if phases and phases[-1][1][-1] < cut <= month]
        if not phases or crossed:
            phases.append((crossed[-1] if crossed else month, []))
        phases[-1][1].append(month)
    return [(start, tuple(group)) for start, group in phases]


def baseline_size(months: Sequence[str], baseline_end: str | None, min_points: int) -> int:
    """How many of a phase's first points set its limits: all without ``baseline_end``; else those up to that month,
    or the first ``min_points`` when fewer than that are."""
    if baseline_end is None:
        return len(months)
    held = sum(month <= baseline_end for month in months)
    return held if held >= min_points else min(min_points, len(months))


def phases_of(
    points: Mapping[str, float | None], min_points: int, baseline_end: str | None = None, phase_starts: Sequence[str] = ()
) -> list[Phase]:
    """A series' phases (month order; ``None`` points skipped), each with its own limits when it has ``min_points``
    points; ``baseline_end`` (``YYYY-MM``) holds the limits of the latest phase only."""
    months = [month for month, value in points.items() if value is not None]
    groups = split_phases(months, phase_starts)
    phases = []
    for position, (start, group) in enumerate(groups):
        values = np.array([points[m] for m in group], dtype=float)
        if len(group) < max(min_points, 2):
            phases.append(Phase(start, group, values, None, 0))
            continue
        size = baseline_size(group, baseline_end if position == len(groups) - 1 else None, min_points)
        phases.append(Phase(start, group, values, xmr_limits(values[:size]), size))
    return phases


def reading_of(phases: Sequence[Phase], target: float | None, better: str | None) -> Reading | None:
    """The reading of the latest phase's latest point against its limits; ``None`` when that phase has no limits."""
    if not phases or phases[-1].limits is None:
        return None
    last = phases[-1]
    limits = last.limits
    side = latest_side(special_causes(last.values, limits))
    baseline_end = last.months[last.baseline - 1] if last.held else None
    phase_start = last.start if len(phases) > 1 else None
    return Reading(
        variation_word(side, better),
        assurance(limits, target, better),
        limits.centre,
        limits.lower,
        limits.upper,
        len(last.months),
        baseline_end,
        phase_start,
    )


def read_series(
    values: Sequence[float | None], target: float | None, better: str | None, min_points: int = DEFAULT_MIN_POINTS
) -> Reading | None:
    """The SPC reading of a series in month order (nulls skipped), limits from every point, one phase; ``None`` with
    fewer than ``min_points`` points."""
    points = {f"{i:04d}": value for i, value in enumerate(values)}
    return reading_of(phases_of(points, min_points), target, better)


def headline_id(series_id: str) -> str:
    """A monthly series' headline figure: the id without ``.monthly`` (``audits.monthly.x`` → ``audits.x``)."""
    return series_id.replace(".monthly", "", 1)
