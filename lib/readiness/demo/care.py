"""Northbridge's children in care (Annex A List 8) and care leavers (List 9), synthetic.

Drawn from a random stream of their own, so adding them moves no other demo input. About 60
children per 10,000 are in care at the snapshot (England's rate is about 70), with those who
ceased in the year before it; List 9 is in the current 17-column layout (the 2019 template's 13
columns and four added since 2023). Every id, date and name is made up.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .codes import DISABILITIES, ETHNICITIES, GENDERS, NEEDS, NO, UNALLOCATED, YES
from .draws import SNAPSHOT, Scale, made_up_ids, pick, years_at_snapshot
from .formats import ALLOCATION, COMMON, DISABILITY
from .workforce import CASE_HOLDING, in_post_on

STANDARD_CHILD_POPULATION = 52_000
IN_CARE_PER_10K = 60
CARE_LEAVERS_PER_CHILD_IN_CARE = 0.6
CARE_TEAMS = ("Children in Care North", "Children in Care South")
LAGGING_CARE_TEAM = "Children in Care South"
LEAVING_CARE_TEAMS = ("Leaving Care North", "Leaving Care South")
LIST_8 = (
    COMMON
    + [
        "Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)",
        DISABILITY,
        "Date Started to be Looked After",
        "Child's Category of Need",
        "Is this a second or subsequent period of being a Looked After Child within the last 12 months (Y/N)",
        "Start date of current legal status",
        "Child's Legal Status",
        "Date of Latest Statutory Review",
        "Date of Last Social Work Visit",
        "What is the permanence plan for this child?",
        "Date of Last IRO Visit / Contact to the Child",
        "Date of Last Health Assessment",
        "Date of Last Dental Check",
        "Number of Placements in the Last 12 months",
        "Date Ceased to be Looked After ",
        "Reason Ceased to be Looked After",
        "Start Date of Most Recent Placement",
        "Placement Type",
        "Placement Provider",
        "Placement postcode",
        "URN of Placement",
        "Placement Location",
        "LA of Placement",
        "Number of Episodes the Child has been \u2018Missing\u2019 from their Placement in the last 12 months",
        "Number of Episodes the Child has been \u2018Absent\u2019 from their Placement in the last 12 months",
        "Was the child offered a Return Interview after their last missing episode (Y/N)?",
        "Did the child accept a Return Interview after their last missing episode (Y/N)?",
    ]
    + ALLOCATION
)
LIST_9 = (
    COMMON
    + [DISABILITY]
    + ALLOCATION
    + [
        "Eligibility Category",
        "LA In Touch ",
        "Type of Accommodation",
        "Suitability of Accommodation",
        "Activity Status",
        "Unaccompanied Asylum Seeking Child (UASC), or formerly UASC if 18 or over (Y/N)",
        "Allocated Personal Advisor",
        "Latest Pathway Plan Review Date",
        "Latest Date of Contact",
    ]
)

AGE_BANDS = {(0, 5): 18, (5, 10): 18, (10, 16): 39, (16, 18): 25}
LEGAL_STATUSES = {"C2: FCO": 48, "C1: ICO": 22, "V2: S20": 18, "E1: PO": 9, "L2: EPO": 1, "J2: Remand": 2}
PLANS = {
    "a) Return to family": 12,
    "b) Adoption": 8,
    "c) SGO/CAO": 10,
    "d) Supported living in the community": 8,
    "e) Long-term residential placement": 6,
    "f) Long-term fostering": 56,
}
PLACEMENTS = {
    "d) U4: Foster placement - long term": 34,
    "f) U6: Foster placement - not FFA": 26,
    "a) U1: Foster placement - relatives - long term": 8,
    "c) U3: Foster placement - relative - not FFA": 4,
    "p) K2: Children\u2019s Homes": 12,
    "k) P1: Placed with parents": 6,
    "l) P2: Independent living": 5,
    "i) A5: Placed for adoption - order - foster": 3,
    "q) R1: Residential Care Home": 1,
    "v) Z1: Other placements": 1,
}
REASONS_CEASED = {
    "E11: Adopted": 12,
    "E4A: Returned home": 30,
    "E41: Residence order": 6,
    "E45: SGO - former carers": 10,
    "E8: Other reason": 14,
    "E12: Adopted - contested": 2,
    "E13: Left care to live with parents": 4,
    "E15: Age assessment": 1,
    "E5: Moved to independent living": 21,
}
ACCOMMODATION = {"D": 30, "U": 24, "B": 12, "Z": 8, "E": 6, "T": 5, "K": 3, "C": 3, "X": 3, "S": 1, "W": 1, "V": 1, "Y": 1, "R": 1}
UNSUITABLE_TYPES = {"S", "W", "X", "V", "R"}
IN_TOUCH = {"a) Yes": 88, "b) No": 4, "d) Refu": 3, "e) NREQ": 3, "f) Rhom": 1.5, "c) Died": 0.5}
NEET = {"G4": 10, "G5": 25, "G6": 8}
EET = {"F1": 10, "P1": 2, "F2": 30, "P2": 6, "F3": 40, "P3": 12}


def care_lists(seed: int, sc: Scale, workforce: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """Lists 8 and 9 with Ofsted's headings and codes, from their own random stream (``seed`` and 8)."""
    rng = np.random.default_rng([seed, 8])
    size = sc.referrals / 2_500  # the standard council is 52,000 children
    in_care = round(STANDARD_CHILD_POPULATION * size * IN_CARE_PER_10K / 10_000)
    workers = _care_workers(workforce)
    return {
        "List 8": make_children_in_care(rng, in_care, workers),
        "List 9": make_care_leavers(rng, round(in_care * CARE_LEAVERS_PER_CHILD_IN_CARE), workers),
    }


