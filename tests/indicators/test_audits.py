"""Case-audit figures and tables on six hand-made audits; every expected value worked out by hand.

Period Jan-Mar 2019 (February has no audits). Final grade = moderated grade, else the auditor's:

| audit | date       | team | type            | with worker | grade | moderated | final | voice of child | assessment |
|-------|------------|------|-----------------|-------------|-------|-----------|-------|----------------|------------|
| 1     | 2019-01-10 | Blue | monthly         | Y           | good  | -         | good  | good           | RI         |
| 2     | 2019-01-15 | Blue | monthly         | N           | good  | RI (down) | RI    | inadequate     | -          |
| 3     | 2019-03-05 | Red  | mock_inspection | Y           | RI    | RI (same) | RI    | outstanding    | good       |
| 4     | 2019-03-20 | Red  | (blank)         | Y           | inad. | RI (up)   | RI    | -              | inadequate |
| 5     | 2019-03-25 | Blue | themed          | (blank)     | outst.| -         | outst.| good           | good       |
| 6     | 2018-12-31 | Red  | monthly         | Y           | inad. | good      | (outside the period)               |
"""

from datetime import date

import pandas as pd
from pandas.testing import assert_frame_equal

from readiness.config.params import Params
from readiness.config.period import Period
from readiness.indicators import audits as a
from readiness.indicators.figure import Figure, share
from readiness.inputs.bundle import Inputs

PERIOD = Period.of(date(2019, 1, 1), date(2019, 3, 31))
RI, INADEQUATE = "requires_improvement", "inadequate"


def make_audits() -> pd.DataFrame:
    rows = [
        ("1", "2019-01-10", "Blue", "monthly", True, "good", None, "good", RI),
        ("2", "2019-01-15", "Blue", "monthly", False, "good", RI, INADEQUATE, None),
        ("3", "2019-03-05", "Red", "mock_inspection", True, RI, RI, "outstanding", "good"),
        ("4", "2019-03-20", "Red", None, True, INADEQUATE, RI, None, INADEQUATE),
        ("5", "2019-03-25", "Blue", "themed", None, "outstanding", None, "good", "good"),
        ("6", "2018-12-31", "Red", "monthly", True, INADEQUATE, "good", "good", "good"),
    ]
    columns = [
        "audit_id",
        "audit_date",
        "team",
        "audit_type",
        "worker_participated",
        "grade",
        "moderated_grade",
        "domain_voice_of_child",
        "domain_assessment",
    ]
    frame = pd.DataFrame(rows, columns=columns)
    frame["audit_date"] = pd.to_datetime(frame["audit_date"])
    frame["worker_participated"] = frame["worker_participated"].astype("boolean")
    return frame.assign(child_id=frame["audit_id"], _row=range(2, 8))


def grade_rows(index, name, rows):
    """Expected grade table: rows of (outstanding, good, RI, inadequate, audits, good_or_better, share)."""
    table = pd.DataFrame(rows, index=pd.Index(index, name=name), columns=[*a.GRADES, "audits", "good_or_better", "good_or_better_share"])
    return table.astype({column: int for column in table.columns[:-1]} | {"good_or_better_share": float})


def test_count_takes_audits_dated_in_period():
    # audits 1-5; audit 6 is dated 31 Dec 2018
    assert a.audits_count(make_audits(), PERIOD) == Figure(5, (5,))


def test_grade_shares_use_the_moderated_grade_over_the_auditors():
    audits = make_audits()
    # final grades in period: good (1), RI (2, moderated down from good), RI (3), RI (4, up from inadequate), outstanding (5)
    assert a.grade_share(audits, PERIOD, "outstanding") == share(1, 5)
    assert a.grade_share(audits, PERIOD, "good") == share(1, 5)
    assert a.grade_share(audits, PERIOD, RI) == share(3, 5)
    assert a.grade_share(audits, PERIOD, INADEQUATE) == share(0, 5)
    # outstanding (5) + good (1) of 5; audit 2 would make it 3/5 if the auditor's grade were used
    assert a.good_or_better_share(audits, PERIOD) == share(2, 5)


def test_worker_participated_share_leaves_out_a_blank():
    # Y for audits 1, 3, 4; N for 2; blank for 5 (unknown: out of numerator and denominator) -> 3 of 4
    assert a.worker_participated_share(make_audits(), PERIOD) == share(3, 4)


