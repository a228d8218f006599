"""The simulation shaped into Annex A's lists 1 and 3 to 7 and the workforce extract.

Headings are spelt as Ofsted's template spells them (:data:`HEADINGS`), each list's rows in date order,
the child's common columns first; :data:`COMMON`, :data:`DISABILITY` and :data:`ALLOCATION` serve the
other lists too (``care``, ``frontdoor``).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .codes import NO, YES
from .journey import Journey

COMMON = ["Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age of Child (Years)"]
ALLOCATION = ["Allocated Team", "Allocated Worker"]
DISABILITY = "Does the Child have a Disability"
HEADINGS = {
    "List 1": COMMON + ["Date of Contact", "Contact Source"],
    "List 3": COMMON + ["Date of referral", "Referral Source", "Referral NFA?", "Number of Referrals in Last 12 Months"] + ALLOCATION,
    "List 4": COMMON
    + [
        DISABILITY,
        "Continuous Assessment Start Date",
        "Child Seen During Continuous Assessment",
        "Continuous Assessment Date of Authorisation",
        "Was the child assessed as requiring LA children\u2019s social care support",
    ]
    + ALLOCATION,
    "List 5": COMMON
    + [
        DISABILITY,
        "Strategy discussion initiating Section 47 Enquiry Start Date",
        "Was an Initial Child Protection Conference deemed unnecessary?",
        "Date of Initial Child Protection Conference",
        "Did the Initial Child Protection Conference Result in a Child Protection Plan",
        "Number of Section 47 Enquiries in the last 12 months",
        "Number of ICPCs in the last 12 months",
    ]
    + ALLOCATION,
    "List 6": COMMON
    + [
        DISABILITY,
        "CIN Start Date",
        "Primary Need Code",
        "Date Child Was Last Seen",
        "CIN Closure Date",
        "Reason for Closure",
        "Case status",
    ]
    + ALLOCATION,
    "List 7": COMMON
    + [
        DISABILITY,
        "Child Protection Plan Start Date",
        "Initial Category of Abuse",
        "Latest Category of Abuse",
        "Date of the Last Statutory Visit",
        "Was the Child Seen Alone?",
        "Date of latest review conference",
        "Child Protection Plan End Date",
        "Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N)",
        "Number of Previous Child Protection Plans",
    ]
    + ALLOCATION,
}


def format_annex_a(journey: Journey) -> dict[str, pd.DataFrame]:
    """The six lists with Ofsted's headings and codes, rows in date order."""
    j = journey
    return {
        "List 1": _annex_list("List 1", j, j.contacts, ["day", "source"], disability=False),
        "List 3": _annex_list("List 3", j, j.referrals, ["day", "source", "nfa_code", "earlier", "team", "worker"], disability=False),
        "List 4": _annex_list("List 4", j, j.assessments, ["day", "seen", "authorised", "support", "team", "worker"]),
        "List 5": _annex_list(
            "List 5", j, j.section47, ["day", "unnecessary", "icpc", "plan", "earlier", "earlier_icpcs", "team", "worker"]
        ),
        "List 6": _annex_list("List 6", j, j.cin, ["day", "need", "seen", "closure", "reason", "status", "team", "worker"]),
        "List 7": _annex_list(
            "List 7", j, j.plans, ["day", "initial", "latest", "visit", "alone", "review", "end", "epo", "previous", "team", "worker"]
        ),
    }


def _annex_list(name: str, journey: Journey, frame: pd.DataFrame, columns: list[str], *, disability: bool = True) -> pd.DataFrame:
    """One list: the child's common columns, then ``columns`` under the list's headings."""
    frame = frame.assign(nfa_code=np.where(frame["nfa"], YES, NO)) if "nfa" in frame else frame
    frame = frame.sort_values(["day", "child"], kind="stable")
    child = journey.children.iloc[frame["child"].to_numpy()]
    parts = [
        child[["id", "gender", "ethnicity", "dob", "age"] + (["disability"] if disability else [])].reset_index(drop=True),
        frame[columns].reset_index(drop=True),
    ]
    table = pd.concat(parts, axis=1)
    table.columns = HEADINGS[name]
    return table


def format_workforce(workforce: pd.DataFrame) -> pd.DataFrame:
    """The workforce extract's columns, in order."""
    return workforce[["worker_id", "team", "role", "employment", "start_date", "end_date", "fte"]]
