"""``readiness verify DIR``: does a pack still match the inputs it was built from, and is its page what a build makes?

What ``verify`` certifies it checks afresh, never taking the build's word for it: the inputs' SHA-256 against the
manifest, the pack's files against the marker, and the page itself against the contract (``index.html`` holds no
code and makes no network request), so a script that reached the page any way at all, a planted cache included, fails.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

from readiness.errors import ReadinessError

from .manifest import file_digest
from .packfolder import EDITIONS, changed_files

# elements that run code, load another document or resource, or send data: none is ever in a pack's page
ACTIVE = {
    "script",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "base",
    "form",
    "link",
    "audio",
    "video",
    "source",
    "track",
    "portal",
    "noscript",
    "template",
}
LOADS = {"src", "srcset", "poster", "background", "data", "action", "formaction", "xlink:href", "ping", "lowsrc", "dynsrc"}
SAFE_LINK = re.compile(r"(#|https://)", re.IGNORECASE)
SAFE_SOURCE = re.compile(r"data:image/(png|svg\+xml|jpeg|gif)[;,]", re.IGNORECASE)
LOADING_CSS = re.compile(r"@import|url\(\s*['\"]?(?!data:image/)|expression\(|behavior\s*:", re.IGNORECASE)


class VerifyError(ReadinessError):
    """Raised when a pack folder has no readable manifest to verify against."""

    exit_status = 1


def verify_pack(folder: Path) -> list[str]:
    """Plain lines, one per input that is missing or changed since the pack was built, then one per file of
    the pack itself (``index.html`` …) missing or edited since, then one per piece of code or request in the
    page (empty = matches).

    A pack built before the pack files were recorded is checked against its inputs and its page only."""
    manifest_path = folder / "manifest.json"
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise VerifyError(f"{manifest_path}: cannot read the pack's manifest ({exc})") from None
    inputs = manifest.get("inputs") if isinstance(manifest, dict) else None
    if not isinstance(inputs, dict) or not all(isinstance(r, dict) and {"path", "sha256", "bytes"} <= r.keys() for r in inputs.values()):
        raise VerifyError(f"{manifest_path}: the manifest does not list the pack's inputs (path, sha256, bytes)")
    problems = []
    for key, recorded in sorted(inputs.items()):
        path = Path(recorded["path"])
        if not path.is_file():
            problems.append(f"{key}: {path} is missing")
            continue
        now = file_digest(path)
        if now["sha256"] != recorded["sha256"]:
            problems.append(f"{key}: {path} has changed since the pack was built ({recorded['bytes']:,} bytes then, {now['bytes']:,} now)")
    found = [
        f"pack file {edition}index.html: {line}"
        for edition in EDITIONS
        if (folder / f"{edition}index.html").is_file()
        for line in active_content((folder / f"{edition}index.html").read_text(encoding="utf-8", errors="replace"))
    ]
    return problems + [f"pack file {line}" for line in changed_files(folder)] + found


def active_content(html: str) -> list[str]:
    """What in ``html`` could run code or make a request when the page is opened or printed, one plain line each
    (empty for a pack's page, which has neither)."""
    finder = _ActiveContent()
    finder.feed(html)
    finder.close()
    return finder.found


class _ActiveContent(HTMLParser):
    """Collects each element, attribute and style that runs code or loads something."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        where = f"line {self.getpos()[0]}"
        if tag in ACTIVE:
            self.found.append(f"holds code or loads a resource: a <{tag}> element ({where})")
        if tag == "meta" and any(name == "http-equiv" for name, _ in attrs):
            self.found.append(f"holds code or loads a resource: a <meta http-equiv> element ({where})")
        for name, value in attrs:
            value = re.sub(r"[\x00-\x20]", "", value or "")
            if value.startswith("#") and name in (*LOADS, "href"):
                continue  # a place in the page itself
            if name.startswith("on"):
                self.found.append(f"holds code: an {name} attribute on <{tag}> ({where})")
            elif name in LOADS and value and not SAFE_SOURCE.match(value):
                self.found.append(f"loads a resource: {name} on <{tag}> is not an embedded image ({where})")
            elif name == "href" and value and not SAFE_LINK.match(value):
                self.found.append(f"holds code or a link that is neither https nor in the page: href on <{tag}> ({where})")
            elif name == "style" and LOADING_CSS.search(value):
                self.found.append(f"loads a resource: a style attribute on <{tag}> ({where})")
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style and LOADING_CSS.search(data):
            self.found.append(f"loads a resource: a <style> element imports or loads a file (line {self.getpos()[0]})")
