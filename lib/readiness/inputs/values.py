"""Vectorised cleaning and parsing of cell text: blanks, ids, whole numbers, dates, headings.

Every parser takes a ``string`` Series of cleaned cell text (``<NA>`` when blank) and
returns the parsed values, ``<NA>``/``NaT`` where the text cannot be read.
"""

from __future__ import annotations

import re
from functools import wraps
from typing import Callable

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from readiness.errors import printable

SPACES = "[\t\n\x0b\x0c\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+"
"""A run of spaces: every character Python's ``\\s`` matches (the no-break spaces among them), written out rather than
as ``\\s``, so that pandas runs it in pyarrow over a whole column instead of once per value in Python."""
FOLD = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201b": "'", "\u2032": "'", "_": " "})
EXCEL_ERRORS = ("#n/a", "#ref!", "#value!", "#div/0!", "#name?", "#null!", "#num!", "#n/a n/a")
_TIME = r"[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?$"
_DATE_FORMATS = ((r"^\d{4}-\d{1,2}-\d{1,2}$", "%Y-%m-%d"), (r"^\d{1,2}/\d{1,2}/\d{4}$", "%d/%m/%Y"))


def per_unique(parse: Callable[[pd.Series], pd.Series]) -> Callable[[pd.Series], pd.Series]:
    """Run ``parse`` once per distinct value, not once per row: a large list repeats its codes and dates."""

    @wraps(parse)
    def on_uniques(values: pd.Series) -> pd.Series:
        positions, uniques = pd.factorize(values, use_na_sentinel=True)
        done = parse(pd.Series(uniques, dtype=values.dtype))
        taken = pd.api.extensions.take(done.array, positions, allow_fill=True)
        return pd.Series(taken, index=values.index, dtype=done.dtype)

    return on_uniques


def is_in(column: pd.Series, values: pd.Series | pd.Index) -> pd.Series:
    """``column.isin(values)``: for text in Arrow (as the readers make it), one pass of Arrow's ``is_in``, where pandas
    first makes each of ``values`` a Python object (a fifth of a second for a large council's child ids). A blank
    matches a blank, as in pandas."""
    if not all(isinstance(series.dtype, pd.StringDtype) and series.dtype.storage == "pyarrow" for series in (column, values)):
        return column.isin(values)
    found = pc.is_in(pa.array(column), value_set=pa.array(values))
    return pd.Series(found.to_numpy(zero_copy_only=False), index=column.index, name=column.name)


@per_unique
def clean_cells(values: pd.Series) -> pd.Series:
    """Cell values as ``string``: stripped, odd spaces folded, blanks and Excel error values ``<NA>``.

    Excel's numbers arrive as ``9212044.0``, its dates as ``2019-01-02`` or ``2019-01-02 10:30:00``:
    the parsers below read those forms.
    """
    text = values.astype("string").str.replace(SPACES, " ", regex=True).str.strip()
    blank = (text == "") | text.str.lower().isin(EXCEL_ERRORS)
    return text.mask(blank.fillna(True))


def fold(text: pd.Series) -> pd.Series:
    """Text for matching: lower case, curly apostrophes straight, underscores as spaces, one space between words."""
    return text.str.translate(FOLD).str.replace(SPACES, " ", regex=True).str.strip().str.lower()


def heading_key(heading: object) -> str:
    """How a heading is compared: folded, trailing ``?`` dropped (``Referral NFA?`` = ``referral nfa``)."""
    text = "" if heading is None else str(heading).translate(FOLD)
    return re.sub(SPACES, " ", text).strip().lower().rstrip("?").strip()


def snake_case(heading: str) -> str:
    """A heading as a snake_case column name: ``Date Stage 1 started`` → ``date_stage_1_started``."""
    return re.sub(r"[^a-z0-9]+", "_", heading_key(heading)).strip("_")


@per_unique
def parse_id(text: pd.Series) -> pd.Series:
    """Ids as text: Excel's ``9212044.0`` becomes ``9212044``; leading zeros stay."""
    numbers = text.str.fullmatch(r"\d+\.0+").fillna(False).astype(bool)
    ids = text.copy()
    ids[numbers] = text[numbers].str.rstrip("0").str.rstrip(".")
    return ids


def parse_text(text: pd.Series) -> pd.Series:
    """Free text, already cleaned."""
    return text


