"""One chart style for every pack: fixed grade colours, a colour-blind-safe palette, SVG output.

Charts are returned as matplotlib figures; :func:`to_html` embeds one as an inline SVG
``<img>`` with alt text, deterministically (fixed hash salt, no date in the metadata).
"""

from __future__ import annotations

import base64
import io
import re
import textwrap
from html import escape

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib.backends.backend_svg import RendererSVG  # noqa: E402
from matplotlib.ticker import PercentFormatter  # noqa: E402
from matplotlib.transforms import Bbox  # noqa: E402

from readiness.indicators.audits import GRADES  # noqa: E402

GRADE_LABELS = {"outstanding": "Outstanding", "good": "Good", "requires_improvement": "Requires improvement", "inadequate": "Inadequate"}
# Ofsted grades: blue-green for good practice, orange-red for poor; distinct in all common colour-vision deficiencies.
GRADE_COLOURS = {"outstanding": "#1b7837", "good": "#7fbf7b", "requires_improvement": "#f1a340", "inadequate": "#b2182b"}
# Okabe-Ito palette, safe for colour-blind readers.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")

STYLE = {
    "font.family": "DejaVu Sans",
    "font.size": 10,
    "axes.titlesize": 11,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    # The title at the top of the axes, where matplotlib would put it (x axis at the bottom, no offset text): said once,
    # so that saving a chart does not measure every tick label three times over to place it (a quarter of its cost).
    "axes.titley": 1.0,
    "axes.formatter.useoffset": False,
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
    # Labels from the inputs are text, never TeX: a team named "$x$" shows as typed and cannot crash a chart.
    "text.usetex": False,
    "text.parse_math": False,
}


SVG_DPI = 72  # matplotlib draws every SVG at 72 dots per inch (one user unit a point)


def tight_box(fig) -> Bbox:
    """The box (inches) around all ``fig`` draws, padded as ``bbox_inches="tight"`` pads it and measured as the SVG
    backend measures it (at 72 dpi, text by its outlines), without drawing the figure first: "tight" draws every
    chart twice, once only to measure it. Saved in this box at 72 dpi, the SVG is byte for byte the one "tight" gives."""
    dpi = fig.dpi
    fig.dpi = SVG_DPI
    try:
        width, height = fig.get_size_inches() * SVG_DPI
        return fig.get_tightbbox(RendererSVG(width, height, io.StringIO())).padded(plt.rcParams["savefig.pad_inches"])
    finally:
        fig.dpi = dpi


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
        fig.savefig(buffer, format="svg", bbox_inches=tight_box(fig), dpi=SVG_DPI, metadata={"Date": None, "Creator": None})
    plt.close(fig)
    data = base64.b64encode(buffer.getvalue()).decode("ascii")
    return f'<figure class="chart"><img src="data:image/svg+xml;base64,{data}" alt="{escape(alt)}"></figure>'


WITHHELD_COLOUR = "#bdbdbd"
# Grades withheld one by one but published as a pair (through the good-or-better share): paler tints.
POOLED = {
    "good_or_better_withheld": ("Outstanding or Good (split withheld)", "#d9f0d3"),
    "below_good_withheld": ("Requires improvement or Inadequate (split withheld)", "#fddbb0"),
    "withheld": ("Withheld (small numbers)", WITHHELD_COLOUR),
}
GOOD_OR_BETTER_SHARE = "good_or_better_share"


def grade_shares(board: pd.DataFrame, total: str) -> pd.DataFrame:
    """Each grade's share of its row's ``total`` from a Board-safe table; withheld cells pooled.

    Withheld grades (``[c]``) are pooled: when the row's good-or-better share is shown, into
    "Outstanding or Good" and "Requires improvement or Inadequate" (the table gives both sums
    away already); otherwise into one ``withheld`` share, which the row's total gives away.
    Rows whose total is withheld or zero are left out.
    """
    totals = pd.to_numeric(board[total], errors="coerce")
    keep = totals > 0
    shares = board.loc[keep, list(GRADES)].apply(pd.to_numeric, errors="coerce").div(totals[keep], axis=0)
    unknown = (1 - shares.sum(axis=1, min_count=0)).clip(lower=0)
    good_or_better = pd.to_numeric(board.get(GOOD_OR_BETTER_SHARE, pd.Series(index=board.index)), errors="coerce")[keep]
    known = good_or_better.notna()
    good_withheld = (good_or_better - shares[["outstanding", "good"]].sum(axis=1, min_count=0)).clip(lower=0, upper=unknown)
    shares["good_or_better_withheld"] = good_withheld.where(known, 0)
    shares["below_good_withheld"] = (unknown - good_withheld).where(known, 0)
    shares["withheld"] = unknown.where(~known, 0)
    return shares.fillna(0).clip(lower=0)


