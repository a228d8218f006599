"""Northbridge's children's social work workforce census at 30 September 2025, from its workforce extract.

The same workers, ids (as SWE numbers, so ``SWENo`` matches Annex A's ``Allocated Worker``), posts, start and end
dates and FTE; the census holds the workers in post on 30 September and those who left in the year before it.
Days lost to sickness and the vacancies come from a random stream of their own.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

import numpy as np
import pandas as pd

from .draws import ACTIVITY_END

CENSUS_YEAR = int(str(ACTIVITY_END)[:4])  # the census date, 30 September, is the end of Northbridge's window
ROLES = {"social_worker": "6", "senior_practitioner": "5", "practice_supervisor": "4", "team_manager": "3"}  # OrgRole codes
VACANCY_SHARE = 0.09  # vacancies as a share of the FTE in post, roughly England's rate


def census_workers(workforce: pd.DataFrame, seed: int) -> tuple[pd.DataFrame, float]:
    """The census's workers (one row each, as ``CSWWWorker`` holds them) and the LA's vacancies in FTE."""
    rng = np.random.default_rng([seed, 28])
    day = pd.Timestamp(ACTIVITY_END)
    staff = workforce[workforce["role"].isin(ROLES)].copy()
    start, end = pd.to_datetime(staff["start_date"]), pd.to_datetime(staff["end_date"])
    in_post = (start <= day) & (end.isna() | (end > day))
    left = end.notna() & (end <= day) & (end > day - pd.DateOffset(years=1))
    staff = staff[in_post | left]
    leaver = left[staff.index]
    agency = staff["employment"].eq("agency")
    lost = np.where(agency, np.nan, np.round(rng.gamma(0.8, 12, len(staff)), 1))
    workers = pd.DataFrame(
        {
            "AgencyWorker": np.where(agency, "1", "0"),
            "SWENo": staff["worker_id"],
            "FTE": np.where(leaver, 0.0, staff["fte"]),
            "OrgRole": staff["role"].map(ROLES),
            "RoleStartDate": start[staff.index].dt.strftime("%Y-%m-%d"),
            "RoleEndDate": end[staff.index].dt.strftime("%Y-%m-%d").where(leaver),
            "FTE30": staff["fte"].where(leaver),
            "WorkingDaysLost": lost,
        }
    )
    in_post_fte = float(staff.loc[~leaver & ~agency, "fte"].sum())
    return workers, round(in_post_fte * VACANCY_SHARE, 1)


def csww_xml(workers: pd.DataFrame, vacancies: float, la_code: str = "999") -> str:
    """The census as DfE's XML: ``Header``, ``LALevelVacancies``, then a ``CSWWWorker`` per row (blank values left out)."""
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        "<Message>",
        f"  <Header><CollectionDetails><Collection>CSWW</Collection><Year>{CENSUS_YEAR}</Year>"
        f"<ReferenceDate>{CENSUS_YEAR}-09-30</ReferenceDate></CollectionDetails>"
        f"<Source><SourceLevel>L</SourceLevel><LEA>{la_code}</LEA><SoftwareCode>readiness demo</SoftwareCode></Source></Header>",
        f"  <LALevelVacancies><NumberOfVacancies>{vacancies}</NumberOfVacancies></LALevelVacancies>",
    ]
    for row in workers.itertuples(index=False):
        items = "".join(
            f"<{name}>{escape(str(value))}</{name}>"
            for name, value in zip(workers.columns, row)
            if value is not None and not pd.isna(value)
        )
        lines.append(f"  <CSWWWorker>{items}</CSWWWorker>")
    lines.append("</Message>")
    return "\n".join(lines) + "\n"
