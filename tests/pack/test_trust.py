"""Trust: the Board's outputs name no child and no worker, and the same inputs give the same pack.

The sentinel scan builds a pack from the demo data rewritten so that every child id,
worker id and date of birth is unmistakable (``SENTINELCHILD…``, ``SENTINELWORKER…``,
1999-07-13, and two workers named in Annex A, one with a non-breaking space), then looks
for them in everything the Board sees: ``index.html`` (with its base64 charts decoded),
``figures.json`` and every part of ``figures.xlsx``. It builds for an internal audience
(no suppression: the worst case) and a public one, and checks the sentinels did reach
``working/``, so a clean scan means something.
"""

from __future__ import annotations

import base64
import re
import shutil
import zipfile
from pathlib import Path

import pandas as pd
import pytest
import yaml
from conftest import REPO

CHILD, WORKER = "SENTINELCHILD", "SENTINELWORKER"
NAMES = {"W0002": "Zebedee\u00a0Quartermaine", "W0014": "Araminta Fothergill"}
DOB = pd.Timestamp("1999-07-13")
# Every way the date of birth could be written: ISO, UK, US, long forms, Excel serial, epoch seconds/ms.
DOB_FORMS = (
    "1999-07-13",
    "13/07/1999",
    "07/13/1999",
    "13 Jul 1999",
    "13 July 1999",
    "13-07-1999",
    "1999/07/13",
    "<v>36354</v>",
    "931824000",
)
NEEDLES = (CHILD, WORKER, "Zebedee", "Quartermaine", "Araminta", "Fothergill", *DOB_FORMS)
RETURNS = ("cin_census", "ssda903", "csww")  # the demo's statutory returns: parameters of their own, not data inputs
DATA_URI = re.compile(r"data:[\w/+.-]+;base64,([A-Za-z0-9+/=]+)")


def write_sentinel_data(demo_data: Path, folder: Path) -> dict[str, Path]:
    """The demo data (copied) with sentinel child ids, worker ids, worker names and dates of birth."""
    from readiness.demo.files import demo_paths, write_workbook

    shutil.copytree(demo_data, folder)
    paths = demo_paths(folder)
    lists = pd.read_excel(paths["annex_a"], sheet_name=None, engine="calamine")
    for table in lists.values():  # List 11 (adopters) holds no child
        if "Child Unique ID" in table:
            table["Child Unique ID"] = table["Child Unique ID"].str.replace(r"^NB", CHILD, regex=True)
            table["Date of Birth"] = DOB
        if "Allocated Worker" in table:
            named = table["Allocated Worker"].astype("string").replace(NAMES)
            table["Allocated Worker"] = named.str.replace(r"^W(\d+)$", WORKER + r"\1", regex=True)
    write_workbook(paths["annex_a"], lists)
    for key in ("case_audits", "strategy_meetings", "workforce", "supervision", "front_door_decisions"):
        frame = pd.read_csv(paths[key], dtype=str, keep_default_na=False)
        if "child_id" in frame:
            frame["child_id"] = frame["child_id"].str.replace(r"^NB", CHILD, regex=True)
        if "worker_id" in frame:
            frame["worker_id"] = frame["worker_id"].str.replace(r"^W(\d+)$", WORKER + r"\1", regex=True)
        frame.to_csv(paths[key], index=False, lineterminator="\n")
    return paths


def board_texts(folder: Path) -> dict[str, str]:
    """Everything in the Board's outputs as text: the HTML, each embedded chart decoded, the JSON, each xlsx part."""
    html = (folder / "index.html").read_text(encoding="utf-8")
    texts = {"index.html": html, "figures.json": (folder / "figures.json").read_text(encoding="utf-8")}
    for n, match in enumerate(DATA_URI.finditer(html)):
        texts[f"index.html data URI {n}"] = base64.b64decode(match.group(1)).decode("utf-8", errors="replace")
    with zipfile.ZipFile(folder / "figures.xlsx") as workbook:
        for name in workbook.namelist():
            texts[f"figures.xlsx:{name}"] = workbook.read(name).decode("utf-8", errors="replace")
    return texts


def leaks(texts: dict[str, str]) -> list[tuple[str, str, str]]:
    """``(where, needle, context)`` for every sentinel found (case-insensitive)."""
    found = []
    for where, text in texts.items():
        lowered = text.lower()
        for needle in NEEDLES:
            at = lowered.find(needle.lower())
            if at >= 0:
                found.append((where, needle, text[max(0, at - 60) : at + 60]))
    return found


