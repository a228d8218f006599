"""The cache is data: inputs kept as Arrow and JSON (never a pickle), keys on content, damaged copies read afresh."""

from __future__ import annotations

import io
import json
import logging
import os
import pickle
import shutil
import zipfile
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
import yaml
from conftest import REPO, demo_parameters

from readiness.config.params import Params, load_params
from readiness.errors import Problem
from readiness.inputs.bundle import Inputs
from readiness.inputs.read import load_inputs
from readiness.pack import notebook, pipeline
from readiness.pack.build import build
from readiness.pack.cache import (
    DIGESTS,
    cached_inputs,
    checked_copy,
    commentary_file,
    input_hashes,
    inputs_cache_file,
    keep_for_next_time,
    notebook_key,
    pack_key,
)
from readiness.pack.store import DamagedStore, inputs_from_bytes, inputs_to_bytes, keep_inputs, kept_inputs, named_frames

DATA = ("annex_a", "case_audits", "strategy_meetings", "workforce", "supervision")


class CreatesFolder:
    """Unpickling this object makes the folder ``path``: proof that a pickle was loaded."""

    def __init__(self, path: Path):
        self.path = path

    def __reduce__(self):
        return os.mkdir, (str(self.path),)


def assert_same_inputs(back: Inputs, inputs: Inputs) -> None:
    """Every frame equal in values, dtypes and index; the same frames absent; the same warnings."""
    assert named_frames(back).keys() == named_frames(inputs).keys()
    for name, frame in named_frames(inputs).items():
        pd.testing.assert_frame_equal(named_frames(back)[name], frame, check_exact=True)
    assert [getattr(back, n) is None for n in ("case_audits", "strategy_meetings", "workforce", "supervision")] == [
        getattr(inputs, n) is None for n in ("case_audits", "strategy_meetings", "workforce", "supervision")
    ]
    assert back.warnings == inputs.warnings


def every_dtype() -> Inputs:
    """One small frame per dtype the readers produce, blanks included, with an index that has a gap (a row left)."""
    contacts = pd.DataFrame(
        {
            "child_id": pd.array(["007", pd.NA, "12"], dtype="string"),
            "age": pd.array([3, pd.NA, -1], dtype="Int64"),
            "disability": pd.array([True, pd.NA, False], dtype="boolean"),
            "contact_date": pd.Series(["2024-01-02", None, "2024-02-29"], dtype="datetime64[ns]"),
            "fte": [1.0, float("nan"), 0.5],
            "free_text": pd.Series(["a\u00a0b", None, '=HYPERLINK("x")'], dtype=object),
            "_row": [2, 3, 5],
        }
    ).set_axis([0, 1, 3])
    supervision = pd.DataFrame({"worker_id": pd.array([], dtype="string"), "supervision_date": pd.Series([], dtype="datetime64[ns]")})
    warnings = [
        Problem("annex_a.xlsx", "contact date after the snapshot: row left out", sheet="List 1", row=7, column="Date of Contact", more=2),
        Problem("workforce.csv", "duplicate worker_id: first row kept"),
    ]
    return Inputs(annex_a={"list_1": contacts}, supervision=supervision, warnings=warnings)


def test_every_dtype_blank_and_index_round_trips_exactly():
    inputs = every_dtype()
    back = inputs_from_bytes(inputs_to_bytes(inputs))
    assert_same_inputs(back, inputs)
    assert back.annex_a["list_1"].index.tolist() == [0, 1, 3]
    assert back.annex_a["list_1"]["contact_date"].tolist()[2] == pd.Timestamp("2024-02-29")
    assert str(back.annex_a["list_1"]["contact_date"].dtype) == "datetime64[ns]"
    assert back.annex_a["list_1"]["free_text"].tolist() == ["a\u00a0b", None, '=HYPERLINK("x")']  # object, blank as None
    assert len(back.supervision) == 0 and back.case_audits is None


def test_the_demo_inputs_round_trip_exactly(demo_data, tmp_path):
    inputs = load_inputs(load_params(REPO / "parameters" / "demo.yaml"))
    inputs.warnings.append(Problem("case_audits.csv", "a grade left blank", row=4, column="grade"))
    path = tmp_path / "inputs.zip"
    keep_inputs(inputs, path)
    assert_same_inputs(kept_inputs(path), inputs)
    assert sorted(inputs.annex_a) == sorted(f"list_{n}" for n in range(1, 12))  # every list of the demo was compared


