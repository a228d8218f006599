"""Keys for incremental builds: what a pack, its inputs and each notebook depend on.

A key is the SHA-256 of everything that can change a result: the parameters as
resolved, the bytes of the inputs, the notebook's source, the ``readiness`` code
and the versions of the packages that shape figures and charts. Cached results
hold child-level data, so the cache lives beside the packs, under git-ignored
``outputs/`` by default. Nothing here imports pandas: a build with nothing changed
must stay light.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import time
from functools import lru_cache
from pathlib import Path

from readiness.config.params import Params
from readiness.files import read_regular, write_atomically
from readiness.paths import PACKAGE

from .manifest import file_digest, input_digests, notebook_digests, package_versions

log = logging.getLogger("readiness")
CODE_SUFFIXES = (".py", ".j2", ".css", ".yaml", ".json")
DIGESTS = "sha256.json"  # in each cache folder: the SHA-256 of every file kept there, recorded as it was written


def digest_of(value) -> str:
    """SHA-256 of any JSON-able value (keys sorted)."""
    return hashlib.sha256(json.dumps(value, sort_keys=True, default=str).encode("utf-8")).hexdigest()


def code_files() -> list[Path]:
    """Every file of the package a pack depends on: its modules in every stage, and the page's template and style."""
    return sorted(p for p in PACKAGE.rglob("*") if p.suffix in CODE_SUFFIXES and "__pycache__" not in p.parts)


@lru_cache(maxsize=1)
def code_digest() -> str:
    """The ``readiness`` package's own files and the versions of the packages it relies on."""
    files = {p.relative_to(PACKAGE).as_posix(): file_digest(p)["sha256"] for p in code_files()}
    return digest_of({"files": files, "packages": package_versions()})


def extra_digests(params: Params, benchmarks: Path) -> dict[str, str]:
    """The content of the files besides the inputs that change the HTML: history and baseline packs, comparators,
    commentary, England values."""
    paths = [*params.history, *(p for p in (params.baseline, params.comparators) if p), benchmarks]
    if params.commentary and params.commentary.is_dir():
        paths += sorted(p for p in params.commentary.iterdir() if p.is_file())
    return {str(p): content_digest(p) for p in paths if p.is_file()}


def content_digest(path: Path | None) -> str | None:
    """SHA-256 of a file's bytes, or ``None`` when there is no such file."""
    return file_digest(path)["sha256"] if path is not None and path.is_file() else None


def commentary_file(params: Params, slug: str) -> Path | None:
    """Where a section's commentary is: ``<commentary>/<slug>.md`` (``None`` when the pack names no commentary folder)."""
    return None if params.commentary is None else Path(params.commentary) / f"{slug}.md"


def input_hashes(params: Params) -> dict[str, str]:
    """SHA-256 of every input file, keyed as in the manifest (``annex_a``, ``annex_a/List 1.csv`` …)."""
    return {key: entry["sha256"] for key, entry in input_digests(params).items()}


def pack_key(params: Params, inputs: dict[str, str], notebooks: list[Path], benchmarks: Path, pdf: bool) -> str:
    """Everything a whole pack depends on: when it is unchanged, so is the pack."""
    return digest_of(
        {
            "params": params.model_dump(mode="json"),
            "inputs": inputs,
            "notebooks": notebook_digests(notebooks),
            "extras": extra_digests(params, benchmarks),
            "code": code_digest(),
            "pdf": pdf,
        }
    )


def inputs_key(params: Params, inputs: dict[str, str]) -> str:
    """What reading the inputs depends on: their bytes, how to read them, the snapshot date, the code."""
    return digest_of(
        {
            "inputs": inputs,
            "reading": params.model_dump(
                mode="json", include={"data", "columns", "unallocated_values", "strict", "cin_census", "ssda903", "csww"}
            ),
            "snapshot": params.period.snapshot.isoformat(),
            "code": code_digest(),
        }
    )


def notebook_key(params: Params, inputs: dict[str, str], notebook: Path, reads: tuple[str, ...], slug: str) -> str:
    """What one section depends on: its notebook, the inputs it reads, the content of its commentary
    (``slug`` names it), the parameters, the code. History packs and England values are shown only
    on the vital-signs page, which every build renders afresh, and on a section that reads ``history``
    (the findings: the last Board's values), whose key then holds the earlier packs' bytes too."""
    data_keys = {"annex_a" if name.startswith("list_") else name for name in reads}
    earlier = [params.baseline, *params.history] if "history" in reads else []
    return digest_of(
        {
            **({"earlier packs": [file_digest(Path(p))["sha256"] for p in earlier if p is not None]} if earlier else {}),
            "notebook": file_digest(notebook)["sha256"],
            "commentary": content_digest(commentary_file(params, slug)),
            "inputs": {key: sha for key, sha in inputs.items() if key.split("/")[0] in data_keys},
            "params": params.model_dump(mode="json", exclude={"data", "history"}),
            "code": code_digest(),
        }
    )