@per_unique
def parse_int(text: pd.Series) -> pd.Series:
    """Whole numbers (``3``, ``3.0``, ``-1``) as ``Int64``; anything else ``<NA>``."""
    digits = text.str.extract(r"^(-?\d+)(?:\.0+)?$", expand=False)
    return pd.to_numeric(digits, errors="coerce").astype("Int64")


@per_unique
def parse_age(text: pd.Series) -> pd.Series:
    """Ages as whole years (``Int64``): a fraction (``days ÷ 365.25``) keeps its whole years, so
    ``0.194`` → 0 and ``15.99`` → 15; ``-1`` (unborn) stays ``-1``; anything else ``<NA>``."""
    return parse_float(text).apply(lambda age: pd.NA if pd.isna(age) else int(age)).astype("Int64")


@per_unique
def parse_float(text: pd.Series) -> pd.Series:
    """Decimal numbers (``0.5``, ``1``) as ``float``; anything else ``NaN``."""
    numbers = text.where(text.str.fullmatch(r"-?\d+(?:\.\d+)?").fillna(False))
    return pd.to_numeric(numbers, errors="coerce").astype("float64")


@per_unique
def parse_date(text: pd.Series) -> pd.Series:
    """Dates written ``yyyy-mm-dd`` or ``dd/mm/yyyy`` (a time after them ignored) as ``datetime64[ns]``.

    Only these explicit day-first forms are read, so ``01/13/2019`` is not a date.
    """
    day = text.str.replace(_TIME, "", regex=True)
    result = pd.Series(pd.NaT, index=text.index, dtype="datetime64[ns]")
    for pattern, form in _DATE_FORMATS:
        matches = day.str.fullmatch(pattern).fillna(False).astype(bool)
        if matches.any():
            parsed = pd.to_datetime(day[matches].astype(str), format=form, errors="coerce")
            result[matches] = parsed.astype("datetime64[ns]")
    return result


@per_unique
def parse_datetime(text: pd.Series) -> pd.Series:
    """A date, or a date and time (``yyyy-mm-dd hh:mm``, ``dd/mm/yyyy hh:mm``, seconds allowed), as ``datetime64[ns]``.

    The date is read as :func:`parse_date` reads it (day first, never guessed); a date alone is midnight.
    The date and the clock are parsed apart, each once per distinct value: a large extract has many
    distinct date-times but few distinct dates and clock readings.

    >>> parse_datetime(pd.Series(["03/06/2019 09:15", "2019-06-03"], dtype="string")).dt.strftime("%d %b %H:%M").tolist()
    ['03 Jun 09:15', '03 Jun 00:00']
    """
    day, clock = date_and_clock(text)
    return parse_date(day) + pd.to_timedelta(clock_seconds(clock.fillna("")), unit="s")


def date_and_clock(text: pd.Series) -> tuple[pd.Series, pd.Series]:
    """The date of each value (up to its first space or ``T``) and its clock (what follows; blank when nothing
    does), ``<NA>`` both when the value is blank or starts with a space or ``T``: split by pyarrow at C speed."""
    parts = pc.extract_regex(pa.array(text, type=pa.string()), r"^(?P<day>[^ T]+)(?:[ T](?P<clock>.*))?$")
    return tuple(pd.Series(pd.arrays.ArrowStringArray(pc.struct_field(parts, [i])), index=text.index) for i in (0, 1))


@per_unique
def clock_seconds(clock: pd.Series) -> pd.Series:
    """Seconds after midnight of ``hh:mm`` or ``hh:mm:ss`` (0 when blank, ``NaN`` when it is no time of day)."""
    parts = clock.str.extract(r"^(\d{1,2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?$", expand=True)
    hours, minutes = (pd.to_numeric(parts[i], errors="coerce") for i in (0, 1))
    seconds = pd.to_numeric(parts[2], errors="coerce").fillna(0)
    valid = (hours < 24) & (minutes < 60) & (seconds < 60)
    total = (hours * 3600 + minutes * 60 + seconds).where(valid.fillna(False).astype(bool))
    return total.mask((clock.isna() | (clock == "")).fillna(False).astype(bool), 0.0).astype("float64")


def has_time(text: pd.Series) -> pd.Series:
    """Whether each value carries a time after its date (``2019-06-03 09:15``: True; ``2019-06-03``: False; blank: False)."""
    return text.str.contains(_TIME, regex=True).fillna(False).astype(bool)


def quoted(value: object, limit: int = 40) -> str:
    """An input value as it may be quoted in a message: :func:`printable`, long text cut, in single quotes."""
    text = printable(value)
    return f"'{text if len(text) <= limit else text[: limit - 1] + '…'}'"
