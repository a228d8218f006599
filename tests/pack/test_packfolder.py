"""Nothing lost: a build writes only to a folder that is a pack (or new, or empty), never among its inputs.

Each refusal test checks what the user keeps: the file or folder still there, byte-identical,
exit status 2 and one plain line naming the folder.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
from pathlib import Path

import pytest
from conftest import REPO
from test_cache_verified import PLANTED

from readiness.cli import main
from readiness.config.params import load_params
from readiness.errors import OutputError
from readiness.pack.build import build, build_many, keep_failed, publish
from readiness.pack.packfolder import MARKER, is_pack, output_problems, pack_digests, write_marker
from readiness.pack.verify import verify_pack

GOLDEN = REPO / "tests" / "fixtures" / "golden" / "golden.yaml"


@pytest.fixture
def council(tmp_path) -> Path:
    return make_council(tmp_path)


def make_council(tmp_path: Path) -> Path:
    """A council's folder: parameters, an Annex A CSV folder, an extract, commentary and an earlier pack's figures."""
    (tmp_path / "data" / "annex_a").mkdir(parents=True)
    (tmp_path / "data" / "annex_a" / "List 4.csv").write_text("Child Unique ID\n1\n", encoding="utf-8")
    (tmp_path / "data" / "case_audits.csv").write_text("audit_id\n", encoding="utf-8")
    (tmp_path / "commentary").mkdir()
    (tmp_path / "commentary" / "case_audits.md").write_text("Ours.\n", encoding="utf-8")
    (tmp_path / "old").mkdir()
    (tmp_path / "old" / "figures.json").write_text('{"period_end": "2024-03-31", "figures": {}}', encoding="utf-8")
    (tmp_path / "parameters").mkdir()
    (tmp_path / "parameters" / "pack.yaml").write_text(
        "pack_id: pack\nla_name: X\nperiod_start: 2024-04-01\nperiod_end: 2025-03-31\n"
        "data:\n  annex_a: ../data/annex_a\n  case_audits: ../data/case_audits.csv\n"
        "commentary: ../commentary\nhistory: [../old/figures.json]\n",
        encoding="utf-8",
    )
    return tmp_path


def problems_for(council: Path, target: Path) -> list[str]:
    params_file = council / "parameters" / "pack.yaml"
    return output_problems(target, load_params(params_file), params_file)


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` with its bytes, to compare before and after."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def run_cli(capsys, *argv: str) -> tuple[int, list[str]]:
    """The command line in this process: (exit status, stderr lines)."""
    with pytest.raises(SystemExit) as exit_:
        main(list(argv))
    return exit_.value.code, capsys.readouterr().err.splitlines()


# --- which folders a pack may go to ---------------------------------------------------------


@pytest.mark.parametrize(
    "where, words",
    [
        ("parameters", "is the folder of the parameters file"),
        ("data", "is the folder of data.case_audits"),
        ("data/annex_a", "is the folder of data.annex_a"),
        ("data/annex_a/pack", "is inside the folder of data.annex_a"),
        (".", "holds the parameters file"),
        ("commentary", "is the folder of commentary"),
        ("commentary/pack", "is inside the folder of commentary"),
        ("old", "is the folder of history[0]"),
        ("data/case_audits.csv", "is a file, not a pack folder"),
        ("data/case_audits.csv/pack", "is inside"),
    ],
)
def test_output_among_the_inputs_is_refused(council, where, words):
    problems = problems_for(council, council / where)
    assert any(words in line for line in problems), problems


def test_a_folder_the_tool_did_not_make_is_refused(council):
    (council / "Documents").mkdir()
    (council / "Documents" / "letter.docx").write_bytes(b"mine")
    [problem] = problems_for(council, council / "Documents")
    assert "is a folder the tool did not make" in problem and "--out" in problem


@pytest.mark.parametrize("made", ["new", "empty", "marked"])
def test_a_new_or_empty_folder_or_a_pack_may_be_used(council, made):
    target = council / "outputs" / "pack"
    if made != "new":
        target.mkdir(parents=True)
    if made == "marked":
        (target / "index.html").write_text("old pack", encoding="utf-8")
        write_marker(target)
    assert problems_for(council, target) == []


@pytest.mark.parametrize("names", [("index.html", "figures.json"), ("manifest.json", "index.html", "figures.json")])
def test_a_pack_is_known_by_its_marker_never_by_its_file_names(tmp_path, names):
    for name in names:
        (tmp_path / name).write_text("{}", encoding="utf-8")
    assert not is_pack(tmp_path)


# --- the command line: refused, exit 2, nothing touched -----------------------------------


def test_out_dot_keeps_the_parameters_and_inputs(council, capsys, monkeypatch):
    before = snapshot(council)
    monkeypatch.chdir(council)
    status, errors = run_cli(capsys, "build", "parameters/pack.yaml", "--out", ".")
    assert status == 2
    assert errors and all(line.startswith("error: ") and str(council) in line for line in errors)
    assert "Traceback" not in "\n".join(errors)
    assert snapshot(council) == before
    assert sorted(p.name for p in council.iterdir()) == ["commentary", "data", "old", "parameters"]  # no lock or temporary folder


def test_out_naming_a_file_keeps_it(council, capsys):
    (council / "report.pdf").write_bytes(b"%PDF the user's")
    status, errors = run_cli(capsys, "build", str(council / "parameters" / "pack.yaml"), "--out", str(council / "report.pdf"))
    assert status == 2 and any("is a file, not a pack folder" in line for line in errors), errors
    assert (council / "report.pdf").read_bytes() == b"%PDF the user's"
    assert not list(council.glob(".report.pdf*"))


def test_out_naming_a_users_folder_keeps_every_file(council, capsys):
    documents = council / "Documents"
    documents.mkdir()
    (documents / "letter.docx").write_bytes(b"mine")
    status, errors = run_cli(capsys, "build", str(council / "parameters" / "pack.yaml"), "--out", str(documents))
    assert status == 2 and len(errors) == 1 and "did not make" in errors[0]
    assert snapshot(documents) == {"letter.docx": b"mine"}


def test_a_batch_with_two_files_of_one_pack_id_builds_neither(council):
    published = council / "packs" / "pack"  # the pack both would replace
    published.mkdir(parents=True)
    write_marker(published)
    (published / "index.html").write_text("last month's pack", encoding="utf-8")
    before = snapshot(published)
    second = council / "parameters" / "again.yaml"
    shutil.copy(council / "parameters" / "pack.yaml", second)
    results = build_many([council / "parameters" / "pack.yaml", second], council / "packs", jobs=1)
    assert [r.status for r in results] == [2, 2]
    assert "again.yaml" in results[0].problems[0] and "pack.yaml" in results[1].problems[0]
    assert "own pack_id" in results[0].problems[0]
    assert snapshot(published) == before
    assert sorted(p.name for p in (council / "packs").iterdir()) == ["pack"]


# --- publishing and failed builds -----------------------------------------------------------


def staged(tmp_path: Path) -> Path:
    staging = tmp_path / ".pack.tmp-1"
    staging.mkdir()
    write_marker(staging)
    (staging / "index.html").write_text("new", encoding="utf-8")
    return staging


def test_publish_replaces_only_a_pack(tmp_path):
    target = tmp_path / "pack"
    target.mkdir()
    (target / "notes.txt").write_text("the user's", encoding="utf-8")  # put there after the build's check
    with pytest.raises(OutputError, match="is a folder the tool did not make .* .it changed during the build."):
        publish(staged(tmp_path), target)
    assert snapshot(target) == {"notes.txt": b"the user's"}
    assert (tmp_path / "pack.failed" / "index.html").read_text(encoding="utf-8") == "new"


def test_publish_replaces_an_earlier_pack(tmp_path):
    target = tmp_path / "pack"
    target.mkdir()
    (target / "index.html").write_text("old", encoding="utf-8")
    write_marker(target)
    publish(staged(tmp_path), target)
    assert (target / "index.html").read_text(encoding="utf-8") == "new"


def test_a_failed_build_never_replaces_a_users_failed_folder(tmp_path):
    users = tmp_path / "pack.failed"
    users.mkdir()
    (users / "plan.xlsx").write_bytes(b"mine")
    keep_failed(staged(tmp_path), tmp_path / "pack")
    assert snapshot(users) == {"plan.xlsx": b"mine"}
    assert not list(tmp_path.glob(".pack.tmp-*"))


# --- a real pack: the marker, verify, and an edited index.html ---------------------------


@pytest.fixture(scope="module")
def golden_pack(tmp_path_factory) -> Path:
    return build(GOLDEN, tmp_path_factory.mktemp("golden") / "golden", jobs=1)


@pytest.mark.slow
def test_a_built_pack_carries_the_marker_with_its_files(golden_pack):
    recorded = json.loads((golden_pack / MARKER).read_text(encoding="utf-8"))["files"]
    assert {"index.html", "figures.json", "figures.xlsx", "manifest.json"} <= set(recorded)
    assert verify_pack(golden_pack) == []


@pytest.mark.slow
def test_verify_notices_an_edited_index_html(golden_pack, tmp_path):
    copy = tmp_path / "golden"
    shutil.copytree(golden_pack, copy)
    with open(copy / "index.html", "a", encoding="utf-8") as handle:
        handle.write("<!-- edited -->")
    assert verify_pack(copy) == ["pack file index.html: has been changed since the pack was built"]


@pytest.mark.slow
def test_verify_notices_a_missing_figures_file(golden_pack, tmp_path):
    copy = tmp_path / "golden"
    shutil.copytree(golden_pack, copy)
    (copy / "figures.json").unlink()
    assert verify_pack(copy) == ["pack file figures.json: is missing"]


@pytest.mark.slow
def test_an_edited_pack_is_rebuilt_not_up_to_date(golden_pack, tmp_path):
    target = tmp_path / "golden"
    shutil.copytree(golden_pack, target)
    shutil.copytree(golden_pack.parent / ".cache", tmp_path / ".cache")
    original = (target / "index.html").read_bytes()
    (target / "index.html").write_text("tampered", encoding="utf-8")
    build(GOLDEN, target, jobs=1)
    assert (target / "index.html").read_bytes() == original


@pytest.mark.slow
def test_verify_says_when_a_pack_has_no_record_of_its_files(golden_pack, tmp_path, capsys):
    copy = tmp_path / "golden"
    shutil.copytree(golden_pack, copy)
    (copy / MARKER).unlink()  # as a pack built before the marker existed
    with pytest.raises(SystemExit) as exit_:
        main(["verify", str(copy)])
    assert exit_.value.code == 0
    assert "only its inputs and page were checked" in capsys.readouterr().out


@pytest.mark.slow
@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_a_rebuild_keeps_a_700_pack_folder_closed_and_its_child_level_data_with_it(golden_pack, tmp_path):
    target = tmp_path / "golden"
    shutil.copytree(golden_pack, target)
    shutil.copytree(golden_pack.parent / ".cache", tmp_path / ".cache")
    (tmp_path / ".cache").chmod(0o755)
    (tmp_path / ".cache" / "golden").chmod(0o755)
    manifest = json.loads((target / "manifest.json").read_text(encoding="utf-8"))
    (target / "manifest.json").write_text(json.dumps({**manifest, "build_key": "older"}), encoding="utf-8")
    write_marker(target, {})  # the edited manifest is the tool's own file still
    target.chmod(0o700)
    build(GOLDEN, target, jobs=1)
    assert stat.S_IMODE(target.stat().st_mode) == 0o700
    assert stat.S_IMODE((target / "working").stat().st_mode) & 0o077 == 0
    assert stat.S_IMODE((tmp_path / ".cache" / "golden").stat().st_mode) & 0o077 == 0  # the cached inputs and sections name children too
    assert json.loads((target / "manifest.json").read_text(encoding="utf-8"))["build_key"] != "older"


@pytest.mark.slow
def test_a_script_planted_in_the_cached_section_html_never_reaches_the_next_page(golden_pack, tmp_path):
    target = tmp_path / "golden"
    shutil.copytree(golden_pack, target)
    shutil.copytree(golden_pack.parent / ".cache", tmp_path / ".cache")
    planted = sorted((tmp_path / ".cache" / "golden").glob("*.html"))
    assert planted, "the golden build kept no section HTML to plant a script in (has the cache moved?)"
    for path in planted:
        path.write_text(path.read_text(encoding="utf-8") + PLANTED, encoding="utf-8")
    write_marker(target, {})  # not as built: the next build is a real one, which reads the cache
    build(GOLDEN, target, jobs=1)
    page = (target / "index.html").read_text(encoding="utf-8")
    assert "evil.example" not in page and "<script" not in page
    assert "running it again" in (target / "build.log").read_text(encoding="utf-8")
    assert verify_pack(target) == []


@pytest.mark.slow
def test_verify_fails_on_a_script_in_the_page_even_when_the_marker_records_it(golden_pack, tmp_path, capsys):
    copy = tmp_path / "golden"
    shutil.copytree(golden_pack, copy)
    page = (copy / "index.html").read_text(encoding="utf-8")
    (copy / "index.html").write_text(page.replace("</body>", f"{PLANTED}</body>"), encoding="utf-8")
    write_marker(copy, pack_digests(copy))  # as a build that took the script from a planted cache would have recorded it
    with pytest.raises(SystemExit) as exit_:
        main(["verify", str(copy)])
    assert exit_.value.code == 1
    [line] = capsys.readouterr().err.splitlines()
    assert line.startswith("mismatch: pack file index.html: holds code or loads a resource: a <script> element (line ")
