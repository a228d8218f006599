"""The Board summary: sentinel counts (a withheld one reads "1 to N"), what changed since the last Board, the glossary."""

from datetime import date

from readiness.config.param_models import Band, Step
from readiness.present.board_summary import Change, Sentinel, sentinels, target_changes, variation_changes
from readiness.present.glossary import glossary, visible_text


def test_sentinels_show_their_numbers_and_a_withheld_one_as_a_range():
    document = {
        "figures": {
            "caseload.unallocated_count": 0,
            "caseload.workers_over_25_count": None,
            "care_leavers.bed_and_breakfast_count": None,
            "cla.unallocated_count": 12,
            "actions.overdue_count": None,
        },
        "suppressed": ["caseload.workers_over_25_count", "care_leavers.bed_and_breakfast_count"],
    }
    ids = [
        "caseload.unallocated_count",
        "caseload.workers_over_25_count",
        "care_leavers.bed_and_breakfast_count",
        "cla.unallocated_count",
        "actions.overdue_count",
    ]
    # 2 care leavers in bed and breakfast: withheld as a small number; workers over 25 withheld to protect another count
    lines = sentinels(ids, document, 5, small={"care_leavers.bed_and_breakfast_count"})
    assert lines == [
        Sentinel("Open children with no allocated worker", "0", False),
        Sentinel("Workers with more than 25 children", "[c]", True, "withheld to protect another number"),
        Sentinel("Care leavers in bed and breakfast", "1 to 5", True),
        Sentinel("Children in care with no allocated worker", "12", True),
        Sentinel("Audit actions overdue at the period end", "–", False),  # no data: not known to be above zero
    ]


def pack(period_end, figures, spc=None, suppressed=()):
    return {"period_end": period_end, "figures": figures, "spc": spc or {}, "suppressed": list(suppressed), "audience": "internal"}


def test_variation_changes_name_figures_whose_latest_reading_moved():
    now = pack(
        "2025-09-30",
        {"assessments.within_45_working_days_share": 0.8, "referrals.rereferral_share": 0.2, "audits.good_or_better_share": 0.6},
        {
            "assessments.monthly.within_45_working_days_share": {"variation": "improvement"},
            "referrals.monthly.rereferral_share": {"variation": "common_cause"},
            "audits.monthly.good_or_better_share": {"variation": "concern"},
        },
    )
    last = pack(
        "2025-06-30",
        {},
        {
            "assessments.monthly.within_45_working_days_share": {"variation": "common_cause"},
            "referrals.monthly.rereferral_share": {"variation": "common_cause"},  # unchanged: not listed
            "audits.monthly.good_or_better_share": None,
        },
    )  # no reading then: not listed
    assert variation_changes(now, last) == [
        Change("Assessments completed within 45 working days", "now special-cause improvement (was common-cause variation)")
    ]


def test_target_changes_compare_each_pack_against_the_target_in_force_at_its_own_end():
    targets = {
        # a trajectory: 70% from April, 80% from July 2025
        "assessments.within_45_working_days_share": [
            Step(start=date(2025, 4, 1), green=0.7, amber=0.6),
            Step(start=date(2025, 7, 1), green=0.8, amber=0.7),
        ],
        "workforce.agency_share": Band(green=0.10, amber=0.15),
        "supervision.within_interval_share": 0.95,
        "referrals.rereferral_share": 0.2,
    }
    now = pack(
        "2025-09-30",
        {
            "assessments.within_45_working_days_share": 0.78,  # amber against 80% now
            "workforce.agency_share": 0.095,  # shown as 10%: green
            "supervision.within_interval_share": 0.96,
            "referrals.rereferral_share": 0.25,
        },
    )
    last_values = {
        "assessments.within_45_working_days_share": 0.72,  # green against 70% at June's end
        "workforce.agency_share": 0.12,  # amber
        "supervision.within_interval_share": 0.97,  # green then and now: not listed
        "referrals.rereferral_share": "[c]",
    }  # withheld then: not listed
    changes = target_changes(now, pack("2025-06-30", {}), last_values, targets)
    assert changes == [
        Change("Assessments completed within 45 working days", "target newly missed (amber): 72% then, 78% now"),
        Change("Agency share of social-work FTE", "target newly met: 12% then, 10% now"),
    ]


def test_the_glossary_holds_only_the_terms_the_pack_uses():
    page = "<style>.SPC{}</style><p>ICPCs held within 15 days; [c] withheld; 3 S47 enquiries</p><p title='NEET'>FTE &amp; headcount</p>"
    text = visible_text(page)
    assert "SPC" not in text and "NEET" not in text
    assert [term.term for term in glossary(text)] == ["[c]", "FTE", "Headcount", "ICPC", "S47"]
