"""Labels made Board-safe: identifiers withheld, control characters gone, no worker without a team."""

from __future__ import annotations

import base64
import re
from datetime import date
from html import unescape
from pathlib import Path
from types import SimpleNamespace

import pandas as pd
from conftest import REPO

from readiness.config.params import load_params
from readiness.config.period import Period
from readiness.errors import Problem
from readiness.indicators.workforce import supervision_by_team
from readiness.inputs.annex_a_tables import ANNEX_A
from readiness.inputs.bundle import Inputs
from readiness.inputs.extract_tables import EXTRACTS
from readiness.inputs.labels import ANNEX_A as ANNEX_A_KEY
from readiness.inputs.labels import BOARD_LABELS, IDENTIFIER_COLUMNS, NOT_LABELS, NOT_RECORDED, WITHHELD, protect_labels
from readiness.inputs.read import load_inputs
from readiness.inputs.schema import ID, TEXT

PARAMS = SimpleNamespace(
    data=SimpleNamespace(
        case_audits=Path("/council/audits.csv"),
        strategy_meetings=None,
        workforce=Path("/council/staff.xlsx"),
        supervision=None,
        audit_actions=Path("/council/actions.csv"),
        front_door_decisions=Path("/council/decisions.csv"),
    )
)


def text(*values) -> pd.Series:
    return pd.Series(values, dtype="string")


def council_inputs(
    audit_teams=("North", "South"),
    audit_types=("monthly", "themed"),
    workforce_teams=("North", "South"),
    domains=("domain_voice_of_child",),
) -> Inputs:
    """Two referrals (children C100, C200 held by Ann Smith), two audits, two workers (W1, W2)."""
    list_3 = pd.DataFrame(
        {"child_id": text("C100", "C200"), "team": text("North", "South"), "worker": text("Ann Smith", pd.NA), "_row": [2, 3]}
    )
    audits = pd.DataFrame(
        {
            "audit_id": text("A1", "A2"),
            "child_id": text("C100", "C200"),
            "team": text(*audit_teams),
            "audit_type": text(*audit_types),
            "_row": [2, 3],
        }
    )
    for domain in domains:
        audits[domain] = text("good", "good")
    workforce = pd.DataFrame(
        {
            "worker_id": text("W1", "W2"),
            "team": text(*workforce_teams),
            "role": text("social_worker", "social_worker"),
            "employment": text("permanent", "permanent"),
            "start_date": pd.to_datetime(["2020-01-01", "2020-01-01"]),
            "end_date": pd.to_datetime([None, None]),
            "fte": [1.0, 1.0],
            "_row": [2, 3],
        }
    )
    return Inputs(annex_a={"list_3": list_3}, case_audits=audits, workforce=workforce)


def test_a_team_that_is_a_child_id_is_withheld_with_a_warning_that_does_not_quote_it():
    inputs = council_inputs(audit_teams=("North", " c200 "))  # case and spaces ignored
    [warning] = protect_labels(inputs, PARAMS, [])
    assert inputs.case_audits["team"].tolist() == ["North", WITHHELD]
    assert (warning.file, warning.row, warning.column, warning.more) == ("audits.csv", 3, "team", 0)
    assert "c200" not in warning.describe().lower()


def test_an_audit_type_that_is_an_allocated_workers_name_is_withheld():
    inputs = council_inputs(audit_types=("ann  SMITH", "ann smith"))
    [warning] = protect_labels(inputs, PARAMS, [])
    assert inputs.case_audits["audit_type"].tolist() == [WITHHELD, WITHHELD]
    assert (warning.column, warning.row, warning.more) == ("audit_type", 2, 1)


def test_an_annex_a_team_that_is_a_worker_id_is_withheld():
    inputs = council_inputs()
    inputs.annex_a["list_3"]["team"] = text("North", "W2")
    [warning] = protect_labels(inputs, PARAMS, [])
    assert inputs.annex_a["list_3"]["team"].tolist() == ["North", WITHHELD]
    assert warning.file == "Annex A List 3"


