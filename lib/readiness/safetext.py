"""Text from the inputs is data, never markup: labels cleaned, Markdown escaped, commentary sanitised.

Commentary and generated narrative are Markdown rendered by mistune with raw HTML escaped,
then cleaned by bleach against an allow-list: headings, paragraphs, emphasis, lists, tables,
quotes, code, and links whose address starts ``https://``. Both are already installed
with nbconvert, which renders notebooks with mistune and cleans with bleach itself.
"""

from __future__ import annotations

import re

import bleach
import mistune

from readiness.errors import BIDI_CONTROLS

ALLOWED_TAGS = frozenset(
    {
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "p",
        "br",
        "hr",
        "em",
        "strong",
        "ul",
        "ol",
        "li",
        "blockquote",
        "code",
        "pre",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "a",
    }
)
_BIDI = re.compile(f"[{BIDI_CONTROLS}]")
_CONTROL = re.compile("[\\x00-\\x1f\\x7f-\\x9f]")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~&$])")
_MARKDOWN = mistune.create_markdown(escape=True, plugins=["table", "strikethrough"])
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def without_bidi(text: str) -> str:
    """``text`` with every bidirectional-text control (such as RIGHT-TO-LEFT OVERRIDE) removed."""
    return _BIDI.sub("", text)


def clean_label(text: object) -> str:
    """A label on one line: bidi controls removed, other control characters (tab, newline, ESC) as spaces."""
    return _CONTROL.sub(" ", without_bidi(str(text)))


def markdown_escape(text: object) -> str:
    """A label to put in a Markdown sentence: cleaned, and every character Markdown gives a meaning escaped."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", clean_label(text))


def https_only(tag: str, name: str, value: str) -> bool:
    """bleach attribute filter: a link keeps its address (and title) only when the address is ``https:``."""
    if name == "href":
        return value.strip().lower().startswith("https://")
    return tag == "a" and name == "title"


def markdown_html(text: str) -> str:
    """Markdown as HTML with nothing live: raw HTML shown as text, images left out, links to ``https:`` only."""
    html = _MARKDOWN(without_bidi(text))
    return bleach.clean(html, tags=ALLOWED_TAGS, attributes=https_only, protocols=["https"], strip=True, strip_comments=True)


def spreadsheet_text(value: object) -> object:
    """A cell for a CSV a user opens in Excel: text starting ``=``, ``+``, ``-`` or ``@`` gets a leading ``'``
    so it is never run as a formula; anything else is returned as it is."""
    return f"'{value}" if isinstance(value, str) and value.startswith(FORMULA_STARTS) else value


def spreadsheet_safe(frame):
    """``frame`` (a pandas DataFrame) with :func:`spreadsheet_text` applied to its text columns; dates and numbers untouched."""
    text = frame.select_dtypes(include=["object", "string"]).columns
    return frame.assign(**{column: frame[column].map(spreadsheet_text) for column in text})
