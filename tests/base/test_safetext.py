"""Inputs are data, never markup: commentary sanitised, labels escaped, nothing live in index.html.

The unit tests feed hostile Markdown and labels to :mod:`readiness.safetext`; the last tests build
the golden pack from copies of its inputs with hostile team names, a hostile domain heading,
hostile commentary and a hostile council name, and parse the ``index.html`` it writes.
"""

from __future__ import annotations

import base64
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from conftest import REPO

from readiness.paths import TEMPLATES
from readiness.present.narrative import practice_week_sentences, row_shares_sentence
from readiness.safetext import clean_label, markdown_escape, markdown_html

GOLDEN = REPO / "tests" / "fixtures" / "golden"
PACK_CSS = TEMPLATES / "pack.css"
ONERROR = "<img src=x onerror=alert(1)>"
RLO = "\u202e"  # RIGHT-TO-LEFT OVERRIDE


class Markup(HTMLParser):
    """Every element with its attributes, the text of each ``<style>``, and the page's text."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict]] = []
        self.styles: list[str] = []
        self.text: list[str] = []
        self._in_style = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        self._in_style = tag == "style"

    def handle_endtag(self, tag):
        self._in_style = False

    def handle_data(self, data):
        (self.styles if self._in_style else self.text).append(data)

    def tags(self) -> set[str]:
        return {tag for tag, _ in self.elements}

    def urls(self) -> list[str]:
        return [
            value or "" for _, attrs in self.elements for name, value in attrs.items() if name in ("href", "src", "action", "formaction")
        ]

    def event_handlers(self) -> list[str]:
        return [name for _, attrs in self.elements for name in attrs if name.startswith("on")]


def assert_nothing_live(html: str, own_styles: int = 0) -> Markup:
    """No script, frame, form or object; no on* handler; no URL but https links and data: images; only the pack's styles."""
    markup = Markup(html)
    assert not markup.tags() & {"script", "iframe", "frame", "object", "embed", "form", "link", "meta", "base"} - (
        {"meta"} if own_styles else set()
    )
    assert markup.event_handlers() == []
    for url in markup.urls():
        assert url.startswith(("https://", "data:image/svg+xml;base64,", "#")), url
    assert len(markup.styles) == own_styles
    return markup


# --- commentary Markdown ------------------------------------------------------------------


@pytest.mark.parametrize(
    "markdown",
    [
        "<script>alert(1)</script>",
        ONERROR,
        "[click](javascript:alert(1))",
        "[click](JaVaScRiPt:alert(1))",
        "![chart](http://evil.example/pixel.png)",
        "![chart](https://evil.example/pixel.png)",
        '<iframe src="https://evil.example"></iframe>',
        "<style>.marking { display: none }</style>",
        '<a href="http://evil.example">plain http</a>',
        "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        '<div onclick="alert(1)">x</div>',
        "<svg><script>alert(1)</script></svg>",
    ],
)
def test_commentary_markup_never_survives(markdown):
    assert_nothing_live(markdown_html(f"# Commentary\n\nBefore {markdown} after.\n"))


def test_raw_html_in_commentary_is_shown_as_text():
    html = markdown_html("Hello <b>there</b>")
    assert html == "<p>Hello &lt;b&gt;there&lt;/b&gt;</p>\n"


def test_commentary_keeps_headings_emphasis_lists_tables_and_https_links():
    html = markdown_html(
        "## Progress\n\n*Better* and **much** better:\n\n- one\n- two\n\n| team | note |\n|---|---|\n| A | ok |\n\n"
        "[DfE statistics](https://explore-education-statistics.service.gov.uk)\n"
    )
    markup = Markup(html)
    assert {"h2", "em", "strong", "ul", "li", "table", "th", "td", "a"} <= markup.tags()
    assert markup.urls() == ["https://explore-education-statistics.service.gov.uk"]


def test_a_link_that_is_not_https_keeps_its_words_but_no_address():
    markup = Markup(markdown_html("See [the old site](http://example.org)."))
    assert markup.urls() == [] and "the old site" in "".join(markup.text)


def test_bidi_controls_are_removed_from_commentary():
    assert RLO not in markdown_html(f"Team {RLO}htron")


# --- labels in generated Markdown ---------------------------------------------------------


def test_a_label_with_markdown_characters_reads_as_typed():
    label = "North_East *team* [x](https://evil.example) $y$ <b>"
    rendered = Markup(markdown_html(f"- {markdown_escape(label)}: 50%"))
    assert "".join(rendered.text).strip() == f"{label}: 50%"  # every character shown, none taken as markup
    assert rendered.urls() == [] and "em" not in rendered.tags()


def test_clean_label_drops_bidi_and_turns_controls_into_spaces():
    assert clean_label(f"North{RLO}\x1b[31m\tTeam\n") == "North [31m Team "


def test_practice_week_sentence_escapes_a_markup_domain():
    import pandas as pd

    safe = pd.DataFrame(
        {"before_share": [0.5], "before_graded": [10], "after_share": [0.6], "after_graded": [10]},
        index=pd.Index([f"Domain {ONERROR}, week of 12 May 2025"], name="practice_week"),
    )
    html = markdown_html(practice_week_sentences(safe))
    assert_nothing_live(html)
    assert ONERROR in "".join(Markup(html).text)


def test_row_shares_sentence_escapes_row_labels():
    import pandas as pd

    safe = pd.DataFrame({"share": [0.5], "audits": [10]}, index=["[a](javascript:alert(1))"])
    html = markdown_html(row_shares_sentence("Good or better", safe, "share", "audits"))
    assert_nothing_live(html)
    assert "[a](javascript:alert(1)) 50% (of 10)" in "".join(Markup(html).text)


# --- the built pack -----------------------------------------------------------------------

