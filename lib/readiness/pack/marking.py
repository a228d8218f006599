"""The marking an audience's outputs carry (the page, the PDF, an analyst's kernel): a module of its own, so that a
notebook's kernel gets it without the page's renderer (nbconvert, jinja2)."""

from __future__ import annotations

MARKINGS = {"public": "OFFICIAL", "internal": "OFFICIAL-SENSITIVE", "both": "OFFICIAL-SENSITIVE"}  # both: as the Board edition
