"""What a workbook or CSV holds, measured from its raw bytes before any reader allocates for it.

python-calamine allocates a sheet as one rectangle from its first to its last cell and keeps
every shared string of an .xlsx in memory from the moment the workbook opens, so a small file
can make it ask for far more memory than the machine has. This module measures, streaming
and without parsing the whole file:

- a zip member's bytes **as a reader unpacks them** (:func:`member_chunks` inflates the raw
  deflate stream itself, so a header that under-declares the size changes nothing), refused past a
  limit for its part: :data:`MAX_SHEET_BYTES` for a sheet or an .ods's content,
  :data:`MAX_SHARED_BYTES` for the shared strings, :data:`MAX_OTHER_BYTES` for the other parts
  calamine reads on opening (workbook, styles, relationships);
- text with no markup in it for more than :data:`MAX_TEXT_RUN` bytes (one cell's text: Excel holds
  at most 32,767 characters in a cell), in any XML part;
- an .xlsx sheet's extent as calamine places its cells (:class:`readiness.inputs.xlsx_cells.XlsxCells`);
- the count of shared strings (:data:`MAX_SHARED_STRINGS`), of .ods cells and rows
  (:data:`MAX_CELLS`), and of a CSV's rows and of the fields on any one line (:func:`check_csv_shape`).
"""

from __future__ import annotations

import csv
import io
import re
import struct
import zipfile
import zlib
from pathlib import Path
from typing import Iterable, Iterator

MAX_ROWS = 300_000  # a large council's three-year List 1 has ~150,000 rows
MAX_COLUMNS = 256  # the widest list (List 8) has ~30 columns; 256 is all of a legacy .xls
MAX_CELLS = 10_000_000  # 150,000 rows x 60 columns = 9 million
MAX_SHEET_BYTES = 512 * 2**20  # one sheet's XML unpacked: 10 million cells at ~45 bytes each
MAX_SHARED_BYTES = 256 * 2**20  # the shared strings unpacked (a large council's: ~20 MB)
MAX_SHARED_STRINGS = 3_000_000  # distinct texts in a workbook (a large council's: ~500,000)
MAX_OTHER_BYTES = 32 * 2**20  # workbook, styles, relationships: well under 1 MB in any real file
MAX_TEXT_RUN = 2**20  # bytes of text without markup: one cell's text (Excel: at most 32,767 characters)
CHUNK = 2**20
OPENED_PARTS = (
    "[content_types].xml",
    "_rels/.rels",
    "xl/workbook.xml",
    "xl/_rels/workbook.xml.rels",
    "xl/styles.xml",
    "xl/workbook.bin",
    "xl/styles.bin",
)
"""The parts of an .xlsx or .xlsb calamine reads on opening, besides the shared strings (lower case)."""
SHARED_STRINGS = re.compile(r"(?:^|/)sharedstrings\d*\.(?:xml|bin)$")

DAMAGED = "cannot be read as a workbook: it is a damaged zip file (truncated or corrupt); save it again from Excel"
PREFIX = rb"<(?:[A-Za-z_][\w.\-]*:)?"  # an element's start, namespace prefix allowed
ANY_STRING = re.compile(PREFIX + rb"si[\s/>]")
ELEMENT = re.compile(rb"<[A-Za-z_]")  # an element's start tag


