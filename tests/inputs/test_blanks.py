"""The blank-value rule's Data quality warnings: blanks counted per column, with the figures the rows leave."""

import pandas as pd

from readiness.inputs.blanks import blank_warnings


def test_blanks_are_counted_per_column_with_the_first_row_and_the_figures_left():
    # List 3 rows 2-5: NFA blank on rows 3 and 5; the count of earlier referrals blank on row 4
    referrals = pd.DataFrame(
        {
            "referral_nfa": pd.array([True, None, False, None], dtype="boolean"),
            "referrals_last_12m": pd.array([0, 1, None, 2], dtype="Int64"),
            "_row": [2, 3, 4, 5],
        }
    )
    nfa, repeat = blank_warnings(
        "list_3",
        referrals,
        "annex_a.xlsx",
        "List 3",
        {"referral_nfa": "Referral NFA?", "referrals_last_12m": "Number of Referrals in Last 12 Months"}.get,
    )
    assert (nfa.file, nfa.sheet, nfa.row, nfa.column, nfa.more + 1) == ("annex_a.xlsx", "List 3", 3, "Referral NFA?", 2)
    assert nfa.message == "blank or Unknown; this row leaves referrals.nfa_share"
    assert (repeat.row, repeat.more, repeat.column) == (4, 0, "Number of Referrals in Last 12 Months")


def test_only_rows_the_figure_reads_are_counted():
    # List 5: an ICPC outcome is blank on rows 2 and 3, but row 3 has no ICPC (none was held): only row 2 counts
    s47 = pd.DataFrame(
        {
            "icpc_plan": pd.array([None, None, True], dtype="boolean"),
            "icpc_date": pd.to_datetime(["2019-05-01", None, "2019-05-02"]),
            "_row": [2, 3, 4],
        }
    )
    (found,) = blank_warnings("list_5", s47, "annex_a.xlsx")
    assert (found.row, found.more) == (2, 0)


def test_no_blanks_no_warning():
    audits = pd.DataFrame({"grade": ["good"], "worker_participated": pd.array([True], dtype="boolean"), "_row": [2]})
    assert blank_warnings("case_audits", audits, "case_audits.csv") == []
    assert blank_warnings("list_6", audits, "annex_a.xlsx") == []  # no rule for List 6
