"""Trends across packs and RAG ratings on the pack's Vital signs table.

Two earlier demo packs (12 months to 2025-03-31 and to 2025-06-30, snapshot = period end)
are built first; the demo pack is then built with ``history:`` naming their figures.json
and with ``targets:`` in both forms (a single number, ``{green, amber}``) and both
directions. Every expectation is derived here, by the rule of ``pack.md``, from the
values in the built packs' figures.json, and compared with the cells of ``index.html``.
"""

from __future__ import annotations

import json
from decimal import ROUND_HALF_UP, Decimal
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from readiness.config.catalogue import describe
from readiness.pack.build import build

EARLIER = {"demo-2025-03": ("2024-04-01", "2025-03-31"), "demo-2025-06": ("2024-07-01", "2025-06-30")}
DATA = ("annex_a", "case_audits", "strategy_meetings", "workforce", "supervision")
TREND = "assessments.within_45_working_days_share"
# id -> (target as written in the parameters, better direction per indicators.md)
TARGETS = {
    TREND: ({"green": 0.95, "amber": 0.80}, "higher"),
    "audits.good_or_better_share": (0.30, "higher"),
    "caseload.median": (15, "lower"),
    "assessments.median_working_days": (35, "lower"),
    "workforce.agency_share": ({"green": 0.05, "amber": 0.08}, "lower"),
}

pytestmark = pytest.mark.slow  # every test here builds packs


def demo_params(demo_data: Path, **changes) -> dict:
    """The demo pack's parameters (as ``parameters/demo.yaml`` has them, without its targets or
    commentary), data paths absolute, changed as asked."""
    params = {
        "pack_id": "demo",
        "la_name": "Northbridge",
        "period_start": "2024-10-01",
        "period_end": "2025-09-30",
        "annex_a_extract_date": "2025-10-03",
        "audience": "public",
        "data": {name: str(demo_data / f"{name}.{'xlsx' if name == 'annex_a' else 'csv'}") for name in DATA},
        "child_population": 52000,
    }
    params.update(changes)
    return params