def column_letters(position: int) -> str:
    """Excel's letters for the 0-based column ``position``: 0 → ``A``, 27 → ``AB``."""
    letters = ""
    position += 1
    while position:
        position, remainder = divmod(position - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


class Unreadable(Exception):
    """Raised when a file or sheet cannot be read as a table; the message says why."""


def megabytes(size: int) -> str:
    """``512 MB``."""
    return f"{size // 2**20:,} MB"


def column_number(letters: bytes | str) -> int:
    """The 1-based column number of Excel's ``letters`` (any case): ``A`` → 1, ``xfd`` → 16384."""
    number = 0
    for letter in (letters.decode() if isinstance(letters, bytes) else letters).upper():
        number = number * 26 + ord(letter) - ord("A") + 1
    return number


# --- a zip member's bytes, as a reader unpacks them -----------------------------------------


def member_chunks(path: Path, info: zipfile.ZipInfo, limit: int, what: str) -> Iterator[bytes]:
    """The bytes of zip member ``info`` as unpacked from its raw data (whatever its header declares),
    refused once more than ``limit`` come out: ``what`` names the part in the message."""
    if info.flag_bits & 1:
        raise Unreadable("workbook is password-protected (encrypted): save a copy without a password and name that")
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise Unreadable(f"cannot be read as a workbook: {what} is packed in a way Excel never writes (zip method {info.compress_type})")
    with open(path, "rb") as file:
        file.seek(info.header_offset)
        header = file.read(30)
        if len(header) != 30 or header[:4] != b"PK\x03\x04":
            raise Unreadable(DAMAGED)
        name_length, extra_length = struct.unpack("<HH", header[26:30])
        file.seek(info.header_offset + 30 + name_length + extra_length)
        total = 0
        for chunk in _unpacked(file, info):
            total += len(chunk)
            if total > limit:
                raise Unreadable(f"{what} is over {megabytes(limit)} once unpacked, more than any return needs")
            yield chunk


def _unpacked(file, info: zipfile.ZipInfo) -> Iterator[bytes]:
    """A stored member's bytes, or a deflated one's inflated until its stream ends, a chunk at a time."""
    if info.compress_type == zipfile.ZIP_STORED:
        left = info.compress_size
        while left > 0 and (chunk := file.read(min(CHUNK, left))):
            left -= len(chunk)
            yield chunk
        return
    inflate = zlib.decompressobj(-zlib.MAX_WBITS)
    while not inflate.eof:
        raw = inflate.unconsumed_tail or file.read(CHUNK)
        if not raw:
            return  # cut short: the reader reports it
        try:
            chunk = inflate.decompress(raw, CHUNK)
        except zlib.error:
            raise Unreadable(DAMAGED) from None
        if chunk:
            yield chunk


def xml_pieces(chunks: Iterable[bytes], what: str) -> Iterator[bytes]:
    """XML in pieces that each end just before a ``<`` (so no tag is split: ``<`` cannot occur inside one),
    refusing a run of more than :data:`MAX_TEXT_RUN` bytes without markup."""
    carry = b""
    for chunk in chunks:
        data = carry + chunk
        cut = data.rfind(b"<")
        if cut > 0:
            yield data[:cut]
            data = data[cut:]
        carry = data
        if len(carry) > MAX_TEXT_RUN:
            raise Unreadable(
                f"{what} holds more than {megabytes(MAX_TEXT_RUN)} of text in one place "
                "(a cell holds at most 32,767 characters in Excel): is it a real export?"
            )
    if carry:
        yield carry


class ChunkStream(io.RawIOBase):
    """A binary stream over chunks of bytes (to read a member :func:`member_chunks` unpacks as a file)."""

    def __init__(self, chunks: Iterable[bytes]) -> None:
        self.chunks = iter(chunks)
        self.chunk = memoryview(b"")

    def readable(self) -> bool:
        return True

    def readinto(self, target) -> int:
        if not self.chunk:
            self.chunk = memoryview(next(self.chunks, b""))
        size = min(len(target), len(self.chunk))
        target[:size] = self.chunk[:size]
        self.chunk = self.chunk[size:]
        return size


def drain(pieces: Iterable[bytes]) -> None:
    """Read every piece (each is checked as it is read)."""
    for _ in pieces:
        pass


# --- .xlsx and .xlsb: what calamine reads on opening --------------------------------------------


def check_opened_parts(path: Path) -> None:
    """Refuse an .xlsx or .xlsb whose shared strings or other parts read on opening are too big or too many."""
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise Unreadable(DAMAGED) from None
    for info in infos:
        name = info.filename.lower()
        if SHARED_STRINGS.search(name):
            check_shared_strings(path, info)
        elif name in OPENED_PARTS:
            what = f"part {info.filename}"
            chunks = member_chunks(path, info, MAX_OTHER_BYTES, what)
            drain(xml_pieces(chunks, what) if name.endswith((".xml", ".rels")) else chunks)


def check_shared_strings(path: Path, info: zipfile.ZipInfo) -> None:
    """Refuse shared strings over :data:`MAX_SHARED_BYTES` unpacked, over :data:`MAX_SHARED_STRINGS` texts,
    or holding one text over :data:`MAX_TEXT_RUN` (an .xlsb's records are bounded as it is read)."""
    what = "the workbook's shared text (sharedStrings)"
    chunks = member_chunks(path, info, MAX_SHARED_BYTES, what)
    if info.filename.lower().endswith(".bin"):
        drain(chunks)
        return
    count = 0
    for piece in xml_pieces(chunks, what):
        count += len(ANY_STRING.findall(piece))
        if count > MAX_SHARED_STRINGS:
            raise Unreadable(f"{what} holds more than {MAX_SHARED_STRINGS:,} texts, more than any return needs")


# --- .ods and CSV -----------------------------------------------------------------------------


def counted_ods_pieces(path: Path, info: zipfile.ZipInfo) -> Iterator[bytes]:
    """An .ods's ``content.xml`` in pieces, refused past :data:`MAX_SHEET_BYTES` unpacked, a text run over
    :data:`MAX_TEXT_RUN`, or more than :data:`MAX_CELLS` elements (cells, rows, paragraphs: each counted once,
    repeated or not; a large council's return has ~7 million)."""
    what = "the workbook's content (content.xml)"
    count = 0
    for piece in xml_pieces(member_chunks(path, info, MAX_SHEET_BYTES, what), what):
        count += len(ELEMENT.findall(piece))
        if count > MAX_CELLS:
            raise Unreadable(
                f"{what} holds more than {MAX_CELLS:,} elements (cells, rows, text), more than any return needs: "
                "delete the rows and columns beyond the data and save again"
            )
        yield piece


def check_csv_shape(data: bytes) -> None:
    """Refuse a CSV of more than :data:`MAX_ROWS` lines, or with a line of more than :data:`MAX_COLUMNS` fields
    (commas are counted first; a line with that many is parsed, as quoted text may hold commas)."""
    lines = data.count(b"\n") + 1
    if lines > MAX_ROWS + 1:
        raise Unreadable(f"has {lines:,} lines, more than any return needs (at most {MAX_ROWS:,} rows)")
    start = 0
    for number in range(1, lines + 1):
        end = data.find(b"\n", start)
        end = len(data) if end < 0 else end
        commas = data.count(b",", start, end)
        if commas >= MAX_COLUMNS and (commas >= 100 * MAX_COLUMNS or _fields(data[start:end]) > MAX_COLUMNS):
            raise Unreadable(f"line {number} has {commas + 1:,} fields or more, more than any return needs (at most {MAX_COLUMNS} columns)")
        start = end + 1


def _fields(line: bytes) -> int:
    """The number of CSV fields on one line (quotes respected)."""
    return max((len(row) for row in csv.reader([line.decode("latin-1")])), default=0)
