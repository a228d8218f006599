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

from readiness.config.catalogue import describe

from .targets import green_in_force

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
    """One series' SPC reading, as ``figures.json`` carries it under ``spc``."""

    variation: str
    assurance: str | None
    centre: float
    lower: float
    upper: float
    points: int

    def as_json(self) -> dict:
        return {"variation": self.variation, "assurance": self.assurance, "centre": self.centre,
                "lower": self.lower, "upper": self.upper, "points": self.points}


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


def read_series(values: Sequence[float | None], target: float | None, better: str | None, min_points: int = DEFAULT_MIN_POINTS) -> Reading | None:
    """The SPC reading of a series in month order (nulls skipped); ``None`` with fewer than ``min_points`` points."""
    points = np.array([v for v in values if v is not None], dtype=float)
    if len(points) < max(min_points, 2):
        return None
    limits = xmr_limits(points)
    side = latest_side(special_causes(points, limits))
    return Reading(variation_word(side, better), assurance(limits, target, better), limits.centre, limits.lower, limits.upper, len(points))


@dataclass(frozen=True)
class XmrSeries:
    """What an XmR chart shows: the points by month (``None`` where withheld or not covered), the months from earlier
    packs, the reading (``None`` with too few points) and each special-cause month's variation."""

    points: dict[str, float | None]
    earlier: set[str]
    reading: Reading | None
    special: dict[str, str]
    target: float | None


def xmr_series(series_id: str, points: Mapping[str, float | None], earlier: set[str], params) -> XmrSeries:
    """A series' chart: its reading, and the variation (``improvement``, ``concern``, ``high``, ``low``) of every month
    that is part of a special cause."""
    reading = series_reading(series_id, points, params)
    target = green_in_force(params.targets.get(headline_id(series_id)), params.period_end)
    if reading is None:
        return XmrSeries(dict(points), earlier, None, {}, target)
    months = [m for m, v in points.items() if v is not None]
    values = np.array([points[m] for m in months], dtype=float)
    causes = special_causes(values, Limits(reading.centre, reading.lower, reading.upper))
    better = describe(headline_id(series_id)).better
    special = {m: variation_word(side, better) for i, m in enumerate(months) if (side := side_at(causes, i))}
    return XmrSeries(dict(points), earlier, reading, special, target)


def headline_id(series_id: str) -> str:
    """A monthly series' headline figure: the id without ``.monthly`` (``audits.monthly.x`` → ``audits.x``)."""
    return series_id.replace(".monthly", "", 1)


def earlier_months(series_id: str, series: Mapping[str, float | None], withheld: set[str], history: Sequence[dict], threshold: int) -> dict[str, float]:
    """Months of the same series in earlier packs (``history``, oldest first; a later pack's value wins) that this pack's
    series does not hold: before its first month, or null here without being withheld (not covered). For a public
    pack, only public packs' months count: an internal pack's monthly counts behind them are not published."""
    found: dict[str, float] = {}
    for document in history:
        earlier = document.get("figures", {}).get(series_id)
        if isinstance(earlier, dict) and (threshold == 0 or document.get("audience") == "public"):
            found.update({month: value for month, value in earlier.items() if value is not None})
    last = max(series, default="")
    return {m: v for m, v in sorted(found.items()) if m < last and series.get(m) is None and m not in withheld}


def series_points(series_id: str, series: Mapping[str, float | None], suppressed: Sequence[str], history: Sequence[dict], threshold: int) -> tuple[dict[str, float | None], set[str]]:
    """A published series in month order with the months of earlier packs added (:func:`earlier_months`), and which
    months those are (to mark on its chart)."""
    withheld = {m for m in series if f"{series_id}/{m}" in suppressed}
    earlier = earlier_months(series_id, series, withheld, history, threshold)
    return dict(sorted({**series, **earlier}.items())), set(earlier)


def series_reading(series_id: str, points: Mapping[str, float | None], params) -> Reading | None:
    """The reading of a series' points against its headline figure's green threshold in force at the period end."""
    headline = headline_id(series_id)
    target = green_in_force(params.targets.get(headline), params.period_end)
    return read_series(list(points.values()), target, describe(headline).better, params.spc_min_points)


def spc_document(values: Mapping[str, object], suppressed: Sequence[str], params, history: Sequence[dict] = ()) -> dict[str, dict | None]:
    """``figures.json``'s ``spc``: a reading (or ``None``) for every monthly series of ``values`` as published, with
    the months of ``history`` packs it lacks (counted in ``earlier_points``)."""
    readings = {}
    for series_id, series in values.items():
        if isinstance(series, dict):
            points, earlier = series_points(series_id, series, suppressed, history, params.suppression_threshold)
            reading = series_reading(series_id, points, params)
            readings[series_id] = None if reading is None else {**reading.as_json(), "earlier_points": len(earlier)}
    return readings
