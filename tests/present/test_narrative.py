"""Headline sentences: rose or fell only when the SPC variation says so."""

from readiness.indicators.figure import share
from readiness.present.narrative import month_name, share_headline, spc_sentence, trend_title, withholding_note
from readiness.present.spc import Reading

# Readings as readiness.present.spc gives them; centre and limits worked by hand in tests/present/test_spc.py (NOISE and SHIFTED).
NOISE = Reading("common_cause", None, 0.850833, 0.771033, 0.930633, 12)
WIDE = Reading("common_cause", None, 0.5, -0.08, 1.12, 12)  # limits beyond 0% and 100%


def test_a_rise_is_told_only_from_special_cause_variation():
    # 120 of 300 = 40%
    improving = Reading("improvement", None, 0.558333, 0.427752, 0.688915, 12)
    assert share_headline("Good or better audits", share(120, 300), 5, spc_sentence(improving, "higher", "share")) == (
        "Good or better audits: 40% over the period (300 in all). It rose beyond its usual range (special-cause improvement)."
    )


def test_concern_on_a_lower_is_better_figure_is_a_rise():
    concern = Reading("concern", None, 0.2, 0.1, 0.3, 12)
    assert share_headline("X", share(50, 200), 5, spc_sentence(concern, "lower", "share")).endswith(
        "It rose beyond its usual range (special-cause concern)."
    )
    improving = Reading("improvement", None, 0.2, 0.1, 0.3, 12)
    assert share_headline("X", share(50, 200), 5, spc_sentence(improving, "lower", "share")).endswith(
        "It fell beyond its usual range (special-cause improvement)."
    )


def test_no_direction_says_high_or_low_without_judging():
    assert share_headline("X", share(50, 200), 5, spc_sentence(Reading("low", None, 0.2, 0.1, 0.3, 12), None, "share")).endswith(
        "It fell beyond its usual range."
    )


def test_pure_noise_varies_within_its_usual_range():
    # however the first and last months differ (85% then 82%), common cause is no rise or fall
    text = share_headline("Assessments within 45 working days", share(850, 1000), 5, spc_sentence(NOISE, "higher", "share"))
    assert text == "Assessments within 45 working days: 85% over the period (1,000 in all). It varies within its usual range (77% to 93%)."


def test_the_usual_range_of_a_share_stays_within_0_and_100_percent():
    assert share_headline("X", share(50, 100), 5, spc_sentence(WIDE, "higher", "share")).endswith(
        "It varies within its usual range (0% to 100%)."
    )


def test_too_few_months_to_tell():
    reason = "No SPC reading: it needs 12 months and has 10, and 2 more are withheld (small numbers)."
    assert share_headline("X", share(21, 59), 5, spc_sentence(None, "higher", "share", reason)) == (
        f"X: 36% over the period (59 in all). {reason}"
    )


def test_suppressed_overall_figure_is_not_quoted():
    # 3 of 4: numerator and denominator both within 1..5.
    assert share_headline("X", share(3, 4), 5, spc_sentence(NOISE, "higher", "share")) == "X: too few records in the period to publish."


def test_no_records():
    assert share_headline("X", share(0, 0), 5, spc_sentence(None, "higher", "share")) == "X: no records in the period."


def test_trend_title_states_the_spc_finding_or_falls_back():
    improving = Reading("improvement", None, 0.5, 0.4, 0.6, 12)
    assert trend_title("Good or better audits", improving, "higher") == "Good or better audits: rose beyond the usual range"
    assert trend_title("Good or better audits", NOISE, "higher") == "Good or better audits: within the usual range"
    assert trend_title("Good or better audits", None, "higher") == "Good or better audits, by month"


def test_month_name():
    assert month_name("2019-03") == "March 2019"


def test_figure_facts_label_format_and_withhold():
    from readiness.indicators.figure import count, statistic
    from readiness.present.narrative import figure_facts

    figures = {
        "contacts.count": count(8000),
        "referrals.nfa_share": share(13, 100),
        "caseload.workers_over_25_count": count(2),
        "caseload.mean_per_fte": statistic(17.3, 44),
    }
    assert figure_facts(figures, 5) == (
        "- Contacts: 8,000.\n"
        "- Referrals with no further action: 13% (of 100).\n"
        "- Workers with more than 25 children: [c] (too few records to publish).\n"
        "- Children per case-holding FTE: 17.3."
    )