def write_yaml(path: Path, document: dict) -> Path:
    path.write_text(yaml.safe_dump(document, sort_keys=False), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def packs(demo_data, tmp_path_factory) -> dict[str, Path]:
    """The two earlier packs, then the demo pack with their history and the targets: pack_id -> folder."""
    root = tmp_path_factory.mktemp("history")
    folders = {}
    for pack_id, (start, end) in EARLIER.items():
        params = demo_params(demo_data, pack_id=pack_id, period_start=start, period_end=end, annex_a_extract_date=end)
        folders[pack_id] = build(write_yaml(root / f"{pack_id}.yaml", params), root / "out" / pack_id, jobs=2)
    params = demo_params(
        demo_data,
        history=[str(folders[pack_id] / "figures.json") for pack_id in EARLIER],
        targets={figure_id: target for figure_id, (target, _) in TARGETS.items()},
    )
    folders["demo"] = build(write_yaml(root / "demo.yaml", params), root / "out" / "demo", jobs=2)
    return folders


def figures(folder: Path) -> dict:
    return json.loads((folder / "figures.json").read_text(encoding="utf-8"))


class VitalSigns(HTMLParser):
    """The rows of the ``vital-signs`` table: each a list of cells ``(text, classes inside the cell)``."""

    def __init__(self):
        super().__init__()
        self.rows: list[list[tuple[str, set[str]]]] = []
        self.depth = 0  # inside the table when > 0
        self.cell: list | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table" and "vital-signs" in (attrs.get("class") or "").split():
            self.depth = 1
        elif self.depth and tag == "tr":
            self.rows.append([])
        elif self.depth and tag in ("th", "td"):
            self.cell = [[], set()]
        elif self.cell is not None and attrs.get("class"):
            self.cell[1].update(attrs["class"].split())

    def handle_endtag(self, tag):
        if self.depth and tag == "table":
            self.depth = 0
        elif self.cell is not None and tag in ("th", "td"):
            self.rows[-1].append(("".join(self.cell[0]).strip(), self.cell[1]))
            self.cell = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell[0].append(data)


@pytest.fixture(scope="module")
def table(packs) -> tuple[list[str], dict[str, list[tuple[str, set[str]]]]]:
    """The Vital signs table of the demo pack: its column headings, and its rows keyed by indicator label."""
    parser = VitalSigns()
    parser.feed((packs["demo"] / "index.html").read_text(encoding="utf-8"))
    headings = [text for text, _ in parser.rows[0]]
    rows = {row[0][0]: row for row in parser.rows[1:] if len(row) > 1}  # theme rows have a single cell
    return headings, rows


def whole_percent(value: float) -> str:
    """A share as the pack shows it: whole percent, half up."""
    return f"{Decimal(repr(value * 100)).quantize(Decimal(1), ROUND_HALF_UP)}%"


def expected_rating(value: float, target, better: str) -> tuple[str, str]:
    """pack.md's rule by hand: the rating and the reasoning, for the assertion message."""
    if isinstance(target, dict):
        green, amber = target["green"], target["amber"]
        rule = f"band green {green}, amber {amber}"
    else:
        green = target
        amber = target * 0.9 if better == "higher" else target * 1.1
        rule = f"single target {target}: amber within a tenth of it, i.e. up to {amber:g}"
    at_or_beyond = (lambda x, t: x >= t) if better == "higher" else (lambda x, t: x <= t)
    if at_or_beyond(value, green):
        rating = "green"
    elif at_or_beyond(value, amber):
        rating = "amber"
    else:
        rating = "red"
    return rating, f"value {value!r}, {better} is better, {rule} => {rating}"


def test_earlier_packs_cover_the_periods_asked_for(packs):
    for pack_id, (start, end) in EARLIER.items():
        document = figures(packs[pack_id])
        assert (document["pack_id"], document["period_start"], document["period_end"], document["snapshot_date"]) == (
            pack_id,
            start,
            end,
            end,
        )
    assert figures(packs["demo"])["period_end"] == "2025-09-30"


def test_history_columns_are_headed_with_the_earlier_packs_period_ends(table):
    headings, _ = table
    assert headings[:7] == ["Indicator", "Trend", "SPC", "Pack to 2025-03-31", "Pack to 2025-06-30", "This pack", "Change since last pack"]
    assert headings[7:] == ["Target (in force)", "Rating", "England"]


TRENDS = (TREND, "audits.good_or_better_share", "workforce.agency_share")  # shares, so the change is in points


@pytest.mark.parametrize("figure_id", TRENDS)
def test_trend_row_shows_earlier_values_and_change_since_the_last_pack(packs, table, figure_id):
    headings, rows = table
    march, june, now = (figures(packs[p])["figures"][figure_id] for p in ("demo-2025-03", "demo-2025-06", "demo"))
    assert None not in (march, june, now), f"{figure_id} is withheld or missing in a pack"
    row = dict(zip(headings, (text for text, _ in rows[describe(figure_id).label])))

    # The change is between the values the reader sees (whole percents), so the row adds up on the page.
    whole = int(whole_percent(now).rstrip("%")) - int(whole_percent(june).rstrip("%"))
    change = f"{whole:+d} pts"
    points = whole
    assert row["Pack to 2025-03-31"] == whole_percent(march), f"March pack value {march!r}"
    assert row["Pack to 2025-06-30"] == whole_percent(june), f"June pack value {june!r}"
    assert row["This pack"] == whole_percent(now), f"this pack's value {now!r}"
    assert row["Change since last pack"] == change, f"{whole_percent(now)} - {whole_percent(june)} = {points} pts => {change}"


def test_history_columns_are_in_pack_order(packs):
    """The trend rows above tell the packs apart only if some value differs between them."""
    shown = [tuple(whole_percent(figures(packs[p])["figures"][i]) for p in ("demo-2025-03", "demo-2025-06", "demo")) for i in TRENDS]
    assert any(len(set(values)) == 3 for values in shown), shown


def test_a_figure_withheld_in_an_earlier_pack_shows_as_withheld(packs, table):
    headings, rows = table
    june = figures(packs["demo-2025-06"])
    withheld = [i for i in june["suppressed"] if "/" not in i and describe(i).label in rows]
    if not withheld:
        pytest.skip("the June pack withholds no headline figure")
    for figure_id in withheld:
        assert june["figures"][figure_id] is None
        row = dict(zip(headings, (text for text, _ in rows[describe(figure_id).label])))
        assert row["Pack to 2025-06-30"] == "[c]", f"{figure_id} is withheld in the June pack"


@pytest.mark.parametrize("figure_id", TARGETS)
def test_rating_is_the_one_the_rule_gives(packs, table, figure_id):
    headings, rows = table
    target, better = TARGETS[figure_id]
    assert describe(figure_id).better == better, "the direction assumed here is the catalogue's"
    value = figures(packs["demo"])["figures"][figure_id]
    assert value is not None, f"{figure_id} is withheld or has no data"
    rating, reasoning = expected_rating(value, target, better)
    text, classes = dict(zip(headings, rows[describe(figure_id).label]))["Rating"]
    assert (text, f"rag-{rating}" in classes) == (rating.capitalize(), True), f"{figure_id}: {reasoning}; page shows {text!r}"


def test_targets_cover_every_rating(packs):
    values = figures(packs["demo"])["figures"]
    ratings = {expected_rating(values[i], target, better)[0] for i, (target, better) in TARGETS.items()}
    assert ratings == {"green", "amber", "red"}, ratings
