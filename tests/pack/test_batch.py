"""Batch isolation and closed pipes (issue 21): one pack's crash, even its process dying, is that pack's failure only;
the others publish, the summary prints, the exit status says failure; ``validate | head -1`` ends quietly with its
own exit status."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from functools import partial
from pathlib import Path

import pytest
import yaml
from conftest import REPO
from test_packfolder import GOLDEN, make_council

from readiness.cli import main
from readiness.pack import build as build_module
from readiness.pack.packfolder import is_pack
from readiness.parallel import Died, can_fork, run_isolated

FORKS = pytest.mark.skipif(not can_fork(), reason="the test plants its crash in a forked process")


def kill_own_process() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def a_long_text() -> str:
    return "x" * (4 << 20)  # far more than a pipe holds at once


@FORKS
def test_each_task_gets_its_own_result_and_a_dead_process_only_its_own_death():
    tasks = [partial(int, "1"), partial(os._exit, 3), kill_own_process, a_long_text, partial(str, "five")]
    results = dict(run_isolated(tasks, workers=2))
    assert results == {0: 1, 1: Died(3), 2: Died(-signal.SIGKILL), 3: "x" * (4 << 20), 4: "five"}


def params_beside(tmp_path: Path, pack_id: str) -> Path:
    """The golden pack's parameters under another ``pack_id``, its paths made absolute."""
    params = yaml.safe_load(GOLDEN.read_text(encoding="utf-8"))
    params["pack_id"] = pack_id
    params["data"] = {key: str((GOLDEN.parent / value).resolve()) for key, value in params["data"].items()}
    path = tmp_path / f"{pack_id}.yaml"
    path.write_text(yaml.safe_dump(params), encoding="utf-8")
    return path


@pytest.mark.slow
@FORKS
def test_a_pack_whose_process_dies_fails_alone_and_the_others_publish(tmp_path, capsys, monkeypatch):
    crashing = params_beside(tmp_path, "crashing")
    real_build = build_module.build

    def build_or_die(params_file, *args, **options):
        if Path(params_file).name == "crashing.yaml":
            kill_own_process()  # as the kernel's out-of-memory killer, or a library aborting the process, would
        return real_build(params_file, *args, **options)

    monkeypatch.setattr(build_module, "build", build_or_die)
    with pytest.raises(SystemExit) as exit_:
        main(["build", str(crashing), str(GOLDEN), "--out", str(tmp_path / "packs"), "--jobs", "2"])
    printed = capsys.readouterr()
    assert exit_.value.code == 1
    assert printed.err.splitlines() == [
        f"error: {crashing}: the process building this pack was stopped by signal 9 (killed, or out of memory?); nothing was published for it"
    ]
    golden = tmp_path / "packs" / "golden"
    assert is_pack(golden) and (golden / "index.html").is_file()
    assert f"Pack ready: {golden / 'index.html'}" in printed.out
    assert "Summary" in printed.out and "  1 built, 1 failed" in printed.out
    assert not (tmp_path / "packs" / "crashing").exists()


def closed_pipe_run(params: Path, close_stderr: bool = False) -> tuple[int, str]:
    """``readiness validate PARAMS`` writing into a pipe whose reader has gone (as ``| head -1`` leaves it)."""
    command = [sys.executable, "-c", "import sys; from readiness.cli import main; main(sys.argv[1:])", "validate", str(params)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=REPO)
    process.stdout.close()  # before the command has written anything: every write of its report meets a closed pipe
    if close_stderr:
        process.stderr.close()
        return process.wait(timeout=300), ""
    errors = process.stderr.read().decode("utf-8")
    return process.wait(timeout=300), errors


@pytest.mark.slow  # four whole `readiness validate` processes: end to end, run by the whole suite
@pytest.mark.parametrize("close_stderr", [False, True], ids=["stdout closed", "stdout and stderr closed"])
def test_validate_into_a_closed_pipe_ends_quietly_with_its_own_exit_status(tmp_path, close_stderr):
    assert closed_pipe_run(GOLDEN, close_stderr) == (0, "")  # usable inputs: 0
    council = make_council(tmp_path)  # one row of List 4: errors, so 2
    assert closed_pipe_run(council / "parameters" / "pack.yaml", close_stderr) == (2, "")


@pytest.mark.slow
def test_a_batch_with_a_hostile_workbook_publishes_the_good_pack_after_it(tmp_path, capsys):
    # the 6 KB workbook whose stray cell without r once made the reader ask for 512 GiB and abort the whole batch
    from test_bounded_reading import hostile_arguments
    from test_hostile_files import FAR_CELLS, HEADING_ROW, write_xlsx

    workbook = write_xlsx(tmp_path / "annex_a.xlsx", [HEADING_ROW, FAR_CELLS["cells without r"]])
    _, hostile = hostile_arguments(tmp_path, "validate", annex_a=workbook)
    with pytest.raises(SystemExit) as exit_:
        main(["build", hostile, str(GOLDEN), "--out", str(tmp_path / "packs"), "--jobs", "2"])
    printed = capsys.readouterr()
    assert exit_.value.code == 2
    [error] = printed.err.splitlines()
    assert error.startswith("error: ") and all(words in error for words in ("annex_a.xlsx", "sheet List 1", "row 1048576, column XFD")), (
        error
    )
    assert is_pack(tmp_path / "packs" / "golden") and not (tmp_path / "packs" / "hostile").exists()
    assert "  1 built, 1 failed" in printed.out
