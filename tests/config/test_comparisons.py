"""Comparators from an LA code (DfE's published tables), England's file by year, and which source wins.

Knowsley (340), reporting year 2024-25, re-referrals (DfE table C1, rereferral_percent): England 22.6, North West
21.7, Knowsley 15.5; its ten neighbours (DfE's 2025 model) County Durham 18.7, Hartlepool 26.5, Redcar and Cleveland
14.6, South Tyneside 17.2, Sunderland 18.5, Halton 19.0, Liverpool 30.5, Sefton 26.2, St. Helens 19.8, Wirral 22.2:
sum 213.2, mean 21.32 %.
"""

from datetime import date

import pytest

from readiness.config.comparisons import comparisons, comparisons_document, england_values, year_end
from readiness.config.dfe import dfe_values
from readiness.config.params import Params
from readiness.config.published import Published
from readiness.errors import ParametersError


@pytest.mark.parametrize(
    "label, end",
    [
        ("2024-25", date(2025, 3, 31)),
        ("Sept 2025", date(2025, 9, 30)),
        ("year to Sept 2023", date(2023, 9, 30)),
        ("31 March 2024", date(2024, 3, 31)),
        ("1999-00", date(2000, 3, 31)),
    ],
)
def test_year_labels_end_where_dfe_says(label, end):
    assert year_end(label) == end


def test_knowsleys_rereferrals_with_its_region_and_neighbours():
    values = dfe_values("340", date(2025, 9, 30))["referrals.rereferral_share"]
    assert {group: (v.value, v.year) for group, v in values.items()} == {
        "england": (0.226, "2024-25"),
        "region": (0.217, "2024-25"),
        "statistical_neighbours": (pytest.approx(0.2132), "2024-25"),
        "la_published": (0.155, "2024-25"),
    }
    assert "Open Government Licence v3.0" in values["england"].source


def test_the_year_is_the_latest_ending_by_the_period_end():
    assert dfe_values("340", date(2025, 3, 30))["referrals.rereferral_share"]["england"].year == "2023-24"
    assert dfe_values("340", date(2025, 3, 31))["referrals.rereferral_share"]["england"].year == "2024-25"
    assert dfe_values("340", date(2025, 9, 29))["workforce.agency_share"]["england"].year == "Sept 2024"
    assert "workforce.agency_share" not in dfe_values("340", date(2017, 9, 29))  # before the first census in the tables


def test_dfes_care_leaver_values_stand_beside_the_packs_age_figures_with_a_caveat():
    values = dfe_values("340", date(2025, 9, 30))
    assert values["care_leavers.age_19_21.eet_share"]["england"].value == values["care_leavers.dfe.age_19_21.eet_share"]["england"].value
    assert "at the birthday" in values["care_leavers.age_19_21.eet_share"]["england"].source


def test_englands_file_takes_the_latest_year_ending_by_the_period_end(tmp_path):
    path = tmp_path / "england.yaml"
    path.write_text(
        'workforce.agency_share:\n  - {year: "Sept 2023", value: 0.178, source: "DfE 2023"}\n  - {year: "Sept 2025", value: 0.13, source: "DfE 2025"}\n',
        encoding="utf-8",
    )
    assert england_values(date(2025, 3, 31), path)["workforce.agency_share"]["england"].value == 0.178
    assert england_values(date(2025, 9, 30), path)["workforce.agency_share"]["england"].value == 0.13
    assert england_values(date(2020, 1, 1), path)["workforce.agency_share"]["england"].value == 0.13  # none by then: the latest


def test_the_users_comparators_win_then_dfes_then_englands_file(tmp_path):
    mine = tmp_path / "comparators.yaml"
    mine.write_text('referrals.rereferral_share:\n  "2024-25": {region: 0.3, source: "My region"}\n', encoding="utf-8")
    params = Params(pack_id="t", la_name="T", period_start=date(2025, 4, 1), period_end=date(2025, 9, 30), la_code=340, comparators=mine)
    found = comparisons(params)["referrals.rereferral_share"]
    assert found["region"] == Published(0.3, "2024-25", "My region")
    assert found["statistical_neighbours"].value == pytest.approx(0.2132)  # DfE's, the user gave none
    assert found["england"].source.startswith("DfE, Children in need (table C1)")  # DfE's table before england.yaml
    document = comparisons_document(comparisons(params))
    assert document["referrals.rereferral_share"]["region"] == {"value": 0.3, "year": "2024-25", "source": "My region"}


