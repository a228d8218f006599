"""The XmR chart of a monthly series (:class:`readiness.present.spc_series.XmrSeries`), in NHS England's *Making Data
Count* colours: points by variation, months before the period hollow, each phase's centre and limits (a break at a
new phase, its month labelled), the baseline its held limits come from shaded, the target; a share's axis kept to
0-100 % (a limit beyond it drawn at the edge), and beside the chart why there is no reading or that few cases a month
let only large changes show."""

from __future__ import annotations

import textwrap

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.ticker import PercentFormatter

from .charts import STYLE, TARGET_COLOUR, VARIATION_COLOURS, VARIATION_NAMES, _slant_months, new_figure
from .narrative import few_a_month, month_name

LIMIT_COLOUR = "#7b7d7d"
BASELINE_COLOUR = "#eef3f8"
NOTE_WIDTH = 30


def xmr_chart(xmr, title: str, kind: str = "share"):
    """An XmR chart of ``xmr``: see the module's description."""
    months = list(xmr.points)
    values = np.array([np.nan if v is None else v for v in xmr.points.values()], dtype=float)
    top = 1.0 if kind == "share" else None
    fig, ax = new_figure(title)
    with plt.rc_context(STYLE):
        ax.plot(np.arange(len(months)), values, color="#b0b0b0", linewidth=1.2, zorder=2)
        _points(ax, months, values, xmr)
        notes = _phases(ax, {m: i for i, m in enumerate(months)}, xmr.phases, top)
        if len(xmr.phases) > 1:
            ax.set_title(title, pad=16)  # room for the phase's label above the plotting area, clear of every point
        if xmr.target is not None:
            ax.axhline(xmr.target, color=TARGET_COLOUR, linestyle=(0, (1, 2)), linewidth=1.5, label="Target")
        ax.set_xticks(range(len(months)), months)
        ax.set_xlim(-0.6, len(months) - 0.4)
        if kind == "share":
            ax.yaxis.set_major_formatter(PercentFormatter(1.0))
            ax.set_ylim(0, 1)
        _slant_months(ax, months)
        notes += [xmr.reason] if xmr.reason else []
        notes += [few_a_month(xmr.per_month)] if xmr.per_month is not None else []
        if notes:
            text = "\n\n".join(textwrap.fill(note, NOTE_WIDTH) for note in notes)
            ax.text(1.02, 0, text, transform=ax.transAxes, ha="left", va="bottom", fontsize=8, color="#444444")
        if ax.get_legend_handles_labels()[0]:
            ax.legend(loc="upper left", bbox_to_anchor=(1, 1), fontsize=8)
    return fig


def _points(ax, months: list[str], values: np.ndarray, xmr) -> None:
    """Markers by variation; a month before the period hollow; each label once in the legend."""
    seen = set()
    for position, (month, value) in enumerate(zip(months, values)):
        if np.isnan(value):
            continue
        variation = xmr.special.get(month, "common_cause")
        colour = VARIATION_COLOURS[variation]
        before = month in xmr.before
        from_returns = xmr.sources.get(month) == "return"  # a square: before Annex A, from the statutory returns
        label = "Before the period" if before and variation == "common_cause" else VARIATION_NAMES[variation]
        label = "From the statutory returns" if from_returns and variation == "common_cause" else label
        ax.plot(
            position,
            value,
            marker="s" if from_returns else "o",
            markersize=7,
            linestyle="none",
            zorder=3,
            markeredgecolor=colour,
            clip_on=False,
            markerfacecolor="white" if before else colour,
            label=None if label in seen else label,
        )
        seen.add(label)


def _phases(ax, index: dict[str, int], phases, top: float | None) -> list[str]:
    """Each phase's centre and limits over its own months (a limit beyond a share's axis at its edge), the baseline of
    held limits shaded, a labelled break where a phase starts; returns a note for each earlier phase with no limits."""
    notes = []
    labelled = set()
    for number, phase in enumerate(phases):
        first, last = index[phase.months[0]], index[phase.months[-1]]
        left = first - 0.5
        if number:
            left = (index[phases[number - 1].months[-1]] + first) / 2
            ax.axvline(left, color="#222222", linewidth=1.2, linestyle=(0, (2, 2)), zorder=1)
            ax.annotate(
                f"New phase: {month_name(phase.start)}",
                (left, 1),
                xycoords=("data", "axes fraction"),
                xytext=(0, 3),
                textcoords="offset points",
                ha="center",
                va="bottom",
                fontsize=8,
                color="#222222",
            )
        right = last + 0.5
        if phase.limits is None:
            if number < len(phases) - 1:
                months = f"{len(phase.months)} month{'s' if len(phase.months) != 1 else ''}"
                notes.append(f"The phase to {month_name(phase.months[-1])} has {months}: too few for limits.")
            continue
        if phase.held:
            held_to = index[phase.months[phase.baseline - 1]] + 0.5
            ax.axvspan(
                left, held_to, color=BASELINE_COLOUR, zorder=0, label=None if "baseline" in labelled else "Baseline: limits held after it"
            )
            labelled.add("baseline")
        limits = phase.limits
        ax.hlines(limits.centre, left, right, color="#444444", linewidth=1, label=None if "centre" in labelled else "Centre (mean)")
        for limit in (limits.lower, limits.upper):
            shown = limit if top is None else min(max(limit, 0.0), top)
            ax.hlines(
                shown,
                left,
                right,
                color=LIMIT_COLOUR,
                linestyle=(0, (4, 3)),
                linewidth=1,
                clip_on=False,
                label=None if "limits" in labelled else "Process limits",
            )
            labelled.update({"centre", "limits"})
    return notes
