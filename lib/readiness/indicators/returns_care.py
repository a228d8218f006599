"""Children in care and care leavers on DfE's definitions, from the SSDA903 return's latest year (``indicators.md``,
*From the statutory returns*). The year runs from 1 April to 31 March; its episodes come from every year given,
so a child's history reaches back before the year.

A *placement* starts with an episode whose reason for new episode (``RNE``) is S (started to be looked after),
P (new placement) or B (both new placement and legal status); ``L``, ``T`` and ``U`` change the legal status or
the carer's details and keep the placement. Temporary placements (``PLACE`` T0–T4: hospital, holiday, a short
stay) and the episode that returns the child from one (its ``PLACE`` and ``URN`` those of the episode before the
temporary one) are not new placements.
"""

from __future__ import annotations

import pandas as pd

from readiness.config.figures import H, L, Theme
from readiness.config.params import Params
from readiness.inputs.bundle import Inputs

from .figure import Figure, FigureValue, share

TEMPORARY = frozenset({"T0", "T1", "T2", "T3", "T4"})
SHORT_BREAKS = frozenset({"V3", "V4"})
NEW_CARER = frozenset("SPB")
WITH_FOSTER_CARERS = frozenset({"A3", "A5"})  # placed for adoption with the child's (former) foster carers
AGES = {"17_18": (17, 18), "19_21": (19, 20, 21)}
EPISODES = tuple(f"ssda903_episodes.{column}" for column in ("DECOM", "DEC", "RNE", "LS", "PLACE", "URN"))
"""The episodes' columns the stability figures read (a row unreadable there leaves them: ``inputs.returns.ssda903``)."""
LEAVERS = ("ssda903_oc3.DOB", "ssda903_oc3.IN_TOUCH")
LEAVER_READS = {"in_touch_share": (), "suitable_accommodation_share": ("ssda903_oc3.ACCOM",), "eet_share": ("ssda903_oc3.ACTIV",)}
returns = Theme("From the statutory returns")


def year_bounds(year: int) -> tuple[pd.Timestamp, pd.Timestamp]:
    """1 April and 31 March of the year ending 31 March ``year``."""
    return pd.Timestamp(year - 1, 4, 1), pd.Timestamp(year, 3, 31)


def year_label(year: int) -> str:
    """DfE's label of a year ending 31 March: ``2024-25`` for 2025."""
    return f"{year - 1}-{str(year)[2:]}"


def new_carer_episodes(episodes: pd.DataFrame) -> pd.Series:
    """Per episode (any order), whether it starts a new carer: ``RNE`` S, P or B, not a temporary placement,
    and not the return from one (the episode after a temporary run whose ``PLACE`` and ``URN`` equal those of
    the episode before the run)."""
    ordered = episodes.sort_values(["CHILD", "DECOM"], kind="stable")
    temporary = ordered["PLACE"].isin(TEMPORARY)
    place = ordered["PLACE"].fillna("") + "|" + ordered["URN"].fillna("")
    same_child = ordered["CHILD"].eq(ordered["CHILD"].shift())
    settled = place.where(~temporary).groupby(ordered["CHILD"]).ffill()  # the latest non-temporary placement so far
    before_run = settled.groupby(ordered["CHILD"]).shift()
    returning = same_child & temporary.shift(fill_value=False) & place.eq(before_run)
    counted = ordered["RNE"].isin(NEW_CARER) & ~temporary & ~returning
    return counted.reindex(episodes.index)


def looked_after_on(episodes: pd.DataFrame, day: pd.Timestamp) -> pd.DataFrame:
    """The episodes open on ``day`` (``DECOM`` on or before it, ``DEC`` blank or after it): one per child in care."""
    return episodes[(episodes["DECOM"] <= day) & (episodes["DEC"].isna() | (episodes["DEC"] > day))]


def short_breaks_only(episodes: pd.DataFrame, start: pd.Timestamp, end: pd.Timestamp) -> pd.Index:
    """Children whose every episode in the year (open at some time from ``start`` to ``end``) is a short break."""
    in_year = episodes[(episodes["DECOM"] <= end) & (episodes["DEC"].isna() | (episodes["DEC"] >= start))]
    all_short = in_year["LS"].isin(SHORT_BREAKS).groupby(in_year["CHILD"]).all()
    return all_short.index[all_short]


