"""The findings section's headings: each finding's area, source and date, told apart from another of its visit and area."""

from types import SimpleNamespace

import pandas as pd

from readiness.pack.findings_section import FindingsSection


def test_a_finding_sharing_its_visit_and_area_is_headed_with_its_id():
    findings = pd.DataFrame(
        {
            "finding_id": ["F6", "F7", "F8"],
            "source": ["Monitoring visit 2025-04", "ILACS 2024", "Monitoring visit 2025-04"],
            "source_date": pd.to_datetime(["2025-04-10", "2024-12-13", "2025-04-10"]),
            "area": ["help_and_protection"] * 3,
            "priority": [False, True, False],
        }
    )
    register = {
        row.finding_id: {"source": row.source, "area": row.area, "priority": row.priority, "why": "."} for row in findings.itertuples()
    }
    section = FindingsSection(pack=None)
    section.__dict__["plan"] = SimpleNamespace(findings=findings, document=lambda: {"findings": register})  # as the register gives it
    assert (
        section.heading("F6") == r"### Help and protection: Monitoring visit 2025\-04 (10 April 2025), finding F6"
    )  # Markdown, input text escaped
    assert section.heading("F8") == r"### Help and protection: Monitoring visit 2025\-04 (10 April 2025), finding F8"
    assert section.heading("F7") == "### Help and protection: ILACS 2024 (13 December 2024), an area for priority action"
