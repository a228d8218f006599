"""``readiness build``: one pack or many, incremental, published atomically.

This module stays light (no pandas): a pack whose inputs, parameters, notebooks and
code are all unchanged since it was published is left as it is, in well under a second.
The work itself is in :mod:`readiness.pack.pipeline`, imported only when there is work to do.
"""

from __future__ import annotations

import json
import logging
import os
import secrets
import shutil
import stat
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from filelock import FileLock, Timeout

from readiness import progress
from readiness.config.params import Params, load_params
from readiness.errors import LockedError, OutputError, ReadinessError
from readiness.files import no_more_open_than
from readiness.parallel import Died, run_isolated
from readiness.paths import ENGLAND, notebook_files

from .ahead import read_ahead
from .cache import input_hashes, pack_key
from .job import Job
from .packfolder import check_output, is_intact, is_pack, may_replace, pack_digests, replace_refusal, write_marker

log = logging.getLogger("readiness")


@dataclass(frozen=True)
class Built:
    """The outcome of one pack's build: exit status, where it went, and the lines to print."""

    params_file: str
    status: int
    folder: Path | None = None
    seconds: float = 0.0
    up_to_date: bool = False
    problems: list[str] = field(default_factory=list)


def default_output(params: Params, out: Path | None, several: bool) -> Path:
    """``outputs/<pack_id>`` by default; ``--out DIR`` for one pack, ``DIR/<pack_id>`` for several."""
    if out is None:
        return Path.cwd() / "outputs" / params.pack_id
    return out / params.pack_id if several else out


def build(params_file: Path, out: Path | None = None, several: bool = False, **options) -> Path:
    """Build one pack and return its folder; raise a :class:`ReadinessError` on failure."""
    started = time.time()
    params = load_params(params_file, check_figures=False)  # the figure ids it names are checked once it is not up to date
    job = Job(Path(params_file).resolve(), default_output(params, out, several).resolve(), **options)
    if job.strict:
        params = params.model_copy(update={"strict": True})
    check_output(job.target, params, job.params_file)
    job.target.parent.mkdir(parents=True, exist_ok=True)
    with pack_lock(job.target):
        return _build_locked(job, params, started)


def check_figure_ids(params_file: Path) -> None:
    """Check the figure ids the parameters file names (targets, baseline, comparators) against every declared figure:
    reading them closes the figure registry, which imports the indicator modules."""
    from readiness.indicators import themes  # noqa: F401  (declares every figure: parameters name them, inputs are read by them)

    load_params(params_file)


def _build_locked(job: Job, params: Params, started: float) -> Path:
    clear_stale(job.target)
    hashes = input_hashes(params)
    key = pack_key(params, hashes, notebook_files(job.notebooks), ENGLAND, job.pdf)
    if not job.force and published_key(job.target) == key and is_intact(job.target):
        log.info("%s: up to date (nothing changed since it was built); --force rebuilds", params.pack_id)
        return job.target
    check_figure_ids(job.params_file)
    staging = new_staging(job.target)
    try:
        with build_log(staging / "build.log"):
            cache = cache_folder(job.target, params)
            ahead = read_ahead(params, hashes, cache, staging, job.jobs, reuse=not job.force)  # while this process imports:
            from .pipeline import make_pack

            make_pack(job, params, staging, cache, hashes, key, started, ahead)
    except BaseException:
        keep_failed(staging, job.target)
        raise
    write_marker(staging, pack_digests(staging))
    publish(staging, job.target)
    return job.target


