"""Disclosure control on hand-made figures and tables; every expected value worked out by hand."""

import math

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal, assert_series_equal

from readiness.disclosure.control import SUPPRESSED as C
from readiness.disclosure.control import (
    is_disclosive,
    months_shown,
    protect_series,
    suppress_breakdown,
    suppress_counts,
    suppress_figures,
    suppress_statistic_column,
)
from readiness.indicators.figure import Figure, count, share, statistic
from readiness.present.formatting import format_value

PUBLIC, INTERNAL = 5, 0
TEAMS = ["Team A", "Team B", "Team C", "Total"]
GRADES = ["Good", "RI", "Inadequate", "Total"]


def frame(rows, index=TEAMS, columns=GRADES, dtype=None):
    """A small table; ``dtype=object`` for an expected result."""
    return pd.DataFrame(rows, index=index, columns=columns, dtype=dtype)


# --- single figures -------------------------------------------------------


def test_count_of_five_is_withheld_six_and_zero_are_shown():
    assert is_disclosive(count(5), PUBLIC)
    assert is_disclosive(count(1), PUBLIC)
    assert not is_disclosive(count(6), PUBLIC)
    assert not is_disclosive(count(0), PUBLIC)


def test_share_is_withheld_when_numerator_or_denominator_is_small():
    assert is_disclosive(share(3, 40), PUBLIC)  # numerator 3
    assert is_disclosive(share(0, 4), PUBLIC)  # denominator 4
    assert not is_disclosive(share(0, 40), PUBLIC)  # zero is never disclosive
    assert not is_disclosive(share(6, 6), PUBLIC)
    assert not is_disclosive(share(0, 0), PUBLIC)  # empty denominator: null, not withheld


def test_median_over_five_items_is_withheld_over_six_shown():
    assert is_disclosive(statistic(33, 5), PUBLIC)
    assert not is_disclosive(statistic(33, 6), PUBLIC)


def test_internal_threshold_withholds_nothing():
    assert not is_disclosive(count(1), INTERNAL)
    assert not is_disclosive(share(1, 2), INTERNAL)
    assert not is_disclosive(statistic(7, 1), INTERNAL)


FIGURES = {
    "referrals.count": count(5),
    "contacts.count": count(120),
    "audits.good_or_better_share": share(3, 40),
    "referrals.nfa_share": share(0, 40),
    "cp.second_or_subsequent_share": share(6, 6),
    "audits.moderation_agreement_share": share(0, 0),
    "assessments.median_working_days": statistic(33, 5),
    "audits.monthly.good_or_better_share": {"2025-02": share(8, 10), "2025-01": share(2, 9)},
}


def test_suppress_figures_nulls_small_figures_and_lists_them_sorted():
    published, suppressed = suppress_figures(FIGURES, PUBLIC)
    # 5 records, 3/40, median of 5 and the January 2/9 are withheld; 0/0 is null but not withheld.
    assert published == {
        "assessments.median_working_days": None,
        "audits.good_or_better_share": None,
        "audits.moderation_agreement_share": None,
        "audits.monthly.good_or_better_share": {"2025-01": None, "2025-02": 0.8},
        "contacts.count": 120,
        "cp.second_or_subsequent_share": 1.0,
        "referrals.count": None,
        "referrals.nfa_share": 0.0,
    }
    assert suppressed == [
        "assessments.median_working_days",
        "audits.good_or_better_share",
        "audits.monthly.good_or_better_share/2025-01",
        "referrals.count",
    ]


def test_suppress_figures_sorts_keys_for_deterministic_json():
    published, _ = suppress_figures(FIGURES, PUBLIC)
    assert list(published) == sorted(FIGURES)
    assert list(published["audits.monthly.good_or_better_share"]) == ["2025-01", "2025-02"]


def test_suppress_figures_for_internal_audience_withholds_nothing():
    published, suppressed = suppress_figures(FIGURES, INTERNAL)
    assert suppressed == []
    assert published["referrals.count"] == 5
    assert published["audits.good_or_better_share"] == pytest.approx(0.075)  # 3/40
    assert published["audits.monthly.good_or_better_share"]["2025-01"] == pytest.approx(0.2222, abs=1e-4)  # 2/9


# --- count tables: primary and secondary suppression ----------------------


def test_table_with_no_small_cells_is_unchanged():
    table = frame([[20, 6, 12, 38], [30, 9, 11, 50], [25, 40, 45, 110], [75, 55, 68, 198]])
    result = suppress_counts(table, PUBLIC, total_row="Total", total_column="Total")
    assert_frame_equal(result, table.astype(object))


