"""An inspector-like, reproducible sample of children for a mock inspection's case tracking.

Inspectors do not sample in proportion: they track children whose journeys carry risk. The
sample is drawn stratum by stratum, in the order of :data:`readiness.mock.strata.STRATA`, then a
random remainder from every child on any list of the return. Each stratum gives its quota
(``sample_strata`` in the parameters, else :func:`default_quota`) of children not drawn before,
at random; a stratum with fewer children gives all it has. Every sampled child carries the
stratum it was drawn for and all the risks it carries (its *reasons*). Candidates are sorted
before ``numpy.random.default_rng(seed)`` permutes them, so the same inputs, size and seed
always give the same sample.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from readiness.config.params import Params
from readiness.errors import ParametersError, ReadinessError
from readiness.inputs.bundle import Inputs
from readiness.safetext import spreadsheet_safe

from .journey import latest_teams
from .strata import STRATA, STRATUM_NAMES, is_provided, members

RANDOM = "random"
RANDOM_REASON = "random remainder"
ANNEX_A_LISTS = range(1, 11)  # List 11 holds adopters, not children
COLUMNS = ["child_id", "drawn_for", "reasons", "team", "lists"]



class SampleError(ReadinessError):
    """Raised when a sample cannot be drawn as asked (too many children for the return)."""

    exit_status = 2


def default_quota(size: int) -> int:
    """Children per stratum when the parameters set none: an equal share of ``size`` among the strata and the
    random remainder (30 children, 11 strata: 2 each, so at least 8 at random)."""
    return size // (len(STRATA) + 1)


def quotas(params: Params, size: int) -> dict[str, int]:
    """Each stratum's quota: ``sample_strata`` where set, else :func:`default_quota`; checked against the strata and ``size``."""
    unknown = sorted(set(params.sample_strata) - set(STRATUM_NAMES))
    if unknown:
        raise ParametersError("sample_strata", [f"unknown stratum '{name}' (known: {', '.join(STRATUM_NAMES)})" for name in unknown])
    chosen = {name: params.sample_strata.get(name, default_quota(size)) for name in STRATUM_NAMES}
    if any(n < 0 for n in chosen.values()) or sum(chosen.values()) > size:
        raise ParametersError("sample_strata", [f"stratum sizes must be 0 or more and add up to at most the sample size {size}"])
    return chosen


def population(inputs: Inputs) -> pd.Series:
    """Every child on any list of the return (Lists 1-10), sorted."""
    frames = [inputs.annex_list(n)["child_id"] for n in ANNEX_A_LISTS if inputs.annex_list(n) is not None]
    if not frames:
        return pd.Series(dtype="string")
    return pd.Series(pd.concat(frames).dropna().astype(str).unique()).sort_values(ignore_index=True)


def pick(candidates: pd.Series, quota: int, taken: set[str], rng: np.random.Generator) -> list[str]:
    """Up to ``quota`` of the (sorted) ``candidates`` not in ``taken``, in random order; ``taken`` is updated."""
    free = [child for child in candidates if child not in taken]
    chosen = [free[i] for i in rng.permutation(len(free))[:quota]]
    taken.update(chosen)
    return chosen


def draw_sample(inputs: Inputs, params: Params, size: int, seed: int) -> pd.DataFrame:
    """A reproducible inspector-like sample of ``size`` children.

    One row per child, in drawing order: ``child_id``, ``drawn_for`` (a stratum name, or ``random``),
    ``reasons`` (every risk the child carries, in words, ``; ``-separated; ``random remainder`` if none),
    ``team`` (:func:`readiness.mock.journey.latest_teams`) and ``lists`` (the lists the child is on).
    """
    everyone = population(inputs)
    if not 0 <= size <= len(everyone):
        raise SampleError(f"sample size {size} must be between 0 and the {len(everyone)} children in the Annex A return")
    found, rng, taken = members(inputs, params), np.random.default_rng(seed), set()
    drawn = [(child, name) for name, quota in quotas(params, size).items() if name in found for child in pick(found[name], quota, taken, rng)]
    drawn += [(child, RANDOM) for child in pick(everyone, size - len(drawn), taken, rng)]
    sample = pd.DataFrame(drawn, columns=["child_id", "drawn_for"])
    return sample.assign(
        reasons=reasons(sample["child_id"], found), team=latest_teams(inputs, sample["child_id"], params.period.snapshot), lists=lists_of(inputs, sample["child_id"])
    )[COLUMNS]


def reasons(children: pd.Series, found: dict[str, pd.Series]) -> list[str]:
    """For each child, the reasons of every stratum it is in (strata order), else ``random remainder``."""
    words = {s.name: s.reason for s in STRATA}
    held = {name: set(ids) for name, ids in found.items()}
    return ["; ".join(words[name] for name in held if child in held[name]) or RANDOM_REASON for child in children]


def lists_of(inputs: Inputs, children: pd.Series) -> list[str]:
    """The lists each child is on, e.g. ``3, 4, 6``."""
    on = {n: set(inputs.annex_list(n)["child_id"].dropna()) for n in ANNEX_A_LISTS if inputs.annex_list(n) is not None}
    return [", ".join(str(n) for n, held in on.items() if child in held) for child in children]


def sample_csv(sample: pd.DataFrame) -> str:
    """The sample as CSV text (``\n`` line ends); a text value Excel would take for a formula gets a leading ``'``."""
    return spreadsheet_safe(sample).to_csv(index=False, lineterminator="\n")


def strata_report(inputs: Inputs, params: Params, sample: pd.DataFrame) -> pd.DataFrame:
    """Per stratum (then ``random``): children in the return carrying it (``not provided`` when its lists are absent),
    its quota, children drawn for it and sampled children carrying it. A stratum with no children shows 0, never vanishes."""
    found, size = members(inputs, params), len(sample)
    rows = []
    for s, quota in zip(STRATA, quotas(params, size).values()):
        carrying = int(sample["reasons"].str.split("; ").apply(lambda r: s.reason in r).sum())
        in_return = len(found[s.name]) if is_provided(s, inputs) else "not provided"
        rows.append((s.name, in_return, quota, int((sample["drawn_for"] == s.name).sum()), carrying))
    at_random = int((sample["drawn_for"] == RANDOM).sum())
    rows.append((RANDOM, len(population(inputs)), at_random, at_random, int((sample["reasons"] == RANDOM_REASON).sum())))
    return pd.DataFrame(rows, columns=["stratum", "children_in_return", "quota", "drawn_for_it", "sampled_with_this_reason"])
