"""The Board summary's figures to note: each figure once, attention first, linked to its section; and what it says
when nothing has improved."""

from readiness.config.catalogue import describe
from readiness.present.glance import months_behind, no_improvement_words, to_note
from readiness.present.vitals import VitalSign


def row(figure_id, rating=None, variation=None, assurance=None):
    spc = None if variation is None else {"variation": variation, "assurance": assurance}
    return VitalSign(describe(figure_id), "50%", "60%", rating, "–", (), "–", spc=spc)


def test_each_figure_is_noted_once_attention_first():
    rows = [
        row("audits.good_or_better_share", "amber", "improvement", "hit_and_miss"),  # improving only
        row("assessments.within_45_working_days_share", "green", "concern", "pass"),  # concern
        row("strategy.statutory_partners_share", "red", "improvement", "fail"),  # improving, but red and failing: once, as attention
        row("workforce.agency_share", "red"),  # no monthly series: red only
        row("referrals.repeat_share", "green", "common_cause", "pass"),  # nothing to say
    ]
    slugs = {"Case audits": "case_audits", "Assessments": "assessments", "Strategy meetings": "strategy_meetings"}
    lines = [(line.row.indicator.id, line.href, line.reading) for line in to_note(rows, slugs)]
    assert lines == [
        ("assessments.within_45_working_days_share", "#assessments", "getting worse, will meet target month after month"),
        ("strategy.statutory_partners_share", "#strategy_meetings", "improving, will not meet target without change"),
        ("workforce.agency_share", "#headlines", "short of target, no monthly trend"),  # no series; its section is not in the pack
        ("audits.good_or_better_share", "#case_audits", "improving, will meet target in some months and miss it in others"),
    ]


def test_nothing_to_note_is_an_empty_list():
    assert to_note([row("referrals.repeat_share", "green", "common_cause", "pass")], {}) == []


def test_no_improvement_is_said_as_no_change_beyond_chance_with_its_months():
    spc = {
        "a.monthly.x": {"series": {"2025-01": 1, "2025-02": 2, "2025-03": 3}},
        "b.monthly.y": None,
        "c.monthly.z": {"series": {"2025-03": 1}},
    }
    assert months_behind(spc) == 3
    assert no_improvement_words(3) == "no change large enough to rule out chance yet (each monthly figure read over up to 3 months)"
    assert no_improvement_words(months_behind({})) == "no change large enough to rule out chance yet"
