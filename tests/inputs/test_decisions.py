"""Front-door decisions (``front_door_decisions``), read from a hand-made CSV and worked by hand.

Period April 2019 (1-30 Apr), snapshot 30 Apr. Easter 2019: Good Friday 19 Apr and Easter Monday
22 Apr are bank holidays, so w(Thu 18 Apr, Tue 23 Apr) = 1 (only the 18th) and w(18 Apr, 24 Apr) = 2.

| row | received          | decided          | team | w(recd, dec) | hours      | notes                                   |
|-----|-------------------|------------------|------|--------------|------------|-----------------------------------------|
| D1  | 2019-04-01 09:00  | 2019-04-02 09:00 | A    | 1            | 24 h 00    | within both                             |
| D2  | 2019-04-01 09:00  | 2019-04-02 09:01 | A    | 1            | 24 h 01    | within a working day, not 24 hours      |
| D3  | 18/04/2019 16:00  | 23/04/2019 10:00 | B    | 1            | 4 d 18 h   | across the Easter weekend               |
| D4  | 2019-04-18        | 2019-04-24       | B    | 2            | no times   |                                         |
| D5  | 2019-04-10 10:00  | 2019-04-10       | -    | 0            | no time    | decided carries no time                 |
| D6  | 2019-04-12 10:00  | 2019-04-11 10:00 | A    | -1           | negative   | decided before received: leaves shares  |
| D7  | 2019-04-29        | -                |      | w(29, 30) = 1|            | undecided, not over one working day     |
| D8  | 2019-04-25        | -                |      | w(25, 30) = 3|            | undecided over one working day          |
| D9  | 2019-04-26        | 2019-05-02       | B    | 4            |            | decided after the period: undecided at its end, w(26, 30) = 2 |
| D10 | 2019-03-29 10:00  | 2019-04-01       |      |              |            | received before the period              |
| D11 | 2019-03-28        | -                |      |              |            | undecided since March                   |
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from readiness.config.period import Period
from readiness.indicators import decisions
from readiness.inputs.extracts import read_extract
from readiness.inputs.normalise import Findings

APRIL = Period.of(date(2019, 4, 1), date(2019, 4, 30))
ROWS = [
    ("D1", "2019-04-01 09:00", "2019-04-02 09:00", "nfa", "A"),
    ("D2", "2019-04-01 09:00", "2019-04-02 09:01", "nfa", "A"),
    ("D3", "18/04/2019 16:00", "23/04/2019 10:00", "referral", "B"),
    ("D4", "2019-04-18", "2019-04-24", "advice", "B"),
    ("D5", "2019-04-10 10:00", "2019-04-10", "", ""),
    ("D6", "2019-04-12 10:00", "2019-04-11 10:00", "referral", "A"),
    ("D7", "2019-04-29", "", "", ""),
    ("D8", "2019-04-25", "", "", ""),
    ("D9", "2019-04-26", "2019-05-02", "<b>early help</b>", "B"),
    ("D10", "2019-03-29 10:00", "2019-04-01", "nfa", ""),
    ("D11", "2019-03-28", "", "", ""),
]


def write_csv(folder: Path, rows) -> Path:
    path = folder / "front_door_decisions.csv"
    lines = ["Contact ID,child_id,received,decided,outcome,team"] + [f"{r[0]},K{r[0]},{r[1]},{r[2]},{r[3]},{r[4]}" for r in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def read(tmp_path):
    def reader(rows=ROWS):
        findings = Findings()
        frame = read_extract(write_csv(tmp_path, rows), "front_door_decisions", {}, findings)
        return frame, findings

    return reader


def test_times_are_read_and_marked(read):
    frame, findings = read()
    d3 = frame.set_index("contact_id").loc["D3"]
    assert d3["received"] == pd.Timestamp("2019-04-18 16:00") and d3["decided"] == pd.Timestamp("2019-04-23 10:00")
    assert d3["received_timed"] and d3["decided_timed"]
    d5 = frame.set_index("contact_id").loc["D5"]
    assert d5["received_timed"] and not d5["decided_timed"]
    assert not frame.set_index("contact_id").loc["D7", "decided_timed"]  # blank: no time
    assert findings.errors == []
    assert [(w.message, w.row) for w in findings.warnings] == [("decided before it was received", 7)]  # D6 is on row 7


def test_headline_figures(read):
    frame, _ = read()
    assert decisions.decisions_count(frame, APRIL).value == 7  # D1-D6 and D9 (decided after the period still counts)
    assert decisions.within_one_working_day_share(frame, APRIL).value == pytest.approx(4 / 6)  # D1, D2, D3, D5 of 6 in order
    assert decisions.within_24_hours_share(frame, APRIL).value == pytest.approx(1 / 3)  # D1 of D1, D2, D3 (timed, in order)
    assert decisions.undecided_over_one_working_day_count(frame, APRIL).value == 3  # D8, D9, D11 (not D7)


def test_within_24_hours_is_null_when_no_row_carries_times(read):
    frame, _ = read([r for r in ROWS if r[0] in ("D4", "D9")])
    assert decisions.within_24_hours_share(frame, APRIL).value is None
    assert decisions.within_one_working_day_share(frame, APRIL).value == 0  # D4 2, D9 4 working days


def test_decisions_by_team_slowest_first(read):
    frame, _ = read()
    table = decisions.decisions_table(frame, APRIL, by="team")
    assert list(table.index) == ["B", "A", "Not recorded"]  # 1/3, then 2/2 and 1/1 (tie: by name)
    assert table.loc["B"].tolist()[:4] == [3, 1, 1, 0]  # decided D3 D4 D9; timely D3; timed D3; within 24 h none
    assert table.loc["A"].tolist()[:4] == [3, 2, 2, 1]  # D1 D2 D6; D6 out of order leaves the share
    assert table.loc["A", "timely_share"] == pytest.approx(1.0) and table.loc["A", "within_24_hours_share"] == pytest.approx(0.5)
    assert pd.isna(table.loc["Not recorded", "within_24_hours_share"])  # D5 has no decided time


def test_decisions_by_month_and_undecided_by_team(read):
    frame, _ = read()
    by_month = decisions.decisions_table(frame, APRIL)
    assert list(by_month.index) == ["2019-04"] and by_month.loc["2019-04", "decided"] == 7
    assert decisions.undecided_by_team(frame, APRIL)["undecided"].to_dict() == {"B": 1, "Not recorded": 2}  # D9; D8, D11


def test_outcomes_grouped_as_written(read):
    frame, _ = read()
    table = decisions.outcomes_in_period(frame, APRIL)
    assert table["decided"].to_dict() == {"nfa": 2, "referral": 2, "<b>early help</b>": 1, "Not recorded": 1, "advice": 1}
    assert table.loc["nfa", "decided_share"] == pytest.approx(2 / 7)
