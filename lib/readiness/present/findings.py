"""Readiness against each finding (``pack.md`` version 4, *Readiness of a finding*), and the Board summary's line on it.

A finding's evidence is its actions (their states, :func:`readiness.indicators.improvement_plan.action_states`), its
linked figures (``figures``: a monthly series stands for its headline, whose RAG rating and the SPC reading of whose
monthly series count) and its audit domains (each only through a target set on
``audits.routine.domain_good_or_better_share.<domain>``: its RAG rating counts, its monthly series does not).
:func:`rate` applies the rule; :func:`linked_evidence` reads the evidence from the exact figures and SPC readings, so
the rating is the same in both editions. :func:`board_lines` gives the Board summary one line per finding from a
``figures.json`` document.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Mapping, Sequence

from readiness.config.catalogue import describe
from readiness.config.figures import monthly_id
from readiness.config.params import Params
from readiness.indicators.audit_programme import routine_domain_share
from readiness.inputs.plan import headline_of
from readiness.safetext import markdown_escape

from .targets import as_shown, target_in_force
from .vitals import rag

DOMAIN_FIGURE = routine_domain_share.figure_id
"""A domain's routine good-or-better share: ``<this>.<domain>`` (named once, by the function declaring it)."""
RATINGS = ("red", "amber", "green")
AREA_WORDS = {
    "help_and_protection": "Help and protection",
    "children_in_care": "Children in care",
    "care_leavers": "Care leavers",
    "leaders": "Leaders",
    "front_door": "Front door",
    "workforce": "Workforce",
    "quality_assurance": "Quality assurance",
}
NOTHING_LINKED = "nothing links it to an action, a figure in this pack or an audit domain with a target"


@dataclass(frozen=True)
class Evidence:
    """One linked figure or audit domain as readiness reads it: its headline id and label, whether a target is set,
    its RAG rating at the figure as shown (``None``: no target or no value), and the SPC variation of its monthly
    series (``None``: no reading, or a domain, whose series does not decide)."""

    figure_id: str
    label: str
    target: bool
    rating: str | None
    variation: str | None = None


@dataclass(frozen=True)
class Readiness:
    """A finding's readiness (``green``, ``amber``, ``red`` or ``None``) and why, in plain words."""

    rating: str | None
    reasons: tuple[str, ...]

    @property
    def why(self) -> str:
        """The reasons as one sentence, capitalised: ``An action is overdue; Re-referrals … is red against its target.``"""
        text = "; ".join(self.reasons)
        return f"{text[:1].upper()}{text[1:]}." if text else ""


def rate(states: Sequence[str], evidence: Sequence[Evidence]) -> Readiness:
    """Readiness from a finding's action states and its evidence:

    - **red** when any action is overdue or off track, or any evidence is rated red or shows special-cause concern;
    - **green** when every action is complete or on track, every evidence with a target is green, and at least one
      shows special-cause improvement or meets its target;
    - ``None`` with no action and no evidence; otherwise **amber**.
    """
    if not states and not evidence:
        return Readiness(None, (NOTHING_LINKED,))
    red = [
        *_action_words(states, ("overdue", "off_track")),
        *(f"{e.label} is red against its target" for e in evidence if e.rating == "red"),
    ]
    red += [f"{e.label} has got worse beyond normal variation (special-cause concern)" for e in evidence if e.variation == "concern"]
    if red:
        return Readiness("red", tuple(red))
    good = [
        f"{e.label} meets its target" if e.rating == "green" else f"{e.label} shows improvement beyond normal variation"
        for e in evidence
        if e.rating == "green" or e.variation == "improvement"
    ]
    short = [*_action_words(states, ("at_risk", "not_started", "not_recorded"))]
    short += [
        f"{e.label} is {'amber against' if e.rating == 'amber' else 'not yet measured against'} its target"
        for e in evidence
        if e.target and e.rating != "green"
    ]
    if not short and good:
        return Readiness("green", (*(["every action is complete or on track"] if states else []), *good))
    if not good:
        short.append("no linked figure yet meets its target or shows improvement beyond normal variation")
    return Readiness("amber", tuple(short))


ACTION_WORDS = {
    "overdue": "an action is overdue",
    "off_track": "an action is off track",
    "at_risk": "an action is at risk",
    "not_started": "an action is not started",
    "not_recorded": "an action has no status recorded",
}


def _action_words(states: Sequence[str], which: Sequence[str]) -> list[str]:
    """A phrase for each of ``which`` that some action is in (never how many: the count may be withheld)."""
    return [ACTION_WORDS[state] for state in which if state in states]