def placements_in_year(episodes: pd.DataFrame, start: pd.Timestamp, end: pd.Timestamp) -> pd.Series:
    """Per child, DfE's placements in the year: 1 for a placement in progress on ``start`` (an episode with
    ``DECOM`` before it and ``DEC`` blank or on or after it), plus each new-carer episode commencing in the year."""
    in_progress = episodes[(episodes["DECOM"] < start) & (episodes["DEC"].isna() | (episodes["DEC"] >= start))]
    new = episodes[new_carer_episodes(episodes) & episodes["DECOM"].between(start, end)]
    counts = new.groupby("CHILD").size().add(pd.Series(1, index=in_progress["CHILD"].unique()), fill_value=0)
    return counts.astype(int)


def usable_episodes(inputs: Inputs) -> pd.DataFrame:
    """Every year's episodes but those of children whose episodes break a rule the figures read (warned when read)."""
    episodes = inputs.ssda903_episodes
    return episodes[~episodes["_left_out"].astype(bool)]


@returns.headline(
    "cla.dfe_stability_three_plus_share",
    "Children in care at 31 March with 3 or more placements in the year (DfE, SSDA903)",
    "share",
    L,
    reads=EPISODES,
)
def stability_three_plus_share(episodes: pd.DataFrame, year: int) -> Figure:
    """``cla.dfe_stability_three_plus_share``: of children looked after at 31 March, not in short breaks only
    during the year, the share with three or more placements during the year."""
    start, end = year_bounds(year)
    children = looked_after_on(episodes, end)["CHILD"].unique()
    children = pd.Index(children).difference(short_breaks_only(episodes, start, end))
    placements = placements_in_year(episodes, start, end).reindex(children, fill_value=0)
    return share((placements >= 3).sum(), len(children))


def care_chain_start(episodes: pd.DataFrame, day: pd.Timestamp) -> pd.Series:
    """Per child looked after on ``day``: when their current period of care began, going back from the episode
    open then along episodes with no gap (each ``DEC`` the next ``DECOM``) to the latest ``RNE`` S."""
    ordered = episodes.sort_values(["CHILD", "DECOM"], kind="stable").reset_index(drop=True)
    same_child = ordered["CHILD"].eq(ordered["CHILD"].shift())
    joined = same_child & ordered["DEC"].shift().eq(ordered["DECOM"])
    starts_period = ~joined | ordered["RNE"].eq("S")
    ordered["period_start"] = ordered["DECOM"].where(starts_period).groupby(ordered["CHILD"]).ffill()
    return looked_after_on(ordered, day).set_index("CHILD")["period_start"]


def carer_start(episodes: pd.DataFrame, day: pd.Timestamp) -> pd.Series:
    """Per child looked after on ``day``: when their current carer began (the latest new-carer episode on or
    before ``day``); placed for adoption with their foster carers (``PLACE`` A3 or A5), when the foster placement
    before it began."""
    carers = episodes[new_carer_episodes(episodes) & (episodes["DECOM"] <= day)].sort_values(["CHILD", "DECOM"], kind="stable")
    latest = carers.groupby("CHILD").tail(1).set_index("CHILD")
    before = carers.groupby("CHILD")["DECOM"].shift().set_axis(carers["CHILD"]).groupby(level=0).last()
    adopted_by_carers = latest["PLACE"].isin(WITH_FOSTER_CARERS) & before.reindex(latest.index).notna()
    return latest["DECOM"].mask(adopted_by_carers, before.reindex(latest.index))


