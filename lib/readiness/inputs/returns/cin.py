"""The CIN census (XML, one file a year): referrals, assessments, section 47s, CIN and child protection plans.

Each file is streamed (:mod:`.xmlstream`); its ``Header`` must say ``Collection`` CIN with a
``ReferenceDate`` (31 March: the return's year ends then). Every ``CINdetails`` of a ``Child`` is a
referral; its ``Assessments``, ``Section47``, ``CINPlanDates`` and ``ChildProtectionPlans`` rows carry
the child's ``LAchildID`` and the referral's date. Rows are numbered by their ``Child`` (the 12th ``Child`` is 12).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pandas as pd

from readiness.errors import InputError, Problem

from .rows import RowProblems, flags, iso_dates, leaves, numbers
from .xmlstream import stream_records, value

FRAMES = ("cin_referrals", "cin_assessments", "cin_s47", "cin_plans", "cin_cp_plans", "cin_cp_reviews")


def return_year(header: ET.Element | None, file: str, collection: str, month_day: str) -> int:
    """The year of a return from its ``Header``: the year of ``ReferenceDate``, which must be ``…-{month_day}``."""
    details = header.find("CollectionDetails") if header is not None else None
    if details is None or (value(details, "Collection") or "").upper() != collection:
        found = value(details, "Collection")
        raise InputError(
            [Problem(file, f"Header/CollectionDetails/Collection is {found!r}, not {collection!r}: not a {collection} return")]
        )
    reference = value(details, "ReferenceDate") or ""
    day = pd.to_datetime(reference, format="%Y-%m-%d", errors="coerce")
    if pd.isna(day) or reference[5:] != month_day:
        raise InputError([Problem(file, f"Header/CollectionDetails/ReferenceDate is {reference!r}, not a date ending -{month_day}")])
    return int(day.year)


def read_cin_census(path: Path) -> tuple[dict[str, pd.DataFrame], RowProblems, int]:
    """The frames of one CIN census file (see :data:`FRAMES`), its problems and its year; :class:`InputError` when it is not one."""
    problems = RowProblems(f"{Path(path).name} (rows are <Child> elements)")
    rows = _Columns()
    year = None
    for number, record in stream_records(path, "Message", frozenset({"Header", "Child"})):
        if record.tag == "Header":
            year = return_year(record, Path(path).name, "CIN", "03-31")
        elif year is None:
            raise InputError([Problem(Path(path).name, "a <Child> before the <Header>: not a CIN census")])
        else:
            _child_rows(number, record, rows)
    if year is None:
        raise InputError([Problem(Path(path).name, "no <Header>: not a CIN census")])
    frames = {name: rows.frame(name) for name in FRAMES}
    typed = {name: _typed(name, frame, problems) for name, frame in frames.items()}
    _check_rules(typed, year, problems)
    return typed, problems, year


_COLUMNS = {
    "cin_referrals": [
        "child_id",
        "date_of_birth",
        "referral_date",
        "referral_source",
        "primary_need",
        "closure_date",
        "closure_reason",
        "referral_nfa",
        "_row",
    ],
    "cin_assessments": ["child_id", "referral_date", "assessment_start", "assessment_authorised", "_row"],
    "cin_s47": ["child_id", "referral_date", "s47_start", "icpc_target", "icpc_date", "icpc_not_required", "_row"],
    "cin_plans": ["child_id", "referral_date", "plan_start", "plan_end", "_row"],
    "cin_cp_plans": ["child_id", "referral_date", "cp_start", "cp_end", "initial_category", "latest_category", "previous_plans", "_row"],
    "cin_cp_reviews": ["child_id", "cp_start", "review_date", "_row"],
}
_ELEMENTS = {  # frame column -> the XML element it comes from
    "referral_date": "CINreferralDate",
    "referral_source": "ReferralSource",
    "primary_need": "PrimaryNeedCode",
    "closure_date": "CINclosureDate",
    "closure_reason": "ReasonForClosure",
    "referral_nfa": "ReferralNFA",
    "assessment_start": "AssessmentActualStartDate",
    "assessment_authorised": "AssessmentAuthorisationDate",
    "s47_start": "S47ActualStartDate",
    "icpc_target": "InitialCPCtarget",
    "icpc_date": "DateOfInitialCPC",
    "icpc_not_required": "ICPCnotRequired",
    "plan_start": "CINPlanStartDate",
    "plan_end": "CINPlanEndDate",
    "cp_start": "CPPstartDate",
    "cp_end": "CPPendDate",
    "initial_category": "InitialCategoryOfAbuse",
    "latest_category": "LatestCategoryOfAbuse",
    "previous_plans": "NumberOfPreviousCPP",
    "review_date": "CPPreviewDate",
}


_NESTED = (  # a referral's rows in other frames: the frame and the element each row is
    ("cin_assessments", "Assessments"),
    ("cin_s47", "Section47"),
    ("cin_plans", "CINPlanDates"),
    ("cin_cp_plans", "ChildProtectionPlans"),
)
_TAGS = {name: tuple(_ELEMENTS[column] for column in columns[2:-1]) for name, columns in _COLUMNS.items()}
"""Each frame's elements read from its own element: its columns after the two it is given, before ``_row``."""


