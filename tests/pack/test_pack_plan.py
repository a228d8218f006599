"""Readiness worked out once on a pack's exact figures (``readiness.pack.plan``): the same in both editions, in
figures.json with each finding's source and why, and an id the pack lacks set aside with a warning."""

from __future__ import annotations

import json
from datetime import date

import pandas as pd

from readiness.config.params import Params
from readiness.indicators.figure import Figure, share
from readiness.inputs.bundle import Inputs
from readiness.pack.cache import notebook_key
from readiness.pack.notebook import Pack
from readiness.pack.plan import Plan, plan_document, plan_warnings

MONTHS = [f"{date(2024, 10 + m, 1) if m < 3 else date(2025, m - 2, 1):%Y-%m}" for m in range(12)]  # October 2024 to September 2025
# Eleven months alternating 30% and 32%, then 60%: centre 4.0 / 12 = .3333, mean moving range (10 × .02 + .28) / 11 = .04364,
# upper limit .3333 + 2.66 × .04364 = .4494; 60% is above it, and re-referrals are better lower: special-cause concern.
SERIES = {month: Figure(value, (round(value * 100), 100)) for month, value in zip(MONTHS, [0.30, 0.32] * 5 + [0.30, 0.60])}
FIGURES = {
    "referrals.rereferral_share": share(3, 20),
    "referrals.monthly.rereferral_share": SERIES,
    "audits.good_or_better_share": share(4, 5),
}
FINDINGS = pd.DataFrame(
    {
        "finding_id": ["F1", "F2", "F3"],
        "_row": [2, 3, 4],
        "source": ["ILACS 2024", "Monitoring visit 2025-06", "Mock inspection 2025-09"],
        "source_date": pd.to_datetime(["2024-12-13", "2025-06-20", "2025-09-15"]),
        "area": ["front_door", "quality_assurance", "leaders"],
        "priority": pd.array([True, False, None], dtype="boolean"),
        "figures": ["referrals.monthly.rereferral_share", "audits.good_or_better_share;cp.visit_within_interval_share", None],
        "audit_domains": [None, None, None],
    }
)
ACTIONS = pd.DataFrame({"action_id": ["A1"], "finding_id": ["F2"], "status": ["on_track"], "due_date": pd.to_datetime(["2025-12-31"])})


def pack(audience: str) -> Pack:
    params = Params(
        pack_id="t",
        la_name="T",
        period_start=date(2024, 10, 1),
        period_end=date(2025, 9, 30),
        audience=audience,
        data={"findings": "findings.csv"},
        targets={"audits.good_or_better_share": 0.7},
    )
    return Pack(params, Inputs(findings=FINDINGS, improvement_actions=ACTIONS), computed=FIGURES, whole={}, returns={})


def test_readiness_is_decided_on_the_exact_figures_and_the_same_in_both_editions():
    internal, public = plan_document(pack("internal")), plan_document(pack("public"))
    assert internal == public
    # F1: its re-referral series shows special-cause concern; F2: its action is on track and audits (80%) meet 70%;
    # F3 links nothing
    assert internal["readiness"] == {"findings.F1.readiness": "red", "findings.F2.readiness": "green", "findings.F3.readiness": None}
    assert internal["findings"]["F1"] == {
        "source": "ILACS 2024",
        "source_date": "2024-12-13",
        "area": "front_door",
        "priority": True,
        "why": "Re-referrals within 12 months (DfE's re-referral rate) has got worse beyond normal variation (special-cause concern).",
    }
    assert [internal["findings"][i]["priority"] for i in ("F2", "F3")] == [False, False]


def test_a_figure_the_pack_lacks_is_left_out_with_a_warning():
    plan = Plan(pack("public"))
    assert plan.linked["F2"] == (["audits.good_or_better_share"], ["cp.visit_within_interval_share"])
    [warning] = plan_warnings(pack("public"))
    assert warning.describe() == (
        "findings.csv, row 3, column 'figures': the figure 'Open plans with a visit within the interval (local "
        "standard)' is not in this pack (its data was not given), so finding F2 is rated without it"
    )


def test_a_pack_without_a_register_adds_nothing():
    bare = Pack(pack("internal").params, Inputs(), computed=FIGURES, whole={}, returns={})
    assert plan_document(bare) == {} and plan_warnings(bare) == []


def test_a_section_reading_history_is_run_again_when_an_earlier_pack_changes(tmp_path):
    earlier, notebook = tmp_path / "figures.json", tmp_path / "00_findings.ipynb"
    notebook.write_text("{}", encoding="utf-8")
    earlier.write_text('{"figures": {"findings.count": 7}}', encoding="utf-8")
    params = pack("internal").params.model_copy(update={"history": [earlier]})
    keys = [notebook_key(params, {}, notebook, reads, "findings") for reads in (("findings", "history"), ("findings",))]
    earlier.write_text('{"figures": {"findings.count": 8}}', encoding="utf-8")
    assert notebook_key(params, {}, notebook, ("findings", "history"), "findings") != keys[0]
    assert notebook_key(params, {}, notebook, ("findings",), "findings") == keys[1]


def test_a_blank_date_or_area_reads_as_not_recorded():
    findings = FINDINGS.assign(source_date=pd.to_datetime([None, "2025-06-20", "2025-09-15"]), area=[None, "leaders", "leaders"])
    bare = Pack(pack("internal").params, Inputs(findings=findings), computed=FIGURES, whole={}, returns={})
    entry = plan_document(bare)["findings"]["F1"]
    assert (entry["source_date"], entry["area"]) == (None, "not recorded")


def test_the_demo_pack_rates_every_finding_and_shows_the_section(demo_pack):
    document = json.loads((demo_pack / "figures.json").read_text(encoding="utf-8"))
    readiness = document["readiness"]
    assert len(readiness) == 8 and set(document["findings"]) == {f"F0{n}" for n in range(1, 9)}
    # by hand from the plan: F04's action A11 is off track, F07's A18 was due 30 June 2025 and is not started
    assert readiness["findings.F04.readiness"] == readiness["findings.F07.readiness"] == "red"
    assert document["findings"]["F07"]["why"] == "An action is overdue."
    assert "improvement_actions.overdue_count" in document["suppressed"]  # one overdue action (A18): 1 to 5 is withheld
    html = (demo_pack / "index.html").read_text(encoding="utf-8")
    assert "Findings and the improvement plan" in html and "Decisions at the front door are not always timely" in html
    assert "Agree the threshold document" not in html  # an action's wording: the Board edition only
