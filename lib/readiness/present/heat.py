"""A heat table: a Board-safe grid of shares (e.g. team × month), each cell shaded by its value.

The grid comes from a table that has already passed disclosure control (``Pack.board_table``):
a withheld cell holds ``[c]`` and is shaded grey, a cell with no records is blank. Labels are
escaped, so they are shown as text, never read as markup.
"""

from __future__ import annotations

from html import escape

import pandas as pd

from readiness.disclosure.control import SUPPRESSED

from .formatting import format_value

LOW, HIGH = (0xF2, 0xD7, 0xD5), (0xC8, 0xE6, 0xC9)  # pale red for 0 %, pale green for 100 %
WITHHELD_SHADE = "#d9d9d9"


def shade(value) -> str:
    """The background of one cell: grey when withheld, none when empty, else from pale red (0) to pale green (1)."""
    if isinstance(value, str) and value == SUPPRESSED:
        return WITHHELD_SHADE
    if value is None or pd.isna(value):
        return ""
    rgb = (round(low + (high - low) * float(value)) for low, high in zip(LOW, HIGH))
    return "#" + "".join(f"{part:02x}" for part in rgb)


def cell_html(value) -> str:
    """One ``<td>``: the share as the page shows it (``[c]`` when withheld, ``–`` when empty), shaded."""
    background = shade(value)
    style = f' style="background:{background}"' if background else ""
    return f"<td{style}>{escape(format_value(value, 'share'))}</td>"


def heat_table_html(grid: pd.DataFrame, caption: str) -> str:
    """The grid as an HTML table with its caption: row labels down the side, column labels across the top."""
    header = "".join(f"<th>{escape(str(c))}</th>" for c in grid.columns)
    rows = "".join(
        f"<tr><th>{escape(str(label))}</th>{''.join(cell_html(v) for v in values)}</tr>"
        for label, values in zip(grid.index, grid.to_numpy())
    )
    corner = escape(str(grid.index.name or ""))
    return f'<table class="data heat"><caption>{escape(caption)}</caption><thead><tr><th>{corner}</th>{header}</tr></thead><tbody>{rows}</tbody></table>'


def show_heat(grid: pd.DataFrame, caption: str) -> None:
    """Display a Board-safe grid of shares as a heat table in a notebook."""
    from IPython.display import HTML, display

    display(HTML(heat_table_html(grid, caption)))
