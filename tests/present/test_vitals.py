"""RAG ratings in both directions and both target forms; history and change; England values."""

import pytest

from readiness.config.param_models import Band
from readiness.config.params import Params
from readiness.config.references import Comparator
from readiness.present.vitals import change_since, comparison_columns, rag, vital_signs


@pytest.mark.parametrize(
    "value, target, better, expected",
    [
        # single number, higher is better: green >= 0.80; amber 0.72 <= v < 0.80 (a tenth of 0.80 = 0.08); red below
        (0.80, 0.80, "higher", "green"),
        (0.79, 0.80, "higher", "amber"),
        (0.72, 0.80, "higher", "amber"),
        (0.71, 0.80, "higher", "red"),
        # single number, lower is better: green <= 18; amber 18 < v <= 19.8; red above
        (18, 18, "lower", "green"),
        (19.8, 18, "lower", "amber"),
        (19.9, 18, "lower", "red"),
        # bands, higher: green >= 0.85, amber >= 0.75
        (0.85, Band(green=0.85, amber=0.75), "higher", "green"),
        (0.75, Band(green=0.85, amber=0.75), "higher", "amber"),
        (0.7499, Band(green=0.85, amber=0.75), "higher", "red"),
        # bands, lower: green <= 0.10, amber <= 0.15
        (0.10, Band(green=0.10, amber=0.15), "lower", "green"),
        (0.15, Band(green=0.10, amber=0.15), "lower", "amber"),
        (0.16, Band(green=0.10, amber=0.15), "lower", "red"),
        # no rating without a value, a target or a direction
        (None, 0.8, "higher", None),
        (0.5, None, "higher", None),
        (0.5, 0.8, None, None),
    ],
)
def test_rag(value, target, better, expected):
    assert rag(value, target, better) == expected


def test_change_since_is_in_points_for_shares_and_plain_for_counts():
    assert change_since(0.44, 0.31, "share") == "+13 pts"
    assert change_since(120, 134, "count") == "-14"
    assert change_since(33.5, 35, "number") == "-1.5"
    assert change_since(None, 0.3, "share") == "–"


def params(**extra):
    return Params(pack_id="t", la_name="T", period_start="2019-01-01", period_end="2019-03-31", **extra)


def test_vital_signs_rows_carry_targets_history_and_england():
    document = {
        "figures": {
            "assessments.within_45_working_days_share": 0.8,
            "audits.count": 4,
            "audits.monthly.good_or_better_share": {"2019-01": 0.5},
        },
        "suppressed": ["audits.count"],
    }
    history = [
        {"audience": "public", "figures": {"assessments.within_45_working_days_share": 0.6}},
        {"audience": "public", "figures": {"assessments.within_45_working_days_share": 0.7}},
    ]
    benchmarks = {"assessments.within_45_working_days_share": {"year": "2024-25", "value": 0.857, "source": "DfE"}}
    rows = vital_signs(
        document, params(targets={"assessments.within_45_working_days_share": {"green": 0.85, "amber": 0.75}}), benchmarks, history
    )
    # help and protection (assessments) before leadership (case audits), as ILACS judges
    assert [r.indicator.id for r in rows] == ["assessments.within_45_working_days_share", "audits.count"]
    assessments, audits = rows
    assert audits.value == "[c]" and audits.rating is None
    assert assessments.value == "80%"
    assert assessments.rating == "amber"  # 0.75 <= 0.80 < 0.85
    assert assessments.england == "86% (2024-25)"
    assert assessments.history == ("60%", "70%")
    assert assessments.change == "+10 pts"  # 80% - 70%


def test_figures_json_comparators_become_the_tables_columns():
    found = {
        "referrals.rereferral_share": {
            "england": {"value": 0.226, "year": "2024-25", "source": "DfE C1"},
            "region": {"value": 0.217, "year": "2024-25", "source": "DfE C1"},
            "la_published": {"value": 0.155, "year": "2024-25", "source": "DfE C1"},
        },
        "cla.rate_per_10k": {"england": {"value": 67, "year": "31 March 2025", "source": "DfE SSDA903"}},
    }
    benchmarks, comparators = comparison_columns(found)
    assert benchmarks["cla.rate_per_10k"] == {"value": 67, "year": "31 March 2025", "source": "DfE SSDA903"}
    assert comparators == {"referrals.rereferral_share": Comparator("2024-25", 0.217, None, "DfE C1", 0.155)}
    document = {"figures": {"referrals.rereferral_share": 0.2}, "suppressed": []}
    [row] = vital_signs(document, params(), benchmarks, [], None, comparators)
    assert (row.england, row.region, row.neighbours, row.published) == ("23% (2024-25)", "22% (2024-25)", "–", "16% (2024-25)")