@pytest.fixture(scope="module")
def sentinel_root(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("sentinel")


@pytest.fixture(scope="module")
def sentinel_data(demo_data, sentinel_root) -> dict[str, Path]:
    return write_sentinel_data(demo_data, sentinel_root / "data")


@pytest.fixture(scope="module", params=["internal", "public"])
def sentinel_pack(request, sentinel_root, sentinel_data) -> Path:
    """A pack built from the sentinel data, for each audience (side by side: the second reuses the inputs read)."""
    from readiness.pack.build import build

    params = sentinel_root / f"trust-{request.param}.yaml"
    params.write_text(
        yaml.safe_dump(
            {
                "pack_id": "trust",
                "la_name": "Northbridge",
                "period_start": "2024-10-01",
                "period_end": "2025-09-30",
                "annex_a_extract_date": "2025-10-03",
                "audience": request.param,
                "child_population": 52000,
                "data": {key: str(path) for key, path in sentinel_data.items() if key not in RETURNS},
            }
        )
    )
    build(params, sentinel_root / request.param)
    return sentinel_root / request.param


@pytest.mark.slow  # the data of the sentinel packs below (slow), checked where they run
def test_sentinel_data_carries_the_sentinels(sentinel_data):
    """The rewrite did what it says: ids, names and dates of birth in every input that has them."""
    lists = pd.read_excel(sentinel_data["annex_a"], sheet_name=None, engine="calamine")
    assert set(lists) == {f"List {n}" for n in range(1, 12)}
    for name, table in lists.items():
        if name == "List 11":  # adopters: no child
            continue
        assert table["Child Unique ID"].str.match(r"^SENTINELCHILD\d{7}$").all(), name
        assert (table["Date of Birth"] == DOB).all(), name
    workers = pd.concat([t["Allocated Worker"] for t in lists.values() if "Allocated Worker" in t]).dropna()
    assert not workers.str.match(r"^W\d+$").any()
    assert {"Zebedee\u00a0Quartermaine", "Araminta Fothergill"} <= set(workers)
    assert workers.str.startswith(WORKER).sum() > 1000
    for key, column in [
        ("case_audits", "child_id"),
        ("strategy_meetings", "child_id"),
        ("workforce", "worker_id"),
        ("supervision", "worker_id"),
    ]:
        values = pd.read_csv(sentinel_data[key], dtype=str)[column]
        assert values.str.startswith(CHILD if column == "child_id" else WORKER).all(), key


def test_scanner_finds_a_sentinel_hidden_in_a_chart(tmp_path):
    """The scan decodes base64 charts and unzips the workbook: a name inside either is caught."""
    svg = base64.b64encode("<svg><text>Zebedee\u00a0Quartermaine</text></svg>".encode()).decode()
    (tmp_path / "index.html").write_text(f'<img src="data:image/svg+xml;base64,{svg}">', encoding="utf-8")
    (tmp_path / "figures.json").write_text('{"figures": {}}', encoding="utf-8")
    with zipfile.ZipFile(tmp_path / "figures.xlsx", "w") as workbook:
        workbook.writestr("xl/worksheets/sheet1.xml", '<c s="1"><v>36354</v></c><t>sentinelchild0000001</t>')
    found = leaks(board_texts(tmp_path))
    assert [(where, needle) for where, needle, _ in found] == [
        ("index.html data URI 0", "Zebedee"),
        ("index.html data URI 0", "Quartermaine"),
        ("figures.xlsx:xl/worksheets/sheet1.xml", "SENTINELCHILD"),
        ("figures.xlsx:xl/worksheets/sheet1.xml", "<v>36354</v>"),
    ]


@pytest.mark.slow
def test_board_outputs_hold_no_child_or_worker_identifiers(sentinel_pack):
    texts = board_texts(sentinel_pack)
    assert any(key.startswith("index.html data URI") for key in texts), "the pack should embed its charts"
    assert leaks(texts) == []


@pytest.mark.slow
def test_child_level_detail_is_kept_under_working(sentinel_pack):
    """The sentinels did reach the build: they are in ``working/`` (for analysts), so the scan above is meaningful."""
    blobs = b"".join(p.read_bytes() for p in (sentinel_pack / "working").rglob("*") if p.is_file())
    assert CHILD.encode() in blobs
    assert WORKER.encode() in blobs
    assert b"Zebedee" in blobs and b"Quartermaine" in blobs  # a worker's name, as Annex A allows


@pytest.mark.slow
def test_sentinel_pack_has_real_figures(sentinel_pack):
    """The sentinel ids still join up: the pack's headline counts are there (not all blank)."""
    import json

    document = json.loads((sentinel_pack / "figures.json").read_text(encoding="utf-8"))
    figures = document["figures"]
    assert document["pack_id"] == "trust"
    assert figures["workforce.in_post"] > 0
    assert sum(1 for value in figures.values() if value is not None) > 20


# --- the same inputs give the same pack ------------------------------------------------


def test_rebuilds_are_byte_identical(demo_pack, tmp_path):
    """The demo pack built again, into another folder (no shared cache), gives the same bytes."""
    from readiness.pack.build import build

    again = tmp_path / "elsewhere" / "demo-again"
    build(REPO / "parameters" / "demo.yaml", again)
    for name in ("index.html", "figures.json"):
        first, second = (demo_pack / name).read_bytes(), (again / name).read_bytes()
        assert first == second, f"{name} differs between two builds of the same inputs"
