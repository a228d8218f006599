"""Readiness against a finding (``readiness.present.findings``): one hand-worked test per branch of pack.md's rule,
the evidence read from figures, targets and SPC readings, and the Board summary's lines."""

from __future__ import annotations

from datetime import date

import pandas as pd

from readiness.config.params import Params
from readiness.indicators.improvement_plan import action_states
from readiness.present.findings import (
    NOTHING_LINKED,
    BoardLine,
    Evidence,
    area_words,
    board_lines,
    evidence_of,
    lines_markdown,
    linked_evidence,
    linked_ids,
    rate,
)

REREFERRALS = "referrals.rereferral_share"  # better lower
AUDITS = "audits.good_or_better_share"  # better higher


def params(**targets) -> Params:
    """A pack's parameters with ``targets`` (``a__b=…`` for ``a.b``)."""
    return Params(
        pack_id="t",
        la_name="T",
        period_start=date(2024, 10, 1),
        period_end=date(2025, 9, 30),
        targets={key.replace("__", "."): value for key, value in targets.items()},
    )


def green(label="A") -> Evidence:
    return Evidence(label, label, True, "green")


def test_an_overdue_action_makes_it_red_whatever_the_figures_say():
    states = action_states(
        pd.DataFrame({"status": ["on_track", "complete"], "due_date": pd.to_datetime(["2025-08-31", "2025-08-31"])}), date(2025, 9, 30)
    )
    assert states.tolist() == ["overdue", "complete"]  # due 31 August, not complete by 30 September
    readiness = rate(states.tolist(), [green()])
    assert readiness.rating == "red" and readiness.reasons == ("an action is overdue",)


def test_an_action_due_on_the_period_end_is_not_overdue():
    states = action_states(pd.DataFrame({"status": [None], "due_date": pd.to_datetime(["2025-09-30"])}), date(2025, 9, 30))
    assert states.tolist() == ["not_recorded"]


def test_an_off_track_action_makes_it_red():
    assert rate(["complete", "off_track"], [green()]).rating == "red"
    assert rate(["off_track"], []).why == "An action is off track."


def test_a_linked_figure_rated_red_makes_it_red():
    readiness = rate(["complete"], [green(), Evidence("x", "Re-referrals", True, "red")])
    assert (readiness.rating, readiness.why) == ("red", "Re-referrals is red against its target.")


def test_special_cause_concern_makes_it_red_even_without_a_target():
    readiness = rate(["on_track"], [green(), Evidence("x", "Visits", False, None, "concern")])
    assert readiness.rating == "red"
    assert readiness.reasons == ("Visits has got worse beyond normal variation (special-cause concern)",)


def test_all_on_track_with_a_figure_improving_is_green():
    readiness = rate(
        ["complete", "on_track"],
        [Evidence("x", "Visits", False, None, "improvement"), Evidence("y", "Audits", False, None, "common_cause")],
    )
    assert readiness.rating == "green"
    assert readiness.reasons == ("every action is complete or on track", "Visits shows improvement beyond normal variation")


def test_a_figure_meeting_its_target_is_enough_for_green():
    assert rate([], [green("Audits")]).reasons == ("Audits meets its target",)


def test_nothing_linked_is_not_rated():
    readiness = rate([], [])
    assert readiness.rating is None and readiness.reasons == (NOTHING_LINKED,)


def test_amber_when_nothing_is_wrong_but_nothing_shows_progress_yet():
    readiness = rate(["complete"], [Evidence("x", "Visits", False, None, "common_cause")])
    assert readiness.rating == "amber"
    assert readiness.reasons == ("no linked figure yet meets its target or shows improvement beyond normal variation",)


def test_amber_when_an_action_is_at_risk_or_a_target_is_missed_though_another_figure_improves():
    improving = Evidence("x", "Visits", False, None, "improvement")
    assert rate(["at_risk"], [improving]).reasons == ("an action is at risk",)
    missed = Evidence("y", "Audits", True, "amber")
    unmeasured = Evidence("z", "Caseloads", True, None)
    assert rate(["on_track"], [improving, missed, unmeasured]).reasons == (
        "Audits is amber against its target",
        "Caseloads is not yet measured against its target",
    )


def test_a_figure_is_rated_at_the_value_the_page_shows():
    # 0.2049 shows as 20%: at the green threshold of 0.20 for a lower-is-better share, so green
    found = evidence_of(
        REREFERRALS,
        {REREFERRALS: 0.2049},
        {"referrals.monthly.rereferral_share": "concern"},
        params(referrals__rereferral_share={"green": 0.2, "amber": 0.25}),
    )
    assert (found.rating, found.variation, found.target) == ("green", "concern", True)
    assert evidence_of(AUDITS, {AUDITS: None}, {}, params(audits__good_or_better_share=0.7)).rating is None


def test_an_audit_domain_counts_only_through_a_target_and_only_by_its_rating():
    domain = "audits.routine.domain_good_or_better_share.voice_of_child"
    values = {domain: 0.5, "audits.routine.domain_good_or_better_share.planning": 0.9}
    variations = {"audits.routine.monthly.domain_good_or_better_share.voice_of_child": "concern"}
    found = linked_evidence([], ["voice_of_child", "planning"], values, variations, params(**{domain.replace(".", "__"): 0.6}))
    assert [(e.figure_id, e.rating, e.variation) for e in found] == [(domain, "red", None)]  # 0.5 < 0.6 × 0.9 = 0.54


def test_a_monthly_series_links_its_headline_and_an_absent_id_is_set_aside():
    present = {REREFERRALS: 0.2, "referrals.monthly.rereferral_share": {}}
    assert linked_ids(["referrals.monthly.rereferral_share", REREFERRALS, AUDITS], present) == ([REREFERRALS], [AUDITS])


def test_a_council_area_is_shown_in_words():
    assert area_words("front_door") == "Front door" and area_words("edge_of_care") == "Edge of care"


def test_the_board_summary_has_one_line_per_finding_in_order():
    document = {
        "readiness": {"findings.F2.readiness": "red", "findings.F1.readiness": None},
        "findings": {
            "F1": {"source": "ILACS 2024", "area": "leaders", "priority": False, "why": "Nothing."},
            "F2": {"source": "Monitoring visit 2025-06", "area": "front_door", "priority": True, "why": "An action is overdue."},
        },
    }
    lines = board_lines(document)
    assert lines == [
        BoardLine("F1", "ILACS 2024", "Leaders", False, None, "Nothing."),
        BoardLine("F2", "Monitoring visit 2025-06", "Front door", True, "red", "An action is overdue."),
    ]
    assert lines[1].text() == "Monitoring visit 2025-06, Front door (priority): Red. An action is overdue."
    assert lines[0].rating_words == "Not rated"
    assert board_lines({"figures": {}}) == []


def test_two_findings_of_one_visit_in_one_area_are_told_apart_by_their_ids():
    entry = {"source": "Monitoring visit 2025-04", "area": "help_and_protection", "priority": False, "why": "."}
    document = {"findings": {"F6": entry, "F7": {**entry, "source": "ILACS 2024"}, "F8": entry}}
    assert [line.where for line in board_lines(document)] == [
        "Monitoring visit 2025-04, Help and protection (F6)",
        "ILACS 2024, Help and protection",
        "Monitoring visit 2025-04, Help and protection (F8)",
    ]


def test_the_lines_as_a_markdown_list_keep_input_text_as_data():
    line = BoardLine("F1", "ILACS *2024*", "Front door", True, "amber", "An action is at risk.")
    assert lines_markdown([line]) == r"- **Amber**: ILACS \*2024\*, Front door \(priority\). An action is at risk\."
