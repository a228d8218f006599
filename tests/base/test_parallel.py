"""Pieces of a build shared out between this process and forked workers (``readiness.parallel``)."""

from __future__ import annotations

import os
import tempfile
import time
from functools import partial

import pytest

from readiness.parallel import can_fork, ends_first, run_all, shared_out

pytestmark = pytest.mark.skipif(not can_fork(), reason="shared out only where the system forks")


def square_where(number: int) -> tuple[int, int]:
    """``number`` squared, and which process worked it out (a task takes a moment, as a section does)."""
    time.sleep(0.2)
    return number * number, os.getpid()


def test_every_task_runs_once_here_or_in_the_one_forked_worker():
    results = dict(shared_out([partial(square_where, n) for n in range(6)], workers=2))
    assert sorted(results) == [0, 1, 2, 3, 4, 5]
    assert [results[n][0] for n in range(6)] == [0, 1, 4, 9, 16, 25]
    processes = {pid for _, pid in results.values()}
    assert os.getpid() in processes and len(processes) == 2  # this process works too: two at a time, one forked
    assert results[5][1] == os.getpid() and results[0][1] != os.getpid()  # it takes tasks from the end, the worker from the start


def test_run_all_gives_the_results_in_order_however_shared_out():
    assert [square for square, _ in run_all([partial(square_where, n) for n in range(5)], workers=2)] == [0, 1, 4, 9, 16]
    assert [square for square, _ in run_all([partial(square_where, n) for n in range(3)], workers=1)] == [0, 1, 4]


def bytes_of(size: int) -> tuple[bytes, int]:
    """``size`` bytes counting up from 0 (mod 256), and which process made them."""
    time.sleep(0.2)
    return bytes(range(256)) * (size // 256), os.getpid()


def test_a_large_result_comes_back_whole_from_the_forked_worker_and_leaves_no_file(tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    results = dict(shared_out([partial(bytes_of, 8 << 20), partial(bytes_of, 256)], workers=2))
    assert results[0][1] != os.getpid() and results[1][1] == os.getpid()  # the large one was the worker's
    assert len(results[0][0]) == 8 << 20 and results[0][0][:3] == b"\x00\x01\x02" and results[0][0][-1:] == b"\xff"
    assert list(tmp_path.iterdir()) == []  # the file its result was handed back in had no name


def fails() -> None:
    raise ValueError("no such list")


def test_a_task_failing_in_the_forked_worker_raises_here(tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    with pytest.raises(ValueError, match="no such list"):
        run_all([fails, partial(square_where, 2)], workers=2)
    assert list(tmp_path.iterdir()) == []


def test_ends_first_puts_the_largest_tasks_at_the_two_ends_and_the_smallest_where_the_workers_meet():
    assert ends_first([1, 5, 3, 4, 2]) == [1, 2, 0, 4, 3]  # sizes 5, 3, 1, 2, 4
    assert ends_first([7]) == [0] and ends_first([]) == []


def test_run_all_given_sizes_starts_the_largest_tasks_first_and_gives_the_results_in_order():
    results = run_all([partial(square_where, n) for n in range(3)], workers=2, sizes=[1, 5, 4])  # in the order 1, 0, 2
    assert [square for square, _ in results] == [0, 1, 4]
    assert results[1][1] != os.getpid() and results[2][1] == os.getpid()  # the largest forked, the next largest here


def temporary_files() -> list[str]:
    """What the temporary folder holds while a task runs (in the forked worker: the first task is its)."""
    time.sleep(0.2)
    return sorted(os.listdir(tempfile.gettempdir()))


def test_no_file_named_in_the_temporary_folder_holds_a_result_even_while_the_tasks_run(tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    (tmp_path / "someone_elses.txt").write_text("kept")
    assert run_all([temporary_files, temporary_files], workers=2) == [["someone_elses.txt"], ["someone_elses.txt"]]
    assert sorted(os.listdir(tmp_path)) == ["someone_elses.txt"]
