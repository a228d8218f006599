"""Checked inputs kept as data, never as code: one zip of Arrow IPC files and a JSON document.

A pickle runs code when it is loaded, so whoever could write to ``outputs/`` could run
code as whoever builds next. This format cannot: ``inputs.json`` says which frames there
are and holds the row-level warnings; each frame is one Arrow IPC (Feather v2) file whose
schema carries pandas' own dtype record, so ``string``, ``Int64``, ``boolean``,
``datetime64[ns]``, ``float64`` and text columns come back exactly as the readers made them.
Arrow files are never extracted to disk: they are read from the zip in memory and validated
in full (offsets, lengths, UTF-8) before pandas sees them.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from dataclasses import asdict, fields
from pathlib import Path

import pandas as pd
import pyarrow as pa

from readiness.errors import Problem
from readiness.files import write_atomically
from readiness.inputs.bundle import Inputs

FORMAT = "readiness-inputs/1"
CONTENTS = "inputs.json"
EXTRACTS = tuple(f.name for f in fields(Inputs) if f.name not in ("annex_a", "warnings"))
ANNEX_LIST = re.compile(r"list_\d{1,2}")


class DamagedStore(ValueError):
    """Raised when a file is not inputs kept by :func:`inputs_to_bytes` (or not all of them)."""


def inputs_to_bytes(inputs: Inputs) -> bytes:
    """``inputs`` as the bytes of one zip: a JSON document and an Arrow file per frame."""
    frames = named_frames(inputs)
    contents = {"format": FORMAT, "frames": sorted(frames), "warnings": [asdict(w) for w in inputs.warnings]}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_STORED) as archive:
        archive.writestr(CONTENTS, json.dumps(contents, ensure_ascii=False, indent=1))
        for name, frame in frames.items():
            archive.writestr(f"{name}.arrow", frame_to_arrow(frame))
    return buffer.getvalue()


def inputs_from_bytes(data: bytes) -> Inputs:
    """The inputs :func:`inputs_to_bytes` wrote; :class:`DamagedStore` (or the reader's own error) when damaged."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        contents = json.loads(archive.read(CONTENTS).decode("utf-8"))
        if not isinstance(contents, dict) or contents.get("format") != FORMAT:
            raise DamagedStore(f"not a {FORMAT} document")
        frames = {name: frame_from_arrow(archive.read(f"{name}.arrow")) for name in checked_names(contents.get("frames"))}
    return Inputs(
        annex_a={name.removeprefix("annex_a/"): frame for name, frame in frames.items() if name.startswith("annex_a/")},
        **{name: frames.get(name) for name in EXTRACTS},
        warnings=[problem_from_json(warning) for warning in contents.get("warnings", [])],
    )


def keep_inputs(inputs: Inputs, path: Path) -> None:
    """Keep ``inputs`` at ``path``, atomically: a reader sees the old file or the whole new one."""
    write_atomically(Path(path), inputs_to_bytes(inputs))


def kept_inputs(path: Path) -> Inputs:
    """The inputs kept at ``path`` (a build's ``working/inputs.zip`` or ``outputs/.cache/…/inputs-*.zip``);
    :class:`DamagedStore` naming the file when it holds anything else."""
    data = Path(path).read_bytes()
    try:
        return inputs_from_bytes(data)
    except Exception as exc:  # noqa: BLE001 - whatever the bytes are, they are not kept inputs
        raise DamagedStore(f"{path}: not inputs kept by a build ({type(exc).__name__}: {exc})") from exc


def named_frames(inputs: Inputs) -> dict[str, pd.DataFrame]:
    """Every frame the inputs hold, by its name in the zip: ``annex_a/list_1`` …, ``case_audits`` …"""
    frames = {f"annex_a/{name}": frame for name, frame in inputs.annex_a.items()}
    frames.update({name: getattr(inputs, name) for name in EXTRACTS if getattr(inputs, name) is not None})
    return frames


def checked_names(names) -> list[str]:
    """The frame names of a kept document, each one a frame :class:`Inputs` can hold."""
    if not isinstance(names, list) or not all(isinstance(n, str) and is_frame_name(n) for n in names):
        raise DamagedStore(f"unexpected frame names {names!r}")
    return names


def is_frame_name(name: str) -> bool:
    """Whether ``name`` is a local extract's or ``annex_a/list_N``."""
    return name in EXTRACTS or (name.startswith("annex_a/") and ANNEX_LIST.fullmatch(name.removeprefix("annex_a/")) is not None)


def frame_to_arrow(frame: pd.DataFrame) -> bytes:
    """One frame (its index and pandas dtypes included) as an Arrow IPC file."""
    table = pa.Table.from_pandas(frame, preserve_index=None)
    sink = pa.BufferOutputStream()
    with pa.ipc.new_file(sink, table.schema) as writer:
        writer.write_table(table)
    return sink.getvalue().to_pybytes()


def frame_from_arrow(data: bytes) -> pd.DataFrame:
    """The frame :func:`frame_to_arrow` wrote, checked in full before use (a crafted file fails here),
    ``object`` columns included (pandas 3 would read their text as ``str``)."""
    table = pa.ipc.open_file(pa.py_buffer(data)).read_all()
    table.validate(full=True)
    frame = table.to_pandas()
    for name in object_columns(table):
        if frame[name].dtype != object:
            frame[name] = pd.Series(table.column(name).to_pylist(), index=frame.index, dtype=object)
    return frame


def object_columns(table: pa.Table) -> list[str]:
    """The columns that were ``object`` in pandas, as the file's pandas record says."""
    columns = (table.schema.pandas_metadata or {}).get("columns", [])
    return [c["name"] for c in columns if c.get("numpy_type") == "object" and c.get("name") in table.column_names]


def problem_from_json(fields: dict) -> Problem:
    """A warning as JSON kept it: its lists (example rows, figures) back as tuples."""
    return Problem(**{name: tuple(value) if isinstance(value, list) else value for name, value in fields.items()})
