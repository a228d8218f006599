"""A child's journey through Northbridge: contact, referral, assessment, section 47, ICPC and plan.

Each stage is drawn from the one before it (:func:`make_journey`), timeliness improving over the window;
children in need fill each worker's caseload at the snapshot. The frames are internal, one row per
list row with ``child`` indexing ``children``; :mod:`~readiness.demo.formats` turns them into Annex A's lists.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from readiness.config.workdays import england_bank_holidays

from .codes import (
    CATEGORIES,
    CLOSURE_REASONS,
    DISABILITIES,
    ETHNICITIES,
    GENDERS,
    NEEDS,
    NO,
    OPEN_STATUSES,
    SOURCES,
    UNALLOCATED,
    UNKNOWN,
    YES,
)
from .draws import (
    ACTIVITY_END,
    SNAPSHOT,
    Scale,
    activity_days,
    add_working_days,
    earlier_within_year,
    last_working_day_by,
    made_up_ids,
    pick,
    weighted_sample,
    window_progress,
    years_at_snapshot,
)
from .workforce import CASE_HOLDING, allocate_workers, in_post_on


@dataclass
class Journey:
    """Internal frames, one row per list row, with ``child`` indexing ``children``."""

    children: pd.DataFrame
    contacts: pd.DataFrame
    referrals: pd.DataFrame
    assessments: pd.DataFrame
    section47: pd.DataFrame
    plans: pd.DataFrame
    cin: pd.DataFrame


def make_journey(rng: np.random.Generator, sc: Scale, workforce: pd.DataFrame) -> Journey:
    """Contacts through to plans, each stage drawn from the one before it."""
    n_children = int(sc.contacts / 1.3)
    contacts = make_contacts(rng, sc, n_children)
    first_contact = contacts.groupby("child")["day"].min().sort_index().to_numpy("datetime64[D]")
    n_legacy = max(10, sc.cin // 4)
    legacy_days = sc.start - rng.integers(30, 800, n_legacy).astype("timedelta64[D]")
    children = make_children(rng, np.concatenate([first_contact, legacy_days]))
    children["area"] = rng.integers(0, 12, len(children))
    legacy = pd.DataFrame({"child": np.arange(n_children, len(children)), "day": legacy_days})

    referrals = make_referrals(rng, sc, contacts, children, workforce)
    assessments = make_assessments(rng, sc, referrals, workforce)
    section47 = make_section47(rng, sc, assessments, workforce)
    plans = make_plans(rng, sc, section47, legacy.iloc[: n_legacy // 5], children, workforce)
    cin = make_cin(rng, sc, assessments, plans, legacy.iloc[n_legacy // 5 :], children, workforce)
    return Journey(children, contacts, referrals, assessments, section47, plans, cin)


def _teams_of(sc: Scale, kind: str, children: pd.DataFrame, child: np.ndarray) -> np.ndarray:
    """The team of the given kind ("Assessment", "Child Protection", "Children in Need") for each child's area."""
    teams = np.array([t for t in sc.teams if t.startswith(kind)])
    return teams[children["area"].to_numpy()[child] % len(teams)]


def make_children(rng: np.random.Generator, anchors: np.ndarray) -> pd.DataFrame:
    """One child per anchor date (first seen): made-up id, gender, ethnicity, birth date, disability.

    A few are referred before birth; those still unborn at the snapshot have age -1 and no birth date.
    """
    n = len(anchors)
    oldest = np.clip(17.9 - (SNAPSHOT - anchors).astype(int) / 365.25, 1, 16.5)
    years = np.where(rng.random(n) < 0.15, rng.uniform(0, 1, n), rng.uniform(0, oldest))
    dob = anchors - (years * 365.25).astype("timedelta64[D]")
    prebirth = rng.random(n) < 0.02
    dob[prebirth] = anchors[prebirth] + rng.integers(10, 150, prebirth.sum()).astype("timedelta64[D]")
    unborn = dob > SNAPSHOT
    age = np.where(unborn, -1, years_at_snapshot(dob))
    return pd.DataFrame(
        {
            "id": made_up_ids(rng, n),
            "gender": pick(rng, GENDERS, n),
            "ethnicity": pick(rng, ETHNICITIES, n),
            "dob": np.where(unborn, np.datetime64("NaT", "D"), dob),
            "age": age,
            "disability": pick(rng, DISABILITIES, n),
        }
    )