def test_internal_threshold_leaves_small_cells_in_table():
    table = frame([[20, 3, 12, 35], [30, 9, 11, 50], [25, 40, 45, 110], [75, 52, 68, 195]])
    result = suppress_counts(table, INTERNAL, total_row="Total", total_column="Total")
    assert_frame_equal(result, table.astype(object))


def test_one_small_cell_forces_a_second_in_its_row_and_then_its_columns():
    table = frame([[20, 3, 12, 35], [30, 9, 11, 50], [25, 40, 45, 110], [75, 52, 68, 195]])
    # Primary: A/RI = 3.
    # Pass 1, rows: row A has one withheld cell; smallest shown non-total is 12 -> A/Inadequate.
    #   Rows B, C, Total hold none.
    # Pass 1, columns: Good none. RI holds only A/RI; smallest shown non-total of 9, 40 is 9 -> B/RI.
    #   Inadequate now holds only A/Inadequate (the secondary cell); smallest of 11, 45 -> B/Inadequate.
    #   Total column none.
    # Pass 2: rows A and B hold two each, columns RI and Inadequate two each: stable.
    # Check: RI+Inad is 15 for A and 20 for B; A+B is 12 in RI and 23 in Inadequate, so
    # A/RI = a, A/Inad = 15-a, B/RI = 12-a, B/Inad = 8+a fits any a in 0..12.
    expected = frame([[20, C, C, 35], [30, C, C, 50], [25, 40, 45, 110], [75, 52, 68, 195]], dtype=object)
    result = suppress_counts(table, PUBLIC, total_row="Total", total_column="Total")
    assert_frame_equal(result, expected)


def test_secondary_cells_in_columns_force_more_in_rows_on_the_next_pass():
    table = frame([[20, 3, 12, 35], [15, 9, 30, 54], [25, 40, 10, 75], [60, 52, 52, 164]])
    # Primary: A/RI = 3.
    # Pass 1, rows: row A -> smallest of 20, 12 is 12 -> A/Inadequate.
    # Pass 1, columns: RI holds only A/RI -> smallest of 9, 40 -> B/RI.
    #   Inadequate holds only A/Inadequate -> smallest of 30, 10 -> C/Inadequate.
    # Pass 2, rows: row B now holds only B/RI -> smallest of 15, 30 -> B/Good.
    #   Row C holds only C/Inadequate -> smallest of 25, 40 -> C/Good.
    # Pass 2, columns: Good holds B, C; RI holds A, B; Inadequate holds A, C: two each.
    # Pass 3 changes nothing: stable.
    expected = frame([[20, C, C, 35], [C, C, 30, 54], [C, 40, C, 75], [60, 52, 52, 164]], dtype=object)
    result = suppress_counts(table, PUBLIC, total_row="Total", total_column="Total")
    assert_frame_equal(result, expected)


def test_small_totals_are_withheld_and_protected_like_any_cell():
    table = frame([[20, 0, 20], [30, 2, 32], [50, 2, 52]], index=["Team A", "Team B", "Total"], columns=["Good", "RI", "Total"])
    # Primary: B/RI = 2 and the RI total = 2.
    # Pass 1, rows: A none. Row B holds only B/RI; shown are 30 and the row total 32:
    #   smallest 30 -> B/Good. Total row holds only Total/RI; of 50 and 52 -> Total/Good.
    # Pass 1, columns: Good holds B, Total; RI holds B, Total; Total column none. Stable.
    expected = frame(
        [[20, 0, 20], [C, C, 32], [C, C, 52]], index=["Team A", "Team B", "Total"], columns=["Good", "RI", "Total"], dtype=object
    )
    result = suppress_counts(table, PUBLIC, total_row="Total", total_column="Total")
    assert_frame_equal(result, expected)


TABLE_WITHOUT_TOTALS = frame([[3, 0, 7], [6, 0, 0]], index=["Jan", "Feb"], columns=["x", "y", "z"])


def test_table_without_totals_gets_primary_suppression_only():
    # No margins are published, so only Jan/x = 3 is withheld.
    expected = frame([[C, 0, 7], [6, 0, 0]], index=["Jan", "Feb"], columns=["x", "y", "z"], dtype=object)
    assert_frame_equal(suppress_counts(TABLE_WITHOUT_TOTALS, PUBLIC), expected)