def test_an_fte_share_says_its_base_is_a_headcount():
    from readiness.indicators.figure import Figure
    from readiness.present.narrative import figure_fact

    # 8.5 agency FTE of 77.3 social-work FTE is 11%; its 9 and 78 are the headcounts behind it, so "(of 78)" says so
    assert (
        figure_fact("workforce.agency_share", Figure(8.5 / 77.3, (9, 78)), 5)
        == "Agency share of social-work FTE: 11% (of 78 social workers, by headcount)."
    )


def test_practice_week_sentences_follow_the_board_safe_table():
    import pandas as pd

    from readiness.present.narrative import practice_week_sentences

    # as pack.board_table leaves it: 19 of 47 = 40.4%, 22 of 49 = 44.9%; a withheld share; a window without audits
    safe = pd.DataFrame(
        {"before_graded": [47, "[c]"], "before_share": [19 / 47, "[c]"], "after_graded": [49, 0], "after_share": [22 / 49, None]},
        index=["Voice of child, week of 12 May 2025", "Planning, week of 12 May 2025"],
    )
    assert practice_week_sentences(safe) == (
        "- Voice of child, week of 12 May 2025: good or better 40% (of 47) in the eight weeks before; 45% (of 49) in the eight weeks after.\n"
        "- Planning, week of 12 May 2025: good or better [c] in the eight weeks before; – (none) in the eight weeks after."
    )


def test_row_shares_sentence_quotes_only_what_the_table_shows():
    import pandas as pd

    from readiness.present.narrative import row_shares_sentence

    # 182 of 335 = 54.3%; mock inspection's share withheld by the table; a shown share with a withheld denominator
    safe = pd.DataFrame(
        {"good_or_better_share": ["[c]", 182 / 335, 0.5], "audits": [19, 335, "[c]"]}, index=["Mock inspection", "Routine", "Other"]
    )
    assert row_shares_sentence("Good or better", safe, "good_or_better_share", "audits") == (
        "Good or better: Mock inspection [c]; Routine 54% (of 335); Other 50%."
    )


def test_xmr_alt_text_says_what_the_chart_shows():
    from readiness.present.narrative import xmr_alt_text
    from readiness.present.spc_series import XmrSeries

    improving = Reading("improvement", "hit_and_miss", 0.558333, 0.427752, 0.688915, 3, baseline_end="2024-11", phase_start="2024-10")
    points = {"2024-09": 0.5, "2024-10": None, "2024-11": 0.6, "2024-12": 0.62}
    sources = {"2024-09": "history", "2024-10": "extract", "2024-11": "extract", "2024-12": "extract"}
    xmr = XmrSeries(points, sources, {"2024-09"}, [], improving, {"2024-12": "improvement"}, 0.6, per_month=14)
    assert xmr_alt_text("Good or better audits", xmr, "share") == (
        "XmR chart of Good or better audits by month, September 2024 to December 2024 (3 months, 1 of them before the period, drawn hollow)."
        " From the local extract and earlier packs. About 14 a month: only large changes can show. Target 60%."
        " A new phase from October 2024 has its own limits. Limits from the months up to November 2024, held since."
        " Centre 56%, process limits 43% to 69%. The latest month shows special-cause improvement."
        " Assurance: the limits say it will meet the target some months and not others."
    )
    too_few = XmrSeries({"2024-09": 12}, {"2024-09": "annex_a"}, set(), [], None, {}, None, "No SPC reading: it needs 12 months and has 1.")
    assert xmr_alt_text("Contacts", too_few, "count") == (
        "XmR chart of Contacts by month, September 2024 to September 2024 (1 month). From Annex A. No SPC reading: it needs 12 months and has 1."
    )


def test_the_withholding_note_names_the_packs_own_threshold():
    assert withholding_note(5) == "Numbers from 1 to 5 are withheld as [c]."
    assert (
        withholding_note(10, "and a median over 1 to {n} audits")
        == "Numbers from 1 to 10 are withheld as [c], and a median over 1 to 10 audits."
    )


def test_an_internal_pack_says_nothing_is_withheld():
    assert withholding_note(0, "and a median over 1 to {n} audits").startswith("Nothing is withheld: this pack is for internal use")
