"""Northbridge's CIN census, one XML file a year (ending 31 March), from the children of its Annex A Lists 3, 4, 5 and 7.

From Annex A's first day on, every referral, assessment, section 47 enquiry, ICPC and plan is Annex A's own (same
child, same dates). Before it, back to :data:`FIRST_YEAR`'s April, the census holds an earlier history drawn from a
random stream of its own at Annex A's pace (referrals a month, their NFA share, assessments, enquiries, conferences
and plans), with assessments a little slower than later, as a council improving would show. An event sits in the
year of its date (an assessment: of its authorisation, else its start); its ``CINdetails`` is the child's latest
referral on or before it.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

import numpy as np
import pandas as pd

from .draws import add_working_days, made_up_ids

FIRST_YEAR, LAST_YEAR = 2023, 2025  # years ending 31 March
SOURCE_CODE = r"^[a-z]\) (\w+):.*$"
EVENTS = ("referral", "assessment", "s47", "plan")


def annex_events(lists: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Annex A's referrals, assessments, section 47s and plans as the census's fields."""
    l3, l4, l5, l7 = (lists[f"List {n}"] for n in (3, 4, 5, 7))
    return {
        "referral": pd.DataFrame(
            {
                "child": l3["Child Unique ID"],
                "dob": l3["Date of Birth"],
                "date": l3["Date of referral"],
                "source": l3["Referral Source"].str.replace(SOURCE_CODE, r"\1", regex=True),
                "nfa": l3["Referral NFA?"].eq("a) Yes"),
            }
        ),
        "assessment": pd.DataFrame(
            {
                "child": l4["Child Unique ID"],
                "date": l4["Continuous Assessment Start Date"],
                "authorised": l4["Continuous Assessment Date of Authorisation"],
            }
        ),
        "s47": pd.DataFrame(
            {
                "child": l5["Child Unique ID"],
                "date": l5["Strategy discussion initiating Section 47 Enquiry Start Date"],
                "icpc": l5["Date of Initial Child Protection Conference"],
            }
        ),
        "plan": pd.DataFrame({"child": l7["Child Unique ID"], "date": l7["Child Protection Plan Start Date"]}),
    }


def earlier_events(
    annex: dict[str, pd.DataFrame], before: pd.Timestamp, seed: int, first_year: int = FIRST_YEAR
) -> dict[str, pd.DataFrame]:
    """A history from 1 April of ``first_year`` - 1 to the day before ``before``, at Annex A's pace."""
    rng = np.random.default_rng([seed, 29])
    start = pd.Timestamp(first_year - 1, 4, 1)
    referrals = annex["referral"]
    months = max(1, (referrals["date"].max() - referrals["date"].min()).days / 30.44)
    n = int(len(referrals) * (before - start).days / 30.44 / months)
    days = pd.to_datetime(start.to_datetime64() + rng.integers(0, (before - start).days, n).astype("timedelta64[D]"))
    children = np.array(made_up_ids(rng, n))
    again = rng.random(n) < 0.2  # a child referred again within the year
    children[again] = children[np.maximum(np.arange(n)[again] - rng.integers(1, 300, again.sum()), 0)]
    nfa = rng.random(n) < referrals["nfa"].mean()
    referral = pd.DataFrame(
        {
            "child": children,
            "dob": pd.Timestamp("2012-01-01") + pd.to_timedelta(rng.integers(-3000, 3000, n), "D"),
            "date": days,
            "source": rng.choice(["1A", "2A", "3A", "5A", "6", "8"], n),
            "nfa": nfa,
        }
    )
    assessed = referral[~nfa & (rng.random(n) < 0.93)]
    begun = assessed["date"] + pd.to_timedelta(rng.integers(0, 4, len(assessed)), "D")
    took = np.clip(rng.gamma(6, 6.5, len(assessed)), 5, 120).astype(int)  # slower than Annex A's years
    authorised = pd.to_datetime(add_working_days(begun.to_numpy("datetime64[D]"), took))
    assessment = pd.DataFrame({"child": assessed["child"].to_numpy(), "date": begun.to_numpy(), "authorised": authorised})
    enquired = assessment[rng.random(len(assessment)) < 0.3]
    s47_start = enquired["date"] + pd.to_timedelta(rng.integers(0, 10, len(enquired)), "D")
    conferred = rng.random(len(enquired)) < 0.55
    icpc = pd.to_datetime(add_working_days(s47_start.to_numpy("datetime64[D]"), rng.integers(8, 20, len(enquired))))
    s47 = pd.DataFrame(
        {"child": enquired["child"].to_numpy(), "date": s47_start.to_numpy(), "icpc": np.where(conferred, icpc, np.datetime64("NaT"))}
    )
    planned = s47[s47["icpc"].notna() & (rng.random(len(s47)) < 0.8)]
    plan = pd.DataFrame({"child": planned["child"].to_numpy(), "date": planned["icpc"].to_numpy()})
    events = {"referral": referral, "assessment": assessment, "s47": s47, "plan": plan}
    return {name: frame[frame["date"] < before] for name, frame in events.items()}


