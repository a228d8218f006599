"""A public edition's coarser tables (``pack.md``, version 4, Public edition).

A Board table more than half of whose numbers would be withheld tells a reader nothing but ``[c]``. It is
published instead at the first coarser grain that shows at least half of its numbers: by quarter instead of by
month, for all teams together instead of each, or (a team × month table) by team and quarter, for all teams by
month, then for all teams by quarter. Where none does, or the table has no coarser grain, it is left out and a
sentence says why. The coarser table is made from the exact counts and passes disclosure control like any other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from typing import Callable, Mapping

import numpy as np
import pandas as pd

from readiness.indicators.actions import OTHER_THEMES, TEAM_MONTH_SEP
from readiness.indicators.tables import Roles, roles_of, with_roles

from .control import SUPPRESSED, suppress_board_table

MONTH = re.compile(r"^\d{4}-\d{2}$")
ALL_TEAMS = "All teams"


@dataclass(frozen=True)
class Published:
    """A Board table as an edition publishes it: ``table`` (``None``: left out), ``note``, the words after its
    caption saying what was done and why ("" when the table is published as made), and ``grain``, the coarser grain
    shown ("by quarter")."""

    table: pd.DataFrame | None
    note: str = ""
    grain: str = ""


def withheld_cells(safe: pd.DataFrame) -> tuple[int, int]:
    """How many of a Board-safe table's numbers are withheld (``[c]``), and how many numbers it has (blanks aside)."""
    values = safe.to_numpy().ravel()
    withheld = sum(isinstance(v, str) and v == SUPPRESSED for v in values)
    numbers = sum(not (not isinstance(v, str) and pd.isna(v)) for v in values)
    return withheld, numbers


def mostly_withheld(safe: pd.DataFrame) -> bool:
    """Whether more than half of a Board-safe table's numbers are withheld."""
    withheld, numbers = withheld_cells(safe)
    return 2 * withheld > numbers


def quarter(month: str) -> str:
    """The calendar quarter of a ``YYYY-MM`` month, as its first month: ``2024-11`` → ``2024-10``."""
    year, number = int(month[:4]), int(month[5:7])
    return f"{year}-{(number - 1) // 3 * 3 + 1:02d}"


def months_label(months: list[str]) -> str:
    """Months in words: one "Nov 2024", several "Oct to Dec 2024" (a quarter's months present in a table)."""
    first, last = (date(int(m[:4]), int(m[5:7]), 1) for m in (months[0], months[-1]))
    return f"{last:%b %Y}" if first == last else f"{first:%b} to {last:%b %Y}"


def regroup(table: pd.DataFrame, roles: Roles, key: Callable[[str], str], label: Callable[[str, list[str]], str]) -> pd.DataFrame:
    """``table``'s rows added up by ``key`` of each row label (in order of first appearance), each group labelled
    ``label(key, its row labels)``: counts and totals summed, shares worked again from their summed numerator and
    denominator (a share of a column's total from that column), medians and means left out (they do not add up).
    The result carries ``roles`` without its statistics, mirror and covered part."""
    keys = pd.Series([key(str(row)) for row in table.index], index=table.index)
    derived = {*roles.shares, *roles.share_of_total, *roles.statistics}
    summed = table[[c for c in table.columns if c not in derived and pd.api.types.is_numeric_dtype(table[c])]]
    grouped = summed.groupby(keys.to_numpy(), sort=False).sum()
    for share, (numerator, denominator) in roles.shares.items():
        grouped[share] = grouped[numerator] / grouped[denominator].where(grouped[denominator] > 0)
    for share, count in roles.share_of_total.items():
        grouped[share] = grouped[count] / grouped[count].sum() if grouped[count].sum() > 0 else float("nan")
    members = {group: [str(row) for row, k in zip(table.index, keys) if k == group] for group in grouped.index}
    grouped.index = pd.Index([label(group, members[group]) for group in grouped.index], name=table.index.name)
    shown = [c for c in table.columns if c in grouped.columns]
    return with_roles(grouped[shown], replace(roles, statistics={}, mirror={}, covered=None))


def _team_and_month(row: str) -> tuple[str, str]:
    team, _, month = row.rpartition(TEAM_MONTH_SEP)
    return team, month


