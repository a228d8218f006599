"""A public edition's coarser tables: a Board table more than half withheld is published by quarter, for all teams,
or left out with a sentence saying why; the coarser table passes disclosure control too. Expected values by hand."""

from __future__ import annotations

import pandas as pd
import pytest

from readiness.disclosure.coarser import coarse_mirror, months_label, mostly_withheld, publish_coarser, quarter, withheld_cells
from readiness.indicators.tables import Roles, roles_of, with_roles

GRADES = Roles(("good", "not_good"), total="audits", shares={"good_share": ("good", "audits")})


def graded(rows: dict[str, tuple[int, int]], name: str) -> pd.DataFrame:
    """good and not-good audits per row, their total and the good share."""
    table = pd.DataFrame(rows, index=["good", "not_good"]).T.rename_axis(name)
    table["audits"] = table["good"] + table["not_good"]
    table["good_share"] = table["good"] / table["audits"]
    return with_roles(table, GRADES)


def test_quarters_and_their_labels():
    assert [quarter(m) for m in ("2024-10", "2024-11", "2024-12", "2025-01", "2025-06")] == ["2024-10"] * 3 + ["2025-01", "2025-04"]
    assert months_label(["2024-10", "2024-11", "2024-12"]) == "Oct to Dec 2024"
    assert months_label(["2025-03"]) == "Mar 2025"


def test_withheld_cells_count_numbers_not_blanks():
    safe = pd.DataFrame({"a": ["[c]", 4, None], "b": ["[c]", "[c]", 7]}, dtype=object)
    assert withheld_cells(safe) == (3, 5)
    assert mostly_withheld(safe)
    assert not mostly_withheld(safe.replace({"b": {"[c]": 0}}))  # 1 of 5


def test_a_month_table_mostly_withheld_is_shown_by_quarter():
    # every monthly count is 2-4 (withheld at 5), November's 5 audits too: 6 × 3 + 1 = 19 of 24 numbers withheld.
    # By quarter: Oct-Dec 3+2+4 = 9 good, 4+3+2 = 9 not (18); Jan-Mar 3+2+4 = 9 good, 3+4+3 = 10 not (19): none small.
    table = graded(
        {"2024-10": (3, 4), "2024-11": (2, 3), "2024-12": (4, 2), "2025-01": (3, 3), "2025-02": (2, 4), "2025-03": (4, 3)}, "month"
    )
    published = publish_coarser(table, roles_of(table), threshold=5)
    assert published.note == "shown by quarter, as by month 19 of its 24 numbers would be withheld as [c]."
    assert published.grain == "by quarter"
    assert list(published.table.index) == ["Oct to Dec 2024", "Jan to Mar 2025"]
    assert published.table.index.name == "month"
    assert published.table[["good", "not_good", "audits"]].to_numpy().tolist() == [[9, 9, 18], [9, 10, 19]]
    assert published.table["good_share"].tolist() == pytest.approx([0.5, 9 / 19])


def test_the_quarter_table_passes_disclosure_control_and_rounding():
    # By quarter: Oct-Dec 9 good, 9 not (18); Jan-Mar 1+1+1 = 3 good (withheld at 5), 18 not (21); Apr-Jun 12 and 12 (24).
    # Jan-Mar's 3 withholds its 18 (the row's total is shown); the quarters' column sums are headline figures, so the
    # smallest other count of each column (Oct-Dec's 9s) goes too: 6 of 12 numbers withheld, then counts to 5s.
    months = {"2024-10": (3, 4), "2024-11": (2, 3), "2024-12": (4, 2), "2025-01": (1, 6), "2025-02": (1, 6), "2025-03": (1, 6)}
    table = graded(months | {"2025-04": (4, 4), "2025-05": (4, 4), "2025-06": (4, 4)}, "month")
    published = publish_coarser(table, roles_of(table), threshold=5, round_to=5)
    assert published.note == "shown by quarter, as by month 28 of its 36 numbers would be withheld as [c]."
    assert published.table.to_numpy().tolist() == [["[c]", "[c]", 20, "[c]"], ["[c]", "[c]", 20, "[c]"], [10, 10, 25, 0.5]]


def test_a_team_table_mostly_withheld_is_shown_for_all_teams_together():
    table = graded({"Alpha": (2, 3), "Bravo": (4, 4), "Charlie": (3, 1)}, "team")  # all but Bravo's 8 audits withheld
    published = publish_coarser(table, roles_of(table), threshold=5)
    assert published.note == "shown for all teams together, as by team 11 of its 12 numbers would be withheld as [c]."
    assert published.table.index.tolist() == ["All teams"]
    assert published.table.iloc[0].tolist() == [9, 8, 17, pytest.approx(9 / 17)]


