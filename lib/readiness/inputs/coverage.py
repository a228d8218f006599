"""What an Annex A return covers (``inputs.md``, "A snapshot, not a history") and how figures use it.

Annex A is a look-back window, often six months, not a history. Each list *covers* from a first
day: ``annex_a_covers_from`` when the parameters give it (Lists 1-9); otherwise Lists 1 and 3 from
their own earliest key date, Lists 2 and 4-9 from List 1's coverage (else List 3's), and Lists 10
and 11 from twelve months before the snapshot, or their earliest adoption order (List 10) or
approval (List 11) if earlier. A list 2-9 with neither List 1 nor List 3 beside it, and no
``annex_a_covers_from``, has no known coverage (``None``): its figures then use the whole period.

A figure over a period uses the *covered period*: from the later of ``period_start`` and the
coverage date to the earlier of ``period_end`` and the snapshot. A month outside it is *not
covered*: ``None`` in a monthly series, "not covered" in a table, never 0.
"""

from __future__ import annotations

from datetime import date
from typing import Iterable, Mapping

import pandas as pd

from readiness.config.period import Period, one_year_before
from readiness.errors import Problem

EVENT_LISTS = (1, 3)
"""Lists of events received in the window: their earliest key date shows where the window starts."""
KEY_DATES = {1: "contact_date", 3: "referral_date"}
ADOPTION_LISTS = (10, 11)
ADOPTION_DATES = {10: ("date_of_adoption_order",), 11: ("date_stage_2_ended", "date_application_approved")}
"""The dates of Lists 10 and 11 (read as text) whose earliest value can stretch their coverage back."""
WARNING_SLACK_DAYS = 7
"""A return starting up to a week after ``period_start`` (a quiet bank-holiday week) is not worth a warning;
its figures still count from the exact coverage date, and the cover says so."""


# --- the first day each list covers --------------------------------------------------


def earliest(dates: pd.Series) -> date | None:
    """The earliest date of ``dates`` (``None`` when none is known)."""
    first = pd.to_datetime(dates).min()
    return None if pd.isna(first) else first.date()


def adoption_coverage(frame: pd.DataFrame, number: int, snapshot: date) -> date:
    """Lists 10 and 11: twelve months before ``snapshot``, or the list's earliest adoption order
    (List 10) or approval (List 11: Stage 2 ended, or application approved) if earlier."""
    from .values import parse_date  # here: the readers import this module

    window = one_year_before(snapshot)
    texts = [frame[column].astype("string") for column in ADOPTION_DATES[number] if column in frame]
    found = [earliest(parse_date(text)) for text in texts]
    return min([window, *(day for day in found if day is not None)])


def list_coverage(lists: Mapping[str, pd.DataFrame], snapshot: date, covers_from: date | None = None) -> dict[int, date | None]:
    """The first day each provided list (``list_N`` → frame) covers, by list number.

    >>> list_coverage({"list_1": pd.DataFrame({"contact_date": pd.to_datetime(["2019-01-07", "2019-01-05"])})}, date(2019, 6, 30))
    {1: datetime.date(2019, 1, 5)}
    """
    numbers = sorted(int(name.removeprefix("list_")) for name in lists)
    events = {n: covers_from or earliest(lists[f"list_{n}"][KEY_DATES[n]]) for n in EVENT_LISTS if n in numbers}
    others = covers_from or events.get(1) or events.get(3)
    coverage: dict[int, date | None] = {}
    for number in numbers:
        if number in ADOPTION_LISTS:
            coverage[number] = adoption_coverage(lists[f"list_{number}"], number, snapshot)
        else:
            coverage[number] = events.get(number, others)
    return coverage


def coverage_of(inputs, params) -> dict[int, date | None]:
    """:func:`list_coverage` of a pack's Annex A lists, from its parameters."""
    return list_coverage(inputs.annex_a, params.period.snapshot, params.annex_a_covers_from)


def coverage_document(coverage: Mapping[int, date | None]) -> dict[str, str | None]:
    """The ``coverage`` object of figures.json: ``{"List 1": "yyyy-mm-dd", …}`` (``None`` when not known)."""
    return {f"List {number}": day.isoformat() if day else None for number, day in sorted(coverage.items())}


def latest_coverage(coverage: Mapping[int, date | None], numbers: Iterable[int]) -> date | None:
    """The latest coverage date among lists ``numbers`` (a figure needing several lists covers from the last)."""
    days = [coverage[n] for n in numbers if coverage.get(n) is not None]
    return max(days) if days else None


# --- the part of the period a list covers ---------------------------------------------


def covered_period(period: Period, covered_from: date | None) -> Period:
    """The part of ``period`` a list covering from ``covered_from`` describes: from the later of its start
    and ``covered_from`` to the earlier of its end and the snapshot (the snapshot itself is kept)."""
    start = max(period.start, covered_from) if covered_from else period.start
    return Period(start, min(period.end, period.snapshot), period.snapshot)