def make_contacts(rng: np.random.Generator, sc: Scale, n_children: int) -> pd.DataFrame:
    """Contacts: every child has at least one, some several."""
    child = np.concatenate([np.arange(n_children), rng.integers(0, n_children, sc.contacts - n_children)])
    return pd.DataFrame(
        {"child": child, "day": activity_days(rng, sc.contacts, sc.start, ACTIVITY_END), "source": pick(rng, SOURCES, sc.contacts)}
    )


def make_referrals(rng, sc: Scale, contacts, children, workforce) -> pd.DataFrame:
    """Referrals from a share of contacts (more often for children contacted repeatedly), a day or two later."""
    repeats = contacts.groupby("child")["child"].transform("size").to_numpy()
    picked = contacts.iloc[np.sort(weighted_sample(rng, repeats.astype(float) ** 2, sc.referrals))]
    lag = rng.choice([0, 1, 2, 3], len(picked), p=[0.7, 0.2, 0.06, 0.04])
    day = last_working_day_by(add_working_days(picked["day"].to_numpy("datetime64[D]"), lag), ACTIVITY_END)
    child = picked["child"].to_numpy()
    referrals = pd.DataFrame({"child": child, "day": day, "source": picked["source"].to_numpy(), "nfa": rng.random(len(picked)) < 0.07})
    referrals = referrals.drop_duplicates(["child", "day"]).reset_index(drop=True)
    child, day = referrals["child"].to_numpy(), referrals["day"].to_numpy("datetime64[D]")
    before_window = np.clip((sc.start - (day - 365)).astype(int) / 365, 0, 1)
    referrals["earlier"] = earlier_within_year(child, day) + (rng.random(len(day)) < 0.18 * before_window)
    return _allocate(rng, sc, referrals, children, workforce, "Assessment")


def _allocate(rng, sc, frame, children, workforce, kind, day_column="day") -> pd.DataFrame:
    """Add ``team`` (the child's area's team of ``kind``) and a ``worker`` of that team."""
    child = frame["child"].to_numpy()
    frame["team"] = _teams_of(sc, kind, children, child)
    frame["worker"] = allocate_workers(rng, workforce, frame["team"].to_numpy(), frame[day_column].to_numpy("datetime64[D]"))
    return frame


def make_assessments(rng, sc: Scale, referrals, workforce) -> pd.DataFrame:
    """Assessments of non-NFA referrals: most authorised within 45 working days, improving over time."""
    pool = referrals[~referrals["nfa"]]
    picked = pool.iloc[np.sort(rng.choice(len(pool), min(sc.assessments, len(pool)), replace=False))]
    n = len(picked)
    start = last_working_day_by(
        add_working_days(picked["day"].to_numpy("datetime64[D]"), rng.choice([0, 1, 2], n, p=[0.6, 0.3, 0.1])), ACTIVITY_END
    )
    team_lag = {team: rng.normal(0, 0.03) for team in np.unique(picked["team"])}
    late = rng.random(n) < 0.21 - 0.11 * window_progress(start, sc) + picked["team"].map(team_lag).to_numpy()
    duration = np.where(late, 46 + rng.gamma(2, 9, n), rng.triangular(4, 33, 45.99, n)).astype(int)
    authorised = add_working_days(start, duration)
    done = authorised <= SNAPSHOT
    assessments = pd.DataFrame(
        {
            "child": picked["child"].to_numpy(),
            "day": start,
            "seen": pick(rng, {YES: 96, NO: 3, UNKNOWN: 1}, n),
            "authorised": np.where(done, authorised, np.datetime64("NaT", "D")),
            "support": np.where(done, np.where(rng.random(n) < 0.55, YES, NO), None),
            "team": picked["team"].to_numpy(),
            "worker": picked["worker"].to_numpy(),
        }
    )
    return assessments.drop_duplicates(["child", "day"]).reset_index(drop=True)