def _care_workers(workforce: pd.DataFrame) -> np.ndarray:
    """Case-holding workers in post at the snapshot: the pool children in care and care leavers are allocated from."""
    holders = workforce[workforce["role"].isin(CASE_HOLDING)]
    return holders.loc[in_post_on(holders, SNAPSHOT), "worker_id"].to_numpy()


def _days_before(rng, n: int, low: int, high: int) -> np.ndarray:
    """``n`` dates ``low`` to ``high`` - 1 days before the snapshot."""
    return SNAPSHOT - rng.integers(low, high, n).astype("timedelta64[D]")


def _people(rng, n: int, ages: np.ndarray) -> pd.DataFrame:
    """Made-up ids, gender, ethnicity, date of birth (from ``ages`` in days at the snapshot) and whole years of age."""
    dob = SNAPSHOT - ages.astype("timedelta64[D]")
    return pd.DataFrame(
        {
            "id": made_up_ids(rng, n),
            "gender": pick(rng, GENDERS, n),
            "ethnicity": pick(rng, ETHNICITIES, n),
            "dob": dob,
            "age": years_at_snapshot(dob),
        }
    )


def _recent(rng, n: int, floor: np.ndarray, within: int, on_time: float, late_by: int) -> np.ndarray:
    """A last date before the snapshot: within ``within`` days for ``on_time`` of rows, else up to ``late_by`` days more;
    never before ``floor`` (the start of care), blank where it would be."""
    gap = np.where(rng.random(n) < on_time, rng.integers(0, within + 1, n), rng.integers(within + 1, within + late_by, n))
    day = SNAPSHOT - gap.astype("timedelta64[D]")
    return np.where(day >= floor, day, np.datetime64("NaT"))


def _allocated(rng, n: int, workers: np.ndarray, unallocated: float) -> np.ndarray:
    """A worker from the pool for each row, a few "Unallocated"."""
    return np.where(rng.random(n) < unallocated, UNALLOCATED, workers[rng.integers(0, len(workers), n)])


