"""Northbridge's synthetic early help (List 2), adoption (Lists 10 and 11) and front-door decisions.

Drawn from a random stream of their own (``[seed, 12]``), so the other demo inputs stay byte-identical.
The story: front-door decisions within 24 hours improve from about 60 % to about 85 % over the
window; early-help assessments come from contacts decided as early help; a small adoption service
with some children waiting unmatched and a steady flow of adopter households.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .codes import DISABILITIES, ETHNICITIES, GENDERS
from .draws import ACTIVITY_END, SNAPSHOT, Scale, add_working_days, made_up_ids, pick, window_progress
from .formats import COMMON
from .journey import Journey

OUTCOMES = {"nfa": 30, "advice": 22, "early_help": 18, "referral": 28, "strategy_discussion": 2}
ORGANISATIONS = {"Family Hub North": 30, "Family Hub South": 25, "School": 25, "Health visiting": 12, "Voluntary sector": 8}
FRONT_DOOR_TEAMS = ("Front Door North", "Front Door South")
REASONS_NO_LONGER = {
    "RD1 - The child's needs changed subsequent to the decision": 40,
    "RD2 - The Court did not make a placement order": 25,
    "RD3 - Prospective adopters could not be found": 20,
    "RD4 - Any other reason": 15,
}
ADOPTION_LIST = [
    "Child Unique ID",
    "Family identifier",
    "Gender",
    "Ethnicity",
    "Date of Birth",
    "Age of Child (Years)",
    "Does the Child have a Disability",
    "Date the Child Entered Care",
    "Date of Decision that Child Should be Placed for Adoption",
    "Date of Placement Order",
    "Date of Matching Child and Prospective Adopters",
    "Date Placed for Adoption",
    "Date of Adoption Order ",  # sic: the template's trailing space
    "Date of Decision that Child Should No Longer be Placed for Adoption",
    "Reason Why Child No Longer Placed for Adoption",
    "Date the child was placed for fostering in FFA or concurrent planning placement",
]
ADOPTERS_LIST = [
    "Individual adopter identifier",
    "Family identifier",
    "Gender",
    "Ethnicity",
    "Disability",
    "Is the (prospective) adopter fostering for adoption?",
    "Date enquiry received",
    "Date Stage 1 started",
    "Date Stage 1 ended",
    "Date Stage 2 started",
    "Date Stage 2 ended",
    "Date application submitted",
    "Date application approved",
    "Date adopter matched with child(ren)",
    "Date child/children placed with adopter(s)",
    "No. of children placed",
    "Date of Adoption Order",
    "Date of leaving adoption process",
    "Reason for leaving adoption process",
]
EARLY_HELP_LIST = COMMON + ["Assessment start date", "Assessment completion date", "Organisation completing assessment"]
NAT = np.datetime64("NaT", "D")


def frontdoor_extras(seed: int, sc: Scale, journey: Journey) -> tuple[dict[str, pd.DataFrame], pd.DataFrame]:
    """The three Annex A lists (by sheet name) and the ``front_door_decisions`` extract."""
    rng = np.random.default_rng([seed, 12])
    decisions = make_decisions(rng, sc, journey)
    lists = {
        "List 2": make_early_help(rng, sc, journey, decisions),
        "List 10": make_adoption(rng, sc, set(journey.children["id"])),
        "List 11": make_adopters(rng, sc),
    }
    return lists, decisions.drop(columns=["child", "day"])


def _upto_end(days: np.ndarray) -> np.ndarray:
    """Dates after the end of the activity window as blank (not happened yet when the data was drawn)."""
    return np.where(days <= ACTIVITY_END, days, NAT)


def _stamp(moments: np.ndarray, timed: np.ndarray) -> list[str]:
    """``yyyy-mm-dd hh:mm`` where ``timed``, else the date alone; blank for a missing moment."""
    text = pd.Series(moments).dt.strftime("%Y-%m-%d %H:%M").where(timed, pd.Series(moments).dt.strftime("%Y-%m-%d"))
    return text.fillna("").tolist()


def make_decisions(rng: np.random.Generator, sc: Scale, journey: Journey) -> pd.DataFrame:
    """One decision per contact: mostly timed, faster over the window, the last few days' still undecided."""
    contacts = journey.contacts.sort_values(["day", "child"], kind="stable").reset_index(drop=True)
    n = len(contacts)
    day = contacts["day"].to_numpy("datetime64[D]")
    working = np.is_busday(day)
    minutes = np.where(working, rng.integers(8 * 60, 18 * 60, n), rng.integers(0, 24 * 60, n))
    received = day.astype("datetime64[m]") + minutes
    fast = rng.random(n) < 0.58 + 0.3 * window_progress(day, sc)
    lag_hours = np.where(fast, rng.gamma(2, 5, n), 20 + rng.gamma(2, 22, n))
    lag_hours += np.where(~working & fast, 48, 0)  # weekend contacts wait for Monday's screening
    decided = received + (lag_hours * 60).astype("timedelta64[m]")
    decided = np.where((decided.astype("datetime64[D]") > ACTIVITY_END) | (rng.random(n) < 0.004), np.datetime64("NaT", "m"), decided)
    timed = rng.random(n) < 0.9
    return pd.DataFrame(
        {
            "contact_id": [f"CT{i:07d}" for i in range(1, n + 1)],
            "child_id": journey.children["id"].to_numpy()[contacts["child"].to_numpy()],
            "received": _stamp(received, timed),
            "decided": _stamp(decided, timed & (rng.random(n) < 0.97)),
            "outcome": pick(rng, OUTCOMES, n),
            "team": np.array(FRONT_DOOR_TEAMS)[journey.children["area"].to_numpy()[contacts["child"].to_numpy()] % 2],
            "child": contacts["child"].to_numpy(),
            "day": day,
        }
    )


