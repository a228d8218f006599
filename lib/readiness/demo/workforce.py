"""Northbridge's workforce: who held each post over the window, whom cases go to, and their supervision.

Agency workers are fewer towards the end of the window and permanent staff rarely leave; a case goes to
a case-holding worker of its team in post on the day; supervision is roughly monthly with the odd missed
month. The ``workforce`` and ``supervision`` extracts come from here.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .draws import ACTIVITY_END, Scale, last_working_day_by, pick, window_progress

CASE_HOLDING = ("social_worker", "senior_practitioner", "practice_supervisor")


def make_workforce(rng: np.random.Generator, sc: Scale) -> pd.DataFrame:
    """Every worker who held a post in the window: agency share falls, permanent staff rarely leave."""
    roles = (
        ["team_manager", "practice_supervisor", "practice_supervisor", "other"]
        + ["senior_practitioner"] * 3
        + ["social_worker"] * (sc.posts_per_team - 7)
    )
    rows = [holder | {"team": team, "role": role} for team in sc.teams for role in roles for holder in _post_holders(rng, sc)]
    workforce = pd.DataFrame(rows).sort_values(["start_date", "team", "role"], kind="stable")
    workforce.insert(0, "worker_id", [f"W{i:04d}" for i in range(1, len(workforce) + 1)])
    workforce["fte"] = pick(rng, {1.0: 80, 0.8: 12, 0.5: 8}, len(workforce)).astype(float)
    return workforce.reset_index(drop=True)


def _post_holders(rng: np.random.Generator, sc: Scale) -> list[dict]:
    """The succession of workers in one post from before the window to its end."""
    holders, start, first = [], sc.start, True
    while start <= ACTIVITY_END:
        agency = rng.random() < 0.36 - 0.2 * window_progress(np.array([start]), sc)[0]
        if first:
            start = start - np.timedelta64(int(rng.integers(10, 300 if agency else 3000)), "D")
        stay_from = max(start, sc.start)
        end = stay_from + np.timedelta64(int(rng.exponential(420 if agency else 1900)), "D")
        holders.append(
            {
                "employment": "agency" if agency else "permanent",
                "start_date": start,
                "end_date": end if end <= ACTIVITY_END else np.datetime64("NaT", "D"),
            }
        )
        start, first = end + np.timedelta64(int(rng.integers(7, 70)), "D"), False
    return holders


def in_post_on(workforce: pd.DataFrame, days) -> np.ndarray:
    """Which workers are in post on ``days``: one date, or a column of dates (a rows x workers grid)."""
    start = workforce["start_date"].to_numpy("datetime64[D]")
    end = workforce["end_date"].to_numpy("datetime64[D]")
    return (start <= days) & (np.isnat(end) | (end > days))


def allocate_workers(rng: np.random.Generator, workforce: pd.DataFrame, teams: np.ndarray, days: np.ndarray) -> np.ndarray:
    """A case-holding worker of each row's team, in post on the row's date where there is one."""
    holders = workforce[workforce["role"].isin(CASE_HOLDING)]
    workers = np.empty(len(teams), dtype=object)
    for team in np.unique(teams):
        rows = np.flatnonzero(teams == team)
        staff = holders[holders["team"] == team]
        in_post = in_post_on(staff, days[rows, None])
        keys = rng.random(in_post.shape) + in_post
        workers[rows] = staff["worker_id"].to_numpy()[keys.argmax(axis=1)]
    return workers


def make_supervision(rng: np.random.Generator, sc: Scale, workforce: pd.DataFrame) -> pd.DataFrame:
    """Roughly monthly sessions for every social-work role, with the odd missed month."""
    staff = workforce[workforce["role"] != "other"]
    first = np.maximum(staff["start_date"].to_numpy("datetime64[D]"), sc.start)
    last = staff["end_date"].to_numpy("datetime64[D]")
    last = np.where(np.isnat(last), ACTIVITY_END, last)
    sessions = int((ACTIVITY_END - sc.start).astype(int) / 14) + 2
    gaps = np.clip(rng.normal(29, 6, (len(staff), sessions)), 14, 45).astype(int)
    gaps += 30 * (rng.random(gaps.shape) < 0.06)
    days = first[:, None] + np.cumsum(gaps, axis=1) - rng.integers(0, 30, (len(staff), 1))
    keep = (days >= first[:, None]) & (days <= last[:, None])
    ids = np.broadcast_to(staff["worker_id"].to_numpy()[:, None], days.shape)
    frame = pd.DataFrame({"worker_id": ids[keep], "supervision_date": last_working_day_by(days[keep], ACTIVITY_END)})
    return frame.drop_duplicates().sort_values(["supervision_date", "worker_id"], kind="stable")
