"""Vacancies and absence on DfE's definitions, from the children's social work workforce census (CSWW) at
30 September of its latest year (``indicators.md``, *From the statutory returns*).

A worker is *in post* on the census date when their role started on or before it (or no start is given) and
has not ended by it; a *leaver* is one whose role ended in the census year (1 October to 30 September).
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from readiness.config.figures import L, Theme
from readiness.config.params import Params
from readiness.config.workdays import working_days
from readiness.inputs.bundle import Inputs

from .figure import Figure, FigureValue

IN_POST = tuple(f"csww_workers.{column}" for column in ("agency", "fte", "role_start", "role_end"))
"""The workforce census's columns that say who is in post (a worker unreadable there leaves both figures)."""
census = Theme("From the statutory returns", reads=IN_POST)


def census_day(year: int) -> pd.Timestamp:
    """30 September of the census year."""
    return pd.Timestamp(year, 9, 30)


def census_label(year: int) -> str:
    """DfE's label of a census year: ``Sept 2025``."""
    return f"Sept {year}"


def in_post(workers: pd.DataFrame, year: int) -> pd.Series:
    """Per worker, whether they are in post on the census date."""
    day = census_day(year)
    started = workers["role_start"].isna() | (workers["role_start"] <= day)
    return started & (workers["role_end"].isna() | (workers["role_end"] > day))


@census.headline(
    "workforce.vacancy_rate", "Social-worker vacancy rate, FTE (DfE, workforce census)", "share", L, reads=("csww_vacancies.vacancies",)
)
def vacancy_rate(workers: pd.DataFrame, vacancies_fte: float | None, year: int) -> Figure:
    """``workforce.vacancy_rate``: vacancies (FTE) ÷ (vacancies + FTE of non-agency workers in post);
    workers whose agency flag or FTE could not be read are left out (warned when read)."""
    staff = workers[in_post(workers, year) & workers["agency"].eq(False).fillna(False) & workers["fte"].notna()]
    if vacancies_fte is None or pd.isna(vacancies_fte):
        return Figure(None, (len(staff),))
    total = float(vacancies_fte) + float(staff["fte"].sum())
    return Figure(float(vacancies_fte) / total if total else None, (len(staff),))


@census.headline(
    "workforce.absence_rate",
    "Social-worker sickness absence, share of working days (DfE, workforce census)",
    "share",
    L,
    reads=("csww_workers.fte30", "csww_workers.working_days_lost"),
)
def absence_rate(workers: pd.DataFrame, year: int) -> Figure:
    """``workforce.absence_rate``: working days lost by non-agency workers ÷ (their FTE × working days from 1 October
    to 30 September, England's bank holidays out); a leaver's FTE is ``FTE30``; a blank days lost is none."""
    day = census_day(year)
    permanent = workers[workers["agency"].eq(False).fillna(False)]
    leaver = permanent["role_end"].notna() & (permanent["role_end"] <= day) & (permanent["role_end"] > day - pd.DateOffset(years=1))
    here = in_post(permanent, year)
    fte = permanent["fte"].where(here).fillna(permanent["fte30"].where(leaver))
    counted = permanent[(here | leaver) & fte.notna()]
    days = working_days(date(year - 1, 10, 1), date(year, 10, 1))
    available = float(fte[counted.index].sum()) * days
    lost = float(counted["working_days_lost"].fillna(0).sum())
    return Figure(lost / available if available else None, (len(counted),))


def latest_year(inputs: Inputs) -> int | None:
    """The CSWW's latest census year, or ``None`` without the return."""
    vacancies = inputs.csww_vacancies
    return None if vacancies is None or vacancies.empty else int(vacancies["return_year"].max())


def figures(inputs: Inputs, params: Params) -> dict[str, FigureValue]:
    """The CSWW figures for its latest year, or nothing without the return."""
    year = latest_year(inputs)
    if year is None:
        return {}
    workers = inputs.csww_workers[inputs.csww_workers["return_year"] == year]
    vacancies = inputs.csww_vacancies.set_index("return_year")["vacancies_fte"].get(year)
    return {vacancy_rate.figure_id: vacancy_rate(workers, vacancies, year), absence_rate.figure_id: absence_rate(workers, year)}