def make_children_in_care(rng, in_care: int, workers: np.ndarray) -> pd.DataFrame:
    """Children in care at the snapshot and those who ceased in the year before it; the lagging team visits less often."""
    ceased = round(in_care * 0.45)
    n = in_care + ceased
    bands = np.array(list(AGE_BANDS))[rng.choice(len(AGE_BANDS), n, p=np.array(list(AGE_BANDS.values())) / 100)]
    ages = (rng.uniform(bands[:, 0], bands[:, 1] - 0.01) * 365.25).astype(int) + 1  # never an 18th birthday
    children = _people(rng, n, ages)
    dob = children["dob"].to_numpy("datetime64[D]")
    start = np.maximum(SNAPSHOT - (rng.gamma(1.3, 700, n) + 1).astype(int).astype("timedelta64[D]"), dob)
    end = np.full(n, np.datetime64("NaT"), dtype="datetime64[D]")
    end[in_care:] = np.maximum(_days_before(rng, ceased, 1, 365), start[in_care:] + 1)
    team = np.array(CARE_TEAMS)[rng.integers(0, len(CARE_TEAMS), n)]
    lagging = team == LAGGING_CARE_TEAM
    in_care_days = (SNAPSHOT - start).astype(int)
    missing = np.where(rng.random(n) < 0.1 + 0.08 * (children["age"].to_numpy() >= 13), rng.poisson(2.5, n) + 1, 0)
    offered = np.where(missing > 0, np.where(rng.random(n) < 0.85, YES, NO), None)
    placement_start = np.where(rng.random(n) < 0.5, start, start + (rng.random(n) * in_care_days).astype(int))
    table = pd.DataFrame(
        {
            "uasc": np.where((children["age"].to_numpy() >= 14) & (rng.random(n) < 0.2), YES, NO),
            "disability": pick(rng, DISABILITIES, n),
            "start": start,
            "need": pick(rng, NEEDS, n),
            "second": np.where(rng.random(n) < 0.08 * (in_care_days < 365), YES, NO),
            "legal_start": start,
            "legal": pick(rng, LEGAL_STATUSES, n),
            "review": _recent(rng, n, start + 20, 183, 0.9, 120),
            "visit": _recent(rng, n, start, 42, np.where(lagging, 0.78, 0.93), 60),
            "plan": np.where(rng.random(n) < 0.05 + 0.6 * (in_care_days < 120), None, pick(rng, PLANS, n)),
            "iro": _recent(rng, n, start, 183, 0.9, 120),
            "health": _recent(rng, n, start, 365, 0.88, 200),
            "dental": _recent(rng, n, start, 365, 0.74, 300),
            "placements": rng.choice([1, 2, 3, 4], n, p=[0.68, 0.22, 0.07, 0.03]),
            "end": end,
            "reason": np.where(np.isnat(end), None, pick(rng, REASONS_CEASED, n)),
            "placement_start": placement_start.astype("datetime64[D]"),
            "type": pick(rng, PLACEMENTS, n),
            "provider": pick(rng, {"PR1": 55, "PR2": 5, "PR3": 5, "PR4": 33, "PR5": 2}, n),
            "postcode": None,
            "urn": None,
            "location": np.where(rng.random(n) < 0.78, "a) In", "b) Out"),
            "la": None,
            "missing": missing,
            "absent": np.where(rng.random(n) < 0.05, rng.poisson(1.5, n) + 1, 0),
            "offered": offered,
            "accepted": np.where(offered == YES, np.where(rng.random(n) < 0.6, YES, NO), None),
            "team": team,
            "worker": _allocated(rng, n, workers, 0.03),
        }
    )
    return _listed(children, table, LIST_8, "start")


def make_care_leavers(rng, n: int, workers: np.ndarray) -> pd.DataFrame:
    """Care leavers 17-25 (a few eligible children of 17 too), most in touch; activity and accommodation blank when not."""
    age = rng.choice([17, 18, 19, 20, 21, 22, 23, 24, 25], n, p=[0.2, 0.2, 0.17, 0.15, 0.13, 0.06, 0.04, 0.03, 0.02])
    people = _people(rng, n, age * 365.25 + rng.integers(1, 364, n))
    eligibility = np.select(
        [(age == 17) & (rng.random(n) < 0.3), age == 17, rng.random(n) < 0.1],
        ["d) Eligible child", "a) Relevant child", "c) Qualifying care leaver"],
        "b) Former relevant child",
    )
    in_touch = pick(rng, IN_TOUCH, n)
    touching = in_touch == "a) Yes"
    accommodation = np.where(touching, pick(rng, ACCOMMODATION, n), None)
    eet = rng.random(n) < np.where(age <= 18, 0.66, 0.52)
    table = pd.DataFrame(
        {
            "disability": pick(rng, DISABILITIES, n),
            "team": np.array(LEAVING_CARE_TEAMS)[rng.integers(0, len(LEAVING_CARE_TEAMS), n)],
            "worker": _allocated(rng, n, workers, 0.02),
            "eligibility": eligibility,
            "in_touch": in_touch,
            "accommodation": accommodation,
            "suitability": np.where(
                touching, np.where(pd.Series(accommodation).isin(UNSUITABLE_TYPES), "b) Unsuitable", "a) Suitable"), None
            ),
            "activity": np.where(touching, np.where(eet, pick(rng, EET, n), pick(rng, NEET, n)), None),
            "uasc": np.where(rng.random(n) < 0.12, YES, NO),
            "adviser": np.where(rng.random(n) < 0.95, np.array([f"PA{i:02d}" for i in range(1, 15)])[rng.integers(0, 14, n)], None),
            "pathway": _recent(rng, n, np.datetime64("2000-01-01"), 183, 0.87, 150),
            "contact": np.where(touching, _recent(rng, n, np.datetime64("2000-01-01"), 56, 0.9, 90), np.datetime64("NaT")),
        }
    )
    return _listed(people, table, LIST_9, "team")


def _listed(people: pd.DataFrame, table: pd.DataFrame, headings: list[str], order: str) -> pd.DataFrame:
    """The people's common columns, then ``table``'s, under ``headings``, rows ordered by ``order`` then id."""
    common = people[["id", "gender", "ethnicity", "dob", "age"]]
    frame = pd.concat([common.reset_index(drop=True), table.reset_index(drop=True)], axis=1)
    frame = frame.sort_values([order, "id"], kind="stable").reset_index(drop=True)
    frame.columns = headings
    return frame