def cached_inputs(params: Params, hashes: dict[str, str], cache: Path, parallel: int = 1, reuse: bool = True):
    """The inputs, read and checked once (``parallel`` pieces at a time); reused (unless not ``reuse``)
    while their bytes and the reading code are unchanged. They are kept as data (:mod:`readiness.pack.store`),
    never as a pickle: a file planted in ``cache`` cannot run code."""
    return checked_inputs(params, hashes, cache, parallel, reuse)[0]


def checked_inputs(params: Params, hashes: dict[str, str], cache: Path, parallel: int = 1, reuse: bool = True, ahead=None):
    """:func:`cached_inputs`, and the bytes that keep them (:func:`readiness.pack.store.inputs_to_bytes`): made once,
    for the cache and for the build's notebooks both; those a reader started earlier kept (``ahead``:
    :func:`readiness.pack.ahead.read_ahead`), else read here."""
    from readiness.inputs.read import load_inputs

    from .store import inputs_to_bytes

    path = inputs_cache_file(params, hashes, cache)
    kept = checked_copy(path, params.pack_id) if reuse and ahead is None else None
    if kept is not None:
        return kept
    if ahead is None:
        log.info("%s: reading and checking inputs", params.pack_id)
    started = time.time() if ahead is None else ahead.started
    kept = None if ahead is None else ahead.result()
    if kept is not None:
        log.info("%s: inputs read and checked in %.1f s", params.pack_id, time.time() - started)
        return kept
    inputs = load_inputs(params, parallel=parallel)
    log.info("%s: inputs read and checked in %.1f s", params.pack_id, time.time() - started)
    data = inputs_to_bytes(inputs)
    keep_for_next_time(data, path, params.pack_id)
    return inputs, data


def keep_for_next_time(data: bytes, path: Path, pack_id: str) -> None:
    """Keep the checked inputs' bytes ``data`` at ``path``, in place of any kept before; a cache that cannot be
    written costs only the next build's reuse, never this build."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        for old in path.parent.glob("inputs-*"):
            old.unlink(missing_ok=True)
        keep_verified(path, data)
    except OSError as exc:
        log.warning("%s: could not keep the checked inputs in %s (%s); the next build reads them afresh", pack_id, path.parent, exc)


def inputs_cache_file(params: Params, hashes: dict[str, str], cache: Path) -> Path:
    """Where ``cache`` keeps the checked inputs for these parameters and input bytes."""
    return cache / f"inputs-{inputs_key(params, hashes)[:20]}.zip"


def checked_copy(path: Path, pack_id: str):
    """The inputs kept at ``path`` by an earlier build and their bytes, or ``None`` when there are none, or they are
    damaged or not the bytes whose SHA-256 was recorded when they were kept (:func:`read_verified`)."""
    if not (path.exists() or path.is_symlink()):
        return None
    kept = verified_copy(path)
    if kept is None:
        log.warning("%s: the cached inputs were damaged; reading them afresh (they were not the bytes recorded when kept)", pack_id)
        return None
    log.info("%s: inputs unchanged; reusing the checked copy", pack_id)
    return kept


def verified_copy(path: Path):
    """The inputs kept at ``path`` and their bytes, while they are the bytes whose SHA-256 was recorded when they were
    kept (:func:`read_verified`) and whole; ``None`` otherwise."""
    from .store import inputs_from_bytes

    data = read_verified(path)
    try:
        return None if data is None else (inputs_from_bytes(data), data)
    except Exception:  # noqa: BLE001 - a damaged cache entry is read afresh, never trusted
        return None


def keep_verified(path: Path, data: bytes) -> None:
    """Keep ``data`` at ``path`` (atomically), then record its SHA-256 in the folder's :data:`DIGESTS`, which
    :func:`read_verified` checks: a file edited or planted afterwards is never used."""
    write_atomically(path, data)
    record = {name: sha for name, sha in recorded_digests(path.parent).items() if (path.parent / name).is_file()}
    record[path.name] = hashlib.sha256(data).hexdigest()
    write_atomically(path.parent / DIGESTS, json.dumps(record, indent=1, sort_keys=True).encode("utf-8"))


def read_verified(path: Path) -> bytes | None:
    """The bytes kept at ``path`` while their SHA-256 is the one recorded when they were kept; ``None`` when the
    file is missing, is not a regular file, has no record, or differs from it (edited, planted, damaged)."""
    expected = recorded_digests(path.parent).get(path.name)
    if not isinstance(expected, str):
        return None
    try:
        data = read_regular(path)
    except ValueError:
        return None
    return data if hmac.compare_digest(hashlib.sha256(data).hexdigest(), expected) else None


def recorded_digests(folder: Path) -> dict:
    """The SHA-256 recorded for each file kept in ``folder`` (empty when there is no readable record)."""
    try:
        record = json.loads(read_regular(folder / DIGESTS, 1 << 24))
    except ValueError:
        return {}
    return record if isinstance(record, dict) else {}
