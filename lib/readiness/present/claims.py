"""Commentary that claims a change the SPC chart does not show gets a note beside it (``pack.md`` version 4, Words).

A sentence of a section's commentary *claims a change* when it holds a claim word (improved, better, worse, declined,
reduced…) and *mentions a figure* when it shares enough words with the figure's name (its label or the phrases its
declaration gives). A claim about figures whose monthly series reads common cause gets "the chart shows no change
beyond normal variation yet". The words are matched on their first five letters, so "grades" meets "graded".
"""

from __future__ import annotations

import re
from typing import Callable, Mapping

CLAIM_WORDS = (
    "improve",
    "improved",
    "improves",
    "improving",
    "improvement",
    "better",
    "worse",
    "worsened",
    "worsening",
    "deteriorated",
    "deteriorating",
    "deterioration",
    "declined",
    "declining",
    "decline",
    "increased",
    "increasing",
    "increase",
    "rose",
    "risen",
    "rising",
    "fell",
    "fallen",
    "falling",
    "reduced",
    "reducing",
    "reduction",
    "dropped",
    "grown",
    "growing",
)
"""Words that say a figure changed."""
COMMON_WORDS = frozenset(
    "the a an and or of in on at to for by with within from than that this those these its their as is are was were be "
    "been has have had not no more most less all any each per who whose which when where share rate number count "
    "children child young people month months period".split()
)
"""Words too common to tell figures apart."""
NOTE = "the chart shows no change beyond normal variation yet"
STEM = 5


def stems(text: str) -> set[str]:
    """The words of ``text`` that tell figures apart, each cut to its first :data:`STEM` letters."""
    return {word[:STEM] for word in re.findall(r"[a-z]+", text.lower()) if len(word) > 2 and word not in COMMON_WORDS}


def sentences(text: str) -> list[str]:
    """``text`` (Markdown) split into sentences."""
    return [s.strip() for s in re.split(r"(?<=[.!?])[*_]*\s+|\n\s*\n", text) if s.strip()]


def claims_a_change(sentence: str) -> bool:
    words = set(re.findall(r"[a-z]+", sentence.lower()))
    return any(word in words for word in CLAIM_WORDS)


def mentioned(sentence: str, names: Mapping[str, list[str]]) -> list[str]:
    """The figures ``sentence`` mentions most: per figure, the most words it shares with one of its ``names``; those
    sharing the most, at least two (or all of a one-word name)."""
    words = stems(sentence)
    scores = {}
    for figure_id, figure_names in names.items():
        scores[figure_id] = max(
            (len(words & stems(name)) if len(stems(name)) > 1 else 2 * len(words & stems(name)) for name in figure_names), default=0
        )
    best = max(scores.values(), default=0)
    return [figure_id for figure_id, score in scores.items() if score >= 2 and score == best]


def unsupported_claims(text: str, names: Mapping[str, list[str]], variation: Callable[[str], str | None]) -> list[tuple[str, list[str]]]:
    """Each sentence of ``text`` that claims a change of figures whose monthly series reads common cause
    (``variation``: a figure id's SPC variation, asked only of the figures a claim mentions), with those figures:
    ``[(sentence, [figure ids])]``. A claim about a figure with special-cause variation, or no reading, is left alone."""
    found = []
    for sentence in sentences(text):
        if not claims_a_change(sentence):
            continue
        figures = mentioned(sentence, names)
        if figures and all(variation(figure_id) == "common_cause" for figure_id in figures):
            found.append((sentence, figures))
    return found


def claim_notes(text: str, names: Mapping[str, list[str]], variation: Callable[[str], str | None]) -> str:
    """The notes to show beside ``text``, a Markdown line each ("" when there is none): the figure's name, and
    :data:`NOTE`."""
    notes = []
    for _, figures in unsupported_claims(text, names, variation):
        for figure_id in figures:
            line = f"*Note: {names[figure_id][0]} — {NOTE}.*"
            if line not in notes:
                notes.append(line)
    return "\n\n".join(notes)