def stacked_grades(board: pd.DataFrame, title: str, total: str = "audits", xlabel: str = ""):
    """100% stacked bars of grade shares, one bar per row of a Board-safe counts-by-grade table."""
    shares = grade_shares(board, total)
    fig, ax = new_figure(title)
    with plt.rc_context(STYLE):
        labels = [str(i) for i in shares.index]
        bottom = pd.Series(0.0, index=shares.index)
        names = {**{g: (GRADE_LABELS[g], GRADE_COLOURS[g]) for g in GRADES}, **POOLED}
        order = ["outstanding", "good", "good_or_better_withheld", "requires_improvement", "inadequate", "below_good_withheld", "withheld"]
        for column in order:
            if column in POOLED and not shares[column].gt(1e-9).any():
                continue
            label, colour = names[column]
            ax.bar(labels, shares[column], bottom=bottom, color=colour, label=label)
            bottom += shares[column]
        ax.yaxis.set_major_formatter(PercentFormatter(1.0))
        ax.set_ylim(0, 1)
        ax.set_xlabel(xlabel)
        _slant_crowded_labels(ax, labels)
        ax.legend(loc="upper left", bbox_to_anchor=(1, 1))
    return fig


def _slant_crowded_labels(ax, labels: list[str]) -> None:
    """Slant x labels when there are many or they are long, so they never overlap; a long run of months is thinned instead."""
    if _label_months(ax, labels):
        return
    if len(labels) > 6 or max(map(len, labels), default=0) > 12:
        plt.setp(ax.get_xticklabels(), rotation=40, ha="right")


