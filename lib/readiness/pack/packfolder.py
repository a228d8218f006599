"""What makes a folder a pack, and which folders a build may write to or replace.

A build never deletes or overwrites what the tool did not make. A folder is a pack only when it
carries the tool's marker, ``.readiness-pack.json``, never because of the names of the files in it.
The marker lists every file the build wrote (``written``), so that a rebuild refuses a pack folder
holding anything else (a note saved there, a folder copied in) instead of deleting it, and the
SHA-256 of each file of the pack (``files``), so that ``verify`` notices an edited ``index.html``.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

from readiness.config.params import DATA_KEYS, Params, return_paths
from readiness.errors import OutputError

from .manifest import file_digest

MARKER = ".readiness-pack.json"
PACK_FILES = ("index.html", "figures.json", "figures.xlsx", "manifest.json", "pack.pdf")
MARKER_VERSION = 2
SHOWN = 5  # files named in a refusal before "and N more"


def read_marker(folder: Path) -> dict | None:
    """The marker's document when ``folder`` carries the tool's marker (a regular file of JSON), else ``None``."""
    path = Path(folder) / MARKER
    try:
        if not stat.S_ISREG(path.lstat().st_mode) or path.stat().st_size > 1 << 22:
            return None
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return document if isinstance(document, dict) and "readiness_pack" in document else None


def is_pack(folder: Path) -> bool:
    """Whether ``folder`` is a pack: a folder carrying the tool's marker (what it holds beside it does not count)."""
    folder = Path(folder)
    return folder.is_dir() and not folder.is_symlink() and read_marker(folder) is not None


def written_files(folder: Path) -> set[str]:
    """The files of ``folder`` the tool wrote, as its marker lists them (relative, ``/``-separated).

    A marker from before the list was kept (version 1) stands for the files such a build wrote:
    the pack's files, ``build.log``, and the checked inputs and executed notebooks in ``working/``.
    """
    marker = read_marker(folder) or {}
    listed = marker.get("written")
    if isinstance(listed, list):
        return {name for name in listed if isinstance(name, str)} | {MARKER}
    working = Path(folder) / "working"
    notebooks = {f"working/{p.name}" for p in working.glob("*.ipynb")} if working.is_dir() else set()
    return {*PACK_FILES, MARKER, "build.log", "working/inputs.zip", *notebooks}


def foreign_files(folder: Path) -> list[str]:
    """What a pack folder holds that the tool did not write, relative to it (a folder as ``name/``), sorted."""
    written = written_files(folder)
    folders = {str(Path(name).parent.as_posix()) for name in written}
    foreign = []

    def walk(here: Path, prefix: str) -> None:
        for entry in sorted(os.scandir(here), key=lambda e: e.name):
            name = f"{prefix}{entry.name}"
            if entry.is_dir(follow_symlinks=False):
                if any(f == name or f.startswith(f"{name}/") for f in folders):
                    walk(Path(entry.path), f"{name}/")
                else:
                    foreign.append(f"{name}/")
            elif name not in written:
                foreign.append(name)

    walk(Path(folder), "")
    return foreign


def may_replace(folder: Path) -> bool:
    """Whether a build may replace ``folder``: it does not exist, is an empty folder, or is a pack holding only what the tool wrote."""
    folder = Path(folder)
    if not folder.exists() and not folder.is_symlink():
        return True
    if not folder.is_dir() or folder.is_symlink():
        return False
    return not any(folder.iterdir()) or (is_pack(folder) and not foreign_files(folder))


def named(files: list[str]) -> str:
    """``a, b, c`` or ``a, b, c, d, e and 3 more``."""
    shown = ", ".join(files[:SHOWN])
    return shown if len(files) <= SHOWN else f"{shown} and {len(files) - SHOWN} more"


def user_files(params: Params, params_file: Path) -> dict[str, Path]:
    """The parameters file and every input it names (data, commentary, history), keyed as the parameters name them."""
    named_paths = {"the parameters file": Path(params_file)}
    named_paths.update({f"data.{key}": getattr(params.data, key) for key in DATA_KEYS})
    named_paths.update(commentary=params.commentary, baseline=params.baseline, comparators=params.comparators)
    named_paths.update({f"history[{i}]": path for i, path in enumerate(params.history)})
    named_paths.update(return_paths(params))
    return {key: Path(path).resolve() for key, path in named_paths.items() if path is not None}


