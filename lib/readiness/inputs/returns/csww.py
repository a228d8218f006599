"""The children's social work workforce census (CSWW, XML at 30 September): workers and the LA's vacancies.

The ``Header`` must say ``Collection`` CSWW with a ``ReferenceDate`` of 30 September (the census year
runs from 1 October before it). ``LALevelVacancies`` gives ``NumberOfVacancies`` (FTE); each
``CSWWWorker`` a row of ``csww_workers``. Rows are numbered by their ``CSWWWorker`` (the 3rd is 3).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from readiness.errors import InputError, Problem

from .cin import return_year
from .rows import RowProblems, flags, iso_dates, leaves, numbers
from .xmlstream import stream_records, value

WORKER_ELEMENTS = {  # column -> element
    "swe_no": "SWENo",
    "agency": "AgencyWorker",
    "fte": "FTE",
    "fte30": "FTE30",
    "org_role": "OrgRole",
    "role_start": "RoleStartDate",
    "role_end": "RoleEndDate",
    "cases30": "Cases30",
    "working_days_lost": "WorkingDaysLost",
}


def read_csww(path: Path) -> tuple[dict[str, pd.DataFrame], RowProblems, int]:
    """``csww_workers`` and ``csww_vacancies`` (one row) of one census file, its problems and its year (of 30 September)."""
    problems = RowProblems(f"{Path(path).name} (rows are <CSWWWorker> elements)")
    year, vacancies, workers = None, None, []
    for number, record in stream_records(path, "Message", frozenset({"Header", "LALevelVacancies", "CSWWWorker"})):
        if record.tag == "Header":
            year = return_year(record, Path(path).name, "CSWW", "09-30")
        elif record.tag == "LALevelVacancies":
            vacancies = value(record, "NumberOfVacancies")
        else:
            workers.append({**{column: value(record, element) for column, element in WORKER_ELEMENTS.items()}, "_row": number})
    if year is None:
        raise InputError([Problem(Path(path).name, "no <Header>: not a workforce census")])
    if vacancies is None:
        raise InputError([Problem(Path(path).name, "no <LALevelVacancies> with its NumberOfVacancies: not a complete workforce census")])
    frame = pd.DataFrame(workers, columns=[*WORKER_ELEMENTS, "_row"]).astype({c: "string" for c in WORKER_ELEMENTS})
    for column in ("fte", "fte30", "working_days_lost", "cases30"):
        frame[column] = problems.typed(
            frame, column, numbers(frame[column]), "a number", leaves("csww_workers", column), WORKER_ELEMENTS[column]
        )
    frame["agency"] = problems.typed(frame, "agency", flags(frame["agency"]), "0 or 1", leaves("csww_workers", "agency"), "AgencyWorker")
    for column in ("role_start", "role_end"):
        frame[column] = problems.typed(
            frame, column, iso_dates(frame[column]), "a date (YYYY-MM-DD)", leaves("csww_workers", column), WORKER_ELEMENTS[column]
        )
    too_big = (frame["fte"] > 1) | (frame["fte"] < 0)
    message = "FTE outside 0 to 1 (a DfE validation rule): the worker leaves the figures"
    problems.warn(frame.loc[too_big.fillna(False).astype(bool), "_row"], "FTE", message, leaves("csww_workers", "fte"))
    frame.loc[too_big.fillna(False).astype(bool), "fte"] = pd.NA
    vacancy_text = pd.DataFrame({"vacancies": [vacancies], "_row": [1]}, dtype="string")
    vacancy_fte = problems.typed(
        vacancy_text,
        "vacancies",
        numbers(vacancy_text["vacancies"]),
        "a number",
        leaves("csww_vacancies", "vacancies"),
        "NumberOfVacancies",
    )
    return {"csww_workers": frame, "csww_vacancies": pd.DataFrame({"vacancies_fte": vacancy_fte.astype("Float64")})}, problems, year
