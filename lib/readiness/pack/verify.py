"""``readiness verify DIR``: does a pack still match the inputs it was built from?"""
from __future__ import annotations

import json
from pathlib import Path

from readiness.errors import ReadinessError

from .manifest import file_digest
from .packfolder import changed_files


class VerifyError(ReadinessError):
    """Raised when a pack folder has no readable manifest to verify against."""

    exit_status = 1


def verify_pack(folder: Path) -> list[str]:
    """Plain lines, one per input that is missing or changed since the pack was built, then one per file of
    the pack itself (``index.html`` …) missing or edited since (empty = matches).

    A pack built before the pack files were recorded is checked against its inputs only."""
    manifest_path = folder / "manifest.json"
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise VerifyError(f"{manifest_path}: cannot read the pack's manifest ({exc})") from None
    inputs = manifest.get("inputs") if isinstance(manifest, dict) else None
    if not isinstance(inputs, dict) or not all(isinstance(r, dict) and {"path", "sha256", "bytes"} <= r.keys() for r in inputs.values()):
        raise VerifyError(f"{manifest_path}: the manifest does not list the pack's inputs (path, sha256, bytes)")
    problems = []
    for key, recorded in sorted(inputs.items()):
        path = Path(recorded["path"])
        if not path.is_file():
            problems.append(f"{key}: {path} is missing")
            continue
        now = file_digest(path)
        if now["sha256"] != recorded["sha256"]:
            problems.append(f"{key}: {path} has changed since the pack was built ({recorded['bytes']:,} bytes then, {now['bytes']:,} now)")
    return problems + [f"pack file {line}" for line in changed_files(folder)]
