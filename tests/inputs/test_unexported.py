"""A used column blank in every row is one the return does not carry (``readiness.inputs.unexported``); found once per
input, not once per theme or figure (issue 29).

List 6 (children in need) with three rows, built by hand; *Allocated Worker* and *Date Child Was Last Seen* are used
columns, *CIN Closure Date* is blank when the plan is open (never taken as unexported).
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from readiness.config.params import Params
from readiness.indicators import unreadable
from readiness.inputs.annex_a_tables import ANNEX_A
from readiness.inputs.bundle import UNREADABLE, Inputs
from readiness.inputs.unexported import not_in_return, unexported_columns, unexported_in
from readiness.pack import figures

LIST_6 = ANNEX_A[6]


def children_in_need(worker: list, last_seen: list, unread: list | None = None) -> pd.DataFrame:
    frame = pd.DataFrame({column.name: pd.Series([None] * 3, dtype="string") for column in LIST_6.columns})
    frame["child_id"] = ["C1", "C2", "C3"]
    frame["cin_start"] = pd.to_datetime(["2019-01-07", "2019-02-04", "2019-03-04"])
    frame["last_seen"] = pd.to_datetime(last_seen)
    frame["cin_closure"] = pd.to_datetime([None, None, None])
    frame["case_status"] = "Open"
    frame["team"] = "Team A"
    frame["worker"] = pd.Series(worker, dtype="string")
    if unread is not None:
        frame[UNREADABLE] = pd.Series(unread, dtype="string")
    return frame


def names(frame: pd.DataFrame) -> list[str]:
    return [column.name for column in unexported_columns(LIST_6, frame)]


def test_a_column_blank_in_every_row_is_unexported_and_one_value_is_enough_to_carry_it():
    # worker blank in all three rows; last seen given for C2 only; closure blank in all three (open plans: real)
    assert names(children_in_need([None, None, None], [None, "2019-02-10", None])) == ["worker"]


def test_a_blank_that_was_an_unreadable_value_is_not_a_column_the_return_leaves_out():
    # worker blank in all three rows, but C3's was a value that could not be read: the return carries the column
    frame = children_in_need([None, None, None], ["2019-01-10", "2019-02-10", "2019-03-10"], [None, None, "worker"])
    assert names(frame) == []
    # with no unreadable worker (C3's unreadable value was its last-seen date, which C1 and C2 give), worker is unexported
    assert names(children_in_need([None, None, None], ["2019-01-10", "2019-02-10", None], [None, None, "last_seen"])) == ["worker"]


def test_not_in_return_names_the_unexported_column_a_figure_reads():
    unexported = unexported_in(Inputs(annex_a={"list_6": children_in_need([None, None, None], [None, "2019-02-10", None])}))
    assert [(name, column.name) for name, column in unexported] == [("list_6", "worker")]
    assert not_in_return(unexported, "caseload.unallocated_count") == "*Allocated Worker*"
    assert not_in_return(unexported, "cin.seen_within_interval_share") is None  # it reads last seen, which C2 gives


def test_the_figures_find_what_the_inputs_leave_out_once(monkeypatch):
    calls = []
    counted = unexported_in
    monkeypatch.setattr(unreadable, "unexported_in", lambda inputs: calls.append(inputs) or counted(inputs))
    inputs = Inputs(annex_a={"list_6": children_in_need([None, None, None], [None, "2019-02-10", None])})
    params = Params(pack_id="t", la_name="Test", period_start=date(2019, 1, 1), period_end=date(2019, 3, 31), data={})
    result = figures.compute_figures(inputs, params)
    assert calls == [inputs]  # once for every theme, not once per theme
    assert result["caseload.unallocated_count"].value is None  # not in this return: null, never 0
