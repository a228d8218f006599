"""A pack from the statutory returns without Annex A (``inputs.md`` section 5, *Without Annex A*).

The returns feed, on Annex A's definitions, the period figures whose monthly series they compute
(:mod:`.returns_history`: referrals, their NFA and re-referral shares, assessments within 45 working days, section 47
enquiries, ICPCs, plans started, children starting and ceasing care): a count sums the months, a share pools them,
over the period's months the returns cover. Statutory review dates come from the SSDA903 ``reviews`` and child
protection review dates from the CIN census's ``CPPreviewDate``, for the reviews at the snapshot when the returns
cover it (a return holding no review date at all leaves them ``null``). A figure declared to read an Annex A column no return carries (:data:`NOT_IN_RETURNS`) is ``null``, "not in
the statutory returns": never a 0 % or 100 % made from a column that is not there. No figure is named here: the
figures come from their declarations (:mod:`readiness.config.figures`).
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from readiness.config.figures import REGISTRY, monthly_id
from readiness.config.params import Params
from readiness.config.period import Period
from readiness.inputs.bundle import RETURN_FRAMES, Inputs

from .care_regulations import REVIEW_IN_TIME, review_in_time_share
from .common import NOT_COVERED, known_share
from .figure import Figure, FigureValue, count, share
from .protection_standards import REVIEW_HELD, review_held
from .returns_care import care_chain_start, looked_after_on, usable_episodes
from .returns_history import cin_series, covered_months, ssda903_series

NOT_IN_RETURNS = {  # Annex A's columns that no statutory return carries, and what they hold, in words
    "list_6.worker": "allocation",
    "list_8.worker": "allocation",
    "list_9.personal_advisor": "allocation",
    "list_7.last_visit": "visits",
    "list_8.last_visit": "visits",
    "list_4.child_seen": "whether a child was seen",
    "list_6.last_seen": "whether a child was seen",
    "list_7.seen_alone": "whether a child was seen alone",
    "list_8.last_iro_contact": "IRO contact",
    "list_8.last_health_assessment": "health assessments",
    "list_8.last_dental_check": "dental checks",
}
NOT_IN_RETURNS_TEXT = "not in the statutory returns"


def returns_alone(inputs: Inputs) -> bool:
    """Whether the pack has a statutory return and no Annex A."""
    return not inputs.annex_a and any(inputs.has(name) for name in RETURN_FRAMES)


def not_in_returns() -> dict[str, str]:
    """Each headline figure shown whose declaration reads a column of :data:`NOT_IN_RETURNS`, and what the returns lack
    for it (a figure kept only for continuity is left out)."""
    lacking: dict[str, str] = {}
    for column, words in NOT_IN_RETURNS.items():
        for figure_id in REGISTRY.readers(column):
            declared = REGISTRY.find(figure_id)
            if declared.shown and not (declared.series or declared.family):
                lacking.setdefault(figure_id, words)
    return lacking


def unfilled_reviews(inputs: Inputs) -> dict[str, str]:
    """The review figures whose return is given but holds no review date in any year (a field the council's system did
    not export, as an Annex A column blank in every row is), and what it lacks: they are ``null``, never 0 %."""
    unfilled = {}
    if inputs.ssda903_episodes is not None and (inputs.ssda903_reviews is None or inputs.ssda903_reviews["REVIEW"].isna().all()):
        unfilled[REVIEW_IN_TIME] = "statutory review dates (the SSDA903's reviews)"
    if inputs.cin_cp_plans is not None and (inputs.cin_cp_reviews is None or inputs.cin_cp_reviews["review_date"].isna().all()):
        unfilled[REVIEW_HELD] = "child protection review dates (the CIN census's CPPreviewDate)"
    return unfilled


def lacking(inputs: Inputs) -> dict[str, str]:
    """Every figure a pack from ``inputs``' returns cannot feed, and what the returns lack for it."""
    return {**not_in_returns(), **unfilled_reviews(inputs)}