def test_moderation_figures_are_over_moderated_audits_in_period():
    audits = make_audits()
    # moderated in period: 2 (good -> RI, downgraded), 3 (RI -> RI, agreed), 4 (inadequate -> RI, upgraded)
    assert a.moderated_count(audits, PERIOD) == Figure(3, (3,))
    assert a.moderation_share(audits, PERIOD, "agreed") == share(1, 3)
    assert a.moderation_share(audits, PERIOD, "downgraded") == share(1, 3)


def test_no_moderated_audit_gives_zero_and_empty_shares():
    audits = make_audits().assign(moderated_grade=pd.array([pd.NA] * 6, dtype="string"))
    assert a.moderated_count(audits, PERIOD) == Figure(0, (0,))
    assert a.moderation_share(audits, PERIOD, "agreed").value is None


def test_domain_share_is_over_audits_grading_that_domain():
    audits = make_audits()
    assert a.domains(audits) == ["voice_of_child", "assessment"]
    # voice of child graded on 1 good, 2 inadequate, 3 outstanding, 5 good -> 3 of 4
    assert a.domain_good_or_better_share(audits, PERIOD, "voice_of_child") == share(3, 4)
    # assessment graded on 1 RI, 3 good, 4 inadequate, 5 good -> 2 of 4
    assert a.domain_good_or_better_share(audits, PERIOD, "assessment") == share(2, 4)


def test_monthly_series_has_every_month_and_null_for_february():
    # Jan: 1 good, 2 RI (moderated) -> 1/2; Feb: no audits -> null; Mar: 3 RI, 4 RI, 5 outstanding -> 1/3
    series = a.monthly_good_or_better_share(make_audits(), PERIOD)
    assert series == {"2019-01": share(1, 2), "2019-02": share(0, 0), "2019-03": share(1, 3)}
    assert series["2019-02"].value is None


def test_domain_monthly_series():
    # voice of child: Jan 1 good, 2 inadequate -> 1/2; Feb none; Mar 3 outstanding, 5 good (4 not graded) -> 2/2
    series = a.domain_good_or_better_by_month(make_audits(), PERIOD, "voice_of_child")
    assert series == {"2019-01": share(1, 2), "2019-02": share(0, 0), "2019-03": share(2, 2)}


def test_figures_gives_every_id_of_the_theme():
    params = Params(pack_id="t", la_name="T", period_start=PERIOD.start, period_end=PERIOD.end)
    result = a.figures(Inputs(case_audits=make_audits()), params)
    assert set(result) == {
        "audits.count",
        "audits.grade_share.outstanding",
        "audits.grade_share.good",
        "audits.grade_share.requires_improvement",
        "audits.grade_share.inadequate",
        "audits.good_or_better_share",
        "audits.worker_participated_share",
        "audits.moderated_count",
        "audits.moderation_agreement_share",
        "audits.moderation_downgrade_share",
        "audits.domain_good_or_better_share.voice_of_child",
        "audits.domain_good_or_better_share.assessment",
        "audits.monthly.good_or_better_share",
    }
    assert result["audits.moderation_downgrade_share"] == share(1, 3)
    assert a.figures(Inputs(), params) == {}


def test_grade_counts_by_month_has_every_month():
    expected = grade_rows(
        ["2019-01", "2019-02", "2019-03"],
        "month",
        [
            (0, 1, 1, 0, 2, 1, 1 / 2),  # 1 good, 2 RI (moderated)
            (0, 0, 0, 0, 0, 0, float("nan")),  # no audits
            (1, 0, 2, 0, 3, 1, 1 / 3),  # 3 RI, 4 RI (moderated), 5 outstanding
        ],
    )
    assert_frame_equal(a.grade_counts_by_month(make_audits(), PERIOD), expected)


def test_grade_counts_by_team_lowest_good_or_better_first():
    expected = grade_rows(
        ["Red", "Blue"],
        "team",
        [
            (0, 0, 2, 0, 2, 0, 0.0),  # 3 RI, 4 RI
            (1, 1, 1, 0, 3, 2, 2 / 3),  # 5 outstanding, 1 good, 2 RI
        ],
    )
    assert_frame_equal(a.grade_counts_by_team(make_audits(), PERIOD), expected)
    assert_frame_equal(a.good_or_better_by_team(make_audits(), PERIOD), expected[["audits", "good_or_better", "good_or_better_share"]])


def test_audit_type_grade_counts_with_blank_type_as_not_recorded():
    expected = grade_rows(
        ["Not recorded", "mock_inspection", "monthly", "themed"],
        "audit_type",
        [
            (0, 0, 1, 0, 1, 0, 0.0),  # 4 RI
            (0, 0, 1, 0, 1, 0, 0.0),  # 3 RI
            (0, 1, 1, 0, 2, 1, 1 / 2),  # 1 good, 2 RI
            (1, 0, 0, 0, 1, 1, 1.0),  # 5 outstanding
        ],
    )
    assert_frame_equal(a.audit_type_grade_counts(make_audits(), PERIOD), expected)