HOSTILE_COMMENTARY = """# Our commentary

<script>alert("pack")</script>

<style>.marking { display: none }</style>

<img src="https://tracker.example/pixel.png">

<iframe src="http://evil.example"></iframe>

![remote](http://tracker.example/x.png)

[javascript link](javascript:alert(1)) and [a good link](https://www.gov.uk).

{rlo}Audits improved.
"""


@pytest.fixture(scope="module")
def hostile_pack(tmp_path_factory) -> tuple[Path, str]:
    """The golden pack built from inputs with hostile labels and commentary: (pack folder, the domain heading used)."""
    from readiness.config.params import load_params
    from readiness.inputs.read import load_inputs
    from readiness.pack.build import build

    root = tmp_path_factory.mktemp("hostile")
    shutil.copytree(GOLDEN, root / "inputs")
    audits = root / "inputs" / "case_audits.csv"
    text = audits.read_text(encoding="utf-8")
    text = text.replace("domain_voice_of_child", f'"domain_{ONERROR}"').replace("Assessment North", f'"North {ONERROR}"')
    text = text.replace("Assessment South", f"$x^2$ South{RLO}")
    text = text.replace(",monthly,", ",Ada Quillfeather,", 1)  # an audit type that is a worker's name (List 4's Allocated Worker)
    audits.write_text(text, encoding="utf-8")
    (root / "commentary").mkdir()
    (root / "commentary" / "case_audits.md").write_text(HOSTILE_COMMENTARY.replace("{rlo}", RLO), encoding="utf-8")
    params = yaml.safe_load((GOLDEN / "golden.yaml").read_text(encoding="utf-8"))
    params["la_name"] = "Goldshire <script>alert(1)</script>"
    params["commentary"] = "../commentary"
    params_file = root / "inputs" / "hostile.yaml"
    params_file.write_text(yaml.safe_dump(params), encoding="utf-8")
    domain = next(c for c in load_inputs(load_params(params_file)).case_audits.columns if "onerror" in c).removeprefix("domain_")
    params["practice_weeks"] = [{"date": "2019-04-01", "domain": domain}]
    params_file.write_text(yaml.safe_dump(params), encoding="utf-8")
    return build(params_file, root / "packs" / "hostile", jobs=1), domain


@pytest.mark.slow
def test_the_pack_runs_no_markup_from_any_input(hostile_pack):
    folder, _ = hostile_pack
    html = (folder / "index.html").read_text(encoding="utf-8")
    markup = assert_nothing_live(html, own_styles=1)
    # the one style is the pack's own, then the marking printed at the top and bottom of every page
    marking = '@page { @top-center { content: "OFFICIAL-SENSITIVE"; } @bottom-center { content: "OFFICIAL-SENSITIVE"; } }'
    assert markup.styles[0] == PACK_CSS.read_text(encoding="utf-8") + "\n" + marking
    assert [url for url in markup.urls() if url.startswith("https://")] == ["https://www.gov.uk"]
    assert all(attrs["src"].startswith("data:image/svg+xml;base64,") for tag, attrs in markup.elements if tag == "img")


@pytest.mark.slow
def test_hostile_labels_are_shown_as_text(hostile_pack):
    folder, _ = hostile_pack
    text = "".join(Markup((folder / "index.html").read_text(encoding="utf-8")).text)
    assert f"North {ONERROR}" in text  # the team, shown as typed in tables
    assert "Goldshire <script>alert(1)</script>" in text
    assert f"{ONERROR}, week of 1 April 2019: good or better" in text  # the practice week's sentence, from the domain heading
    assert "$x^2$ South" in text


@pytest.mark.slow
def test_no_bidi_control_reaches_the_pack(hostile_pack):
    folder, _ = hostile_pack
    assert RLO not in (folder / "index.html").read_text(encoding="utf-8")


@pytest.mark.slow
def test_a_label_that_is_an_identifier_is_withheld_from_the_pack(hostile_pack):
    folder, _ = hostile_pack
    html = (folder / "index.html").read_text(encoding="utf-8")
    assert "Ada Quillfeather" not in html
    assert "Withheld (looks like an identifier)" in html


@pytest.mark.slow
def test_charts_show_dollar_labels_as_typed(hostile_pack):
    folder, _ = hostile_pack
    html = (folder / "index.html").read_text(encoding="utf-8")
    svgs = [base64.b64decode(data).decode("utf-8") for data in re.findall(r'src="data:image/svg\+xml;base64,([^"]+)"', html)]
    assert any(re.search(r"<text[^>]*>\$x\^2\$ South</text>", svg) for svg in svgs)  # mathtext would split it into x, ², South


# --- CSV cells a user opens in Excel --------------------------------------------------------


@pytest.mark.parametrize("cell", ['=HYPERLINK("https://evil.example")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)"])
def test_text_that_excel_would_run_gets_a_leading_quote(cell):
    from readiness.safetext import spreadsheet_text

    assert spreadsheet_text(cell) == "'" + cell


def test_sample_csv_cells_are_never_formulas_and_dates_stay_dates(tmp_path):
    import pandas as pd

    from readiness.safetext import spreadsheet_safe

    sample = pd.DataFrame(
        {
            "child_id": pd.Series(["C1", "C2"], dtype="string"),
            "team": ["=1+1", "North"],
            "list": [3, -4],
            "key_date": pd.to_datetime(["2025-01-02", "2025-02-03"]),
        }
    )
    path = tmp_path / "sample.csv"
    spreadsheet_safe(sample).to_csv(path, index=False, date_format="%Y-%m-%d")
    assert path.read_text(encoding="utf-8").splitlines() == [
        "child_id,team,list,key_date",
        "C1,'=1+1,3,2025-01-02",
        "C2,North,-4,2025-02-03",
    ]
