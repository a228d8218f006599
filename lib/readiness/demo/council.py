"""A synthetic council, "Northbridge", in the raw input formats of ``inputs.md``.

Every id, date and name is made up from a seeded random generator: no real person's data.
The same seed writes byte-identical CSVs and a workbook with identical cell values.
The pipeline follows a child's journey: contact -> referral -> assessment -> section 47
-> ICPC -> child protection plan, with children in need and caseloads drawn from the
workforce at the snapshot date.
"""
from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

import numpy as np
import pandas as pd

from readiness.config.workdays import england_bank_holidays
from readiness.files import refuse_to_overwrite

SNAPSHOT = np.datetime64("2025-10-03", "D")
ACTIVITY_END = np.datetime64("2025-09-30", "D")

YES, NO, UNKNOWN = "a) Yes", "b) No", "c) Unknown"
UNALLOCATED = "Unallocated"
GRADES = np.array(["inadequate", "requires_improvement", "good", "outstanding"])
DOMAINS = {"voice_of_child": -0.25, "assessment": 0.1, "planning": 0.0, "management_oversight": -0.35}
AGENCIES = ("social_care", "police", "health", "education", "other")
CASE_HOLDING = ("social_worker", "senior_practitioner", "practice_supervisor")

COMMON = ["Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age of Child (Years)"]
ALLOCATION = ["Allocated Team", "Allocated Worker"]
DISABILITY = "Does the Child have a Disability"
HEADINGS = {
    "List 1": COMMON + ["Date of Contact", "Contact Source"],
    "List 3": COMMON + ["Date of referral", "Referral Source", "Referral NFA?",
                        "Number of Referrals in Last 12 Months"] + ALLOCATION,
    "List 4": COMMON + [DISABILITY, "Continuous Assessment Start Date",
                        "Child Seen During Continuous Assessment",
                        "Continuous Assessment Date of Authorisation",
                        "Was the child assessed as requiring LA children\u2019s social care support"] + ALLOCATION,
    "List 5": COMMON + [DISABILITY, "Strategy discussion initiating Section 47 Enquiry Start Date",
                        "Was an Initial Child Protection Conference deemed unnecessary?",
                        "Date of Initial Child Protection Conference",
                        "Did the Initial Child Protection Conference Result in a Child Protection Plan",
                        "Number of Section 47 Enquiries in the last 12 months",
                        "Number of ICPCs in the last 12 months"] + ALLOCATION,
    "List 6": COMMON + [DISABILITY, "CIN Start Date", "Primary Need Code", "Date Child Was Last Seen",
                        "CIN Closure Date", "Reason for Closure", "Case status"] + ALLOCATION,
    "List 7": COMMON + [DISABILITY, "Child Protection Plan Start Date", "Initial Category of Abuse",
                        "Latest Category of Abuse", "Date of the Last Statutory Visit",
                        "Was the Child Seen Alone?", "Date of latest review conference",
                        "Child Protection Plan End Date",
                        "Subject to Emergency Protection Order or Protected Under Police Powers "
                        "in Last Six Months (Y/N)",
                        "Number of Previous Child Protection Plans"] + ALLOCATION,
}

# Ofsted's codes with made-up but plausible weights.
GENDERS = {"a) Male": 50, "b) Female": 48.5, "c) Not stated/recorded": 1.2, "d) Neither": 0.3}
ETHNICITIES = {
    "a) WBRI": 66, "b) WIRI": 1, "c) WIRT": 0.3, "d) WOTH": 5, "e) WROM": 0.7, "f) MWBC": 2, "g) MWBA": 1,
    "h) MWAS": 1.5, "i) MOTH": 2.5, "j) AIND": 2.5, "k) APKN": 4, "l) ABAN": 1.5, "m) AOTH": 1.5,
    "n) BCRB": 1.5, "o) BAFR": 3, "p) BOTH": 1, "q) CHNE": 0.4, "r) OOTH": 1.5, "s) REFU": 0.3, "s) NOBT": 0.5,
}
SOURCES = {
    "a) 1A: Individual": 5, "b) 1B: Individual": 2, "c) 1C: Individual": 1, "d) 1D: Individual": 2,
    "e) 2A: Schools": 18, "f) 2B: Education services": 3, "g) 3A: Health services": 3,
    "h) 3B: Health services": 3, "i) 3C: Health services": 4, "j) 3D: Health services": 1,
    "k) 3E: Health services": 2, "l) 3F: Health services": 1, "m) 4: Housing": 3, "n) 5A: LA services": 3,
    "o) 5B: LA services": 3, "p) 5C: LA services": 2, "q) 6: Police": 28, "r) 7: Other legal agency": 4,
    "s) 8: Other": 5, "t) 9: Anonymous": 2, "u) 10: Unknown": 2,
}
DISABILITIES = {YES: 8, NO: 88, UNKNOWN: 4}
NEEDS = {
    "N1 - Abuse or neglect": 56, "N2 - Child\u2019s disability": 8, "N3 - Parental disability or illness": 5,
    "N4 - Family in acute stress": 8, "N5 - Family dysfunction": 16, "N6 - Socially unacceptable behaviour": 3,
    "N7 - Low income": 1, "N8 - Absent parenting": 1.5, "N9 - Cases other than children in need": 0.5,
    "N0 - Not stated": 1,
}
CLOSURE_REASONS = {
    "RC1 - Adopted": 1, "RC2 - Died": 0.2, "RC3 - Child arrangements order": 3,
    "RC4 - Special guardianship order": 3, "RC5 - Transferred to services of another local authority": 5,
    "RC6 - Transferred to adult social care services": 2,
    "RC7 - Services ceased for any other reason, including child no longer in need": 60,
    "RC8 - Case closed after assessment, no further action": 26,
}
OPEN_STATUSES = {"a) Looked after child": 22, "c) Child in need plan": 72, "d) Open assessment": 6}
CATEGORIES = {"a) Neglect": 50, "b) Physical abuse": 8, "c) Sexual abuse": 4, "d) Emotional abuse": 35,
              "e) Multiple/not recommended": 3}
