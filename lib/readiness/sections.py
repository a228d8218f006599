"""The pack's sections: one numbered notebook each, in the order of the ``notebooks/`` folder."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import nbformat

from .params import Params

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"


@dataclass(frozen=True)
class Section:
    """A notebook, the title it goes under and the inputs it needs."""

    path: Path
    title: str
    needs: tuple[str, ...]

    @property
    def slug(self) -> str:
        """The notebook's name without its number, e.g. ``case_audits``."""
        return self.path.stem.split("_", 1)[-1]


def all_sections(folder: Path = NOTEBOOKS) -> list[Section]:
    """Every notebook in ``folder``, in file-name order, with its ``readiness`` metadata."""
    sections = []
    for path in sorted(folder.glob("[0-9][0-9]_*.ipynb")):
        meta = nbformat.read(path, as_version=4).metadata.get("readiness", {})
        sections.append(Section(path, meta.get("title", path.stem), tuple(meta.get("needs", ()))))
    return sections


def is_available(section: Section, params: Params) -> bool:
    """Whether the parameters name every input the section needs (any one Annex A list counts as ``annex_a``)."""
    given = {key for key, value in params.data.model_dump().items() if value is not None}
    return all(need.split(".")[0] in given for need in section.needs)
