"""What the findings section shows of one finding (``readiness.present.finding_page``), on hand-made values."""

from __future__ import annotations

import pandas as pd
from test_findings import params

from readiness.present.finding_page import (
    action_rows,
    domain_months,
    figure_rows,
    mock_sentence,
    owners_sentence,
    progress_sentence,
    readiness_sentence,
    role_words,
    trend_words,
)
from readiness.present.findings import Evidence, Readiness

AUDITS = "audits.good_or_better_share"
ASSESSMENTS = "assessments.open_over_45_working_days"


def test_each_linked_figure_from_the_inspection_to_now_against_its_target():
    now = ({AUDITS: 0.6049, ASSESSMENTS: 3}, {ASSESSMENTS})  # the count is withheld in this edition
    evidence = [Evidence(AUDITS, "Audits", True, "amber"), Evidence(ASSESSMENTS, "Assessments", True, "green")]  # as readiness read them
    table = figure_rows(
        evidence,
        now,
        {AUDITS: 0.41},
        None,
        {"audits.monthly.good_or_better_share": "improvement"},
        params(audits__good_or_better_share={"green": 0.7, "amber": 0.6}, assessments__open_over_45_working_days=10),
    )
    assert table.to_dict("index") == {
        "Audits graded good or better": {
            "At inspection": "41%",
            "Last Board": "–",
            "Now": "60%",
            "Target": "70% (amber 60%)",
            "Rating": "Amber",
            "Trend": "Improving beyond normal variation (special-cause improvement)",
        },
        "Open assessments past 45 working days": {
            "At inspection": "–",
            "Last Board": "–",
            "Now": "[c]",
            "Target": "10",
            "Rating": "Green",
            "Trend": "–",
        },  # the exact value's rating, as readiness read it
    }


def test_a_series_without_a_reading_says_so():
    assert trend_words(AUDITS, {"audits.monthly.good_or_better_share": None}) == "Too few months for a reading yet"
    assert (
        trend_words(AUDITS, {"audits.monthly.good_or_better_share": "common_cause"})
        == "No change beyond normal variation yet (common cause)"
    )


def test_a_board_editions_action_list_and_the_owners_in_words():
    actions = pd.DataFrame(
        {
            "action_id": ["A1", "A2"],
            "action": ["Agree thresholds", "Audit decisions"],
            "owner_role": ["head_of_service", None],
            "due_date": pd.to_datetime(["2025-03-31", None]),
            "completed_date": pd.to_datetime(["2025-03-20", None]),
            "state": ["complete", "not_recorded"],
        }
    )
    assert action_rows(actions).to_dict("index") == {
        "Agree thresholds": {"Owner": "Head of service", "Due": "31 Mar 2025", "Done": "20 Mar 2025", "Progress": "Done"},
        "Audit decisions": {"Owner": "Not recorded", "Due": "–", "Done": "–", "Progress": "No status recorded"},
    }
    assert owners_sentence(actions) == "Owners: Head of service, Not recorded."
    assert owners_sentence(actions.iloc[:0]) == "No actions in the plan yet."
    assert role_words("principal_social_worker") == "Principal social worker"


def test_the_linked_domains_by_month_as_published():
    series = {
        "audits.routine.monthly.domain_good_or_better_share.voice_of_child": {"2025-08": 0.5, "2025-09": None},
        "audits.routine.monthly.domain_good_or_better_share.planning": {"2025-09": 0.75, "2025-08": 0.25},
    }
    months = domain_months(series, ["voice_of_child", "planning", "assessment"])
    assert months.columns.tolist() == ["Voice of child", "Planning"]  # assessment is not graded: no column
    assert months.index.tolist() == ["2025-08", "2025-09"]
    assert months.loc["2025-09", "Planning"] == 0.75 and pd.isna(months.loc["2025-09", "Voice of child"])


def test_the_readiness_sentence():
    assert readiness_sentence(Readiness("red", ("an action is overdue",))) == "**Readiness: Red.** An action is overdue."
    assert readiness_sentence(Readiness(None, ("nothing links it",))) == "**Readiness: Not rated.** Nothing links it."


def test_a_findings_actions_in_words_as_an_edition_shows_them():
    board = pd.Series({"actions": 4, "complete": 2, "on_track": 1, "overdue": 0, "other": 1})
    assert (
        progress_sentence(board, 0)
        == "Its actions: 4 in all; 2 done, 1 on track, none overdue, 1 other (at risk, off track or not started)."
    )
    public = pd.Series({"actions": 5, "complete": "[c]", "on_track": "[c]", "overdue": 0, "other": "[c]"})
    assert (
        progress_sentence(public, 5)
        == "Its actions: 5 in all; 1 to 5 done, 1 to 5 on track, none overdue, 1 to 5 other (at risk, off track or not started)."
    )


def test_the_mock_inspections_actions_on_the_themes_in_words():
    safe = pd.DataFrame({"actions": ["[c]", 10], "overdue": [0, "[c]"]}, index=["Assessment", "Voice of child"])
    assert (
        mock_sentence(safe, 5)
        == "The mock inspection set actions on its themes: Assessment, 1 to 5 (none overdue); Voice of child, 10 (1 to 5 overdue)."
    )
    assert mock_sentence(safe.iloc[:0], 5) == "The mock inspection set no actions on its themes."
