"""Every headline figure's id, plain-English label, kind and better direction (``indicators.md``), read from the
figure registry (:mod:`.figures`, declared on the indicator functions).

``CATALOGUE`` holds the entries of themes not yet declared there; they follow the registry's.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from .figures import REGISTRY, Declared


@dataclass(frozen=True)
class Indicator:
    """How to name, format and rate one headline figure."""

    id: str
    label: str
    kind: str  # count, share, number or rate
    better: str | None  # higher, lower or None (no direction, no RAG)
    theme: str


def _theme(theme: str, *rows: tuple) -> list[Indicator]:
    return [Indicator(id_, label, kind, better, theme) for id_, label, kind, better in rows]


H, L, N = "higher", "lower", None
AGENCIES = (("social_care", "social care"), ("police", "police"), ("health", "health"), ("education", "education"))

CATALOGUE: tuple[Indicator, ...] = tuple(
    _theme(
        "Assessments",
        ("assessments.completed_count", "Assessments completed", "count", N),
        ("assessments.within_45_working_days_share", "Assessments completed within 45 working days", "share", H),
        ("assessments.median_working_days", "Median working days to complete an assessment", "number", L),
        ("assessments.open_at_snapshot", "Assessments open at the snapshot", "count", N),
        ("assessments.open_over_45_working_days", "Open assessments past 45 working days", "count", L),
        ("assessments.child_seen_share", "Completed assessments where the child was seen", "share", H),
    )
    + _theme(
        "Strategy meetings",
        ("strategy.meetings_count", "Strategy meetings held", "count", N),
        *((f"strategy.attendance_share.{a}", f"Meetings attended by {label}", "share", H) for a, label in AGENCIES),
        *((f"strategy.invited_attendance_share.{a}", f"Meetings attended by {label} when invited", "share", H) for a, label in AGENCIES),
        ("strategy.statutory_partners_share", "Meetings with social care, police and health all present", "share", H),
    )
    + _theme(
        "Front door",
        ("contacts.count", "Contacts", "count", N),
        ("referrals.count", "Referrals", "count", N),
        ("referrals.nfa_share", "Referrals with no further action", "share", L),
        ("referrals.repeat_share", "Re-referrals within 12 months", "share", L),
        ("contacts.children_referred_share", "Children with a contact who were referred", "share", N),
        ("contacts.rate_per_10k", "Contacts per 10,000 children (annual rate)", "rate", N),
        ("referrals.rate_per_10k", "Referrals per 10,000 children (annual rate)", "rate", N),
        ("s47.rate_per_10k", "Section 47 enquiries per 10,000 children (annual rate)", "rate", N),
    )
    + _theme(
        "Front door",
        ("referrals.rereferral_share", "Re-referrals within 12 months (DfE's re-referral rate)", "share", L),
        ("frontdoor.decisions_count", "Contacts decided at the front door", "count", N),
        ("frontdoor.decided_within_one_working_day_share", "Contacts decided within one working day", "share", H),
        ("frontdoor.decided_within_24_hours_share", "Contacts decided within 24 hours", "share", H),
        ("frontdoor.undecided_over_one_working_day_count", "Contacts undecided after more than one working day", "count", L),
        ("assessments.no_further_support_share", "Assessments finding no need for social-care support", "share", N),
    )
    + _theme(
        "Early help",
        ("early_help.started_count", "Early-help assessments started", "count", N),
        ("early_help.completed_count", "Early-help assessments completed", "count", N),
        ("early_help.median_days_to_complete", "Median days to complete an early-help assessment", "number", L),
        ("early_help.open_at_snapshot", "Early-help assessments open at the snapshot", "count", N),
        ("early_help.children_referred_share", "Children in early help stepped up to a referral", "share", N),
    )
    + _theme(
        "Adoption",
        ("adoption.decisions_count", "Decisions that a child should be placed for adoption", "count", N),
        ("adoption.placement_orders_count", "Placement orders", "count", N),
        ("adoption.adopted_count", "Children adopted", "count", N),
        ("adoption.entry_to_placement_days_mean", "Mean days from entering care to moving in with the adoptive family", "number", L),
        ("adoption.order_to_match_days_mean", "Mean days from placement order to match", "number", L),
        ("adoption.waiting_count", "Children waiting to be placed for adoption", "count", N),
        ("adoption.waiting_unmatched_count", "Children waiting, not yet matched", "count", L),
        ("adoption.reversed_count", "Decisions that a child should no longer be placed for adoption", "count", N),
        ("adopters.enquiries_count", "Adopter households' enquiries that went further", "count", N),
        ("adopters.approved_count", "Adopter households approved", "count", N),
        ("adopters.approval_days_median", "Median days to approve adopters", "number", L),
        ("adopters.approved_waiting_count", "Approved adopter households waiting for a match", "count", N),
    )
    + _theme(
        "Child protection",
        ("s47.count", "Section 47 enquiries started", "count", N),
        ("icpc.count", "Initial child protection conferences", "count", N),
        ("icpc.within_15_working_days_share", "ICPCs within 15 working days of the strategy discussion", "share", H),
        ("icpc.resulting_in_plan_share", "ICPCs resulting in a plan", "share", N),
        ("cp.started_count", "Child protection plans started", "count", N),
        ("cp.second_or_subsequent_share", "Plans that are a second or later plan", "share", L),
        ("cp.open_at_snapshot", "Child protection plans open at the snapshot", "count", N),
        ("cp.two_years_plus_count", "Plans open two years or more", "count", L),
        ("cp.visit_within_interval_share", "Open plans with a statutory visit within the interval", "share", H),
    )
    + _theme(
        "Children in care",
        ("cla.count_at_snapshot", "Children in care at the snapshot", "count", N),
        ("cla.rate_per_10k", "Children in care per 10,000 children", "rate", N),
        ("cla.started_count", "Children who started to be looked after", "count", N),
        ("cla.ceased_count", "Children who ceased to be looked after", "count", N),
        ("cla.second_period_share", "Starts that are a second or later period in care within 12 months", "share", L),
        ("cla.unallocated_count", "Children in care with no allocated worker", "count", L),
        ("cla.three_plus_placements_share", "Children in care with 3 or more placements in 12 months", "share", L),
        ("cla.long_term_stability_share", "Children under 16 in care 2½ years or more, in the same placement for 2 years", "share", H),
        ("cla.visit_within_interval_share", "Children in care visited within the interval", "share", H),
        ("cla.review_within_interval_share", "Children in care with a statutory review within the interval", "share", H),
        ("cla.iro_contact_within_interval_share", "Children in care with IRO contact within the interval", "share", H),
        ("cla.health_assessment_in_date_share", "Children in care a year or more with a health assessment in date", "share", H),
        ("cla.dental_check_in_date_share", "Children in care a year or more with a dental check in date", "share", H),
        ("cla.permanence_plan_share", "Children in care with a permanence plan", "share", H),
        ("cla.placed_out_of_area_share", "Children in care placed outside the council's area", "share", L),
        ("cla.foster_placement_share", "Children in care in foster placements", "share", H),
        ("cla.uasc_count", "Unaccompanied asylum-seeking children in care", "count", N),
        ("cla.missing_share", "Children in care missing from placement in the last 12 months", "share", L),
        ("cla.return_interview_offered_share", "Children missing who were offered a return interview", "share", H),
        ("cla.return_interview_accepted_share", "Children offered a return interview who accepted", "share", H),
    )
    + _theme(
        "Care leavers",
        ("care_leavers.count", "Care leavers", "count", N),
        ("care_leavers.in_touch_share", "Care leavers the council is in touch with", "share", H),
        ("care_leavers.suitable_accommodation_share", "Care leavers in suitable accommodation", "share", H),
        ("care_leavers.eet_share", "Care leavers in education, employment or training", "share", H),
        ("care_leavers.neet_share", "Care leavers not in education, employment or training", "share", L),
        ("care_leavers.bed_and_breakfast_count", "Care leavers in bed and breakfast", "count", L),
        ("care_leavers.personal_adviser_share", "Care leavers with a personal adviser", "share", H),
        ("care_leavers.pathway_plan_in_date_share", "Care leavers with a pathway plan reviewed within the interval", "share", H),
        ("care_leavers.contact_within_interval_share", "Care leavers contacted within the interval", "share", H),
    )
    + _theme(
        "Workforce and caseloads",
        ("workforce.in_post", "Social-work staff in post (headcount)", "count", N),
        ("workforce.agency_share", "Agency share of social-work FTE", "share", L),
        ("workforce.turnover_rate", "Turnover of permanent social-work staff (FTE, 12 months)", "share", L),
        ("caseload.open_children", "Children open to children's social care at the snapshot", "count", N),
        ("caseload.unallocated_count", "Open children with no allocated worker", "count", L),
        ("caseload.median", "Median caseload per allocated worker", "number", L),
        ("caseload.max", "Largest caseload", "number", L),
        ("caseload.workers_over_25_count", "Workers with more than 25 children", "count", L),
        ("caseload.workers_over_50_count", "Workers with more than 50 children", "count", L),
        ("caseload.mean_per_fte", "Children per case-holding FTE", "number", L),
        ("cin.seen_within_interval_share", "Open children seen within the interval", "share", H),
        ("supervision.within_interval_share", "Case-holding workers supervised within the interval", "share", H),
    )
)

def catalogue() -> tuple[Indicator, ...]:
    """Every headline figure with a fixed id: the registry's (a closed family's members each), then ``CATALOGUE``'s."""
    return _catalogue()


