"""Every code table: the accepted spellings of each coded column and the code each becomes.

Values are matched after :func:`readiness.inputs.values.fold` and with Ofsted's letter
prefix (``a)``, ``p1)``) removed, so ``a) Yes``, ``Yes`` and ``YES`` are one value; dashes
and colons between words are one separator (``Health services: GP`` = ``Health services - GP``).
A spelling mapped to ``""`` is accepted but means "not known" (e.g. ``c) Unknown``).
A table may have both spellings (system words, descriptions) and a pattern (codes such as
``e) 2A: Schools``): the spellings are tried first. Where each spelling comes from is in
``docs/data-model.md`` (*System words*).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from .values import FOLD, SPACES, per_unique

PREFIX = r"^[a-z]{1,2}\d?\)\s*"
SEPARATOR = r"\s*[-:\u2013\u2014]\s*"
NOT_COMPACT = r"[^a-z0-9]"
"""What a compact key leaves out of a spelling key: all but its letters and digits."""
UNKNOWN = ""
_PREFIX, _SEPARATOR, _SPACES = re.compile(PREFIX, re.ASCII), re.compile(SEPARATOR, re.ASCII), re.compile(SPACES)


@per_unique
def spelling_key(text: pd.Series) -> pd.Series:
    """Folded text without the letter prefix, separators as `` - ``: what spellings are matched on."""
    return text.map(key_of, na_action="ignore").astype("string")


def compact_key(text: pd.Series) -> pd.Series:
    """A spelling's letters and digits only: ``CS - Close Case`` and ``cs close case`` are one word."""
    return spelling_key(text).str.replace(NOT_COMPACT, "", regex=True)


def key_of(value: str) -> str:
    """:func:`spelling_key` of one value, in Python: a column has few distinct values, and each of pandas' string
    methods costs more per call than Python's per value (``\\d`` and ``\\s`` read as ASCII, as pyarrow reads them)."""
    folded = _SPACES.sub(" ", value.translate(FOLD)).strip().lower()
    return _SEPARATOR.sub(" - ", _PREFIX.sub("", folded, count=1))


@dataclass(frozen=True)
class Codes:
    """A coded column: a table of spellings, and/or a pattern whose match must be one of ``allowed``."""

    describe: str
    spellings: dict[str, str] | None = None
    pattern: str | None = None
    allowed: frozenset[str] = frozenset()
    words: dict[str, str] | None = None  # matched letters and digits only: spaces and punctuation tolerated

    def lookup(self, text: pd.Series) -> pd.Series:
        """The code of each value; ``""`` for an accepted "unknown", ``<NA>`` when blank or not accepted."""
        return per_unique(self._lookup)(text)

    def _lookup(self, text: pd.Series) -> pd.Series:
        return pd.Series([self.code_of(value) for value in text.tolist()], index=text.index, dtype="string")

    def code_of(self, value: str) -> str | None:
        """The code of one (non-blank) value: by its spelling, else by the pattern, else by its letters and digits."""
        key = key_of(value)
        if self.spellings is not None and key in self.spellings:
            return self.spellings[key]
        found = re.search(self.pattern, key, flags=re.IGNORECASE) if self.pattern is not None else None
        if found is not None and found.group(1) is not None and found.group(1).upper() in self.allowed:
            return found.group(1).upper()
        return None if self.words is None else self.words.get(re.sub(NOT_COMPACT, "", key))

    def parse(self, text: pd.Series) -> pd.Series:
        """The code of each value, ``<NA>`` when blank, unknown or not accepted."""
        codes = self.lookup(text)
        return codes.mask((codes == UNKNOWN).fillna(False))


def _spellings(table: dict[str, tuple[str, ...]]) -> dict[str, str]:
    """``{code: spellings}`` as ``{spelling key: code}``; every code is also a spelling of itself (keys made in one go:
    the module is read at every start-up)."""
    pairs = [(spelling, code) for code, spellings in table.items() for spelling in (code.replace("_", " "), *spellings)]
    keys = spelling_key(pd.Series([spelling for spelling, _ in pairs], dtype="string"))
    return dict(zip(keys, (code for _, code in pairs)))


