"""The PDF needs a real browser: without one, a clear message and exit status 1."""

import pytest

from readiness.errors import PdfError
from readiness.pack.pdf import find_browser, print_pdf


def test_no_browser_is_a_clear_error(monkeypatch, tmp_path):
    monkeypatch.setenv("READINESS_BROWSER", str(tmp_path / "no-such-browser"))
    assert find_browser() is None
    (tmp_path / "index.html").write_text("<p>x</p>")
    with pytest.raises(PdfError, match="no Chromium browser found") as caught:
        print_pdf(tmp_path / "index.html", tmp_path / "pack.pdf")
    assert caught.value.exit_status == 1
    assert not (tmp_path / "pack.pdf").exists()


def test_the_cli_exits_1_when_the_pdf_cannot_be_made(monkeypatch, tmp_path, demo_pack, capsys):
    from conftest import REPO, seed_demo_cache

    from readiness.cli import main

    seed_demo_cache(demo_pack, tmp_path)  # only the PDF is left to do
    monkeypatch.setenv("READINESS_BROWSER", str(tmp_path / "no-such-browser"))
    with pytest.raises(SystemExit) as caught:
        main(["build", str(REPO / "parameters" / "demo.yaml"), "--out", str(tmp_path / "pack"), "--pdf"])
    assert caught.value.code == 1
    err = capsys.readouterr().err
    assert "no Chromium browser found" in err and "Traceback" not in err
    assert not (tmp_path / "pack").exists()  # a requested PDF that cannot be made publishes nothing
