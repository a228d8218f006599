"""Every id of the indicator contract is in the demo pack's figures.json, and in the catalogue."""

from __future__ import annotations

import json
import re

import pytest
from conftest import SHARED

from readiness.config.catalogue import catalogue

INDICATORS = SHARED / "spec" / "indicators.md"
AGENCIES = ("social_care", "police", "health", "education")
DEMO_DOMAINS = ("voice_of_child", "assessment", "planning", "management_oversight")
# Placeholders whose values the contract fixes; others (<team>, <group>, <auditor_role>, <check>) depend on the data
# and are families, checked by their own tests.
PLACEHOLDERS = {
    "<agency>": AGENCIES,
    "<domain>": DEMO_DOMAINS,
    "<grade>": ("outstanding", "good", "requires_improvement", "inadequate"),
    "<figure>": ("in_touch_share", "suitable_accommodation_share", "eet_share", "neet_share"),
}
# Version 4 ids of issues still open (#23 definitions, #26 mock inspection, #27 statutory returns). An id leaves this
# set in the commit that implements it: the last test fails while an implemented id is still listed, so it only shrinks.
PENDING_V4: set[str] = set()


def expanded(name: str) -> set[str]:
    """``name`` with each placeholder of PLACEHOLDERS replaced by each of its values."""
    for placeholder, values in PLACEHOLDERS.items():
        if placeholder in name:
            return {full for value in values for full in expanded(name.replace(placeholder, value))}
    return {name}


def alternatives(ids: set[str], segment: str) -> set[str]:
    """``ids`` with the segment that starts as ``segment`` does (up to its first ``_``) replaced by it: "(and
    `age_17_18`)" after `care_leavers.dfe.age_19_21.in_touch_share`."""
    prefix = segment.split("_")[0] + "_"
    return {".".join(segment if part.startswith(prefix) else part for part in i.split(".")) for i in ids}


def contract_ids() -> set[str]:
    """Ids from the first column of the contract's tables, with `.suffix` shorthands (``, `.b` and `.c``: siblings
    of the first id; "(and `age_17_18`)" for the same ids at another age) and the fixed placeholders expanded; families over data-dependent placeholders left out."""
    ids = set()
    for cell in re.findall(r"^\| (`[^|]*) \|", INDICATORS.read_text(encoding="utf-8"), flags=re.M):
        names = [name for name in re.findall(r"`([^`]+)`", cell) if "." in name]
        stem = names[0].rsplit(".", 1)[0]
        cell_ids = {full for name in names for full in expanded(stem + name if name.startswith(".") else name)}
        ids |= cell_ids | {i for other in re.findall(r"\(and `([^`.]+)`\)", cell) for i in alternatives(cell_ids, other)}
    return {i for i in ids if "<" not in i and ".monthly." not in i and ".domain_good_or_better_share." not in i}


@pytest.fixture(scope="module")
def ids() -> set[str]:
    if not INDICATORS.exists():
        pytest.skip(f"the indicator contract is not at {INDICATORS} (../shared is absent)")
    return contract_ids()


def test_the_contract_is_parsed(ids):
    assert {"audits.grade_share.inadequate", "strategy.attendance_share.police", "caseload.max", "s47.rate_per_10k"} <= ids
    assert len(ids) >= 60


def test_every_contract_id_is_in_the_demo_figures(ids, demo_pack):
    figures = json.loads((demo_pack / "figures.json").read_text(encoding="utf-8"))["figures"]
    assert sorted(ids - set(figures) - PENDING_V4) == []


def test_every_headline_id_has_a_label(ids):
    catalogued = {indicator.id for indicator in catalogue()}
    assert sorted(ids - catalogued - PENDING_V4) == []


def test_pending_ids_are_in_the_contract_and_not_yet_catalogued(ids):
    catalogued = {indicator.id for indicator in catalogue()}
    assert sorted(PENDING_V4 - ids) == []
    assert sorted(PENDING_V4 & catalogued) == []