def test_a_label_merely_containing_an_identifier_stays():
    inputs = council_inputs(audit_teams=("Team C100", "South"))
    assert protect_labels(inputs, PARAMS, []) == []
    assert inputs.case_audits["team"].tolist() == ["Team C100", "South"]


def test_a_domain_heading_that_is_an_identifier_is_renamed():
    inputs = council_inputs(domains=("domain_voice_of_child", "domain_c100", "domain_ann_smith"))
    [warning] = protect_labels(inputs, PARAMS, [])
    domains = [c for c in inputs.case_audits.columns if c.startswith("domain_")]
    assert domains == ["domain_voice_of_child", "domain_withheld_1", "domain_withheld_2"]
    assert warning.file == "audits.csv" and "2 domain heading(s)" in warning.message


def test_control_and_bidi_characters_leave_labels():
    inputs = council_inputs(audit_teams=("North\u202e", "South\x1b[2J"))
    assert protect_labels(inputs, PARAMS, []) == []
    assert inputs.case_audits["team"].tolist() == ["North", "South [2J"]


def test_a_worker_with_a_blank_team_stays_in_tables_by_team():
    inputs = council_inputs(workforce_teams=("North", None))
    [warning] = protect_labels(inputs, PARAMS, [])
    assert (warning.file, warning.row, warning.column) == ("staff.xlsx", 3, "team")
    supervision = pd.DataFrame({"worker_id": text("W1"), "supervision_date": pd.to_datetime(["2025-03-20"])})
    table = supervision_by_team(inputs.workforce, supervision, Period.of(date(2024, 4, 1), date(2025, 3, 31)))
    # Both workers are due (in post since 2020); W1 was supervised 11 days before the end, W2 never.
    assert table.set_index("team")["workers"].to_dict() == {"North": 1, NOT_RECORDED: 1}


def test_identifiers_are_taken_out_of_earlier_warnings():
    heading = Problem("audits.csv", "unknown extra columns, ignored: notes, C100, Ann Smith")
    column = Problem("audits.csv", "'W1' is not a known code", row=4, column="c200")
    plain = Problem("audits.csv", "duplicate natural key; the first row is kept", row=5, column="audit_id")
    warnings = protect_labels(council_inputs(), PARAMS, [heading, column, plain])
    assert [w.message for w in warnings] == [
        "unknown extra columns, ignored: notes, [withheld], [withheld]",
        "'[withheld]' is not a known code",
        "duplicate natural key; the first row is kept",
    ]
    assert [w.column for w in warnings] == [None, "[withheld]", "audit_id"]


def test_list_and_row_numbers_in_warnings_are_never_withheld_as_ids():
    inputs = council_inputs()
    inputs.annex_a["list_3"]["child_id"] = text("1", "5")  # child ids 1 and 5, as in a small test return
    problems = [
        Problem("Annex A List 3", "List 5 is read from hidden sheet 'L5': unhide it"),
        Problem("meetings.csv", "rows 1 and 5 of meeting 'M1' disagree on date; Row 5 kept"),
        Problem("audits.csv", "'5' in row 1 is not a known code; lists 1-5 checked"),
    ]
    warnings = protect_labels(inputs, PARAMS, problems)
    assert [w.message for w in warnings] == [
        "List 5 is read from hidden sheet 'L5': unhide it",
        "rows 1 and 5 of meeting 'M1' disagree on date; Row 5 kept",
        "'[withheld]' in row 1 is not a known code; lists 1-5 checked",  # the quoted value is the child's id
    ]


