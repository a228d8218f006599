"""Annex A's declarations (``readiness.inputs.annex_a_tables``) against Ofsted's own 2019 template: the headings of
each list find exactly the columns declared for it."""

from __future__ import annotations

from collections import Counter

import openpyxl
import pytest

from readiness.inputs.annex_a_tables import ANNEX_A
from readiness.inputs.schema import CURRENT
from readiness.inputs.values import heading_key


def template_headings(template, number: int) -> list[str]:
    """The headings of list ``number`` in Ofsted's template (row 2 of sheet ``List_<number>``)."""
    sheet = openpyxl.load_workbook(template, read_only=True)[f"List_{number}"]
    return [h for h in next(sheet.iter_rows(min_row=2, max_row=2, values_only=True)) if h is not None]


@pytest.mark.parametrize("number", range(1, 12))
def test_the_templates_headings_find_each_declared_column_once(ofsted_template, number):
    spec = ANNEX_A[number]
    keys, ignored = spec.heading_keys(), {heading_key(h) for h in spec.ignored}
    found = [keys.get(heading_key(h)) for h in template_headings(ofsted_template, number) if heading_key(h) not in ignored]
    declared = [c.name for c in spec.columns if c.layout != CURRENT]
    assert Counter(found) == Counter(declared)


def test_only_the_four_columns_list_9_gained_after_2019_are_of_the_current_layout():
    current = {number: [c.name for c in spec.columns if c.layout == CURRENT] for number, spec in ANNEX_A.items()}
    assert {number: names for number, names in current.items() if names} == {
        9: ["uasc", "personal_advisor", "pathway_plan_review", "latest_contact"]
    }


def test_list_7s_emergency_protection_heading_is_ignored_not_declared(ofsted_template):
    heading = "Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N)"
    assert heading in template_headings(ofsted_template, 7)
    assert ANNEX_A[7].ignored == (heading,) and heading_key(heading) not in ANNEX_A[7].heading_keys()
