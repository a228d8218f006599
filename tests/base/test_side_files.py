"""Parameters and side files (issue 21): commentary and history files are read like inputs, periods are 1 to 120
months, impossible dates and non-finite targets are exit 2 naming the key, and ``validate`` checks what ``build`` will.

Each case runs ``readiness validate`` as a user would and asserts what the user gets: exit status 2 and one plain line
naming the parameters file, the key and what is wrong (never "unexpected failure", never a hang).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
import yaml
from test_packfolder import make_council, run_cli

from readiness.config.params import load_params
from readiness.config.references import read_history
from readiness.files import read_side_file

POSIX = pytest.mark.skipif(os.name != "posix", reason="pipes and /dev/zero are POSIX")
GOOD_HISTORY = {
    "pack_id": "x-2024-12",
    "period_end": "2024-12-31",
    "audience": "public",
    "suppressed": ["contacts.count"],
    "figures": {"contacts.count": None, "referrals.nfa_share": 0.25, "referrals.monthly.count": {"2024-11": 12, "2024-12": None}},
}


@pytest.fixture
def council(tmp_path) -> Path:
    return make_council(tmp_path)


def params_file(council: Path) -> Path:
    return council / "parameters" / "pack.yaml"


def with_keys(council: Path, **keys) -> Path:
    """The council's parameters file with ``keys`` set (written as YAML text, so ``.nan`` and dates are YAML's own)."""
    path = params_file(council)
    text = path.read_text(encoding="utf-8")
    for key in keys:
        text = "\n".join(line for line in text.splitlines() if not line.startswith(f"{key}:")) + "\n"
    path.write_text(text + "".join(f"{key}: {value}\n" for key, value in keys.items()), encoding="utf-8")
    return path


def validate_lines(capsys, path: Path) -> tuple[int, list[str]]:
    return run_cli(capsys, "validate", str(path))


def assert_one_plain_line(status: int, errors: list[str], path: Path, *words: str) -> None:
    assert status == 2, errors
    assert len(errors) == 1, errors
    assert errors[0].startswith(f"error: {path}: ") and all(word in errors[0] for word in words), errors
    assert "unexpected failure" not in errors[0]


# --- commentary files ---------------------------------------------------------------------------


@POSIX
def test_a_commentary_file_that_is_a_pipe_is_refused_without_waiting(council, capsys):
    os.mkfifo(council / "commentary" / "front_door.md")  # nothing ever writes to it: reading it would wait for ever
    status, errors = validate_lines(capsys, params_file(council))
    assert_one_plain_line(status, errors, params_file(council), "commentary: front_door.md is not a regular file")


@POSIX
def test_a_commentary_file_linked_to_dev_zero_is_refused_without_reading(council, capsys):
    (council / "commentary" / "front_door.md").symlink_to("/dev/zero")
    status, errors = validate_lines(capsys, params_file(council))
    assert_one_plain_line(status, errors, params_file(council), "commentary: front_door.md is not a regular file")


def test_a_commentary_file_that_is_a_folder_is_a_plain_error(council, capsys):
    (council / "commentary" / "front_door.md").mkdir()
    status, errors = validate_lines(capsys, params_file(council))
    assert_one_plain_line(status, errors, params_file(council), "commentary: front_door.md is a folder, not a file")


def test_a_commentary_file_over_its_size_limit_is_refused(council, capsys):
    (council / "commentary" / "front_door.md").write_bytes(b"x" * (2 << 20))  # 2 MiB of text, over the 1 MiB limit
    status, errors = validate_lines(capsys, params_file(council))
    assert_one_plain_line(status, errors, params_file(council), "commentary: front_door.md is 2,097,152 bytes, more than the 1,048,576")


def test_commentary_that_names_a_file_not_a_folder_is_refused(council, capsys):
    path = with_keys(council, commentary="../commentary/case_audits.md")
    status, errors = validate_lines(capsys, path)
    assert_one_plain_line(status, errors, path, "commentary: expected a folder of Markdown files, one per section")


# --- history files ------------------------------------------------------------------------------


def history_problem(council: Path, capsys, content: bytes | None = None) -> tuple[int, list[str]]:
    if content is not None:
        (council / "old" / "figures.json").write_bytes(content)
    return validate_lines(capsys, params_file(council))


@POSIX
def test_a_history_file_that_is_a_pipe_is_refused_without_waiting(council, capsys):
    (council / "old" / "figures.json").unlink()
    os.mkfifo(council / "old" / "figures.json")
    status, errors = history_problem(council, capsys)
    assert_one_plain_line(status, errors, params_file(council), "history[0]: ", "not a regular file")


@POSIX
def test_a_history_file_linked_to_dev_zero_is_refused_without_reading(council, capsys):
    (council / "old" / "figures.json").unlink()
    (council / "old" / "figures.json").symlink_to("/dev/zero")
    status, errors = history_problem(council, capsys)
    assert_one_plain_line(status, errors, params_file(council), "history[0]: ", "not a regular file")


def test_a_history_file_that_is_a_folder_is_a_plain_error(council, capsys):
    (council / "old" / "figures.json").unlink()
    (council / "old" / "figures.json").mkdir()
    status, errors = history_problem(council, capsys)
    assert_one_plain_line(status, errors, params_file(council), "history[0]: is a folder, not a file")


@pytest.mark.parametrize(
    "content, words",
    [
        (b"{not json", "not a readable figures.json"),
        (b"\xff\xfe{}", "is not UTF-8 text (byte 0)"),
        (json.dumps({"figures": []}).encode(), 'it has no "figures"'),
        (json.dumps({**GOOD_HISTORY, "period_end": "last March"}).encode(), "period_end: expected a date (yyyy-mm-dd)"),
        (
            json.dumps({**GOOD_HISTORY, "figures": {"contacts.count": "many"}}).encode(),
            "figure 'contacts.count': expected a number or null",
        ),
        (json.dumps({**GOOD_HISTORY, "figures": {"contacts.count": True}}).encode(), "figure 'contacts.count': expected a number or null"),
        (
            json.dumps({**GOOD_HISTORY, "figures": {"referrals.monthly.count": {"March": 3}}}).encode(),
            "figure 'referrals.monthly.count': expected months (yyyy-mm)",
        ),
        (
            json.dumps({**GOOD_HISTORY, "figures": {"referrals.monthly.count": {"2024-03": [3]}}}).encode(),
            "figure 'referrals.monthly.count': expected months (yyyy-mm)",
        ),
        (b'{"period_end": "2024-12-31", "figures": {"contacts.count": NaN}}', "not a readable figures.json"),
        (json.dumps({**GOOD_HISTORY, "suppressed": "contacts.count"}).encode(), "suppressed: expected a list of figure ids"),
        (json.dumps({**GOOD_HISTORY, "audience": 3}).encode(), "audience: expected public or internal"),
    ],
    ids=[
        "not json",
        "not utf-8",
        "no figures",
        "bad period_end",
        "text value",
        "true value",
        "month not yyyy-mm",
        "list in a month",
        "NaN",
        "suppressed not a list",
        "audience",
    ],
)
def test_a_malformed_history_file_fails_validate_with_exit_2(council, capsys, content, words):
    status, errors = history_problem(council, capsys, content)
    assert_one_plain_line(status, errors, params_file(council), "history[0]: ", words)


def test_a_history_file_as_a_pack_writes_it_is_read(tmp_path):
    path = tmp_path / "figures.json"
    path.write_text(json.dumps(GOOD_HISTORY), encoding="utf-8")
    assert read_history(path) == GOOD_HISTORY


def test_a_side_file_over_its_limit_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "big.json"
    path.write_bytes(b"1" * 101)
    with pytest.raises(ValueError, match="is 101 bytes, more than the 100 such a file may be"):
        read_side_file(path, 100)
    assert read_side_file(path, 101) == "1" * 101


# --- the period and dates -------------------------------------------------------------------------


def test_a_period_from_year_1_to_9999_is_exit_2_at_once_naming_both_keys(council, capsys):
    path = with_keys(council, period_start="0001-01-01", period_end="9999-12-31")
    status, errors = validate_lines(capsys, path)
    assert status == 2
    assert errors == [
        f"error: {path}: period_start: must be from 1900-01-01 to 2199-12-31 (got 0001-01-01)",
        f"error: {path}: period_end: must be from 1900-01-01 to 2199-12-31 (got 9999-12-31)",
    ]


def test_a_period_over_120_months_is_exit_2_naming_the_key(council, capsys):
    path = with_keys(council, period_start="2014-04-01", period_end="2024-04-30")
    status, errors = validate_lines(capsys, path)
    assert_one_plain_line(
        status, errors, path, "period_end: makes a period of 121 months (2014-04 to 2024-04); a pack covers 1 to 120 months"
    )


def test_an_impossible_date_names_its_key_and_value(council, capsys):
    path = with_keys(council, period_end="2025-02-29")
    status, errors = validate_lines(capsys, path)
    assert_one_plain_line(status, errors, path, "period_end: ", "day value is outside expected range", "2025-02-29")


@pytest.mark.parametrize("start, end", [("2024-03-01", "2024-03-31"), ("2015-04-01", "2025-03-31")], ids=["1 month", "120 months"])
def test_periods_of_1_to_120_months_are_accepted(council, start, end):
    params = load_params(with_keys(council, period_start=start, period_end=end))
    assert (params.period_start.isoformat(), params.period_end.isoformat()) == (start, end)


@pytest.mark.parametrize(
    "target, words",
    [
        ("{referrals.nfa_share: {green: .nan, amber: 0.3}}", "targets: referrals.nfa_share green is not a finite number (got nan)"),
        ("{referrals.nfa_share: .inf}", "targets: referrals.nfa_share is not a finite number (got inf)"),
        (
            "{referrals.nfa_share: [{from: 2024-04-01, green: 0.2, amber: -.inf}]}",
            "targets: referrals.nfa_share[0] amber is not a finite number (got -inf)",
        ),
    ],
    ids=["green .nan", "bare .inf", "trajectory -.inf"],
)
def test_a_non_finite_target_is_exit_2_naming_the_key(council, capsys, target, words):
    path = with_keys(council, targets=target)
    status, errors = validate_lines(capsys, path)
    assert_one_plain_line(status, errors, path, words)


def test_the_parameters_still_read_dates_and_targets(council):
    params = load_params(with_keys(council, targets="{referrals.nfa_share: [{from: 2024-04-01, green: 0.2, amber: 0.3}]}"))
    assert params.targets["referrals.nfa_share"][0].start.isoformat() == "2024-04-01"
    assert yaml.safe_load(params_file(council).read_text(encoding="utf-8"))["period_end"].isoformat() == "2025-03-31"


@pytest.mark.parametrize(
    "keys, history",
    [
        ({"targets": "{referrals.nfa_share: {green: .nan, amber: 0.3}}"}, None),
        ({"period_start": "2014-04-01", "period_end": "2024-04-30"}, None),
        ({"period_end": "2025-02-29"}, None),
        ({}, json.dumps({**GOOD_HISTORY, "figures": {"contacts.count": "many"}}).encode()),
    ],
    ids=["green .nan", "121 months", "29 February 2025", "malformed history"],
)
def test_build_stops_on_what_validate_stops_on_with_the_same_line(council, capsys, keys, history):
    path = with_keys(council, **keys) if keys else params_file(council)
    if history is not None:
        (council / "old" / "figures.json").write_bytes(history)
    validated = validate_lines(capsys, path)
    built = run_cli(capsys, "build", str(path), "--out", str(council / "pack"))
    assert validated[0] == built[0] == 2
    assert len(built[1]) == 1 and built[1] == validated[1]
    assert not (council / "pack").exists()


@pytest.mark.slow
def test_a_120_month_pack_builds_with_its_charts(tmp_path):
    # version 3 crashed every chart over 144 months; the longest period accepted now, June 2009 to May 2019, builds
    from test_packfolder import GOLDEN

    from readiness.pack.build import build

    params = yaml.safe_load(GOLDEN.read_text(encoding="utf-8"))
    params.update(pack_id="long", period_start="2009-06-01")
    params["data"] = {key: str(GOLDEN.parent / value) for key, value in params["data"].items()}
    (tmp_path / "long.yaml").write_text(yaml.safe_dump(params), encoding="utf-8")
    pack = build(tmp_path / "long.yaml", tmp_path / "long")
    series = json.loads((pack / "figures.json").read_text(encoding="utf-8"))["figures"]["audits.monthly.good_or_better_share"]
    assert (len(series), min(series), max(series)) == (120, "2009-06", "2019-05")
    assert (pack / "index.html").read_text(encoding="utf-8").count("data:image/svg+xml;base64,") > 0