def _spelled(describe: str, table: dict[str, tuple[str, ...]]) -> Codes:
    return Codes(describe, spellings=_spellings(table))


def _patterned(describe: str, pattern: str, allowed: list[str], words: dict[str, tuple[str, ...]] | None = None) -> Codes:
    return Codes(describe, spellings=_spellings(words) if words else None, pattern=pattern, allowed=frozenset(allowed))


def _numbered(letters: str, numbers) -> list[str]:
    return [f"{letters}{n}" for n in numbers]


SOURCE_CODES = [
    "1A", "1B", "1C", "1D", "2A", "2B", "3A", "3B", "3C", "3D", "3E", "3F",
    "4", "5A", "5B", "5C", "5D", "6", "7", "8", "9", "10",
]  # fmt: skip
ETHNICITY_CODES = [
    "WBRI", "WIRI", "WIRT", "WOTH", "WROM", "MWBC", "MWBA", "MWAS", "MOTH", "AIND",
    "APKN", "ABAN", "AOTH", "BCRB", "BAFR", "BOTH", "CHNE", "OOTH", "REFU", "NOBT",
]  # fmt: skip

SOURCE_GROUP_CODES = ["1", "2", "3", "5"]  # a word that tells only the group: individuals, schools and education, health, LA services
SOURCE_WORDS = {
    # DfE CIN census source codes, by the descriptions of Ofsted's Codes_used sheet and by the
    # plain words case-management systems export (docs/data-model.md, *System words*).
    "1A": ("individual - family member", "individual - relative", "family member", "relative", "family", "parent", "carer", "grandparent"),
    "1B": ("individual - acquaintance", "acquaintance", "neighbour", "neighbor", "friend", "childminder", "child minder"),
    "1C": ("individual - self", "self", "self referral", "self-referral", "young person"),
    "1D": ("individual - other", "stranger", "member of the public", "member of public", "public"),
    "1": ("individual", "individuals"),
    "2A": ("schools", "school", "teacher"),
    "2B": ("education services", "education service", "education welfare", "education welfare service"),
    "2": ("education", "schools and education"),
    "3A": ("health services - gp", "gp", "general practitioner", "doctor"),
    "3B": ("health services - health visitor", "health visitor"),
    "3C": ("health services - school nurse", "school nurse"),
    "3D": ("health services - other primary health services", "other primary health services", "primary health"),
    "3E": ("health services - a&e", "a&e", "a & e", "accident and emergency", "emergency department"),
    "3F": ("health services - other", "hospice"),
    "3": ("health services", "health", "hospital", "nhs", "midwife", "midwifery", "camhs", "mental health"),
    "4": ("housing", "housing association", "housing provider"),
    "5A": ("la services - social care", "adult social care", "adults social care"),
    "5B": ("la services - other internal", "youth offending", "youth offending team", "yot", "youth justice"),
    "5C": ("la services - external", "another local authority", "other local authority", "other la"),
    "5D": ("la services - early help", "early help", "early help service"),
    "5": ("la services", "local authority", "la", "council", "social care", "children's social care"),
    "6": ("police",),
    "7": ("other legal agency", "legal agency", "court", "courts", "probation", "cafcass", "prison", "immigration"),
    "8": ("other", "voluntary organisation", "voluntary sector", "charity", "children's centre", "childrens centre"),
    "9": ("anonymous",),
    "10": ("unknown", "not known"),
}
SOURCE = _patterned(
    "a contact or referral source: a DfE code such as '2A' or 'e) 2A: Schools', or a word such as 'Police' or 'GP'",
    r"^(\d{1,2}[a-f]?)(?![a-z0-9])",
    SOURCE_CODES + SOURCE_GROUP_CODES,
    SOURCE_WORDS,
)
ETHNICITY = _patterned("a four-letter DfE ethnicity code such as 'WBRI'", r"^([a-z]{4})(?![a-z])", ETHNICITY_CODES)
PRIMARY_NEED = _patterned("a primary need code 'N0' to 'N9'", r"^(n\d)(?![0-9])", [f"N{i}" for i in range(10)])
CLOSURE_REASON = _patterned("a reason for closure 'RC1' to 'RC9'", r"^(rc\d)(?![0-9])", _numbered("RC", range(1, 10)))