AUDITOR_ROLES = {"team_manager": 55, "service_manager": 20, "practice_supervisor": 20, "external": 5}


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
        teams=("Assessment North", "Assessment South", "Child Protection East", "Child Protection West",
               "Children in Need"),
        lagging_team="Child Protection West",
        contacts=8_000, referrals=2_500, assessments=2_300, section47=700, cin=900, audits=650,
        meetings=700, posts_per_team=17,
    ),
    "large": Scale(
        start=np.datetime64("2022-10-01", "D"),
        teams=tuple(f"{kind} {area}" for kind in ("Assessment", "Child Protection", "Children in Need")
                    for area in ("North", "South", "East", "West")),
        lagging_team="Child Protection West",
        contacts=150_000, referrals=45_000, assessments=45_000, section47=15_000, cin=8_000, audits=6_000,
        meetings=24_000, posts_per_team=27,
    ),
}


EXTRACT_FILES = {key: f"{key}.csv" for key in ("case_audits", "strategy_meetings", "workforce", "supervision", "audit_actions",
                                                "front_door_decisions")}


def write_demo_data(folder: Path, *, seed: int = 2019, scale: str = "standard", force: bool = False) -> dict[str, Path]:
    """Write Northbridge's synthetic inputs into ``folder``; return ``{input key: path}``.

    Nothing is written when any of the files already exists, unless ``force``.

    >>> paths = write_demo_data(Path("data/demo"))  # doctest: +SKIP
    >>> sorted(paths)  # doctest: +SKIP
    ['annex_a', 'audit_actions', 'case_audits', 'front_door_decisions', 'strategy_meetings', 'supervision', 'workforce']
    """
    if scale not in SCALES:
        raise ValueError(f"scale must be one of {sorted(SCALES)}, not {scale!r}")
    folder = Path(folder)
    if not force:
        refuse_to_overwrite([folder / "annex_a.xlsx", *(folder / name for name in EXTRACT_FILES.values())], "demo-data")
    sc, rng = SCALES[scale], np.random.default_rng(seed)
    folder.mkdir(parents=True, exist_ok=True)

    workforce = make_workforce(rng, sc)
    journey = make_journey(rng, sc, workforce)
    extracts = {
        "case_audits": make_case_audits(rng, sc, journey),
        "strategy_meetings": make_strategy_meetings(rng, sc, journey),
        "workforce": _format_workforce(workforce),
        "supervision": make_supervision(rng, sc, workforce),
    }
    follow_up = np.random.default_rng([seed, 14])  # its own stream, so the inputs above stay as they were
    extracts["case_audits"]["reaudit_of"] = make_reaudits(follow_up, extracts["case_audits"])
    extracts["audit_actions"] = make_audit_actions(follow_up, sc, extracts["case_audits"])
    from .frontdoor import frontdoor_extras  # issue 12: its own random stream; imports this module

    front_door_lists, extracts["front_door_decisions"] = frontdoor_extras(seed, sc, journey)
    paths = {"annex_a": folder / "annex_a.xlsx"}
    from .care import care_lists  # it builds on this module's helpers

    write_workbook(paths["annex_a"], format_annex_a(journey) | front_door_lists | care_lists(seed, sc, workforce))
    for key, frame in extracts.items():
        paths[key] = folder / EXTRACT_FILES[key]
        frame.to_csv(paths[key], index=False, lineterminator="\n", encoding="utf-8", date_format="%Y-%m-%d")
    return paths


# --- calendar and sampling helpers -------------------------------------------------

def _pick(rng: np.random.Generator, weights: dict[str, float], n: int) -> np.ndarray:
    """``n`` codes drawn with the relative ``weights``."""
    p = np.array(list(weights.values()), dtype=float)
    return np.array(list(weights))[rng.choice(len(p), n, p=p / p.sum())]


def _progress(days: np.ndarray, sc: Scale) -> np.ndarray:
    """Position of each date in the activity window: 0 at its start, 1 at its end."""
    return np.clip((days - sc.start).astype(float) / (ACTIVITY_END - sc.start).astype(float), 0, 1)


def _add_working_days(days: np.ndarray, n) -> np.ndarray:
    """The working day ``n`` working days after each date (a non-working date rolls forward first)."""
    return np.busday_offset(days, n, roll="forward", holidays=england_bank_holidays())


def _last_working_day_by(days: np.ndarray, limit: np.datetime64) -> np.ndarray:
    """Each date, capped at ``limit`` and rolled back to a working day."""
    return np.busday_offset(np.minimum(days, limit), 0, roll="backward", holidays=england_bank_holidays())


