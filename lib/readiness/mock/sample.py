"""An inspector-like, reproducible sample of children for a mock inspection's case tracking.

Inspectors do not sample in proportion: they track children whose journeys carry risk. The
sample is drawn stratum by stratum, in the order of :data:`readiness.mock.strata.STRATA`, then a
random remainder from every child on any list of the return. Each stratum gives its quota
(``sample_strata`` in the parameters, else :func:`default_quota`) of children not drawn before,
at random; a stratum with fewer children gives all it has. A themed sample (:mod:`readiness.mock.themes`)
draws so from one theme's recent cohort, then a random sub-sample of its children with an allocated
worker, so the grades estimate practice and do not only describe risk. Every sampled child carries the
stratum it was drawn for and all the risks it carries (its *reasons*). Candidates are sorted
before ``numpy.random.default_rng(seed)`` permutes them, so the same inputs, size and seed
always give the same sample.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from readiness.config.params import Params
from readiness.errors import ParametersError
from readiness.inputs.bundle import Inputs
from readiness.safetext import spreadsheet_safe

from .journey import latest_teams
from .strata import STRATA, STRATUM_NAMES, is_provided, members
from .themes import RANDOM_ALLOCATED, RANDOM_ALLOCATED_REASON, SampleError, Themed, allocated, audited_recently, cohort, families, workers

RANDOM = "random"
RANDOM_REASON = "random remainder"
REPORT_COLUMNS = ["Risk", "Children in the return", "Quota", "Drawn for it", "Sampled with this risk"]
ANNEX_A_LISTS = range(1, 11)  # List 11 holds adopters, not children
COLUMNS = ["child_id", "drawn_for", "reasons", "team", "lists", "audited_recently"]
AUDITED_WEEKS = 12  # a child audited in the 12 weeks to the snapshot is flagged


def default_quota(size: int) -> int:
    """Children per stratum when the parameters set none: an equal share of ``size`` among the strata and the
    random remainder (30 children, 11 strata: 2 each, so at least 8 at random)."""
    return size // (len(STRATA) + 1)


def quotas(params: Params, size: int, defaults: dict[str, int] | None = None) -> dict[str, int]:
    """Each stratum's quota: ``sample_strata`` where set, else its ``defaults`` (:func:`default_quota` of ``size``);
    checked against the strata and ``size``."""
    unknown = sorted(set(params.sample_strata) - set(STRATUM_NAMES))
    if unknown:
        raise ParametersError("sample_strata", [f"unknown stratum '{name}' (known: {', '.join(STRATUM_NAMES)})" for name in unknown])
    defaults = defaults or dict.fromkeys(STRATUM_NAMES, default_quota(size))
    chosen = {name: params.sample_strata.get(name, defaults[name]) for name in STRATUM_NAMES}
    if any(n < 0 for n in chosen.values()) or sum(chosen.values()) > size:
        raise ParametersError("sample_strata", [f"stratum sizes must be 0 or more and add up to at most the sample size {size}"])
    return chosen


def population(inputs: Inputs) -> pd.Series:
    """Every child on any list of the return (Lists 1-10), sorted."""
    frames = [inputs.annex_list(n)["child_id"] for n in ANNEX_A_LISTS if inputs.annex_list(n) is not None]
    if not frames:
        return pd.Series(dtype="string")
    return pd.Series(pd.concat(frames).dropna().astype(str).unique()).sort_values(ignore_index=True)


@dataclass(frozen=True)
class Plan:
    """What a draw picks from: the children it may draw (``everyone``), each stratum's children among them, the
    strata's quotas, and the pool of the rest of the sample with its name and reason."""

    everyone: pd.Series
    found: dict[str, pd.Series]
    quotas: dict[str, int]
    pool: pd.Series
    rest: str
    rest_reason: str


