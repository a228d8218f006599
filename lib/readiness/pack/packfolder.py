"""What makes a folder a pack, and which folders a build may write to or replace.

A build never deletes or overwrites what the tool did not make. Every pack folder carries
a marker, ``.readiness-pack.json``, holding the SHA-256 of each file of the pack, so that
``verify`` notices an edited ``index.html``. A pack built before the marker existed is
recognised by its ``manifest.json``, ``index.html`` and ``figures.json`` together.
"""
from __future__ import annotations

import json
from pathlib import Path

from readiness.config.params import DATA_KEYS, Params, return_paths
from readiness.errors import OutputError

from .manifest import file_digest

MARKER = ".readiness-pack.json"
PACK_FILES = ("index.html", "figures.json", "figures.xlsx", "manifest.json", "pack.pdf")
EARLIER_PACK_FILES = ("manifest.json", "index.html", "figures.json")


def is_pack(folder: Path) -> bool:
    """Whether ``folder`` is a pack: it has the marker, or (built before the marker) all three of its main files."""
    folder = Path(folder)
    return (folder / MARKER).is_file() or all((folder / name).is_file() for name in EARLIER_PACK_FILES)


def may_replace(folder: Path) -> bool:
    """Whether a build may replace ``folder``: it does not exist, is an empty folder, or is a pack."""
    folder = Path(folder)
    if not folder.exists():
        return True
    return folder.is_dir() and (is_pack(folder) or not any(folder.iterdir()))


def user_files(params: Params, params_file: Path) -> dict[str, Path]:
    """The parameters file and every input it names (data, commentary, history), keyed as the parameters name them."""
    named = {"the parameters file": Path(params_file)}
    named.update({f"data.{key}": getattr(params.data, key) for key in DATA_KEYS})
    named.update(commentary=params.commentary, baseline=params.baseline, comparators=params.comparators)
    named.update({f"history[{i}]": path for i, path in enumerate(params.history)})
    named.update(return_paths(params))
    return {key: Path(path).resolve() for key, path in named.items() if path is not None}


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
        problems.append(
            f"{target}: is a folder the tool did not make (it has no {MARKER} and is not empty); "
            "it was left as it is: choose a new or empty folder with --out"
        )
    return problems


def check_output(target: Path, params: Params, params_file: Path) -> None:
    """Raise :class:`OutputError` (exit 2) unless a build of this pack may write to ``target``."""
    problems = output_problems(target, params, params_file)
    if problems:
        raise OutputError(problems)


def pack_digests(folder: Path) -> dict[str, str]:
    """SHA-256 of each file of the pack that ``folder`` holds (``working/`` and ``build.log`` are not checked)."""
    return {name: file_digest(folder / name)["sha256"] for name in PACK_FILES if (folder / name).is_file()}


def write_marker(folder: Path, digests: dict[str, str] | None = None) -> None:
    """Mark ``folder`` as the tool's own, recording the SHA-256 of the pack's files when given."""
    document = {"readiness_pack": 1, "files": digests or {}}
    (Path(folder) / MARKER).write_text(json.dumps(document, indent=2, sort_keys=True), encoding="utf-8")


def recorded_digests(folder: Path) -> dict[str, str] | None:
    """The SHA-256 of each file as the marker recorded it; ``None`` for a pack without one (or an unreadable one)."""
    try:
        files = json.loads((Path(folder) / MARKER).read_text(encoding="utf-8")).get("files")
    except (OSError, ValueError, AttributeError):
        return None
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