def _activity_days(rng: np.random.Generator, n: int, start: np.datetime64, end: np.datetime64) -> np.ndarray:
    """``n`` dates between ``start`` and ``end``, mostly working days, quieter in August and December."""
    days = np.arange(start, end + 1)
    weights = np.where(np.is_busday(days, holidays=england_bank_holidays()), 1.0, 0.06)
    month = days.astype("datetime64[M]").astype(int) % 12 + 1
    weights *= np.select([month == 8, month == 12], [0.8, 0.85], 1.0)
    return days[rng.choice(len(days), n, p=weights / weights.sum())]


def _weighted_sample(rng: np.random.Generator, weights: np.ndarray, k: int) -> np.ndarray:
    """Positions of ``k`` items drawn without replacement, each in proportion to its weight."""
    keys = np.log(weights) - np.log(-np.log(rng.random(len(weights))))
    return np.argsort(-keys, kind="stable")[:k]


def _earlier_within_year(child: np.ndarray, days: np.ndarray, of_child=None, of_days=None) -> np.ndarray:
    """For each (child, day): events of the same child dated in the 365 days before it.

    Events are ``of_child``/``of_days`` (default: the rows themselves).
    """
    of_child = child if of_child is None else of_child
    of_days = days if of_days is None else of_days
    span = 1 << 20
    keys = np.sort(of_child.astype(np.int64) * span + of_days.astype(np.int64))
    mine = child.astype(np.int64) * span + days.astype(np.int64)
    return np.searchsorted(keys, mine, "left") - np.searchsorted(keys, mine - 365, "left")


# --- workforce ---------------------------------------------------------------------

def make_workforce(rng: np.random.Generator, sc: Scale) -> pd.DataFrame:
    """Every worker who held a post in the window: agency share falls, permanent staff rarely leave."""
    roles = ["team_manager", "practice_supervisor", "practice_supervisor", "other"] + \
        ["senior_practitioner"] * 3 + ["social_worker"] * (sc.posts_per_team - 7)
    rows = [holder | {"team": team, "role": role}
            for team in sc.teams for role in roles for holder in _post_holders(rng, sc)]
    workforce = pd.DataFrame(rows).sort_values(["start_date", "team", "role"], kind="stable")
    workforce.insert(0, "worker_id", [f"W{i:04d}" for i in range(1, len(workforce) + 1)])
    workforce["fte"] = _pick(rng, {1.0: 80, 0.8: 12, 0.5: 8}, len(workforce)).astype(float)
    return workforce.reset_index(drop=True)


def _post_holders(rng: np.random.Generator, sc: Scale) -> list[dict]:
    """The succession of workers in one post from before the window to its end."""
    holders, start, first = [], sc.start, True
    while start <= ACTIVITY_END:
        agency = rng.random() < 0.36 - 0.2 * _progress(np.array([start]), sc)[0]
        if first:
            start = start - np.timedelta64(int(rng.integers(10, 300 if agency else 3000)), "D")
        stay_from = max(start, sc.start)
        end = stay_from + np.timedelta64(int(rng.exponential(420 if agency else 1900)), "D")
        holders.append({"employment": "agency" if agency else "permanent", "start_date": start,
                        "end_date": end if end <= ACTIVITY_END else np.datetime64("NaT", "D")})
        start, first = end + np.timedelta64(int(rng.integers(7, 70)), "D"), False
    return holders


def _in_post(workforce: pd.DataFrame, days) -> np.ndarray:
    """Which workers are in post on ``days``: one date, or a column of dates (a rows x workers grid)."""
    start = workforce["start_date"].to_numpy("datetime64[D]")
    end = workforce["end_date"].to_numpy("datetime64[D]")
    return (start <= days) & (np.isnat(end) | (end > days))


def allocate_workers(rng: np.random.Generator, workforce: pd.DataFrame, teams: np.ndarray,
                     days: np.ndarray) -> np.ndarray:
    """A case-holding worker of each row's team, in post on the row's date where there is one."""
    holders = workforce[workforce["role"].isin(CASE_HOLDING)]
    workers = np.empty(len(teams), dtype=object)
    for team in np.unique(teams):
        rows = np.flatnonzero(teams == team)
        staff = holders[holders["team"] == team]
        in_post = _in_post(staff, days[rows, None])
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
    frame = pd.DataFrame({"worker_id": ids[keep],
                          "supervision_date": _last_working_day_by(days[keep], ACTIVITY_END)})
    return frame.drop_duplicates().sort_values(["supervision_date", "worker_id"], kind="stable")


def _format_workforce(workforce: pd.DataFrame) -> pd.DataFrame:
    """The workforce extract's columns, in order."""
    return workforce[["worker_id", "team", "role", "employment", "start_date", "end_date", "fte"]]


