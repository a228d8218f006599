"""Nothing lost (issue 21): a pack folder is one the tool marked; a rebuild refuses, naming them, files it did not
write; stale clearing takes only marked folders; permissions the user set are kept; ``validate --csv`` writes
over nothing the tool did not write.

Each test asserts what the user keeps: the files' bytes, the exit status and the one plain line.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
from pathlib import Path

import pytest
from test_packfolder import make_council, run_cli, snapshot

from readiness.pack.build import clear_stale, publish
from readiness.pack.packfolder import MARKER, foreign_files, write_marker

PARAMS = ("parameters", "pack.yaml")


@pytest.fixture
def council(tmp_path) -> Path:
    return make_council(tmp_path)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def marked_pack(folder: Path) -> Path:
    """A pack folder as a build leaves it: its files, then the marker listing them."""
    (folder / "working").mkdir(parents=True)
    for name in ("index.html", "figures.json", "manifest.json", "build.log", "working/inputs.zip"):
        (folder / name).write_text(f"the tool's {name}", encoding="utf-8")
    write_marker(folder)
    return folder


# --- a pack is what the tool marked, never what its file names look like -----------------------


def test_out_keeps_a_folder_holding_a_packs_file_names_that_the_tool_never_made(council, capsys):
    looks_like_a_pack = council / "site"
    (looks_like_a_pack / "src").mkdir(parents=True)
    for name in ("index.html", "manifest.json", "figures.json"):
        (looks_like_a_pack / name).write_text("{}", encoding="utf-8")
    (looks_like_a_pack / "src" / "app.py").write_text("print('mine')\n", encoding="utf-8")
    before = snapshot(looks_like_a_pack)
    status, errors = run_cli(capsys, "build", str(council.joinpath(*PARAMS)), "--out", str(looks_like_a_pack))
    assert status == 2
    assert errors == [
        f"error: {looks_like_a_pack}: is a folder the tool did not make (it has no {MARKER} and is not empty); "
        "it was left as it is: choose a new or empty folder with --out"
    ]
    assert snapshot(looks_like_a_pack) == before


def test_a_rebuild_refuses_naming_a_users_note_saved_in_the_pack_folder(council, capsys):
    pack = marked_pack(council / "outputs" / "pack")
    (pack / "notes for the Board.txt").write_text("my notes", encoding="utf-8")
    (pack / "working" / "my query.sql").write_text("select 1", encoding="utf-8")
    before = snapshot(pack)
    status, errors = run_cli(capsys, "build", str(council.joinpath(*PARAMS)), "--out", str(pack))
    assert status == 2
    assert errors == [
        f"error: {pack}: holds files the tool did not write (notes for the Board.txt, working/my query.sql); they were left "
        "as they are: move them out of the pack folder, or choose another folder with --out"
    ]
    assert snapshot(pack) == before


def test_a_rebuild_refuses_a_users_folder_holding_copied_pack_files(council, capsys):
    pack = marked_pack(council / "outputs" / "pack")
    board = council / "Board papers"
    (board / "2024").mkdir(parents=True)
    (board / "agenda.docx").write_bytes(b"the user's agenda")
    (board / "2024" / "minutes.docx").write_bytes(b"the user's minutes")
    shutil.copytree(pack, board, dirs_exist_ok=True)  # the whole pack copied in, its marker included
    before = snapshot(board)
    status, errors = run_cli(capsys, "build", str(council.joinpath(*PARAMS)), "--out", str(board))
    assert status == 2 and len(errors) == 1
    assert errors[0].startswith(f"error: {board}: holds files the tool did not write (2024/, agenda.docx);")
    assert snapshot(board) == before


def test_a_pack_holding_only_what_the_tool_wrote_is_replaced(tmp_path):
    pack = marked_pack(tmp_path / "pack")
    assert foreign_files(pack) == []
    staging = tmp_path / ".pack.tmp-1"
    staging.mkdir()
    (staging / "index.html").write_text("new", encoding="utf-8")
    write_marker(staging)
    publish(staging, pack)
    assert snapshot(pack) == {"index.html": b"new", MARKER: (pack / MARKER).read_bytes()}
    assert json.loads((pack / MARKER).read_text(encoding="utf-8"))["written"] == [MARKER, "index.html"]


def test_a_pack_marked_before_the_tool_listed_its_files_counts_what_such_a_build_wrote(tmp_path):
    pack = marked_pack(tmp_path / "pack")
    (pack / MARKER).write_text(json.dumps({"readiness_pack": 1, "files": {}}), encoding="utf-8")
    (pack / "working" / "01_front_door.ipynb").write_text("{}", encoding="utf-8")
    (pack / "mine.txt").write_text("x", encoding="utf-8")
    assert foreign_files(pack) == ["mine.txt"]


# --- stale folders -------------------------------------------------------------------------------


def test_stale_clearing_takes_only_folders_carrying_the_marker(tmp_path):
    target = tmp_path / "pack"
    users = tmp_path / ".pack.tmp-old-drafts"  # the user's, named like a temporary folder of the tool's
    users.mkdir()
    (users / "draft.docx").write_bytes(b"the user's draft")
    dead = marked_pack(tmp_path / ".pack.tmp-4242-abcd")  # a build that died
    empty = tmp_path / ".pack.tmp-4343-ef01"  # a build that died before marking its folder
    empty.mkdir()
    clear_stale(target)
    assert snapshot(users) == {"draft.docx": b"the user's draft"}
    assert not dead.exists() and not empty.exists() and not target.exists()


def test_stale_clearing_restores_only_a_marked_pack_moved_aside(tmp_path):
    target = tmp_path / "pack"
    users = tmp_path / ".pack.tmp-old-mine"
    users.mkdir()
    (users / "a.txt").write_bytes(b"mine")
    clear_stale(target)
    assert not target.exists() and snapshot(users) == {"a.txt": b"mine"}
    moved = marked_pack(tmp_path / ".pack.tmp-old-77-aaaa")
    published = snapshot(moved)
    clear_stale(target)
    assert snapshot(target) == published and not moved.exists()


# --- permissions ----------------------------------------------------------------------------------


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_publish_keeps_the_folders_and_files_permissions_the_user_set(tmp_path):
    pack = marked_pack(tmp_path / "pack")
    (pack / "index.html").chmod(0o600)
    (pack / "working").chmod(0o755)
    pack.chmod(0o700)
    staging = tmp_path / ".pack.tmp-1"
    (staging / "working").mkdir(parents=True)
    (staging / "index.html").write_text("new", encoding="utf-8")
    (staging / "figures.json").write_text("new", encoding="utf-8")
    write_marker(staging)
    os.chmod(staging, 0o755)
    publish(staging, pack)
    assert mode(pack) == 0o700
    assert mode(pack / "index.html") == 0o600
    assert mode(pack / "working") == 0o700  # never more open than the pack folder, whatever it was
    assert (pack / "index.html").read_text(encoding="utf-8") == "new"


# --- validate --csv -------------------------------------------------------------------------------


def test_validate_csv_never_overwrites_an_input_even_with_force(council, capsys):
    before = snapshot(council)
    for named in (council / "data" / "case_audits.csv", council / "data" / "annex_a" / "List 4.csv", council.joinpath(*PARAMS)):
        status, errors = run_cli(capsys, "validate", str(council.joinpath(*PARAMS)), "--csv", str(named), "--force")
        assert status == 2
        assert len(errors) == 1 and errors[0].startswith(f"error: {named}: is ") and "it was left as it is" in errors[0]
    assert snapshot(council) == before


def test_validate_csv_never_overwrites_a_file_without_force(council, capsys):
    mine = council / "fix.csv"
    mine.write_bytes(b"my own list")
    status, errors = run_cli(capsys, "validate", str(council.joinpath(*PARAMS)), "--csv", str(mine))
    assert status == 2
    assert errors == [f"error: {mine}: already exists; it was left as it is (readiness validate --force overwrites it)"]
    assert mine.read_bytes() == b"my own list"


def test_validate_csv_writes_a_new_file_and_with_force_replaces_one(council, capsys):
    new = council / "to-fix" / "fix.csv"
    new.parent.mkdir()
    status, _ = run_cli(capsys, "validate", str(council.joinpath(*PARAMS)), "--csv", str(new))
    written = new.read_bytes()
    assert written.startswith(b"\xef\xbb\xbf")  # the to-fix list, for Excel
    new.write_bytes(b"last week's")
    assert run_cli(capsys, "validate", str(council.joinpath(*PARAMS)), "--csv", str(new), "--force")[0] == status
    assert new.read_bytes() == written
    assert sorted(p.name for p in new.parent.iterdir()) == ["fix.csv"]  # no partial file left beside it
