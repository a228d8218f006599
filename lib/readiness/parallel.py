"""Run independent pieces of a build at once in forked processes, where the system forks; and run tasks each in a
process of its own (:func:`run_isolated`: a batch's packs), so that one process dying costs only its own task.

Forked workers inherit what the build has already imported and read, so nothing is
imported or read again. Windows does not fork: there, and with ``workers=1``, the
pieces run one after another in this process, with the same results. A notebook kernel
always uses ``workers=1``.
"""
from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing import connection
from typing import Callable, Iterable, Iterator, Sequence, TypeVar

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


@dataclass(frozen=True)
class Died:
    """What a task gives when its process ended without a result (killed, out of memory, aborted)."""

    exitcode: int | None


def run_isolated(tasks: Sequence[Callable[[], T]], workers: int) -> Iterator[tuple[int, T | Died]]:
    """Run each task in a process of its own, ``workers`` at a time, and yield ``(index, result)`` as each ends.

    A task whose process dies yields :class:`Died`; the others run on. The processes are not daemons,
    so a task may start workers of its own (:func:`forked_pool`).
    """
    context = multiprocessing.get_context("fork" if can_fork() else "spawn")
    waiting = list(enumerate(tasks))
    running: dict = {}
    try:
        while waiting or running:
            while waiting and len(running) < max(1, workers):
                index, task = waiting.pop(0)
                receiver, sender = context.Pipe(duplex=False)
                process = context.Process(target=_send_result, args=(task, sender))
                process.start()
                sender.close()
                running[receiver] = (index, process)
            for receiver in connection.wait(list(running)):
                index, process = running.pop(receiver)
                yield index, _received(receiver, process)
    finally:
        for _, process in running.values():
            process.terminate()
            process.join()


def _received(receiver, process) -> object:
    """The result a task's process sent, or :class:`Died` when it ended without sending one."""
    try:
        result = receiver.recv()
    except (EOFError, OSError):
        result = None
    receiver.close()
    process.join()
    return result[0] if isinstance(result, tuple) else Died(process.exitcode)


def _send_result(task: Callable[[], T], sender) -> None:
    """``task()`` in its own process, its result sent back (in a one-tuple, so that any result, ``None`` too, is told
    from none)."""
    sender.send((task(),))
    sender.close()
