"""Chart helpers: what each draws for a small Board-safe table."""

import math

import numpy as np
import pandas as pd
import pytest

from readiness.present import charts
from readiness.present.charts import count_bars, month_ticks, share_trend
from readiness.present.spc_series import XmrSeries
from readiness.present.xmrchart import xmr_chart


def test_scatter_teams_labels_each_team_with_both_values_and_leaves_out_the_rest():
    table = pd.DataFrame(
        {"agency_share": [0.1, 0.25, None], "mean_per_fte": [16.0, 20.0, 18.0]}, index=pd.Index(["North", "South", "East"], name="team")
    )
    fig = charts.scatter_teams(table, "agency_share", "mean_per_fte", "Caseload against agency share")
    ax = fig.axes[0]
    labels = [text.get_text() for text in ax.texts]
    assert "North" in labels and "South" in labels and "East" not in labels
    assert any("1 team(s) left out" in label for label in labels)
    assert ax.collections[0].get_offsets().tolist() == [[0.1, 16.0], [0.25, 20.0]]


def test_scatter_teams_says_so_when_every_point_is_withheld():
    table = pd.DataFrame({"agency_share": [None], "mean_per_fte": [None]}, index=["North"])
    ax = charts.scatter_teams(table, "agency_share", "mean_per_fte", "t").axes[0]
    assert any("No team has both figures" in text.get_text() for text in ax.texts)


def test_count_bars_marks_withheld_bars():
    counts = pd.DataFrame({"workers": [7.0, math.nan, 0.0]}, index=["1-10", "11-15", "16-20"])
    ax = charts.count_bars(counts, "Workers by band").axes[0]
    assert [text.get_text() for text in ax.texts] == ["[c]"]


def test_grade_shares_pool_withheld_grades_into_the_published_pairs():
    # Row A: outstanding, good withheld; 36 RI and 14 inadequate of 77; good or better 27/77 shown,
    #   so "Outstanding or Good" is 27/77 and nothing else is unknown.
    # Row B: RI and inadequate withheld; 11 outstanding and 26 good of 67; good or better 37/67,
    #   so the withheld pair is 1 - 37/67 = 30/67.
    # Row C: good or better withheld too: all that is not shown (1 - 40/50 = 10/50) is plain "withheld".
    board = pd.DataFrame(
        {
            "outstanding": ["[c]", 11, 10],
            "good": ["[c]", 26, "[c]"],
            "requires_improvement": [36, "[c]", 30],
            "inadequate": [14, "[c]", "[c]"],
            "audits": [77, 67, 50],
            "good_or_better_share": [27 / 77, 37 / 67, "[c]"],
        },
        index=["A", "B", "C"],
    )
    shares = charts.grade_shares(board, "audits")
    assert shares.loc["A", "good_or_better_withheld"] == pytest.approx(27 / 77)
    assert shares.loc["A", ["below_good_withheld", "withheld"]].tolist() == pytest.approx([0, 0])
    assert shares.loc["B", "below_good_withheld"] == pytest.approx(30 / 67)
    assert shares.loc["B", ["good_or_better_withheld", "withheld"]].tolist() == pytest.approx([0, 0])
    assert shares.loc["C", "withheld"] == pytest.approx(10 / 50)
    assert shares.loc["C", ["good_or_better_withheld", "below_good_withheld"]].tolist() == pytest.approx([0, 0])
    assert shares.sum(axis=1).tolist() == pytest.approx([1, 1, 1])


def test_grade_shares_without_a_good_or_better_share_pool_into_withheld():
    board = pd.DataFrame({"outstanding": ["[c]"], "good": [10], "requires_improvement": [12], "inadequate": ["[c]"], "audits": [30]})
    shares = charts.grade_shares(board, "audits")
    assert shares.loc[0, "withheld"] == pytest.approx(8 / 30)
    assert shares.loc[0, "good"] == pytest.approx(10 / 30)