def test_every_label_column_of_every_input_passes_the_identifier_check():
    # List 2's organisation a child's id, an action theme a worker's id, a front-door team a worker's name:
    # each was shown as it was before (none was checked)
    inputs = council_inputs()
    inputs.annex_a["list_2"] = pd.DataFrame({"child_id": text("C300"), "organisation": text("C100"), "_row": [2]})
    inputs.audit_actions = pd.DataFrame(
        {
            "action_id": text("X1"),
            "audit_id": text("A1"),
            "theme": text("w1"),
            "action": text("Ask Ann Smith to see the child"),
            "_row": [2],
        }
    )
    inputs.front_door_decisions = pd.DataFrame(
        {
            "contact_id": text("K1", "K2"),
            "child_id": text("C300", "C100"),
            "team": text("Front Door", "Ann Smith"),
            "outcome": text("nfa", "W2"),
            "_row": [2, 3],
        }
    )
    warnings = protect_labels(inputs, PARAMS, [])
    assert inputs.annex_a["list_2"]["organisation"].tolist() == [WITHHELD]
    assert inputs.audit_actions["theme"].tolist() == [WITHHELD]
    assert inputs.front_door_decisions["team"].tolist() == ["Front Door", WITHHELD]
    assert inputs.front_door_decisions["outcome"].tolist() == ["nfa", WITHHELD]
    assert inputs.audit_actions["action"].tolist() == ["Ask Ann Smith to see the child"]  # never shown: not a label
    assert [(w.file, w.column, w.row) for w in warnings] == [
        ("Annex A List 2", "organisation", 2),
        ("actions.csv", "theme", 2),
        ("decisions.csv", "team", 3),
        ("decisions.csv", "outcome", 3),
    ]


def test_a_team_named_as_a_personal_advisor_is_withheld():
    inputs = council_inputs(audit_teams=("North", "Pat Jones"))
    inputs.annex_a["list_9"] = pd.DataFrame({"child_id": text("C900"), "personal_advisor": text("Pat Jones"), "_row": [2]})
    [warning] = protect_labels(inputs, PARAMS, [])
    assert inputs.case_audits["team"].tolist() == ["North", WITHHELD] and warning.column == "team"


def test_every_text_column_of_every_input_is_declared_a_label_an_identifier_or_never_shown():
    """A new text column (of Annex A or an extract) must say here whether a Board table shows it."""
    tables = [(ANNEX_A_KEY, spec) for spec in ANNEX_A.values()] + list(EXTRACTS.items())
    declared = {key: {*BOARD_LABELS.get(key, ()), *NOT_LABELS.get(key, ()), *IDENTIFIER_COLUMNS} for key, _ in tables}
    undeclared = sorted({(key, c.name) for key, spec in tables for c in spec.columns if c.kind is TEXT and c.name not in declared[key]})
    assert undeclared == []
    assert set(BOARD_LABELS) >= {key for key, _ in tables}, "every input's labels are checked: add it to BOARD_LABELS"


def shown_labels(html: str) -> set[str]:
    """Every table heading cell of a pack page and every text of its charts (matplotlib writes each as an SVG comment)."""
    labels = {unescape(re.sub(r"<[^>]+>", "", cell)).strip() for cell in re.findall(r"<th[^>]*>(.*?)</th>", html, re.DOTALL)}
    for image in re.findall(r"data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)", html):
        labels |= {text.strip() for text in re.findall(r"<!-- (.*?) -->", base64.b64decode(image).decode("utf-8"))}
    return labels


def test_no_text_column_outside_board_labels_reaches_the_demo_pack(demo_pack):
    """What the demo's Board tables and charts label their rows with comes only from declared label columns."""
    inputs = load_inputs(load_params(REPO / "parameters" / "demo.yaml"))
    labels = shown_labels((demo_pack / "index.html").read_text(encoding="utf-8"))
    assert {"Family Hub North", "Front Door North", "Assessment North"} <= labels  # declared labels are seen
    tables = [(ANNEX_A_KEY, f"Annex A List {n}", inputs.annex_a.get(f"list_{n}"), spec) for n, spec in ANNEX_A.items()]
    tables += [(name, name, getattr(inputs, name, None), spec) for name, spec in EXTRACTS.items()]
    leaked = {
        (where, column.name): sorted(set(frame[column.name].dropna().astype(str)) & labels)
        for key, where, frame, spec in tables
        if frame is not None
        for column in spec.columns
        if column.kind in (TEXT, ID) and column.name in frame and column.name not in BOARD_LABELS.get(key, ())
    }
    assert {where: values for where, values in leaked.items() if values} == {}