# --- the child's journey (Annex A) ---------------------------------------------------

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
    cin = make_cin(rng, sc, assessments, plans, legacy.iloc[n_legacy // 5:], children, workforce)
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
    born = pd.DatetimeIndex(dob)
    snap = pd.Timestamp(SNAPSHOT)
    before_birthday = (born.month > snap.month) | ((born.month == snap.month) & (born.day > snap.day))
    age = np.where(unborn, -1, snap.year - born.year - before_birthday)
    return pd.DataFrame({
        "id": [f"NB{i:07d}" for i in rng.choice(10_000_000, n, replace=False)],
        "gender": _pick(rng, GENDERS, n),
        "ethnicity": _pick(rng, ETHNICITIES, n),
        "dob": np.where(unborn, np.datetime64("NaT", "D"), dob),
        "age": age,
        "disability": _pick(rng, DISABILITIES, n),
    })


def make_contacts(rng: np.random.Generator, sc: Scale, n_children: int) -> pd.DataFrame:
    """Contacts: every child has at least one, some several."""
    child = np.concatenate([np.arange(n_children), rng.integers(0, n_children, sc.contacts - n_children)])
    return pd.DataFrame({"child": child, "day": _activity_days(rng, sc.contacts, sc.start, ACTIVITY_END),
                         "source": _pick(rng, SOURCES, sc.contacts)})


def make_referrals(rng, sc: Scale, contacts, children, workforce) -> pd.DataFrame:
    """Referrals from a share of contacts (more often for children contacted repeatedly), a day or two later."""
    repeats = contacts.groupby("child")["child"].transform("size").to_numpy()
    picked = contacts.iloc[np.sort(_weighted_sample(rng, repeats.astype(float) ** 2, sc.referrals))]
    lag = rng.choice([0, 1, 2, 3], len(picked), p=[0.7, 0.2, 0.06, 0.04])
    day = _last_working_day_by(_add_working_days(picked["day"].to_numpy("datetime64[D]"), lag), ACTIVITY_END)
    child = picked["child"].to_numpy()
    referrals = pd.DataFrame({"child": child, "day": day, "source": picked["source"].to_numpy(),
                              "nfa": rng.random(len(picked)) < 0.07})
    referrals = referrals.drop_duplicates(["child", "day"]).reset_index(drop=True)
    child, day = referrals["child"].to_numpy(), referrals["day"].to_numpy("datetime64[D]")
    before_window = np.clip((sc.start - (day - 365)).astype(int) / 365, 0, 1)
    referrals["earlier"] = _earlier_within_year(child, day) + (rng.random(len(day)) < 0.18 * before_window)
    return _allocate(rng, sc, referrals, children, workforce, "Assessment")


def _allocate(rng, sc, frame, children, workforce, kind, day_column="day") -> pd.DataFrame:
    """Add ``team`` (the child's area's team of ``kind``) and a ``worker`` of that team."""
    child = frame["child"].to_numpy()
    frame["team"] = _teams_of(sc, kind, children, child)
    frame["worker"] = allocate_workers(rng, workforce, frame["team"].to_numpy(),
                                       frame[day_column].to_numpy("datetime64[D]"))
    return frame


def make_assessments(rng, sc: Scale, referrals, workforce) -> pd.DataFrame:
    """Assessments of non-NFA referrals: most authorised within 45 working days, improving over time."""
    pool = referrals[~referrals["nfa"]]
    picked = pool.iloc[np.sort(rng.choice(len(pool), min(sc.assessments, len(pool)), replace=False))]
    n = len(picked)
    start = _last_working_day_by(_add_working_days(picked["day"].to_numpy("datetime64[D]"),
                                                   rng.choice([0, 1, 2], n, p=[0.6, 0.3, 0.1])), ACTIVITY_END)
    team_lag = {team: rng.normal(0, 0.03) for team in np.unique(picked["team"])}
    late = rng.random(n) < 0.21 - 0.11 * _progress(start, sc) + picked["team"].map(team_lag).to_numpy()
    duration = np.where(late, 46 + rng.gamma(2, 9, n), rng.triangular(4, 33, 45.99, n)).astype(int)
    authorised = _add_working_days(start, duration)
    done = authorised <= SNAPSHOT
    assessments = pd.DataFrame({
        "child": picked["child"].to_numpy(), "day": start,
        "seen": _pick(rng, {YES: 96, NO: 3, UNKNOWN: 1}, n),
        "authorised": np.where(done, authorised, np.datetime64("NaT", "D")),
        "support": np.where(done, np.where(rng.random(n) < 0.55, YES, NO), None),
        "team": picked["team"].to_numpy(), "worker": picked["worker"].to_numpy(),
    })
    return assessments.drop_duplicates(["child", "day"]).reset_index(drop=True)


def make_section47(rng, sc: Scale, assessments, workforce) -> pd.DataFrame:
    """Section 47 enquiries from assessments; ICPCs mostly within 15 working days, improving."""
    picked = assessments.iloc[np.sort(rng.choice(len(assessments), min(sc.section47, len(assessments)),
                                                 replace=False))]
    n = len(picked)
    day = _last_working_day_by(_add_working_days(picked["day"].to_numpy("datetime64[D]"),
                                                 rng.integers(0, 3, n)), ACTIVITY_END)
    to_icpc = rng.random(n) < 0.44
    late = rng.random(n) < 0.28 - 0.16 * _progress(day, sc)
    icpc = _add_working_days(day, np.where(late, 16 + rng.gamma(2, 3, n), rng.integers(6, 16, n)).astype(int))
    held = to_icpc & (icpc <= SNAPSHOT)
    pending = ~to_icpc & ((SNAPSHOT - day).astype(int) < 20)
    child = picked["child"].to_numpy()
    section47 = pd.DataFrame({
        "child": child, "day": day,
        "unnecessary": np.where(to_icpc, NO, np.where(pending, None, YES)),
        "icpc": np.where(held, icpc, np.datetime64("NaT", "D")),
        "plan": np.where(held, np.where(rng.random(n) < 0.85, YES, NO), None),
        "team": picked["team"].to_numpy(), "worker": picked["worker"].to_numpy(),
    }).drop_duplicates(["child", "day"]).reset_index(drop=True)
    child, day = section47["child"].to_numpy(), section47["day"].to_numpy("datetime64[D]")
    icpcs = section47.dropna(subset=["icpc"])
    section47["earlier"] = _earlier_within_year(child, day)
    section47["earlier_icpcs"] = _earlier_within_year(child, day, icpcs["child"].to_numpy(),
                                                      icpcs["icpc"].to_numpy("datetime64[D]"))
    return section47


def make_plans(rng, sc: Scale, section47, legacy, children, workforce) -> pd.DataFrame:
    """Child protection plans: one row per child (latest plan), from ICPCs and a few older plans."""
    from_icpc = section47[section47["plan"] == YES]
    plans = pd.concat([pd.DataFrame({"child": legacy["child"], "day": legacy["day"]}),
                       pd.DataFrame({"child": from_icpc["child"], "day": from_icpc["icpc"]})])
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
    plans["initial"] = _pick(rng, CATEGORIES, n)
    plans["latest"] = np.where(rng.random(n) < 0.9, plans["initial"], _pick(rng, CATEGORIES, n))
    upto = np.where(open_, SNAPSHOT, end)
    overdue = rng.random(n) < 0.12
    visit_gap = np.where(overdue, rng.integers(11, 30, n), rng.integers(0, 10, n))
    plans["visit"] = np.maximum(np.busday_offset(upto, -visit_gap, roll="backward",
                                                 holidays=england_bank_holidays()), start)
    plans["alone"] = _pick(rng, {YES: 80, NO: 15, UNKNOWN: 5}, n)
    held_for = (upto - start).astype(int)
    plans["review"] = np.where(held_for >= 91, start + (91 + 182 * ((held_for - 91) // 182)),
                               np.datetime64("NaT", "D"))
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
    protected = pd.DataFrame({
        "child": open_plans["child"].to_numpy(),
        "day": open_plans["day"].to_numpy("datetime64[D]") - rng.integers(0, 30, len(open_plans)),
        "status": "b) Child Protection plan", "team": open_plans["team"].to_numpy(),
        "worker": open_plans["worker"].to_numpy(),
    })
    spare = np.maximum(caseload - protected["worker"].value_counts().reindex(holders, fill_value=0), 0)
    candidates = _cin_candidates(assessments, legacy, exclude=plans["child"])
    needed = int(spare.sum()) + max(3, int(spare.sum() * 0.025))
    n_closed = max(sc.cin - needed - len(protected), needed // 5)
    order = _weighted_sample(rng, 1 + _progress(candidates["day"].to_numpy("datetime64[D]"), sc) * 4,
                             min(len(candidates), needed + n_closed))
    chosen = candidates.iloc[order].reset_index(drop=True)
    open_rows = chosen.iloc[:needed].copy()
    slots = np.repeat(spare.index.to_numpy(), spare.to_numpy())[: len(open_rows)]
    open_rows["worker"] = np.concatenate([slots, _unallocated(rng, len(open_rows) - len(slots))])
    open_rows["status"] = _pick(rng, OPEN_STATUSES, len(open_rows))
    area_team = pd.Series(_teams_of(sc, "Children in Need", children, open_rows["child"].to_numpy()),
                          index=open_rows.index)
    open_rows["team"] = open_rows["worker"].map(workforce.set_index("worker_id")["team"]).fillna(area_team)
    closed = _closed_cin(rng, sc, chosen.iloc[needed:], children, workforce)
    cin = pd.concat([protected, open_rows, closed], ignore_index=True)
    cin["need"] = _pick(rng, NEEDS, len(cin))
    return _last_seen(rng, cin)


def _caseloads(rng, sc: Scale, workforce) -> tuple[np.ndarray, pd.Series]:
    """Case-holding workers in post at the snapshot outside assessment teams, and how many children each holds."""
    holders = workforce[_in_post(workforce, SNAPSHOT) & workforce["role"].isin(CASE_HOLDING)
                        & ~workforce["team"].str.startswith("Assessment")]
    n = len(holders)
    new = (SNAPSHOT - holders["start_date"].to_numpy("datetime64[D]")).astype(int) < 90
    caseload = np.select([holders["role"].to_numpy() == "practice_supervisor", new],
                         [rng.integers(5, 11, n), rng.integers(4, 12, n)], rng.integers(12, 23, n))
    heavy = rng.choice(np.flatnonzero(caseload >= 12), min(2, int((caseload >= 12).sum())), replace=False)
    caseload[heavy] = rng.integers(26, 31, len(heavy))
    return holders["worker_id"].to_numpy(), pd.Series(caseload, index=holders["worker_id"].to_numpy())


def _cin_candidates(assessments, legacy, exclude: pd.Series) -> pd.DataFrame:
    """Children who could be in need: assessed as needing support (latest assessment), or long-standing."""
    assessed = assessments[assessments["support"] == YES]
    frame = pd.concat([pd.DataFrame({"child": legacy["child"], "day": legacy["day"]}),
                       pd.DataFrame({"child": assessed["child"], "day": assessed["authorised"]})])
    frame = frame.sort_values("day", kind="stable").drop_duplicates("child", keep="last")
    return frame[~frame["child"].isin(exclude)].reset_index(drop=True)


def _unallocated(rng, n: int) -> np.ndarray:
    """``n`` Allocated Worker values meaning no worker: mostly "Unallocated", some blank."""
    return np.where(rng.random(n) < 0.7, UNALLOCATED, None)


def _closed_cin(rng, sc: Scale, chosen, children, workforce) -> pd.DataFrame:
    """Episodes of need closed before the snapshot, with the worker who held them when they closed."""
    start = np.maximum(chosen["day"].to_numpy("datetime64[D]"), sc.start)
    closure = start + (rng.beta(2, 3, len(chosen)) * (SNAPSHOT - start).astype(int)).astype(int)
    closed = chosen.assign(closure=closure, status="e) Closed episode",
                           reason=_pick(rng, CLOSURE_REASONS, len(chosen)))
    return _allocate(rng, sc, closed, children, workforce, "Children in Need", day_column="closure")


def _last_seen(rng, cin: pd.DataFrame) -> pd.DataFrame:
    """Date each child was last seen: mostly within four weeks of the snapshot (or of closure)."""
    start = cin["day"].to_numpy("datetime64[D]")
    upto = cin["closure"].to_numpy("datetime64[D]")
    upto = np.where(np.isnat(upto), SNAPSHOT, upto)
    gap = np.where(rng.random(len(cin)) < 0.85, rng.integers(0, 28, len(cin)), rng.integers(28, 80, len(cin)))
    cin["seen"] = np.maximum(upto - gap, start)
    return cin


def format_annex_a(journey: Journey) -> dict[str, pd.DataFrame]:
    """The six lists with Ofsted's headings and codes, rows in date order."""
    j = journey
    return {
        "List 1": _annex_list("List 1", j, j.contacts, ["day", "source"], disability=False),
        "List 3": _annex_list("List 3", j, j.referrals,
                              ["day", "source", "nfa_code", "earlier", "team", "worker"], disability=False),
        "List 4": _annex_list("List 4", j, j.assessments, ["day", "seen", "authorised", "support", "team",
                                                           "worker"]),
        "List 5": _annex_list("List 5", j, j.section47, ["day", "unnecessary", "icpc", "plan", "earlier",
                                                         "earlier_icpcs", "team", "worker"]),
        "List 6": _annex_list("List 6", j, j.cin, ["day", "need", "seen", "closure", "reason", "status", "team",
                                                   "worker"]),
        "List 7": _annex_list("List 7", j, j.plans, ["day", "initial", "latest", "visit", "alone", "review", "end",
                                                     "epo", "previous", "team", "worker"]),
    }


def _annex_list(name: str, journey: Journey, frame: pd.DataFrame, columns: list[str], *,
                disability: bool = True) -> pd.DataFrame:
    """One list: the child's common columns, then ``columns`` under the list's headings."""
    frame = frame.assign(nfa_code=np.where(frame["nfa"], YES, NO)) if "nfa" in frame else frame
    frame = frame.sort_values(["day", "child"], kind="stable")
    child = journey.children.iloc[frame["child"].to_numpy()]
    parts = [child[["id", "gender", "ethnicity", "dob", "age"] + (["disability"] if disability else [])]
             .reset_index(drop=True), frame[columns].reset_index(drop=True)]
    table = pd.concat(parts, axis=1)
    table.columns = HEADINGS[name]
    return table


# --- local extracts -----------------------------------------------------------------

def make_case_audits(rng, sc: Scale, journey: Journey) -> pd.DataFrame:
    """Case audits whose grades improve over time, except in the lagging team; moderation is stricter early on."""
    n = sc.audits
    kind = _pick(rng, {"monthly": 75, "themed": 12, "practice_week": 10, "mock_inspection": 3}, n)
    day = _audit_days(rng, sc, kind)
    child, team = _audited_cases(rng, sc, journey, day)
    progress = _progress(day, sc)
    lag = np.where(team == sc.lagging_team, -0.85 * progress - 0.15, 0.0)
    quality = 0.85 * progress + lag + rng.normal(0, 1, n)
    grade = _grade(quality)
    moderated = rng.random(n) < 0.2
    shift = np.select([rng.random(n) < 0.4 - 0.28 * progress, rng.random(n) < 0.04], [-1, 1], 0)
    audits = pd.DataFrame({
        "audit_id": "",
        "child_id": journey.children["id"].to_numpy()[child],
        "audit_date": day, "team": team,
        "auditor_role": np.where(kind == "mock_inspection", "external", _pick(rng, AUDITOR_ROLES, n)),
        "audit_type": kind,
        "worker_participated": np.where(rng.random(n) < 0.45 + 0.3 * progress, "Y", "N"),
        "grade": grade,
        "moderated_grade": np.where(moderated, GRADES[np.clip(_rank(grade) + shift, 0, 3)], None),
    })
    for domain, offset in DOMAINS.items():
        graded = rng.random(n) > np.where(kind == "themed", 0.4, 0.06)
        audits[f"domain_{domain}"] = np.where(graded, _grade(quality + offset + rng.normal(0, 0.6, n)), None)
    audits = audits.sort_values(["audit_date", "team", "child_id"], kind="stable").reset_index(drop=True)
    audits["audit_id"] = [f"AUD{i:06d}" for i in range(1, n + 1)]
    return audits


def make_reaudits(rng, audits: pd.DataFrame) -> np.ndarray:
    """``reaudit_of``: most audits of a child audited before within 180 days re-audit that earlier audit."""
    earlier = audits.groupby("child_id")["audit_id"].shift()
    days = audits.groupby("child_id")["audit_date"].diff().dt.days
    chosen = earlier.notna() & (days <= 180) & (rng.random(len(audits)) < 0.8)
    return np.where(chosen, earlier, None)


ACTION_THEMES = {
    "planning": ["Update the child's plan with clear outcomes and timescales",
                 "Hold a core group to review the plan and record the decisions"],
    "voice_of_child": ["See the child alone and record their wishes and feelings",
                       "Use direct work tools to capture the child's views before the next review"],
    "management_oversight": ["Team manager to record a supervision decision on the case file",
                             "Record management oversight of the change in risk"],
    "chronology": ["Bring the chronology up to date with significant events"],
    "assessment": ["Update the assessment to reflect the new information from health"],
    "safety_planning": ["Agree a written safety plan with the family and partner agencies"],
}


def make_audit_actions(rng, sc: Scale, audits: pd.DataFrame) -> pd.DataFrame:
    """Actions set by audits: most weak audits set some, timescales and completion on time improve over the window."""
    final = audits["moderated_grade"].fillna(audits["grade"]).to_numpy()
    day = audits["audit_date"].to_numpy("datetime64[D]")
    progress = _progress(day, sc)
    weak = np.isin(final, ["requires_improvement", "inadequate"])
    has_any = rng.random(len(audits)) < np.where(weak, 0.55 + 0.4 * progress, 0.25)
    n = np.where(has_any, rng.integers(1, 4, len(audits)), 0)
    row = np.repeat(np.arange(len(audits)), n)
    progress, start = progress[row], day[row]
    due = start + rng.integers(10, 43, len(row))
    done = due + np.round(rng.normal(-3 - 6 * progress, 8)).astype(int)
    theme = np.array(list(ACTION_THEMES))[rng.integers(0, len(ACTION_THEMES), len(row))]
    wording = [ACTION_THEMES[t][i % len(ACTION_THEMES[t])] for i, t in zip(rng.integers(0, 2, len(row)), theme)]
    return pd.DataFrame({
        "action_id": [f"ACT{i:06d}" for i in range(1, len(row) + 1)],
        "audit_id": audits["audit_id"].to_numpy()[row],
        "due_date": np.where(rng.random(len(row)) < 0.35 - 0.3 * progress, np.datetime64("NaT"), due),
        "completed_date": np.where((rng.random(len(row)) < 0.1) | (done > ACTIVITY_END), np.datetime64("NaT"),
                                   np.maximum(done, start)),
        "theme": theme,
        "action": wording,
    })


def _grade(quality: np.ndarray) -> np.ndarray:
    """Grade codes from a latent practice-quality score."""
    return GRADES[np.digitize(quality, [-1.0, 0.4, 1.9])]


def _rank(grades: np.ndarray) -> np.ndarray:
    """0 (inadequate) to 3 (outstanding) for each grade code."""
    return pd.Series(grades).map({grade: rank for rank, grade in enumerate(GRADES)}).to_numpy(int)


def _audit_days(rng, sc: Scale, kind: np.ndarray) -> np.ndarray:
    """Monthly and themed audits spread over the window; practice weeks and mock inspections bunched."""
    span = ACTIVITY_END - sc.start
    weeks = {"practice_week": [0.2, 0.5, 0.8], "mock_inspection": [0.75, 0.93]}
    day = _activity_days(rng, len(kind), sc.start + np.timedelta64(14, "D"), ACTIVITY_END)
    for name, fractions in weeks.items():
        rows = np.flatnonzero(kind == name)
        mondays = np.busday_offset(sc.start + (np.array(fractions) * span.astype(int)).astype(int), 0,
                                   roll="forward", weekmask="Mon")
        day[rows] = _add_working_days(mondays[rng.integers(0, len(mondays), len(rows))],
                                      rng.integers(0, 5, len(rows)))
    return _last_working_day_by(day, ACTIVITY_END)


def _audited_cases(rng, sc: Scale, journey: Journey, day: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each audit's team (teams audited equally) and a child whose case there started by the audit date."""
    cases = pd.concat([journey.assessments[["child", "day", "team"]], journey.cin[["child", "day", "team"]],
                       journey.plans[["child", "day", "team"]]]).sort_values("day", kind="stable")
    team = np.array(sc.teams)[rng.integers(0, len(sc.teams), len(day))]
    child = np.empty(len(day), dtype=int)
    for name, of_team in cases.groupby("team"):
        rows = np.flatnonzero(team == name)
        started = np.searchsorted(of_team["day"].to_numpy("datetime64[D]"), day[rows], "right")
        pick = np.minimum((rng.random(len(rows)) * np.maximum(started, 1)).astype(int), len(of_team) - 1)
        child[rows] = of_team["child"].to_numpy()[pick]
    return child, team


def make_strategy_meetings(rng, sc: Scale, journey: Journey) -> pd.DataFrame:
    """One row per agency per meeting: police and social care nearly always, health and education less."""
    s47, assessments = journey.section47, journey.assessments
    extra = assessments.iloc[rng.choice(len(assessments), max(0, sc.meetings - len(s47)), replace=False)]
    meetings = pd.concat([s47[["child", "day", "team"]].iloc[: sc.meetings], extra[["child", "day", "team"]]])
    meetings = meetings.drop_duplicates(["child", "day"]).sort_values(["day", "child"], kind="stable")
    n, progress = len(meetings), _progress(meetings["day"].to_numpy("datetime64[D]"), sc)
    invite = np.column_stack([rng.random(n) < p for p in (0.995, 0.97, 0.88, 0.62, 0.08)])
    attend_if_invited = np.column_stack([np.full(n, 0.99), np.full(n, 0.97), 0.58 + 0.27 * progress,
                                         np.full(n, 0.66), np.full(n, 0.7)])
    attend = np.where(invite, rng.random((n, 5)) < attend_if_invited, rng.random((n, 5)) < 0.03)
    listed = invite | attend | (rng.random((n, 5)) < 0.3)
    meeting, agency = np.nonzero(listed)
    return pd.DataFrame({
        "meeting_id": np.array([f"SM{i:06d}" for i in range(1, n + 1)])[meeting],
        "child_id": journey.children["id"].to_numpy()[meetings["child"].to_numpy()[meeting]],
        "meeting_date": meetings["day"].to_numpy("datetime64[D]")[meeting],
        "team": meetings["team"].to_numpy()[meeting],
        "agency": np.array(AGENCIES)[agency],
        "invited": np.where(invite[meeting, agency], "Y", "N"),
        "attended": np.where(attend[meeting, agency], "Y", "N"),
    })


# --- writing ------------------------------------------------------------------------
# openpyxl writes about 40,000 cells a second, too slow for the large council's 2.5 million,
# so the workbook is assembled directly: plain SpreadsheetML parts in a zip with fixed timestamps,
# which also makes the same seed give a byte-identical workbook.

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_DOC_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_TYPES = "application/vnd.openxmlformats-officedocument.spreadsheetml"
_STYLES = (
    f'<styleSheet xmlns="{_MAIN}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/>'
    '</fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>'
)
_EXCEL_EPOCH = np.datetime64("1899-12-30", "D")


def write_workbook(path: Path, lists: dict[str, pd.DataFrame]) -> None:
    """An .xlsx with one sheet per list: headings in row 1, dates as Excel dates (short-date format)."""
    n = len(lists)
    sheets = "".join(f'<sheet name="{escape(name)}" sheetId="{i}" r:id="rId{i}"/>'
                     for i, name in enumerate(lists, 1))
    parts = {
        "[Content_Types].xml": (
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{_TYPES}.sheet.main+xml"/>'
            f'<Override PartName="/xl/styles.xml" ContentType="{_TYPES}.styles+xml"/>'
            + "".join(f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="{_TYPES}.worksheet+xml"/>'
                      for i in range(1, n + 1)) + "</Types>"),
        "_rels/.rels": (f'<Relationships xmlns="{_RELS}"><Relationship Id="rId1" '
                        f'Type="{_DOC_RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
        "xl/workbook.xml": f'<workbook xmlns="{_MAIN}" xmlns:r="{_DOC_RELS}"><sheets>{sheets}</sheets></workbook>',
        "xl/_rels/workbook.xml.rels": (
            f'<Relationships xmlns="{_RELS}">'
            + "".join(f'<Relationship Id="rId{i}" Type="{_DOC_RELS}/worksheet" Target="worksheets/sheet{i}.xml"/>'
                      for i in range(1, n + 1))
            + f'<Relationship Id="rId{n + 1}" Type="{_DOC_RELS}/styles" Target="styles.xml"/></Relationships>'),
        "xl/styles.xml": _STYLES,
    }
    parts |= {f"xl/worksheets/sheet{i}.xml": _sheet_xml(table) for i, table in enumerate(lists.values(), 1)}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, xml in parts.items():
            info = zipfile.ZipInfo(name, date_time=(2025, 10, 3, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + xml)


def _sheet_xml(table: pd.DataFrame) -> str:
    """A worksheet: the headings row, then one row per table row."""
    heading = pd.Series(list(table.columns), dtype=object)
    header = [_cells(_column_letter(i), heading.iloc[[i]], first_row=1) for i in range(len(heading))]
    columns = [_cells(_column_letter(i), table[c], first_row=2) for i, c in enumerate(table.columns)]
    rows = [f'<row r="1">{"".join(cell[0] for cell in header)}</row>']
    rows += [f'<row r="{r}">{"".join(cells)}</row>' for r, cells in enumerate(zip(*columns), 2)]
    return f'<worksheet xmlns="{_MAIN}"><sheetData>{"".join(rows)}</sheetData></worksheet>'


def _column_letter(index: int) -> str:
    """A, B, ... Z for 0 to 25, then AA, AB, ... (List 8 has 34 columns)."""
    letter = chr(ord("A") + index % 26)
    return letter if index < 26 else _column_letter(index // 26 - 1) + letter


def _cells(letter: str, column: pd.Series, first_row: int) -> list[str]:
    """One column's cell XML: dates as serial numbers in date format, whole numbers, inline text; blanks empty."""
    rows = range(first_row, first_row + len(column))
    if pd.api.types.is_datetime64_any_dtype(column):
        days = column.to_numpy("datetime64[D]")
        serial = np.where(np.isnat(days), -1, (days - _EXCEL_EPOCH).astype(int)).tolist()
        return [f'<c r="{letter}{r}" s="1"><v>{v}</v></c>' if v >= 0 else "" for r, v in zip(rows, serial)]
    if pd.api.types.is_integer_dtype(column) or pd.api.types.is_float_dtype(column):
        return [f'<c r="{letter}{r}"><v>{v}</v></c>' if pd.notna(v) else "" for r, v in zip(rows, column.tolist())]
    text = {v: escape(str(v)) for v in column.dropna().unique().tolist()}
    return [f'<c r="{letter}{r}" t="inlineStr"><is><t>{text[v]}</t></is></c>' if v in text else ""
            for r, v in zip(rows, column.tolist())]
