"""A claim of change in the commentary gets a note when the SPC chart of the figure it names shows common cause."""

from readiness.present.claims import claim_notes, claims_a_change, mentioned, unsupported_claims

NAMES = {
    "audits.routine.good_or_better_share": ["Routine audits graded good or better", "Good or better audits"],
    "assessments.within_45_working_days_share": ["Assessments completed within 45 working days"],
    "contacts.count": ["Contacts"],
}
COMMENTARY = (
    "**Service manager's commentary.** Audit grades have improved steadily since the practice standards were relaunched "
    "in the spring. Child Protection West remains the outlier."
)


def test_claim_words_are_whole_words():
    assert claims_a_change("Grades have improved steadily.") and claims_a_change("Contacts fell in May.")
    assert not claims_a_change("Timeliness is close to the England average.")
    assert not claims_a_change("Most await a partner agency's information.")


def test_a_sentence_mentions_the_figures_sharing_most_words_with_their_names():
    # "Audit grades": audit and grade (5 letters) meet "Routine audits graded …" (2 words); none of the others
    assert mentioned("Audit grades have improved steadily.", NAMES) == ["audits.routine.good_or_better_share"]
    assert mentioned("Contacts fell.", NAMES) == ["contacts.count"]  # a one-word name counts whole
    assert mentioned("Practice standards were relaunched.", NAMES) == []


def test_a_claim_about_a_common_cause_figure_gets_the_note_others_do_not():
    variation = {"audits.routine.good_or_better_share": "common_cause", "assessments.within_45_working_days_share": "improvement"}
    assert unsupported_claims(COMMENTARY, NAMES, variation.get) == [
        (
            "Audit grades have improved steadily since the practice standards were relaunched in the spring.",
            ["audits.routine.good_or_better_share"],
        )
    ]
    assert claim_notes(COMMENTARY, NAMES, variation.get) == (
        "*Note: Routine audits graded good or better — the chart shows no change beyond normal variation yet.*"
    )
    assert claim_notes("Assessments completed within 45 working days have improved.", NAMES, variation.get) == ""  # special cause
    assert claim_notes("Contacts fell in May.", NAMES, {"contacts.count": None}.get) == ""  # no reading: nothing to contradict
    assert claim_notes("Audit grades are steady.", NAMES, variation.get) == ""  # no claim
