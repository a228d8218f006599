"""A pack from the demo's statutory returns alone (``parameters/demo-returns.yaml``, no Annex A) builds; every figure the
returns cannot feed is null in figures.json (never 0 % or 100 %) and listed in the pack, in words, as not in them."""

from __future__ import annotations

import html
import json

import pytest
from conftest import REPO

from readiness.config.params import load_params
from readiness.indicators.returns_alone import lacking
from readiness.inputs.read import load_inputs
from readiness.pack.build import build

pytestmark = pytest.mark.slow  # a whole pack


@pytest.fixture(scope="module")
def returns_pack(demo_data, tmp_path_factory):
    out = tmp_path_factory.mktemp("packs") / "demo-returns"
    build(REPO / "parameters" / "demo-returns.yaml", out, pdf=False)
    return out


def test_a_pack_from_the_returns_alone_feeds_what_they_hold(returns_pack):
    figures = json.loads((returns_pack / "figures.json").read_text(encoding="utf-8"))["figures"]
    for figure_id in (
        "referrals.count",
        "assessments.within_45_working_days_share",
        "cla.started_count",
        "cla.dfe_stability_three_plus_share",
        "workforce.vacancy_rate",
    ):
        assert figures[figure_id] is not None
    assert "contacts.count" not in figures  # Annex A's List 1: not in the returns, and no section says otherwise


def test_no_figure_the_returns_cannot_feed_is_0_or_100_per_cent(returns_pack):
    figures = json.loads((returns_pack / "figures.json").read_text(encoding="utf-8"))["figures"]
    page = html.unescape((returns_pack / "index.html").read_text(encoding="utf-8"))
    not_fed = lacking(load_inputs(load_params(REPO / "parameters" / "demo-returns.yaml")))
    assert {
        "cla.unallocated_count",
        "cp.visit_within_interval_share",
        "assessments.child_seen_share",
        "cla.health_assessment_in_date_share",
    } <= not_fed.keys()
    assert {figure_id: figures[figure_id] for figure_id in not_fed} == dict.fromkeys(not_fed)
    assert "Not in the statutory returns" in page
    assert "children in care with no allocated worker" in page and "(not in the statutory returns)" in page