class _Columns:
    """Rows kept as a list per column, each distinct text once: a large census's dates repeat a great deal."""

    def __init__(self):
        self.columns = {name: tuple([] for _ in columns) for name, columns in _COLUMNS.items()}
        self.texts: dict[str, str] = {}

    def frame(self, name: str) -> pd.DataFrame:
        """Frame ``name`` as text (``_row`` as numbers), its lists let go as it is made."""
        columns = list(self.columns.pop(name))
        rows = pd.array(columns.pop(), dtype="int64")
        frame = pd.DataFrame({column: pd.array(columns.pop(0), dtype="string") for column in _COLUMNS[name][:-1]})
        return frame.assign(_row=rows)

    def append(self, name: str, row: tuple) -> None:
        """One row of frame ``name``: its values in the order of :data:`_COLUMNS`."""
        keep = self.texts.setdefault
        for values, item in zip(self.columns[name], row):
            values.append(keep(item, item) if isinstance(item, str) else item)


def _child_rows(number: int, child: ET.Element, rows: _Columns) -> None:
    ids = child.find("ChildIdentifiers")
    child_id, birth = value(ids, "LAchildID"), value(ids, "PersonBirthDate")
    for details in child.findall("CINdetails"):  # findall, not iterfind: a plain tag is found in C
        referral_date = value(details, "CINreferralDate")
        rows.append("cin_referrals", (child_id, birth, *(value(details, tag) for tag in _TAGS["cin_referrals"]), number))
        for frame, tag in _NESTED:
            for element in details.findall(tag):
                rows.append(frame, (child_id, referral_date, *(value(element, tag) for tag in _TAGS[frame]), number))
        for plan in details.findall("ChildProtectionPlans"):
            cp_start = value(plan, "CPPstartDate")
            for reviews in plan.findall("Reviews"):
                for review in reviews.findall("CPPreviewDate"):
                    rows.append("cin_cp_reviews", (child_id, cp_start, (review.text or "").strip() or None, number))


_DATES = {  # each frame's date columns (the figures reading one are those whose declaration names ``<frame>.<column>``)
    "cin_referrals": ("date_of_birth", "referral_date", "closure_date"),
    "cin_assessments": ("referral_date", "assessment_start", "assessment_authorised"),
    "cin_s47": ("referral_date", "s47_start", "icpc_target", "icpc_date"),
    "cin_plans": ("referral_date", "plan_start", "plan_end"),
    "cin_cp_plans": ("referral_date", "cp_start", "cp_end"),
    "cin_cp_reviews": ("cp_start", "review_date"),
}


def _typed(name: str, frame: pd.DataFrame, problems: RowProblems) -> pd.DataFrame:
    for column in _DATES[name]:
        frame[column] = problems.typed(
            frame, column, iso_dates(frame[column]), "a date (YYYY-MM-DD)", leaves(name, column), _ELEMENTS.get(column, "PersonBirthDate")
        )
    if name == "cin_referrals":
        frame["referral_nfa"] = problems.typed(
            frame, "referral_nfa", flags(frame["referral_nfa"]), "true or false", leaves(name, "referral_nfa"), "ReferralNFA"
        )
    if name == "cin_s47":
        frame["icpc_not_required"] = flags(frame["icpc_not_required"])
    if name == "cin_cp_plans":
        frame["previous_plans"] = numbers(frame["previous_plans"])
    return frame


def _check_rules(frames: dict[str, pd.DataFrame], year: int, problems: RowProblems) -> None:
    """DfE's rules that the figures read, each broken row a warning and left out (the frame is changed in place)."""
    referrals = frames["cin_referrals"]
    no_id = referrals["child_id"].isna()
    problems.warn(
        referrals.loc[no_id, "_row"], "LAchildID", "no LAchildID: the child's referrals are left out", leaves("cin_referrals", "child_id")
    )
    frames["cin_referrals"] = referrals[~no_id & referrals["referral_date"].notna()]
    assessments = frames["cin_assessments"]
    end = pd.Timestamp(year=year, month=3, day=31)
    before = assessments["assessment_authorised"] < assessments["assessment_start"]
    problems.warn(
        assessments.loc[before, "_row"],
        "AssessmentAuthorisationDate",
        "authorised before the assessment started: left out",
        leaves("cin_assessments", "assessment_authorised"),
    )
    late = assessments["assessment_start"] > end
    problems.warn(
        assessments.loc[late, "_row"],
        "AssessmentActualStartDate",
        f"starts after the census year ends on {end.date()}: left out",
        leaves("cin_assessments", "assessment_start"),
    )
    frames["cin_assessments"] = assessments[~(before | late) & assessments["assessment_start"].notna() & assessments["child_id"].notna()]
    for name in ("cin_s47", "cin_plans", "cin_cp_plans", "cin_cp_reviews"):
        frames[name] = frames[name][frames[name]["child_id"].notna()]