GRAINS: dict[str, list[tuple[str, Callable[[str], str], Callable[[str, list[str]], str]]]] = {
    "month": [("by quarter", quarter, lambda _, rows: months_label(rows))],
    "team": [("for all teams together", lambda _: ALL_TEAMS, lambda group, _: group)],
    "team and month": [
        (
            "by team and quarter",
            lambda row: f"{_team_and_month(row)[0]}{TEAM_MONTH_SEP}{quarter(_team_and_month(row)[1])}",
            lambda group, rows: f"{_team_and_month(group)[0]}{TEAM_MONTH_SEP}{months_label([_team_and_month(r)[1] for r in rows])}",
        ),
        ("for all teams by month", lambda row: f"{ALL_TEAMS}{TEAM_MONTH_SEP}{_team_and_month(row)[1]}", lambda group, _: group),
        (
            "for all teams by quarter",
            lambda row: f"{ALL_TEAMS}{TEAM_MONTH_SEP}{quarter(_team_and_month(row)[1])}",
            lambda group, rows: f"{ALL_TEAMS}{TEAM_MONTH_SEP}{months_label([_team_and_month(r)[1] for r in rows])}",
        ),
    ],
}
"""Each kind of row, and its coarser grains in the order they are tried: (words, key of a row, label of a group)."""


def grain(table: pd.DataFrame) -> str | None:
    """What a table's rows are: ``month`` (``YYYY-MM``), ``team``, ``team and month`` (``team | YYYY-MM``), or ``None``."""
    rows = [str(row) for row in table.index]
    if not rows:
        return None
    if all(MONTH.match(row) for row in rows):
        return "month"
    if table.index.name == "team":
        return "team"
    if all(MONTH.match(_team_and_month(row)[1]) and TEAM_MONTH_SEP in row for row in rows):
        return "team and month"
    return None


def coarse_mirror(shown: pd.Series, key: Callable[[str], str], label: Callable[[str, list[str]], str]) -> pd.Series:
    """Where another output shows a by-month column (True), withholds it (False) or has no value (missing), said of
    the groups ``key`` makes (quarters), labelled as :func:`regroup` labels them: a group holding exactly one withheld
    month is withheld (its other months, shown there, would give that month away); one with none withheld is shown
    there in effect; one with two or more is neither."""
    groups: dict[str, list[str]] = {}
    for month in map(str, shown.index):
        groups.setdefault(key(month), []).append(month)
    said = {}
    for group, months in groups.items():
        withheld = sum(isinstance(shown[m], (bool, np.bool_)) and not shown[m] for m in months)
        said[label(group, months)] = False if withheld == 1 else True if withheld == 0 else None
    return pd.Series(said, dtype=object)


def _why(kind: str | None, withheld: int, numbers: int) -> str:
    """Why a table is not published as made: "by month 19 of its 24 numbers would be withheld as [c]"."""
    return f"{f'by {kind} ' if kind else ''}{withheld} of its {numbers} numbers would be withheld as {SUPPRESSED}"


def publish_coarser(
    table: pd.DataFrame,
    roles: Roles,
    threshold: int,
    mirror: Mapping[str, pd.Series] | None = None,
    round_to: int = 0,
    columns: list[str] | None = None,
) -> Published:
    """``table`` Board-safe (:func:`readiness.disclosure.control.suppress_board_table`) or, when more than half of the
    numbers it shows (``columns``; all) would be withheld, the first coarser grain (:data:`GRAINS`) that withholds at
    most half, or nothing: with the words saying so, to follow the table's caption ("shown by quarter, as …"). A table
    whose only row pools every theme (``Other themes``) shows no theme, and is left out too. A
    by-month column that figures.json also publishes (``mirror``) is protected by quarter (:func:`coarse_mirror`)."""
    if threshold and len(table) and all(str(row) == OTHER_THEMES for row in table.index):
        return Published(
            None, f"left out of this published edition, as no theme has more than {threshold}: all are pooled as {OTHER_THEMES}."
        )
    safe = suppress_board_table(table, roles, threshold, mirror, round_to)
    if not mostly_withheld(safe[columns or list(safe.columns)]):
        return Published(safe)
    withheld, numbers = withheld_cells(safe[columns or list(safe.columns)])
    kind = grain(table)
    tried = []
    for words, key, label in GRAINS.get(kind, []):
        coarse = regroup(table, roles, key, label)
        shown = {column: coarse_mirror(rows, key, label) for column, rows in (mirror or {}).items()} if kind == "month" else None
        coarse_safe = with_roles(suppress_board_table(coarse, roles_of(coarse), threshold, shown, round_to), roles_of(coarse))
        if not mostly_withheld(coarse_safe[columns or list(coarse_safe.columns)]):
            return Published(coarse_safe, f"shown {words}, as {_why(kind, withheld, numbers)}.", words)
        tried.append(words)
    still = f", and most would still be {' or '.join(tried)}" if tried else ""
    return Published(None, f"left out of this published edition, as {_why(kind, withheld, numbers)}{still}.")
