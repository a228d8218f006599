"""The ``readiness`` command in a process of its own, started in a moment.

A test of a file that could abort, hang or exhaust memory runs the command apart from the tests, so that such a
failure fails the test instead of the run. Each such process is forked from a server process that imported the
command and every figure's declaration once (multiprocessing's ``forkserver``), instead of starting an interpreter
and importing them again for every file: its exit status, output, processor time and peak memory are the command's
own. A process that ends without a result (aborted, killed) gives its exit status, and no output. Where there is no
forkserver (Windows), each process is a fresh interpreter, and processor time and memory are not measured (infinite).
"""

from __future__ import annotations

import io
import multiprocessing
import os
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

PRELOAD = ["readiness.cli", "readiness.indicators.themes", "forked"]  # what the command imports before it reads anything


@dataclass
class Ran:
    """How the command ended: its status and output, its processor seconds, and its peak resident memory in bytes
    (the pages it shares with the server included, as a process's own measure counts them)."""

    result: subprocess.CompletedProcess
    seconds: float
    peak: float


def start_method():
    """The forkserver, ready with :data:`PRELOAD`; a fresh interpreter each time where there is none."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(PRELOAD)
    return context


def measures() -> tuple[float, float]:
    """This process's processor seconds and peak resident bytes, its children's included (infinite without
    :mod:`resource`)."""
    try:
        import resource
    except ImportError:
        return float("inf"), float("inf")
    usages = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
    return sum(usage.ru_utime + usage.ru_stime for usage in usages), max(usage.ru_maxrss for usage in usages) * 1024


def command(arguments: list[str], folder: str, sender) -> None:
    """The forked process: ``readiness ARGUMENTS`` run from ``folder``, its result sent back through ``sender``."""
    from readiness.cli import main

    os.chdir(folder)
    stdout, stderr = io.StringIO(), io.StringIO()
    with redirect_stdout(stdout), redirect_stderr(stderr):
        try:
            main(arguments)
        except SystemExit as exit_:
            status = exit_.code
    sender.send((status, stdout.getvalue(), stderr.getvalue(), *measures()))


def run(arguments: list[str], folder: Path, timeout: float) -> Ran:
    """``readiness ARGUMENTS`` in a forked process, from ``folder``; :class:`subprocess.TimeoutExpired` (the process
    killed) when it has not ended within ``timeout`` seconds."""
    main = sys.modules["__main__"]
    if not hasattr(main, "__spec__"):  # IPython's stand-in, left by a section run in this process (a build's own job)
        main.__spec__ = None  # which multiprocessing reads to prepare a process: None, as for a script
    context = start_method()
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=command, args=(arguments, str(folder), sender))
    process.start()
    sender.close()
    try:
        if not receiver.poll(timeout):
            process.kill()
            process.join()
            raise subprocess.TimeoutExpired(["readiness", *arguments], timeout)
        status, out, err, seconds, peak = receiver.recv()
    except EOFError:  # ended without a result
        process.join()
        return Ran(subprocess.CompletedProcess(["readiness", *arguments], process.exitcode, "", ""), float("inf"), float("inf"))
    finally:
        receiver.close()
    process.join()
    return Ran(subprocess.CompletedProcess(["readiness", *arguments], status, out, err), seconds, peak)
