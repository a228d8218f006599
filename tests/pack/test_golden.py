"""The golden pack: a hand-made data set built end to end, its whole figures.json worked out by hand.

Data: ``tests/fixtures/golden/`` (Annex A Lists 2, 4 and 8-11 as a CSV folder, case audits, strategy meetings,
front-door decisions).
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

Assessment outcomes (List 4, "requiring support"): completed in period A1 Yes, A2 No, A3 Yes, A4 Yes, A5 No,
A10 Yes, A11 Yes, A12 Yes, A13 Yes: 2 No of 9 known.

Early help (List 2; days = calendar days start -> completion):
| row | child   | start      | completion | days | notes                                                  |
|-----|---------|------------|------------|------|--------------------------------------------------------|
| EH1 | GLD5001 | 2019-03-04 | 2019-03-25 | 21   |                                                        |
| EH2 | GLD5002 | 2019-02-15 | 2019-03-15 | 28   | started before the period                              |
| EH3 | GLD5003 | 2019-04-01 | blank      |      | open at the snapshot                                   |
| EH4 | GLD5004 | 2019-05-20 | 2019-06-01 |      | completed after the period, before the snapshot        |
| EH5 | GLD4001 | 2019-05-10 | 2019-05-31 | 21   | completed on the period's last day                     |
| EH6 | GLD5006 | 2019-05-02 | 2019-04-30 | -2   | completed before its start: warning, leaves the median |
No List 3 in this return, so the stepped-up share (which needs it) is null.

Adoption (List 10; A1 = entering care -> moving in, the earlier of placed and FFA; A2 = order -> match):
| child   | entered    | decision   | order      | matched    | placed     | adopted    | no longer  | FFA        | A1  | A2  |
|---------|------------|------------|------------|------------|------------|------------|------------|------------|-----|-----|
| GLD6001 | 2018-01-01 | 2018-06-01 | 2018-09-01 | 2018-12-31 | 2019-01-15 | 2019-04-15 |            |            | 379 | 121 |
| GLD6002 | 2017-06-01 | 2018-01-10 | 2018-03-01 | 2018-07-01 | 2018-08-01 | 2019-05-31 |            | 2017-12-01 | 183 | 122 |
| GLD6003 | 2018-05-01 | 2019-04-10 |            |            |            |            |            |            | waiting, unmatched |
| GLD6004 | 2018-02-01 | 2019-02-01 | 2019-03-20 | 2019-05-01 |            |            |            |            | waiting, matched   |
| GLD6005 | 2018-01-01 | 2018-10-01 |            |            |            |            | 2019-05-15 |            | reversed           |
(379 = 365 + 14; 183 = Jun 30 + Jul 31 + Aug 31 + Sep 30 + Oct 31 + Nov 30; 121 = Sep 29 + Oct 31 + Nov 30 + Dec 31;
122 = Mar 31 + Apr 30 + May 31 + Jun 30.)

Adopters (List 11): household HH1 = GLDA1 + GLDA2, a couple with different dates (earliest: enquiry 5 Jan,
Stage 1 1 Feb, Stage 2 ended 31 May 2019: approved, 119 days = Feb 28 + Mar 31 + Apr 30 + May 30);
GLDA3 enquiry 2 Apr; HH2 (GLDA4) enquiry 1 Mar, Stage 2 ended 30 Apr but "Application refused";
GLDA5 approved 1 Feb (before the period), still waiting; GLDA6 approved by application 15 Mar 2019, 73 days
from Stage 1 on 1 Jan (Jan 31 + Feb 28 + 14), matched 20 May.

Front-door decisions (bank holidays Good Friday 19 Apr, Easter Monday 22 Apr, 6 May, 27 May 2019):
| id | received         | decided          | w  | hours   | notes                                              |
|----|------------------|------------------|----|---------|----------------------------------------------------|
| F1 | 2019-03-04 09:00 | 2019-03-05 09:00 | 1  | 24 h 00 | within both                                        |
| F2 | 2019-03-04 09:00 | 2019-03-05 09:01 | 1  | 24 h 01 | not within 24 hours                                |
| F3 | 18/04/2019 16:00 | 23/04/2019 10:00 | 1  | 90 h    | across Easter                                      |
| F4 | 2019-05-03 (Fri) | 2019-05-07 (Tue) | 1  |         | across the May bank-holiday weekend; no times      |
| F5 | 2019-05-24 12:00 | 2019-05-29 12:00 | 2  | 120 h   | 24 and 28 May (27 May bank holiday)                |
| F6 | 2019-05-30       | undecided        | w(30, 31 May) = 1: not over one working day          |
| F7 | 2019-05-28       | undecided        | w(28, 31 May) = 3: over one working day              |
| F8 | 2019-02-28       | 2019-03-01       | received before the period                           |
| F9 | 2019-05-31 10:00 | 2019-06-03 09:00 | 1  | 71 h    | decided after the period: counts, not "undecided" (w(31, 31 May) = 0) |
Children in care (List 8; snapshot Mon 3 June 2019): visit within 42 days = on or after 22 Apr 2019; review and
IRO contact within 183 days = on or after 2 Dec 2018; health and dental within 365 days = on or after 3 Jun 2018
(= one year before); 30 months before = 3 Dec 2016; 24 months before = 3 Jun 2017. Review due after 20 working
days: back from 3 Jun, 31 May is 1, 28-30 May 2-4 (27 May bank holiday), 20-24 May 5-9, 13-17 May 10-14,
7-10 May 15-18 (6 May bank holiday), 3 May 19, 2 May 20.

| child   | start      | ceased     | age | placed     | visit      | review     | IRO        | health     | dental     | plc | type | loc | miss | offered/accepted | uasc | 2nd | plan | worker      |
|---------|------------|------------|-----|------------|------------|------------|------------|------------|------------|-----|------|-----|------|------------------|------|-----|------|-------------|
| GLD8001 | 2016-11-20 |            | 11  | 2017-06-03 | 2019-04-22 | 2018-12-02 | 2019-01-10 | 2018-06-03 | 2018-06-02 | 1   | U4   | In  | 0    |                  | N    | N   | LTF  | Cal Marsh   |
| GLD8002 | 2016-12-03 |            | 13  | 2017-06-04 | 2019-04-21 | 2018-12-01 |            | 2019-01-15 | 2019-01-15 | 3   | K2   | Out | 2    | Y / Y            | Y    | N   |      | Unallocated |
| GLD8003 | 2019-05-02 |            | 7   | 2019-05-02 | 2019-05-20 |            | 2019-05-20 |            |            | 1   | U6   | In  | 1    | N                | N    | Y   |      | Cal Marsh   |
| GLD8004 | 2019-05-03 |            | 8   | 2019-05-03 |            |            |            |            |            | 1   | U1   | In  | 0    |                  | N    | N   | RTF  | Dee Lowe    |
| GLD8005 | 2018-01-01 | 2019-04-10 | 16  | (ceased in the period)                                                                                 | N   |      |             |
| GLD8006 | 2019-03-15 | 2019-06-03 | 12  | (ceased on the snapshot: not in care then; not in the period either)                          | blank |    |             |
Looked after at the snapshot: GLD8001-GLD8004. GLD8002 turns 14 on 4 June: 13 at the snapshot.
Version 4 (the regulations): first reviews on the 20th working day after the start (the start not counted):
GLD8001 (Sun 20 Nov 2016, from Fri 18 Nov) 21-25 Nov 5, 28 Nov-2 Dec 10, 5-9 Dec 15, 12-16 Dec 20: d1 16 Dec 2016, then
16 Mar 2017 and every 6 months: 16 Mar 2019 is the latest due, 16 Sep 2018 the one before; reviewed 2 Dec 2018: in time.
GLD8002 (Sat 3 Dec 2016, from Fri 2 Dec) 5-9 Dec 5, 12-16 10, 19-23 15, (26, 27 Dec holidays) 28-30 18, (2 Jan holiday)
3-4 Jan 20: d1 4 Jan 2017 ... latest due 4 Apr 2019, the one before 4 Oct 2018; reviewed 1 Dec 2018: in time.
GLD8003 (Thu 2 May 2019): d1 3 Jun 2019, the snapshot: due, no review: not in time. GLD8004 (Fri 3 May): d1 4 Jun,
after the snapshot: left out. Reviews in time 2 / 3.
Visits on reg. 28's intervals: GLD8001 long-term fostering (U4) since 3 Jun 2017, a year or more, in care since 2016:
92 days, visited 22 Apr (42 days): in. GLD8002 K2: 42 days, visited 21 Apr (43): out. GLD8003 U6, placed 32 days ago:
42 days, visited 20 May: in. GLD8004: never visited. 2 / 4. Health assessment since entering care: started in the
period with d1 by the snapshot, GLD8003 only, none: 0 / 1. Permanence plans four months or more in care (started by
3 Feb 2019): GLD8001 (LTF), GLD8002 (none): 1 / 2. Kinship (U1-U3): GLD8004 of U4, K2, U6, U1: 1 / 4. Placed with
parents (P1) 0; under 16 in H5 or P2: 0.

Care leavers (List 9, current layout): pathway plan within 183 days = on or after 2 Dec 2018; contact within 56
days = on or after 8 Apr 2019.

| young person | eligibility     | in touch | accommodation | suitable   | activity | adviser     | pathway    | contact    |
|--------------|-----------------|----------|---------------|------------|----------|-------------|------------|------------|
| GLD9001      | relevant        | Yes      | D             | Suitable   | F3       | Pat Rowe    | 2018-12-02 | 2019-04-08 |
| GLD9002      | former relevant | Yes      | W (B&B)       | Unsuitable | G5       | Pat Rowe    | 2018-12-01 | 2019-04-07 |
| GLD9003      | former relevant | Refu     |               |            |          | Unallocated |            |            |
| GLD9004      | eligible child  | Yes      | C             | Suitable   | F2       | Pat Rowe    | 2019-05-01 | 2019-05-01 |  left out
| GLD9005      | qualifying      | Died     |               |            |          |             |            |            |  counted, in no share
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from readiness.pack.build import build

GOLDEN = Path(__file__).resolve().parents[1] / "fixtures" / "golden"
PARAMS = GOLDEN / "golden.yaml"

CHILD_IDS = [f"GLD40{n:02d}" for n in range(1, 15) if n != 8]  # every child id in the three fixture files
WORKER_NAMES = ["Ada Quillfeather", "Bram Oakenshaw"]  # List 4 Allocated Worker: personal data
DATES_OF_BIRTH = [  # List 4 Date of Birth, as written and as ISO dates
    "14/02/2011",
    "02/09/2014",
    "21/06/2007",
    "30/11/2016",
    "05/05/2005",
    "12/12/2012",
    "08/08/2008",
    "19/03/2010",
    "01/01/2018",
    "25/07/2003",
    "17/10/2009",
    "03/04/2006",
    "11/11/2015",
]
CARE_IDS = [f"GLD800{n}" for n in range(1, 7)] + [f"GLD900{n}" for n in range(1, 6)]  # Lists 8 and 9
CARE_NAMES = ["Cal Marsh", "Dee Lowe", "Eve Stone", "Pat Rowe"]  # workers and a personal adviser
CARE_BIRTHS = [
    "01/01/2008",
    "04/06/2005",
    "02/02/2012",
    "10/10/2010",
    "03/03/2003",
    "06/06/2006",
    "12/12/2001",
    "01/01/1999",
    "05/05/1997",
    "02/02/2002",
    "08/08/1998",
]
DATES_OF_BIRTH += CARE_BIRTHS
PERSONAL = CHILD_IDS + CARE_IDS + WORKER_NAMES + CARE_NAMES + DATES_OF_BIRTH + ["-".join(reversed(d.split("/"))) for d in DATES_OF_BIRTH]

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
    # weak (final RI or I) in the period and on or before 5 April (56 days before 31 May): U12, U02, U03, U05 (U08 25 Apr
    # and U09 7 May are too late to be due a re-audit); none re-audited (no reaudit_of column)
    "audits.weak_reaudited_share": 0 / 4,
    # mock-inspection audits in the period graded by both: U06 (council RI, inspector good), U09 (council good,
    # inspector inadequate: the council graded better); U05 has no inspector's grade
    "audits.mock.agreement_share": 0 / 2,
    "audits.mock.over_graded_share": 1 / 2,
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
    # ---------------- spec version 3: assessment outcomes, early help, adoption, adopters, front-door decisions
    "assessments.no_further_support_share": 2 / 9,  # A2, A5 of the nine completed (all known)
    "early_help.started_count": 5,  # EH1, EH3, EH4, EH5, EH6
    "early_help.completed_count": 4,  # EH1, EH2, EH5, EH6 (before its start, still completed); EH4 in June
    "early_help.median_days_to_complete": 21,  # 21, 21, 28 (EH6 left out)
    "early_help.open_at_snapshot": 1,  # EH3 (EH4 completed 1 Jun, before the 3 Jun snapshot)
    "early_help.children_referred_share": None,  # no List 3
    "adoption.decisions_count": 1,  # GLD6003
    "adoption.placement_orders_count": 1,  # GLD6004
    "adoption.adopted_count": 2,  # GLD6001, GLD6002 (31 May)
    "adoption.entry_to_placement_days_mean": 281,  # (379 + 183) / 2
    "adoption.order_to_match_days_mean": 121.5,  # (121 + 122) / 2
    "adoption.waiting_count": 2,  # GLD6003, GLD6004
    "adoption.waiting_unmatched_count": 1,  # GLD6003
    "adoption.reversed_count": 1,  # GLD6005
    "adopters.enquiries_count": 2,  # GLDA3 (2 Apr), HH2 (1 Mar); HH1's earliest is 5 Jan, GLDA6's 1 Dec
    "adopters.approved_count": 2,  # HH1 (31 May), GLDA6 (15 Mar); HH2 refused
    "adopters.approval_days_median": 96,  # (119 + 73) / 2
    "adopters.approved_waiting_count": 2,  # HH1, GLDA5 (GLDA6 matched 20 May)
    "frontdoor.decisions_count": 6,  # F1-F5, F9
    "frontdoor.decided_within_one_working_day_share": 5 / 6,  # F1, F2, F3, F4, F9 (F5: 2)
    "frontdoor.decided_within_24_hours_share": 1 / 5,  # F1 of the timed F1, F2, F3, F5, F9
    "frontdoor.undecided_over_one_working_day_count": 1,  # F7
    # ---------------- children in care (List 8): looked after at the snapshot GLD8001-GLD8004
    "cla.count_at_snapshot": 4,
    "cla.started_count": 3,  # GLD8003 2 May, GLD8004 3 May, GLD8006 15 Mar
    "cla.ceased_count": 1,  # GLD8005 10 Apr (GLD8006 ceased 3 Jun, after the period)
    "cla.second_period_share": 1 / 2,  # GLD8003 Yes, GLD8004 No; GLD8006 blank: unknown, left out
    "cla.unallocated_count": 1,  # GLD8002
    "cla.three_plus_placements_share": 1 / 4,  # GLD8002
    # under 16 and in care since 3 Dec 2016: GLD8001, GLD8002 (exactly 30 months); placed by 3 Jun 2017: GLD8001 (exactly 24)
    "cla.long_term_stability_share": 1 / 2,
    "cla.visit_within_interval_share": 2 / 4,  # GLD8001 (42 days), GLD8003; GLD8002 43 days; GLD8004 none
    "cla.review_within_interval_share": 1 / 3,  # due: GLD8001-GLD8003 (GLD8004: 19 working days); GLD8001 (183 days)
    "cla.iro_contact_within_interval_share": 2 / 4,  # GLD8001, GLD8003
    "cla.health_assessment_in_date_share": 2 / 2,  # due: GLD8001 (365 days), GLD8002
    "cla.dental_check_in_date_share": 1 / 2,  # GLD8002 (GLD8001's is 366 days old)
    "cla.permanence_plan_share": 2 / 4,  # GLD8001, GLD8004
    "cla.placed_out_of_area_share": 1 / 4,  # GLD8002
    "cla.foster_placement_share": 3 / 4,  # U4, U6, U1 (GLD8002 K2)
    "cla.uasc_count": 1,  # GLD8002
    "cla.missing_share": 2 / 4,  # GLD8002, GLD8003
    "cla.return_interview_offered_share": 1 / 2,  # GLD8002 of GLD8002, GLD8003
    "cla.return_interview_accepted_share": 1 / 1,  # GLD8002
    "cla.review_in_time_share": 2 / 3,  # GLD8001, GLD8002 of GLD8001-GLD8003 (GLD8004's first review not yet due)
    "cla.visit_within_regulation_share": 2 / 4,  # GLD8001 (92 days), GLD8003
    "cla.initial_health_assessment_share": 0 / 1,  # GLD8003
    "cla.permanence_plan_4m_share": 1 / 2,  # GLD8001 of GLD8001, GLD8002
    "cla.kinship_placement_share": 1 / 4,  # GLD8004 U1
    "cla.placed_with_parents_count": 0,
    "cla.under_16_in_unregulated_count": 0,
    # ---------------- care leavers (List 9): counted GLD9001-3 and 9005; shares of GLD9001-3 (9004 eligible, 9005 died)
    "care_leavers.count": 4,
    "care_leavers.in_touch_share": 2 / 3,  # GLD9001, GLD9002
    "care_leavers.suitable_accommodation_share": 1 / 3,  # GLD9001
    "care_leavers.eet_share": 1 / 3,  # GLD9001 F3
    "care_leavers.neet_share": 1 / 3,  # GLD9002 G5
    "care_leavers.bed_and_breakfast_count": 1,  # GLD9002
    "care_leavers.personal_adviser_share": 2 / 3,  # GLD9001, GLD9002 (GLD9003 "Unallocated")
    "care_leavers.pathway_plan_in_date_share": 1 / 3,  # GLD9001 (183 days); GLD9002 184
    "care_leavers.contact_within_interval_share": 1 / 3,  # GLD9001 (56 days); GLD9002 57
    # at DfE's ages on 3 June 2019: GLD9001 (born 12 Dec 2001) 17; GLD9002 (1 Jan 1999) 20; GLD9003 (5 May 1997) 22
    "care_leavers.age_17_18.in_touch_share": 1 / 1,
    "care_leavers.age_17_18.suitable_accommodation_share": 1 / 1,
    "care_leavers.age_17_18.eet_share": 1 / 1,  # F3
    "care_leavers.age_17_18.neet_share": 0 / 1,
    "care_leavers.age_19_21.in_touch_share": 1 / 1,
    "care_leavers.age_19_21.suitable_accommodation_share": 0 / 1,  # unsuitable
    "care_leavers.age_19_21.eet_share": 0 / 1,
    "care_leavers.age_19_21.neet_share": 1 / 1,  # G5
}


# The routine programme (monthly, and U12 with no type; no re-audits here): in the period U01 G, U02 RI, U04 O, U08 RI,
# U10 G, U12 RI. Voice of the child graded by U01 G, U02 RI, U04 O, U08 RI, U10 G; assessment by U01 G, U04 G, U08 RI,
# U10 O, U12 G. Moderation by role, mock-inspection audits (U06, U09) left out: service manager U03 downgraded, U07
# agreed; practice supervisor U11 agreed.
EXPECTED_FIGURES |= {
    "audits.routine.count": 6,
    "audits.routine.grade_share.outstanding": 1 / 6,
    "audits.routine.grade_share.good": 2 / 6,
    "audits.routine.grade_share.requires_improvement": 3 / 6,
    "audits.routine.grade_share.inadequate": 0 / 6,
    "audits.routine.good_or_better_share": 3 / 6,
    "audits.routine.monthly.good_or_better_share": {"2019-03": 2 / 4, "2019-04": 0 / 1, "2019-05": 1 / 1},  # U01, U04 of four
    "audits.routine.domain_good_or_better_share.voice_of_child": 3 / 5,
    "audits.routine.domain_good_or_better_share.assessment": 4 / 5,
    "audits.routine.monthly.domain_good_or_better_share.voice_of_child": {"2019-03": 2 / 3, "2019-04": 0 / 1, "2019-05": 1 / 1},
    "audits.routine.monthly.domain_good_or_better_share.assessment": {"2019-03": 3 / 3, "2019-04": 0 / 1, "2019-05": 1 / 1},
    "audits.moderation_agreement_share.by_role.service_manager": 1 / 2,
    "audits.moderation_downgrade_share.by_role.service_manager": 1 / 2,
    "audits.moderation_agreement_share.by_role.practice_supervisor": 1 / 1,
    "audits.moderation_downgrade_share.by_role.practice_supervisor": 0 / 1,
}


def equality_groups(stage: str, **counts: dict[str, int]) -> dict[str, int]:
    """A stage's expected equality counts: the groups given, every other group of each dimension 0."""
    groups = {
        "ethnicity": ("white", "mixed", "asian", "black", "other", "not_recorded"),
        "sex": ("male", "female", "not_recorded"),
        "age": ("unborn", "under_1", "1_4", "5_9", "10_15", "16_17", "18_plus", "not_recorded"),
        "disability": ("yes", "no", "not_recorded"),
    }
    return {f"equality.{stage}.{d}.{g}": counts.get(d, {}).get(g, 0) for d, names in groups.items() for g in names}


