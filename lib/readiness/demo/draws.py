"""The council's size and clock, and the random draws every part of Northbridge's simulation makes.

:class:`Scale` sets the activity window, teams and row counts (``standard`` or ``large``); the helpers
draw weighted codes, working days, busy and quiet days, and whole years of age at :data:`SNAPSHOT`,
so the people, journeys and local records are all drawn the same way.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from readiness.config.workdays import england_bank_holidays

SNAPSHOT = np.datetime64("2025-10-03", "D")
ACTIVITY_END = np.datetime64("2025-09-30", "D")


@dataclass(frozen=True)
class Scale:
    """Size of the synthetic council: activity window, teams and target row counts."""

    start: np.datetime64
    teams: tuple[str, ...]
    lagging_team: str
    contacts: int
    referrals: int
    assessments: int
    section47: int
    cin: int
    audits: int
    meetings: int
    posts_per_team: int


SCALES = {
    "standard": Scale(
        start=np.datetime64("2023-10-01", "D"),
        teams=("Assessment North", "Assessment South", "Child Protection East", "Child Protection West", "Children in Need"),
        lagging_team="Child Protection West",
        contacts=8_000,
        referrals=2_500,
        assessments=2_300,
        section47=700,
        cin=900,
        audits=650,
        meetings=700,
        posts_per_team=17,
    ),
    "large": Scale(
        start=np.datetime64("2022-10-01", "D"),
        teams=tuple(
            f"{kind} {area}"
            for kind in ("Assessment", "Child Protection", "Children in Need")
            for area in ("North", "South", "East", "West")
        ),
        lagging_team="Child Protection West",
        contacts=150_000,
        referrals=45_000,
        assessments=45_000,
        section47=15_000,
        cin=8_000,
        audits=6_000,
        meetings=24_000,
        posts_per_team=27,
    ),
}


def scale_named(name: str) -> Scale:
    """The :data:`SCALES` entry called ``name``; a ValueError naming the choices for any other."""
    if name not in SCALES:
        raise ValueError(f"scale must be one of {sorted(SCALES)}, not {name!r}")
    return SCALES[name]


def pick(rng: np.random.Generator, weights: dict[str, float], n: int) -> np.ndarray:
    """``n`` codes drawn with the relative ``weights``."""
    p = np.array(list(weights.values()), dtype=float)
    return np.array(list(weights))[rng.choice(len(p), n, p=p / p.sum())]


def window_progress(days: np.ndarray, sc: Scale) -> np.ndarray:
    """Position of each date in the activity window: 0 at its start, 1 at its end."""
    return np.clip((days - sc.start).astype(float) / (ACTIVITY_END - sc.start).astype(float), 0, 1)


def add_working_days(days: np.ndarray, n) -> np.ndarray:
    """The working day ``n`` working days after each date (a non-working date rolls forward first)."""
    return np.busday_offset(days, n, roll="forward", holidays=england_bank_holidays())


def last_working_day_by(days: np.ndarray, limit: np.datetime64) -> np.ndarray:
    """Each date, capped at ``limit`` and rolled back to a working day."""
    return np.busday_offset(np.minimum(days, limit), 0, roll="backward", holidays=england_bank_holidays())


def activity_days(rng: np.random.Generator, n: int, start: np.datetime64, end: np.datetime64) -> np.ndarray:
    """``n`` dates between ``start`` and ``end``, mostly working days, quieter in August and December."""
    days = np.arange(start, end + 1)
    weights = np.where(np.is_busday(days, holidays=england_bank_holidays()), 1.0, 0.06)
    month = days.astype("datetime64[M]").astype(int) % 12 + 1
    weights *= np.select([month == 8, month == 12], [0.8, 0.85], 1.0)
    return days[rng.choice(len(days), n, p=weights / weights.sum())]


def weighted_sample(rng: np.random.Generator, weights: np.ndarray, k: int) -> np.ndarray:
    """Positions of ``k`` items drawn without replacement, each in proportion to its weight."""
    keys = np.log(weights) - np.log(-np.log(rng.random(len(weights))))
    return np.argsort(-keys, kind="stable")[:k]


def earlier_within_year(child: np.ndarray, days: np.ndarray, of_child=None, of_days=None) -> np.ndarray:
    """For each (child, day): events of the same child dated in the 365 days before it.

    Events are ``of_child``/``of_days`` (default: the rows themselves).
    """
    of_child = child if of_child is None else of_child
    of_days = days if of_days is None else of_days
    span = 1 << 20
    keys = np.sort(of_child.astype(np.int64) * span + of_days.astype(np.int64))
    mine = child.astype(np.int64) * span + days.astype(np.int64)
    return np.searchsorted(keys, mine, "left") - np.searchsorted(keys, mine - 365, "left")


def made_up_ids(rng: np.random.Generator, n: int) -> list[str]:
    """``n`` distinct made-up child ids: ``NB`` and seven digits."""
    return [f"NB{i:07d}" for i in rng.choice(10_000_000, n, replace=False)]


def years_at_snapshot(dob: np.ndarray) -> np.ndarray:
    """Whole years of age at :data:`SNAPSHOT` of each date of birth (negative for one after it)."""
    born, snap = pd.DatetimeIndex(dob), pd.Timestamp(SNAPSHOT)
    before_birthday = (born.month > snap.month) | ((born.month == snap.month) & (born.day > snap.day))
    return np.asarray(snap.year - born.year - before_birthday.astype(int))
