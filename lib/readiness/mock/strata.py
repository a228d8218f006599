"""The risk strata inspectors sample from: which children of the Annex A return carry each risk.

Each stratum reads only the lists it names, and only when the return holds them; "open" and
"looked after" are at the snapshot date. Lists 8 and 9 are read as the readers normalise them
(``docs/data-model.md``), "looked after" as :func:`readiness.indicators.care.looked_after` defines it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import pandas as pd

from readiness.config.params import Params
from readiness.config.workdays import working_days
from readiness.indicators.assessments import TIMESCALE_WORKING_DAYS
from readiness.indicators.care import looked_after
from readiness.indicators.protection import open_plans
from readiness.indicators.workforce import cin_seen_status, is_allocated, open_cases
from readiness.inputs.bundle import Inputs

NOT_IN_TOUCH = ("no", "refused", "not_required", "returned_home")  # List 9's LA in Touch: No, Refu, NREQ, Rhom


@dataclass(frozen=True)
class Stratum:
    """A risk inspectors track: its name (for parameters), its reason in words, the lists it reads, who carries it."""

    name: str
    reason: str
    lists: tuple[int, ...]
    children: Callable[[Inputs, Params], pd.Series]


def ids(rows: pd.DataFrame, mask: pd.Series | None = None) -> pd.Series:
    """The distinct child ids of ``rows`` (where ``mask`` holds)."""
    chosen = rows if mask is None else rows[mask.fillna(False).astype(bool)]
    return pd.Series(chosen["child_id"].dropna().unique(), dtype="string")


def lists_present(inputs: Inputs, numbers: tuple[int, ...]) -> list[pd.DataFrame]:
    """The lists among ``numbers`` that the return holds."""
    return [frame for number in numbers if (frame := inputs.annex_list(number)) is not None]


def union(parts: list[pd.Series]) -> pd.Series:
    """Distinct ids of several id series."""
    return pd.Series(pd.concat(parts).unique(), dtype="string") if parts else pd.Series(dtype="string")


# --- the strata ------------------------------------------------------------------------


def repeat_referrals(inputs: Inputs, params: Params) -> pd.Series:
    """List 3: a referral with one or more referrals in the 12 months before it."""
    referrals = inputs.annex_list(3)
    return ids(referrals, referrals["referrals_last_12m"] >= 1)


def referrals_closed_nfa(inputs: Inputs, params: Params) -> pd.Series:
    """List 3: a referral closed with no further action."""
    referrals = inputs.annex_list(3)
    return ids(referrals, referrals["referral_nfa"])


def assessments_past_45_days(inputs: Inputs, params: Params) -> pd.Series:
    """List 4: an assessment that took, or has been open, more than 45 working days (to authorisation, else the snapshot)."""
    rows = inputs.annex_list(4)
    snapshot = pd.Timestamp(params.period.snapshot)
    end = rows["authorisation_date"].where(rows["authorisation_date"].notna(), snapshot)
    return ids(rows, working_days(rows["assessment_start"], end) > TIMESCALE_WORKING_DAYS)


def s47_without_conference(inputs: Inputs, params: Params) -> pd.Series:
    """List 5: a section 47 enquiry with no initial child protection conference."""
    rows = inputs.annex_list(5)
    return ids(rows, rows["icpc_date"].isna())


def second_plans(inputs: Inputs, params: Params) -> pd.Series:
    """List 7: a second or later child protection plan."""
    plans = inputs.annex_list(7)
    return ids(plans, plans["previous_plans"] >= 1)


def plans_two_years(inputs: Inputs, params: Params) -> pd.Series:
    """List 7: a plan open at the snapshot that started two years or more before it."""
    rows = open_plans(inputs.annex_list(7), params.period.snapshot)
    return ids(rows, rows["two_years_plus"])


def not_seen(inputs: Inputs, params: Params) -> pd.Series:
    """List 6: open and not seen within ``cin_seen_interval_days``; List 7: open plan without a statutory visit within
    ``cp_visit_interval_working_days``."""
    snapshot, parts = params.period.snapshot, []
    if (cin := inputs.annex_list(6)) is not None:
        seen = cin_seen_status(open_cases(cin, snapshot), snapshot, params.cin_seen_interval_days)
        parts.append(ids(seen, ~seen.groupby("child_id")["seen"].transform("any")))
    if (plans := inputs.annex_list(7)) is not None:
        rows = open_plans(plans, snapshot, params.cp_visit_interval_working_days)
        parts.append(ids(rows, ~rows["visited"]))
    return union(parts)


def unallocated(inputs: Inputs, params: Params) -> pd.Series:
    """Lists 6, 7 and 8: open, on a plan or looked after at the snapshot with no allocated worker."""
    snapshot, unallocated_values, parts = params.period.snapshot, params.unallocated_values, []
    if (cin := inputs.annex_list(6)) is not None:
        parts.append(without_worker(open_cases(cin, snapshot), "worker", unallocated_values))
    if (plans := inputs.annex_list(7)) is not None:
        parts.append(without_worker(open_plans(plans, snapshot), "worker", unallocated_values))
    if (cla := inputs.annex_list(8)) is not None:
        parts.append(without_worker(looked_after(cla, snapshot), "worker", unallocated_values))
    return union(parts)


def without_worker(rows: pd.DataFrame, column: str, unallocated_values: list[str]) -> pd.Series:
    """Children none of whose ``rows`` has an allocated worker in ``column`` (a missing column: none has)."""
    workers = rows[column] if column in rows else pd.Series(pd.NA, index=rows.index, dtype="string")
    allocated = is_allocated(workers, unallocated_values).groupby(rows["child_id"]).transform("any")
    return ids(rows, ~allocated)


def disabled(inputs: Inputs, params: Params) -> pd.Series:
    """Lists 4-7: a child recorded as disabled."""
    return union([ids(rows, rows["disability"]) for rows in lists_present(inputs, (4, 5, 6, 7)) if "disability" in rows])


def unstable_in_care(inputs: Inputs, params: Params) -> pd.Series:
    """List 8: looked after at the snapshot with three or more placements, or a missing episode, in the last 12 months."""
    rows = looked_after(inputs.annex_list(8), params.period.snapshot)
    return ids(rows, (rows["placements_last_12m"] >= 3).fillna(False) | (rows["missing_episodes"] >= 1).fillna(False))


def care_leavers_at_risk(inputs: Inputs, params: Params) -> pd.Series:
    """List 9: a care leaver the council is not in touch with (No, Refu, NREQ, Rhom) or in unsuitable accommodation."""
    leavers = inputs.annex_list(9)
    out_of_touch = leavers["in_touch"].isin(NOT_IN_TOUCH).fillna(False)
    unsuitable = (leavers["suitability"] == "unsuitable").fillna(False)  # the readers take W2's digit as unsuitable
    return ids(leavers, out_of_touch | unsuitable)


STRATA: tuple[Stratum, ...] = (
    Stratum("repeat_referral", "repeat referral", (3,), repeat_referrals),
    Stratum("referral_nfa", "referral closed with no further action", (3,), referrals_closed_nfa),
    Stratum("assessment_over_45_days", "assessment past 45 working days", (4,), assessments_past_45_days),
    Stratum("s47_without_conference", "section 47 enquiry without a conference", (5,), s47_without_conference),
    Stratum("second_plan", "second or later child protection plan", (7,), second_plans),
    Stratum("plan_two_years", "child protection plan open two years or more", (7,), plans_two_years),
    Stratum("not_seen", "not seen or visited within the interval", (6, 7), not_seen),
    Stratum("unallocated", "no allocated worker", (6, 7, 8), unallocated),
    Stratum("disabled", "disabled child", (4, 5, 6, 7), disabled),
    Stratum("unstable_in_care", "in care with 3+ placements or missing episodes", (8,), unstable_in_care),
    Stratum("care_leaver_at_risk", "care leaver not in touch or unsuitably housed", (9,), care_leavers_at_risk),
)
STRATUM_NAMES = tuple(stratum.name for stratum in STRATA)


def is_provided(stratum: Stratum, inputs: Inputs) -> bool:
    """Whether the return holds any list the stratum reads."""
    return any(inputs.annex_list(number) is not None for number in stratum.lists)


def members(inputs: Inputs, params: Params) -> dict[str, pd.Series]:
    """Each stratum the return can support → its children's ids, sorted (strata of absent lists left out)."""
    return {s.name: s.children(inputs, params).sort_values(ignore_index=True) for s in STRATA if is_provided(s, inputs)}
