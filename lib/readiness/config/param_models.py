"""The parameters file's smaller parts: the data paths, targets and their steps, practice weeks, return years."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Optional, Union

from pydantic import BaseModel, ConfigDict, Field


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)


class DataPaths(_Strict):
    """Where each input lives; every entry optional."""

    annex_a: Optional[Path] = None
    case_audits: Optional[Path] = None
    strategy_meetings: Optional[Path] = None
    workforce: Optional[Path] = None
    supervision: Optional[Path] = None
    audit_actions: Optional[Path] = None
    case_tracking: Optional[Path] = None  # a completed case-tracking workbook (``readiness sample``)
    front_door_decisions: Optional[Path] = None
    immediate_concerns: Optional[Path] = None  # a mock inspection's safety net (``readiness sample --read-back``)
    audit_checks: Optional[Path] = None  # a mock inspection's compliance checks, one row per audit
    findings: Optional[Path] = None  # what Ofsted found, one row per finding (inputs.md section 6)
    improvement_actions: Optional[Path] = None  # the improvement plan's actions, each for one finding


class Band(_Strict):
    """A RAG target with an explicit amber threshold."""

    green: float
    amber: float


class Step(_Strict):
    """One step of a target trajectory: ``{from, green, amber}``, in force from ``from`` until the next step."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True, allow_inf_nan=False)

    start: date = Field(alias="from")
    green: float
    amber: float


Target = Union[float, Band, list[Step]]


class PracticeWeek(_Strict):
    """A Focus on Practice week to compare before and after."""

    date: date
    domain: str


class ReturnYear(_Strict):
    """An SSDA903 folder and its year (ending 31 March): ``{year: 2025, path: …}``, or a bare path (the year is
    found from its episodes: ``None`` here)."""

    year: Optional[int] = Field(default=None, ge=1990, le=2100)
    path: Path
