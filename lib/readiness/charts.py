"""One chart style for every pack: fixed grade colours, a colour-blind-safe palette, SVG output.

Charts are returned as matplotlib figures; :func:`to_html` embeds one as an inline SVG
``<img>`` with alt text, deterministically (fixed hash salt, no date in the metadata).
"""
from __future__ import annotations

import base64
import io
from html import escape

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib.ticker import PercentFormatter  # noqa: E402

GRADES = ("outstanding", "good", "requires_improvement", "inadequate")
GRADE_LABELS = {
    "outstanding": "Outstanding",
    "good": "Good",
    "requires_improvement": "Requires improvement",
    "inadequate": "Inadequate",
}
# Ofsted grades: blue-green for good practice, orange-red for poor; distinct in all common colour-vision deficiencies.
GRADE_COLOURS = {
    "outstanding": "#1b7837",
    "good": "#7fbf7b",
    "requires_improvement": "#f1a340",
    "inadequate": "#b2182b",
}
# Okabe-Ito palette, safe for colour-blind readers.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")

STYLE = {
    "font.family": "DejaVu Sans",
    "font.size": 10,
    "axes.titlesize": 11,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "axes.grid.axis": "y",
    "grid.color": "#dddddd",
    "axes.prop_cycle": matplotlib.cycler(color=PALETTE),
    "legend.frameon": False,
    "figure.figsize": (8, 3.6),
    "figure.dpi": 100,
    "svg.fonttype": "none",
    "svg.hashsalt": "readiness",
}


def new_figure(title: str, size: tuple[float, float] | None = None):
    """A figure and axes in the pack's style, titled with the finding it shows."""
    with plt.rc_context(STYLE):
        fig, ax = plt.subplots(figsize=size or STYLE["figure.figsize"])
        ax.set_title(title)
    return fig, ax


def to_html(fig, alt: str) -> str:
    """Embed ``fig`` as an SVG ``<img>`` with alt text, then close it."""
    buffer = io.BytesIO()
    with plt.rc_context(STYLE):
        fig.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None, "Creator": None})
    plt.close(fig)
    data = base64.b64encode(buffer.getvalue()).decode("ascii")
    return f'<figure class="chart"><img src="data:image/svg+xml;base64,{data}" alt="{escape(alt)}"></figure>'


def stacked_grades(counts: pd.DataFrame, title: str, xlabel: str = ""):
    """100% stacked bars of grade shares, one bar per row of a counts-by-grade table."""
    shares = counts[list(GRADES)].div(counts[list(GRADES)].sum(axis=1).replace(0, pd.NA), axis=0).fillna(0)
    fig, ax = new_figure(title)
    with plt.rc_context(STYLE):
        bottom = pd.Series(0.0, index=shares.index)
        labels = [str(i) for i in shares.index]
        for grade in GRADES:
            ax.bar(labels, shares[grade], bottom=bottom, color=GRADE_COLOURS[grade], label=GRADE_LABELS[grade])
            bottom += shares[grade]
        ax.yaxis.set_major_formatter(PercentFormatter(1.0))
        ax.set_ylim(0, 1)
        ax.set_xlabel(xlabel)
        ax.tick_params(axis="x", rotation=45 if len(labels) > 6 else 0)
        ax.legend(loc="upper left", bbox_to_anchor=(1, 1))
    return fig


def share_trend(series: pd.DataFrame, title: str, target: float | None = None):
    """Lines of shares by month (one line per column; missing months leave gaps)."""
    fig, ax = new_figure(title)
    with plt.rc_context(STYLE):
        for column in series.columns:
            ax.plot(series.index.astype(str), series[column].astype(float), marker="o", label=str(column))
        if target is not None:
            ax.axhline(target, color="#555555", linestyle="--", linewidth=1, label="Target")
        ax.yaxis.set_major_formatter(PercentFormatter(1.0))
        ax.set_ylim(0, 1.05)
        ax.tick_params(axis="x", rotation=45)
        if len(series.columns) > 1 or target is not None:
            ax.legend(loc="upper left", bbox_to_anchor=(1, 1))
    return fig


def share_bars(shares: pd.Series, title: str, target: float | None = None):
    """Horizontal bars of one share per category (e.g. team), in the order given."""
    fig, ax = new_figure(title, size=(8, 0.45 * len(shares) + 1.2))
    with plt.rc_context(STYLE):
        labels = [str(i) for i in shares.index][::-1]
        ax.barh(labels, shares.astype(float).fillna(0)[::-1], color=PALETTE[0])
        if target is not None:
            ax.axvline(target, color="#555555", linestyle="--", linewidth=1)
        ax.xaxis.set_major_formatter(PercentFormatter(1.0))
        ax.set_xlim(0, 1)
        ax.grid(axis="x", color="#dddddd")
        ax.grid(axis="y", visible=False)
    return fig


def count_bars(counts: pd.DataFrame, title: str):
    """Grouped bars of counts by row (e.g. month), one colour per column."""
    fig, ax = new_figure(title)
    with plt.rc_context(STYLE):
        counts.astype(float).plot.bar(ax=ax, width=0.8, color=PALETTE[: len(counts.columns)])
        ax.tick_params(axis="x", rotation=45)
        ax.set_xlabel("")
        ax.legend(loc="upper left", bbox_to_anchor=(1, 1))
    return fig
