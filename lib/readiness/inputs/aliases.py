"""Other names real exports give Annex A's lists and columns: one table, read by :mod:`.annex_a_tables`.

Data to Insight's Standard Safeguarding Dataset (SSD) writes Annex A as ``AA_1_contacts`` …
``AA_11_adopters`` (CSV files or sheets) with camel-case headings, from its SQL scripts' column
aliases (``ssd-data-model``, ``annex_a`` tools; ``LoookedAfterStartDate`` is spelt there with
three o's). Each heading below finds the column of the same list whose name it maps to, besides
Ofsted's own heading; headings are compared as every heading is (case and spacing aside). Columns
the SSD writes and no figure reads (``ChildUniqueID2``, ``ProtectionLastSixMonths``) are ignored
like any extra column.
"""

from __future__ import annotations

COMMON = {
    "child_id": ("ChildUniqueID",),
    "date_of_birth": ("DateOfBirth",),
    "disability": ("HasDisability",),
    "team": ("AllocatedTeam",),
    "worker": ("AllocatedWorker",),
    "family_id": ("FamilyIdentifier",),
}
"""Column name → SSD headings, on every list that has the column."""

SSD_HEADINGS: dict[int, dict[str, tuple[str, ...]]] = {
    1: {"contact_date": ("DateOfContact",), "contact_source": ("ContactSource",)},
    2: {
        "assessment_start": ("AssessmentStartDate",),
        "assessment_completion": ("AssessmentCompletionDate",),
        "organisation": ("OrganisationCompletingAssessment",),
    },
    3: {
        "referral_date": ("ReferralDate",),
        "referral_source": ("ReferralSource",),
        "referral_nfa": ("ReferralNFA",),
        "referrals_last_12m": ("ReferralsLast12Months",),
    },
    4: {
        "assessment_start": ("ContinuousAssessmentStart",),
        "child_seen": ("ContinuousAssessmentChildSeen",),
        "authorisation_date": ("ContinuousAssessmentAuthDate",),
        "requires_support": ("CSCSupportRequired",),
    },
    5: {
        "strategy_date": ("StratDiscussionDate",),
        "icpc_unnecessary": ("InitialCPConfUnnecessary",),
        "icpc_date": ("InitialCPConfDate",),
        "icpc_plan": ("CPConfResultInCPPlan",),
        "s47_last_12m": ("NumberS47s12m",),
        "icpcs_last_12m": ("NumberICPCs12m",),
    },
    6: {
        "cin_start": ("CINStartDate",),
        "primary_need": ("PrimaryNeedCode",),
        "last_seen": ("DateChildLastSeen",),
        "cin_closure": ("CINClosureDate",),
        "closure_reason": ("ReasonForClosure",),
        "case_status": ("CaseStatus",),
    },
    7: {
        "cp_start": ("ChildProtectionPlanStartDate",),
        "initial_category": ("InitialCategoryOfAbuse",),
        "latest_category": ("LatestCategoryOfAbuse",),
        "last_visit": ("DateOfLastStatutoryVisit",),
        "seen_alone": ("ChildSeenAlone",),
        "latest_review": ("DateOfLatestReviewConf",),
        "cp_end": ("ChildProtectionPlanEndDate",),
        "previous_plans": ("NumberOfPreviousChildProtectionPlans",),
    },
    8: {
        "uasc": ("UASC",),
        "looked_after_start": ("LoookedAfterStartDate", "LookedAfterStartDate"),
        "category_of_need": ("ChildCategoryOfNeed",),
        "second_period": ("SubsequentLACEpisodeLast12Months",),
        "legal_status_start": ("MostRecentLegalStatusStart",),
        "legal_status": ("LegalStatus",),
        "latest_review": ("LatestStatutoryReviewDate",),
        "last_visit": ("LastSocialWorkVisitDate",),
        "permanence_plan": ("PermanencePlan",),
        "last_iro_contact": ("LastIROVisitDate",),
        "last_health_assessment": ("LastHealthAssessmentDate",),
        "last_dental_check": ("LastDentalCheckDate",),
        "placements_last_12m": ("PlacementsLast12Months",),
        "looked_after_end": ("CeasedLookedAfterDate",),
        "reason_ceased": ("ReasonCeasedLookedAfter",),
        "placement_start": ("MostRecentPlacementStartDate",),
        "placement_type": ("PlacementType",),
        "placement_provider": ("PlacementProvider",),
        "placement_postcode": ("PlacementPostcode",),
        "placement_urn": ("PlacementURN",),
        "missing_episodes": ("EpisodesChildMissingFromPlacement",),
        "absent_episodes": ("EpisodesChildAbsentFromPlacement",),
        "return_interview_offered": ("ChildOfferedReturnInterviewAfterLastMFH",),
        "return_interview_accepted": ("ChildAcceptedReturnInterviewAfterLastMFH",),
    },
    9: {
        "uasc": ("UASC",),
        "personal_advisor": ("AllocatedPersonalAdvisor",),
        "eligibility": ("EligibilityCategory",),
        "pathway_plan_review": ("LatestPathwayPlan",),
        "in_touch": ("LAInTouch",),
        "latest_contact": ("LatestContact",),
        "accommodation": ("TypeOfAccommodation",),
        "suitability": ("SuitabilityOfAccommodation",),
        "activity": ("ActivityStatus",),
    },
    10: {
        "entered_care": ("EnteredCareDate",),
        "placement_decision": ("ADMSHOBPADecisionDate",),
        "placement_order": ("PlacementOrderDate",),
        "matched": ("MatchedForAdoptionDate",),
        "placed": ("PlacedForAdoptionDate",),
        "adoption_order": ("AdoptionOrderDate",),
        "no_longer_decision": ("DecisionReversedDate",),
        "no_longer_reason": ("DecisionReversedReason",),
        "ffa_placed": ("DateFFAConsurrencyPlacement",),
    },
    11: {
        "adopter_id": ("AdopterIdentifier",),
        "fostering_for_adoption": ("AdoptedByCarer",),
        "enquiry": ("EnquiryDate",),
        "stage_1_start": ("Stage1StartDate",),
        "stage_1_end": ("Stage1EndDate",),
        "stage_2_start": ("Stage2StartDate",),
        "stage_2_end": ("Stage2EndDate",),
        "application_submitted": ("ApplicationDate",),
        "application_approved": ("ApplicationApprDate",),
        "matched": ("MatchedDate",),
        "placed": ("PlacedDate",),
        "children_placed": ("NumSiblingsPlaced",),
        "adoption_order": ("AdoptionOrderDate",),
        "left_process": ("AdoptionLeaveDate",),
        "left_reason": ("AdoptingLeaveReason",),
    },
}
"""List number → column name → the SSD's headings for it."""


def aliases(number: int, column: str) -> tuple[str, ...]:
    """The other headings that find ``column`` of list ``number``."""
    return COMMON.get(column, ()) + SSD_HEADINGS.get(number, {}).get(column, ())
