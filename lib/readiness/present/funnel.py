"""Funnel plots for comparing teams on a share (``pack.md``, *Teams as funnels*), instead of worst-first league tables.

Each team's share is drawn against its denominator, with control limits around the overall share p (over the teams
shown) of p ± z·√(p(1−p)/n) for z = 1.96 (95 %) and z = 3.09 (99.8 %). A team is outside a limit when its share is
strictly beyond it; a team outside the 99.8 % limits is named in the text. A team whose share or denominator is
withheld is left out, and the chart says how many.
"""

from __future__ import annotations

from dataclasses import dataclass
from math import sqrt

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.ticker import PercentFormatter

from readiness.safetext import markdown_escape

from .charts import PALETTE, STYLE, new_figure
from .formatting import format_value

Z_95, Z_998 = 1.96, 3.09
LIMIT_COLOURS = {Z_95: "#7b7d7d", Z_998: "#444444"}
CURVE_POINTS = 120
TOLERANCE = 1e-9  # a share on a limit is not beyond it, whatever binary floating point says


def funnel_limits(p: float, n: float, z: float) -> tuple[float, float]:
    """p ± z·√(p(1−p)/n): ``funnel_limits(0.5, 100, 1.96)`` → (0.402, 0.598)."""
    spread = z * sqrt(p * (1 - p) / n)
    return p - spread, p + spread


@dataclass(frozen=True)
class Funnel:
    """Teams' shares against their denominators, the overall share, and which teams are outside which limits."""

    shares: pd.Series
    denominators: pd.Series
    overall: float | None
    left_out: int

    def outside(self, z: float) -> dict[str, str]:
        """Teams whose share is strictly beyond the limits at ``z``: ``above`` or ``below``, in the teams' order."""
        if self.overall is None:
            return {}
        found = {}
        for team, share in self.shares.items():
            lower, upper = funnel_limits(self.overall, self.denominators[team], z)
            if share > upper + TOLERANCE or share < lower - TOLERANCE:
                found[str(team)] = "above" if share > upper else "below"
        return found


def funnel(shares: pd.Series, denominators: pd.Series) -> Funnel:
    """A :class:`Funnel` of teams' shares (missing where withheld) and their denominators (missing where withheld, or 0);
    the overall share is the teams' numerators summed over their denominators summed."""
    shares, denominators = pd.to_numeric(shares, errors="coerce"), pd.to_numeric(denominators, errors="coerce")
    shown = shares.notna() & denominators.notna() & (denominators > 0)
    shares, denominators = shares[shown].astype(float), denominators[shown].astype(float)
    total = denominators.sum()
    overall = float((shares * denominators).sum() / total) if total > 0 else None
    return Funnel(shares, denominators, overall, int((~shown).sum()))


def outside_sentence(result: Funnel, better: str | None) -> str:
    """The text beside a funnel plot: each team outside the 99.8 % limits, named, and which way; else that none is."""
    if result.overall is None:
        return "No team has both its share and its number to show: they are withheld (too few records) or not available."
    overall = format_value(result.overall, "share")
    outside = result.outside(Z_998)
    if not outside:
        return f"No team is outside the 99.8% limits around the overall {overall}: the differences between teams are within what chance gives at their sizes."
    judged = {"above": "", "below": ""}
    if better is not None:
        judged = {"above": ": better" if better == "higher" else ": worse", "below": ": worse" if better == "higher" else ": better"}
    named = "; ".join(
        f"{markdown_escape(team)} ({format_value(result.shares[team], 'share')}, {side}{judged[side]})" for team, side in outside.items()
    )
    return f"Outside the 99.8% limits around the overall {overall}, beyond what chance gives at their sizes: {named}."


def funnel_chart(result: Funnel, title: str, xlabel: str = "Records"):
    """The funnel plot of ``result``: one labelled point per team, the overall share, the 95 % and 99.8 % limits as
    curves by denominator (kept within 0-100 %)."""
    fig, ax = new_figure(title, size=(8, 4.2))
    with plt.rc_context(STYLE):
        if result.overall is not None:
            top = max(result.denominators.max() * 1.15, 10)
            sizes = np.linspace(1, top, CURVE_POINTS)
            ax.axhline(result.overall, color="#444444", linewidth=1, label=f"Overall ({format_value(result.overall, 'share')})")
            for z, name in ((Z_95, "95% limits"), (Z_998, "99.8% limits")):
                spread = z * np.sqrt(result.overall * (1 - result.overall) / sizes)
                style = (0, (4, 3)) if z == Z_95 else "-"
                ax.plot(sizes, np.clip(result.overall - spread, 0, 1), color=LIMIT_COLOURS[z], linestyle=style, linewidth=1, label=name)
                ax.plot(sizes, np.clip(result.overall + spread, 0, 1), color=LIMIT_COLOURS[z], linestyle=style, linewidth=1)
            outside = result.outside(Z_998)
            colours = [PALETTE[5] if str(team) in outside else PALETTE[0] for team in result.shares.index]
            ax.scatter(result.denominators, result.shares, color=colours, s=40, zorder=3, clip_on=False)
            for team in result.shares.index:
                x, y = result.denominators[team], result.shares[team]
                right = x > top * 0.6  # a label near the right edge goes left, clear of the legend
                below = y < result.overall  # above or below its point, away from the overall line, so two teams' labels part
                ax.annotate(
                    str(team),
                    (x, y),
                    xytext=(-5 if right else 5, -4 if below else 4),
                    textcoords="offset points",
                    ha="right" if right else "left",
                    va="top" if below else "bottom",
                    fontsize=8,
                )
            ax.set_xlim(0, top)
            ax.legend(loc="upper left", bbox_to_anchor=(1, 1), fontsize=8)
        ax.set_ylim(0, 1)
        ax.yaxis.set_major_formatter(PercentFormatter(1.0))
        ax.set_xlabel(xlabel)
        ax.grid(axis="x", color="#dddddd")
        if result.left_out:
            ax.text(
                1.02,
                0,
                f"{result.left_out} team(s) left out:\na figure withheld or\nnot available.",
                transform=ax.transAxes,
                fontsize=8,
                va="bottom",
            )
    return fig
