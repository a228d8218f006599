"""A DfE return's XML read as a stream of small records, within fixed bounds.

A large council's CIN census reaches hundreds of megabytes, so the file is fed to the parser a
megabyte at a time and only the record being read (a ``Child``, a ``CSWWWorker``) is held as a tree;
each record is emptied once it has been handed on. No document type or entity is accepted (a DfE
return has none, and entities are how small XML files become very large), and a record is at most
:data:`MOST_RECORD_BYTES` of the file, so no element can grow without bound. Anything else is a file
error naming the file. Records are numbered in file
order, by kind (the 12th ``Child`` is 12): warnings name that number as the row.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Iterator

from readiness.errors import InputError, Problem

CHUNK = 1 << 16
MOST_RECORD_BYTES = 16 << 20
_ROOT_START = re.compile(rb"<([A-Za-z_][A-Za-z0-9_.:-]*)")
_DECLARATIONS = re.compile(rb"<!(DOCTYPE|ENTITY)", re.IGNORECASE)


def value(element: ET.Element | None, tag: str) -> str | None:
    """The stripped text of ``element``'s first child named ``tag``; ``None`` when absent or blank."""
    child = element.find(tag) if element is not None else None
    text = (child.text or "").strip() if child is not None else ""
    return text or None


def stream_records(path: Path, root: str, records: frozenset[str]) -> Iterator[tuple[int, ET.Element]]:
    """``(number, element)`` for each element of ``path`` named in ``records`` (wherever it is), in file order,
    numbered from 1 by kind. Raises :class:`InputError` naming the file when it is empty, not well-formed XML,
    breaks a bound, or its root element is not ``root``."""
    name = Path(path).name
    parser = ET.XMLPullParser(events=("end",))
    numbers = dict.fromkeys(records, 0)
    since = 0  # bytes fed since the last record ended
    try:
        with Path(path).open("rb") as stream:
            chunk = stream.read(CHUNK)
            if not chunk:
                raise InputError([Problem(name, "the file is empty")])
            _check_prolog(chunk, name, root)
            while chunk:
                parser.feed(chunk)
                since += len(chunk)
                for _, element in parser.read_events():
                    if element.tag in records:
                        numbers[element.tag] += 1
                        yield numbers[element.tag], element
                        element.clear()  # its emptied shell stays in its parent: a few dozen bytes
                        since = 0
                if since > MOST_RECORD_BYTES:
                    raise InputError(
                        [
                            Problem(
                                name,
                                f"more than {MOST_RECORD_BYTES >> 20} MB with no complete <{'> or <'.join(sorted(records))}>: not a DfE return",
                            )
                        ]
                    )
                chunk = stream.read(CHUNK)
            parser.close()
    except ET.ParseError as exc:
        line, column = exc.position
        raise InputError([Problem(name, f"line {line}, column {column + 1}: not well-formed XML ({str(exc).split(':')[0]})")]) from None


def _check_prolog(chunk: bytes, name: str, root: str) -> None:
    """No document type or entity declaration before the root element, and the root element is ``root``."""
    found = _ROOT_START.search(chunk)
    prolog = chunk[: found.start()] if found else chunk
    if _DECLARATIONS.search(prolog):
        raise InputError([Problem(name, "a document type or entity declaration, which a DfE return never has")])
    tag = found.group(1).decode("ascii") if found else None
    if tag is not None and tag != root:
        raise InputError([Problem(name, f"the root element is <{tag}>, not <{root}>: not a DfE return in XML")])