def linked_ids(figure_ids: Sequence[str], present: Mapping[str, object]) -> tuple[list[str], list[str]]:
    """A finding's linked figures as headline ids (a monthly series stands for its headline; each once), and the ids
    it names that this pack does not have (``present``: the pack's figures by id), to be ignored with a warning."""
    found, absent = [], []
    for figure_id in figure_ids:
        (found if figure_id in present else absent).append(figure_id)
    return list(dict.fromkeys(headline_of(i) for i in found)), absent


def evidence_of(
    figure_id: str, values: Mapping[str, object], variations: Mapping[str, str | None], params: Params, domain: bool = False
) -> Evidence:
    """One linked headline figure's evidence: its target in force at ``period_end``, its RAG rating at the value as the
    page shows it (``values``: exact values by id), and its monthly series' SPC variation (``variations``, by series id)."""
    indicator = describe(figure_id)
    target = target_in_force(params.targets.get(figure_id), params.period_end)
    value = values.get(figure_id)
    rating = rag(as_shown(value, indicator.kind, figure_id), target, indicator.better) if isinstance(value, (int, float)) else None
    variation = None if domain else variations.get(monthly_id(figure_id))
    return Evidence(figure_id, indicator.label, target is not None, rating, variation)


def linked_evidence(
    figure_ids: Sequence[str], domains: Sequence[str], values: Mapping[str, object], variations: Mapping[str, str | None], params: Params
) -> list[Evidence]:
    """The evidence of a finding's linked headline figures (in the pack) and of those of its audit domains with a target."""
    evidence = [evidence_of(i, values, variations, params) for i in figure_ids]
    with_target = [f"{DOMAIN_FIGURE}.{d}" for d in domains if f"{DOMAIN_FIGURE}.{d}" in params.targets]
    return evidence + [evidence_of(i, values, variations, params, domain=True) for i in with_target if i not in figure_ids]


def readiness_id(finding_id: str) -> str:
    """The id of a finding's readiness in ``figures.json``: ``findings.<finding_id>.readiness`` (not a figure: its value
    is a word, kept under ``readiness``)."""
    return ".".join(("findings", finding_id, "readiness"))


def area_words(area: str) -> str:
    """A finding's area in words: ``front_door`` → ``Front door``; a council's own workstream name as written, its
    underscores as spaces."""
    if area in AREA_WORDS:
        return AREA_WORDS[area]
    words = str(area).replace("_", " ").strip()
    return f"{words[:1].upper()}{words[1:]}"


@dataclass(frozen=True)
class BoardLine:
    """The Board summary's line on one finding: its source, area in words, readiness (``None``: not rated) and why."""

    finding_id: str
    source: str
    area: str
    priority: bool
    rating: str | None
    why: str
    shared: bool = False  # another finding has the same source and area

    @property
    def rating_words(self) -> str:
        """``Red``, ``Amber``, ``Green`` or ``Not rated``."""
        return self.rating.capitalize() if self.rating else "Not rated"

    def text(self) -> str:
        """The line as plain text: ``ILACS 2024, Front door (priority): Red. An action is overdue.``"""
        return f"{self.where}: {self.rating_words}. {self.why}"

    @property
    def where(self) -> str:
        """Its source and area: ``ILACS 2024, Front door (priority)``."""
        return f"{self.source}, {self.area}{self.tags}"

    @property
    def tags(self) -> str:
        """`` (priority)`` for a priority finding, then its id when another finding has the same source and area."""
        return f"{' (priority)' if self.priority else ''}{f' ({self.finding_id})' if self.shared else ''}"


def lines_markdown(lines: Sequence[BoardLine]) -> str:
    """The lines as a Markdown list, each finding's id and readiness in bold, its words escaped (input text is data)."""
    return "\n".join(
        f"- **{markdown_escape(line.rating_words)}**: {markdown_escape(line.where)}. {markdown_escape(line.why)}" for line in lines
    )


def board_lines(document: Mapping) -> list[BoardLine]:
    """One :class:`BoardLine` per finding of a ``figures.json`` document (its ``findings``), in the register's order;
    none for a pack without a findings register."""
    readiness = document.get("readiness") or {}
    findings = document.get("findings") or {}
    places = Counter((entry["source"], area_words(entry["area"])) for entry in findings.values())
    return [
        BoardLine(
            finding_id,
            entry["source"],
            area_words(entry["area"]),
            bool(entry.get("priority")),
            readiness.get(readiness_id(finding_id)),
            entry.get("why", ""),
            places[entry["source"], area_words(entry["area"])] > 1,
        )
        for finding_id, entry in findings.items()
    ]