MONTH_LABEL = re.compile(r"\d{4}-\d{2}")
MOST_MONTH_LABELS = 12
MONTH_STEPS = (1, 2, 3, 6, 12)
MONTH_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def month_ticks(labels: list[str], most: int = MOST_MONTH_LABELS) -> dict[int, str]:
    """Which months of a ``YYYY-MM`` axis to label, by position, so that at most ``most`` labels show.

    Every month up to ``most`` months (labelled as given); beyond that every 2nd, 3rd
    (quarters), 6th or 12th calendar month, named ``Apr``, with the year under January and
    under the first label: 36 months from October 2022 give Oct 2022, Jan 2023, Apr, Jul, Oct, …
    """
    if len(labels) <= most:
        return dict(enumerate(labels))
    step = next(s for s in MONTH_STEPS if -(-len(labels) // s) <= most)
    ticks = {}
    for position, label in enumerate(labels):
        year, month = map(int, label.split("-"))
        if (month - 1) % step == 0:
            name = MONTH_NAMES[month - 1]
            ticks[position] = f"{name}\n{year}" if month == 1 or not ticks else name
    return ticks


def _slant_months(ax, labels: list[str]) -> None:
    """Slant a short run of x labels (as before); thin a long run of months to readable, level labels."""
    if not _label_months(ax, labels):
        ax.tick_params(axis="x", rotation=45)


def _label_months(ax, labels: list[str]) -> bool:
    """Thin the labels of a long categorical month axis (see :func:`month_ticks`); False when it is not one."""
    if len(labels) <= MOST_MONTH_LABELS or not all(MONTH_LABEL.fullmatch(label) for label in labels):
        return False
    ticks = month_ticks(labels)
    ax.set_xticks(list(ticks), list(ticks.values()), rotation=0, ha="center")
    return True


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
        _slant_months(ax, [str(i) for i in series.index])
        if len(series.columns) > 1 or target is not None:
            ax.legend(loc="upper left", bbox_to_anchor=(1, 1))
    return fig


def share_bars(shares: pd.Series, title: str, target: float | None = None):
    """Horizontal bars of one share per category (e.g. team), in the order given.

    A missing share (withheld by disclosure control) draws no bar, never a 0% one, and is marked ``[c]``.
    """
    fig, ax = new_figure(title, size=(8, 0.45 * len(shares) + 1.2))
    with plt.rc_context(STYLE):
        labels = [str(i) for i in shares.index][::-1]
        values = shares.astype(float)[::-1]
        ax.barh(labels, values, color=PALETTE[0])
        for label in (label for label, value in zip(labels, values) if pd.isna(value)):
            ax.annotate("[c]", (0, label), xytext=(3, 0), textcoords="offset points", va="center", fontsize=7, color="#555555")
        if target is not None:
            ax.axvline(target, color="#555555", linestyle="--", linewidth=1)
        ax.xaxis.set_major_formatter(PercentFormatter(1.0))
        ax.set_xlim(0, 1)
        ax.grid(axis="x", color="#dddddd")
        ax.grid(axis="y", visible=False)
    return fig


def count_bars(counts: pd.DataFrame, title: str):
    """Grouped bars of counts by row (e.g. month), one colour per column.

    A missing count (withheld by disclosure control) draws no bar and is marked ``[c]``.
    """
    fig, ax = new_figure(title)
    with plt.rc_context(STYLE):
        values = counts.astype(float)
        values.plot.bar(ax=ax, width=0.8, color=PALETTE[: len(counts.columns)])
        _mark_withheld_bars(ax, values)
        _slant_months(ax, [str(i) for i in counts.index])
        ax.set_xlabel("")
        if len(counts.columns) > 1:
            ax.legend(loc="upper left", bbox_to_anchor=(1, 1))
        else:
            ax.get_legend().remove()
    return fig


def _mark_withheld_bars(ax, values: pd.DataFrame) -> None:
    """Write ``[c]`` at the foot of each bar whose value is missing (one bar container per column)."""
    if values.notna().to_numpy().any():
        ax.set_ylim(bottom=0)
    else:
        ax.set_ylim(0, 1)
        ax.set_yticks([])
    for container, column in zip(ax.containers, values.columns):
        for bar, value in zip(container, values[column]):
            if pd.isna(value):
                ax.annotate(
                    "[c]",
                    (bar.get_x() + bar.get_width() / 2, 0),
                    xytext=(0, 2),
                    textcoords="offset points",
                    ha="center",
                    va="bottom",
                    fontsize=7,
                    color="#555555",
                )


def share_columns(shares: pd.DataFrame, title: str):
    """Grouped bars of shares by row (e.g. before and after for each practice week); missing shares draw no bar."""
    fig, ax = new_figure(title)
    with plt.rc_context(STYLE):
        shares.astype(float).plot.bar(ax=ax, width=0.7, color=PALETTE[: len(shares.columns)])
        ax.yaxis.set_major_formatter(PercentFormatter(1.0))
        ax.set_ylim(0, 1)
        ax.set_xlabel("")
        ax.set_xticklabels([textwrap.fill(str(i), 24) for i in shares.index], rotation=0)
        _mark_withheld_bars(ax, shares.astype(float))
        ax.legend(loc="upper left", bbox_to_anchor=(1, 1))
    return fig


def scatter_teams(table: pd.DataFrame, x: str, y: str, title: str, xlabel: str = "", ylabel: str = ""):
    """One labelled point per team (the table's index) at (``x``, ``y``); a team missing either value is left out.

    A share column (name ending ``_share``) gets a percentage axis. When no team has both
    values (all withheld, say), the chart says so instead of showing empty axes.
    """
    points = table[[x, y]].apply(pd.to_numeric, errors="coerce").dropna()
    fig, ax = new_figure(title, size=(8, 4.2))
    with plt.rc_context(STYLE):
        ax.scatter(points[x], points[y], color=PALETTE[0], s=40, zorder=3)
        for team, row in points.iterrows():
            ax.annotate(str(team), (row[x], row[y]), xytext=(6, 4), textcoords="offset points", fontsize=9)
        for axis, column in ((ax.xaxis, x), (ax.yaxis, y)):
            if column.endswith("_share"):
                axis.set_major_formatter(PercentFormatter(1.0))
        ax.set_xlabel(xlabel or x)
        ax.set_ylabel(ylabel or y)
        ax.grid(axis="x", color="#dddddd")
        ax.margins(0.2)
        left_out = len(table) - len(points)
        if points.empty:
            fig.set_size_inches(8, 1.6)
            ax.set_xlabel("")
            ax.set_ylabel("")
            ax.set_xticks([])
            ax.set_yticks([])
            ax.text(
                0.5,
                0.5,
                "No team has both figures to show:\nthey are withheld (too few records) or not available.",
                ha="center",
                va="center",
                transform=ax.transAxes,
            )
        elif left_out:
            ax.text(
                1,
                -0.22,
                f"{left_out} team(s) left out: a figure withheld or not available.",
                ha="right",
                transform=ax.transAxes,
                fontsize=8,
            )
    return fig


# NHS England's Making Data Count colours: special-cause improvement blue, concern orange, common cause grey;
# high or low on a figure with no better direction purple; the target red.
VARIATION_COLOURS = {"improvement": "#289de0", "concern": "#fab428", "common_cause": "#7b7d7d", "high": "#361475", "low": "#361475"}
VARIATION_NAMES = {
    "improvement": "Special cause: improvement",
    "concern": "Special cause: concern",
    "common_cause": "Common cause",
    "high": "Special cause: high",
    "low": "Special cause: low",
}
TARGET_COLOUR = "#de1b1b"