def plan(inputs: Inputs, params: Params, size: int, themed: Themed | None) -> Plan:
    """The plan of a draw: the whole return, or a theme's cohort (:mod:`readiness.mock.themes`), whose strata with
    children in it share the sample equally with the random sub-sample of its children with an allocated worker."""
    everyone, found = population(inputs), members(inputs, params)
    if themed is None:
        return Plan(everyone, found, quotas(params, size), everyone, RANDOM, RANDOM_REASON)
    snapshot = params.period.snapshot
    everyone = cohort(inputs, everyone, themed.theme, themed.since, snapshot)
    found = {name: ids[ids.isin(everyone)].reset_index(drop=True) for name, ids in found.items()}
    supported = [name for name, ids in found.items() if len(ids)]
    defaults = {name: size // (len(supported) + 1) if name in supported else 0 for name in STRATUM_NAMES}
    pool = allocated(everyone, workers(inputs, snapshot), params.unallocated_values)
    return Plan(everyone, found, quotas(params, size, defaults), pool, RANDOM_ALLOCATED, RANDOM_ALLOCATED_REASON)


@dataclass
class Picker:
    """Picks children at random, in turn, into one sample: at most ``size``, each worker's at most ``per_worker``
    (``None``: no limit), a child's siblings with it (``family``; a family counts once for its worker)."""

    rng: np.random.Generator
    size: int
    per_worker: int | None = None
    worker_of: pd.Series = field(default_factory=lambda: pd.Series(dtype="string"))
    family: dict[str, list[str]] = field(default_factory=dict)
    taken: list[str] = field(default_factory=list)

    def pick(self, candidates: pd.Series, quota: int) -> list[str]:
        """Up to ``quota`` of the (sorted) ``candidates`` not taken yet (with their siblings), in random order."""
        taken = set(self.taken)
        free = [child for child in candidates if child not in taken]
        chosen: list[str] = []
        for i in self.rng.permutation(len(free)):
            if len(chosen) >= quota or len(self.taken) + len(chosen) >= self.size:
                break
            group = [c for c in self.family.get(free[i], [free[i]]) if c not in self.taken and c not in chosen]
            if group and len(self.taken) + len(chosen) + len(group) <= self.size and self.fits(group, chosen):
                chosen += group
        self.taken += chosen
        return chosen

    def fits(self, group: list[str], chosen: list[str]) -> bool:
        """Whether each of the group's workers has room for one more family."""
        if self.per_worker is None:
            return True
        held = self.worker_of.reindex([*self.taken, *chosen]).value_counts()
        return all(held.get(worker, 0) < self.per_worker for worker in set(self.worker_of.reindex(group).dropna()))


def draw_sample(
    inputs: Inputs, params: Params, size: int, seed: int, themed: Themed | None = None, audited_weeks: int = AUDITED_WEEKS
) -> pd.DataFrame:
    """A reproducible inspector-like sample of ``size`` children, of the whole return or of a theme's cohort.

    One row per child, in drawing order: ``child_id``, ``drawn_for`` (a stratum name, ``random`` or, themed,
    ``random_allocated``), ``reasons`` (every risk the child carries, in words, ``; ``-separated; the random part's
    reason if none), ``team`` (:func:`readiness.mock.journey.latest_teams`), ``lists`` (the lists the child is on)
    and ``audited_recently`` (``Y`` when audited in the ``audited_weeks`` weeks to the snapshot). A themed sample
    takes at most ``themed.per_worker`` children per worker and siblings together, so it may hold fewer than ``size``.
    """
    drawing = plan(inputs, params, size, themed)
    where = "the Annex A return" if themed is None else f"the {themed.theme} cohort since {themed.since}"
    if not 0 <= size <= len(drawing.everyone):
        raise SampleError(f"sample size {size} must be between 0 and the {len(drawing.everyone)} children in {where}")
    rng = np.random.default_rng(seed)
    picker = (
        Picker(rng, size)
        if themed is None
        else Picker(rng, size, themed.per_worker, workers(inputs, params.period.snapshot), families(inputs))
    )
    drawn = [
        (child, name)
        for name, quota in drawing.quotas.items()
        if name in drawing.found
        for child in picker.pick(drawing.found[name], quota)
    ]
    drawn += [(child, drawing.rest) for child in picker.pick(drawing.pool, size - len(drawn))]
    sample = pd.DataFrame(drawn, columns=["child_id", "drawn_for"])
    snapshot = params.period.snapshot
    return sample.assign(
        reasons=reasons(sample["child_id"], drawing.found, drawing.rest_reason),
        team=latest_teams(inputs, sample["child_id"], snapshot),
        lists=lists_of(inputs, sample["child_id"]),
        audited_recently=audited_recently(inputs, sample["child_id"], audited_weeks, snapshot),
    )[COLUMNS]


def reasons(children: pd.Series, found: dict[str, pd.Series], otherwise: str = RANDOM_REASON) -> list[str]:
    """For each child, the reasons of every stratum it is in (strata order), else ``otherwise``."""
    words = {s.name: s.reason for s in STRATA}
    held = {name: set(ids) for name, ids in found.items()}
    return ["; ".join(words[name] for name in held if child in held[name]) or otherwise for child in children]


def lists_of(inputs: Inputs, children: pd.Series) -> list[str]:
    """The lists each child is on, e.g. ``3, 4, 6``."""
    on = {n: set(inputs.annex_list(n)["child_id"].dropna()) for n in ANNEX_A_LISTS if inputs.annex_list(n) is not None}
    return [", ".join(str(n) for n, held in on.items() if child in held) for child in children]


def sample_csv(sample: pd.DataFrame) -> str:
    """The sample as CSV text (``\n`` line ends); a text value Excel would take for a formula gets a leading ``'``."""
    return spreadsheet_safe(sample).to_csv(index=False, lineterminator="\n")


def strata_report(inputs: Inputs, params: Params, sample: pd.DataFrame, size: int, themed: Themed | None = None) -> pd.DataFrame:
    """Per stratum (then the random part), named by its risk in words: children in the return or cohort carrying it
    (``not provided`` when its lists are absent), its quota, children drawn for it and sampled children carrying it.
    A stratum with no children shows 0, never vanishes. Headings are words, as the command prints them."""
    drawing = plan(inputs, params, size, themed)
    rows = []
    for s, quota in zip(STRATA, drawing.quotas.values()):
        carrying = int(sample["reasons"].str.split("; ").apply(lambda r: s.reason in r).sum())
        in_return = len(drawing.found[s.name]) if is_provided(s, inputs) else "not provided"
        rows.append((s.reason, in_return, quota, int((sample["drawn_for"] == s.name).sum()), carrying))
    at_random = int((sample["drawn_for"] == drawing.rest).sum())
    rows.append((drawing.rest_reason, len(drawing.pool), at_random, at_random, int((sample["reasons"] == drawing.rest_reason).sum())))
    return pd.DataFrame(rows, columns=REPORT_COLUMNS)