def _children_columns(journey: Journey, child: np.ndarray) -> pd.DataFrame:
    """The common columns of the given children."""
    rows = journey.children.iloc[child]
    return pd.DataFrame({heading: rows[column].to_numpy() for heading, column in zip(COMMON, ("id", "gender", "ethnicity", "dob", "age"))})


def make_early_help(rng: np.random.Generator, sc: Scale, journey: Journey, decisions: pd.DataFrame) -> pd.DataFrame:
    """Early-help assessments of most contacts decided as early help, a week or two later; about a month to complete."""
    chosen = decisions[(decisions["outcome"] == "early_help") & (rng.random(len(decisions)) < 0.8)]
    n = len(chosen)
    start = add_working_days(chosen["day"].to_numpy("datetime64[D]"), rng.integers(2, 12, n))
    duration = np.maximum(rng.gamma(3, 12 - 3 * window_progress(start, sc), n).astype(int), 1)
    completion = np.where(rng.random(n) < 0.96, start + duration, NAT)
    table = _children_columns(journey, chosen["child"].to_numpy())
    table[EARLY_HELP_LIST[5]] = _upto_end(start)
    table[EARLY_HELP_LIST[6]] = _upto_end(completion)
    table[EARLY_HELP_LIST[7]] = pick(rng, ORGANISATIONS, n)
    return table[table[EARLY_HELP_LIST[5]].notna()].sort_values(EARLY_HELP_LIST[5], kind="stable").reset_index(drop=True)


def _months(rng: np.random.Generator, low: float, high: float, n: int) -> np.ndarray:
    """Durations of ``low`` to ``high`` months, in days."""
    return (rng.uniform(low, high, n) * 30.4).astype("timedelta64[D]")