def test_published_margins_protect_even_if_a_zero_must_be_withheld():
    # Primary: Jan/x = 3. Row and column sums are published elsewhere.
    # Pass 1, rows: Jan holds only Jan/x -> smallest non-zero of 0, 7 is 7 -> Jan/z. Feb none.
    # Pass 1, columns: x holds only Jan/x -> Feb/x (6). y none.
    #   z holds only Jan/z and its one other cell is 0 -> Feb/z, a zero, as nothing else is left.
    # Pass 2: Jan, Feb, x and z hold two each: stable. Without Feb/z, column z's sum 7 would
    # give Jan/z, then Jan/x = 10 - 7 = 3.
    expected = frame([[C, 0, C], [C, 0, C]], index=["Jan", "Feb"], columns=["x", "y", "z"], dtype=object)
    assert_frame_equal(suppress_counts(TABLE_WITHOUT_TOTALS, PUBLIC, margins_published=True), expected)


def test_totals_must_be_sums():
    # Column Good: 20 + 30 = 50, but the total row says 49.
    table = frame([[20, 0, 20], [30, 2, 32], [49, 2, 52]], index=["A", "B", "Total"], columns=["Good", "RI", "Total"])
    with pytest.raises(ValueError, match="total row 'Total' is not the sum"):
        suppress_counts(table, PUBLIC, total_row="Total", total_column="Total")
    # Row A: 20 + 0 = 20, but the total column says 21.
    table = frame([[20, 0, 21], [30, 2, 32]], index=["A", "B"], columns=["Good", "RI", "Total"])
    with pytest.raises(ValueError, match="total column 'Total' is not the sum"):
        suppress_counts(table, PUBLIC, total_column="Total")


@pytest.mark.parametrize("bad", [-1, 2.5, None])
def test_counts_must_be_non_negative_whole_numbers(bad):
    table = frame([[10, bad]], index=["Team A"], columns=["Good", "RI"])
    with pytest.raises(ValueError, match="non-negative whole counts"):
        suppress_counts(table, PUBLIC)


# --- statistic columns -------------------------------------------


def test_statistic_column_withholds_rows_over_few_items():
    medians = pd.Series([33, 12.5, None], index=["Team A", "Team B", "Team C"], name="median")
    items = pd.Series([5, 6, 0], index=["Team A", "Team B", "Team C"])
    # 5 items withheld; 6 items shown; 0 items -> None (no data).
    expected = pd.Series([C, 12.5, None], index=["Team A", "Team B", "Team C"], name="median", dtype=object)
    assert_series_equal(suppress_statistic_column(medians, items, PUBLIC), expected)


# --- chart labels and formatting ------------------------------------------


@pytest.mark.parametrize(
    "value, kind, text",
    [
        (0.445, "share", "45%"),  # 44.5 rounds half up
        (0.4375, "share", "44%"),  # 43.75
        (0.0, "share", "0%"),
        (1.0, "share", "100%"),
        (1234, "count", "1,234"),
        (0, "count", "0"),
        (16.0, "number", "16"),
        (16.25, "number", "16.3"),  # half up
        (16.04, "number", "16"),  # 16.0 after rounding: shown whole
        (1234.56, "number", "1,234.6"),
        (None, "share", "–"),
        (math.nan, "number", "–"),
        (C, "count", "[c]"),
        (C, "share", "[c]"),
    ],
)
def test_format_value(value, kind, text):
    assert format_value(value, kind) == text


def test_format_value_rejects_unknown_kind_and_fractional_count():
    with pytest.raises(ValueError, match="unknown kind 'percent'"):
        format_value(0.5, "percent")
    with pytest.raises(ValueError, match="whole number"):
        format_value(2.5, "count")


