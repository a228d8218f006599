"""Ofsted's Annex A codes, spelt as its template spells them, with made-up but plausible weights.

The simulation draws a child's gender, ethnicity, disability, need and the like from these with
:func:`~readiness.demo.draws.pick`; the shares are invented, the codes are Ofsted's.
"""

from __future__ import annotations

YES, NO, UNKNOWN = "a) Yes", "b) No", "c) Unknown"
UNALLOCATED = "Unallocated"

# Ofsted's codes with made-up but plausible weights.
GENDERS = {"a) Male": 50, "b) Female": 48.5, "c) Not stated/recorded": 1.2, "d) Neither": 0.3}
ETHNICITIES = {
    "a) WBRI": 66,
    "b) WIRI": 1,
    "c) WIRT": 0.3,
    "d) WOTH": 5,
    "e) WROM": 0.7,
    "f) MWBC": 2,
    "g) MWBA": 1,
    "h) MWAS": 1.5,
    "i) MOTH": 2.5,
    "j) AIND": 2.5,
    "k) APKN": 4,
    "l) ABAN": 1.5,
    "m) AOTH": 1.5,
    "n) BCRB": 1.5,
    "o) BAFR": 3,
    "p) BOTH": 1,
    "q) CHNE": 0.4,
    "r) OOTH": 1.5,
    "s) REFU": 0.3,
    "s) NOBT": 0.5,
}
SOURCES = {
    "a) 1A: Individual": 5,
    "b) 1B: Individual": 2,
    "c) 1C: Individual": 1,
    "d) 1D: Individual": 2,
    "e) 2A: Schools": 18,
    "f) 2B: Education services": 3,
    "g) 3A: Health services": 3,
    "h) 3B: Health services": 3,
    "i) 3C: Health services": 4,
    "j) 3D: Health services": 1,
    "k) 3E: Health services": 2,
    "l) 3F: Health services": 1,
    "m) 4: Housing": 3,
    "n) 5A: LA services": 3,
    "o) 5B: LA services": 3,
    "p) 5C: LA services": 2,
    "q) 6: Police": 28,
    "r) 7: Other legal agency": 4,
    "s) 8: Other": 5,
    "t) 9: Anonymous": 2,
    "u) 10: Unknown": 2,
}
DISABILITIES = {YES: 8, NO: 88, UNKNOWN: 4}
NEEDS = {
    "N1 - Abuse or neglect": 56,
    "N2 - Child\u2019s disability": 8,
    "N3 - Parental disability or illness": 5,
    "N4 - Family in acute stress": 8,
    "N5 - Family dysfunction": 16,
    "N6 - Socially unacceptable behaviour": 3,
    "N7 - Low income": 1,
    "N8 - Absent parenting": 1.5,
    "N9 - Cases other than children in need": 0.5,
    "N0 - Not stated": 1,
}
CLOSURE_REASONS = {
    "RC1 - Adopted": 1,
    "RC2 - Died": 0.2,
    "RC3 - Child arrangements order": 3,
    "RC4 - Special guardianship order": 3,
    "RC5 - Transferred to services of another local authority": 5,
    "RC6 - Transferred to adult social care services": 2,
    "RC7 - Services ceased for any other reason, including child no longer in need": 60,
    "RC8 - Case closed after assessment, no further action": 26,
}
OPEN_STATUSES = {"a) Looked after child": 22, "c) Child in need plan": 72, "d) Open assessment": 6}
CATEGORIES = {"a) Neglect": 50, "b) Physical abuse": 8, "c) Sexual abuse": 4, "d) Emotional abuse": 35, "e) Multiple/not recommended": 3}