@returns.headline(
    "cla.dfe_long_term_stability_share",
    "Children under 16 in care 2½ years or more, with the same carer for 2 years (DfE, SSDA903)",
    "share",
    H,
    reads=(*EPISODES, "ssda903_header.DOB"),
)
def long_term_stability_share(episodes: pd.DataFrame, births: pd.Series, year: int) -> Figure:
    """``cla.dfe_long_term_stability_share``: of children looked after at 31 March, under 16 then (``births``:
    date of birth by child; none = left out), not in short breaks only, looked after continuously for 2½ years,
    the share whose current carer began on or before 31 March two years before."""
    start, end = year_bounds(year)
    began = care_chain_start(episodes, end)
    born = births.reindex(began.index)
    sixteenth = born + pd.DateOffset(years=16)
    eligible = began[(began <= end - pd.DateOffset(months=30)) & (sixteenth > end)]
    eligible = eligible[~eligible.index.isin(short_breaks_only(episodes, start, end))]
    settled = carer_start(episodes, end).reindex(eligible.index) <= end - pd.DateOffset(years=2)
    return share(settled.sum(), len(eligible))


BIRTHDAYS = {"17_18": "17th or 18th", "19_21": "19th, 20th or 21st"}
LEAVER_FIGURES = {
    "in_touch_share": "in touch",
    "suitable_accommodation_share": "in suitable accommodation",
    "eet_share": "in education, employment or training",
}
LEAVER_SHARES = {
    (ages, figure): returns.figure(
        f"care_leavers.dfe.age_{ages}.{figure}",
        f"Care leavers at their {words} birthday {label} (DfE, SSDA903)",
        "share",
        H,
        reads=(*LEAVERS, *LEAVER_READS[figure]),
    )
    for ages, words in BIRTHDAYS.items()
    for figure, label in LEAVER_FIGURES.items()
}
"""Per age group (by its birthdays) and outcome, the id of DfE's care-leaver share."""


def birthday_in_year(births: pd.Series, ages: tuple[int, ...], year: int) -> pd.Series:
    """Whether any of the ``ages`` birthdays of each date of birth falls in the year (29 February: 28 February)."""
    start, end = year_bounds(year)
    hits = pd.Series(False, index=births.index)
    for age in ages:
        birthday = births + pd.DateOffset(years=age)
        hits |= birthday.between(start, end)
    return hits


def care_leaver_figures(oc3: pd.DataFrame, year: int) -> dict[str, Figure]:
    """``care_leavers.dfe.<ages>.…`` from the year's OC3 rows, each at the birthday in the year; DIED left out,
    rows whose in-touch code could not be read left out (warned when read)."""
    rows = oc3[(oc3["return_year"] == year) & oc3["IN_TOUCH"].notna() & oc3["IN_TOUCH"].ne("DIED")]
    result = {}
    for ages, birthdays in AGES.items():
        group = rows[birthday_in_year(rows["DOB"], birthdays, year).fillna(False).astype(bool)]
        accommodation = group["ACCOM"].dropna()
        result[LEAVER_SHARES[(ages, "in_touch_share")]] = share(group["IN_TOUCH"].eq("YES").sum(), len(group))
        result[LEAVER_SHARES[(ages, "suitable_accommodation_share")]] = share(accommodation.str[1].eq("1").sum(), len(accommodation))
        result[LEAVER_SHARES[(ages, "eet_share")]] = share(group["ACTIV"].fillna("").str[:1].isin(["F", "P"]).sum(), len(group))
    return result


def latest_year(inputs: Inputs) -> int | None:
    """The SSDA903's latest year (ending 31 March), or ``None`` without the return."""
    episodes = inputs.ssda903_episodes
    return None if episodes is None or episodes.empty else int(episodes["return_year"].max())


def figures(inputs: Inputs, params: Params) -> dict[str, FigureValue]:
    """The SSDA903 figures on DfE's definitions for its latest year, or nothing without the return."""
    year = latest_year(inputs)
    if year is None:
        return {}
    episodes = usable_episodes(inputs)
    header = inputs.ssda903_header
    births = header.dropna(subset=["CHILD"]).sort_values("return_year").drop_duplicates("CHILD", keep="last").set_index("CHILD")["DOB"]
    return {
        stability_three_plus_share.figure_id: stability_three_plus_share(episodes, year),
        long_term_stability_share.figure_id: long_term_stability_share(episodes, births, year),
        **care_leaver_figures(inputs.ssda903_oc3, year),
    }