def test_breakdown_withholds_shares_that_would_give_a_withheld_count_away():
    # Rows A, B; base counts g1..g3 with their row total; threshold 5, margins published; g12 = g1 + g2.
    # Lines: each row's groups (g1+g2, and g3 = total - g12), then rows, then columns.
    # Primary: A.g1 = 3. Group g1+g2 of A has one withheld cell -> A.g2 = 10. Row A then holds two.
    # Column g1 has one withheld (A) -> B.g1 = 8; column g2 likewise -> B.g2 = 12. Every line now has 0 or 2.
    table = pd.DataFrame(
        {
            "g1": [3, 8],
            "g2": [10, 12],
            "g3": [20, 7],
            "total": [33, 27],
            "g12": [13, 20],
            "g1_share": [3 / 33, 8 / 27],
            "g12_share": [13 / 33, 20 / 27],
            "g3_share": [20 / 33, 7 / 27],
            "median": [4.0, 9.5],
            "items": [3, 27],
        },
        index=pd.Index(["A", "B"], name="team"),
    )
    safe = suppress_breakdown(
        table,
        5,
        counts=["g1", "g2", "g3"],
        total="total",
        shares={"g1_share": ("g1", "total"), "g12_share": ("g12", "total"), "g3_share": ("g3", "total")},
        statistics={"median": "items"},
        parts={"g12": ["g1", "g2"]},
    )
    assert list(safe.columns) == ["g1", "g2", "g3", "total", "g1_share", "g12_share", "g3_share", "median"]
    # g12 = 13 and 20 are shown through their shares: g1 and g2 stay a 2x2 block of unknowns.
    assert safe.loc["A"].tolist() == ["[c]", "[c]", 20, 33, "[c]", pytest.approx(13 / 33), pytest.approx(20 / 33), "[c]"]
    # B.g1 is a secondary cell: its share would give it away (8/27 * 27 = 8), so it is withheld too.
    assert safe.loc["B"].tolist() == ["[c]", "[c]", 7, 27, "[c]", pytest.approx(20 / 27), pytest.approx(7 / 27), 9.5]


def test_a_published_good_or_better_share_protects_both_halves_of_the_row():
    # One month: outstanding 2, good 11, requires improvement 9, inadequate 3 (25 audits, 13 good or better).
    # Good or better (13) is shown, so outstanding = 13 - good unless good is withheld too; and
    # requires improvement + inadequate = 25 - 13, so inadequate (3) needs requires improvement withheld.
    # Primary: outstanding, inadequate. Group O+G -> good; group RI+I -> requires improvement.
    table = pd.DataFrame(
        {"outstanding": [2], "good": [11], "ri": [9], "inadequate": [3], "audits": [25], "gob": [13], "gob_share": [13 / 25]}
    )
    safe = suppress_breakdown(
        table,
        5,
        counts=["outstanding", "good", "ri", "inadequate"],
        total="audits",
        shares={"gob_share": ("gob", "audits")},
        parts={"gob": ["outstanding", "good"]},
    )
    assert safe.iloc[0].tolist() == ["[c]", "[c]", "[c]", "[c]", 25, pytest.approx(13 / 25)]


def test_a_share_of_a_sum_whose_other_half_is_one_small_cell_is_withheld():
    # g12 = g1 + g2 over the total: g3 = total - g12 = 4 is the whole of its group, so no cell can
    # protect it, and showing g12's share (with the total) would give it away.
    # Counts: the row holds one withheld cell (g3) -> g1 (10, the smallest); group g1+g2 then -> g2.
    table = pd.DataFrame({"g1": [10], "g2": [12], "g3": [4], "total": [26], "g12": [22], "g12_share": [22 / 26]})
    safe = suppress_breakdown(
        table, 5, counts=["g1", "g2", "g3"], total="total", shares={"g12_share": ("g12", "total")}, parts={"g12": ["g1", "g2"]}
    )
    assert safe.iloc[0].tolist() == ["[c]", "[c]", "[c]", 26, "[c]"]


def test_a_share_of_a_sum_needs_its_parts():
    table = pd.DataFrame({"g1": [10], "g2": [12], "total": [22], "g12": [22], "g12_share": [1.0]})
    with pytest.raises(ValueError, match="'g12' is not a base count"):
        suppress_breakdown(table, 5, counts=["g1", "g2"], total="total", shares={"g12_share": ("g12", "total")})


def test_breakdown_for_an_internal_audience_withholds_nothing():
    table = pd.DataFrame({"g1": [3], "g2": [1], "total": [4], "g1_share": [0.75]})
    safe = suppress_breakdown(table, 0, counts=["g1", "g2"], total="total", shares={"g1_share": ("g1", "total")})
    assert safe.iloc[0].tolist() == [3, 1, 4, 0.75]


def test_a_series_with_one_withheld_month_withholds_the_next_smallest():
    # Jan 3 is withheld; with the period's 17 published, Jan = 17 - 8 - 6 - 0. Of the months shown,
    # Mar (6) has the fewest records that are not zero, so it is withheld too.
    figures = {
        "x.count": count(17),
        "x.monthly.count": {"2025-01": count(3), "2025-02": count(8), "2025-03": count(6), "2025-04": count(0)},
    }
    published, suppressed = suppress_figures(protect_series(figures, 5), 5)
    assert published["x.monthly.count"] == {"2025-01": None, "2025-02": 8, "2025-03": None, "2025-04": 0}
    assert suppressed == ["x.monthly.count/2025-01", "x.monthly.count/2025-03"]
    assert published["x.count"] == 17


