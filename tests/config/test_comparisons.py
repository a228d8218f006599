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
    [("2024-25", date(2025, 3, 31)), ("Sept 2025", date(2025, 9, 30)), ("year to Sept 2023", date(2023, 9, 30)),
     ("31 March 2024", date(2024, 3, 31)), ("1999-00", date(2000, 3, 31))],
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
