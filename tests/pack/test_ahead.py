"""A build's inputs read in a forked reader while the build imports the rest (``pack/ahead.py``)."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest
import yaml
from conftest import demo_parameters
from test_cache import assert_same_inputs

from readiness.config.params import load_params
from readiness.errors import InputError
from readiness.inputs.read import load_inputs
from readiness.pack.ahead import read_ahead
from readiness.pack.cache import DIGESTS, checked_inputs, input_hashes, inputs_cache_file


def workforce_params(folder: Path, demo_data: Path, text: str | None = None):
    """Parameters reading the demo's workforce extract alone (or one holding ``text``)."""
    workforce = folder / "workforce.csv"
    if text is None:
        shutil.copy(demo_data / "workforce.csv", workforce)
    else:
        workforce.write_text(text, encoding="utf-8")
    path = folder / "params.yaml"
    path.write_text(yaml.safe_dump(demo_parameters({"workforce": str(workforce)})), encoding="utf-8")
    return load_params(path)


def test_the_reader_keeps_the_inputs_the_build_would_have_read(demo_data, tmp_path):
    params = workforce_params(tmp_path, demo_data)
    hashes = input_hashes(params)
    ahead = read_ahead(params, hashes, tmp_path / "cache", tmp_path, jobs=2, reuse=True)
    inputs, kept = ahead.result()
    assert_same_inputs(inputs, load_inputs(params))
    assert inputs_cache_file(params, hashes, tmp_path / "cache").read_bytes() == kept  # kept, verified, in the cache
    assert read_ahead(params, hashes, tmp_path / "cache", tmp_path, jobs=2, reuse=True) is None  # the cache holds them now
    assert read_ahead(params, hashes, tmp_path / "cache", tmp_path, jobs=2, reuse=False) is not None  # --force reads again


def test_no_reader_with_one_job(demo_data, tmp_path):
    params = workforce_params(tmp_path, demo_data)
    assert read_ahead(params, input_hashes(params), tmp_path / "cache", tmp_path, jobs=1, reuse=True) is None


def test_a_reader_that_finds_problems_keeps_nothing_and_the_build_reports_them_without_reading_again(
    demo_data, tmp_path, caplog, monkeypatch
):
    params = workforce_params(tmp_path, demo_data, text="not,the,headings\n1,2,3\n")
    hashes = input_hashes(params)
    with caplog.at_level(logging.INFO, logger="readiness"):
        ahead = read_ahead(params, hashes, tmp_path / "cache", tmp_path, jobs=2, reuse=True)
        monkeypatch.setattr("readiness.inputs.read.load_inputs", lambda *args, **kwargs: pytest.fail("the inputs were read again"))
        with pytest.raises(InputError) as raised:
            checked_inputs(params, hashes, tmp_path / "cache", parallel=2, ahead=ahead)
    assert ahead.process.exitcode == 1
    monkeypatch.undo()
    with pytest.raises(InputError) as read_here:
        load_inputs(params)
    assert raised.value.problems == read_here.value.problems and "workforce.csv" in str(raised.value.lines())
    assert caplog.text.count("reading and checking inputs") == 1
    assert [p.name for p in (tmp_path / "cache").iterdir() if p.name != DIGESTS] == []


def test_a_reader_that_fails_otherwise_keeps_nothing_and_the_build_reads_the_inputs_itself(demo_data, tmp_path, monkeypatch):
    params = workforce_params(tmp_path, demo_data)
    hashes = input_hashes(params)

    def crash(inputs):
        raise RuntimeError("the reader's own failure")

    monkeypatch.setattr("readiness.pack.store.inputs_to_bytes", crash)  # in the reader, forked with it
    ahead = read_ahead(params, hashes, tmp_path / "cache", tmp_path, jobs=2, reuse=True)
    monkeypatch.undo()
    inputs, kept = checked_inputs(params, hashes, tmp_path / "cache", parallel=2, ahead=ahead)
    assert ahead.process.exitcode == 1
    assert_same_inputs(inputs, load_inputs(params))
    assert inputs_cache_file(params, hashes, tmp_path / "cache").read_bytes() == kept  # kept by the build instead