# Equality (no List 3, 5 or 7 here). Assessments: the nine children authorised in the period (A1-A5, A10-A13), by
# their row: GLD4003 MWBC (mixed), GLD4004 WOTH (white), the rest WBRI; female 4001, 4003, 4005, 4010, 4012; disabled
# 4003, 4012; age on the authorisation: 4001 8, 4002 4, 4003 11, 4004 2, 4005 13 (birthday 5 May after 5 Apr),
# 4010 1, 4011 15, 4012 9, 4013 13. Children in care GLD8001-8004: WBRI, male 8001 and 8003, no disability, aged 11, 13,
# 7, 8 at the snapshot. Care leavers GLD9001-3 and 9005 (the eligible 9004 left out): WBRI, female 9001, no
# disability, aged 17, 20, 22, 20.
EXPECTED_FIGURES |= equality_groups(
    "assessments",
    ethnicity={"white": 8, "mixed": 1},
    sex={"male": 4, "female": 5},
    disability={"yes": 2, "no": 7},
    age={"1_4": 3, "5_9": 2, "10_15": 4},
)
EXPECTED_FIGURES |= equality_groups(
    "cla", ethnicity={"white": 4}, sex={"male": 2, "female": 2}, disability={"no": 4}, age={"5_9": 2, "10_15": 2}
)
EXPECTED_FIGURES |= equality_groups(
    "care_leavers", ethnicity={"white": 4}, sex={"male": 3, "female": 1}, disability={"no": 4}, age={"16_17": 1, "18_plus": 3}
)

