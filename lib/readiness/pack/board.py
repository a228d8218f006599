"""The Board paper's front pages, assembled: the cover's edition and next visit, the Board summary, the scorecard, and
the sections grouped by the improvement plan's workstreams (pack.md version 4, *The pack's order*)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from readiness.config.board import Workstream, scorecard_ids, sentinel_ids
from readiness.config.params import COMMENTARY_LIMIT, Params
from readiness.files import read_side_file
from readiness.present.board_summary import Change, Sentinel, sentinels, target_changes, variation_changes
from readiness.present.findings import BoardLine, board_lines
from readiness.present.glance import GlanceLine, months_behind, no_improvement_words, to_note
from readiness.present.scorecard import ScorecardRow, scorecard
from readiness.present.vitals import VitalSign, history_values
from readiness.safetext import markdown_html

FINDINGS_SLUG = "findings"  # the findings section (notebooks/00_findings) comes before the workstreams' sections
BOARD_SUMMARY_FILE = "board_summary.md"  # the commentary's note of what the Board is asked to note or decide
OTHER_SECTIONS = "Other sections"


def edition(params: Params) -> str:
    """Which edition the reader holds, as the cover says it."""
    if params.audience == "internal":
        return "Board edition (internal, OFFICIAL-SENSITIVE)"
    return f"Published edition (numbers from 1 to {params.suppress_up_to} withheld)"


def long_date(day: date) -> str:
    """``20 January 2026``."""
    return f"{day.day} {day:%B %Y}"


def next_visit_words(params: Params) -> str | None:
    """``Monitoring visit 5 on 20 January 2026: help and protection``; ``None`` without a next visit."""
    visit = params.next_visit
    if visit is None:
        return None
    title = visit.title or "Next visit"
    theme = f": {visit.theme_words.lower()}" if visit.theme_words else ""
    return f"{title} on {long_date(visit.date)}{theme}"


def board_commentary(folder: Path | None) -> str | None:
    """The commentary's ``board_summary.md`` as safe HTML (read as every commentary file is), ``None`` when not given."""
    path = folder / BOARD_SUMMARY_FILE if folder else None
    if path is None or not path.is_file():
        return None
    text = read_side_file(path, COMMENTARY_LIMIT)
    return markdown_html(text) if text.strip() else None


@dataclass(frozen=True)
class BoardPages:
    """What the cover, Board summary and scorecard show, beyond the vital signs."""

    edition: str
    next_visit: str | None
    scorecard: list[ScorecardRow]
    sentinels: list[Sentinel]
    to_note: list[GlanceLine]
    no_improvement: str | None  # said when no figure shows special-cause improvement
    changes: list[Change] | None  # None: no earlier pack to compare with
    commentary: str | None
    findings: list[BoardLine] = field(default_factory=list)  # one line per finding of the register


def board_pages(
    params: Params,
    document: dict,
    rows: list[VitalSign],
    history: list[dict],
    section_slugs: dict[str, str],
    small: frozenset[str] = frozenset(),
) -> BoardPages:
    """The Board pages of a pack from its figures.json ``document``, vital-signs ``rows`` and ``history`` packs (the last
    one is the last Board's); ``small`` are the ids withheld as small numbers (a sentinel among them reads "1 to N");
    readiness against each finding comes from the document's findings register, when it has one."""
    card = scorecard(scorecard_ids(params.scorecard, document), rows, params.targets, params.next_visit and params.next_visit.date)
    noted = to_note(rows, section_slugs)
    last = history[-1] if history else None
    changes = None
    if last is not None:
        last_values = history_values(last, params.suppression_threshold, params.rounding)
        changes = variation_changes(document, last) + target_changes(document, last, last_values, params.targets)
    improving = any((row.spc or {}).get("variation") == "improvement" for row in rows)
    return BoardPages(
        edition=edition(params),
        next_visit=next_visit_words(params),
        scorecard=card,
        sentinels=sentinels(sentinel_ids(params.sentinels, document), document, params.suppress_up_to, small),
        to_note=noted,
        no_improvement=None if improving else no_improvement_words(months_behind(document.get("spc", {}))),
        changes=changes,
        commentary=board_commentary(params.commentary),
        findings=board_lines(document),
    )


@dataclass(frozen=True)
class SectionGroup:
    """Sections shown together: under a workstream's title, or untitled (no workstreams: the ILACS order)."""

    title: str | None
    sections: list[dict]


def section_groups(workstreams: list[Workstream], sections: list[dict]) -> tuple[list[dict], list[SectionGroup]]:
    """The findings section (shown first), then the other sections grouped by ``workstreams`` in the Board's order (a
    section named twice under the first), those no workstream names last under "Other sections"; without workstreams,
    one untitled group in the notebooks' (ILACS) order. Each section is a dict with its ``stem`` and ``slug``."""
    first = [s for s in sections if s["slug"] == FINDINGS_SLUG]
    rest = [s for s in sections if s["slug"] != FINDINGS_SLUG]
    if not workstreams:
        return first, [SectionGroup(None, rest)] if rest else []
    by_stem = {s["stem"]: s for s in rest}
    placed: set[str] = set()
    groups = []
    for workstream in workstreams:
        members = [by_stem[stem] for stem in dict.fromkeys(workstream.sections) if stem in by_stem and stem not in placed]
        placed.update(s["stem"] for s in members)
        if members:
            groups.append(SectionGroup(workstream.title, members))
    others = [s for s in rest if s["stem"] not in placed]
    return first, groups + ([SectionGroup(OTHER_SECTIONS, others)] if others else [])


def headline_rows(card: list[ScorecardRow], title: str) -> list[ScorecardRow]:
    """The scorecard's figures of the section titled ``title`` (its theme): shown at the section's start."""
    return [line for line in card if line.row.indicator.theme == title]