def period_figures(series: dict[str, dict[str, Figure]], period: Period) -> dict[str, FigureValue]:
    """Each monthly series over the period's months (a month the returns do not cover: not covered, never 0), and the
    headline count or share it is the series of, over the months covered: the counts summed, a share's numerators and
    denominators summed (``null`` when no month is covered)."""
    headlines = {monthly_id(d.id): d for d in REGISTRY.declared() if not (d.series or d.family) and d.kind in ("count", "share")}
    result: dict[str, FigureValue] = {}
    for series_id, months in series.items():
        result[series_id] = {month: months.get(month, NOT_COVERED) for month in period.months()}
        headline = headlines.get(series_id)
        if headline is None:
            continue
        covered = [figure for figure in result[series_id].values() if figure != NOT_COVERED]
        if not covered:
            result[headline.id] = Figure(None, ())
        elif headline.kind == "count":
            result[headline.id] = count(sum(figure.value for figure in covered))
        else:
            result[headline.id] = share(sum(figure.basis[0] for figure in covered), sum(figure.basis[1] for figure in covered))
    return result


def covers(frames: list[pd.DataFrame | None], day: date) -> bool:
    """Whether the years of a return's ``frames`` (each ending 31 March) cover ``day``."""
    years = {int(year) for frame in frames if frame is not None for year in frame["return_year"].unique()}
    return pd.Period(day, freq="M").strftime("%Y-%m") in covered_months(years)


def cla_reviews(episodes: pd.DataFrame, reviews: pd.DataFrame, snapshot: date) -> pd.DataFrame:
    """The children looked after at ``snapshot`` as List 8 gives them for the reviews: the start of their period of care
    (``looked_after_start``), their legal status then, and their latest statutory review on or before it."""
    day = pd.Timestamp(snapshot)
    rows = looked_after_on(episodes, day).set_index("CHILD")
    latest = reviews[reviews["REVIEW"] <= day].groupby("CHILD")["REVIEW"].max()
    return pd.DataFrame(
        {
            "looked_after_start": care_chain_start(episodes, day).reindex(rows.index),
            "legal_status": rows["LS"],
            "latest_review": latest.reindex(rows.index),
        }
    )


def cp_reviews_held_share(plans: pd.DataFrame, reviews: pd.DataFrame, snapshot: date) -> Figure:
    """``cp.review_in_time_share`` from the CIN census: of plans open at ``snapshot`` with a review due, share whose latest
    review conference (``CPPreviewDate``, on or before the snapshot) was held in time."""
    day = pd.Timestamp(snapshot)
    open_plans = plans[(plans["cp_start"] <= day) & (plans["cp_end"].isna() | (plans["cp_end"] > day))]
    latest = reviews[reviews["review_date"] <= day].groupby(["child_id", "cp_start"])["review_date"].max()
    held = [
        review_held(start, latest.get((child, start), pd.NaT), snapshot)
        for child, start in zip(open_plans["child_id"], open_plans["cp_start"])
    ]
    return known_share(pd.Series(held, index=open_plans.index, dtype="boolean"))


def review_figures(inputs: Inputs, snapshot: date) -> dict[str, Figure]:
    """The reviews at the snapshot: children in care's from the SSDA903, child protection plans' from the CIN census,
    each when its return covers the snapshot."""
    result = {}
    if inputs.ssda903_reviews is not None and covers([inputs.ssda903_episodes], snapshot):
        rows = cla_reviews(usable_episodes(inputs), inputs.ssda903_reviews, snapshot)
        result[REVIEW_IN_TIME] = review_in_time_share(rows, snapshot)
    if inputs.cin_cp_plans is not None and covers([inputs.cin_referrals, inputs.cin_cp_plans], snapshot):
        result[REVIEW_HELD] = cp_reviews_held_share(inputs.cin_cp_plans, inputs.cin_cp_reviews, snapshot)
    return result


def figures(inputs: Inputs, params: Params) -> dict[str, FigureValue]:
    """The figures the returns feed when there is no Annex A, and ``null`` for those they cannot (nothing otherwise)."""
    if not returns_alone(inputs):
        return {}
    result = period_figures({**cin_series(inputs), **ssda903_series(inputs)}, params.period)
    result.update(review_figures(inputs, params.period.snapshot))
    result.update({figure_id: Figure(None, ()) for figure_id in lacking(inputs)})
    return result


def return_years(inputs: Inputs) -> dict[str, list[int]]:
    """The years of each return given (``cin_census``, ``ssda903``: ending 31 March; ``csww``: the census's), oldest first."""
    years = {}
    for name, frames in RETURN_FRAMES.items():
        found = {int(y) for frame in frames if (table := getattr(inputs, frame)) is not None for y in table["return_year"].unique()}
        if found:
            years[name] = sorted(found)
    return years
