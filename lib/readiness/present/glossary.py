"""The pack's glossary: every abbreviation and term the pack uses, and only those, in plain words."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Term:
    """A glossary entry: the term as listed, its explanation, and the pattern that finds it in the pack's text."""

    term: str
    meaning: str
    pattern: str

    def used_in(self, text: str) -> bool:
        return re.search(self.pattern, text) is not None


TERMS = (
    Term(
        "Annex A",
        "The lists of children's records (contacts, referrals, assessments, plans, children in care, care leavers and more) that Ofsted asks a council for before an inspection.",
        r"\bAnnex A\b",
    ),
    Term(
        "Snapshot", 'The date a figure "at" a date is counted on, such as children open on the day the data was taken.', r"(?i)\bsnapshot\b"
    ),
    Term(
        "[c]",
        "A number withheld because it rests on so few children or records that someone could be recognised from it (or it would let another such number be worked out).",
        r"\[c\]",
    ),
    Term(
        "Rounded numbers",
        "In the published edition every count is rounded to the nearest {round_to} (0 stays 0), each total on its own, so a total need not equal the sum of its rounded parts.",
        r"(?i)\brounded to the nearest\b",
    ),
    Term(
        "SPC",
        "Statistical process control: reading a monthly series against its own usual range (its process limits) to tell a real change from normal month-to-month variation, as NHS England's Making Data Count does.",
        r"\bSPC\b|(?i:process limits)",
    ),
    Term(
        "Common cause",
        "Month-to-month variation within a figure's usual range: no change large enough to rule out chance.",
        r"(?i)\bcommon[- ]cause\b",
    ),
    Term(
        "Special cause",
        "A change large enough to rule out chance: a month outside the usual range, or a run or trend of months. An improvement or a concern by the figure's better direction.",
        r"(?i)\bspecial[- ]cause\b",
    ),
    Term(
        "Hit and miss",
        "A target inside a figure's usual range: it will be met in some months and missed in others without any real change.",
        r"(?i)\bhit and miss\b",
    ),
    Term(
        "XmR chart",
        "The SPC chart of a monthly series: each month's value with the centre line and the process limits of its usual range.",
        r"\bXmR\b",
    ),
    Term("RAG", "Red, amber, green: a figure's rating against the target the Board set.", r"\bRAG\b"),
    Term(
        "ICPC",
        "Initial child protection conference: the meeting that decides whether a child needs a child protection plan.",
        r"\bICPCs?\b",
    ),
    Term(
        "S47",
        "A section 47 enquiry (Children Act 1989): the council's enquiry when it suspects a child is suffering, or likely to suffer, significant harm.",
        r"\bS47\b|(?i:section 47)",
    ),
    Term(
        "NFA",
        "No further action: a contact or referral closed without the council's further involvement.",
        r"\bNFA\b|(?i:no further action)",
    ),
    Term(
        "UASC",
        "Unaccompanied asylum-seeking children: children seeking asylum in the UK without a parent or carer.",
        r"\bUASC\b|(?i:unaccompanied asylum)",
    ),
    Term("IRO", "Independent reviewing officer: chairs a child in care's reviews and checks the plan for them is followed.", r"\bIROs?\b"),
    Term("EET", "In education, employment or training.", r"\bEET\b|(?i:\bin education, employment or training)"),
    Term("NEET", "Not in education, employment or training.", r"\bNEET\b|(?i:not in education, employment or training)"),
    Term("FTE", "Full-time equivalent: staff counted by their hours, so two half-time workers are one FTE.", r"\bFTE\b"),
    Term("Headcount", "Staff counted as people, whatever their hours.", r"(?i)\bheadcount\b"),
    Term(
        "CIN",
        "Child in need: a child the council supports under section 17 of the Children Act 1989; also DfE's yearly census of them.",
        r"\bCIN\b",
    ),
    Term("SSDA903", "DfE's yearly return on every child in care and care leaver.", r"\bSSDA903\b"),
    Term("DfE", "The Department for Education, which publishes each council's children's social care statistics.", r"\bDfE\b"),
    Term("LAIT", "DfE's Local Authority Interactive Tool: councils' published figures side by side.", r"\bLAIT\b"),
    Term(
        "Statistical neighbours",
        "The ten councils DfE's model finds most like this one, whose published values are averaged for comparison.",
        r"(?i)\bstatistical[- ]neighbours?\b",
    ),
    Term(
        "NHS England",
        "The body that leads the NHS in England; its Making Data Count guidance is how this pack reads monthly figures.",
        r"\bNHS\b",
    ),
    Term("ILACS", "Ofsted's inspection of local authority children's services.", r"\bILACS\b"),
    Term("FFA", "Fostering for adoption: a child placed with carers approved to adopt them, before the court's decision.", r"\bFFA\b"),
    Term("MASH", "Multi-agency safeguarding hub: where contacts about a child's safety are decided with police and health.", r"\bMASH\b"),
    Term("RI", "Requires improvement: Ofsted's grade between good and inadequate, used for audit grades too.", r"\bRI\b"),
    Term("LA", "Local authority: the council.", r"\bLA\b"),
    Term("HR", "Human resources: the council's staff records.", r"\bHR\b"),
    Term(
        "A1 and A2",
        "DfE's adoption scorecard measures: days from entering care to moving in with the adoptive family (A1), and from the placement order to the match (A2).",
        r"\bA[12]\b",
    ),
    Term("Trajectory", "Targets that step up over time, each in force from its date.", r"(?i)\btrajector(y|ies)\b"),
)


def visible_text(page: str) -> str:
    """The words of an HTML page a reader sees: no styles, scripts or tags, entities decoded."""
    page = re.sub(r"(?is)<(style|script|head)\b.*?</\1>", " ", page)
    return html.unescape(re.sub(r"(?s)<[^>]+>", " ", page))


def glossary(text: str, round_to: int = 5) -> list[Term]:
    """The terms the pack's ``text`` uses, and those their own explanations use, in alphabetical order; ``round_to`` is
    what a published edition rounds counts to."""
    terms = [Term(t.term, t.meaning.replace("{round_to}", str(round_to)), t.pattern) for t in TERMS]
    chosen: list[Term] = []
    while True:
        found = [t for t in terms if t.used_in(" ".join([text, *(c.meaning for c in chosen)]))]
        if len(found) == len(chosen):
            return sorted(found, key=lambda term: term.term.strip("[]").lower())
        chosen = found