def new_child_ids(rng: np.random.Generator, n: int, taken: set[str]) -> list[str]:
    """``n`` made-up child ids in the demo's form (``NB`` and seven digits) that no other demo child has."""
    drawn = made_up_ids(rng, n + len(taken) // 100 + 50)
    return [child for child in drawn if child not in taken][:n]


def make_adoption(rng: np.random.Generator, sc: Scale, taken: set[str]) -> pd.DataFrame:
    """Children with a decision to be placed for adoption, through order, match, placement and adoption order."""
    n = 60 if sc.contacts < 50_000 else 600
    decision = np.datetime64("2023-07-01") + rng.integers(0, (ACTIVITY_END - np.datetime64("2023-07-01")).astype(int), n).astype(
        "timedelta64[D]"
    )
    entered = decision - _months(rng, 4, 16, n)
    order = decision + _months(rng, 1, 5, n)
    matched = order + _months(rng, 1, 9, n)
    placed = matched + rng.integers(14, 50, n).astype("timedelta64[D]")
    adopted = placed + _months(rng, 5, 12, n)
    ffa = np.where(rng.random(n) < 0.12, entered + rng.integers(20, 90, n).astype("timedelta64[D]"), NAT)
    reversed_ = np.where(rng.random(n) < 0.08, order + _months(rng, 0, 3, n), NAT)
    stopped = ~np.isnat(reversed_)
    dob = entered - _months(rng, 0, 40, n)
    table = pd.DataFrame(
        {
            ADOPTION_LIST[0]: new_child_ids(rng, n, taken),
            ADOPTION_LIST[1]: [f"FAM{i:04d}" for i in range(1, n + 1)],
            ADOPTION_LIST[2]: pick(rng, GENDERS, n),
            ADOPTION_LIST[3]: pick(rng, ETHNICITIES, n),
            ADOPTION_LIST[4]: dob,
            ADOPTION_LIST[5]: ((SNAPSHOT - dob).astype(int) // 365.25).astype(int),
            ADOPTION_LIST[6]: pick(rng, DISABILITIES, n),
            ADOPTION_LIST[7]: entered,
            ADOPTION_LIST[8]: decision,
            ADOPTION_LIST[9]: _upto_end(np.where(stopped & (rng.random(n) < 0.5), NAT, order)),
            ADOPTION_LIST[10]: _upto_end(np.where(stopped, NAT, matched)),
            ADOPTION_LIST[11]: _upto_end(np.where(stopped, NAT, placed)),
            ADOPTION_LIST[12]: _upto_end(np.where(stopped, NAT, adopted)),
            ADOPTION_LIST[13]: _upto_end(reversed_),
            ADOPTION_LIST[14]: np.where(stopped & (reversed_ <= ACTIVITY_END), pick(rng, REASONS_NO_LONGER, n), None),
            ADOPTION_LIST[15]: _upto_end(ffa),
        }
    )
    return table.sort_values(ADOPTION_LIST[8], kind="stable").reset_index(drop=True)


def make_adopters(rng: np.random.Generator, sc: Scale) -> pd.DataFrame:
    """Adopter households (most of them couples: two rows) from enquiry through both stages to approval and a match."""
    households = 40 if sc.contacts < 50_000 else 400
    enquiry = np.datetime64("2023-04-01") + rng.integers(0, 900, households).astype("timedelta64[D]")
    stage_1 = enquiry + _months(rng, 0.5, 2, households)
    stage_1_end = stage_1 + _months(rng, 1.5, 3, households)
    stage_2 = stage_1_end + _months(rng, 0, 1, households)
    stage_2_end = stage_2 + _months(rng, 3.5, 5, households)
    matched = np.where(rng.random(households) < 0.85, stage_2_end + _months(rng, 0.5, 9, households), NAT)
    placed = matched + rng.integers(14, 50, households).astype("timedelta64[D]")
    fate = rng.random(households)
    withdrew, refused = fate < 0.1, (fate >= 0.1) & (fate < 0.15)
    left = np.select([withdrew, refused], [stage_1_end, stage_2_end], NAT)
    reason = np.select([withdrew, refused], ["1 - Adopter withdrew from process", "3 - Application refused"], "")
    through = ~withdrew
    homes = pd.DataFrame(
        {
            ADOPTERS_LIST[6]: enquiry,
            ADOPTERS_LIST[7]: stage_1,
            ADOPTERS_LIST[8]: stage_1_end,
            ADOPTERS_LIST[9]: np.where(through, stage_2, NAT),
            ADOPTERS_LIST[10]: np.where(through, stage_2_end, NAT),
            ADOPTERS_LIST[11]: np.where(through, stage_2, NAT),
            ADOPTERS_LIST[12]: np.where(through & ~refused, stage_2_end, NAT),
            ADOPTERS_LIST[13]: np.where(through & ~refused, matched, NAT),
            ADOPTERS_LIST[14]: np.where(through & ~refused, placed, NAT),
            ADOPTERS_LIST[15]: np.where(through & ~refused & ~np.isnat(placed), rng.integers(1, 3, households), 0),
            ADOPTERS_LIST[16]: np.where(through & ~refused, placed + _months(rng, 6, 12, households), NAT),
            ADOPTERS_LIST[17]: left,
            ADOPTERS_LIST[18]: reason,
        }
    )
    for heading in [*ADOPTERS_LIST[6:15], *ADOPTERS_LIST[16:18]]:
        homes[heading] = _upto_end(homes[heading].to_numpy("datetime64[D]"))
    homes[ADOPTERS_LIST[15]] = np.where(homes[ADOPTERS_LIST[14]].notna(), homes[ADOPTERS_LIST[15]].astype(str), None)
    homes[ADOPTERS_LIST[18]] = np.where(homes[ADOPTERS_LIST[17]].notna(), homes[ADOPTERS_LIST[18]], None)
    couple = rng.random(households) < 0.7
    rows = homes.loc[np.repeat(np.arange(households), np.where(couple, 2, 1))].reset_index(drop=True)
    family = np.repeat(np.arange(1, households + 1), np.where(couple, 2, 1))
    rows.insert(0, ADOPTERS_LIST[0], [f"AD{i:05d}" for i in range(1, len(rows) + 1)])
    rows.insert(1, ADOPTERS_LIST[1], np.where(np.repeat(couple, np.where(couple, 2, 1)), [f"HH{f:04d}" for f in family], None))
    rows.insert(2, ADOPTERS_LIST[2], pick(rng, {"a) Male": 45, "b) Female": 55}, len(rows)))
    rows.insert(3, ADOPTERS_LIST[3], pick(rng, ETHNICITIES, len(rows)))
    rows.insert(4, ADOPTERS_LIST[4], pick(rng, {"b) No": 95, "a) Yes": 5}, len(rows)))
    rows.insert(5, ADOPTERS_LIST[5], pick(rng, {"b) No": 88, "a) Yes": 12}, len(rows)))
    return rows[ADOPTERS_LIST]
