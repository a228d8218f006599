"""Render the Board pack: one self-contained ``index.html`` with no code and no network requests."""

from __future__ import annotations

import logging
import re
from functools import lru_cache
from itertools import groupby
from pathlib import Path
from typing import Iterable

import jinja2
import nbformat
from nbconvert import HTMLExporter

from readiness.config.params import Params
from readiness.config.references import read_baseline
from readiness.errors import Problem
from readiness.inputs.coverage import describe_coverage
from readiness.inputs.validate import quality_rows
from readiness.paths import TEMPLATES
from readiness.present.glossary import glossary, visible_text
from readiness.present.icons import icon_key
from readiness.present.vitals import comparison_columns, load_history, vital_signs
from readiness.safetext import without_bidi

from .board import board_pages, headline_rows, section_groups
from .marking import MARKINGS
from .sections import BOARD_TAG, Section, board_cells

log = logging.getLogger("readiness")


def section_body(notebook_path: Path, slug: str) -> str:
    """The HTML of an executed notebook's cells tagged ``board``, outputs and narrative: no code, no prompts, no streams.

    The log says which cells it took and which it left out (an analyst's own, untagged). Heading
    anchors are prefixed with the section's ``slug``, so that two sections' headings ("Assumptions
    and caveats") never share an id in the pack.
    """
    notebook = nbformat.read(notebook_path, as_version=4)
    notebook.cells, left_out = board_cells(notebook.cells)
    log.info("%s: cells taken (tagged %s): %s", notebook_path.name, BOARD_TAG, " ".join(cell.id for cell in notebook.cells) or "none")
    if left_out:
        log.info("%s: cells left out (not tagged %s): %s", notebook_path.name, BOARD_TAG, " ".join(cell.id for cell in left_out))
    for index, cell in enumerate(notebook.cells):
        cell.id = f"c{index}"
        if cell.cell_type == "code":
            cell.outputs = [o for o in cell.outputs if o.output_type != "stream"]
    body, _ = exporter().from_notebook_node(notebook)
    return re.sub(r'(id="|href="#)', rf"\g<1>{slug}--", body)


def warm_up() -> None:
    """Load what turning a section into HTML loads the first time in a process (nbconvert's templates, its Markdown
    parser, BeautifulSoup's and soupsieve's patterns: about a quarter of a second), by turning a small notebook into
    HTML: a build does it while its inputs are read, so that each process running sections starts with them."""
    output = nbformat.v4.new_output("display_data", data={"text/html": '<table class="data"><tr><td>1</td></tr></table><img alt="">'})
    cells = [
        nbformat.v4.new_markdown_cell("# Heading\n\nSome *words* and a [link](#heading)."),
        nbformat.v4.new_code_cell(outputs=[output]),
    ]
    exporter().from_notebook_node(nbformat.v4.new_notebook(cells=cells))


@lru_cache(maxsize=1)
def exporter() -> HTMLExporter:
    """nbconvert's HTML exporter without code, prompts or anchor marks (its templates load once)."""
    return HTMLExporter(
        template_name="basic", exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True, anchor_link_text=""
    )


def render_pack(
    params: Params,
    document: dict,
    warnings: list[Problem],
    bodies: Iterable[tuple[Section, str]],
    missing: list[str],
    path: Path,
    small: frozenset[str] = frozenset(),
) -> None:
    """Write the pack's ``index.html`` from its figures, warnings, section bodies and the titles of sections left out;
    ``small`` are the ids a public edition withholds as small numbers (a sentinel among them reads "1 to N").

    The glossary holds the terms the rest of the page uses. Every bidirectional-text control is removed from the page,
    wherever it came from."""
    history = load_history(params.history)
    baseline = read_baseline(params.baseline) if params.baseline else None
    benchmarks, comparators = comparison_columns(document.get("comparators", {}))
    rows = vital_signs(document, params, benchmarks, history, baseline, comparators)
    sections = [{"slug": s.slug, "stem": s.path.stem, "title": s.title, "body": body} for s, body in bodies]
    board = board_pages(params, document, rows, history, {s["title"]: s["slug"] for s in sections}, small)
    first, groups = section_groups(params.workstreams, sections)
    environment = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True, keep_trailing_newline=True)
    context = dict(
        params=params,
        document=document,
        marking=MARKINGS[params.audience],
        coverage=describe_coverage(document.get("coverage", {})),
        vitals=[(theme, list(group)) for theme, group in groupby(rows, key=lambda r: r.indicator.theme)],
        icon_key=icon_key(),
        board=board,
        headlines={s["slug"]: headline_rows(board.scorecard, s["title"]) for s in sections},
        history_labels=[f"{doc['period_end']}" for doc in history],
        baseline_label=baseline and f"Baseline ({baseline.get('period_end', 'no date')})",
        comparator_sources=sorted({r.comparator_source for r in rows if r.comparator_source}),
        published_column=any(r.published != "–" for r in rows),
        warnings=quality_rows(warnings, in_pack=True),
        first_sections=first,
        groups=groups,
        missing_sections=missing,
        css=(TEMPLATES / "pack.css").read_text(encoding="utf-8"),
    )
    template = environment.get_template("pack.html.j2")
    terms = glossary(visible_text(template.render(**context, terms=[])), params.round_to)
    path.write_text(without_bidi(template.render(**context, terms=terms)), encoding="utf-8")