@cache
def _catalogue() -> tuple[Indicator, ...]:
    entries = []
    for d in REGISTRY.declared():
        if d.series or (d.family and d.members is None):
            _PLACES.setdefault(d.id, len(entries))
            continue
        if d.family:
            entries += [Indicator(f"{d.id}.{name}", d.label.format(m.words), d.kind, m.better, d.theme) for name, m in d.members.items()]
        else:
            entries.append(Indicator(d.id, d.label, d.kind, d.better, d.theme))
    return (*entries, *CATALOGUE)


_PLACES: dict[str, int] = {}
"""Where an open family stands: the place of the entry declared after it."""


@cache
def _by_id() -> dict[str, Indicator]:
    return {indicator.id: indicator for indicator in catalogue()}


@cache
def _places() -> dict[str, int]:
    return {indicator.id: i for i, indicator in enumerate(catalogue())}


def order(figure_id: str) -> tuple[int, str]:
    """A figure's place in the catalogue, then its id: an open family's members at the family's place, in id
    order before the entry declared after it; ids not catalogued last."""
    family = _open_family(figure_id)
    place = _PLACES[family.id] if family is not None else _places().get(figure_id, len(_places()))
    return (place, figure_id)


def is_indicator(figure_id: str) -> bool:
    """Whether ``figure_id`` names a headline figure: a catalogued id, or a member of a family whose members the data
    names (``audits.domain_good_or_better_share.<domain>``, one per ``domain_<name>`` column of the audits)."""
    return figure_id in _by_id() or _open_family(figure_id) is not None


def _open_family(figure_id: str) -> Declared | None:
    declared = REGISTRY.find(figure_id)
    return declared if declared is not None and declared.family and declared.members is None else None


def describe(figure_id: str) -> Indicator:
    """The catalogue entry for an id; a member of an open family is described from its name, other ids from theirs."""
    if figure_id in _by_id():
        return _by_id()[figure_id]
    family = _open_family(figure_id)
    if family is not None:
        words = figure_id.rsplit(".", 1)[1].replace("_", " ")
        return Indicator(figure_id, family.label.format(words), family.kind, family.better, family.theme)
    kind = "share" if "share" in figure_id or figure_id.endswith("_rate") else "count"
    return Indicator(figure_id, figure_id, kind, None, "Other")


def phrase(figure_id: str, where: str) -> str:
    """How a page names a figure ``where`` is ``"sentence"`` (a headline sentence) or ``"chart"`` (a chart's title):
    the phrase its declaration gives for it, else its label."""
    declared = REGISTRY.find(figure_id)
    given = None if declared is None else {"sentence": declared.in_sentence, "chart": declared.on_chart}[where]
    return given or describe(figure_id).label
