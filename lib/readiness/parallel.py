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


def in_parallel(function: Callable[..., T], jobs: Iterable[tuple], workers: int) -> list[T]:
    """``function(*job)`` for each job, results in order; ``workers`` at a time where the system forks."""
    jobs = list(jobs)
    if workers > 1 and len(jobs) > 1 and can_fork():
        with forked_pool(min(workers, len(jobs))) as pool:
            return list(pool.map(function, *zip(*jobs)))
    return [function(*job) for job in jobs]