def make_section47(rng, sc: Scale, assessments, workforce) -> pd.DataFrame:
    """Section 47 enquiries from assessments; ICPCs mostly within 15 working days, improving."""
    picked = assessments.iloc[np.sort(rng.choice(len(assessments), min(sc.section47, len(assessments)), replace=False))]
    n = len(picked)
    day = last_working_day_by(add_working_days(picked["day"].to_numpy("datetime64[D]"), rng.integers(0, 3, n)), ACTIVITY_END)
    to_icpc = rng.random(n) < 0.44
    late = rng.random(n) < 0.28 - 0.16 * window_progress(day, sc)
    icpc = add_working_days(day, np.where(late, 16 + rng.gamma(2, 3, n), rng.integers(6, 16, n)).astype(int))
    held = to_icpc & (icpc <= SNAPSHOT)
    pending = ~to_icpc & ((SNAPSHOT - day).astype(int) < 20)
    child = picked["child"].to_numpy()
    section47 = (
        pd.DataFrame(
            {
                "child": child,
                "day": day,
                "unnecessary": np.where(to_icpc, NO, np.where(pending, None, YES)),
                "icpc": np.where(held, icpc, np.datetime64("NaT", "D")),
                "plan": np.where(held, np.where(rng.random(n) < 0.85, YES, NO), None),
                "team": picked["team"].to_numpy(),
                "worker": picked["worker"].to_numpy(),
            }
        )
        .drop_duplicates(["child", "day"])
        .reset_index(drop=True)
    )
    child, day = section47["child"].to_numpy(), section47["day"].to_numpy("datetime64[D]")
    icpcs = section47.dropna(subset=["icpc"])
    section47["earlier"] = earlier_within_year(child, day)
    section47["earlier_icpcs"] = earlier_within_year(child, day, icpcs["child"].to_numpy(), icpcs["icpc"].to_numpy("datetime64[D]"))
    return section47


