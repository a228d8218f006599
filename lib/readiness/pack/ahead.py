"""A build's inputs read in a forked process while the build imports what runs its sections.

A cold build reads and checks its inputs (seconds) and imports matplotlib, papermill and nbconvert (most of a
second) one after the other. Forked once the figures are declared, a reader does the first while the build does
the second; it keeps what it read in the cache, as data (:func:`readiness.pack.cache.keep_for_next_time`), where
the build takes it, verified, as it would an earlier build's. A reader that finds the inputs at fault hands their
problems to the build, which raises them as its own reading would have (so a failed build reads its inputs once); a
reader that fails otherwise ends quietly, and the build then reads the inputs itself.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import sys
import time
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

from readiness.config.params import Params
from readiness.errors import InputError
from readiness.files import no_more_open_than
from readiness.parallel import can_fork

from .cache import inputs_cache_file, keep_for_next_time, verified_copy

log = logging.getLogger("readiness")


@dataclass
class ReadAhead:
    """Inputs being read by a forked reader since ``started``, kept at ``path`` when it is done; ``problems`` brings
    what the reader found wrong with them, if anything."""

    process: multiprocessing.process.BaseProcess
    path: Path
    started: float
    problems: multiprocessing.connection.Connection

    def result(self):
        """Once the reader has ended: the inputs it kept and their bytes, verified; ``None`` when it failed. Problems it
        found in the inputs are raised (:class:`InputError`), as the build's own reading would raise them."""
        try:
            problems = self.problems.recv()  # waits for the reader's problems, or for it to end without sending any
        except EOFError:
            problems = None
        finally:
            self.problems.close()
        self.process.join()
        if problems:
            raise InputError(problems)
        return verified_copy(self.path) if self.process.exitcode == 0 else None


def read_ahead(params: Params, hashes: dict[str, str], cache: Path, staging: Path, jobs: int, reuse: bool) -> ReadAhead | None:
    """Start reading the inputs into ``cache`` (made no more open than ``staging``) in a forked process, ``jobs`` pieces
    at a time; ``None`` with one job, where the system does not fork, or when the cache may already hold them."""
    path = inputs_cache_file(params, hashes, cache)
    if jobs < 2 or not can_fork() or (reuse and path.exists()):
        return None
    cache.mkdir(parents=True, exist_ok=True)
    no_more_open_than(cache, staging)  # before a byte of child-level data is written there
    log.info("%s: reading and checking inputs", params.pack_id)
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_read_and_keep, args=(params, path, jobs, sender), name="readiness-reader")
    process.start()
    sender.close()  # the reader's end: the build sees the pipe end when the reader does
    return ReadAhead(process, path, time.time(), receiver)


def _read_and_keep(params: Params, path: Path, jobs: int, sender) -> None:
    """In the reader: read and check the inputs and keep them at ``path``; any failure ends it with status 1, silently,
    the problems found in the inputs sent to the build through ``sender``."""
    status, problems = 1, None
    try:
        from readiness.inputs.read import load_inputs

        from .store import inputs_to_bytes

        keep_for_next_time(inputs_to_bytes(load_inputs(params, parallel=jobs)), path, params.pack_id)
        status = 0
    except InputError as error:
        problems = error.problems
    except BaseException:  # noqa: BLE001, S110 - the build reads the inputs again itself and reports the problem
        pass
    if problems is not None:
        with suppress(BaseException):  # should they not reach the build, it reads the inputs again itself
            sender.send(problems)
    for stream in (sys.stdout, sys.stderr):
        stream.flush()
    os._exit(status)
