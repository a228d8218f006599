"""The pack's sections: one numbered notebook each, in the order of the ``notebooks/`` folder."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import nbformat

from readiness.inputs.bundle import Inputs
from readiness.paths import NOTEBOOKS, notebook_files

BOARD_TAG = "board"
"""The cell tag that puts a cell into the Board pack: every cell the project ships has it; an analyst's own cell, only
when they add it."""


@dataclass(frozen=True)
class Section:
    """A notebook, the title it goes under, the inputs it needs, those it also reads when present, and those in whose
    presence it has no place (``unless``: a section for a pack from the statutory returns alone, ``annex_a``)."""

    path: Path
    title: str
    needs: tuple[str, ...]
    uses: tuple[str, ...] = ()
    unless: tuple[str, ...] = ()

    @property
    def reads(self) -> tuple[str, ...]:
        """Every input whose change can change the section."""
        return self.needs + self.uses

    @property
    def slug(self) -> str:
        """The notebook's name without its number, e.g. ``case_audits``."""
        return self.path.stem.split("_", 1)[-1]


def all_sections(folder: Path = NOTEBOOKS) -> list[Section]:
    """Every notebook in ``folder``, in file-name order, with its ``readiness`` metadata."""
    sections = []
    for path in notebook_files(folder):
        meta = nbformat.read(path, as_version=4).metadata.get("readiness", {})
        needs, uses, unless = (tuple(meta.get(key, ())) for key in ("needs", "uses", "unless"))
        sections.append(Section(path, meta.get("title", path.stem), needs, uses, unless))
    return sections


def is_available(section: Section, inputs: Inputs) -> bool:
    """Whether the inputs hold everything the section needs (extracts by name, Annex A lists as ``list_N``) and none of
    the inputs it has no place beside."""
    return all(inputs.has(need) for need in section.needs) and not is_superseded(section, inputs)


def is_superseded(section: Section, inputs: Inputs) -> bool:
    """Whether an input the section has no place beside was given (the section is then neither shown nor left out)."""
    return any(inputs.has(name) for name in section.unless)


NEED_WORDS = {"returns": "statutory return"}
"""Inputs a section may need that are not one file, in words."""


def missing_inputs(section: Section, inputs: Inputs) -> list[str]:
    """The inputs a section needs that were not given, in words (``List 5``, ``case_audits``)."""
    return [NEED_WORDS.get(need, need.replace("list_", "List ")) for need in section.needs if not inputs.has(need)]


def left_out(sections: list[Section], inputs: Inputs) -> list[str]:
    """Each section the inputs cannot support, with the reason: ``Child protection (no List 5)``."""
    return [
        f"{s.title} (no {' or '.join(missing_inputs(s, inputs))} in the data given)"
        for s in sections
        if not is_available(s, inputs) and not is_superseded(s, inputs)
    ]


def tags(cell) -> list[str]:
    return cell.get("metadata", {}).get("tags", [])


def is_parameters(cell) -> bool:
    """A parameters cell: the notebook's own, or the one papermill injects."""
    return "parameters" in tags(cell) or "injected-parameters" in tags(cell)


def board_cells(cells: list) -> tuple[list, list]:
    """The cells that go into the pack (tagged :data:`BOARD_TAG`), and those left out (untagged), parameters cells aside."""
    taken = [cell for cell in cells if BOARD_TAG in tags(cell) and not is_parameters(cell)]
    left_out = [cell for cell in cells if BOARD_TAG not in tags(cell) and not is_parameters(cell)]
    return taken, left_out