def build_many(params_files: list[Path], out: Path | None = None, jobs: int = 1, **options) -> list[Built]:
    """Build several packs, ``jobs`` at a time, each in a process of its own: every pack that succeeds is published,
    whatever happens to the others (even a process that dies: that pack fails, the batch goes on)."""
    several = len(params_files) > 1
    if not several:
        return [build_reporting(params_files[0], out, several, jobs=jobs, **options)]
    results: dict[Path, Built] = same_pack_clashes(params_files, out)
    todo = [path for path in params_files if path not in results]
    tasks = [partial(build_in_worker, path, out, several, **options) for path in todo]
    for index, result in progress.bar(run_isolated(tasks, jobs), len(tasks), "packs"):
        path = todo[index]
        results[path] = result if isinstance(result, Built) else died(path, result)
        log.info("%s: %s", path, "built" if results[path].status == 0 else "failed")
    return [results[path] for path in params_files]


def build_in_worker(params_file: Path, out: Path | None, several: bool, **options) -> Built:
    """:func:`build_reporting` in a batch's own process for the pack (no progress bars of its own)."""
    progress.enable(False)
    return build_reporting(params_file, out, several, **options)


def died(params_file: Path, death: Died) -> Built:
    """A pack whose build's process ended without a result: killed, out of memory, or aborted by a library."""
    how = f"was stopped by signal {-death.exitcode}" if death.exitcode and death.exitcode < 0 else f"ended with exit code {death.exitcode}"
    line = f"{params_file}: the process building this pack {how} (killed, or out of memory?); nothing was published for it"
    return Built(str(params_file), 1, problems=[line])


def same_pack_clashes(params_files: list[Path], out: Path | None) -> dict[Path, Built]:
    """The parameters files of a batch that would build into the same folder (the same ``pack_id``), as failures (exit 2).

    Neither is built: one would silently replace the other. Files that cannot be read are left
    for their own build to report.
    """
    by_target: dict[Path, list[Path]] = {}
    for path in params_files:
        try:
            by_target.setdefault(default_output(load_params(path, check_figures=False), out, several=True).resolve(), []).append(path)
        except ReadinessError:
            continue
    clashes = {}
    for target, paths in by_target.items():
        for path in paths if len(paths) > 1 else []:
            others = ", ".join(str(other) for other in paths if other != path)
            line = f"{path}: builds the same pack as {others} (both go to {target}); neither was built: give each its own pack_id"
            clashes[path] = Built(str(path), OutputError.exit_status, problems=[line])
    return clashes


def build_reporting(params_file: Path, out: Path | None, several: bool, **options) -> Built:
    """:func:`build`, with its failure turned into an exit status and plain lines (picklable across processes)."""
    started = time.time()
    try:
        folder = build(params_file, out, several, **options)
    except ReadinessError as exc:
        return Built(str(params_file), exc.exit_status, problems=exc.lines())
    except Exception as exc:  # noqa: BLE001 - one pack's unexpected failure must not stop a batch
        return Built(str(params_file), 1, problems=[f"unexpected failure: {type(exc).__name__}: {exc}"])
    return Built(str(params_file), 0, folder, time.time() - started)


@contextmanager
def pack_lock(target: Path):
    """An operating-system lock on one pack (released if the process dies)."""
    lock = FileLock(str(target.parent / f".{target.name}.lock"))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        raise LockedError(f"{target}: another build of this pack is running; try again when it ends") from None
    try:
        yield
    finally:
        lock.release()


@contextmanager
def build_log(path: Path):
    """Copy the build's log lines into ``build.log`` in the pack."""
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    handler.setLevel(logging.INFO)
    previous = log.level
    log.addHandler(handler)
    log.setLevel(min(previous or logging.INFO, logging.INFO))
    try:
        yield
    finally:
        log.removeHandler(handler)
        log.setLevel(previous)
        handler.close()


def published_key(target: Path) -> str | None:
    """The build key recorded in a published pack's manifest, if it has one."""
    try:
        return json.loads((target / "manifest.json").read_text(encoding="utf-8")).get("build_key")
    except (OSError, ValueError):
        return None


def cache_folder(target: Path, params: Params) -> Path:
    """Cached inputs and executed notebooks, beside the packs (git-ignored ``outputs/.cache``)."""
    return target.parent / ".cache" / params.pack_id


