"""Chart helpers: what each draws for a small Board-safe table."""
import math

import pandas as pd

from readiness import charts


def test_scatter_teams_labels_each_team_with_both_values_and_leaves_out_the_rest():
    table = pd.DataFrame(
        {"agency_share": [0.1, 0.25, None], "mean_per_fte": [16.0, 20.0, 18.0]},
        index=pd.Index(["North", "South", "East"], name="team"),
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
