"""The pack's own SVG icons and sparklines: Making Data Count colours, text alternatives, no markup from data."""

import re

from readiness.present.icons import assurance_icon, icon_key, sparkline, variation_icon


def test_variation_icons_in_making_data_count_colours_with_text_alternatives():
    improving = variation_icon("improvement", "higher")
    assert 'fill="#289de0"' in improving and 'aria-label="Special-cause improvement"' in improving
    assert "<title>Special-cause improvement</title>" in improving
    assert 'd="M8 15 L12 9 L16 15"' in improving  # arrow up: a higher-is-better figure improving is high
    assert 'd="M8 9 L12 15 L16 9"' in variation_icon("improvement", "lower")  # improving downwards
    assert 'fill="#fab428"' in variation_icon("concern", "higher") and 'd="M8 9 L12 15 L16 9"' in variation_icon("concern", "higher")
    assert 'fill="#7b7d7d"' in variation_icon("common_cause", "higher")
    assert variation_icon(None, "higher") == ""


def test_assurance_icons_say_pass_fail_or_hit_and_miss():
    assert ">P</text>" in assurance_icon("pass") and "will consistently meet the target" in assurance_icon("pass")
    assert ">F</text>" in assurance_icon("fail") and "will not meet the target without change" in assurance_icon("fail")
    assert ">?</text>" in assurance_icon("hit_and_miss")
    assert assurance_icon(None) == ""


def test_sparkline_scales_points_breaks_at_gaps_and_colours_the_last_point():
    # 4 months over 96 px: x = 3, 33, 63, 93; values 0.4..0.8 over y 19 (low) .. 3 (high): 0.6 -> 11
    svg = sparkline({"a": 0.4, "b": None, "c": 0.6, "d": 0.8}, {"d": "concern"}, target=0.6, label="Share <b>x</b>", width=96)
    assert re.findall(r'points="([^"]*)"', svg) == ["3.0,19.0", "63.0,11.0 93.0,3.0"]
    assert 'y1="11.0"' in svg  # the target at 0.6
    assert '<circle cx="93.0" cy="3.0" r="2.5" fill="#fab428"/>' in svg
    assert "<b>" not in svg and "&lt;b&gt;x&lt;/b&gt;" in svg  # the label is text, never markup


def test_sparkline_needs_two_points():
    assert sparkline({"a": 0.4, "b": None}) == ""


def test_icon_key_has_every_icon_the_key_names():
    assert set(icon_key()) == {"improvement", "concern", "common_cause", "pass", "fail", "hit_and_miss"}
