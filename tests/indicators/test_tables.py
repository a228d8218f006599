"""A Board table's disclosure roles, declared once on the indicator function that makes it (``indicators/tables.py``)."""

from datetime import date

import pandas as pd
import pytest

from readiness.config.period import Period
from readiness.indicators import frontdoor
from readiness.indicators.common import worst_first
from readiness.indicators.tables import Roles, board_table, made_over, roles_of, with_roles

PERIOD = Period.of(date(2019, 1, 1), date(2019, 3, 31))
COVERED = Period.of(date(2019, 2, 10), date(2019, 3, 31))
SEEN = Roles(("children", "seen"), shares={"seen_share": ("seen", "children")})


@board_table(SEEN)
def seen_by_team() -> pd.DataFrame:
    return pd.DataFrame({"team": ["North", "South"], "children": [10, 4], "seen": [9, 1], "seen_share": [0.9, 0.25]})


@board_table(made_over(Roles(("contacts",))))
def contacts_by_month(rows: pd.DataFrame, period: Period, label: str = "contacts") -> pd.DataFrame:
    return pd.DataFrame({label: [len(rows)] * len(period.months())}, index=pd.Index(period.months(), name="month"))


def test_the_table_keeps_its_roles_through_what_a_notebook_does_to_it():
    table = worst_first(seen_by_team().set_index("team"), "seen_share").rename_axis("Team")
    assert list(table.index) == ["South", "North"]  # 25% before 90%: the worst first
    assert roles_of(table) == SEEN
    assert roles_of(table[["children", "seen"]]) == SEEN


def test_a_table_made_from_another_shares_its_roles_uncopied():
    # pandas deep-copies a frame's attrs at every step: the roles, never changed once made, are kept as they are.
    table = seen_by_team()
    assert roles_of(table.set_index("team")[["children"]].sort_values("children")) is roles_of(table)


def test_made_over_takes_the_covered_period_from_the_call_by_name_or_position():
    rows = pd.DataFrame({"contact_date": [date(2019, 2, 11)]})
    assert roles_of(contacts_by_month(rows, COVERED)).covered == COVERED
    assert roles_of(contacts_by_month(rows, period=PERIOD, label="n")).covered == PERIOD
    assert roles_of(contacts_by_month(rows, COVERED)).counts == ("contacts",)


def test_referral_outcomes_by_month_mirror_figures_json_and_by_team_do_not():
    referrals = pd.DataFrame(
        {
            "referral_date": pd.to_datetime(["2019-02-11"]),
            "team": ["North"],
            "referral_nfa": [True],
            "referrals_last_12m": [0],
            "child_id": ["A"],
        }
    )
    by_month = roles_of(frontdoor.referral_outcomes(referrals, COVERED))
    assert by_month.covered == COVERED
    assert by_month.mirror["nfa_share"] == "referrals.monthly.nfa_share"
    by_team = roles_of(frontdoor.referral_outcomes(referrals, COVERED, by="team"))
    assert by_team.covered is None and dict(by_team.mirror) == {}
    assert by_team.shares == by_month.shares == {"nfa_share": ("nfa", "nfa_recorded")}


def test_a_table_made_in_a_notebook_declares_its_roles_with_with_roles():
    table = pd.DataFrame({"assessments": [5, 3]})
    with pytest.raises(ValueError, match="no disclosure roles"):
        roles_of(table)
    assert roles_of(with_roles(table, Roles(("assessments",)))).counts == ("assessments",)
