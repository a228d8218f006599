"""The Board paper's assembly: the edition and next visit on the cover, sections grouped by workstream."""

from datetime import date

from readiness.config.board import Workstream
from readiness.config.params import Params
from readiness.pack.board import edition, headline_rows, next_visit_words, section_groups
from readiness.present.glossary import glossary


def params(**extra):
    return Params(pack_id="t", la_name="T", period_start="2025-01-01", period_end="2025-03-31", **extra)


def test_the_cover_says_which_edition_the_reader_holds():
    assert edition(params(audience="internal")) == "Board edition (internal, OFFICIAL-SENSITIVE)"
    assert edition(params(audience="public", suppress_up_to=3)) == "Published edition (numbers from 1 to 3 withheld)"


def test_the_next_visit_in_words():
    assert next_visit_words(params()) is None
    visit = {"date": date(2026, 1, 20), "theme": "help_and_protection", "title": "Monitoring visit 5"}
    assert next_visit_words(params(next_visit=visit)) == "Monitoring visit 5 on 20 January 2026: help and protection"
    assert next_visit_words(params(next_visit={"date": date(2026, 3, 2)})) == "Next visit on 2 March 2026"


def sections(*stems):
    return [{"stem": stem, "slug": stem.split("_", 1)[1], "title": stem} for stem in stems]


def test_without_workstreams_the_sections_keep_their_order_after_the_findings():
    first, groups = section_groups([], sections("00_findings", "02_front_door", "10_case_audits"))
    assert [s["stem"] for s in first] == ["00_findings"]
    assert [(g.title, [s["stem"] for s in g.sections]) for g in groups] == [(None, ["02_front_door", "10_case_audits"])]


def test_workstreams_group_the_sections_in_the_boards_order_the_rest_last():
    workstreams = [
        Workstream(title="Practice quality", sections=["10_case_audits", "03_assessments"]),
        Workstream(title="Front door", sections=["02_front_door", "10_case_audits"]),  # named twice: under the first
        Workstream(title="Care leavers", sections=["08_care_leavers"]),  # not in this pack: no group
    ]
    first, groups = section_groups(
        workstreams, sections("00_findings", "02_front_door", "03_assessments", "09_workforce", "10_case_audits")
    )
    assert [s["stem"] for s in first] == ["00_findings"]
    assert [(g.title, [s["stem"] for s in g.sections]) for g in groups] == [
        ("Practice quality", ["10_case_audits", "03_assessments"]),
        ("Front door", ["02_front_door"]),
        ("Other sections", ["09_workforce"]),
    ]


def test_headline_rows_are_the_scorecards_figures_of_the_sections_theme():
    class Line:
        def __init__(self, theme):
            self.row = type("Row", (), {"indicator": type("Indicator", (), {"theme": theme})()})()

    card = [Line("Assessments"), Line("Case audits"), Line("Assessments")]
    assert headline_rows(card, "Assessments") == [card[0], card[2]]


def test_the_glossary_adds_the_terms_its_own_explanations_use_and_the_rounding_base():
    # "XmR chart" is explained with "SPC", which the text alone does not use, and SPC with NHS England's guidance;
    # the rounding note names round_to
    terms = glossary("An XmR chart of each month. Counts are rounded to the nearest 10.", round_to=10)
    assert [t.term for t in terms] == ["NHS England", "Rounded numbers", "SPC", "XmR chart"]
    assert "rounded to the nearest 10 (0 stays 0)" in terms[1].meaning
