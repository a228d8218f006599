"""The vital-signs page: every headline figure with its target, RAG rating, England value and history."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Mapping

from readiness.config.catalogue import Indicator, describe, is_shown, order
from readiness.config.figures import monthly_id
from readiness.config.param_models import Band
from readiness.config.params import Params
from readiness.config.references import Comparator
from readiness.config.standards import label_with_standard
from readiness.disclosure.control import SUPPRESSED, is_disclosive, withhold_small_complements
from readiness.disclosure.relations import DENOMINATORS, protect_headlines
from readiness.disclosure.rounding import published_figure
from readiness.indicators.figure import Figure, count, share

from .formatting import format_figure, format_value
from .icons import assurance_icon, sparkline, variation_icon
from .targets import as_shown, green_in_force, target_in_force

TOLERANCE = 1e-9  # a value on a threshold is at it, whatever binary floating point says


def rag(value: float | None, target: float | Band | None, better: str | None) -> str | None:
    """``green``, ``amber`` or ``red`` for ``value`` against ``target`` in the ``better`` direction.

    A single number t: green at or beyond t; amber short of it by at most a tenth of t; red otherwise.
    ``{green, amber}``: green at or beyond green, amber at or beyond amber, red otherwise.
    No value, no target or no direction: no rating.
    """
    if value is None or target is None or better is None:
        return None
    if isinstance(target, Band):
        green, amber = target.green, target.amber
    else:
        green, amber = target, target * (0.9 if better == "higher" else 1.1)
    sign = 1 if better == "higher" else -1
    if sign * (value - green) >= -TOLERANCE:
        return "green"
    if sign * (value - amber) >= -TOLERANCE:
        return "amber"
    return "red"


def comparison_columns(found: Mapping[str, Mapping[str, dict]]) -> tuple[dict[str, dict], dict[str, Comparator]]:
    """figures.json's ``comparators`` as the table's columns: England (``{id: {year, value, source}}``), and the region,
    statistical neighbours and the council's published value (one :class:`Comparator` per figure, in their year)."""
    benchmarks = {figure_id: groups["england"] for figure_id, groups in found.items() if "england" in groups}
    comparators = {}
    for figure_id, groups in found.items():
        others = [groups[g] for g in ("region", "statistical_neighbours", "la_published") if g in groups]
        if others:
            value = {g: groups[g]["value"] if g in groups else None for g in ("region", "statistical_neighbours", "la_published")}
            comparators[figure_id] = Comparator(
                others[0]["year"], value["region"], value["statistical_neighbours"], others[0]["source"], value["la_published"]
            )
    return benchmarks, comparators


def load_history(paths: list[Path]) -> list[dict]:
    """Earlier packs' ``figures.json`` documents, oldest first."""
    return [json.loads(Path(p).read_text(encoding="utf-8")) for p in paths]


def history_values(document: dict, threshold: int, round_to: int = 0) -> dict[str, object]:
    """An earlier pack's headline values as this pack may show them: ``[c]`` where withheld, the others
    published to ``round_to`` as this pack's own (:mod:`readiness.disclosure.rounding`; 0: as they are).

    A public pack's figures.json is shown as it was published (its ``suppressed`` ids withheld).
    Any other (an internal pack's, or one that does not say) goes through this pack's disclosure control: a count of 1 to
    ``threshold``, a share whose numerator (share × its published denominator) or denominator is,
    and whatever the sums and shares of :mod:`readiness.disclosure.relations` would give away are withheld;
    so is a figure whose record counts the document does not carry (a median, a rate, an FTE share).
    """
    values = {key: value for key, value in document["figures"].items() if not isinstance(value, dict)}
    if threshold == 0:
        return values
    hidden = set(document.get("suppressed", ()))
    if document.get("audience") != "public":
        figures = withhold_small_complements({key: _rebuilt(key, value, values) for key, value in values.items()}, threshold)
        hidden |= {key for key, figure in figures.items() if is_disclosive(figure, threshold)} | protect_headlines(figures, threshold)
    return {key: SUPPRESSED if key in hidden else published_figure(key, value, round_to) for key, value in values.items()}


def _rebuilt(figure_id: str, value, values: Mapping[str, object]) -> Figure:
    """A figure from its published value, with the record counts behind it where the document gives them."""
    if value is None:
        return Figure(None, ())
    denominator = values.get(DENOMINATORS.get(figure_id))
    if figure_id in DENOMINATORS and isinstance(denominator, int):
        return share(round(value * denominator), denominator)
    if describe(figure_id).kind == "count" and float(value).is_integer():
        return count(value)
    return Figure(value, (), withheld=True)


@dataclass(frozen=True)
class VitalSign:
    """One row of the vital-signs table, formatted for the page."""

    indicator: Indicator
    value: str
    target: str
    rating: str | None
    england: str
    history: tuple[str, ...]
    change: str
    baseline: str = "–"
    region: str = "–"
    neighbours: str = "–"
    published: str = "–"
    comparator_source: str = ""
    spc: dict | None = None  # figures.json's reading of the figure's monthly series
    sparkline: str = ""
    variation_icon: str = ""
    assurance_icon: str = ""


