#!/usr/bin/env python3
"""Rebuild ``lib/readiness/config/data/dfe_comparators.json`` from DfE's published tables.

    python3 scripts/compact_dfe_tables.py [../shared/data/dfe]

Reads the Explore Education Statistics CSVs (Open Government Licence v3.0) and keeps only what the pack uses: for
each figure id, each year's England, regional and local-authority values (a share as a fraction: 22.6 % is 0.226),
and DfE's 2025 statistical-neighbour model (each council's ten neighbours). DfE's codes for a value it does not
publish (``c``, ``x``, ``z``, ``k``, ``low``, ``u``) are left out, never read as numbers. Standard library only.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "lib" / "readiness" / "config" / "data" / "dfe_comparators.json"
OGL = "Contains public sector information licensed under the Open Government Licence v3.0"
MARCH, SEPTEMBER = "march", "september"
CIN = "DfE, Children in need (table C1), Explore Education Statistics"
CPP = "DfE, Children in need (table D3), Explore Education Statistics"
CSWW = "DfE, Children's social work workforce (indicators), Explore Education Statistics"
LEAVERS = "DfE, Children looked after in England (care leavers), Explore Education Statistics"
# figure id -> (file, the rows' filters, value column, divisor, year end, source)
TABLES = {
    "referrals.rereferral_share": (
        "c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv",
        {},
        "rereferral_percent",
        100,
        MARCH,
        CIN,
    ),
    "referrals.nfa_share": (
        "c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv",
        {},
        "no_further_action_percent",
        100,
        MARCH,
        CIN,
    ),
    "cp.second_or_subsequent_share": ("d3_cpps_subsequent_plan_2013_to_2025.csv", {}, "CPP_subsequent_percent", 100, MARCH, CPP),
    "workforce.agency_share": ("csww_indicators_2017_to_2025.csv", {}, "agency_rate_fte", 100, SEPTEMBER, CSWW),
    "workforce.turnover_rate": ("csww_indicators_2017_to_2025.csv", {}, "turnover_rate_fte", 100, SEPTEMBER, CSWW),
    "workforce.vacancy_rate": ("csww_indicators_2017_to_2025.csv", {}, "vacancy_rate_fte", 100, SEPTEMBER, CSWW),
    "workforce.absence_rate": ("csww_indicators_2017_to_2025.csv", {}, "absence_rate_fte", 100, SEPTEMBER, CSWW),
    "caseload.mean_per_fte": ("csww_indicators_2017_to_2025.csv", {}, "caseload_fte", 1, SEPTEMBER, CSWW),
}
for age, label in (("age_17_18", "17 to 18 years"), ("age_19_21", "19 to 21 years")):
    TABLES[f"care_leavers.dfe.{age}.suitable_accommodation_share"] = (
        "la_care_leavers_accommodation_suitability.csv",
        {"care_leaver_age": label, "breakdown": "Accommodation considered suitable"},
        "care_leaver_percent",
        100,
        MARCH,
        LEAVERS,
    )
    TABLES[f"care_leavers.dfe.{age}.eet_share"] = (
        "la_care_leavers_activity.csv",
        {"care_leaver_age": label, "breakdown": "Total in education, employment or training"},
        "care_leaver_percent",
        100,
        MARCH,
        LEAVERS,
    )


def rows(path: Path):
    with path.open(encoding="utf-8-sig", newline="") as file:
        yield from csv.DictReader(file)


def number(text: str | None) -> float | None:
    try:
        return float(text)
    except (TypeError, ValueError):
        return None


def year_label(time_period: str, year_end: str) -> tuple[str, str]:
    """DfE's label and the last day of a reporting year: 2025 is '2024-25' (31 March 2025) or 'Sept 2025'."""
    year = int(time_period[:4])
    if year_end == SEPTEMBER:
        return f"Sept {year}", f"{year}-09-30"
    return f"{year - 1}-{str(year)[2:]}", f"{year}-03-31"


def figure_years(folder: Path, file: str, filters: dict, column: str, divisor: float, year_end: str) -> dict:
    """Per year label: its end date, England's value, each region's (by code) and each council's (by old LA code)."""
    years: dict[str, dict] = {}
    for row in rows(folder / file):
        if any(row.get(key, "").strip() != value for key, value in filters.items()) or row["time_identifier"] != "Reporting year":
            continue
        value = number(row.get(column))
        if value is None:
            continue
        label, end = year_label(row["time_period"], year_end)
        year = years.setdefault(label, {"end": end, "england": None, "regions": {}, "las": {}})
        value = round(value / divisor, 6)
        level = row["geographic_level"]
        if level == "National":
            year["england"] = value
        elif level == "Regional":
            year["regions"][row["region_code"]] = value
        elif level == "Local authority" and row["old_la_code"]:
            year["las"][row["old_la_code"]] = value
    return dict(sorted(years.items(), key=lambda item: item[1]["end"]))


def councils(folder: Path) -> dict:
    """Each council's name, region and ten statistical neighbours (DfE's 2025 model), by old LA code; region names."""
    regions, found = {}, {}
    for row in rows(folder / "c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv"):
        if row["geographic_level"] == "Local authority" and row["old_la_code"]:
            found[row["old_la_code"]] = {"name": row["la_name"], "region": row["region_code"], "neighbours": []}
            regions[row["region_code"]] = row["region_name"]
    for row in rows(folder / "sn_model_2025_wide.csv"):
        code = row["old_la_code"].strip()
        if code in found:
            found[code]["neighbours"] = [row[f"SN_{i}"].strip() for i in range(1, 11) if row.get(f"SN_{i}", "").strip()]
    return {"councils": dict(sorted(found.items())), "regions": dict(sorted(regions.items()))}


def main(folder: Path) -> None:
    document = {
        "licence": OGL,
        "figures": {
            figure_id: {"source": source, "years": figure_years(folder, file, filters, column, divisor, year_end)}
            for figure_id, (file, filters, column, divisor, year_end, source) in TABLES.items()
        },
        **councils(folder),
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(document, sort_keys=True, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(REPO)} ({OUT.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else REPO.parent / "shared" / "data" / "dfe")