def test_a_share_series_protects_its_smallest_numerator_and_zero_only_as_a_last_resort():
    shares = {"2025-01": share(2, 10), "2025-02": share(7, 20), "2025-03": share(6, 30)}
    protected = protect_series({"s.monthly.share": shares}, 5)["s.monthly.share"]
    assert [month for month, f in protected.items() if f.withheld] == ["2025-03"]  # 6 < 7
    zero_left = protect_series({"c": {"2025-01": count(4), "2025-02": count(0)}}, 5)["c"]
    assert zero_left["2025-02"].withheld


def test_series_with_none_or_two_withheld_months_and_internal_packs_are_left_alone():
    two = {"2025-01": count(3), "2025-02": count(2), "2025-03": count(9)}
    none = {"2025-01": count(6), "2025-02": count(9)}
    one = {"2025-01": count(3), "2025-02": count(9)}
    assert protect_series({"a": two, "b": none}, 5) == {"a": two, "b": none}
    assert protect_series({"c": one}, 0) == {"c": one}  # internal: threshold 0 withholds nothing


def test_a_mirrored_column_withholds_exactly_the_months_figures_json_withholds():
    # NFA by month: 3 / 100, 6 / 90, 9 / 80. figures.json withholds m1 (3) and, to protect it, m2
    # (the smallest other numerator); it shows every month's referrals. The table must withhold the
    # same months, and may not protect a row with a referrals count that figures.json shows anyway.
    table = pd.DataFrame(
        {"referrals": [100, 90, 80], "nfa": [3, 6, 9], "nfa_share": [0.03, 6 / 90, 9 / 80]},
        index=pd.Index(["m1", "m2", "m3"], name="month"),
    )
    shown = pd.Series({"m1": False, "m2": False, "m3": True}, dtype=object)
    all_shown = pd.Series({"m1": True, "m2": True, "m3": True}, dtype=object)
    safe = suppress_breakdown(
        table,
        5,
        counts=["referrals", "nfa"],
        shares={"nfa_share": ("nfa", "referrals")},
        mirror={"referrals": all_shown, "nfa": shown, "nfa_share": shown},
    )
    assert safe["referrals"].tolist() == [100, 90, 80]
    assert safe["nfa"].tolist() == ["[c]", "[c]", 9]
    assert safe["nfa_share"].tolist() == ["[c]", "[c]", pytest.approx(9 / 80)]
    # Without the mirror the table protects m1 by withholding its referrals, which figures.json shows anyway.
    alone = suppress_breakdown(table, 5, counts=["referrals", "nfa"], shares={"nfa_share": ("nfa", "referrals")})
    assert alone.loc["m1", "referrals"] == "[c]"


def test_a_share_shown_elsewhere_keeps_its_numerator_and_denominator_out_of_secondary_suppression():
    # ICPCs timed 15, 18; within 15 days 7, 10 (shares 7/15 and 10/18 shown in figures.json); resulting in
    # a plan 3, 8. Plan's 3 is withheld. Timed and within-15 counts can be worked out from the shown
    # share and each other, so neither may guard it: the plan column gives up its other cell (8) instead.
    table = pd.DataFrame(
        {"timed": [15, 18], "within": [7, 10], "plan": [3, 8], "within_share": [7 / 15, 10 / 18]},
        index=pd.Index(["m1", "m2"], name="month"),
    )
    shown = pd.Series({"m1": True, "m2": True}, dtype=object)
    roles = dict(counts=["timed", "within", "plan"], shares={"within_share": ("within", "timed")})
    safe = suppress_breakdown(table, 5, mirror={"within_share": shown}, **roles)
    assert safe[["timed", "within", "plan"]].to_numpy().tolist() == [[15, 7, "[c]"], [18, 10, "[c]"]]
    assert safe["within_share"].tolist() == [pytest.approx(7 / 15), pytest.approx(10 / 18)]
    alone = suppress_breakdown(table, 5, **roles)  # on its own the row gives up its smallest other cell
    assert alone.loc["m1", "within"] == "[c]"


def test_months_shown_marks_withheld_months_false():
    # Jan 3 of 40 (numerator small), Feb 10 of 40, Mar withheld to protect another month
    series = {"2019-01": share(3, 40), "2019-02": share(10, 40), "2019-03": Figure(0.5, (20, 40), withheld=True)}
    assert months_shown(series, 5).to_dict() == {"2019-01": False, "2019-02": True, "2019-03": False}
