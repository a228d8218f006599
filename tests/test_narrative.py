"""Headline sentences: rose or fell only with enough records behind both months."""
from readiness.figure import share
from readiness.narrative import month_name, share_headline, trend_title


def test_rises_when_both_months_have_at_least_20_records():
    # March: 31 of 100 = 31%; May: 44 of 100 = 44%; overall 120 of 300 = 40%.
    monthly = {"2019-03": share(31, 100), "2019-04": share(45, 100), "2019-05": share(44, 100)}
    text = share_headline("Good or better audits", share(120, 300), monthly, threshold=5)
    assert text == (
        "Good or better audits: 40% over the period (300 in all). "
        "It rose from 31% in March 2019 to 44% in May 2019."
    )


def test_falls():
    monthly = {"2019-03": share(30, 40), "2019-04": share(20, 40)}  # 75% then 50%
    assert "It fell from 75% in March 2019 to 50% in April 2019." in share_headline("X", share(50, 80), monthly, 5)


def test_too_few_to_tell_when_a_month_has_19_records():
    monthly = {"2019-03": share(6, 19), "2019-04": share(15, 40)}
    text = share_headline("X", share(21, 59), monthly, 5)
    assert "Too few records each month to tell" in text
    assert "rose" not in text and "fell" not in text


def test_months_without_records_are_skipped():
    monthly = {"2019-03": share(10, 20), "2019-04": share(0, 0), "2019-05": share(10, 20)}
    assert "held steady from 50% in March 2019 to 50% in May 2019" in share_headline("X", share(20, 40), monthly, 5)


def test_suppressed_overall_figure_is_not_quoted():
    # 3 of 4: numerator and denominator both within 1..5.
    assert share_headline("X", share(3, 4), {}, 5) == "X: too few records in the period to publish."


def test_no_records():
    assert share_headline("X", share(0, 0), {}, 5) == "X: no records in the period."


def test_month_name():
    assert month_name("2019-03") == "March 2019"


def test_figure_facts_label_format_and_withhold():
    from readiness.figure import count, statistic
    from readiness.narrative import figure_facts

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



def test_practice_week_sentences_follow_the_board_safe_table():
    import pandas as pd

    from readiness.narrative import practice_week_sentences

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

    from readiness.narrative import row_shares_sentence

    # 182 of 335 = 54.3%; mock inspection's share withheld by the table; a shown share with a withheld denominator
    safe = pd.DataFrame({"good_or_better_share": ["[c]", 182 / 335, 0.5], "audits": [19, 335, "[c]"]}, index=["Mock inspection", "Routine", "Other"])
    assert row_shares_sentence("Good or better", safe, "good_or_better_share", "audits") == (
        "Good or better: Mock inspection [c]; Routine 54% (of 335); Other 50%."
    )


def test_a_month_whose_share_is_withheld_is_not_quoted():
    # March: 3 of 40 (numerator 3 is withheld at threshold 5); April 10 of 40; May 12 of 40.
    monthly = {"2019-03": share(3, 40), "2019-04": share(10, 40), "2019-05": share(12, 40)}
    text = share_headline("X", share(25, 120), monthly, 5)
    assert "rose from 25% in April 2019 to 30% in May 2019" in text
    assert "8%" not in text  # 3/40 = 7.5% would give the withheld 3 away


def test_trend_title_states_the_finding_or_falls_back():
    rising = {"2019-03": share(31, 100), "2019-05": share(44, 100)}
    assert trend_title("Good or better audits", rising, 5) == "Good or better audits rose from 31% in March 2019 to 44% in May 2019"
    thin = {"2019-03": share(6, 19), "2019-05": share(10, 40)}
    assert trend_title("Good or better audits", thin, 5) == "Good or better audits, by month"