# audience: public, threshold 5: a count 1-5, a share with numerator or denominator 1-5, a median over 1-5 items.
EXPECTED_SUPPRESSED = [
    "audits.grade_share.outstanding",  # 2 / 12
    "audits.grade_share.good",  # 4 / 12
    "audits.grade_share.requires_improvement",  # 4 / 12
    "audits.grade_share.inadequate",  # 2 / 12
    "audits.moderated_count",  # 5
    "audits.moderation_agreement_share",  # 2 / 5
    "audits.moderation_downgrade_share",  # 2 / 5
    "audits.weak_reaudited_share",  # 0 / 4
    "audits.mock.agreement_share",  # 0 / 2
    "audits.mock.over_graded_share",  # 1 / 2
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
    "assessments.no_further_support_share",  # 2 / 9
    "early_help.started_count",  # 5
    "early_help.completed_count",  # 4
    "early_help.median_days_to_complete",  # over 3
    "early_help.open_at_snapshot",  # 1
    "adoption.decisions_count",  # 1
    "adoption.placement_orders_count",  # 1
    "adoption.adopted_count",  # 2
    "adoption.entry_to_placement_days_mean",  # over 2
    "adoption.order_to_match_days_mean",  # over 2
    "adoption.waiting_count",  # 2
    "adoption.waiting_unmatched_count",  # 1
    "adoption.reversed_count",  # 1
    "adopters.enquiries_count",  # 2
    "adopters.approved_count",  # 2
    "adopters.approval_days_median",  # over 2
    "adopters.approved_waiting_count",  # 2
    "frontdoor.decided_within_one_working_day_share",  # 5 / 6
    "frontdoor.decided_within_24_hours_share",  # 1 / 5
    "frontdoor.undecided_over_one_working_day_count",  # 1
    # children in care and care leavers: every count but two zeros is 1-5 and every share's denominator 1-5
    *(
        key
        for key in EXPECTED_FIGURES
        if key.startswith(("cla.", "care_leavers.")) and key not in ("cla.placed_with_parents_count", "cla.under_16_in_unregulated_count")
    ),
    # the routine programme: numerators 1-5 of 6 (inadequate 0 of 6 is shown), its domains over 5, every month
    *(f"audits.routine.grade_share.{grade}" for grade in ("outstanding", "good", "requires_improvement")),
    "audits.routine.good_or_better_share",
    "audits.routine.domain_good_or_better_share.voice_of_child",
    "audits.routine.domain_good_or_better_share.assessment",
    *(
        f"audits.routine.monthly.{figure}/{month}"
        for figure in ("good_or_better_share", "domain_good_or_better_share.voice_of_child", "domain_good_or_better_share.assessment")
        for month in ("2019-03", "2019-04", "2019-05")
    ),
    # moderation by role: every share rests on 1 or 2 audits
    *(key for key in EXPECTED_FIGURES if ".by_role." in key),
    # equality: each count from 1 to 5 (no dimension is published whole around a withheld group, so none more)
    *(key for key, value in EXPECTED_FIGURES.items() if key.startswith("equality.") and 1 <= value <= 5),
    # a share whose complement (denominator less numerator) is 1-5, withheld like a small numerator (version 4)
    "audits.worker_participated_share",  # 8 / 12: 4 audits not done with the worker
    "audits.domain_good_or_better_share.voice_of_child",  # 6 / 9: 3 not good or better
    "assessments.within_45_working_days_share",  # 6 / 8: 2 not within 45 working days
    # not suppressed: audits.count 12, good_or_better 6/12, assessments.completed_count 9, median over 8,
    # strategy.meetings_count 6, social_care 6/6 and 6/6 (complement 0), frontdoor.decisions_count 6,
    # statutory_partners 2019-04 (0 / 0: zero is shown, null as an empty share)
]
# ... and published as version 4's public edition does: counts to the nearest 5; the shares shown (1/2, 6/6) and
# the median (31 working days) are already whole percents and whole days.
PUBLISHED_COUNTS = {"audits.count": 10, "assessments.completed_count": 10, "strategy.meetings_count": 5, "frontdoor.decisions_count": 5}
PUBLISHED_COUNTS |= {"equality.assessments.ethnicity.white": 10, "equality.assessments.disability.no": 5}  # 8 and 7
PUBLISHED_COUNTS |= {"audits.routine.count": 5}  # 6


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
    header = {key: value for key, value in document.items() if key not in ("figures", "suppressed", "spc", "comparators")}
    assert header == {
        "spec_version": 4,
        "pack_id": "golden",
        "la_name": "Goldshire",
        "period_start": "2019-03-01",
        "period_end": "2019-05-31",
        "snapshot_date": "2019-06-03",
        "audience": audience,
        # Lists 2, 4, 8 and 9 cover from List 1's (else List 3's) coverage: neither is given and there is no
        # annex_a_covers_from, so their coverage is not known (null) and their figures use the whole period;
        # Lists 10 and 11 cover the twelve months before the 3 June 2019 snapshot (their earliest adoption
        # order, 15 Apr 2019, and approval, 1 Feb 2019, are later), so from 3 June 2018
        "coverage": {"List 2": None, "List 4": None, "List 8": None, "List 9": None, "List 10": "2018-06-03", "List 11": "2018-06-03"},
    }
    # no la_code: England's values only, from england.yaml; none of its years ends by May 2019, so its latest
    assert document["comparators"]["referrals.rereferral_share"] == {
        "england": {
            "value": 0.226,
            "year": "2024-25",
            "source": "DfE, Children in need statistics, 2024-25 (table C1, re-referrals within 12 months)",
        }
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


@pytest.mark.slow
def test_golden_pack_internal(tmp_path):
    folder = build(PARAMS, tmp_path / "golden")
    assert_pack(folder, "internal", EXPECTED_FIGURES, [])
    # The four row-level oddities in List 4.csv, A13's blank Child Seen (the only blank a figure needs: A8's
    # is on an open assessment), EH6 of List 2.csv and GLD8006's blank second-period flag in List 8.csv,
    # each a row of the Data quality table with its count; and U14, an audit dated after the period end (1 June).
    html = (folder / "index.html").read_text(encoding="utf-8")
    quality = html[html.index('id="data-quality"') :]
    assert "Data-quality warnings: 8" in quality
    assert "1 audit dated after the period end (31 May 2019): it counts in the next pack" in quality
    assert (
        "blank or Unknown; this row leaves starts that are a second or later period in care within 12 months if it started in the period</td><td>1</td>"
        in quality
    )
    assert "blank or Unknown; this row leaves completed assessments where the child was seen</td><td>1</td>" in quality
    for problem in (
        "duplicate natural key",
        "row left out",
        "counted as not yet happened",
        "authorisation before its start",
        "early-help assessment completed before its start",
    ):
        assert problem in quality, problem
    # an internal pack withholds nothing, and its sections' caveats say so
    assert "are withheld as [c]" not in html and "Nothing is withheld: this pack is for internal use" in html


@pytest.mark.slow
def test_golden_pack_public(tmp_path):
    params = yaml.safe_load(PARAMS.read_text(encoding="utf-8"))
    params["audience"] = "public"
    params["data"] = {key: str((GOLDEN / value).resolve()) for key, value in params["data"].items()}
    public = tmp_path / "golden-public.yaml"
    public.write_text(yaml.safe_dump(params, sort_keys=False), encoding="utf-8")

    folder = build(public, tmp_path / "golden")
    assert_pack(folder, "public", published(EXPECTED_FIGURES, EXPECTED_SUPPRESSED) | PUBLISHED_COUNTS, EXPECTED_SUPPRESSED)
    html = (folder / "index.html").read_text(encoding="utf-8")
    assert "Numbers from 1 to 5 are withheld as [c]" in html and "Nothing is withheld" not in html


def test_expected_suppressions_are_real_ids():
    """A typo in EXPECTED_SUPPRESSED would make the public test pass vacuously for that id."""
    ids = {f"{k}/{m}" for k, v in EXPECTED_FIGURES.items() if isinstance(v, dict) for m in v}
    ids |= {k for k, v in EXPECTED_FIGURES.items() if not isinstance(v, dict)}
    assert set(EXPECTED_SUPPRESSED) <= ids
