"""A headline figure together with the record counts it was computed from.

Disclosure control needs to know how many records stand behind each value, so
every indicator function returns :class:`Figure` objects rather than bare numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, Union


@dataclass(frozen=True)
class Figure:
    """A value and the record counts behind it.

    ``basis`` holds every count that disclosure control must check: the count
    itself for a count, numerator and denominator for a share, the number of
    items for a median, mean or maximum. ``withheld`` marks a figure withheld
    only to protect another (secondary suppression in a monthly series).
    """

    value: float | int | None
    basis: tuple[int, ...]
    withheld: bool = False


Series = Mapping[str, Figure]
FigureValue = Union[Figure, Series]


def count(n: int) -> Figure:
    """A plain count of records: ``count(3) == Figure(3, (3,))``."""
    n = int(n)
    return Figure(n, (n,))


def share(numerator: int, denominator: int) -> Figure:
    """A fraction 0-1, unrounded; ``None`` when the denominator is empty."""
    numerator, denominator = int(numerator), int(denominator)
    value = numerator / denominator if denominator else None
    return Figure(value, (numerator, denominator))


def statistic(value: float | int | None, n: int) -> Figure:
    """A median, mean or maximum over ``n`` items; ``None`` over no items."""
    n = int(n)
    if n == 0 or value is None:
        return Figure(None, (n,))
    return Figure(_plain_number(value), (n,))


def _plain_number(value: float | int) -> float | int:
    """Turn numpy scalars into plain Python numbers, whole floats into ints."""
    value = float(value)
    return int(value) if value.is_integer() else value
