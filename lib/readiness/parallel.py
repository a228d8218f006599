"""Run independent pieces of a build at once in forked processes, where the system forks.

Forked workers inherit what the build has already imported and read, so nothing is
imported or read again. Windows does not fork: there, and with ``workers=1``, the
pieces run one after another in this process, with the same results. A notebook kernel
always uses ``workers=1``.
"""
from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from typing import Callable, Iterable, TypeVar

T = TypeVar("T")


def can_fork() -> bool:
    """Whether this system starts worker processes by forking."""
    return "fork" in multiprocessing.get_all_start_methods()


def forked_pool(workers: int) -> ProcessPoolExecutor:
    """A pool of ``workers`` forked processes."""
    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"))


def run_all(tasks: Iterable[Callable[[], T]], workers: int) -> list[T]:
    """Each task's result, in order; ``workers`` tasks at a time where the system forks."""
    tasks = list(tasks)
    if workers > 1 and len(tasks) > 1 and can_fork():
        with forked_pool(min(workers, len(tasks))) as pool:
            return list(pool.map(_call, tasks))
    return [task() for task in tasks]


def _call(task: Callable[[], T]) -> T:
    """``task()``, in a worker process."""
    return task()
