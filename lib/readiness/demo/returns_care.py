"""Northbridge's SSDA903 returns, from the children of its Annex A Lists 8 and 9 (the same children, ids and dates).

Each child in care gets a chain of episodes: a start (``RNE`` S) on their ``Date Started to be Looked After``, moves
(``RNE`` P) ending with the placement Annex A lists, from its ``Start Date of Most Recent Placement``, now and then
a hospital stay or holiday (``PLACE`` T0–T4) and the return to the same carer, and a change of legal status; a child
who ceased has their last episode end on Annex A's ``Date Ceased to be Looked After``. Each year's folder (ending
31 March) holds the episodes open during it. The care leavers of List 9 whose 17th to 21st birthday falls in the
latest year are its ``oc3``. The extra draws come from a random stream of their own.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .draws import SNAPSHOT

YEARS = (2023, 2024, 2025)  # years ending 31 March: the latest ends before Annex A's snapshot
EARLIER_PLACES = ("U4", "U6", "U1", "U3", "K2", "U5")
TEMPORARY = ("T0", "T1", "T2", "T3", "T4")
SEX = {"a) Male": "1", "b) Female": "2"}
IN_TOUCH = {"a) Yes": "YES", "b) No": "NO", "c) Died": "DIED", "d) Refu": "REFU", "e) NREQ": "NREQ", "f) Rhom": "RHOM"}
COLUMNS = {
    "header": ["CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"],
    "episodes": [
        "CHILD",
        "DECOM",
        "RNE",
        "LS",
        "CIN",
        "PLACE",
        "PLACE_PROVIDER",
        "DEC",
        "REC",
        "REASON_PLACE_CHANGE",
        "HOME_POST",
        "PL_POST",
        "URN",
    ],
    "reviews": ["CHILD", "DOB", "REVIEW", "REVIEW_CODE"],
    "uasc": ["CHILD", "SEX", "DOB", "DUC"],
    "missing": ["CHILD", "DOB", "MISSING", "MIS_START", "MIS_END"],
    "oc2": [
        "CHILD",
        "DOB",
        "SDQ_SCORE",
        "SDQ_REASON",
        "CONVICTED",
        "HEALTH_CHECK",
        "IMMUNISATIONS",
        "TEETH_CHECK",
        "HEALTH_ASSESSMENT",
        "SUBSTANCE_MISUSE",
        "INTERVENTION_RECEIVED",
        "INTERVENTION_OFFERED",
    ],
    "oc3": ["CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM"],
    "ad1": ["CHILD", "DOB", "DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"],
    "placed_for_adoption": ["CHILD", "DOB", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"],
    "previous_permanence": ["CHILD", "DOB", "PREV_PERM", "LA_PERM", "DATE_PERM"],
}


CODED = ("Child's Legal Status", "Child's Category of Need", "Placement Type")  # List 8's columns an episode holds as codes


def code(text: pd.Series) -> pd.Series:
    """An Annex A code from its listed form: ``d) U4: Foster placement`` → ``U4``; ``C2: FCO`` → ``C2``; ``a) WBRI`` → ``WBRI``."""
    return text.astype("string").str.replace(r"^[a-z]\) ", "", regex=True).str.split(r"[:\s]", n=1, regex=True).str[0]


def episodes_of(list_8: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    """Every episode of every child of List 8, up to Annex A's snapshot."""
    rows = []
    coded = list_8.assign(**{column: code(list_8[column]) for column in CODED})  # once for the list, not once per child
    for child in coded.itertuples(index=False, name=None):
        rows += _child_episodes(dict(zip(coded.columns, child)), rng)
    frame = pd.DataFrame(rows, columns=["CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "URN", "REC"])
    ended = list_8.drop_duplicates("Child Unique ID").set_index("Child Unique ID")["Date Ceased to be Looked After "]
    first = ~frame["CHILD"].duplicated()
    frame = frame[first | ~(frame["DECOM"] >= frame["CHILD"].map(ended))]  # nothing after the child left care
    frame = frame.sort_values(["CHILD", "DECOM"], kind="stable").reset_index(drop=True)
    following = frame.groupby("CHILD")["DECOM"].shift(-1)
    last = following.isna()
    frame["DEC"] = following.where(~last, frame["CHILD"].map(ended))
    frame["REC"] = frame["REC"].where(last & frame["DEC"].notna())
    return frame


def _child_episodes(child: dict, rng: np.random.Generator) -> list[tuple]:
    start = pd.Timestamp(child["Date Started to be Looked After"])
    latest = pd.Timestamp(child["Start Date of Most Recent Placement"])
    legal, need, place = (child[column] for column in CODED)
    reason = child["Reason Ceased to be Looked After"]
    reason = None if reason is None or pd.isna(reason) else str(reason).split(":")[0]
    moves = sorted({start, latest} | _moves_between(start, latest, int(child["Number of Placements in the Last 12 months"]), rng))
    places = [str(rng.choice(EARLIER_PLACES)) for _ in moves[:-1]] + [place]
    urns = [f"SC{rng.integers(100_000, 999_999)}" for _ in moves]
    episodes = [
        (child["Child Unique ID"], day, "S" if i == 0 else "P", legal, need, places[i], urns[i], reason) for i, day in enumerate(moves)
    ]
    if rng.random() < 0.08 and latest + pd.Timedelta(days=60) < pd.Timestamp(SNAPSHOT):  # a short stay away, then home again
        away = latest + pd.Timedelta(days=int(rng.integers(20, 40)))
        back = away + pd.Timedelta(days=int(rng.integers(3, 15)))
        episodes += [
            (child["Child Unique ID"], away, "P", legal, need, str(rng.choice(TEMPORARY)), None, reason),
            (child["Child Unique ID"], back, "P", legal, need, place, urns[-1], reason),
        ]
    return episodes


def _moves_between(start: pd.Timestamp, latest: pd.Timestamp, placements: int, rng: np.random.Generator) -> set:
    """Earlier moves between the start and the latest placement, about as many as Annex A's count implies."""
    if placements < 3:
        return set()
    since = max(start, latest - pd.Timedelta(days=365))  # Annex A counts the placements of the last 12 months
    span = (latest - since).days
    return {since + pd.Timedelta(days=int(d)) for d in rng.integers(1, span, placements - 2)} if span > 1 else set()


def in_year(episodes: pd.DataFrame, year: int) -> pd.DataFrame:
    """The episodes open at some time in the year ending 31 March ``year``, as its return holds them (nothing after it)."""
    start, end = pd.Timestamp(year - 1, 4, 1), pd.Timestamp(year, 3, 31)
    rows = episodes[(episodes["DECOM"] <= end) & (episodes["DEC"].isna() | (episodes["DEC"] >= start))].copy()
    after = rows["DEC"] > end
    rows.loc[after, "DEC"] = pd.NaT
    rows.loc[after, "REC"] = None
    return rows


def care_leavers_in_year(list_9: pd.DataFrame, year: int) -> pd.DataFrame:
    """``oc3``: List 9's young people whose 17th to 21st birthday falls in the year, their Annex A answers as DfE codes."""
    born = pd.to_datetime(list_9["Date of Birth"])
    start, end = pd.Timestamp(year - 1, 4, 1), pd.Timestamp(year, 3, 31)
    hit = pd.Series(False, index=list_9.index)
    for age in range(17, 22):
        hit |= (born + pd.DateOffset(years=age)).between(start, end)
    rows = list_9[hit]
    suitable = rows["Suitability of Accommodation"].map({"a) Suitable": "1", "b) Unsuitable": "2"})
    return pd.DataFrame(
        {
            "CHILD": rows["Child Unique ID"],
            "DOB": born[hit],
            "IN_TOUCH": rows["LA In Touch "].map(IN_TOUCH),
            "ACTIV": rows["Activity Status"].fillna("0"),
            "ACCOM": (rows["Type of Accommodation"] + suitable).fillna("0"),
        }
    )


def ssda903_years(
    list_8: pd.DataFrame, list_9: pd.DataFrame, seed: int, years: tuple[int, ...] = YEARS
) -> dict[int, dict[str, pd.DataFrame]]:
    """Each of ``years``' SSDA903 files as frames, ``{2025: {"episodes": …, …}}``, in DfE's column order."""
    rng = np.random.default_rng([seed, 27])
    episodes = episodes_of(list_8, rng)
    children = list_8.drop_duplicates("Child Unique ID")
    written = {}
    for year in years:
        held = in_year(episodes, year)
        people = children[children["Child Unique ID"].isin(held["CHILD"])]
        dob, sex = pd.to_datetime(people["Date of Birth"]), people["Gender"].map(SEX).fillna("1")
        reviews = people[people["Date of Latest Statutory Review"].between(pd.Timestamp(year - 1, 4, 1), pd.Timestamp(year, 3, 31))]
        uasc = people[people["Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)"] == "a) Yes"]
        frames = {
            "header": pd.DataFrame({"CHILD": people["Child Unique ID"], "SEX": sex, "DOB": dob, "ETHNIC": code(people["Ethnicity"])}),
            "episodes": held.assign(PLACE_PROVIDER="PR1"),
            "reviews": pd.DataFrame(
                {
                    "CHILD": reviews["Child Unique ID"],
                    "DOB": pd.to_datetime(reviews["Date of Birth"]),
                    "REVIEW": reviews["Date of Latest Statutory Review"],
                    "REVIEW_CODE": "PN1",
                }
            ),
            "uasc": pd.DataFrame(
                {"CHILD": uasc["Child Unique ID"], "SEX": uasc["Gender"].map(SEX).fillna("1"), "DOB": pd.to_datetime(uasc["Date of Birth"])}
            ),
            "oc3": care_leavers_in_year(list_9, year) if year == years[-1] else pd.DataFrame(),
            "previous_permanence": pd.DataFrame({"CHILD": people["Child Unique ID"], "DOB": dob, "PREV_PERM": "Z1"}),
        }
        written[year] = {name: frames.get(name, pd.DataFrame()).reindex(columns=columns) for name, columns in COLUMNS.items()}
    return written