YES_NO = _spelled(
    "Yes, No or Unknown (also Y/N, 1/0, true/false)",
    {"yes": ("y", "true", "1"), "no": ("n", "false", "0"), UNKNOWN: ("unknown", "not known", "u")},
)
OUTCOME_WORDS = {
    "yes": ("Open to CIN", "Open to CP", "Open to CLA"),
    "no": ("NFA", "Close case", "CS Close Case", "Step down to early help"),
}
"""Assessment outcomes case-management systems export in a Yes/No column (List 4's *requiring LA children's social
care support*): an open case is support, a closure or step-down is none. Any other outcome word (``CS Assessment
Updated``) says neither, so it is unreadable unless the parameters' ``codes`` map it."""
OUTCOME = Codes(
    "Yes, No or Unknown (also Y/N, 1/0, true/false), or an outcome: Open to CIN, Open to CP or Open to CLA (Yes); "
    "NFA, Close case, CS Close Case or Step down to early help (No)",
    spellings=YES_NO.spellings,
    words={compact_key(pd.Series([word], dtype="string")).iloc[0]: code for code, words in OUTCOME_WORDS.items() for word in words},
)
GENDER = _spelled(
    "Male, Female, Not stated/recorded or Neither (also M/F/U and the CIN census digits 1, 2, 0, 9)",
    {
        "male": ("m", "1"),
        "female": ("f", "2"),
        "not_stated": ("not stated/recorded", "not stated", "not recorded", "not known", "unknown", "u", "0", "9"),
        "neither": (),
    },
)
CASE_STATUS = _spelled(
    "a Case Status such as 'a) Looked after child' or 'e) Closed episode'",
    {
        "looked_after": ("looked after child", "looked after"),
        "cp_plan": ("child protection plan",),
        "cin_plan": ("child in need plan",),
        "open_assessment": (),
        "closed": ("closed episode",),
    },
)
CATEGORY = _spelled(
    "a category of abuse: Neglect, Physical abuse, Sexual abuse, Emotional abuse or Multiple/not recommended",
    {
        "neglect": (),
        "physical": ("physical abuse",),
        "sexual": ("sexual abuse",),
        "emotional": ("emotional abuse",),
        "multiple": ("multiple/not recommended", "multiple/not recommended abuse", "multiple"),
    },
)
GRADE = _spelled(
    "a grade: Outstanding, Good, Requires improvement or Inadequate",
    {"outstanding": (), "good": (), "requires_improvement": ("requires improvement to be good", "ri"), "inadequate": ()},
)
AGENCY = _spelled(
    "an agency: social_care, police, health, education or other",
    {"social_care": ("children's social care", "csc"), "police": (), "health": (), "education": (), "other": ()},
)
ROLE = _spelled(
    "a role: social_worker, senior_practitioner, practice_supervisor, team_manager or other",
    {"social_worker": (), "senior_practitioner": (), "practice_supervisor": (), "team_manager": (), "other": ()},
)
EMPLOYMENT = _spelled("permanent or agency", {"permanent": (), "agency": ()})
ACTION_STATUS = _spelled(
    "a status: not_started, on_track, at_risk, off_track or complete",
    {"not_started": ("not yet started",), "on_track": (), "at_risk": (), "off_track": (), "complete": ("completed", "done")},
)


# --- Lists 8-11 (codes of Ofsted's Codes_used sheet, plus those added since 2019) -------------

