"""A pack from the statutory returns without Annex A: what the returns feed, worked by hand on small returns, and
null (never 0 % or 100 %) for the figures that need a field the returns lack."""

from __future__ import annotations

from datetime import date

import pandas as pd

from readiness.config.params import Params
from readiness.indicators import returns_alone
from readiness.indicators.common import NOT_COVERED
from readiness.indicators.figure import Figure
from readiness.inputs.bundle import Inputs
from readiness.present.returns_beside import not_in_returns, returns_given

# October 2024 to March 2025, the snapshot on 31 March 2025: the second half of the returns' year 2024-25.
PARAMS = Params(
    pack_id="t", la_name="Testshire", period_start=date(2024, 10, 1), period_end=date(2025, 3, 31), audience="internal", suppress_up_to=0
)


def dates(*days):
    return pd.to_datetime(pd.Series(days, dtype="object"))


def census() -> dict[str, pd.DataFrame]:
    """One CIN census year, 2024-25 (April 2024 to March 2025)."""
    referrals = pd.DataFrame(
        {
            "child_id": ["a", "b", "c", "a"],
            "referral_date": dates("2024-05-01", "2024-10-07", "2024-10-20", "2025-02-03"),
            "referral_nfa": pd.array([False, True, False, False], dtype="boolean"),
        }
    )
    assessments = pd.DataFrame(
        {
            "child_id": ["b", "c"],
            # b: 8 October to 6 November 2024, about 21 working days: within 45; c: 21 October 2024 to 7 February 2025, over 70
            "assessment_start": dates("2024-10-08", "2024-10-21"),
            "assessment_authorised": dates("2024-11-06", "2025-02-07"),
        }
    )
    s47 = pd.DataFrame({"child_id": ["c"], "s47_start": dates("2024-10-22"), "icpc_date": dates(None)})
    plans = pd.DataFrame(
        {
            "child_id": ["c", "d", "e"],
            # c: reviews due 1 Mar 2024, 1 Sep 2024, 1 Mar 2025 (the latest by 31 March): held when after 1 Sep 2024
            # d: first review due 15 Feb 2025: held when after the start; e: first review due 1 May 2025, after the snapshot
            "cp_start": dates("2023-12-01", "2024-11-15", "2025-02-01"),
            "cp_end": dates(None, None, None),
        }
    )
    reviews = pd.DataFrame(
        {"child_id": ["c", "c"], "cp_start": dates("2023-12-01", "2023-12-01"), "review_date": dates("2024-08-20", "2025-02-25")}
    )
    frames = {"cin_referrals": referrals, "cin_assessments": assessments, "cin_s47": s47, "cin_cp_plans": plans, "cin_cp_reviews": reviews}
    return {name: frame.assign(return_year=2025) for name, frame in frames.items()}


def ssda903() -> dict[str, pd.DataFrame]:
    """One SSDA903 year, 2024-25."""
    episodes = pd.DataFrame(
        [
            # X: in care since 10 Jan 2022; reviews due 7 Feb 2022 (20 working days), 7 May 2022, then six-monthly to
            # 7 Nov 2024 (the latest by 31 March 2025): in time when reviewed after 7 May 2024
            ("X", "2022-01-10", "S", "C2", "U1", "1", None, None),
            # Y: since 3 June 2024; reviews due 1 July and 1 October 2024: in time when reviewed after 1 July
            ("Y", "2024-06-03", "S", "C2", "U1", "2", None, None),
            ("Z", "2024-05-01", "S", "V3", "U1", "3", None, None),  # short breaks: left out of the reviews
            ("W", "2024-04-02", "S", "C2", "U1", "4", "2024-12-01", "E11"),  # ceased in December
            ("V", "2025-03-20", "S", "C2", "U1", "5", None, None),  # started in March; first review due after the snapshot
        ],
        columns=["CHILD", "DECOM", "RNE", "LS", "PLACE", "URN", "DEC", "REC"],
    )
    episodes["DECOM"], episodes["DEC"] = pd.to_datetime(episodes["DECOM"]), pd.to_datetime(episodes["DEC"])
    reviews = pd.DataFrame(
        {"CHILD": ["X", "Y", "Y"], "REVIEW": dates("2024-10-01", "2024-06-25", "2025-04-10")}
    )  # Y's second: after the snapshot
    return {"ssda903_episodes": episodes.assign(_left_out=False, return_year=2025), "ssda903_reviews": reviews.assign(return_year=2025)}


def test_the_census_feeds_the_period_figures_its_months_sum_to():
    figures = returns_alone.figures(Inputs(**census()), PARAMS)
    assert figures["referrals.count"].value == 3  # October (2) and February (1); May 2024 is before the period
    assert figures["referrals.nfa_share"].basis == (1, 3)
    assert figures["referrals.monthly.count"]["2024-10"].value == 2
    assert figures["referrals.rereferral_share"].value is None  # the census's first twelve months: earlier referrals unknown
    assert figures["assessments.within_45_working_days_share"].basis == (1, 2)
    assert (figures["s47.count"].value, figures["icpc.count"].value, figures["cp.started_count"].value) == (1, 0, 2)