def is_partial(period: Period, covered: Period) -> bool:
    """Whether the covered period starts after ``period`` does (so its first month is partial)."""
    return covered.start > period.start


def covered_days(period: Period, covered_from: date | None) -> int:
    """Days of the period the return covers: ``period_end`` − the later of ``period_start`` and the coverage date + 1
    (``indicators.md``, rates per 10,000; never below 0)."""
    start = max(period.start, covered_from) if covered_from else period.start
    return max((period.end - start).days + 1, 0)


def not_covered_months(period: Period, covered: Period) -> list[str]:
    """Months of ``period`` wholly outside the covered period."""
    inside = set(covered.months()) if covered.start <= covered.end else set()
    return [month for month in period.months() if month not in inside]


def month_label(month: str, covered: Period) -> str:
    """A month's label in a table: ``2019-01 (partial: from 2019-01-05)`` for the month the coverage starts in mid-month."""
    start = covered.start
    if month == f"{start:%Y-%m}" and start.day != 1:
        return f"{month} (partial: from {start.isoformat()})"
    return month


# --- what the pack says about it -------------------------------------------------------


def describe_coverage(document: Mapping[str, str | None]) -> str:
    """One line for the cover from figures.json's ``coverage``: lists grouped by the first day they cover.

    >>> describe_coverage({"List 1": "2019-01-05", "List 3": "2019-01-05", "List 10": "2018-06-30"})
    'Lists 1 and 3 from 2019-01-05; List 10 from 2018-06-30'
    """
    groups: dict[str | None, list[int]] = {}
    for name, day in sorted(document.items(), key=lambda item: int(item[0].removeprefix("List "))):
        groups.setdefault(day, []).append(int(name.removeprefix("List ")))
    return "; ".join(f"{list_names(numbers)} {'from ' + day if day else 'from a date not known'}" for day, numbers in groups.items())


def list_names(numbers: list[int]) -> str:
    """``List 4``, ``Lists 1 and 3``, ``Lists 1, 3 and 4``."""
    if len(numbers) == 1:
        return f"List {numbers[0]}"
    return f"Lists {', '.join(str(n) for n in numbers[:-1])} and {numbers[-1]}"


def coverage_note(period: Period, coverage: Mapping[int, date | None], lists: Iterable[int]) -> str:
    """A sentence saying from which day the return covers each of ``lists`` when that is after the period starts
    (so period figures count the covered part only); "" when the return covers the whole period for all of them.

    Lists covering from different days are each named with their own (the front door's List 1 and List 3).
    """
    numbers = sorted(lists)
    late = {n: coverage[n] for n in numbers if coverage.get(n) and is_partial(period, covered_period(period, coverage[n]))}
    if not late:
        return ""
    groups: dict[date, list[int]] = {}
    for number, day in sorted(late.items(), key=lambda item: (item[1], item[0])):
        groups.setdefault(day, []).append(number)
    whole = [n for n in numbers if n not in late]
    end = covered_period(period, max(late.values())).end.isoformat()
    covers = " and ".join(f"{list_names(group)} from {day.isoformat()}" for day, group in groups.items())
    if len(groups) == 1 and not whole:
        start = next(iter(groups)).isoformat()
        return (
            f"The return covers {covers}, after the period starts: period figures count {start} to {end} only, "
            "and earlier months are shown as not covered."
        )
    aside = f" ({list_names(whole)} {'covers' if len(whole) == 1 else 'cover'} the whole period)" if whole else ""
    return (
        f"The return covers {covers}, after the period starts{aside}: each list's period figures count from its own "
        f"first day to {end}, figures that combine the lists from the latest ({max(late.values()).isoformat()}), and "
        "months before a list's first day are shown as not covered."
    )


def uncovered_start_warnings(coverage: Mapping[int, date | None], period_start: date, file: str) -> list[Problem]:
    """A Data quality warning for each coverage date of Lists 1-9 more than :data:`WARNING_SLACK_DAYS` after
    ``period_start``, naming the lists it applies to."""
    late = {
        n: day
        for n, day in coverage.items()
        if n not in ADOPTION_LISTS and day is not None and (day - period_start).days > WARNING_SLACK_DAYS
    }
    groups: dict[date, list[int]] = {}
    for number, day in sorted(late.items()):
        groups.setdefault(day, []).append(number)
    return [
        Problem(
            file,
            f"the return covers {list_names(numbers)} from {day.isoformat()}, after period_start ({period_start.isoformat()}): "
            "period figures count from that day and earlier months are shown as not covered",
        )
        for day, numbers in groups.items()
    ]
