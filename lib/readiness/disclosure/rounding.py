"""Numbers as an edition publishes them: each value at the precision the page shows it, and a public
edition's counts rounded to ``round_to`` (``pack.md``, *A published edition that differencing cannot open*;
``indicators.md``, *Precision*).

Exact totals beside withheld parts can be differenced by anyone holding two packs (a year-to-date pack
less last month's, two adjacent packs, a share times a count another table shows). A public edition
therefore writes every count rounded to the nearest ``round_to`` (totals on their own) and every share,
rate, mean and median at the page's precision, computed from the exact value, half away from zero.
An internal edition (``round_to`` 0 here) is written exact.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Mapping

from readiness.config.catalogue import describe


def round_half_up(value, places: int) -> Decimal:
    """``value`` rounded to ``places`` decimals, halves away from zero, from its shortest decimal form (176.5 → 177)."""
    return Decimal(str(float(value))).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def places(kind: str, name: str = "") -> int:
    """Decimals the page shows of a value of ``kind`` named ``name`` (a figure id or a table's column):
    a share as a whole percent (two decimals of the fraction); a count, a rate per 10,000 and days (a
    mean or median of days: ``days`` in the name) whole; a disproportionality ratio (``ratio``) two;
    any other number (children per worker or per FTE) one."""
    if kind == "share":
        return 2
    if kind in ("count", "rate") or "days" in name:
        return 0
    return 2 if "ratio" in name else 1


def figure_kind(figure_id: str) -> str:
    """The kind of a figure, or of a monthly series' months (``x.monthly.y`` is read as ``x.y``)."""
    return describe(figure_id.replace(".monthly.", ".", 1)).kind


def rounded_count(n, round_to: int) -> int:
    """``n`` to the nearest multiple of ``round_to``, halves up (12 → 10, 13 → 15); 0 stays 0, and any other
    count is at least ``round_to`` (2 → 5), so a count the pack shows never reads as none."""
    if n == 0:
        return 0
    return max(int(round_half_up(n / round_to, 0)) * round_to, round_to)


def published_level(value, kind: str, name: str, round_to: int):
    """An SPC centre line or process limit as an edition publishes it: unchanged for an internal edition (``round_to``
    0) or when ``None``; else at the page's precision (:func:`places`) from the exact value, a count's level whole
    (a mean of counts is not itself a count to round to ``round_to``): 0.4167 → 0.42, 12.5 → 13."""
    if round_to == 0 or value is None:
        return value
    return float(round_half_up(value, places(kind, name)))


def published_value(value, kind: str, name: str, round_to: int):
    """``value`` as an edition publishes it: unchanged for an internal edition (``round_to`` 0) or when
    it is ``None`` or withheld (text); else a count rounded to ``round_to`` and any other number at the
    page's precision (:func:`places`), a share kept a fraction (0.625 → 0.63)."""
    if round_to == 0 or value is None or isinstance(value, str):
        return value
    if kind == "count":
        return rounded_count(value, round_to)
    number = round_half_up(value, places(kind, name))
    return float(number) if kind == "share" or number != number.to_integral_value() else int(number)


def published_figure(figure_id: str, value, round_to: int):
    """A figure's value (a number, or a monthly series' ``{month: value}``) as published (:func:`published_value`)."""
    kind = figure_kind(figure_id)
    if isinstance(value, Mapping):
        return {month: published_value(v, kind, figure_id, round_to) for month, v in value.items()}
    return published_value(value, kind, figure_id, round_to)


def published_document(document: dict, round_to: int) -> dict:
    """An earlier pack's ``figures.json`` (a ``history`` or ``baseline`` pack) with its figures as this edition
    publishes them, so that a difference between packs is one between published values."""
    figures = {key: published_figure(key, value, round_to) for key, value in document["figures"].items()}
    return {**document, "figures": figures}