def test_change_matches_the_values_shown():
    # 0.854 shows as 85%, 0.845 as 85% (half up): no change in what the reader sees.
    assert change_since(0.854, 0.845, "share") == "+0 pts"
    assert change_since(0.849, 0.855, "share") == "-1 pts"  # 85% then 86%
    assert change_since(30, 30, "number") == "+0"


def test_a_figure_withheld_in_an_earlier_pack_shows_as_withheld():
    document = {"figures": {"audits.count": 40}, "suppressed": []}
    history = [{"audience": "public", "figures": {"audits.count": None}, "suppressed": ["audits.count"]}]
    row = vital_signs(document, params(), {}, history)[0]
    assert row.history == ("[c]",) and row.change == "–"


def internal_pack():
    """An internal pack's figures.json: 20 moderated = 12 agreed + 6 downgraded + 2 upgraded; 3 workers over 50."""
    return {
        "audience": "internal",
        "suppressed": [],
        "figures": {
            "audits.moderated_count": 20,
            "audits.moderation_agreement_share": 0.6,
            "audits.moderation_downgrade_share": 0.3,
            "caseload.workers_over_50_count": 3,
            "caseload.median": 18,
            "referrals.count": 400,
            "referrals.nfa_share": 0.01,
        },
    }


def test_a_public_pack_shows_an_internal_packs_history_through_its_own_control():
    current = {"figures": {key: None for key in internal_pack()["figures"]}, "suppressed": []}
    rows = {row.indicator.id: row.history[0] for row in vital_signs(current, params(), {}, [internal_pack()])}
    assert rows["caseload.workers_over_50_count"] == "[c]"  # 3 is small
    assert rows["referrals.nfa_share"] == "[c]"  # 0.01 x 400 referrals = 4, small
    assert rows["caseload.median"] == "[c]"  # over how many workers the document does not say
    # 0.3 x 20 = 6 downgraded, and 20 - 12 - 6 = 2 upgraded: the smaller share goes
    assert (rows["audits.moderated_count"], rows["audits.moderation_agreement_share"], rows["audits.moderation_downgrade_share"]) == (
        "20",
        "60%",
        "[c]",
    )
    assert rows["referrals.count"] == "400"


def test_an_internal_pack_shows_its_history_as_it_is():
    current = {"figures": {"caseload.workers_over_50_count": 1}, "suppressed": []}
    row = vital_signs(current, params(audience="internal"), {}, [internal_pack()])[0]
    assert row.history == ("3",) and row.change == "-2"


def test_the_rating_is_given_on_the_figure_as_shown():
    # 0.548 is shown as 55%: amber against an amber threshold of 55%, never red
    document = {"figures": {"audits.good_or_better_share": 0.548}, "suppressed": []}
    row = vital_signs(document, params(targets={"audits.good_or_better_share": {"green": 0.7, "amber": 0.55}}), {}, [])[0]
    assert (row.value, row.rating) == ("55%", "amber")
    assert rag(0.548, Band(green=0.7, amber=0.55), "higher") == "red"  # the unrounded value would have been red


def test_the_target_in_force_at_the_period_end_rates_the_figure():
    # period_end 2019-03-31: the step from 2019-03-01 (green 60%, amber 50%) is in force; 55% is amber against it
    trajectory = [
        {"from": "2019-01-01", "green": 0.5, "amber": 0.4},
        {"from": "2019-03-01", "green": 0.6, "amber": 0.5},
        {"from": "2019-04-01", "green": 0.9, "amber": 0.8},
    ]
    document = {"figures": {"audits.good_or_better_share": 0.55}, "suppressed": []}
    row = vital_signs(document, params(targets={"audits.good_or_better_share": trajectory}), {}, [])[0]
    assert (row.target, row.rating) == ("60% (amber 50%)", "amber")


