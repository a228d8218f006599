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


def contract_ids() -> set[str]:
    """Ids from the first column of the contract's tables, with `.suffix` shorthands and placeholders expanded."""
    ids = set()
    for cell in re.findall(r"^\| (`[^|]*`) \|", INDICATORS.read_text(encoding="utf-8"), flags=re.M):
        names = re.findall(r"`([^`]+)`", cell)
        stem = names[0].rsplit(".", 1)[0]
        for name in names:
            full = stem + name if name.startswith(".") else name
            if "<agency>" in full:
                ids.update(full.replace("<agency>", agency) for agency in AGENCIES)
            elif "<domain>" in full:
                ids.update(full.replace("<domain>", domain) for domain in DEMO_DOMAINS)
            else:
                ids.add(full)
    return ids


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
    assert sorted(ids - set(figures)) == []


def test_every_headline_id_has_a_label(ids):
    catalogued = {indicator.id for indicator in catalogue()}
    uncatalogued = {i for i in ids - catalogued if ".monthly." not in i and ".domain_good_or_better_share." not in i}
    assert sorted(uncatalogued) == []
