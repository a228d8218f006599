"""Numbers as an edition publishes them: the page's precision per figure, public counts rounded to round_to."""

import pytest

from readiness.disclosure.rounding import (
    figure_kind,
    places,
    published_document,
    published_figure,
    published_value,
    round_half_up,
    rounded_count,
)


@pytest.mark.parametrize("n, expected", [(0, 0), (6, 5), (7, 5), (8, 10), (12, 10), (13, 15), (44, 45), (47, 45), (2, 5), (1234, 1235)])
def test_counts_round_to_the_nearest_five_zero_stays_zero(n, expected):
    assert rounded_count(n, 5) == expected


def test_a_half_rounds_up_to_the_next_multiple():
    assert rounded_count(15, 10) == 20 and rounded_count(25, 10) == 30 and rounded_count(14, 10) == 10


@pytest.mark.parametrize(
    "value, places_, expected", [(176.5, 0, "177"), (0.625, 2, "0.63"), (0.445, 2, "0.45"), (2.675, 2, "2.68"), (-1.5, 0, "-2")]
)
def test_half_away_from_zero_from_the_shortest_decimal(value, places_, expected):
    assert str(round_half_up(value, places_)) == expected


@pytest.mark.parametrize(
    "kind, name, expected",
    [
        ("share", "referrals.nfa_share", 2),
        ("count", "referrals.count", 0),
        ("rate", "contacts.rate_per_10k", 0),
        ("number", "assessments.median_working_days", 0),
        ("number", "adoption.order_to_match_days_mean", 0),
        ("number", "median_days", 0),
        ("number", "caseload.mean_per_fte", 1),
        ("number", "caseload.median", 1),
        ("number", "disproportionality_ratio", 2),
    ],
)
def test_the_page_precision_of_each_kind_of_number(kind, name, expected):
    assert places(kind, name) == expected


def test_a_monthly_series_takes_its_headline_figures_kind():
    assert figure_kind("assessments.monthly.median_working_days") == "number"
    assert figure_kind("referrals.monthly.count") == "count"


def test_public_values_are_published_at_the_page_precision():
    assert published_value(0.62499, "share", "x_share", 5) == 0.62 and published_value(0.625, "share", "x_share", 5) == 0.63
    assert published_value(16.5, "number", "assessments.median_working_days", 5) == 17
    assert published_value(412.49, "rate", "contacts.rate_per_10k", 5) == 412
    assert published_value(3.25, "number", "caseload.mean_per_fte", 5) == 3.3
    assert published_value(18.0, "number", "caseload.median", 5) == 18 and isinstance(
        published_value(18.0, "number", "caseload.median", 5), int
    )
    assert published_value(1.0, "share", "x_share", 5) == 1.0 and isinstance(published_value(1, "share", "x_share", 5), float)
    assert published_value(None, "count", "x", 5) is None and published_value("[c]", "count", "x", 5) == "[c]"


def test_an_internal_edition_is_exact():
    assert published_value(0.62499, "share", "x_share", 0) == 0.62499 and published_value(47, "count", "x", 0) == 47


def test_a_figure_or_series_is_published_by_its_id():
    assert published_figure("referrals.count", 47, 5) == 45
    assert published_figure("referrals.monthly.nfa_share", {"2025-01": 0.125, "2025-02": None}, 5) == {"2025-01": 0.13, "2025-02": None}


def test_an_earlier_pack_passes_the_same_rule():
    earlier = {"period_end": "2025-08-31", "figures": {"referrals.count": 47, "referrals.nfa_share": 0.3333, "s47.count": None}}
    assert published_document(earlier, 5)["figures"] == {"referrals.count": 45, "referrals.nfa_share": 0.33, "s47.count": None}
    assert published_document(earlier, 5)["period_end"] == "2025-08-31" and earlier["figures"]["referrals.count"] == 47


def test_round_to_applies_to_a_public_edition_only():
    from datetime import date

    from pydantic import ValidationError

    from readiness.config.params import Params

    base = dict(pack_id="t", la_name="T", period_start=date(2025, 4, 1), period_end=date(2025, 9, 30))
    assert Params(**base).rounding == 5 and Params(**base, round_to=10).rounding == 10
    assert Params(**base, audience="internal").rounding == 0
    with pytest.raises(ValidationError):
        Params(**base, round_to=0)
