"""The disclosure roles of a Board table, declared once, beside the indicator function that makes it.

A table-returning indicator function is decorated with :func:`board_table`; every frame it returns
carries its :class:`Roles` in ``frame.attrs``, which pandas keeps through ``set_index``, sorting,
renaming and selecting columns. A notebook passes the frame to ``Pack.show`` and nothing else;
disclosure control reads the roles (:func:`readiness.disclosure.control.suppress_board_table`).
Nothing here withholds anything.
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass, field, replace
from functools import wraps
from typing import Callable, Mapping

import pandas as pd

from readiness.config.period import Period

ROLES_KEY = "readiness.roles"


@dataclass(frozen=True)
class Roles:
    """What each column of a Board table is, for disclosure control.

    ``counts`` are its base counts and ``total`` their row sum; ``shares`` maps a share column to its
    (numerator, denominator) columns and ``share_of_total`` to the count column whose column total is
    its denominator; ``statistics`` maps a median or mean to the column counting its items; ``parts``
    maps a numerator that is not a base count to the counts it sums. ``mirror`` maps a column of a
    by-month table to the monthly series of figures.json that also publishes it. ``covered``, for a
    by-month table made over the part of the period Annex A covers, is that part.
    """

    counts: tuple[str, ...]
    total: str | None = None
    shares: Mapping[str, tuple[str, str]] = field(default_factory=dict)
    share_of_total: Mapping[str, str] = field(default_factory=dict)
    statistics: Mapping[str, str] = field(default_factory=dict)
    parts: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    mirror: Mapping[str, str] = field(default_factory=dict)
    covered: Period | None = None

    def __deepcopy__(self, memo: dict) -> Roles:
        """The roles themselves: never changed once made (a table gets new roles, never edited ones), they need no
        copy, and pandas deep-copies ``attrs`` on every operation on a table that carries them."""
        return self


RolesOfCall = Callable[[Mapping[str, object]], Roles]


def board_table(roles: Roles | RolesOfCall) -> Callable:
    """Decorate a function returning a Board table: each frame it returns carries ``roles``.

    Roles that depend on the call are given as a function of the call's arguments by name,
    defaults included (e.g. :func:`made_over`).
    """

    def declare(function: Callable[..., pd.DataFrame]) -> Callable[..., pd.DataFrame]:
        signature = inspect.signature(function)

        @wraps(function)
        def table_with_roles(*args, **kwargs) -> pd.DataFrame:
            table = function(*args, **kwargs)
            if isinstance(roles, Roles):
                return with_roles(table, roles)
            call = signature.bind(*args, **kwargs)
            call.apply_defaults()
            return with_roles(table, roles(call.arguments))

        return table_with_roles

    return declare


def made_over(roles: Roles, argument: str = "period") -> RolesOfCall:
    """The roles of a by-month table made over the covered part of the period, given as the call's ``argument``."""
    return lambda call: replace(roles, covered=call[argument])


def with_roles(table: pd.DataFrame, roles: Roles) -> pd.DataFrame:
    """``table``, carrying ``roles`` (a table made in a notebook declares its roles so)."""
    table.attrs[ROLES_KEY] = roles
    return table


def roles_of(table: pd.DataFrame) -> Roles:
    """The roles a table carries; ValueError for a table that declares none."""
    roles = table.attrs.get(ROLES_KEY)
    if not isinstance(roles, Roles):
        raise ValueError("the table declares no disclosure roles: make it with an indicator function, or give them with with_roles")
    return roles
