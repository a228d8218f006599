"""Near-miss headings (``inputs.md`` section 4): a heading one punctuation mark or space from a declared one.

A real export may carry a doubled bracket (``… (Y/N))``), a stray full stop or a missing ``?``. A column
that no heading found is taken from the one unmatched heading one such edit from any of its headings,
with a warning naming both; with two such headings, or none, nothing is taken and the column stays missing.
"""

from __future__ import annotations

from .schema import TableSpec
from .values import heading_key


def is_punctuation_or_space(character: str) -> bool:
    """Whether ``character`` is neither a letter nor a digit."""
    return not character.isalnum()


def one_punctuation_edit(theirs: str, ours: str) -> bool:
    """Whether two folded headings differ by exactly one punctuation mark or space: one added, dropped or changed.

    >>> one_punctuation_edit("within the last 12 months (y/n))", "within the last 12 months (y/n)")
    True
    >>> one_punctuation_edit("date of contact.", "date of contact"), one_punctuation_edit("date of contacts", "date of contact")
    (True, False)
    """
    if abs(len(theirs) - len(ours)) > 1 or theirs == ours:
        return False
    if len(theirs) == len(ours):
        differing = [(a, b) for a, b in zip(theirs, ours) if a != b]
        return len(differing) == 1 and all(map(is_punctuation_or_space, differing[0]))
    longer, shorter = (theirs, ours) if len(theirs) > len(ours) else (ours, theirs)
    position = next((i for i, (a, b) in enumerate(zip(longer, shorter)) if a != b), len(shorter))
    return is_punctuation_or_space(longer[position]) and longer[position + 1 :] == shorter[position:]


def near_misses(headings: list[str], names: dict[int, str], spec: TableSpec) -> dict[int, str]:
    """Column position → column name, for each declared column no heading found (``names``: those found) whose
    headings are one punctuation or spacing edit from exactly one heading that found nothing."""
    if not spec.checked:
        return {}
    ignored = {heading_key(h) for h in spec.ignored}
    unmatched = {
        position: heading_key(heading)
        for position, heading in enumerate(headings)
        if position not in names and heading_key(heading) and heading_key(heading) not in ignored
    }
    found = set(names.values())
    taken: dict[int, str] = {}
    for column in spec.columns:
        if column.name in found:
            continue
        keys = {heading_key(h) for h in column.headings}
        candidates = [position for position, key in unmatched.items() if any(one_punctuation_edit(key, k) for k in keys)]
        if len(candidates) == 1 and candidates[0] not in taken:
            taken[candidates[0]] = column.name
    return taken