def test_share_bars_draw_no_bar_for_a_withheld_share_and_mark_it():
    # Blue is withheld (missing): no bar of any length, "[c]" beside its label; Red's 0% is a real zero.
    ax = charts.share_bars(pd.Series([0.5, math.nan, 0.0], index=["Green", "Blue", "Red"]), "Shares by team").axes[0]
    widths = {label.get_text(): bar.get_width() for label, bar in zip(ax.get_yticklabels(), ax.patches)}
    assert widths["Green"] == 0.5 and widths["Red"] == 0.0
    assert math.isnan(widths["Blue"])
    assert [(text.get_text(), text.xy[1]) for text in ax.texts] == [("[c]", "Blue")]


def svg_texts(fig) -> list[str]:
    """The text of every ``<text>`` element of the chart's SVG (mathtext would split one into many ``<tspan>``)."""
    import base64
    import re

    svg = base64.b64decode(re.search(r"base64,([^\"]+)", charts.to_html(fig, "alt")).group(1)).decode("utf-8")
    return re.findall(r"<text[^>]*>([^<]*)</text>", svg)


@pytest.mark.parametrize("team", ["$x^2$ South", "$\\frac{$ North", "Team $$ one"])
def test_dollar_signs_in_labels_are_text_not_mathtext(team):
    # "$\frac{$" is not valid TeX: with mathtext on, drawing it raises ValueError.
    fig = charts.share_bars(pd.Series([0.5], index=[team]), f"Share for {team}")
    texts = svg_texts(fig)
    assert team in texts and f"Share for {team}" in texts


def test_dollar_signs_in_column_and_row_labels_of_count_bars_are_text():
    counts = pd.DataFrame({"$y$ referrals": [3.0, 4.0]}, index=["$m$ 1", "$m$ 2"])
    counts["$z$ contacts"] = [1.0, 2.0]
    texts = svg_texts(charts.count_bars(counts, "Counts"))
    assert {"$y$ referrals", "$z$ contacts", "$m$ 1", "$m$ 2"} <= set(texts)


def months(first_year: int, first_month: int, count: int) -> list[str]:
    return [f"{first_year + (first_month - 1 + i) // 12}-{(first_month - 1 + i) % 12 + 1:02d}" for i in range(count)]


def test_36_months_are_labelled_quarterly_with_the_year_on_january_and_the_first_label():
    # 36 months from 2022-10: steps 1 and 2 would give 36 and 18 labels (> 12), so quarters: positions 0, 3, …, 33.
    ticks = month_ticks(months(2022, 10, 36))
    assert list(ticks) == list(range(0, 36, 3))
    assert list(ticks.values())[:6] == ["Oct\n2022", "Jan\n2023", "Apr", "Jul", "Oct", "Jan\n2024"]


def test_a_year_or_less_keeps_every_month_as_given():
    labels = months(2024, 10, 12)
    assert month_ticks(labels) == dict(enumerate(labels))


def test_13_months_are_labelled_every_other_calendar_month():
    # 2024-10 … 2025-10: every 2nd month (at most 7 labels) on Jan, Mar, May, …: Nov 2024 first, then Jan 2025.
    ticks = month_ticks(months(2024, 10, 13))
    assert ticks == {1: "Nov\n2024", 3: "Jan\n2025", 5: "Mar", 7: "May", 9: "Jul", 11: "Sep"}


@pytest.mark.parametrize("draw", ["trend", "bars"])
def test_a_36_month_chart_shows_12_level_month_labels(draw):
    index = months(2022, 10, 36)
    if draw == "trend":
        fig = share_trend(pd.DataFrame({"share": [0.5] * 36}, index=index), "t")
    else:
        fig = count_bars(pd.DataFrame({"count": [10.0] * 36}, index=index), "t")
    labels = fig.axes[0].get_xticklabels()
    assert [t.get_text() for t in labels][:3] == ["Oct\n2022", "Jan\n2023", "Apr"] and len(labels) == 12
    assert {t.get_rotation() for t in labels} == {0}


def test_a_short_month_axis_is_still_slanted_in_full():
    fig = count_bars(pd.DataFrame({"count": [10.0] * 6}, index=months(2025, 1, 6)), "t")
    labels = fig.axes[0].get_xticklabels()
    assert [t.get_text() for t in labels] == months(2025, 1, 6) and {t.get_rotation() for t in labels} == {45}