def test_the_kept_inputs_are_a_zip_of_arrow_files_and_json():
    with zipfile.ZipFile(io.BytesIO(inputs_to_bytes(every_dtype()))) as archive:
        names = sorted(archive.namelist())
        contents = json.loads(archive.read("inputs.json"))
    assert names == ["annex_a/list_1.arrow", "inputs.json", "supervision.arrow"]
    assert contents["frames"] == ["annex_a/list_1", "supervision"]
    assert contents["warnings"][1] == {
        "file": "workforce.csv",
        "message": "duplicate worker_id: first row kept",
        "sheet": None,
        "row": None,
        "column": None,
        "more": 0,
        "examples": [],
        "figures": [],
        "unreadable": False,
    }


def zip_of(contents: dict) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("inputs.json", json.dumps(contents))
    return buffer.getvalue()


def test_a_document_of_another_format_is_damaged():
    with pytest.raises(DamagedStore, match="not a readiness-inputs/1 document"):
        inputs_from_bytes(zip_of({"format": "something-else", "frames": []}))


@pytest.mark.parametrize("names", [["../../secrets"], ["annex_a/list_1; rm"], ["warnings"], "case_audits"])
def test_frame_names_other_than_the_inputs_own_are_damaged(names):
    with pytest.raises(DamagedStore, match="unexpected frame names"):
        inputs_from_bytes(zip_of({"format": "readiness-inputs/1", "frames": names, "warnings": []}))


def test_a_truncated_copy_is_read_afresh_with_a_log_line(tmp_path, caplog):
    path = tmp_path / "inputs-x.zip"
    path.write_bytes(inputs_to_bytes(every_dtype())[:100])
    with caplog.at_level(logging.WARNING, logger="readiness"):
        assert checked_copy(path, "demo") is None
    assert "demo: the cached inputs were damaged; reading them afresh" in caplog.text
    assert checked_copy(tmp_path / "absent.zip", "demo") is None


def test_kept_inputs_edited_into_other_well_formed_inputs_are_read_afresh(tmp_path, caplog):
    path = tmp_path / "inputs-x.zip"
    keep_for_next_time(inputs_to_bytes(every_dtype()), path, "demo")
    kept, data = checked_copy(path, "demo")
    assert_same_inputs(kept, every_dtype())
    assert data == path.read_bytes()
    edited = every_dtype()
    edited.annex_a["list_1"].loc[0, "child_id"] = "C999"  # a child the inputs never held, in a file that reads as inputs
    path.write_bytes(inputs_to_bytes(edited))
    assert inputs_from_bytes(path.read_bytes()) is not None
    with caplog.at_level(logging.WARNING, logger="readiness"):
        assert checked_copy(path, "demo") is None
    assert "demo: the cached inputs were damaged; reading them afresh (they were not the bytes recorded when kept)" in caplog.text


def test_a_pickle_where_the_cache_or_the_working_inputs_should_be_is_never_loaded(tmp_path, caplog):
    marker = tmp_path / "pickle-was-loaded"
    payload = pickle.dumps(CreatesFolder(marker))
    pickle.loads(payload)  # the payload works: loading it once makes the marker...
    assert marker.is_dir()
    marker.rmdir()  # ...which is removed again, so that only a second load could make it
    planted = tmp_path / "inputs-planted.zip"
    planted.write_bytes(payload)
    with caplog.at_level(logging.WARNING, logger="readiness"):
        assert checked_copy(planted, "demo") is None
    with pytest.raises(DamagedStore, match="inputs-planted.zip: not inputs kept by a build .BadZipFile"):
        kept_inputs(planted)
    assert not marker.exists()


# --- keys -----------------------------------------------------------------------------------------


def params_with(**extra) -> Params:
    return Params(pack_id="t", la_name="Testshire", period_start=date(2024, 1, 1), period_end=date(2024, 3, 31), **extra)


def test_a_sections_key_follows_its_commentarys_content_only(tmp_path):
    notebook_file = tmp_path / "10_case_audits.ipynb"
    notebook_file.write_text("{}", encoding="utf-8")
    (tmp_path / "case_audits.md").write_text("Grades rose.", encoding="utf-8")
    params = params_with(commentary=tmp_path)
    audits, assessments = (notebook_key(params, {}, notebook_file, (), slug) for slug in ("case_audits", "assessments"))
    (tmp_path / "case_audits.md").write_text("Grades fell.", encoding="utf-8")  # same path, new content
    assert notebook_key(params, {}, notebook_file, (), "case_audits") != audits
    assert notebook_key(params, {}, notebook_file, (), "assessments") == assessments  # another section's is unchanged
    (tmp_path / "case_audits.md").write_text("Grades rose.", encoding="utf-8")
    assert notebook_key(params, {}, notebook_file, (), "case_audits") == audits  # content, not modification time


