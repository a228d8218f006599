"""Every code table: the accepted spellings of each coded column and the code each becomes.

Values are matched after :func:`readiness.readers.values.fold` and with Ofsted's letter
prefix (``a)``, ``p1)``) removed, so ``a) Yes``, ``Yes`` and ``YES`` are one value.
A spelling mapped to ``""`` is accepted but means "not known" (e.g. ``c) Unknown``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from .values import fold, per_unique

PREFIX = r"^[a-z]{1,2}\d?\)\s*"
UNKNOWN = ""


@dataclass(frozen=True)
class Codes:
    """A coded column: a table of spellings, or a pattern whose match must be one of ``allowed``."""

    describe: str
    spellings: dict[str, str] | None = None
    pattern: str | None = None
    allowed: frozenset[str] = frozenset()

    def lookup(self, text: pd.Series) -> pd.Series:
        """The code of each value; ``""`` for an accepted "unknown", ``<NA>`` when blank or not accepted."""
        return per_unique(self._lookup)(text)

    def _lookup(self, text: pd.Series) -> pd.Series:
        key = fold(text).str.replace(PREFIX, "", regex=True)
        if self.spellings is not None:
            return key.map(self.spellings).astype("string")
        found = key.str.extract(self.pattern, flags=re.IGNORECASE, expand=False).str.upper()
        return found.where(found.isin(self.allowed)).astype("string")

    def parse(self, text: pd.Series) -> pd.Series:
        """The code of each value, ``<NA>`` when blank, unknown or not accepted."""
        codes = self.lookup(text)
        return codes.mask((codes == UNKNOWN).fillna(False))


def _spellings(table: dict[str, tuple[str, ...]]) -> dict[str, str]:
    """``{code: spellings}`` as ``{folded spelling: code}``; every code is also a spelling of itself."""
    result = {}
    for code, spellings in table.items():
        for spelling in (code.replace("_", " "), *spellings):
            result[spelling] = code
    return result


def _spelled(describe: str, table: dict[str, tuple[str, ...]]) -> Codes:
    return Codes(describe, spellings=_spellings(table))


def _patterned(describe: str, pattern: str, allowed: list[str]) -> Codes:
    return Codes(describe, pattern=pattern, allowed=frozenset(allowed))


SOURCE_CODES = [
    "1A", "1B", "1C", "1D", "2A", "2B", "3A", "3B", "3C", "3D", "3E", "3F",
    "4", "5A", "5B", "5C", "5D", "6", "7", "8", "9", "10",
]  # fmt: skip
ETHNICITY_CODES = [
    "WBRI", "WIRI", "WIRT", "WOTH", "WROM", "MWBC", "MWBA", "MWAS", "MOTH", "AIND",
    "APKN", "ABAN", "AOTH", "BCRB", "BAFR", "BOTH", "CHNE", "OOTH", "REFU", "NOBT",
]  # fmt: skip

SOURCE = _patterned("a contact or referral source code such as '1A' or 'e) 2A: Schools'", r"^(\d{1,2}[a-f]?)(?![a-z0-9])", SOURCE_CODES)
ETHNICITY = _patterned("a four-letter DfE ethnicity code such as 'WBRI'", r"^([a-z]{4})(?![a-z])", ETHNICITY_CODES)
PRIMARY_NEED = _patterned("a primary need code 'N0' to 'N9'", r"^(n\d)(?![0-9])", [f"N{i}" for i in range(10)])
CLOSURE_REASON = _patterned("a reason for closure 'RC1' to 'RC8'", r"^(rc\d)(?![0-9])", [f"RC{i}" for i in range(1, 9)])

YES_NO = _spelled(
    "Yes, No or Unknown (also Y/N, true/false)",
    {"yes": ("y", "true"), "no": ("n", "false"), UNKNOWN: ("unknown",)},
)
GENDER = _spelled(
    "Male, Female, Not stated/recorded or Neither",
    {"male": (), "female": (), "not_stated": ("not stated/recorded", "not stated", "not recorded"), "neither": ()},
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
        "multiple": ("multiple/not recommended", "multiple/not recommended abuse"),
    },
)
GRADE = _spelled(
    "a grade: Outstanding, Good, Requires improvement or Inadequate",
    {
        "outstanding": (),
        "good": (),
        "requires_improvement": ("requires improvement to be good", "ri"),
        "inadequate": (),
    },
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