def make_plans(rng, sc: Scale, section47, legacy, children, workforce) -> pd.DataFrame:
    """Child protection plans: one row per child (latest plan), from ICPCs and a few older plans."""
    from_icpc = section47[section47["plan"] == YES]
    plans = pd.concat(
        [
            pd.DataFrame({"child": legacy["child"], "day": legacy["day"]}),
            pd.DataFrame({"child": from_icpc["child"], "day": from_icpc["icpc"]}),
        ]
    )
    plans = plans.sort_values("day", kind="stable").drop_duplicates("child", keep="last").reset_index(drop=True)
    start = plans["day"].to_numpy("datetime64[D]")
    end = start + rng.gamma(2.2, 130, len(plans)).astype("timedelta64[D]")
    is_legacy = plans["child"].isin(legacy["child"]).to_numpy()
    fate = rng.random(len(plans))
    end = np.where(is_legacy & (fate < 0.9), np.maximum(end, sc.start + rng.integers(1, 300, len(plans))), end)
    end = np.where(is_legacy & (fate >= 0.9), np.datetime64("NaT", "D"), end)
    keep = np.isnat(end) | (end >= sc.start)
    plans, start, end = plans[keep].reset_index(drop=True), start[keep], end[keep]
    n, open_ = len(plans), np.isnat(end) | (end > SNAPSHOT)
    plans["end"] = np.where(open_, np.datetime64("NaT", "D"), end)
    plans["initial"] = pick(rng, CATEGORIES, n)
    plans["latest"] = np.where(rng.random(n) < 0.9, plans["initial"], pick(rng, CATEGORIES, n))
    upto = np.where(open_, SNAPSHOT, end)
    overdue = rng.random(n) < 0.12
    visit_gap = np.where(overdue, rng.integers(11, 30, n), rng.integers(0, 10, n))
    plans["visit"] = np.maximum(np.busday_offset(upto, -visit_gap, roll="backward", holidays=england_bank_holidays()), start)
    plans["alone"] = pick(rng, {YES: 80, NO: 15, UNKNOWN: 5}, n)
    held_for = (upto - start).astype(int)
    plans["review"] = np.where(held_for >= 91, start + (91 + 182 * ((held_for - 91) // 182)), np.datetime64("NaT", "D"))
    plans["epo"] = np.where(rng.random(n) < 0.02, YES, NO)
    plans["previous"] = rng.choice(4, n, p=[0.78, 0.16, 0.05, 0.01])
    plans["open"] = open_
    plans["team"] = _teams_of(sc, "Child Protection", children, plans["child"].to_numpy())
    plans["worker"] = allocate_workers(rng, workforce, plans["team"].to_numpy(), upto)
    return plans


def make_cin(rng, sc: Scale, assessments, plans, legacy, children, workforce) -> pd.DataFrame:
    """List 6: open children filling each worker's caseload at the snapshot, plus closed episodes."""
    holders, caseload = _caseloads(rng, sc, workforce)
    open_plans = plans[plans["open"] & plans["worker"].isin(holders)]
    protected = pd.DataFrame(
        {
            "child": open_plans["child"].to_numpy(),
            "day": open_plans["day"].to_numpy("datetime64[D]") - rng.integers(0, 30, len(open_plans)),
            "status": "b) Child Protection plan",
            "team": open_plans["team"].to_numpy(),
            "worker": open_plans["worker"].to_numpy(),
        }
    )
    spare = np.maximum(caseload - protected["worker"].value_counts().reindex(holders, fill_value=0), 0)
    candidates = _cin_candidates(assessments, legacy, exclude=plans["child"])
    needed = int(spare.sum()) + max(3, int(spare.sum() * 0.025))
    n_closed = max(sc.cin - needed - len(protected), needed // 5)
    order = weighted_sample(
        rng, 1 + window_progress(candidates["day"].to_numpy("datetime64[D]"), sc) * 4, min(len(candidates), needed + n_closed)
    )
    chosen = candidates.iloc[order].reset_index(drop=True)
    open_rows = chosen.iloc[:needed].copy()
    slots = np.repeat(spare.index.to_numpy(), spare.to_numpy())[: len(open_rows)]
    open_rows["worker"] = np.concatenate([slots, _unallocated(rng, len(open_rows) - len(slots))])
    open_rows["status"] = pick(rng, OPEN_STATUSES, len(open_rows))
    area_team = pd.Series(_teams_of(sc, "Children in Need", children, open_rows["child"].to_numpy()), index=open_rows.index)
    open_rows["team"] = open_rows["worker"].map(workforce.set_index("worker_id")["team"]).fillna(area_team)
    closed = _closed_cin(rng, sc, chosen.iloc[needed:], children, workforce)
    cin = pd.concat([protected, open_rows, closed], ignore_index=True)
    cin["need"] = pick(rng, NEEDS, len(cin))
    return _last_seen(rng, cin)


def _caseloads(rng, sc: Scale, workforce) -> tuple[np.ndarray, pd.Series]:
    """Case-holding workers in post at the snapshot outside assessment teams, and how many children each holds."""
    holders = workforce[
        in_post_on(workforce, SNAPSHOT) & workforce["role"].isin(CASE_HOLDING) & ~workforce["team"].str.startswith("Assessment")
    ]
    n = len(holders)
    new = (SNAPSHOT - holders["start_date"].to_numpy("datetime64[D]")).astype(int) < 90
    caseload = np.select(
        [holders["role"].to_numpy() == "practice_supervisor", new],
        [rng.integers(5, 11, n), rng.integers(4, 12, n)],
        rng.integers(12, 23, n),
    )
    heavy = rng.choice(np.flatnonzero(caseload >= 12), min(2, int((caseload >= 12).sum())), replace=False)
    caseload[heavy] = rng.integers(26, 31, len(heavy))
    return holders["worker_id"].to_numpy(), pd.Series(caseload, index=holders["worker_id"].to_numpy())


def _cin_candidates(assessments, legacy, exclude: pd.Series) -> pd.DataFrame:
    """Children who could be in need: assessed as needing support (latest assessment), or long-standing."""
    assessed = assessments[assessments["support"] == YES]
    frame = pd.concat(
        [
            pd.DataFrame({"child": legacy["child"], "day": legacy["day"]}),
            pd.DataFrame({"child": assessed["child"], "day": assessed["authorised"]}),
        ]
    )
    frame = frame.sort_values("day", kind="stable").drop_duplicates("child", keep="last")
    return frame[~frame["child"].isin(exclude)].reset_index(drop=True)


def _unallocated(rng, n: int) -> np.ndarray:
    """``n`` Allocated Worker values meaning no worker: mostly "Unallocated", some blank."""
    return np.where(rng.random(n) < 0.7, UNALLOCATED, None)


def _closed_cin(rng, sc: Scale, chosen, children, workforce) -> pd.DataFrame:
    """Episodes of need closed before the snapshot, with the worker who held them when they closed."""
    start = np.maximum(chosen["day"].to_numpy("datetime64[D]"), sc.start)
    closure = start + (rng.beta(2, 3, len(chosen)) * (SNAPSHOT - start).astype(int)).astype(int)
    closed = chosen.assign(closure=closure, status="e) Closed episode", reason=pick(rng, CLOSURE_REASONS, len(chosen)))
    return _allocate(rng, sc, closed, children, workforce, "Children in Need", day_column="closure")


def _last_seen(rng, cin: pd.DataFrame) -> pd.DataFrame:
    """Date each child was last seen: mostly within four weeks of the snapshot (or of closure)."""
    start = cin["day"].to_numpy("datetime64[D]")
    upto = cin["closure"].to_numpy("datetime64[D]")
    upto = np.where(np.isnat(upto), SNAPSHOT, upto)
    gap = np.where(rng.random(len(cin)) < 0.85, rng.integers(0, 28, len(cin)), rng.integers(28, 80, len(cin)))
    cin["seen"] = np.maximum(upto - gap, start)
    return cin