def test_xmr_chart_colours_points_by_variation_and_draws_centre_limits_and_target():
    from matplotlib.colors import to_hex

    from readiness.present.spc import Limits, Phase, Reading
    from readiness.present.spc_series import XmrSeries
    from readiness.present.xmrchart import xmr_chart

    reading = Reading("improvement", "hit_and_miss", 0.5, 0.3, 0.7, 3)
    phase = Phase("2024-09", ("2024-09", "2024-11", "2024-12"), np.array([0.4, 0.5, 0.75]), Limits(0.5, 0.3, 0.7), 3)
    points = {"2024-09": 0.4, "2024-10": None, "2024-11": 0.5, "2024-12": 0.75}
    xmr = XmrSeries(points, dict.fromkeys(points, "extract"), {"2024-09"}, [phase], reading, {"2024-12": "improvement"}, 0.6)
    ax = xmr_chart(xmr, "Good or better audits").axes[0]
    markers = {line.get_label(): line for line in ax.lines if line.get_marker() == "o"}
    assert to_hex(markers["Special cause: improvement"].get_markerfacecolor()) == "#289de0"  # Making Data Count blue
    assert to_hex(markers["Common cause"].get_markerfacecolor()) == "#7b7d7d"
    assert to_hex(markers["Before the period"].get_markerfacecolor()) == "#ffffff"  # hollow
    assert horizontal_levels(ax) == {"Centre (mean)": [0.5], "Process limits": [0.3, 0.7]}
    assert [line.get_ydata()[0] for line in ax.lines if line.get_label() == "Target"] == [0.6]


def horizontal_levels(ax) -> dict[str, list[float]]:
    """The y of each horizontal segment drawn by ``hlines``, by legend label (unlabelled ones join the last label)."""
    levels: dict[str, list[float]] = {}
    label = None
    for collection in ax.collections:
        label = collection.get_label() if not collection.get_label().startswith("_") else label
        for segment in collection.get_segments():
            levels.setdefault(label, []).append(round(float(segment[0][1]), 6))
    return {key: sorted(values) for key, values in levels.items()}


def test_xmr_chart_with_no_reading_says_why_beside_the_chart_not_over_a_point():
    from readiness.present.spc_series import XmrSeries
    from readiness.present.xmrchart import xmr_chart

    reason = "No SPC reading: it needs 12 months and has 10, and 2 more are withheld (small numbers)."
    points = {f"2024-{m:02d}": 0.5 for m in range(1, 13)}
    xmr = XmrSeries(points, dict.fromkeys(points, "annex_a"), set(), [], None, {}, None, reason, per_month=14)
    ax = xmr_chart(xmr, "t").axes[0]
    (note,) = ax.texts
    assert note.get_text().replace("\n", " ") == reason + "  About 14 a month: only large changes can show."
    assert note.get_position()[0] > 1 and note.get_transform() == ax.transAxes  # right of the plotting area


def test_xmr_chart_of_a_share_keeps_its_axis_to_0_100_and_draws_a_limit_beyond_at_the_edge():
    from readiness.present.spc import Limits, Phase, Reading
    from readiness.present.spc_series import XmrSeries
    from readiness.present.xmrchart import xmr_chart

    points = {"2025-01": 0.9, "2025-02": 0.6, "2025-03": 1.0}
    phase = Phase("2025-01", tuple(points), np.array(list(points.values())), Limits(0.83, 0.3, 1.25), 3)
    xmr = XmrSeries(points, dict.fromkeys(points, "annex_a"), set(), [phase], Reading("common_cause", None, 0.83, 0.3, 1.25, 3), {}, None)
    ax = xmr_chart(xmr, "ICPCs within 15 working days").axes[0]
    assert ax.get_ylim() == (0, 1)
    assert horizontal_levels(ax)["Process limits"] == [0.3, 1.0]


