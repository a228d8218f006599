"""At a glance: improving, needing attention, failing their target, no data; each line linked to its section."""
from readiness.config.catalogue import describe
from readiness.present.glance import at_a_glance
from readiness.present.vitals import VitalSign


def row(figure_id, rating=None, variation=None, assurance=None):
    spc = None if variation is None else {"variation": variation, "assurance": assurance}
    return VitalSign(describe(figure_id), "50%", "60%", rating, "–", (), "–", spc=spc)


def test_each_list_takes_the_figures_its_rule_names():
    rows = [
        row("audits.good_or_better_share", "amber", "improvement", "hit_and_miss"),
        row("assessments.within_45_working_days_share", "green", "concern", "pass"),
        row("strategy.statutory_partners_share", "red", "common_cause", "fail"),
        row("workforce.agency_share", "red"),  # no monthly series: red only
        row("referrals.repeat_share", "green", "common_cause", "pass"),  # nothing to say
    ]
    slugs = {"Case audits": "case_audits", "Assessments": "assessments", "Strategy meetings": "strategy_meetings"}
    glance = at_a_glance(rows, slugs, ["Child protection (no List 5 in the data given)"])
    ids = lambda lines: [(line.row.indicator.id, line.href) for line in lines]  # noqa: E731
    assert ids(glance.improving) == [("audits.good_or_better_share", "#case_audits")]
    assert ids(glance.attention) == [
        ("assessments.within_45_working_days_share", "#assessments"),
        ("strategy.statutory_partners_share", "#strategy_meetings"),
        ("workforce.agency_share", "#headlines"),  # its section is not in the pack: the vital signs
    ]
    assert ids(glance.will_fail) == [("strategy.statutory_partners_share", "#strategy_meetings")]
    assert glance.no_data == ["Child protection (no List 5 in the data given)"]


def test_nothing_to_report_leaves_every_list_empty():
    glance = at_a_glance([row("referrals.repeat_share", "green", "common_cause", "pass")], {}, [])
    assert (glance.improving, glance.attention, glance.will_fail, glance.no_data) == ([], [], [], [])