def temporary_name(target: Path, kind: str) -> Path:
    """A new name beside ``target`` for a build's temporary folder (``.NAME.tmp-…``), unique to this build."""
    return target.parent / f".{target.name}.tmp-{kind}{os.getpid()}-{secrets.token_hex(4)}"


def new_staging(target: Path) -> Path:
    """The folder a build writes into, marked as the tool's; while it is written, as open as ``target`` is
    (with the owner's own rights), so that a pack folder the user closed to others stays closed."""
    staging = temporary_name(target, "")
    staging.mkdir()
    if target.is_dir():
        staging.chmod(stat.S_IMODE(target.stat().st_mode) | stat.S_IRWXU)
    write_marker(staging)
    return staging


def clear_stale(target: Path) -> None:
    """Remove temporary folders left by builds of ``target`` that died: only those carrying the tool's marker
    (or empty), never a folder of the user's that happens to be named like one.

    A build that died between moving the old pack aside and moving the new one in left
    no pack at all: the old one is put back first.
    """
    moved_aside = [p for p in target.parent.glob(f".{target.name}.tmp-old-*") if is_pack(p)]
    if moved_aside and not target.exists():
        max(moved_aside, key=lambda p: p.stat().st_mtime).rename(target)
        log.warning("%s: restored the pack a dead build had moved aside", target.name)
    for stale in target.parent.glob(f".{target.name}.tmp-*"):
        if is_pack(stale):
            shutil.rmtree(stale, ignore_errors=True)
        elif stale.is_dir() and not stale.is_symlink() and not any(stale.iterdir()):
            stale.rmdir()


def keep_failed(staging: Path, target: Path) -> None:
    """Keep a failed build's partial results in ``DIR.failed/`` for debugging (never over a folder the tool did not make)."""
    failed = target.parent / f"{target.name}.failed"
    if not staging.exists():
        return
    if not remove_own(failed):
        shutil.rmtree(staging, ignore_errors=True)
        log.error("%s: build failed; %s is not the tool's, so the partial results were not kept", target.name, failed)
        return
    staging.rename(failed)
    log.error("%s: build failed; partial results kept in %s", target.name, failed)


def remove_own(folder: Path) -> bool:
    """Remove ``folder`` if the tool made it (a marked pack, a failed build) or it is empty; whether it is gone."""
    if folder.is_dir() and may_replace(folder):
        shutil.rmtree(folder, ignore_errors=True)
    return not folder.exists()


def publish(staging: Path, target: Path) -> None:
    """Swap the finished pack in: the old one is moved aside, then removed. Only a pack holding nothing but what the
    tool wrote (or an empty folder) is replaced, and the new pack keeps the permissions the user set on the old one."""
    if not may_replace(target):
        refused(staging, target)
    old = temporary_name(target, "old-")
    if target.exists():
        keep_modes(target, staging)
        target.rename(old)
        if not may_replace(old):  # something was saved in it between the check and the move
            old.rename(target)
            refused(staging, target)
    staging.rename(target)
    shutil.rmtree(old, ignore_errors=True)
    remove_own(target.parent / f"{target.name}.failed")


def refused(staging: Path, target: Path) -> None:
    """Keep the finished pack as a failed build's and raise: ``target`` stopped being replaceable during the build."""
    line = f"{replace_refusal(target)} (it changed during the build)"
    keep_failed(staging, target)
    raise OutputError([line])


def keep_modes(published: Path, staging: Path) -> None:
    """Give the new pack the permissions the user set on the published one: the folder's, and each file's or folder's
    that both have; ``working/`` (child-level data) is never more open than the pack folder."""
    for new in [staging, *staging.rglob("*")]:
        old = published / new.relative_to(staging)
        if not old.is_symlink() and old.exists() and old.is_dir() == new.is_dir():
            os.chmod(new, stat.S_IMODE(old.stat().st_mode))
    if (staging / "working").is_dir():
        no_more_open_than(staging / "working", staging)