LEGAL_STATUS = _patterned(
    "a legal status code such as 'C2' or 'C2: FCO'",
    r"^([a-z]\d)(?![a-z0-9])",
    ["C1", "C2", "D1", "E1", "V2", "V3", "V4", "L1", "L2", "L3", "J1", "J2", "J3"],
)
PERMANENCE_PLAN = _spelled(
    "a permanence plan such as 'a) Return to family' or 'b) Adoption'",
    {
        "return_to_family": (),
        "adoption": (),
        "sgo_cao": ("sgo/cao", "sgo", "special guardianship order", "child arrangements order"),
        "supported_living": ("supported living in the community",),
        "long_term_residential": ("long-term residential placement", "long term residential placement"),
        "long_term_fostering": ("long-term fostering", "long term fostering"),
        "other": (),
    },
)
REASON_CEASED = _patterned(
    "a reason ceased to be looked after such as 'E11' or 'E4A'",
    r"^(e\d{1,2}[ab]?|x1)(?![a-z0-9])",
    [
        "E11",
        "E12",
        "E2",
        "E3",
        "E4A",
        "E4B",
        "E13",
        "E41",
        "E45",
        "E46",
        "E47",
        "E48",
        "E5",
        "E6",
        "E7",
        "E9",
        "E14",
        "E15",
        "E16",
        "E8",
        "X1",
    ],
)
PLACEMENT_TYPE = _patterned(
    "an SSDA903 placement type such as 'U1' or 'K2: Children's Homes'",
    r"^([a-z]\d)(?![a-z0-9])",
    _numbered("U", range(1, 7))
    + _numbered("A", range(3, 7))
    + _numbered("P", range(1, 4))
    + ["H5", "K1", "K2", "R1", "R2", "R3", "R5", "S1", "Z1"]
    + _numbered("T", range(0, 5)),
)
PLACEMENT_PROVIDER = _patterned("a placement provider 'PR0' to 'PR5'", r"^(pr\d)(?![0-9])", _numbered("PR", range(0, 6)))
PLACEMENT_LOCATION = _spelled("In or Out (of the council's area)", {"in": ("inside",), "out": ("outside",)})
ELIGIBILITY = _spelled(
    "an eligibility category: Relevant, Former relevant, Qualifying care leaver or Eligible child",
    {
        "relevant": ("relevant child",),
        "former_relevant": ("former relevant child",),
        "qualifying": ("qualifying care leaver",),
        "eligible": ("eligible child",),
    },
)
IN_TOUCH = _spelled(
    "Yes, No, Died, Refu, NREQ or Rhom",
    {"yes": ("y",), "no": ("n",), "died": (), "refused": ("refu",), "not_required": ("nreq",), "returned_home": ("rhom",)},
)
ACCOMMODATION_TYPES = list("BCDEGHKRSTUVWXYZ")
ACCOMMODATION = _patterned(
    "an SSDA903 accommodation code such as 'B', 'D: Semi-independent…' or 'W2' (type and suitability)",
    r"^([a-z])[12]?(?![a-z0-9])",
    ACCOMMODATION_TYPES,
)
SUITABILITY = _spelled("Suitable or Unsuitable", {"suitable": ("1",), "unsuitable": ("2",)})
ACTIVITY = _patterned(
    "an activity code 'F1' to 'F5', 'P1' to 'P5', 'G4', 'G5' or 'G6'",
    r"^([fpg]\d)(?![0-9])",
    _numbered("F", range(1, 6)) + _numbered("P", range(1, 6)) + _numbered("G", range(4, 7)),
)
REASON_NO_LONGER_ADOPTION = _patterned("a reason 'RD1' to 'RD4'", r"^(rd\d)(?![0-9])", _numbered("RD", range(1, 5)))
REASON_LEFT_ADOPTION = _patterned(
    "a reason '1 - Adopter withdrew from process', '2 - Process put on hold' or '3 - Application refused'",
    r"^(\d)(?![0-9])",
    ["1", "2", "3"],
)


@per_unique
def suitability_digit(text: pd.Series) -> pd.Series:
    """The suitability an SSDA903 accommodation code carries (``W2`` → ``unsuitable``, ``D1`` → ``suitable``), else ``<NA>``."""
    digit = spelling_key(text).str.extract(r"^[a-z]([12])(?![a-z0-9])", expand=False)
    return digit.map({"1": "suitable", "2": "unsuitable"}).astype("string")