def census_years(lists: dict[str, pd.DataFrame], seed: int, first_year: int = FIRST_YEAR) -> dict[int, str]:
    """Each year's census XML from ``first_year`` to :data:`LAST_YEAR`, ``{2025: "<Message>…"}``."""
    annex = annex_events(lists)
    first = annex["referral"]["date"].min()
    events = {
        name: _days(pd.concat([earlier, annex[name]], ignore_index=True))
        for name, earlier in earlier_events(annex, first, seed, first_year).items()
    }
    events["assessment"]["in_year_of"] = events["assessment"]["authorised"].fillna(events["assessment"]["date"])
    return {year: census_xml(year, events) for year in range(first_year, LAST_YEAR + 1)}


def _days(frame: pd.DataFrame) -> pd.DataFrame:
    """Every date column as ``datetime64[ns]`` (Annex A's and the drawn history's units differ)."""
    return frame.assign(
        **{c: pd.to_datetime(frame[c]).astype("datetime64[ns]") for c in ("dob", "date", "authorised", "icpc") if c in frame}
    )


def _year_of(days: pd.Series) -> pd.Series:
    return days.dt.year + (days.dt.month >= 4).astype(int)


def census_xml(year: int, events: dict[str, pd.DataFrame]) -> str:
    """One year's census: every child with an event dated in it, each event under the child's latest referral before it."""
    referrals = events["referral"].sort_values(["child", "date"], kind="stable")
    held = {
        name: frame[_year_of(frame["in_year_of"] if "in_year_of" in frame else frame["date"]) == year] for name, frame in events.items()
    }
    details: dict[tuple[str, pd.Timestamp], list[str]] = {}
    for key in zip(held["referral"]["child"], held["referral"]["date"]):
        details.setdefault(key, [])
    for name in ("assessment", "s47", "plan"):
        frame = held[name].sort_values("date", kind="stable")
        starts = referrals[["child", "date"]].rename(columns={"date": "referral"}).sort_values("referral", kind="stable")
        matched = pd.merge_asof(frame, starts, left_on="date", right_on="referral", by="child")
        for row in matched[matched["referral"].notna()].to_dict("records"):
            details.setdefault((row["child"], row["referral"]), []).append(_element(name, row))
    first = referrals.drop_duplicates(["child", "date"])
    by_referral = dict(zip(zip(first["child"], first["date"]), zip(first["source"], first["nfa"])))  # (source, nfa) of each
    children: dict[str, list[str]] = {}
    for (child, day), items in sorted(details.items()):
        source, referred_nfa = by_referral[(child, day)]
        nfa = "true" if referred_nfa else "false"
        children.setdefault(child, []).append(
            f"<CINdetails><CINreferralDate>{day:%Y-%m-%d}</CINreferralDate><ReferralSource>{escape(str(source))}</ReferralSource>"
            f"<PrimaryNeedCode>N1</PrimaryNeedCode>{''.join(items)}<ReferralNFA>{nfa}</ReferralNFA></CINdetails>"
        )
    births = referrals.drop_duplicates("child", keep="last").set_index("child")["dob"]
    body = "\n".join(
        f"<Child><ChildIdentifiers><LAchildID>{escape(child)}</LAchildID><PersonBirthDate>{births[child]:%Y-%m-%d}</PersonBirthDate></ChildIdentifiers>"
        f"{''.join(parts)}</Child>"
        for child, parts in children.items()
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<Message><Header><CollectionDetails><Collection>CIN</Collection>'
        f"<Year>{year}</Year><ReferenceDate>{year}-03-31</ReferenceDate></CollectionDetails></Header><Children>\n{body}\n</Children></Message>\n"
    )


def _element(name: str, row: dict) -> str:
    def day(value) -> str:
        return "" if pd.isna(value) else f"{value:%Y-%m-%d}"

    if name == "assessment":
        return f"<Assessments><AssessmentActualStartDate>{day(row['date'])}</AssessmentActualStartDate><AssessmentAuthorisationDate>{day(row['authorised'])}</AssessmentAuthorisationDate></Assessments>"
    if name == "s47":
        conference = (
            f"<DateOfInitialCPC>{day(row['icpc'])}</DateOfInitialCPC>"
            if pd.notna(row["icpc"])
            else "<ICPCnotRequired>true</ICPCnotRequired>"
        )
        return f"<Section47><S47ActualStartDate>{day(row['date'])}</S47ActualStartDate>{conference}</Section47>"
    return f"<ChildProtectionPlans><CPPstartDate>{day(row['date'])}</CPPstartDate></ChildProtectionPlans>"