def output_problems(target: Path, params: Params, params_file: Path) -> list[str]:
    """Why ``target`` must not receive this pack, one plain line per reason (empty = it may)."""
    target = Path(target).resolve()
    problems = [f"{target}: is inside {parent}, which is a file" for parent in target.parents if parent.is_file()]
    if target.exists() and not target.is_dir():
        problems.append(f"{target}: is a file, not a pack folder; it was left as it is")
    for key, path in user_files(params, params_file).items():
        folder = path if path.is_dir() else path.parent
        if target == folder:
            problems.append(f"{target}: is the folder of {key} ({path}); a pack needs a folder of its own")
        elif path.is_relative_to(target):
            problems.append(f"{target}: holds {key} ({path}); a build would replace it")
        elif path.is_dir() and target.is_relative_to(path):
            problems.append(f"{target}: is inside the folder of {key} ({path}); a pack must not be written among its inputs")
    if not problems and not may_replace(target):
        problems.append(replace_refusal(target))
    return problems


def replace_refusal(target: Path) -> str:
    """The plain line saying why a build will not replace ``target`` (a pack holding others' files, or not a pack)."""
    if is_pack(target):
        return (
            f"{target}: holds files the tool did not write ({named(foreign_files(target))}); "
            "they were left as they are: move them out of the pack folder, or choose another folder with --out"
        )
    return (
        f"{target}: is a folder the tool did not make (it has no {MARKER} and is not empty); "
        "it was left as it is: choose a new or empty folder with --out"
    )


def check_output(target: Path, params: Params, params_file: Path) -> None:
    """Raise :class:`OutputError` (exit 2) unless a build of this pack may write to ``target``."""
    problems = output_problems(target, params, params_file)
    if problems:
        raise OutputError(problems)


EDITIONS = ("", "published/")
"""Where a pack's editions are: the pack's folder, and ``published/`` for the published edition of ``audience: both``."""


def pack_digests(folder: Path) -> dict[str, str]:
    """SHA-256 of each file of the pack that ``folder`` holds, in each edition (``working/`` and ``build.log`` are not
    checked)."""
    names = [f"{edition}{name}" for edition in EDITIONS for name in PACK_FILES]
    return {name: file_digest(folder / name)["sha256"] for name in names if (folder / name).is_file()}


def every_file(folder: Path) -> list[str]:
    """Every file under ``folder``, relative and ``/``-separated, sorted."""
    return sorted(p.relative_to(folder).as_posix() for p in Path(folder).rglob("*") if not p.is_dir())


def write_marker(folder: Path, digests: dict[str, str] | None = None) -> None:
    """Mark ``folder`` as the tool's own, listing every file in it as written by the tool, with the SHA-256
    of the pack's files when given."""
    folder = Path(folder)
    document = {"readiness_pack": MARKER_VERSION, "files": digests or {}, "written": sorted({*every_file(folder), MARKER})}
    (folder / MARKER).write_text(json.dumps(document, indent=2, sort_keys=True), encoding="utf-8")


def recorded_digests(folder: Path) -> dict[str, str] | None:
    """The SHA-256 of each file as the marker recorded it; ``None`` for a folder without one (or an unreadable one)."""
    files = (read_marker(folder) or {}).get("files")
    return files if isinstance(files, dict) and files else None


def changed_files(folder: Path) -> list[str]:
    """Plain lines, one per file of the pack missing or changed since it was built (empty = as built)."""
    recorded = recorded_digests(folder) or {}
    now = pack_digests(folder)
    return [
        f"{name}: {'is missing' if name not in now else 'has been changed since the pack was built'}"
        for name, sha256 in sorted(recorded.items())
        if now.get(name) != sha256
    ]


def is_intact(folder: Path) -> bool:
    """Whether ``folder`` is a marked pack whose files are exactly as built."""
    return recorded_digests(folder) is not None and not changed_files(folder)