def test_without_an_la_code_only_englands_file_and_the_users_values():
    params = Params(pack_id="t", la_name="T", period_start=date(2025, 4, 1), period_end=date(2025, 9, 30))
    found = comparisons(params)
    assert set(found["referrals.rereferral_share"]) == {"england"}


def test_a_code_dfe_does_not_publish_is_an_error_naming_it(tmp_path):
    path = tmp_path / "p.yaml"
    path.write_text("pack_id: t\nla_name: T\nperiod_start: 2025-04-01\nperiod_end: 2025-09-30\nla_code: 999\n", encoding="utf-8")
    from readiness.config.params import load_params

    with pytest.raises(ParametersError, match="999"):
        load_params(path)


# Read by hand from DfE's CSVs in ../shared/data/dfe/ (Knowsley 340, North West E12000002). A pack to 30 June 2025
# takes the CIN and care-leaver year 2024-25 (ending 31 March 2025) and the workforce census of Sept 2024 (Sept 2025's
# is after the period end). c1 2025: re-referrals 22.6 / 21.7 / 15.5 %, NFA 6.5 / 5.1 / 3.8 %; d3 2025: second or
# subsequent plans 24.5 / 23.3 / 27.8 %; csww 2024: agency 16.2 / 19.0 / 21.2 %, turnover 13.9 / 15.5 / 24.6 %,
# caseload 15.4 / 16.6 / 16.2, vacancy 17.3 / 18.4 / 21.9 %; care leavers 2025 (EET and suitable accommodation, % of
# the age group): 17-18 64 / 63 / 53 and 91 / 92 / 94, 19-21 54 / 55 / 52 and 89 / 91 / 92.
KNOWSLEY_2025_06 = {
    "referrals.rereferral_share": ("2024-25", 0.226, 0.217, 0.155),
    "referrals.nfa_share": ("2024-25", 0.065, 0.051, 0.038),
    "cp.second_or_subsequent_share": ("2024-25", 0.245, 0.233, 0.278),
    "workforce.agency_share": ("Sept 2024", 0.162, 0.190, 0.212),
    "workforce.turnover_rate": ("Sept 2024", 0.139, 0.155, 0.246),
    "caseload.mean_per_fte": ("Sept 2024", 15.4, 16.6, 16.2),
    "workforce.vacancy_rate": ("Sept 2024", 0.173, 0.184, 0.219),
    "care_leavers.dfe.age_17_18.eet_share": ("2024-25", 0.64, 0.63, 0.53),
    "care_leavers.dfe.age_17_18.suitable_accommodation_share": ("2024-25", 0.91, 0.92, 0.94),
    "care_leavers.dfe.age_19_21.eet_share": ("2024-25", 0.54, 0.55, 0.52),
    "care_leavers.dfe.age_19_21.suitable_accommodation_share": ("2024-25", 0.89, 0.91, 0.92),
}


def test_with_an_la_code_figures_json_carries_dfes_values_for_the_right_year():
    from readiness.pack.figures import figures_document

    params = Params(pack_id="t", la_name="Knowsley", period_start=date(2024, 7, 1), period_end=date(2025, 6, 30), la_code=340)
    carried = figures_document({}, params)["comparators"]
    found = {
        figure_id: (
            carried[figure_id]["england"]["year"],
            *(pytest.approx(carried[figure_id][group]["value"]) for group in ("england", "region", "la_published")),
        )
        for figure_id in KNOWSLEY_2025_06
    }
    assert found == KNOWSLEY_2025_06
    assert {carried[i][g]["year"] for i in KNOWSLEY_2025_06 for g in ("region", "statistical_neighbours", "la_published")} == {
        "2024-25",
        "Sept 2024",
    }
    # the ten neighbours' second plans, d3 2025: 21.2, 32.4, 25.5, 32.6, 31.0, 21.9, 16.0, 25.4, 26.8, 21.5 = 254.3 / 10;
    # their turnover, csww 2024: Sunderland's is 'u' (not published), so the other nine: 134.3 / 9 = 14.922 %
    assert carried["cp.second_or_subsequent_share"]["statistical_neighbours"]["value"] == pytest.approx(0.2543)
    assert carried["workforce.turnover_rate"]["statistical_neighbours"]["value"] == pytest.approx(0.149222, abs=1e-6)
    # the pack's own care leavers at DfE's ages carry DfE's values beside them, said to be at the birthday
    assert carried["care_leavers.age_19_21.eet_share"]["la_published"]["value"] == 0.52
    assert "at the birthday" in carried["care_leavers.age_19_21.eet_share"]["la_published"]["source"]