def test_a_table_with_no_coarser_grain_is_left_out_with_a_sentence():
    # voice's 4 numbers, and plans' 9 and 8 (the smallest of their columns, whose sums are published) and its share
    table = graded(
        {"voice of the child": (2, 3), "plans": (9, 8), "risk": (10, 12), "direct work": (11, 9), "oversight": (12, 10)}, "domain"
    )
    assert publish_coarser(table, roles_of(table), threshold=5).note == ""  # 7 of 20 withheld: shown as it is
    table = graded({"voice of the child": (2, 3), "plans": (4, 3)}, "domain")  # 2 + 3 (plans' 7 shown) of 8
    published = publish_coarser(table, roles_of(table), threshold=5)
    assert published.table is None
    assert published.note == "left out of this published edition, as 7 of its 8 numbers would be withheld as [c]."


def test_a_team_by_month_table_tries_team_and_quarter_then_all_teams_by_month():
    # two teams, two months in different quarters, 3 good and 3 not each: all but the 6 audits withheld. By team and
    # quarter nothing changes (one month a quarter); for all teams by month, Dec and Mar have 6 and 6 (12): none small.
    rows = {f"{team} | {month}": (3, 3) for team in ("Alpha", "Bravo") for month in ("2024-12", "2025-03")}
    table = graded(rows, "team_month")
    published = publish_coarser(table, roles_of(table), threshold=5)
    assert published.note == "shown for all teams by month, as by team and month 12 of its 16 numbers would be withheld as [c]."
    assert published.table.index.tolist() == ["All teams | 2024-12", "All teams | 2025-03"]
    assert published.table[["good", "not_good", "audits"]].to_numpy().tolist() == [[6, 6, 12], [6, 6, 12]]
    rows = {f"{team} | {month}": (3, 3) for team in ("Alpha", "Bravo") for month in ("2024-10", "2024-11", "2024-12", "2025-01")}
    table = graded(rows, "team_month")  # by team and quarter: Oct-Dec 9 and 9 per team, Jan 3 and 3: 6 of 16 withheld
    assert publish_coarser(table, roles_of(table), threshold=5).table.index.tolist() == [
        "Alpha | Oct to Dec 2024",
        "Alpha | Jan 2025",
        "Bravo | Oct to Dec 2024",
        "Bravo | Jan 2025",
    ]
    # judged on the share alone (a heat table's one column): by team and month all 8 are withheld; by team and quarter
    # only Jan's two (3 of 6), Oct-Dec's 9 of 18 being shown: 2 of 4, not more than half.
    published = publish_coarser(table, roles_of(table), threshold=5, columns=["good_share"])
    assert published.grain == "by team and quarter" and published.table["good_share"].tolist() == [0.5, "[c]", 0.5, "[c]"]
    rows = {f"{team} | {month}": (1, 1) for team in ("Alpha", "Bravo") for month in ("2024-10", "2024-11")}
    table = graded(rows, "team_month")
    assert publish_coarser(table, roles_of(table), threshold=5).note == (
        "left out of this published edition, as by team and month 16 of its 16 numbers would be withheld as [c], and most would "
        "still be by team and quarter or for all teams by month or for all teams by quarter."
    )


def test_an_internal_table_is_never_coarsened():
    table = graded({"2024-10": (1, 1), "2024-11": (1, 1)}, "month")
    published = publish_coarser(table, roles_of(table), threshold=0)
    assert published.note == "" and published.table["good"].tolist() == [1, 1]


def test_a_quarter_holding_one_month_figures_json_withholds_is_withheld():
    shown = pd.Series(
        {"2024-10": True, "2024-11": False, "2024-12": True, "2025-01": False, "2025-02": False, "2025-03": True}, dtype=object
    )
    said = coarse_mirror(shown, quarter, lambda _, months: months_label(months))
    assert said.to_dict() == {"Oct to Dec 2024": False, "Jan to Mar 2025": None}
    assert coarse_mirror(pd.Series({"2025-04": True, "2025-05": None}, dtype=object), quarter, lambda _, m: months_label(m)).to_dict() == {
        "Apr to May 2025": True
    }


def test_a_table_whose_only_row_pools_every_theme_is_left_out():
    # the mock inspection's 15 actions, no theme with more than 5: one row, "Other themes", says nothing by theme
    table = graded({"Other themes": (9, 6)}, "theme")
    published = publish_coarser(table, roles_of(table), threshold=5)
    assert published.table is None
    assert published.note == "left out of this published edition, as no theme has more than 5: all are pooled as Other themes."
    assert publish_coarser(table, roles_of(table), threshold=0).table is not None  # internal: themes are never pooled anyway
    table = graded({"Voice of child": (9, 6), "Other themes": (8, 6)}, "theme")
    assert publish_coarser(table, roles_of(table), threshold=5).note == ""