def test_a_month_the_returns_do_not_cover_is_not_covered_never_0():
    later = PARAMS.model_copy(update={"period_start": date(2025, 1, 1), "period_end": date(2025, 6, 30)})
    figures = returns_alone.figures(Inputs(**census()), later)
    assert figures["referrals.monthly.count"]["2025-04"] is NOT_COVERED
    assert figures["referrals.count"].value == 1  # a's of 3 February, over January to March, the months covered
    assert "cp.review_in_time_share" not in figures  # the census ends on 31 March, before the snapshot


def test_cp_reviews_come_from_the_censuss_review_dates():
    # c: latest review 25 Feb 2025, after 1 Sep 2024: held; d: no review since its start: not held; e: none due yet
    assert returns_alone.figures(Inputs(**census()), PARAMS)["cp.review_in_time_share"].basis == (1, 2)


def test_a_return_with_no_review_date_at_all_leaves_the_reviews_null_never_0_per_cent():
    frames = {**census(), **ssda903()}
    frames["cin_cp_reviews"] = frames["cin_cp_reviews"].iloc[:0]  # a census whose system exported no CPPreviewDate
    frames["ssda903_reviews"] = frames["ssda903_reviews"].assign(REVIEW=pd.NaT)
    inputs = Inputs(**frames)
    figures = returns_alone.figures(inputs, PARAMS)
    assert figures["cp.review_in_time_share"] == figures["cla.review_in_time_share"] == Figure(None, ())
    assert returns_alone.lacking(inputs)["cp.review_in_time_share"] == "child protection review dates (the CIN census's CPPreviewDate)"
    assert (
        "- Statutory review dates (the SSDA903's reviews): children in care whose latest statutory review was in time (reg. 33) (not in the statutory returns)."
        in (not_in_returns(figures, returns_alone.lacking(inputs)).splitlines())
    )


def test_children_in_cares_reviews_and_movements_come_from_the_ssda903():
    figures = returns_alone.figures(Inputs(**ssda903()), PARAMS)
    # X reviewed 1 Oct 2024, after 7 May 2024: in time; Y's latest by the snapshot, 25 June 2024, is not after 1 July
    assert figures["cla.review_in_time_share"].basis == (1, 2)
    assert (figures["cla.started_count"].value, figures["cla.ceased_count"].value) == (1, 1)  # V in March; W in December


def test_what_the_returns_do_not_hold_is_null_never_0_or_100_per_cent():
    figures = returns_alone.figures(Inputs(**census(), **ssda903()), PARAMS)
    lacking = returns_alone.not_in_returns()
    # allocation (List 6's and List 8's worker, List 9's adviser), visits, a child seen or seen alone, IRO, health, dental
    assert {
        "caseload.unallocated_count",
        "cla.unallocated_count",
        "care_leavers.personal_adviser_share",
        "cp.visit_within_interval_share",
        "cla.visit_within_regulation_share",
        "assessments.child_seen_share",
        "cp.seen_alone_share",
        "cla.iro_contact_within_interval_share",
        "cla.health_assessment_in_date_share",
        "cla.dental_check_in_date_share",
    } <= lacking.keys()
    assert "caseload.open_children" not in lacking  # open children need no worker
    assert all(figures[figure_id].value is None and figures[figure_id].basis == () for figure_id in lacking)
    fed = {figure_id for figure_id, figure in figures.items() if not isinstance(figure, dict) and figure.value is not None}
    assert fed == {
        "referrals.count",
        "referrals.nfa_share",
        "assessments.within_45_working_days_share",
        "s47.count",
        "icpc.count",
        "cp.started_count",
        "cp.review_in_time_share",
        "cla.review_in_time_share",
        "cla.started_count",
        "cla.ceased_count",
    }
    text = not_in_returns(figures, lacking)
    assert text.splitlines()[1] == (
        "- Allocation: open children with no allocated worker; median caseload per allocated worker; largest caseload; workers with more than 25 "
        "children; workers with more than 50 children; children per case-holding FTE; children in care with no allocated worker; care leavers "
        "with a personal adviser (not in the statutory returns)."
    )
    assert "- Whether a child was seen alone: children on a plan seen alone (not in the statutory returns)." in text.splitlines()


def test_with_annex_a_the_returns_feed_no_annex_a_figure():
    inputs = Inputs(**census())
    inputs.annex_a["list_3"] = pd.DataFrame({"child_id": []})
    assert returns_alone.figures(inputs, PARAMS) == {}


def test_the_returns_given_are_named_with_their_years():
    assert returns_alone.return_years(Inputs(**census())) == {"cin_census": [2025]}
    assert returns_given({"cin_census": [2023, 2025], "csww": [2025]}) == (
        "This pack reads the CIN census for 2022-23 to 2024-25 and the workforce census for Sept 2025; "
        "no Annex A was given, so it is built from the returns alone."
    )
