"""The demo pack in a real browser (Debian's Chromium, driven by Playwright), with the network blocked."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from conftest import REPO

from readiness.pack.pdf import browser_flags, find_browser

ARTIFACTS = REPO / "test-artifacts"
SECTIONS = ("Board summary", "Scorecard", "Vital signs", "Case audits", "Assessments", "Strategy meetings", "Data quality", "Glossary")


@pytest.fixture(scope="module")
def browser():
    executable = find_browser()
    if executable is None:
        if os.environ.get("CI"):
            pytest.fail("CI must have Debian's chromium (installed by .ci/run)")
        pytest.skip("no Chromium browser on this machine")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=[f for f in browser_flags() if f != "--headless"])
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def opened(browser, demo_pack):
    """The pack opened from its file, every request outside the file recorded and refused."""
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    outside, errors = [], []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))

    def refuse(route):
        if route.request.url.startswith(("data:", "file:")):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    page.route("**/*", refuse)
    page.goto((demo_pack / "index.html").as_uri(), wait_until="load")
    yield page, outside, errors
    page.close()


def test_no_request_leaves_the_file(opened):
    _, outside, _ = opened
    assert outside == []


def test_no_console_error(opened):
    _, _, errors = opened
    assert errors == []


def test_every_image_loaded_and_has_alt_text(opened):
    page, _, _ = opened
    images = page.eval_on_selector_all("img", "els => els.map(i => [i.complete && i.naturalWidth > 0, i.alt.trim()])")
    assert len(images) >= 6
    assert all(loaded and alt for loaded, alt in images), images


def test_no_element_shows_source_code(opened):
    page, _, _ = opened
    assert page.locator(".jp-InputArea, .input_area, div.input, .highlight, .prompt, pre").count() == 0
    text = page.inner_text("body")
    assert "import " not in text and "open_pack" not in text and "params_file" not in text


def test_sections_are_linked_from_the_contents(opened):
    page, _, _ = opened
    for title in SECTIONS:
        link = page.locator("#contents").get_by_role("link", name=title, exact=True)
        target = link.get_attribute("href")
        assert page.locator(target).count() == 1, title


def test_the_board_summary_and_scorecard_come_straight_after_the_cover_and_charts_are_xmr(opened):
    page, _, _ = opened
    assert page.evaluate("document.querySelector('#cover').nextElementSibling.id") == "board-summary"
    assert page.evaluate("document.querySelector('#board-summary').nextElementSibling.id") == "scorecard"
    assert page.locator("#board-summary svg[role=img][aria-label]").count() >= 6  # the icons and their key, each with a text alternative
    assert page.locator("#scorecard td.trend svg[role=img]").count() >= 5  # sparklines
    assert page.locator("#headlines td.trend svg[role=img]").count() >= 5
    assert page.locator("img[alt^='XmR chart of']").count() >= 5


def test_no_table_is_wider_than_the_page_at_1280_pixels(browser, demo_pack):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto((demo_pack / "index.html").as_uri(), wait_until="load")
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    for selector in ("#board-summary", "#scorecard"):
        overflowing = page.eval_on_selector_all(f"{selector} table", "ts => ts.filter(t => t.scrollWidth > t.clientWidth + 1).length")
        assert overflowing == 0, selector
    page.close()


def test_screenshot_is_of_sensible_size(opened):
    page, _, _ = opened
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / "demo-pack.png"
    page.screenshot(path=str(path), full_page=True)  # the cover, Board summary, scorecard, every XmR chart and the appendix
    from PIL import Image

    with Image.open(path) as shot:
        width, height = shot.size
    assert width == 1200 and 3000 < height < 90000  # the equality section and version 4's figures made it longer


def test_pdf_has_every_section(demo_pack_pdf: Path):
    from pypdf import PdfReader

    reader = PdfReader(demo_pack_pdf)
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert len(reader.pages) >= 5
    for title in SECTIONS:
        assert title in text, title


def pdf_pages(pdf: Path) -> list[str]:
    """Each page's text without its marking and page number (the header and footer), spaces collapsed."""
    from pypdf import PdfReader

    pages = [" ".join(page.extract_text().split()) for page in PdfReader(pdf).pages]
    return [re.sub(r"^OFFICIAL(-SENSITIVE)? \d+ of \d+ ?OFFICIAL(-SENSITIVE)? ?", "", text) for text in pages]


def test_the_board_summary_is_one_printed_page_and_the_scorecard_at_most_two(demo_pack_pdf: Path):
    pages = pdf_pages(demo_pack_pdf)
    summary = next(i for i, text in enumerate(pages) if text.startswith("Board summary"))
    assert "will not meet it without change" in pages[summary]  # its last words (the icon key) are on its one page
    assert pages[summary + 1].startswith("Scorecard")
    after = next(
        i for i, text in enumerate(pages) if i > summary + 1 and text.startswith(("Findings and the improvement plan", "Workstream:"))
    )
    assert after - (summary + 1) <= 2  # the scorecard takes one or two pages, the next part starting on a page of its own


def test_sections_start_on_a_new_page_without_near_empty_pages(demo_pack_pdf: Path):
    pages = pdf_pages(demo_pack_pdf)
    for title in ("Front door", "Assessments", "Case audits", "Appendix"):
        assert any(text.startswith(title) or text.startswith("Workstream:") and f" {title} " in text[:120] for text in pages), title
    # a page holds more than a few lines (a four-line page is a printing fault)
    assert [i + 1 for i, text in enumerate(pages) if len(text) < 250] == []


def test_every_pdf_page_is_a4_and_carries_the_marking_top_and_bottom(demo_pack_pdf: Path):
    from pypdf import PdfReader

    reader = PdfReader(demo_pack_pdf)
    margin = 16 * 72 / 25.4  # the page's 16 mm top and bottom margins, in points
    for number, page in enumerate(reader.pages, start=1):
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert (round(width), round(height)) == (595, 842), number  # A4 in points, not US Letter (612 x 792)
        placed: list[tuple[float, str]] = []
        page.extract_text(visitor_text=lambda text, cm, tm, *_: placed.append((tm[4] * cm[1] + tm[5] * cm[3] + cm[5], text)))
        top = " ".join(" ".join(text for y, text in placed if y > height - margin).split())
        bottom = " ".join(" ".join(text for y, text in placed if 0 < y < margin).split())
        assert "OFFICIAL" in top and "OFFICIAL" in bottom, number
        assert f"{number} of {len(reader.pages)}" in bottom, number
