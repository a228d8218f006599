"""Which months an SPC chart reads (``pack.md``, *SPC that can show an improvement*), and its reading.

Every month the data covers is a point, also months before ``period_start`` (at most the 36 months up to
``period_end``): the data's own months first (Annex A or a local extract), then months from the statutory returns,
then months from earlier packs (``history``), each source only before the first month of those above it
(:func:`combine_sources`). Each point keeps its source. A month that starts before the data's first date is partial
and no point: the whole-month series (``before``) that :func:`readiness.pack.figures.whole_month_series` computes
over the window says which months are whole.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from statistics import median
from typing import Iterable, Mapping, Sequence

from readiness.config.catalogue import describe
from readiness.config.period import Period
from readiness.disclosure.control import protect_series, suppress_figures, withhold_small_complements
from readiness.disclosure.rounding import figure_kind, published_level
from readiness.indicators.figure import Figure

from .spc import Limits, Phase, Reading, headline_id, phases_of, reading_of, variation_word
from .targets import green_in_force

SOURCES = ("annex_a", "extract", "return", "history")
"""Where a point comes from, in order of precedence: Annex A or a local extract (the data itself), statutory returns, earlier packs."""
SOURCE_WORDS = {"annex_a": "Annex A", "extract": "the local extract", "return": "statutory returns", "history": "earlier packs"}
MOST_MONTHS = 36
FEW_A_MONTH = 20
"""A share series whose median monthly denominator is under this says so: only large changes can show."""
EXTRACT_THEMES = ("audits", "actions", "strategy", "frontdoor", "supervision", "workforce", "caseload")
"""First parts of the ids of series counted from a local extract (the others come from Annex A)."""


def window_start(period_end: date) -> date:
    """The first day of the earliest month an SPC chart may show: 36 months up to ``period_end``'s month.

    >>> window_start(date(2025, 9, 30))
    datetime.date(2022, 10, 1)
    """
    months = period_end.year * 12 + period_end.month - MOST_MONTHS
    return date(months // 12, months % 12 + 1, 1)


def combine_sources(
    sources: Mapping[str, Mapping[str, float | None]], order: Sequence[str] = SOURCES
) -> tuple[dict[str, float | None], dict[str, str]]:
    """One series from several sources, each ``{YYYY-MM: value}`` (``None`` for a month the source holds but withholds),
    by precedence (``order``): the first source gives all its months, each later one only months before the earliest
    month of those above it. Returns the months in order and each month's source.

    This is where statutory returns feed a chart: pass their months as ``sources["return"]``.

    >>> combine_sources({"annex_a": {"2025-03": 0.5, "2025-04": None}, "return": {"2025-02": 0.4, "2025-03": 0.9}})
    ({'2025-02': 0.4, '2025-03': 0.5, '2025-04': None}, {'2025-02': 'return', '2025-03': 'annex_a', '2025-04': 'annex_a'})
    """
    points: dict[str, float | None] = {}
    marks: dict[str, str] = {}
    for name in order:
        first = min(points, default=None)
        for month, value in (sources.get(name) or {}).items():
            if first is None or month < first:
                points[month], marks[month] = value, name
    months = sorted(points)
    return {m: points[m] for m in months}, {m: marks[m] for m in months}


def data_source(series_id: str) -> str:
    """``extract`` for a series counted from a local extract, else ``annex_a``."""
    return "extract" if series_id.split(".", 1)[0] in EXTRACT_THEMES else "annex_a"


@dataclass(frozen=True)
class Published:
    """The monthly series as the pack publishes them (values ``None`` where withheld, and the withheld ``id/YYYY-MM``),
    and the whole-month series over the SPC window, published the same way (``before``)."""

    values: Mapping[str, object]
    suppressed: frozenset[str]
    before: Mapping[str, object] = field(default_factory=dict)
    before_suppressed: frozenset[str] = frozenset()


def publish(figures: Mapping[str, object], before: Mapping[str, Mapping[str, Figure]], threshold: int, round_to: int = 0) -> Published:
    """:class:`Published` from the period's figures and the whole-month series (:func:`readiness.pack.figures.whole_month_series`),
    each withheld as a monthly series is (small numbers, small complements, and a second month where one alone would be
    withheld), and published to ``round_to`` (a public edition's rounding, :mod:`readiness.disclosure.rounding`; 0: exact)."""
    values, suppressed = suppress_figures(figures, threshold, round_to)
    earlier, earlier_suppressed = suppress_figures(
        protect_series(withhold_small_complements(before, threshold), threshold), threshold, round_to
    )
    return Published(values, frozenset(suppressed), earlier, frozenset(earlier_suppressed))


def monthly_ids(published: Published) -> list[str]:
    """The ids of the monthly series ``published`` holds."""
    return [series_id for series_id, series in published.values.items() if isinstance(series, dict)]


def exact_values(series: Mapping[str, Figure]) -> dict[str, float | None]:
    """A monthly series' exact values by month (``None`` where there is none)."""
    return {month: figure.value for month, figure in series.items()}


def exact(figures: Mapping[str, object], before: Mapping[str, Mapping[str, Figure]], ids: Iterable[str]) -> Published:
    """:class:`Published` with the exact values of the monthly series ``ids``, nothing withheld: what SPC reads in
    either edition (``pack.md`` version 4)."""
    return Published({i: exact_values(figures.get(i) or {}) for i in ids}, frozenset(), {i: exact_values(before.get(i) or {}) for i in ids})


def data_months(series_id: str, published: Published, period: Period) -> dict[str, float | None]:
    """The data's own months of a series: the whole months before the period, then the period's months as published,
    each a point or ``None`` where withheld; months with no value, and a partial first month, are left out."""
    ours = published.values.get(series_id) or {}
    whole = published.before.get(series_id)
    first = period.months()[0]
    found: dict[str, float | None] = {}
    for source, withheld, before_period in ((whole or {}, published.before_suppressed, True), (ours, published.suppressed, False)):
        for month, value in source.items():
            if (month < first) != before_period:
                continue
            shown = f"{series_id}/{month}" not in withheld
            partial = (
                whole is not None and month in whole and whole[month] is None and f"{series_id}/{month}" not in published.before_suppressed
            )
            if (value is not None or not shown) and not (partial and not before_period):
                found[month] = value if shown else None
    return found


def earlier_months(series_id: str, history: Sequence[dict], threshold: int) -> dict[str, float]:
    """Months of the same series in earlier packs (``history``, oldest first; a later pack's value wins). For a public
    pack, only public packs' months count: an internal pack's monthly counts behind them are not published."""
    found: dict[str, float] = {}
    for document in history:
        earlier = document.get("figures", {}).get(series_id)
        if isinstance(earlier, dict) and (threshold == 0 or document.get("audience") == "public"):
            found.update({month: value for month, value in earlier.items() if value is not None})
    return found


def series_points(
    series_id: str, published: Published, params, history: Sequence[dict] = (), returns: Mapping[str, float] | None = None
) -> tuple[dict[str, float | None], dict[str, str]]:
    """A series' months in order within the 36 up to ``period_end`` (``None`` where withheld) and each one's source:
    the data's own, then ``returns`` (statutory returns' months of the series), then earlier packs'."""
    sources = {
        data_source(series_id): data_months(series_id, published, params.period),
        "return": returns or {},
        "history": earlier_months(series_id, history, params.suppression_threshold),
    }
    points, marks = combine_sources(sources)
    first = f"{window_start(params.period_end):%Y-%m}"
    last = f"{params.period_end:%Y-%m}"
    kept = [m for m in points if first <= m <= last]
    return {m: points[m] for m in kept}, {m: marks[m] for m in kept}


@dataclass(frozen=True)
class XmrSeries:
    """What an XmR chart shows: every month from the first point to the last (``None`` where withheld or no point), each
    point's source, the months before the period (drawn hollow), the phases with their limits, the reading (``None``
    when the latest phase has too few points, ``reason`` then says why), each special-cause month's variation, the
    target, and the typical monthly denominator of a share series with few cases a month (else ``None``)."""

    points: dict[str, float | None]
    sources: dict[str, str]
    before: set[str]
    phases: list[Phase]
    reading: Reading | None
    special: dict[str, str]
    target: float | None
    reason: str = ""
    per_month: int | None = None

    def as_json(self) -> dict | None:
        """``figures.json``'s ``spc`` entry: the reading with ``series`` (every point used, in order); ``None`` without one."""
        if self.reading is None:
            return None
        series = {m: v for m, v in self.points.items() if v is not None}
        return {**self.reading.as_json(), "series": series, "earlier_points": sum(self.sources[m] == "history" for m in series)}


def month_of(day: date) -> str:
    return f"{day:%Y-%m}"


def month_words(month: str) -> str:
    """``2025-03`` → ``March 2025``."""
    return f"{date(int(month[:4]), int(month[5:]), 1):%B %Y}"


def missing_reason(phases: Sequence[Phase], points: Mapping[str, float | None], min_points: int) -> str:
    """Why a series has no reading, in plain words: how many points its latest phase has, how many months are withheld."""
    if not phases:
        return "No SPC reading: no month has a value to show."
    last = phases[-1]
    withheld = sum(value is None for month, value in points.items() if month >= last.start)
    held_back = f", and {withheld} more {'is' if withheld == 1 else 'are'} withheld (small numbers)" if withheld else ""
    if len(phases) > 1:
        have = f"{len(last.months)} month{'s' if len(last.months) != 1 else ''}"
        return (
            f"No SPC reading yet: the phase from {month_words(last.start)} has {have}{held_back}; it needs {min_points} for its own limits."
        )
    return f"No SPC reading: it needs {min_points} months and has {len(last.months)}{held_back}."


def typical_denominator(series: Mapping[str, Figure], months: Sequence[str]) -> int | None:
    """The median monthly denominator of a share series over ``months`` (its points), when under 20; else ``None``."""
    denominators = [series[m].basis[-1] for m in months if m in series and len(series[m].basis) == 2]
    if not denominators:
        return None
    typical = median(denominators)
    return round(typical) if typical < FEW_A_MONTH else None


def xmr_series(
    series_id: str,
    published: Published,
    params,
    history: Sequence[dict] = (),
    returns: Mapping[str, float] | None = None,
    exact: Mapping[str, Figure] | None = None,
) -> XmrSeries:
    """A series' chart and reading: its months (:func:`series_points`), phases from ``spc_phases`` with limits held from
    ``spc_baseline_end`` in the latest, the variation of every special-cause month; ``exact`` (the series' figures by
    month, before and in the period) gives the typical monthly denominator of a share."""
    points, sources = series_points(series_id, published, params, history, returns)
    headline = headline_id(series_id)
    better = describe(headline).better
    target = green_in_force(params.targets.get(headline), params.period_end)
    baseline_end = month_of(params.spc_baseline_end) if params.spc_baseline_end else None
    phases = phases_of(points, params.spc_min_points, baseline_end, [month_of(d) for d in params.spc_phases])
    reading = reading_of(phases, target, better)
    special = {month: variation_word(side, better) for phase in phases for month, side in phase.sides().items()}
    reason = "" if reading is not None else missing_reason(phases, points, params.spc_min_points)
    before = {m for m in points if m < params.period.months()[0]}
    per_month = typical_denominator(exact, [m for m, v in points.items() if v is not None]) if exact else None
    return XmrSeries(points, sources, before, phases, reading, special, target, reason, per_month)


def as_published(xmr: XmrSeries, series_id: str, shown: Published, params, history=(), returns=None) -> XmrSeries:
    """A public edition's chart and reading (``pack.md`` version 4): ``xmr``, read from the exact values, with the months
    as the edition publishes them (``shown``, ``returns`` and ``history`` as :func:`series_points` takes them: rounded,
    ``None`` where withheld) and its centres and limits at the page's precision. An internal edition's is ``xmr``."""
    if params.audience != "public":
        return xmr
    points, sources = series_points(series_id, shown, params, history, returns)

    def level(value: float) -> float:
        return published_level(value, figure_kind(series_id), series_id, params.rounding)

    def published_limits(limits: Limits | None) -> Limits | None:
        return None if limits is None else Limits(level(limits.centre), level(limits.lower), level(limits.upper))

    reading = xmr.reading
    if reading is not None:
        reading = replace(reading, centre=level(reading.centre), lower=level(reading.lower), upper=level(reading.upper))
    phases = [replace(phase, limits=published_limits(phase.limits)) for phase in xmr.phases]
    return replace(xmr, points=points, sources=sources, phases=phases, reading=reading)


def spc_document(
    published: Published,
    params,
    history: Sequence[dict] = (),
    returns: Mapping[str, Mapping[str, float]] | None = None,
    read: tuple[Published, Mapping[str, Mapping[str, float]] | None] | None = None,
) -> dict[str, dict | None]:
    """``figures.json``'s ``spc``: for every monthly series as published, its reading with ``series`` (or ``None``);
    ``returns`` gives, by series id, the months statutory returns hold (:func:`combine_sources`). ``read`` is what a
    public edition's SPC reads instead: the series and the returns' months exact (:func:`exact`, :func:`as_published`)."""
    returns = returns or {}
    exact_series, exact_returns = read if read is not None else (published, returns)
    return {
        series_id: as_published(
            xmr_series(series_id, exact_series, params, history, (exact_returns or {}).get(series_id)),
            series_id,
            published,
            params,
            history,
            returns.get(series_id),
        ).as_json()
        for series_id in monthly_ids(published)
    }