def test_baseline_and_comparators_with_their_year_and_source():
    document = {"figures": {"assessments.within_45_working_days_share": 0.8, "audits.count": 40}, "suppressed": []}
    baseline = {
        "audience": "public",
        "figures": {"assessments.within_45_working_days_share": 0.62, "audits.count": None},
        "suppressed": ["audits.count"],
    }
    comparators = {"assessments.within_45_working_days_share": Comparator("2023-24", 0.84, None, "LAIT, CIN 2023-24")}
    rows = {r.indicator.id: r for r in vital_signs(document, params(), {}, [], baseline, comparators)}
    assessments = rows["assessments.within_45_working_days_share"]
    assert (assessments.baseline, assessments.region, assessments.neighbours) == ("62%", "84% (2023-24)", "–")
    assert assessments.comparator_source == "LAIT, CIN 2023-24"
    assert (rows["audits.count"].baseline, rows["audits.count"].region) == ("[c]", "–")  # withheld at baseline; no comparator


def test_a_monthly_figure_gets_its_sparkline_and_spc_icons():
    months = {"2019-01": 0.5, "2019-02": 0.6, "2019-03": 0.7}
    reading = {"variation": "improvement", "assurance": "fail", "centre": 0.6, "lower": 0.4, "upper": 0.8, "points": 3}
    document = {
        "figures": {"audits.good_or_better_share": 0.6, "audits.monthly.good_or_better_share": months},
        "suppressed": [],
        "spc": {"audits.monthly.good_or_better_share": reading},
    }
    row = vital_signs(document, params(targets={"audits.good_or_better_share": 0.9}), {}, [])[0]
    assert row.spc == reading
    assert 'aria-label="Audits graded good or better, by month, 2019-01 to 2019-03"' in row.sparkline
    assert 'fill="#289de0"' in row.sparkline  # the latest point is special-cause improvement
    assert "Special-cause improvement" in row.variation_icon and "will not meet the target" in row.assurance_icon
    plain = vital_signs({"figures": {"audits.count": 3}, "suppressed": []}, params(), {}, [])[0]
    assert (plain.sparkline, plain.variation_icon, plain.spc) == ("", "", None)


def test_vital_signs_groups_follow_the_ilacs_judgements():
    """Help and protection (early help, front door, assessments ...), then children in care (adoption), then
    leadership (workforce, case audits); within a group, catalogue order; an uncatalogued theme last."""
    ids = [
        "audits.count",
        "caseload.median",
        "adoption.adopted_count",
        "referrals.count",
        "early_help.started_count",
        "frontdoor.decisions_count",
        "assessments.completed_count",
        "cp.started_count",
        "not.catalogued",
    ]
    document = {"figures": {figure_id: 10 for figure_id in ids}, "suppressed": []}
    rows = vital_signs(document, params(), {}, [])
    assert [r.indicator.theme for r in rows] == [
        "Early help",
        "Front door",
        "Front door",
        "Assessments",
        "Child protection",
        "Adoption",
        "Workforce and caseloads",
        "Case audits",
        "Other",
    ]
    assert [r.indicator.id for r in rows][1:3] == ["referrals.count", "frontdoor.decisions_count"]


def test_figures_kept_for_continuity_and_breakdown_cells_are_not_vital_signs():
    document = {
        "figures": {
            "referrals.repeat_share": 0.3,
            "referrals.rereferral_share": 0.2,
            "referrals.rereferral_share.by_team.North": 0.1,
            "cla.permanence_plan_share": 0.8,
        },
        "suppressed": [],
    }
    assert [row.indicator.id for row in vital_signs(document, params(), {}, [])] == ["referrals.rereferral_share"]


def test_a_routine_figures_monthly_series_keeps_its_group():
    from readiness.config.figures import monthly_id

    assert monthly_id("audits.good_or_better_share") == "audits.monthly.good_or_better_share"
    assert monthly_id("audits.routine.good_or_better_share") == "audits.routine.monthly.good_or_better_share"
    assert monthly_id("audits.routinely_x") == "audits.monthly.routinely_x"


def test_equality_cells_are_their_sections_tables_not_vital_signs_and_have_their_kinds():
    from readiness.config.catalogue import describe

    document = {
        "figures": {"equality.cla.sex.male": 40, "equality.cla.sex.male.rate_per_10k": 15.04, "cla.count_at_snapshot": 80},
        "suppressed": [],
    }
    assert [row.indicator.id for row in vital_signs(document, params(), {}, [])] == ["cla.count_at_snapshot"]
    assert [describe(i).kind for i in ("equality.cla.sex.male", "equality.cla.sex.male.rate_per_10k", "equality.cla.sex.male.ratio")] == [
        "count",
        "rate",
        "number",
    ]
