"""``pack.pdf``: the same ``index.html`` printed by a real browser engine (Debian's Chromium)."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from readiness.errors import PdfError

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "chrome", "msedge")
# Quiet, offline printing: no first-run, sync or background connections on a closed network.
FLAGS = (
    "--headless",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-pdf-header-footer",
)


def find_browser() -> str | None:
    """The browser to print with: ``READINESS_BROWSER`` if set, else the first Chromium on the PATH."""
    configured = os.environ.get("READINESS_BROWSER")
    if configured:
        return configured if Path(configured).exists() else None
    return next((found for name in BROWSERS if (found := shutil.which(name))), None)


def browser_flags() -> list[str]:
    """Chromium refuses to run as root without ``--no-sandbox``."""
    root = hasattr(os, "geteuid") and os.geteuid() == 0
    return [*FLAGS, *(["--no-sandbox"] if root else [])]


def print_pdf(html: Path, pdf: Path, timeout: int = 120) -> Path:
    """Print ``html`` to ``pdf`` with headless Chromium; raise :class:`PdfError` when that cannot be done."""
    browser = find_browser()
    if browser is None:
        raise PdfError(
            "cannot make the PDF: no Chromium browser found (install Debian's chromium, or set READINESS_BROWSER to a Chromium or Edge executable)"
        )
    with tempfile.TemporaryDirectory(prefix="readiness-browser-") as profile:
        command = [browser, *browser_flags(), f"--user-data-dir={profile}", f"--print-to-pdf={pdf}", html.resolve().as_uri()]
        try:
            result = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise PdfError(f"cannot make the PDF: {browser} failed: {exc}") from None
    if result.returncode != 0 or not pdf.exists() or pdf.stat().st_size == 0:
        raise PdfError(f"cannot make the PDF: {browser} exited with status {result.returncode}")
    return pdf
