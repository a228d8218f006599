#!/usr/bin/env python3
"""Screenshot a built pack's Board summary for the README: ``docs/board-summary.png``.

    .venv/bin/python scripts/board_summary_screenshot.py [outputs/demo-internal/index.html] [docs/board-summary.png]

Opens the pack in Debian's Chromium (through Playwright, the browser the tests use; no download), 1280 pixels wide,
every request outside the file refused, and saves the Board summary section as it shows on screen. Build the pack first
(``readiness build parameters/demo-internal.yaml``).
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

from readiness.pack.pdf import browser_flags, find_browser

REPO = Path(__file__).resolve().parents[1]
WIDTH = 1280
MARGIN = 16  # pixels of the page kept around the section


def screenshot(page_file: Path, out: Path, section: str = "board-summary") -> Path:
    """Save the pack's ``section`` (its element, whole) as a PNG, at :data:`WIDTH` pixels."""
    executable = find_browser()
    if executable is None:
        sys.exit("no Chromium browser found (install Debian's chromium, or set READINESS_BROWSER)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=[f for f in browser_flags() if f != "--headless"])
        page = browser.new_page(viewport={"width": WIDTH, "height": 900})
        page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(("file:", "data:")) else route.abort())
        page.goto(page_file.resolve().as_uri(), wait_until="load")
        box = page.locator(f"#{section}").bounding_box()
        clip = {
            "x": max(box["x"] - MARGIN, 0),
            "y": max(box["y"] - MARGIN, 0),
            "width": box["width"] + 2 * MARGIN,
            "height": box["height"] + 2 * MARGIN,
        }
        page.screenshot(path=str(out), clip=clip, full_page=True)
        browser.close()
    return out


if __name__ == "__main__":
    given = sys.argv[1:]
    pack = Path(given[0]) if given else REPO / "outputs" / "demo-internal" / "index.html"
    target = Path(given[1]) if len(given) > 1 else REPO / "docs" / "board-summary.png"
    print(screenshot(pack, target))
