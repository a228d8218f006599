"""Every headline figure's id, plain-English label, kind and better direction (``indicators.md``), read from the
figure registry (:mod:`.figures`, declared on the indicator functions).

``CATALOGUE`` holds the entries of themes not yet declared there; they follow the registry's.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from .figures import REGISTRY, Declared


@dataclass(frozen=True)
class Indicator:
    """How to name, format and rate one headline figure."""

    id: str
    label: str
    kind: str  # count, share, number or rate
    better: str | None  # higher, lower or None (no direction, no RAG)
    theme: str


def _theme(theme: str, *rows: tuple) -> list[Indicator]:
    return [Indicator(id_, label, kind, better, theme) for id_, label, kind, better in rows]


H, L, N = "higher", "lower", None

CATALOGUE: tuple[Indicator, ...] = tuple(
    _theme(
        "Assessments",
    )
    + _theme(
        "Strategy meetings",
    )
    + _theme(
        "Front door",
    )
    + _theme(
        "Front door",
    )
    + _theme(
        "Early help",
    )
    + _theme(
        "Adoption",
    )
    + _theme(
        "Child protection",
    )
    + _theme(
        "Children in care",
    )
    + _theme(
        "Care leavers",
    )
    + _theme(
        "Workforce and caseloads",
    )
    + _theme(
        "From the statutory returns",
        ("cla.dfe_stability_three_plus_share", "Children in care at 31 March with 3 or more placements in the year (DfE, SSDA903)", "share", L),
        ("cla.dfe_long_term_stability_share", "Children under 16 in care 2½ years or more, with the same carer for 2 years (DfE, SSDA903)", "share", H),
        *(
            (f"care_leavers.dfe.age_{ages}.{figure}", f"Care leavers at their {words} birthday {label} (DfE, SSDA903)", "share", H)
            for ages, words in (("17_18", "17th or 18th"), ("19_21", "19th, 20th or 21st"))
            for figure, label in (("in_touch_share", "in touch"), ("suitable_accommodation_share", "in suitable accommodation"), ("eet_share", "in education, employment or training"))
        ),
        ("workforce.vacancy_rate", "Social-worker vacancy rate, FTE (DfE, workforce census)", "share", L),
        ("workforce.absence_rate", "Social-worker sickness absence, share of working days (DfE, workforce census)", "share", L),
    )
)


def catalogue() -> tuple[Indicator, ...]:
    """Every headline figure with a fixed id: the registry's (a closed family's members each), then ``CATALOGUE``'s."""
    return _catalogue()


@cache
def _catalogue() -> tuple[Indicator, ...]:
    entries = []
    for d in REGISTRY.declared():
        if d.series or (d.family and d.members is None):
            _PLACES.setdefault(d.id, len(entries))
            continue
        if d.family:
            entries += [Indicator(f"{d.id}.{name}", d.label.format(m.words), d.kind, m.better, d.theme) for name, m in d.members.items()]
        else:
            entries.append(Indicator(d.id, d.label, d.kind, d.better, d.theme))
    return (*entries, *CATALOGUE)


_PLACES: dict[str, int] = {}
"""Where an open family stands: the place of the entry declared after it."""


@cache
def _by_id() -> dict[str, Indicator]:
    return {indicator.id: indicator for indicator in catalogue()}


@cache
def _places() -> dict[str, int]:
    return {indicator.id: i for i, indicator in enumerate(catalogue())}


def order(figure_id: str) -> tuple[int, str]:
    """A figure's place in the catalogue, then its id: an open family's members at the family's place, in id
    order before the entry declared after it; ids not catalogued last."""
    family = _open_family(figure_id)
    place = _PLACES[family.id] if family is not None else _places().get(figure_id, len(_places()))
    return (place, figure_id)


def is_indicator(figure_id: str) -> bool:
    """Whether ``figure_id`` names a headline figure: a catalogued id, or a member of a family whose members the data
    names (``audits.domain_good_or_better_share.<domain>``, one per ``domain_<name>`` column of the audits)."""
    return figure_id in _by_id() or _open_family(figure_id) is not None


def _open_family(figure_id: str) -> Declared | None:
    declared = REGISTRY.find(figure_id)
    return declared if declared is not None and declared.family and declared.members is None else None


def describe(figure_id: str) -> Indicator:
    """The catalogue entry for an id; a member of an open family is described from its name, other ids from theirs."""
    if figure_id in _by_id():
        return _by_id()[figure_id]
    family = _open_family(figure_id)
    if family is not None:
        words = figure_id.rsplit(".", 1)[1].replace("_", " ")
        return Indicator(figure_id, family.label.format(words), family.kind, family.better, family.theme)
    kind = "share" if "share" in figure_id or figure_id.endswith("_rate") else "count"
    return Indicator(figure_id, figure_id, kind, None, "Other")


def phrase(figure_id: str, where: str) -> str:
    """How a page names a figure ``where`` is ``"sentence"`` (a headline sentence) or ``"chart"`` (a chart's title):
    the phrase its declaration gives for it, else its label."""
    declared = REGISTRY.find(figure_id)
    given = None if declared is None else {"sentence": declared.in_sentence, "chart": declared.on_chart}[where]
    return given or describe(figure_id).label
