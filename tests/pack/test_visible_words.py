"""Words a Board reads: no figure id, parameter name or snake_case word in the visible text of either edition
(``pack.md``, version 4, Words): table headings and cells, captions, caveats, the Data quality table, alt text and the
words drawn in charts. Scripts, styles and attribute values (an anchor's id) are not read."""

from __future__ import annotations

import base64
import re
from html.parser import HTMLParser

from readiness.config.catalogue import ID, catalogue
from readiness.config.figures import REGISTRY
from readiness.config.params import Params

SNAKE = re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b")
DOTTED = re.compile(ID)
FILE_NAME = re.compile(r"[\w.-]+\.(?:xlsx|xlsm|xls|ods|csv|xml|json|yaml|md)\b")  # an input's own file name, for the data team
ABBREVIATIONS = ("e.g", "i.e")


class _Visible(HTMLParser):
    """The text a reader sees: text outside <script> and <style>, alt text, and the text of SVG charts (images)."""

    def __init__(self) -> None:
        super().__init__()
        self.hidden, self.parts = 0, []

    def handle_starttag(self, tag, attrs):
        self.hidden += tag in ("script", "style")
        attrs = dict(attrs)
        if tag == "img":
            self.parts.append(attrs.get("alt") or "")
            source = attrs.get("src") or ""
            if source.startswith("data:image/svg+xml;base64,"):
                svg = base64.b64decode(source.split(",", 1)[1]).decode("utf-8")
                self.parts += [re.sub(r"<[^>]+>", "", text) for text in re.findall(r"<text\b[^>]*>(.*?)</text>", svg, re.S)]

    def handle_endtag(self, tag):
        self.hidden -= tag in ("script", "style")

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = _Visible()
    parser.feed(html)
    return "\n".join(parser.parts)


def codes_in(text: str) -> list[str]:
    """The figure ids, parameter names and snake_case words in ``text`` (file names of inputs aside)."""
    text = FILE_NAME.sub(" ", text)
    found = {word for word in DOTTED.findall(text) if word not in ABBREVIATIONS and not any(part.isdigit() for part in word.split("."))}
    found |= set(SNAKE.findall(DOTTED.sub(" ", text)))
    ids = {d.id for d in REGISTRY.declared()} | {i.id for i in catalogue()}
    names = {name for name in Params.model_fields if "_" in name}
    found |= {word for word in ids | names if re.search(rf"(?<![\w.]){re.escape(word)}(?![\w])", text)}
    return sorted(found)


def test_codes_are_found_in_what_a_reader_sees_and_only_there():
    svg = base64.b64encode(b'<svg><text x="1">cla.unallocated_count</text><text>Month</text></svg>').decode()
    html = (
        "<style>.x_y { }</style><script>var audits_good = 1;</script>"
        '<table id="assessments.child_seen_share"><caption>Data quality</caption>'
        "<tr><td>annex_a.xlsx</td><td>this row leaves assessments.child_seen_share</td></tr></table>"
        "<ul><li>within cp_visit_interval_working_days, e.g. 10</li></ul>"
        f'<img alt="Chart of within_45_share" src="data:image/svg+xml;base64,{svg}">'
    )
    assert codes_in(visible_text(html)) == [
        "assessments.child_seen_share",
        "cla.unallocated_count",
        "cp_visit_interval_working_days",
        "within_45_share",
    ]
    assert codes_in("Data as at 3 October 2025: 44 of 47 (92%), Annex A list_4.xlsx, Open Government Licence v3.0") == []


def assert_no_code(folder):
    text = visible_text((folder / "index.html").read_text(encoding="utf-8"))
    assert "Data quality" in text and "Assumptions and caveats" in text  # the whole page was read
    assert codes_in(text) == []


def test_no_code_in_the_published_edition(demo_pack):
    assert_no_code(demo_pack)


def test_no_code_in_the_board_edition(demo_pack_internal):
    assert_no_code(demo_pack_internal)