def test_domain_grade_counts_one_row_per_domain():
    expected = grade_rows(
        ["voice_of_child", "assessment"],
        "domain",
        [
            (1, 2, 0, 1, 4, 3, 3 / 4),  # 3 outstanding; 1, 5 good; 2 inadequate
            (0, 2, 1, 1, 4, 2, 2 / 4),  # 3, 5 good; 1 RI; 4 inadequate
        ],
    )
    assert_frame_equal(a.domain_grade_counts(make_audits(), PERIOD), expected)


def test_domain_grade_counts_by_month_counts_only_audits_grading_it():
    expected = grade_rows(
        ["2019-01", "2019-02", "2019-03"],
        "month",
        [
            (0, 0, 1, 0, 1, 0, 0.0),  # 1 RI (2 not graded)
            (0, 0, 0, 0, 0, 0, float("nan")),
            (0, 2, 0, 1, 3, 2, 2 / 3),  # 3, 5 good; 4 inadequate
        ],
    )
    assert_frame_equal(a.domain_grade_counts_by_month(make_audits(), PERIOD, "assessment"), expected)


def test_moderation_summary():
    # of 3 moderated in period: 3 agreed, 2 downgraded, 4 upgraded
    expected = pd.DataFrame(
        {"audits": [1, 1, 1], "moderated": [3, 3, 3], "audits_share": [1 / 3] * 3},
        index=pd.Index(["agreed", "downgraded", "upgraded"], name="outcome"),
    )
    assert_frame_equal(a.moderation_summary(make_audits(), PERIOD), expected)


def test_worker_participation_by_team_lowest_share_first():
    # Blue: 1 Y, 2 N, 5 blank -> 3 audits, 2 recorded, 1 of 2; Red: 3 Y, 4 Y -> 2 of 2 (6 is outside the period)
    expected = pd.DataFrame(
        {"audits": [3, 2], "participation_recorded": [2, 2], "worker_participated": [1, 2], "worker_participated_share": [1 / 2, 1.0]},
        index=pd.Index(["Blue", "Red"], name="team"),
    )
    assert_frame_equal(a.worker_participation_by_team(make_audits(), PERIOD), expected)


def test_a_blank_grade_leaves_the_grade_shares_in_the_headline_and_the_tables_alike():
    # Four audits in January: good, good, inadequate, and one with no grade (blank, not moderated).
    # Graded: 3, of which good or better 2 -> 2/3 in the headline, the monthly series and the team table
    # (counting the blank audit in the denominator would make the headline 2/4 against the tables' 2/3).
    audits = (
        make_audits()
        .iloc[:4]
        .assign(
            audit_date=pd.to_datetime(["2019-01-02", "2019-01-03", "2019-01-04", "2019-01-05"]),
            team="Blue",
            grade=["good", "good", INADEQUATE, None],
            moderated_grade=None,
        )
    )
    assert a.audits_count(audits, PERIOD) == Figure(4, (4,))  # every audit still counts as done
    assert a.good_or_better_share(audits, PERIOD) == share(2, 3)
    assert a.grade_share(audits, PERIOD, INADEQUATE) == share(1, 3)
    assert a.monthly_good_or_better_share(audits, PERIOD)["2019-01"] == share(2, 3)
    by_month = a.grade_counts_by_month(audits, PERIOD)
    assert by_month.loc["2019-01", ["audits", "good_or_better"]].tolist() == [3, 2]
    assert a.grade_counts_by_team(audits, PERIOD).loc["Blue", "good_or_better_share"] == 2 / 3


def test_an_audit_without_the_auditors_grade_leaves_the_moderation_shares():
    # In period: 2 (good -> RI: downgraded), 3 (RI -> RI: agreed), 4 (no auditor's grade, moderated RI: unknown)
    audits = make_audits().assign(grade=["good", "good", RI, None, "outstanding", INADEQUATE])
    assert a.moderated_count(audits, PERIOD) == Figure(3, (3,))  # it was moderated
    assert a.moderation_share(audits, PERIOD, "agreed") == share(1, 2)
    assert a.moderation_share(audits, PERIOD, "downgraded") == share(1, 2)
    assert a.moderation_summary(audits, PERIOD)["moderated"].tolist() == [2, 2, 2]
