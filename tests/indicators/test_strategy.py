"""Strategy-meeting attendance on hand-made meetings; every expected value worked out by hand.

Period Apr-Jun 2019 (June has no meetings). Rows as (agency, invited, attended):

| meeting | date       | team | rows                                                              |
|---------|------------|------|-------------------------------------------------------------------|
| M1      | 2019-04-03 | East | social_care Y/Y, police Y/Y, health Y/N and health N/Y (-> invited, attended); no education row |
| M2      | 2019-04-10 | East | social_care Y/Y, police N/Y (attended without invitation), health Y/Y, education Y/N |
| M3      | 2019-05-02 | West | social_care Y/Y, police Y/N, health Y/Y, other Y/Y                 |
| M4      | 2019-03-28 | West | social_care, police, health all Y/Y (before the period)           |
| M5      | 2019-05-20 | West | other Y/Y only                                                     |

In period: M1, M2, M3, M5. All three statutory partners attended M1 and M2 only.
"""

from datetime import date

import pandas as pd
from pandas.testing import assert_frame_equal

from readiness.config.params import Params
from readiness.config.period import Period
from readiness.indicators import strategy as st
from readiness.indicators.figure import Figure, share
from readiness.inputs.bundle import Inputs

PERIOD = Period.of(date(2019, 4, 1), date(2019, 6, 30))
MEETINGS = {
    "M1": ("2019-04-03", "East"),
    "M2": ("2019-04-10", "East"),
    "M3": ("2019-05-02", "West"),
    "M4": ("2019-03-28", "West"),
    "M5": ("2019-05-20", "West"),
}
ROWS = [
    ("M1", "social_care", True, True),
    ("M1", "police", True, True),
    ("M1", "health", True, False),
    ("M1", "health", False, True),
    ("M2", "social_care", True, True),
    ("M2", "police", False, True),
    ("M2", "health", True, True),
    ("M2", "education", True, False),
    ("M3", "social_care", True, True),
    ("M3", "police", True, False),
    ("M3", "health", True, True),
    ("M3", "other", True, True),
    ("M4", "social_care", True, True),
    ("M4", "police", True, True),
    ("M4", "health", True, True),
    ("M5", "other", True, True),
]


def make_meetings() -> pd.DataFrame:
    frame = pd.DataFrame(ROWS, columns=["meeting_id", "agency", "invited", "attended"])
    frame["meeting_date"] = pd.to_datetime(frame["meeting_id"].map(lambda m: MEETINGS[m][0]))
    frame["team"] = frame["meeting_id"].map(lambda m: MEETINGS[m][1])
    return frame.astype({"invited": "boolean", "attended": "boolean"}).assign(child_id=frame["meeting_id"])


def test_meetings_counted_once_each_in_period():
    # M1, M2, M3, M5 (16 rows; M4 is in March)
    assert st.meetings_count(make_meetings(), PERIOD) == Figure(4, (4,))


def test_attendance_share_per_agency_over_all_meetings():
    meetings = make_meetings()
    assert st.attendance_share(meetings, PERIOD, "social_care") == share(3, 4)  # M1, M2, M3
    assert st.attendance_share(meetings, PERIOD, "police") == share(2, 4)  # M1, M2 (uninvited)
    assert st.attendance_share(meetings, PERIOD, "health") == share(3, 4)  # M1 (second row says Y), M2, M3
    assert st.attendance_share(meetings, PERIOD, "education") == share(0, 4)


def test_invited_attendance_share_is_over_meetings_the_agency_was_invited_to():
    meetings = make_meetings()
    assert st.invited_attendance_share(meetings, PERIOD, "social_care") == share(3, 3)
    # police invited to M1 (attended) and M3 (did not); M2 attended uninvited is in neither -> 1 of 2
    assert st.invited_attendance_share(meetings, PERIOD, "police") == share(1, 2)
    # health invited to M1 (first row), M2, M3 and attended all three
    assert st.invited_attendance_share(meetings, PERIOD, "health") == share(3, 3)
    # education invited to M2 only, absent
    assert st.invited_attendance_share(meetings, PERIOD, "education") == share(0, 1)


def test_statutory_partners_share_and_monthly_series():
    meetings = make_meetings()
    # M1 and M2 of 4 (M3 police absent, M5 none of them)
    assert st.statutory_partners_share(meetings, PERIOD) == share(2, 4)
    # Apr M1, M2 -> 2/2; May M3, M5 -> 0/2; June no meetings -> null
    series = st.monthly_statutory_partners_share(meetings, PERIOD)
    assert series == {"2019-04": share(2, 2), "2019-05": share(0, 2), "2019-06": share(0, 0)}
    assert series["2019-06"].value is None


def test_figures_gives_every_id_of_the_theme():
    params = Params(pack_id="t", la_name="T", period_start=PERIOD.start, period_end=PERIOD.end)
    result = st.figures(Inputs(strategy_meetings=make_meetings()), params)
    agencies = ["social_care", "police", "health", "education"]
    assert set(result) == {
        "strategy.meetings_count",
        "strategy.statutory_partners_share",
        "strategy.monthly.statutory_partners_share",
        *(f"strategy.attendance_share.{agency}" for agency in agencies),
        *(f"strategy.invited_attendance_share.{agency}" for agency in agencies),
    }
    assert result["strategy.invited_attendance_share.police"] == share(1, 2)
    assert st.figures(Inputs(), params) == {}


