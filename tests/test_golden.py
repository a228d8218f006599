"""The golden pack: a hand-made data set built end to end, its whole figures.json worked out by hand.

Data: ``tests/fixtures/golden/`` (Annex A List 4 as a CSV folder, case audits, strategy meetings).
Period 2019-03-01 (Fri) to 2019-05-31 (Fri), snapshot 2019-06-03 (Mon), months 2019-03, -04, -05.

Every expected value below comes from the definitions in ``indicators.md``, worked by hand, never
from running the code. Working days: w(a, b) = weekdays d, a <= d < b, less England's bank
holidays (2018: 25, 26 Dec; 2019: 1 Jan, 19 Apr Good Friday, 22 Apr Easter Monday, 6 May, 27 May).
Working days per month: Dec 2018 from the 3rd: 3-7, 10-14, 17-21, 24/27/28, 31 = 19;
Jan 2019: 23 weekdays - 1 Jan = 22; Feb 2019: 20; Mar 2019: 21; Apr 2019: 22 weekdays - 19, 22 = 20;
May 2019: 23 weekdays - 6, 27 = 21; 1-2 Jun 2019 is a weekend.

Assessments (List 4; the reader keeps the first of a duplicate child + start, drops a start after the
snapshot, and turns an authorisation after the snapshot into "open"):

| row | child   | start      | authorised | w(start, auth)                                   | seen | notes                        |
|-----|---------|------------|------------|--------------------------------------------------|------|------------------------------|
| A1  | GLD4001 | 2019-03-04 | 2019-03-29 | 4-8, 11-15, 18-22, 25-28 = 19                    | Yes  | Mar                          |
| A2  | GLD4002 | 2019-04-15 | 2019-04-24 | 15,16,17,18, (19 GF, 22 EM) 23 = 5               | Yes  | Apr, spans Easter            |
| A3  | GLD4003 | 2019-03-08 | 2019-05-15 | Mar 8-29 16 + Apr 20 + May 1-14 9 (6 May) = 45   | Yes  | May, exactly 45: within      |
| A4  | GLD4004 | 2019-03-07 | 2019-05-15 | A3 + Thu 7 Mar = 46                              | No   | May, 46: not within          |
| A5  | GLD4005 | 2019-04-10 | 2019-04-05 | -(5, 8, 9 Apr) = -3                              | No   | Apr, negative: warning       |
| A6  | GLD4006 | 2019-01-14 | 2019-02-20 | 27                                               | Yes  | authorised before the period |
| A7  | GLD4007 | 2019-03-25 | blank      | w(start, 3 Jun) = Mar 25-29 5 + 20 + 21 = 46     | Yes  | open, over 45                |
| A8  | GLD4002 | 2019-05-20 | blank      | w(start, 3 Jun) = 20-24, 28-31 (27 May) = 9      |      | open, same child as A2       |
| A9  | GLD4009 | 2019-03-26 | 2019-06-10 | w(start, 3 Jun) = Mar 26-29 4 + 20 + 21 = 45     | Yes  | open (auth after snapshot)   |
| A10 | GLD4010 | 2019-02-18 | 2019-03-13 | Feb 18-28 9 + Mar 1 + 4-8 + 11,12 = 17           | No   | Mar                          |
| A11 | GLD4011 | 2019-05-01 | 2019-05-31 | 1-3, 7-10, 13-17, 20-24, 28-30 = 20              | Yes  | May (period end)             |
| A12 | GLD4012 | 2019-01-02 | 2019-03-01 | Jan 2-31 22 + Feb 20 = 42                        | Yes  | Mar (period start)           |
| A13 | GLD4013 | 2018-12-03 | 2019-04-30 | 19 + 22 + 20 + 21 + Apr 1-29 19 = 101            |blank | Apr                          |
| A14 | GLD4014 | 2019-06-05 | blank      | start after the snapshot: left out (warning)     |      |                              |
| dup | GLD4011 | 2019-05-01 | 2019-05-03 | duplicate of A11: left out (warning)             | No   |                              |

Case audits (final grade = moderated where present; O/G/RI/I; domains: voice of child, assessment):

| id  | date       | wp | grade | moderated | final | voice | assessment | notes        |
|-----|------------|----|-------|-----------|-------|-------|------------|--------------|
| U01 | 2019-03-05 | Y  | G     |           | G     | G     | G          |              |
| U02 | 2019-03-12 | N  | RI    |           | RI    | RI    |            |              |
| U03 | 2019-03-20 | Y  | G     | RI        | RI    | G     | RI         | downgrade    |
| U04 | 2019-03-28 | Y  | O     |           | O     | O     | G          |              |
| U05 | 2019-04-02 | N  | I     |           | I     | I     | I          |              |
| U06 | 2019-04-09 | Y  | RI    | G         | G     |       | G          | upgrade      |
| U07 | 2019-04-17 | Y  | G     | G         | G     | G     |            | agreed       |
| U08 | 2019-04-25 | N  | RI    |           | RI    | RI    | RI         | grade "RI"   |
| U09 | 2019-05-07 | N  | G     | I         | I     |       |            | downgrade    |
| U10 | 14/05/2019 | Y  | Good  |           | G     | G     | O          | dd/mm/yyyy   |
| U11 | 2019-05-31 | Y  | O     | O         | O     | O     |            | agreed       |
| U12 | 2019-03-01 | Y  | RI    |           | RI    |       | G          | no audit_type|
| U13 | 2019-02-28 | N  | I     | G         | -     | -     | -          | before period|
| U14 | 2019-06-01 | Y  | G     |           | -     | -     | -          | after period |

Strategy meetings (I = invited, A = attended, per agency after combining rows; "-" = no row):

| id | date       | social care | police     | health          | education  | all three statutory |
|----|------------|-------------|------------|-----------------|------------|---------------------|
| M1 | 2019-03-04 | I A         | I A        | I A             | I, absent  | yes                 |
| M2 | 2019-03-13 | I A         | I, absent  | I A             | A uninvited| no                  |
| M3 | 2019-03-27 | I A ("CSC") | I A        | I A (N row + Y) | -          | yes                 |
| M4 | 2019-05-02 | I A         | I A        | -               | I A        | no                  |
| M5 | 2019-05-20 | I A         | A uninvited| I A             | neither    | yes (+ "other" row) |
| M6 | 2019-05-31 | I A         | I A        | I, absent       | I A        | no                  |
| M7 | 2019-02-26 | before the period                                                              |
| M8 | 2019-06-04 | after the period                                                               |
No meeting in April 2019.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from readiness.build import build

GOLDEN = Path(__file__).resolve().parent / "fixtures" / "golden"
PARAMS = GOLDEN / "golden.yaml"

CHILD_IDS = [f"GLD40{n:02d}" for n in range(1, 15) if n != 8]  # every child id in the three fixture files
WORKER_NAMES = ["Ada Quillfeather", "Bram Oakenshaw"]  # List 4 Allocated Worker: personal data
DATES_OF_BIRTH = [  # List 4 Date of Birth, as written and as ISO dates
    "14/02/2011", "02/09/2014", "21/06/2007", "30/11/2016", "05/05/2005", "12/12/2012", "08/08/2008",
    "19/03/2010", "01/01/2018", "25/07/2003", "17/10/2009", "03/04/2006", "11/11/2015",
]
PERSONAL = CHILD_IDS + WORKER_NAMES + DATES_OF_BIRTH + ["-".join(reversed(d.split("/"))) for d in DATES_OF_BIRTH]

EXPECTED_FIGURES = {
    # ---------------- case audits: 12 in period (U01-U12); U13 (28 Feb) and U14 (1 Jun) are outside
    "audits.count": 12,  # U01..U12
    "audits.grade_share.outstanding": 2 / 12,  # U04, U11 (U11 moderated outstanding = outstanding)
    "audits.grade_share.good": 4 / 12,  # U01, U06 (RI moderated up to good), U07, U10 ("Good")
    "audits.grade_share.requires_improvement": 4 / 12,  # U02, U03 (good moderated down to RI), U08 ("RI"), U12
    "audits.grade_share.inadequate": 2 / 12,  # U05, U09 (good moderated down to inadequate)
    "audits.good_or_better_share": 6 / 12,  # U01, U04, U06, U07, U10, U11
    "audits.worker_participated_share": 8 / 12,  # Y: U01, U03, U04, U06, U07, U10, U11, U12 (N: U02, U05, U08, U09)
    "audits.moderated_count": 5,  # U03, U06, U07, U09, U11 (U13 is moderated but before the period)
    "audits.moderation_agreement_share": 2 / 5,  # U07 good=good, U11 outstanding=outstanding
    "audits.moderation_downgrade_share": 2 / 5,  # U03 good->RI, U09 good->inadequate (U06 is an upgrade)
    # voice of child graded in 9: U01 G, U02 RI, U03 G, U04 O, U05 I, U07 G, U08 RI, U10 G, U11 O (U06, U09, U12 blank)
    "audits.domain_good_or_better_share.voice_of_child": 6 / 9,  # U01, U03, U04, U07, U10, U11
    # assessment graded in 8: U01 G, U03 RI, U04 G, U05 I, U06 G, U08 RI, U10 O, U12 G (U02, U07, U09, U11 blank)
    "audits.domain_good_or_better_share.assessment": 5 / 8,  # U01, U04, U06, U10, U12
    "audits.monthly.good_or_better_share": {
        "2019-03": 2 / 5,  # U12 RI, U01 G, U02 RI, U03 RI (moderated), U04 O -> U01, U04
        "2019-04": 2 / 4,  # U05 I, U06 G (moderated), U07 G, U08 RI -> U06, U07
        "2019-05": 2 / 3,  # U09 I (moderated), U10 G, U11 O -> U10, U11
    },
    "audits.monthly.worker_participated_share": {
        "2019-03": 4 / 5,  # Y: U12, U01, U03, U04; N: U02
        "2019-04": 2 / 4,  # Y: U06, U07; N: U05, U08
        "2019-05": 2 / 3,  # Y: U10, U11; N: U09
    },
    "audits.reaudit_count": 0,  # the golden extract has no reaudit_of column: no audit is a re-audit
    "audits.reaudit_improved_share": None,  # of no re-audits: an empty denominator
    # ---------------- assessments: completed in period = A1, A10, A12 (Mar), A2, A5, A13 (Apr), A3, A4, A11 (May)
    "assessments.completed_count": 9,  # A5 (negative duration) still counts; A6 authorised Feb; duplicate of A11 dropped
    # durations (A5 left out): 19, 17, 42, 5, 101, 45, 46, 20 -> 8 rows; <= 45: all but A13 (101) and A4 (46)
    "assessments.within_45_working_days_share": 6 / 8,  # A1, A10, A12, A2, A3 (exactly 45), A11
    # sorted 5, 17, 19, 20 | 42, 45, 46, 101 -> (20 + 42) / 2
    "assessments.median_working_days": 31,
    # start <= 3 Jun and authorisation blank or after it: A7 (blank), A8 (blank), A9 (10 Jun -> open);
    # A14 started after the snapshot (left out)
    "assessments.open_at_snapshot": 3,
    "assessments.open_over_45_working_days": 1,  # A7: 46 > 45; A9: 45 (not > 45); A8: 9
    # Yes: A1, A12, A2, A3, A11; No: A10, A5, A4; A13 blank: unknown, so it leaves numerator and denominator
    "assessments.child_seen_share": 5 / 8,
    "assessments.monthly.within_45_working_days_share": {
        "2019-03": 3 / 3,  # A1 19, A10 17, A12 42
        "2019-04": 1 / 2,  # A2 5, A13 101 (A5 negative: left out of numerator and denominator)
        "2019-05": 2 / 3,  # A3 45, A11 20 within; A4 46 not
    },
    # ---------------- strategy meetings: M1-M6 in period (M7 26 Feb, M8 4 Jun outside)
    "strategy.meetings_count": 6,  # M1..M6
    "strategy.attendance_share.social_care": 6 / 6,  # all six (M3 spelt "CSC")
    "strategy.attendance_share.police": 5 / 6,  # M1, M3, M4, M5 (uninvited), M6; not M2
    "strategy.attendance_share.health": 4 / 6,  # M1, M2, M3 (N row + Y row), M5; not M4 (no row), M6 (absent)
    "strategy.attendance_share.education": 3 / 6,  # M2 (uninvited), M4, M6
    "strategy.invited_attendance_share.social_care": 6 / 6,  # invited to all six, attended all six
    "strategy.invited_attendance_share.police": 4 / 5,  # invited M1, M2, M3, M4, M6 (not M5); attended all but M2
    "strategy.invited_attendance_share.health": 4 / 5,  # invited M1, M2, M3, M5, M6 (M4 no row); attended all but M6
    "strategy.invited_attendance_share.education": 2 / 3,  # invited M1, M4, M6 (M2, M5 N; M3 no row); attended M4, M6
    "strategy.statutory_partners_share": 3 / 6,  # M1, M3, M5 (M2 police absent, M4 no health, M6 health absent)
    "strategy.monthly.statutory_partners_share": {
        "2019-03": 2 / 3,  # M1 yes, M2 no, M3 yes
        "2019-04": None,  # no meeting in April
        "2019-05": 1 / 3,  # M4 no, M5 yes, M6 no
    },
}

# audience: public, threshold 5: a count 1-5, a share with numerator or denominator 1-5, a median over 1-5 items.
EXPECTED_SUPPRESSED = [
    "audits.grade_share.outstanding",  # 2 / 12
    "audits.grade_share.good",  # 4 / 12
    "audits.grade_share.requires_improvement",  # 4 / 12
    "audits.grade_share.inadequate",  # 2 / 12
    "audits.moderated_count",  # 5
    "audits.moderation_agreement_share",  # 2 / 5
    "audits.moderation_downgrade_share",  # 2 / 5
    "audits.domain_good_or_better_share.assessment",  # 5 / 8
    "audits.monthly.good_or_better_share/2019-03",  # 2 / 5
    "audits.monthly.good_or_better_share/2019-04",  # 2 / 4
    "audits.monthly.good_or_better_share/2019-05",  # 2 / 3
    "audits.monthly.worker_participated_share/2019-03",  # 4 / 5
    "audits.monthly.worker_participated_share/2019-04",  # 2 / 4
    "audits.monthly.worker_participated_share/2019-05",  # 2 / 3
    "assessments.open_at_snapshot",  # 3
    "assessments.open_over_45_working_days",  # 1
    "assessments.child_seen_share",  # 5 / 8
    "assessments.monthly.within_45_working_days_share/2019-03",  # 3 / 3
    "assessments.monthly.within_45_working_days_share/2019-04",  # 1 / 2
    "assessments.monthly.within_45_working_days_share/2019-05",  # 2 / 3
    "strategy.attendance_share.police",  # 5 / 6
    "strategy.attendance_share.health",  # 4 / 6
    "strategy.attendance_share.education",  # 3 / 6
    "strategy.invited_attendance_share.police",  # 4 / 5
    "strategy.invited_attendance_share.health",  # 4 / 5
    "strategy.invited_attendance_share.education",  # 2 / 3
    "strategy.statutory_partners_share",  # 3 / 6
    "strategy.monthly.statutory_partners_share/2019-03",  # 2 / 3
    "strategy.monthly.statutory_partners_share/2019-05",  # 1 / 3
    # not suppressed: audits.count 12, good_or_better 6/12, worker_participated 8/12, voice_of_child 6/9,
    # assessments.completed_count 9, within_45 6/8, median over 8, strategy.meetings_count 6,
    # social_care 6/6 and 6/6, statutory_partners 2019-04 (0 / 0: zero is shown, null as an empty share)
]


def published(expected: dict, suppressed: list[str]) -> dict:
    """``expected`` with every suppressed id (or ``id/YYYY-MM`` monthly entry) set to ``None``."""
    result = {}
    for key, value in expected.items():
        if isinstance(value, dict):
            result[key] = {month: None if f"{key}/{month}" in suppressed else v for month, v in value.items()}
        else:
            result[key] = None if key in suppressed else value
    return result


def approx_figures(expected: dict):
    """pytest.approx on every number, nested monthly dicts included (None compares exactly)."""
    return {
        key: {m: (None if v is None else pytest.approx(v)) for m, v in value.items()}
        if isinstance(value, dict)
        else (None if value is None else pytest.approx(value))
        for key, value in expected.items()
    }


def assert_pack(folder: Path, audience: str, expected_figures: dict, expected_suppressed: list[str]) -> dict:
    document = json.loads((folder / "figures.json").read_text(encoding="utf-8"))
    header = {key: value for key, value in document.items() if key not in ("figures", "suppressed", "spc")}
    assert header == {
        "spec_version": 2,
        "pack_id": "golden",
        "la_name": "Goldshire",
        "period_start": "2019-03-01",
        "period_end": "2019-05-31",
        "snapshot_date": "2019-06-03",
        "audience": audience,
        # List 4 alone, with no List 1 or 3 and no annex_a_covers_from: its coverage is not known (null),
        # so its figures use the whole period
        "coverage": {"List 4": None},
    }
    assert sorted(document["figures"]) == sorted(expected_figures)
    assert document["figures"] == approx_figures(expected_figures)
    assert len(document["suppressed"]) == len(set(document["suppressed"]))
    assert sorted(document["suppressed"]) == sorted(expected_suppressed)
    # three months are fewer than spc_min_points (12): every monthly series has a null SPC reading
    assert document["spc"] == {key: None for key, value in expected_figures.items() if isinstance(value, dict)}

    html = folder / "index.html"
    assert html.exists()
    text = html.read_text(encoding="utf-8")
    leaked = [value for value in PERSONAL if value in text]
    assert leaked == [], f"index.html holds child ids, worker names or dates of birth: {leaked}"
    fig_text = (folder / "figures.json").read_text(encoding="utf-8")
    assert [value for value in PERSONAL if value in fig_text] == []
    if expected_suppressed:
        assert "[c]" in text  # suppressed figures are shown as [c] on the page
    return document


def test_golden_pack_internal(tmp_path):
    folder = build(PARAMS, tmp_path / "golden")
    assert_pack(folder, "internal", EXPECTED_FIGURES, [])
    # The four row-level oddities in List 4.csv, and A13's blank Child Seen (the only blank a figure needs: A8's
    # is on an open assessment), each a row of the Data quality table with its count.
    html = (folder / "index.html").read_text(encoding="utf-8")
    quality = html[html.index('id="data-quality"'):]
    assert "Data-quality warnings: 5" in quality
    assert "blank or Unknown; this row leaves assessments.child_seen_share</td><td>1</td>" in quality
    for problem in ("duplicate natural key", "row left out", "counted as not yet happened", "authorisation before its start"):
        assert problem in quality, problem


def test_golden_pack_public(tmp_path):
    params = yaml.safe_load(PARAMS.read_text(encoding="utf-8"))
    params["audience"] = "public"
    params["data"] = {key: str((GOLDEN / value).resolve()) for key, value in params["data"].items()}
    public = tmp_path / "golden-public.yaml"
    public.write_text(yaml.safe_dump(params, sort_keys=False), encoding="utf-8")

    folder = build(public, tmp_path / "golden")
    assert_pack(folder, "public", published(EXPECTED_FIGURES, EXPECTED_SUPPRESSED), EXPECTED_SUPPRESSED)


def test_expected_suppressions_are_real_ids():
    """A typo in EXPECTED_SUPPRESSED would make the public test pass vacuously for that id."""
    ids = {f"{k}/{m}" for k, v in EXPECTED_FIGURES.items() if isinstance(v, dict) for m in v}
    ids |= {k for k, v in EXPECTED_FIGURES.items() if not isinstance(v, dict)}
    assert set(EXPECTED_SUPPRESSED) <= ids