def test_xmr_chart_breaks_at_a_new_phase_labelled_and_shades_a_held_baseline():
    from readiness.present.spc import phases_of
    from readiness.present.spc_series import XmrSeries
    from readiness.present.xmrchart import xmr_chart

    points = {f"2025-{m:02d}": v for m, v in zip(range(1, 9), [10, 12, 11, 13, 20, 22, 21, 23.0])}
    # phase 1: 10 12 11 13 (centre 11.5); phase 2 from May: limits held from its first two points (20, 22: centre 21)
    phases = phases_of(points, 2, baseline_end="2025-06", phase_starts=["2025-05"])
    xmr = XmrSeries(points, dict.fromkeys(points, "annex_a"), set(), phases, None, {}, None)
    ax = xmr_chart(xmr, "Contacts", kind="count").axes[0]
    centre_colour = (0x44 / 255, 0x44 / 255, 0x44 / 255, 1)
    centres = [
        segment
        for collection in ax.collections
        if tuple(collection.get_color()[0]) == pytest.approx(centre_colour)
        for segment in collection.get_segments()
    ]
    assert sorted((round(s[0][0], 2), round(s[1][0], 2), s[0][1]) for s in centres) == [(-0.5, 3.5, 11.5), (3.5, 7.5, 21.0)]
    assert [t.get_text() for t in ax.texts] == ["New phase: May 2025"]
    (baseline,) = [p for p in ax.patches if p.get_label() == "Baseline: limits held after it"]
    assert baseline.get_x() == 3.5 and baseline.get_width() == pytest.approx(2)  # May and June


def test_an_earlier_phase_with_too_few_points_has_no_limits_and_the_chart_says_so():
    from readiness.present.spc import phases_of
    from readiness.present.spc_series import XmrSeries
    from readiness.present.xmrchart import xmr_chart

    points = {"2025-01": 5.0, "2025-02": 10.0, "2025-03": 12.0, "2025-04": 11.0}
    phases = phases_of(points, 3, phase_starts=["2025-02"])  # January alone, then three months
    xmr = XmrSeries(points, dict.fromkeys(points, "annex_a"), set(), phases, None, {}, None)
    ax = xmr_chart(xmr, "Contacts", kind="count").axes[0]
    assert sorted(t.get_text().replace("\n", " ") for t in ax.texts) == [
        "New phase: February 2025",
        "The phase to January 2025 has 1 month: too few for limits.",
    ]
    assert horizontal_levels(ax)["Centre (mean)"] == [11.0]  # only the latest phase's: (10 + 12 + 11) / 3


def xmr_with_note():
    points = {f"2024-{m:02d}": 0.5 for m in range(1, 11)}
    return XmrSeries(points, dict.fromkeys(points, "annex_a"), set(), [], None, {}, None, "No SPC reading: it needs 12 months.")


CHARTS = {
    "grades, legend outside": lambda: charts.stacked_grades(
        pd.DataFrame(
            {"outstanding": [2, "[c]"], "good": [5, "[c]"], "requires_improvement": [3, 4], "inadequate": [1, 2], "audits": [11, 9]}
        ),
        "Grades",
    ),
    "withheld bar marked": lambda: charts.share_bars(pd.Series([0.5, math.nan], index=["Green", "Blue"]), "Shares", target=0.6),
    "36 months": lambda: count_bars(pd.DataFrame({"count": [10.0] * 36}, index=months(2022, 10, 36)), "t"),
    "labelled points": lambda: charts.scatter_teams(
        pd.DataFrame({"a": [0.1, 0.3], "b": [16.0, 21.0]}, index=["North", "South"]), "a", "b", "t"
    ),
    "note right of the axes": lambda: xmr_chart(xmr_with_note(), "t"),
}


@pytest.mark.parametrize("chart", list(CHARTS))
def test_a_chart_is_the_svg_matplotlib_saves_tight_though_drawn_once(chart):
    import base64
    import io
    import re

    import matplotlib.pyplot as plt

    buffer = io.BytesIO()
    fig = CHARTS[chart]()
    with plt.rc_context(charts.STYLE):
        fig.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None, "Creator": None})
    plt.close(fig)
    svg = base64.b64decode(re.search(r"base64,([^\"]+)", charts.to_html(CHARTS[chart](), "alt")).group(1))
    assert svg == buffer.getvalue()
