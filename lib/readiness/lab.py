"""JupyterLab's save, quick and safe: a notebook is written without outputs, stripped in the server's own process.

``python3 tasks.py lab`` sets :func:`strip_before_save` as Jupyter's pre-save hook. A notebook's
outputs hold children's data; JupyterLab keeps them on screen, and the file gets what git's
nbstripout filter (``.gitattributes``; it stays, for notebooks saved by anything else) would
store: no outputs, no execution counts, none of the kernel's version details. So a save with
only new outputs leaves the file as git holds it and ``git status`` clean, with no git or
nbstripout process started on a save (they froze the server for seconds, autosaves included).
Notebooks under ``outputs/`` (git-ignored: papermill's results, an analyst's kept runs) are
saved as they are.

Only the standard library is imported at the top: ``tasks.py`` reads :data:`LAB_METADATA`
from this file before the project's environment exists.
"""

from __future__ import annotations

from pathlib import PurePosixPath

LAB_METADATA = tuple(
    f"metadata.language_info.{key}"
    for key in ("codemirror_mode", "file_extension", "mimetype", "nbconvert_exporter", "pygments_lexer", "version")
)
"""What JupyterLab adds to a notebook's metadata on saving, beside outputs and counts: the git filter's ``extrakeys``."""
NBSTRIPOUT_DEFAULTS = (
    "metadata.signature",
    "metadata.widgets",
    "cell.metadata.collapsed",
    "cell.metadata.ExecuteTime",
    "cell.metadata.execution",
    "cell.metadata.heading_collapsed",
    "cell.metadata.hidden",
    "cell.metadata.scrolled",
)
"""The keys nbstripout's command (the git filter) strips by default; its Python function strips only those it is given."""
KEPT = "outputs"
"""The folder (from Lab's root, the repository) whose notebooks keep their outputs."""


def strip_before_save(model: dict, path: str, **_) -> None:
    """Jupyter pre-save hook: a notebook outside ``outputs/`` is saved as git's filter would store it."""
    if model.get("type") != "notebook" or not isinstance(model.get("content"), dict):
        return
    if PurePosixPath(path.strip("/")).parts[:1] == (KEPT,):
        return
    model["content"] = stripped(model["content"])


def stripped(content: dict) -> dict:
    """A notebook (as JSON) as ``nbstripout --keep-id`` with the git filter's extra keys writes it."""
    import nbformat
    from nbstripout import strip_output

    notebook = nbformat.from_dict(content)
    return strip_output(notebook, keep_output=False, keep_count=False, keep_id=True, extra_keys=[*NBSTRIPOUT_DEFAULTS, *LAB_METADATA])
