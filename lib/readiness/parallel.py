"""Run independent pieces of a build at once in forked processes, where the system forks; and run tasks each in a
process of its own (:func:`run_isolated`: a batch's packs), so that one process dying costs only its own task.

Forked workers inherit what the build has already imported and read, so nothing is
imported or read again. Windows does not fork: there, and with ``workers=1``, the
pieces run one after another in this process, with the same results. A notebook kernel
always uses ``workers=1``.
"""

from __future__ import annotations

import ctypes
import gc
import multiprocessing
import pickle
import tempfile
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing import connection
from typing import Callable, Iterable, Iterator, Sequence, TypeVar

T = TypeVar("T")


def can_fork() -> bool:
    """Whether this system starts worker processes by forking."""
    return "fork" in multiprocessing.get_all_start_methods()


def forked_pool(workers: int) -> ProcessPoolExecutor:
    """A pool of ``workers`` forked processes, started once the memory this one has freed is given back."""
    release_free_memory()
    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"))


def release_free_memory() -> None:
    """Give the heap this process has freed back to the system (glibc's ``malloc_trim``), so that it stops counting
    as this process's memory and a forked worker does not start with it; nothing to do where there is no glibc."""
    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass


def run_all(tasks: Iterable[Callable[[], T]], workers: int, sizes: Sequence[float] | None = None) -> list[T]:
    """Each task's result, in order; ``workers`` tasks at a time where the system forks (:func:`shared_out`), in the
    order :func:`ends_first` gives when ``sizes`` says roughly how long each takes."""
    tasks = list(tasks)
    if workers > 1 and len(tasks) > 1 and can_fork():
        order = list(range(len(tasks))) if sizes is None else ends_first(sizes)
        results = {order[position]: result for position, result in shared_out([tasks[i] for i in order], workers)}
        return [results[index] for index in range(len(tasks))]
    return [task() for task in tasks]


def ends_first(sizes: Sequence[float]) -> list[int]:
    """The tasks' positions with the largest at the two ends of the list, where :func:`shared_out`'s workers start,
    and the smallest in the middle, where they meet: neither is then left with a long task when the other is done."""
    largest_first = sorted(range(len(sizes)), key=lambda index: -sizes[index])
    return largest_first[0::2] + largest_first[1::2][::-1]


def shared_out(tasks: Sequence[Callable[[], T]], workers: int) -> Iterator[tuple[int, T]]:
    """``(index, result)`` of every task as it ends, ``workers`` at a time: this process is one of them, taking tasks
    from the end of the list while ``workers - 1`` forked ones take them from the start, until they meet. A forked
    worker's memory counts as well as this one's (the pages it shares with it too), so none is forked to wait.

    A forked worker hands its results back in a file opened for each task before the workers fork, not through
    the pool's pipe: a pipe takes 64 KB at a time, each only when this process, busy with a task of its own, next
    lets another thread run, which kept a worker waiting half a second and more to hand back one large list. The
    files have no name (:func:`tempfile.TemporaryFile`): the children's data in them is never left on disk."""
    files = [tempfile.TemporaryFile() for _ in tasks]
    try:
        with forked_pool(max(1, min(workers, len(tasks)) - 1)) as pool:
            futures = [pool.submit(_call, task, file.fileno()) for task, file in zip(tasks, files)]
            for index in reversed(range(len(tasks))):
                if futures[index].cancel():  # not started by a forked worker yet: run it here
                    yield index, tasks[index]()
            for index, future in enumerate(futures):
                if not future.cancelled():
                    future.result()
                    files[index].seek(0)
                    yield index, pickle.load(files[index])
    finally:
        for file in files:
            file.close()


def _call(task: Callable[[], T], result: int) -> None:
    """``task()``, in a worker process, its result written to the open file ``result``."""
    with open(result, "wb", closefd=False) as file:
        pickle.dump(task(), file, protocol=pickle.HIGHEST_PROTOCOL)


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
