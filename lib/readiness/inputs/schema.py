"""The vocabulary every table is declared in, and the check of a table's values against its declaration.

A :class:`TableSpec` names each column's snake_case name, the headings that find it, how
its text is read (a :class:`Kind`) and whether it must be present (``required``); which figure ids read it
comes from the figures' declarations (``reads=``, :mod:`readiness.config.figures`): a column is *used* when any does. An unreadable value in a used column is a
warning whose row leaves those figures, unless more than 10 % of the column is unreadable
(then the file is misread: an error); in a column no figure uses it is only ever a warning.
The tables themselves are declared in :mod:`.annex_a_tables` (``ANNEX_A``) and :mod:`.extract_tables`
(``EXTRACTS``). :func:`check_values` runs the pandera schema built from a spec over a
table's cleaned text, given the values already parsed from it, and turns pandera's failure cases into
:class:`Failure` s.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Callable

import pandas as pd

from readiness.config.figures import REGISTRY

from . import codes
from .values import heading_key, parse_age, parse_date, parse_datetime, parse_float, parse_id, parse_int, parse_text

if TYPE_CHECKING:
    import pandera.pandas as pa


@dataclass(frozen=True)
class Kind:
    """How a column's text is read, and what an unreadable value should have been. ``accepts`` says which
    texts are readable; ``None`` when that is exactly the texts ``parse`` gives a value for (so a column is
    parsed once, not once to check it and again to read it)."""

    parse: Callable[[pd.Series], pd.Series]
    accepts: Callable[[pd.Series], pd.Series] | None
    expected: str


def _coded(table: codes.Codes) -> Kind:
    return Kind(table.parse, lambda text: table.lookup(text).notna(), table.describe)


def parse_yes_no(text: pd.Series) -> pd.Series:
    """``Yes``/``No`` spellings as ``boolean`` (``<NA>`` when blank or unknown)."""
    return codes.YES_NO.parse(text).map({"yes": True, "no": False}).astype("boolean")


def parse_outcome(text: pd.Series) -> pd.Series:
    """Yes/No spellings and assessment outcome words (``Open to CIN``: yes; ``NFA``: no) as ``boolean``."""
    return codes.OUTCOME.parse(text).map({"yes": True, "no": False}).astype("boolean")


ID = Kind(parse_id, lambda text: text.notna(), "an id")
TEXT = Kind(parse_text, lambda text: text.notna(), "text")
DATE = Kind(parse_date, None, "a real date written dd/mm/yyyy or yyyy-mm-dd")  # 31/02/2024 is written so, but no date
DATETIME = Kind(parse_datetime, None, "a real date, or a date and time, written dd/mm/yyyy hh:mm or yyyy-mm-dd hh:mm")
INT = Kind(parse_int, None, "a whole number")
AGE = Kind(parse_age, None, "an age in years (a fraction keeps its whole years; -1 = unborn)")
FLOAT = Kind(parse_float, None, "a number")
BOOL = Kind(parse_yes_no, lambda text: codes.YES_NO.lookup(text).notna(), codes.YES_NO.describe)
OUTCOME = Kind(parse_outcome, lambda text: codes.OUTCOME.lookup(text).notna(), codes.OUTCOME.describe)
SOURCE = _coded(codes.SOURCE)
ETHNICITY = _coded(codes.ETHNICITY)
GENDER = _coded(codes.GENDER)
PRIMARY_NEED = _coded(codes.PRIMARY_NEED)
CLOSURE_REASON = _coded(codes.CLOSURE_REASON)
CASE_STATUS = _coded(codes.CASE_STATUS)
CATEGORY = _coded(codes.CATEGORY)
GRADE = _coded(codes.GRADE)
AGENCY = _coded(codes.AGENCY)
ROLE = _coded(codes.ROLE)
EMPLOYMENT = _coded(codes.EMPLOYMENT)
ACTION_STATUS = _coded(codes.ACTION_STATUS)
LEGAL_STATUS = _coded(codes.LEGAL_STATUS)
PERMANENCE_PLAN = _coded(codes.PERMANENCE_PLAN)
REASON_CEASED = _coded(codes.REASON_CEASED)
PLACEMENT_TYPE = _coded(codes.PLACEMENT_TYPE)
PLACEMENT_PROVIDER = _coded(codes.PLACEMENT_PROVIDER)
PLACEMENT_LOCATION = _coded(codes.PLACEMENT_LOCATION)
ELIGIBILITY = _coded(codes.ELIGIBILITY)
IN_TOUCH = _coded(codes.IN_TOUCH)
ACCOMMODATION = _coded(codes.ACCOMMODATION)
SUITABILITY = _coded(codes.SUITABILITY)
ACTIVITY = _coded(codes.ACTIVITY)
REASON_NO_LONGER_ADOPTION = _coded(codes.REASON_NO_LONGER_ADOPTION)
REASON_LEFT_ADOPTION = _coded(codes.REASON_LEFT_ADOPTION)


CURRENT = "current"  # a column's layout: of the current layout only (List 9 since 2023), so its absence is no warning


@dataclass(frozen=True)
class ColumnSpec:
    """One column: its name in the data model, the headings that find it, how it is read, whether it must be
    present, and ``source`` (``<input>.<column>``, set by :meth:`TableSpec.named`), the name the figures that
    read it give it in their declarations."""

    name: str
    headings: tuple[str, ...]
    kind: Kind
    required: bool = True
    layout: str | None = None
    open_when_blank: bool = False  # a blank means "not yet" (an end, closure, milestone): blank in every row is real
    when: str | None = None  # the column recorded in every row this one is expected in (an ICPC's outcome: its date)
    source: str = ""

    @property
    def readers(self) -> tuple[str, ...]:
        """The ids that read the column (a family by its prefix: ``audits.grade_share`` for each grade's)."""
        return REGISTRY.readers(self.source) if self.source else ()

    @property
    def heading(self) -> str:
        """The heading users know it by."""
        return self.headings[0]

    @property
    def used(self) -> bool:
        """Whether any figure reads the column."""
        return bool(self.readers)

    def feeds(self, figure_id: str) -> bool:
        """Whether the figure ``figure_id`` reads this column."""
        return any(figure_id == name or figure_id.startswith(f"{name}.") for name in self.readers)


@dataclass(frozen=True)
class TableSpec:
    """One table: its columns, the columns a row cannot do without, its natural key.

    ``prefixed``: the prefix and kind of any number of columns named by the prefix (case audits' ``domain_…``), read
    by the figures that read ``<name>.<prefix>*``.
    ``expects_all``: every column should be there (Annex A), so an absent optional one is a warning.
    ``finish`` completes the parsed frame from the table's text (List 9: suitability from the accommodation code).
    """

    label: str
    columns: tuple[ColumnSpec, ...]
    row_id: tuple[str, ...] = ()
    natural_key: tuple[str, ...] = ()
    ignored: tuple[str, ...] = ()
    prefixed: tuple[str, Kind] | None = None
    checked: bool = True
    expects_all: bool = False
    finish: Callable[[pd.DataFrame, pd.DataFrame], pd.DataFrame] | None = None
    name: str = ""

    def named(self, name: str) -> TableSpec:
        """The table as input ``name`` (``list_3``, ``case_audits``): each column's ``source`` is ``<name>.<column>``."""
        return replace(self, name=name, columns=tuple(replace(c, source=f"{name}.{c.name}") for c in self.columns))

    @property
    def used(self) -> bool:
        """Whether any figure reads the table (so an unreadable table stops the build)."""
        return any(column.used for column in self.columns)

    def heading_keys(self) -> dict[str, str]:
        """Folded heading → column name, for every heading that finds a column."""
        return {heading_key(h): c.name for c in self.columns for h in (*c.headings, c.name)}

    def heading_of(self, name: str) -> str:
        """The user's heading for column ``name`` (a prefixed column's own name)."""
        found = [c.heading for c in self.columns if c.name == name]
        return found[0] if found else name

    def column(self, name: str) -> ColumnSpec | None:
        """The spec of column ``name`` (a prefixed column's too), or ``None``."""
        found = [c for c in self.columns if c.name == name]
        if found:
            return found[0]
        if self.prefixed and name.startswith(self.prefixed[0]):
            prefix, kind = self.prefixed
            return ColumnSpec(name, (name,), kind, required=False, source=f"{self.name}.{prefix}*")
        return None


def col(name: str, heading: str, kind: Kind, **flags) -> ColumnSpec:
    """A column found by ``heading`` (and by its own snake_case name)."""
    return ColumnSpec(name, (heading,), kind, **flags)


def opt(name: str, heading: str, kind: Kind, **flags) -> ColumnSpec:
    """An optional column: only breakdowns, the case sample or no figure yet read it."""
    return col(name, heading, kind, required=False, **flags)


# --- checking values with pandera ----------------------------------------------------


def kinds_of(spec: TableSpec, frame: pd.DataFrame) -> dict[str, ColumnSpec]:
    """Every column of ``frame`` the spec reads (prefixed ones included), by name."""
    found = {c.name: c for c in spec.columns}
    if spec.prefixed:
        found |= {name: spec.column(name) for name in frame.columns if name.startswith(spec.prefixed[0])}
    return found


def schema_for(spec: TableSpec, frame: pd.DataFrame, parsed: pd.DataFrame) -> pa.DataFrameSchema:
    """The pandera schema of a table's cleaned text: required columns and readable values (``parsed``: the
    values read from it, for the kinds whose readable texts are those that parse). pandera is imported here, when a
    table is read: a build whose checked inputs are cached, and a notebook, never load it."""
    import pandera.pandas as pa

    columns = {
        name: pa.Column(
            checks=pa.Check(_readable(c.kind, parsed[name]), name=c.kind.expected, error=c.kind.expected),
            nullable=True,
            required=c.required,
        )
        for name, c in kinds_of(spec, frame).items()
    }
    return pa.DataFrameSchema(columns, strict=False)


def _readable(kind: Kind, parsed: pd.Series) -> Callable[[pd.Series], pd.Series]:
    if kind.accepts is None:  # pandera hands over the non-blank texts only: the parsed values of those rows
        return lambda text: (text.isna() | parsed.reindex(text.index).notna()).fillna(True).astype(bool)
    return lambda text: (text.isna() | kind.accepts(text)).fillna(True).astype(bool)


@dataclass
class Failure:
    """One column's failed check: the column, the Excel rows that fail and their values (none: the column is missing)."""

    spec: ColumnSpec
    rows: pd.Series
    values: pd.Series | None = None

    @property
    def missing(self) -> bool:
        """Whether the column itself is missing."""
        return self.values is None

    @property
    def example(self) -> str | None:
        """The first unreadable value."""
        return None if self.values is None else str(self.values.iloc[0])


def check_values(spec: TableSpec, frame: pd.DataFrame, parsed: pd.DataFrame) -> list[Failure]:
    """Run the spec's pandera schema (lazily, so every failure is found) over ``frame``, whose values ``parsed`` holds read."""
    from pandera.errors import SchemaErrors

    try:
        schema_for(spec, frame, parsed).validate(frame, lazy=True)
    except SchemaErrors as exc:
        return _failures(exc.failure_cases, frame, kinds_of(spec, frame))
    return []


def _failures(cases: pd.DataFrame, frame: pd.DataFrame, columns: dict[str, ColumnSpec]) -> list[Failure]:
    """pandera's failure cases as one :class:`Failure` per column, rows as Excel row numbers."""
    missing = cases["check"].astype(str) == "column_in_dataframe"
    failures = [Failure(columns[name], pd.Series(dtype="int64")) for name in cases.loc[missing, "failure_case"].astype(str)]
    for name, group in cases[~missing].groupby("column", sort=False):
        index = group["index"].astype(int)
        rows = frame.loc[index, "_row"].reset_index(drop=True)
        failures.append(Failure(columns[str(name)], rows, group["failure_case"].astype(str).reset_index(drop=True)))
    return failures
