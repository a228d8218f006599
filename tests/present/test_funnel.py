"""Funnel plots of teams' shares: limits p ± z·√(p(1−p)/n) worked by hand at two team sizes, and who is named."""

import math

import pandas as pd
import pytest

from readiness.present.funnel import Z_95, Z_998, funnel, funnel_chart, funnel_limits, outside_sentence

# Overall: (12 + 75 + 90 + 23) / (25 + 100 + 100 + 25) = 200 / 250 = 80%; team E is withheld and left out.
# n = 25: √(.8 × .2 / 25) = √.0064 = .08; 95%: .8 ± 1.96 × .08 = .6432 to .9568; 99.8%: .8 ± 3.09 × .08 = .5528 to 1.0472
# n = 100: √(.0016) = .04; 95%: .8 ± .0784 = .7216 to .8784; 99.8%: .8 ± .1236 = .6764 to .9236
TEAMS = ["A", "B", "C", "D", "E"]
SHARES = pd.Series([12 / 25, 0.75, 0.90, 23 / 25, math.nan], index=TEAMS)
DENOMINATORS = pd.Series([25, 100, 100, 25, 30], index=TEAMS)


def test_limits_at_two_team_sizes():
    assert funnel_limits(0.8, 25, Z_95) == pytest.approx((0.6432, 0.9568))
    assert funnel_limits(0.8, 25, Z_998) == pytest.approx((0.5528, 1.0472))
    assert funnel_limits(0.8, 100, Z_95) == pytest.approx((0.7216, 0.8784))
    assert funnel_limits(0.8, 100, Z_998) == pytest.approx((0.6764, 0.9236))


def test_the_overall_share_is_over_the_teams_shown_and_who_is_outside():
    result = funnel(SHARES, DENOMINATORS)
    assert result.overall == pytest.approx(0.8) and result.left_out == 1
    # A's 48% is below .5528 (n = 25); C's 90% above .8784 but not .9236 (n = 100); D's 92% within .9568 (n = 25)
    assert result.outside(Z_998) == {"A": "below"}
    assert result.outside(Z_95) == {"A": "below", "C": "above"}


def test_a_share_on_a_limit_is_not_outside():
    on_limit = funnel(pd.Series([0.8 + 0.1236, 0.8 - 0.1236], index=["X", "Y"]), pd.Series([100, 100], index=["X", "Y"]))
    assert on_limit.overall == pytest.approx(0.8)
    assert on_limit.outside(Z_998) == {}


def test_the_text_names_teams_outside_the_99_8_percent_limits():
    result = funnel(SHARES, DENOMINATORS)
    assert (
        outside_sentence(result, "higher")
        == "Outside the 99.8% limits around the overall 80%, beyond what chance gives at their sizes: A (48%, below: worse)."
    )
    assert outside_sentence(result, "lower").endswith("A (48%, below: better).")
    inside = funnel(SHARES.drop("A"), DENOMINATORS.drop("A"))
    assert outside_sentence(inside, "higher").startswith("No team is outside the 99.8% limits")
    assert outside_sentence(funnel(pd.Series([math.nan], index=["A"]), pd.Series([5], index=["A"])), None).startswith("No team has both")


def test_a_team_name_is_text_in_the_sentence():
    result = funnel(pd.Series([0.1, 0.9, 0.9], index=["*Bold* <b>", "B", "C"]), pd.Series([100, 100, 100], index=["*Bold* <b>", "B", "C"]))
    assert "\\*Bold\\*" in outside_sentence(result, "higher")


def test_the_chart_draws_both_limits_within_0_and_100_percent_and_colours_a_team_outside():
    ax = funnel_chart(funnel(SHARES, DENOMINATORS), "Teams").axes[0]
    curves = {line.get_label(): line for line in ax.lines}
    assert set(curves) >= {"Overall (80%)", "95% limits", "99.8% limits"}
    upper_998 = [line for line in ax.lines if line.get_color() == "#444444" and line.get_linestyle() == "-" and len(line.get_xdata()) > 2]
    assert max(max(line.get_ydata()) for line in upper_998) == 1.0  # clipped at 100%
    assert ax.get_ylim() == (0, 1)
    (points,) = ax.collections
    assert len(points.get_offsets()) == 4  # E withheld
