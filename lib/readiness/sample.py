"""A reproducible random sample of children for a mock inspection's case tracking.

Children are drawn from Annex A Lists 3-7, stratified by list and team. Each stratum's
size is proportional to its number of distinct children, rounded by the largest-remainder
method so the sizes sum to the sample size (ties go to the earlier stratum, ordered by
list then team). Strata are drawn in that order with ``numpy.random.default_rng(seed)``;
a child already drawn in an earlier stratum is skipped and the next child of the stratum's
random order replaces it. A stratum whose children have all been drawn already comes up
short, so only then can the sample be smaller than asked.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .inputs import Inputs

KEY_DATES = {3: "referral_date", 4: "assessment_start", 5: "strategy_date", 6: "cin_start", 7: "cp_start"}
NO_TEAM = "Not recorded"
COLUMNS = ["child_id", "list", "team", "key_date", "key_date_column"]


def sampling_frame(inputs: Inputs) -> pd.DataFrame:
    """One row per child per list (its latest key date), from whichever of Lists 3-7 are present."""
    frames = []
    for number, column in KEY_DATES.items():
        rows = inputs.annex_list(number)
        if rows is None:
            continue
        latest = rows.sort_values(["child_id", column]).drop_duplicates("child_id", keep="last")
        frames.append(
            pd.DataFrame(
                {
                    "child_id": latest["child_id"],
                    "list": number,
                    "team": latest["team"].fillna(NO_TEAM),
                    "key_date": latest[column],
                    "key_date_column": column,
                }
            )
        )
    if not frames:
        return pd.DataFrame(columns=COLUMNS)
    return pd.concat(frames, ignore_index=True).sort_values(["list", "team", "child_id"], ignore_index=True)


def allocate(stratum_sizes: pd.Series, size: int) -> pd.Series:
    """Split ``size`` across strata in proportion to ``stratum_sizes`` by the largest-remainder method.

    >>> allocate(pd.Series([5, 3, 2]), 4).tolist()  # quotas 2.0, 1.2, 0.8: floors 2, 1, 0; the 0.8 gets the spare
    [2, 1, 1]
    """
    total = int(stratum_sizes.sum())
    whole, remainder = (stratum_sizes * size) // total, (stratum_sizes * size) % total
    spare = size - int(whole.sum())
    favoured = remainder.sort_values(ascending=False, kind="stable").index[:spare]
    whole.loc[favoured] += 1
    return whole.astype(int)


def draw_stratum(stratum: pd.DataFrame, quota: int, taken: set, rng: np.random.Generator) -> pd.DataFrame:
    """``quota`` rows of ``stratum`` in random order, skipping children in ``taken`` (which it updates)."""
    picked = []
    for position in rng.permutation(len(stratum)):
        if len(picked) == quota:
            break
        child = stratum["child_id"].iloc[position]
        if child not in taken:
            taken.add(child)
            picked.append(position)
    return stratum.iloc[sorted(picked)]


def draw_sample(inputs: Inputs, size: int, seed: int) -> pd.DataFrame:
    """A reproducible stratified random sample of ``size`` children from Annex A Lists 3-7.

    One row per child: ``child_id``, ``list`` (3-7), ``team``, ``key_date`` and ``key_date_column``
    (the list's key date and which column it is). Same inputs, size and seed give the same sample.
    """
    frame = sampling_frame(inputs)
    available = frame["child_id"].nunique()
    if not 0 <= size <= available:
        raise ValueError(f"sample size {size} must be between 0 and the {available} children in Annex A Lists 3-7")
    if size == 0:
        return frame.iloc[0:0]
    strata = frame.groupby(["list", "team"], sort=True)
    quotas = allocate(strata.size(), size)
    rng = np.random.default_rng(seed)
    taken: set = set()
    drawn = [draw_stratum(rows, quotas[key], taken, rng) for key, rows in strata]
    return pd.concat(drawn, ignore_index=True)


def summarise_sample(sample: pd.DataFrame) -> pd.DataFrame:
    """Children in the sample by list and team."""
    return sample.groupby(["list", "team"]).size().rename("children").reset_index()