def change_since(current, previous, kind: str, name: str = "") -> str:
    """The change from the last pack, as the two shown values differ: points for shares, plain otherwise (a public
    pack's values are those published, so the change is one between published values)."""
    if not isinstance(current, (int, float)) or not isinstance(previous, (int, float)):
        return "–"
    if kind == "share":
        return f"{_shown_percent(current) - _shown_percent(previous):+d} pts"
    difference = current - previous
    sign = "-" if difference < 0 else "+"
    return sign + format_value(abs(difference), "count" if kind == "count" else "number", name)


def _shown_percent(share: float) -> int:
    """The whole percent a share is shown as (``0.845`` → 85)."""
    return int(format_value(share, "share").rstrip("%"))


def format_target(target: float | Band | None, kind: str, name: str = "") -> str:
    if target is None:
        return "–"
    if isinstance(target, Band):
        return f"{format_value(target.green, kind, name)} (amber {format_value(target.amber, kind, name)})"
    return format_value(target, kind, name)


def vital_signs(
    document: dict,
    params: Params,
    benchmarks: Mapping[str, dict],
    history: list[dict],
    baseline: dict | None = None,
    comparators: Mapping[str, Comparator] | None = None,
) -> list[VitalSign]:
    """Rows for every headline (non-monthly) figure of ``document`` the catalogue shows, in catalogue order: the figure, its target in
    force at the period end and its RAG rating on the figure as shown, England, regional and statistical-neighbour
    values, the ``baseline`` pack's and earlier packs' figures, and its monthly series' sparkline and SPC icons."""
    suppressed = set(document["suppressed"])
    threshold = params.suppression_threshold
    earlier = [history_values(doc, threshold, params.rounding) for doc in history]
    at_baseline = history_values(baseline, threshold, params.rounding) if baseline else {}
    rows = []
    for figure_id, value in document["figures"].items():
        if isinstance(value, dict) or not is_shown(figure_id):
            continue
        indicator = replace(describe(figure_id), label=label_with_standard(figure_id, params))
        target = target_in_force(params.targets.get(figure_id), params.period_end)
        england = benchmarks.get(figure_id)
        past = [values.get(figure_id) for values in earlier]
        rows.append(
            VitalSign(
                indicator=indicator,
                value="[c]" if figure_id in suppressed else format_figure(value, figure_id),
                target=format_target(target, indicator.kind, figure_id),
                rating=None if figure_id in suppressed else rag(as_shown(value, indicator.kind, figure_id), target, indicator.better),
                england=f"{format_figure(england['value'], figure_id)} ({england['year']})" if england else "–",
                history=tuple(format_figure(v, figure_id) for v in past),
                change=change_since(value, past[-1], indicator.kind, figure_id) if past else "–",
                baseline=format_figure(at_baseline.get(figure_id), figure_id) if baseline else "–",
                **comparator_cells((comparators or {}).get(figure_id), figure_id),
                **trend_cells(document, figure_id, params),
            )
        )
    return sorted(rows, key=lambda row: (judgement_rank(row.indicator.theme), *order(row.indicator.id)))


def comparator_cells(comparator: Comparator | None, figure_id: str) -> dict[str, str]:
    """The regional and statistical-neighbour cells, each with its year (``84% (2023-24)``), and their source."""
    if comparator is None:
        return {}

    def cell(value):
        return "–" if value is None else f"{format_figure(value, figure_id)} ({comparator.year})"

    return {
        "region": cell(comparator.region),
        "neighbours": cell(comparator.statistical_neighbours),
        "published": cell(comparator.la_published),
        "comparator_source": comparator.source,
    }


def trend_cells(document: dict, figure_id: str, params: Params) -> dict:
    """The figure's monthly series as published: its SPC reading, a sparkline and the variation and assurance icons."""
    series_id = monthly_id(figure_id)
    series = document["figures"].get(series_id)
    if not isinstance(series, dict):
        return {}
    indicator = describe(figure_id)
    reading = document.get("spc", {}).get(series_id)
    special = (
        {max(m for m, v in series.items() if v is not None): reading["variation"]}
        if reading and reading["variation"] != "common_cause"
        else {}
    )
    months = [m for m, v in series.items() if v is not None]
    label = f"{indicator.label}, by month" + (f", {months[0]} to {months[-1]}" if months else "")
    return {
        "spc": reading,
        "sparkline": sparkline(series, special, green_in_force(params.targets.get(figure_id), params.period_end), label),
        "variation_icon": variation_icon(reading and reading["variation"], indicator.better),
        "assurance_icon": assurance_icon(reading and reading["assurance"]),
    }


# --- groups in the order ILACS judges (spec version 3) -------------------------------
ILACS_ORDER = (
    "Early help",
    "Front door",
    "Assessments",
    "Strategy meetings",
    "Child protection",  # help and protection
    "Children in care",
    "Adoption",  # the experiences and progress of children in care
    "Care leavers",  # the experiences and progress of care leavers
    "Workforce and caseloads",
    "Case audits",  # the impact of leaders
)


def judgement_rank(theme: str) -> int:
    """Where a theme's group stands on the vital-signs page: ILACS's order of judgements, other themes after them."""
    return ILACS_ORDER.index(theme) if theme in ILACS_ORDER else len(ILACS_ORDER)