def test_commentary_file_is_the_slugs_markdown_in_the_folder(tmp_path):
    assert commentary_file(params_with(commentary=tmp_path), "front_door") == tmp_path / "front_door.md"
    assert commentary_file(params_with(), "front_door") is None


def test_the_pack_key_follows_the_content_of_history_and_england_values(tmp_path):
    history, england = tmp_path / "figures.json", tmp_path / "england.yaml"
    history.write_text('{"figures": {"contacts.count": 10}}', encoding="utf-8")
    england.write_text("contacts.count: []\n", encoding="utf-8")
    params = params_with(history=[history])
    before = pack_key(params, {}, [], england, False)
    history.write_text('{"figures": {"contacts.count": 11}}', encoding="utf-8")
    after_history = pack_key(params, {}, [], england, False)
    england.write_text("contacts.count: [{year: 2024, value: 1}]\n", encoding="utf-8")
    assert len({before, after_history, pack_key(params, {}, [], england, False)}) == 3


# --- whole builds ---------------------------------------------------------------------------------

# counts that are multiples of 5, so a public pack shows them as they are (history passes the public rounding)
HISTORY = {"pack_id": "demo-2025-06", "period_end": "2025-06-30", "figures": {"contacts.count": 7775}, "suppressed": []}


@pytest.fixture(scope="module")
def built(demo_data, tmp_path_factory) -> tuple[Path, Path]:
    """The demo pack built once with a copy of its commentary and a hand-made history: (parameters, pack)."""
    folder = tmp_path_factory.mktemp("cache")
    shutil.copytree(REPO / "parameters" / "commentary" / "demo", folder / "commentary")
    (folder / "history.json").write_text(json.dumps(HISTORY), encoding="utf-8")
    params = demo_parameters({name: str(demo_data / f"{name}.{'xlsx' if name == 'annex_a' else 'csv'}") for name in DATA})
    params.update(commentary=str(folder / "commentary"), history=[str(folder / "history.json")])
    path = folder / "demo.yaml"
    path.write_text(yaml.safe_dump(params), encoding="utf-8")
    return path, build(path, folder / "out" / "demo", jobs=2)


def index_html(pack: Path) -> str:
    return (pack / "index.html").read_text(encoding="utf-8")


def out_of_date(pack: Path) -> None:
    """Make the published pack look older, so that the next build is a real one, which reads the cache."""
    manifest = json.loads((pack / "manifest.json").read_text(encoding="utf-8"))
    (pack / "manifest.json").write_text(json.dumps({**manifest, "build_key": "older"}), encoding="utf-8")


@pytest.mark.slow
def test_edited_commentary_reaches_the_rebuilt_pack(built):
    params, pack = built
    commentary = Path(yaml.safe_load(params.read_text())["commentary"]) / "case_audits.md"
    assert "Audits are now moderated weekly" not in index_html(pack)
    commentary.write_text("Audits are now moderated weekly by the principal social worker.\n", encoding="utf-8")
    build(params, pack)
    assert "Audits are now moderated weekly by the principal social worker." in index_html(pack)
    log = (pack / "build.log").read_text(encoding="utf-8")
    assert "10_case_audits.ipynb ran in" in log and "03_assessments.ipynb unchanged; reused" in log


@pytest.mark.slow
def test_an_edited_history_pack_reaches_the_rebuilt_pack(built):
    params, pack = built
    history = Path(yaml.safe_load(params.read_text())["history"][0])
    assert "7,775" in index_html(pack)  # the earlier pack's contacts, as the vital signs show a count
    history.write_text(json.dumps({**HISTORY, "figures": {"contacts.count": 6545}}), encoding="utf-8")
    build(params, pack)
    assert "6,545" in index_html(pack) and "7,775" not in index_html(pack)


@pytest.mark.slow
def test_a_planted_pickle_is_never_loaded_by_a_build_or_a_notebook(built, tmp_path):
    params_file, pack = built
    marker = tmp_path / "pickle-was-loaded"
    payload = pickle.dumps(CreatesFolder(marker))
    params = load_params(params_file)
    cache = pack.parent / ".cache" / "demo"
    kept = inputs_cache_file(params, input_hashes(params), cache)
    assert kept.is_file(), "the build kept no inputs where the cache looks for them"
    for path in (kept, kept.with_suffix(".pickle"), pack / "working" / "inputs.zip"):  # (a file the build did not write in
        path.write_bytes(payload)  # the pack folder, working/inputs.pickle say, is refused by name: tests/pack/test_nothing_lost.py)
    out_of_date(pack)
    build(params_file, pack)
    planted_for_a_notebook = tmp_path / "inputs.zip"
    planted_for_a_notebook.write_bytes(payload)
    with pytest.raises(DamagedStore, match="not inputs kept by a build"):
        notebook.open_pack(params_file, planted_for_a_notebook)  # as a notebook opened from working/ would
    assert not marker.exists()
    log = (pack / "build.log").read_text(encoding="utf-8")
    assert "the cached inputs were damaged; reading them afresh" in log
    assert [p.name for p in cache.glob("inputs-*")] == [kept.name]  # the planted pickle was cleared away, not read
    assert_same_inputs(kept_inputs(pack / "working" / "inputs.zip"), kept_inputs(kept))