def expected_attendance(index, name, rows):
    """Rows of (meetings, attended per agency x4, statutory_partners, statutory_partners_share); no attendance
    is blank in these meetings, so ``statutory_known`` (whether all three attended is known) is every meeting."""
    columns = [
        "meetings",
        "attended_social_care",
        "attended_police",
        "attended_health",
        "attended_education",
        "statutory_partners",
        "statutory_partners_share",
    ]
    table = pd.DataFrame(rows, index=pd.Index(index, name=name), columns=columns)
    table.insert(5, "statutory_known", table["meetings"])
    return table.astype({column: int for column in columns[:-1]} | {"statutory_partners_share": float})


def test_attendance_by_month():
    expected = expected_attendance(
        ["2019-04", "2019-05", "2019-06"],
        "month",
        [
            (2, 2, 2, 2, 0, 2, 1.0),  # M1, M2
            (2, 1, 0, 1, 0, 0, 0.0),  # M3 (social care, health), M5 (other only)
            (0, 0, 0, 0, 0, 0, float("nan")),
        ],
    )
    assert_frame_equal(st.attendance_by_month(make_meetings(), PERIOD), expected)


def test_attendance_by_team_lowest_share_first():
    expected = expected_attendance(
        ["West", "East"],
        "team",
        [
            (2, 1, 0, 1, 0, 0, 0.0),  # M3, M5 (M4 outside the period)
            (2, 2, 2, 2, 0, 2, 1.0),  # M1, M2
        ],
    )
    assert_frame_equal(st.attendance_by_team(make_meetings(), PERIOD), expected)


def test_invitation_summary_counts_attendance_without_invitation():
    # 4 meetings in period. police: invited M1, M3; attended M1, M2; both M1; uninvited M2.
    expected = pd.DataFrame(
        {
            "meetings": [4, 4, 4, 4],
            "attendance_recorded": [4, 4, 4, 4],  # no blank attendance
            "invited": [3, 2, 3, 1],
            "invited_recorded": [3, 2, 3, 1],  # every invited agency's attendance recorded
            "attended": [3, 2, 3, 0],
            "invited_attended": [3, 1, 3, 0],
            "attended_uninvited": [0, 1, 0, 0],
            "attended_share": [3 / 4, 2 / 4, 3 / 4, 0.0],
            "invited_attended_share": [1.0, 1 / 2, 1.0, 0.0],
        },
        index=pd.Index(["social_care", "police", "health", "education"], name="agency"),
    )
    assert_frame_equal(st.invitation_summary(make_meetings(), PERIOD), expected)


def test_a_blank_attendance_leaves_the_figures_it_is_needed_for():
    # June meetings added to the table above (Y/Y etc. as invited/attended; "?" = blank):
    #   M6 2019-06-05 East: social_care Y/Y, police Y/?, health Y/Y -> police unknown; all three unknown
    #   M7 2019-06-06 East: social_care Y/Y, police Y/N, health Y/? -> health unknown; all three known not (police absent)
    rows = ROWS + [
        ("M6", "social_care", True, True),
        ("M6", "police", True, None),
        ("M6", "health", True, True),
        ("M7", "social_care", True, True),
        ("M7", "police", True, False),
        ("M7", "health", True, None),
    ]
    frame = pd.DataFrame(rows, columns=["meeting_id", "agency", "invited", "attended"])
    dates = {**MEETINGS, "M6": ("2019-06-05", "East"), "M7": ("2019-06-06", "East")}
    frame["meeting_date"] = pd.to_datetime(frame["meeting_id"].map(lambda m: dates[m][0]))
    frame["team"] = frame["meeting_id"].map(lambda m: dates[m][1])
    meetings = frame.astype({"invited": "boolean", "attended": "boolean"}).assign(child_id=frame["meeting_id"])
    assert st.meetings_count(meetings, PERIOD) == Figure(6, (6,))  # both still count as meetings
    # police: M1, M2 attended; M3, M5, M7 not; M6 unknown -> 2 of 5
    assert st.attendance_share(meetings, PERIOD, "police") == share(2, 5)
    # health: M1, M2, M3, M6 attended; M5 not; M7 unknown -> 4 of 5
    assert st.attendance_share(meetings, PERIOD, "health") == share(4, 5)
    # police invited to M1 (Y), M3 (N), M6 (?), M7 (N) -> 1 of 3
    assert st.invited_attendance_share(meetings, PERIOD, "police") == share(1, 3)
    # all three: M1, M2 yes; M3, M5, M7 no; M6 unknown -> 2 of 5; June: M7 no, M6 unknown -> 0 of 1
    assert st.statutory_partners_share(meetings, PERIOD) == share(2, 5)
    assert st.monthly_statutory_partners_share(meetings, PERIOD)["2019-06"] == share(0, 1)
    june = st.attendance_by_month(meetings, PERIOD).loc["2019-06"]
    assert june[["meetings", "statutory_known", "statutory_partners", "statutory_partners_share"]].tolist() == [2, 1, 0, 0.0]
    police = st.invitation_summary(meetings, PERIOD).loc["police"]
    assert police[["attendance_recorded", "attended", "attended_share", "invited_recorded", "invited_attended_share"]].tolist() == [
        5,
        2,
        2 / 5,
        3,
        1 / 3,
    ]