@pytest.mark.slow
def test_notebooks_opened_by_analysts_read_and_then_reuse_the_kept_inputs(built, tmp_path, monkeypatch, caplog):
    params_file, pack = built
    monkeypatch.setattr(notebook, "ANALYST_CACHE", tmp_path)
    with caplog.at_level(logging.INFO, logger="readiness"):
        first = notebook.open_pack(params_file)
        second = notebook.open_pack(params_file)
    assert "reading and checking inputs" in caplog.text and "inputs unchanged; reusing the checked copy" in caplog.text
    assert sorted(p.name for p in (tmp_path / "demo").iterdir() if p.suffix != ".zip") == [DIGESTS]  # the kept inputs' SHA-256
    assert [p.suffix for p in (tmp_path / "demo").iterdir() if p.name != DIGESTS] == [".zip"]
    assert_same_inputs(second.inputs, first.inputs)
    assert_same_inputs(notebook.open_pack(params_file, pack / "working" / "inputs.zip").inputs, first.inputs)


@pytest.mark.slow
def test_cached_inputs_without_reuse_read_afresh(built, tmp_path, caplog):
    params = load_params(built[0])
    cached_inputs(params, input_hashes(params), tmp_path)
    with caplog.at_level(logging.INFO, logger="readiness"):
        cached_inputs(params, input_hashes(params), tmp_path, reuse=False)
    assert "reading and checking inputs" in caplog.text and "reusing" not in caplog.text


@pytest.mark.slow
def test_a_cache_that_cannot_be_written_costs_only_the_reuse(built, tmp_path, caplog):
    params = load_params(built[0])
    blocking = inputs_cache_file(params, input_hashes(params), tmp_path)
    (blocking / "inside").mkdir(parents=True)  # a folder where the kept inputs should go: it can be neither read nor replaced
    with caplog.at_level(logging.WARNING, logger="readiness"):
        inputs = cached_inputs(params, input_hashes(params), tmp_path)
    assert len(inputs.annex_a["list_1"]) > 0
    assert "the cached inputs were damaged; reading them afresh" in caplog.text
    assert f"could not keep the checked inputs in {tmp_path}" in caplog.text
    assert sorted(p.name for p in tmp_path.iterdir()) == [blocking.name]  # no partial file left behind


@pytest.mark.slow
def test_a_failed_hand_off_to_the_notebooks_leaves_the_published_pack_alone(built, monkeypatch):
    params_file, pack = built
    out_of_date(pack)
    published = {name: (pack / name).read_bytes() for name in ("index.html", "figures.json", "manifest.json")}

    def disk_full(path, data):
        raise OSError("No space left on device")

    monkeypatch.setattr(pipeline, "write_atomically", disk_full)
    with pytest.raises(OSError, match="No space left on device"):
        build(params_file, pack, jobs=2)
    assert {name: (pack / name).read_bytes() for name in published} == published
    assert sorted(p.name for p in pack.parent.iterdir() if p.name.startswith(".demo.tmp")) == []
    assert (pack.parent / "demo.failed" / "build.log").is_file()  # the partial results, kept for debugging


def test_baseline_and_comparators_content_is_part_of_the_pack_key(tmp_path):
    from readiness.config.params import Params
    from readiness.pack.cache import extra_digests

    baseline, comparators, england = (tmp_path / name for name in ("base.json", "c.yaml", "england.yaml"))
    for path in (baseline, comparators, england):
        path.write_text("{}", encoding="utf-8")
    params = Params(
        pack_id="t", la_name="T", period_start="2019-01-01", period_end="2019-03-31", baseline=baseline, comparators=comparators
    )
    before = extra_digests(params, england)
    assert {str(baseline), str(comparators)} <= set(before)
    comparators.write_text("x: {}", encoding="utf-8")
    assert extra_digests(params, england)[str(comparators)] != before[str(comparators)]
