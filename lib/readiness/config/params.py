"""The pack's parameters file: read, validated and resolved (see docs/parameters.md)."""

from __future__ import annotations

import math
import re
from datetime import date
from pathlib import Path
from typing import Literal, Optional

import yaml
from pydantic import Field, ValidationError, field_validator

from readiness.errors import ParametersError
from readiness.files import read_side_file

from .board import FIGURES_UNCHECKED, BoardParams
from .catalogue import is_indicator
from .dfe import council
from .groups import EQUALITY_GROUPS
from .param_models import DataPaths, PracticeWeek, ReturnYear, Target
from .period import Period
from .references import reference_problems
from .yesno import YesNoWords

DATA_KEYS = (
    "annex_a",
    "case_audits",
    "strategy_meetings",
    "workforce",
    "supervision",
    "audit_actions",
    "case_tracking",
    "front_door_decisions",
    "immediate_concerns",
    "audit_checks",
    "findings",
    "improvement_actions",
)
# The local extracts (a file each); a council may rename the headings of all but the findings and the plan (``columns``).
EXTRACT_KEYS = (
    "case_audits",
    "strategy_meetings",
    "workforce",
    "supervision",
    "audit_actions",
    "front_door_decisions",
    "immediate_concerns",
    "audit_checks",
    "findings",
    "improvement_actions",
)
RENAMEABLE_EXTRACTS = EXTRACT_KEYS[:-2]
# Keys a notebook's parameters cell (or ``papermill -p``) may set on top of the parameters file.
RETURN_KEYS = ("cin_census", "ssda903", "csww")  # the statutory returns' parameters
OVERRIDABLE = ("period_start", "period_end", "annex_a_extract_date", "audience", "suppress_up_to")
EARLIEST, LATEST = date(1900, 1, 1), date(2199, 12, 31)  # the dates a pack's period may use (pandas' own range is 1677-2262)
MAX_MONTHS = 120  # a pack covers 1 to 120 calendar months (ten years of trend; longer ones crash the charts)
COMMENTARY_LIMIT = 1 << 20  # bytes of one section's commentary (a page of text is a few kB)


class Params(BoardParams):
    """A validated parameters file, with every path absolute."""

    pack_id: str
    la_name: str
    period_start: date
    period_end: date
    annex_a_extract_date: Optional[date] = None
    annex_a_covers_from: Optional[date] = None
    audience: Literal["public", "internal", "both"] = "public"  # both: a Board edition and a published one (pack/pipeline)
    status: Literal["draft", "final"] = "draft"
    data: DataPaths = Field(default_factory=DataPaths)
    columns: dict[Literal[RENAMEABLE_EXTRACTS], dict[str, str]] = Field(default_factory=dict)
    unallocated_values: list[str] = Field(default_factory=lambda: ["Unallocated", "Not allocated", "None"])
    codes: dict[str, YesNoWords] = Field(default_factory=dict)  # Annex A heading -> word -> Yes/No (readiness.config.yesno)
    suppress_up_to: int = Field(default=5, ge=0)
    round_to: int = Field(default=5, ge=1)  # a public edition's counts, to the nearest (readiness.disclosure.rounding)
    supervision_interval_days: int = Field(default=30, gt=0)
    cin_seen_interval_days: int = Field(default=28, gt=0)
    cp_visit_interval_working_days: int = Field(default=10, gt=0)
    cla_visit_interval_days: int = Field(default=42, gt=0)
    cla_review_interval_days: int = Field(default=183, gt=0)
    pathway_plan_interval_days: int = Field(default=183, gt=0)
    care_leaver_contact_interval_days: int = Field(default=56, gt=0)
    child_population: Optional[int] = Field(default=None, gt=0)
    targets: dict[str, Target] = Field(default_factory=dict)
    spc_min_points: int = Field(default=12, ge=2)  # fewest months for an SPC reading (readiness.present.spc)
    spc_baseline_end: Optional[date] = None  # SPC limits from the months up to here, then held
    spc_phases: list[date] = Field(default_factory=list)  # a new SPC phase (its own limits) from each date
    baseline: Optional[Path] = None  # the pack at inspection: its figures.json
    comparators: Optional[Path] = None  # regional and statistical-neighbour values (readiness.comparators)
    la_code: Optional[str] = None  # DfE's three-digit LA code: DfE's comparators (readiness.config.dfe)
    routine_audit_types: list[str] = Field(default_factory=lambda: ["routine", "monthly"])  # the routine audit programme
    child_population_by: dict[Literal["ethnicity", "sex", "age", "disability"], dict[str, int]] = Field(
        default_factory=dict
    )  # 0-17, by group
    history: list[Path] = Field(default_factory=list)
    commentary: Optional[Path] = None
    practice_weeks: list[PracticeWeek] = Field(default_factory=list)
    sample_strata: dict[str, int] = Field(default_factory=dict)  # risk stratum -> children to draw (readiness.mock.sample)
    reaudit_within_days: int = Field(default=56, ge=1)  # weak audits should be re-audited within this many days
    strict: bool = False
    cin_census: list[Path] = Field(default_factory=list)  # the statutory returns (inputs.md section 5): a file a year
    ssda903: list[ReturnYear] = Field(default_factory=list)  # a folder a year, its year named or found
    csww: list[Path] = Field(default_factory=list)

    @field_validator("cin_census", "ssda903", "csww", mode="before")
    @classmethod
    def _one_or_a_list(cls, value, info):
        given = value if isinstance(value, list) else [] if value is None else [value]
        return [{"path": item} if info.field_name == "ssda903" and not isinstance(item, dict) else item for item in given]

    @field_validator("pack_id")
    @classmethod
    def _pack_id_is_a_folder_name(cls, value: str) -> str:
        if not re.fullmatch(r"[A-Za-z0-9_-]+", value):
            raise ValueError("use only letters, digits, - and _")
        return value

    @field_validator("la_code", mode="before")
    @classmethod
    def _la_code_is_published(cls, value):
        return None if value is None else council(str(value).strip())["code"]  # a code DfE does not publish: a ValueError

    @field_validator("child_population_by")
    @classmethod
    def _populations_name_groups(cls, value: dict) -> dict:
        if unknown := [
            f"{dimension}.{group}" for dimension, groups in value.items() for group in groups if group not in EQUALITY_GROUPS[dimension]
        ]:
            raise ValueError(f"no such group: {', '.join(unknown)} (the groups are DfE's: {EQUALITY_GROUPS})")
        return value

    @field_validator("suppress_up_to")
    @classmethod
    def _public_packs_suppress(cls, value: int, info) -> int:
        if value < 1 and info.data.get("audience") in ("public", "both"):
            raise ValueError("must be at least 1 for a public audience (a pack with no suppression is audience: internal)")
        return value

    @field_validator("period_start", "period_end", "annex_a_extract_date", "annex_a_covers_from")
    @classmethod
    def _dates_a_pack_can_use(cls, value: date | None) -> date | None:
        if value is not None and not EARLIEST <= value <= LATEST:
            raise ValueError(f"must be from {EARLIEST} to {LATEST}")
        return value

    @field_validator("period_end")
    @classmethod
    def _period_in_order(cls, value: date, info) -> date:
        start = info.data.get("period_start")
        if start is not None and value < start:
            raise ValueError(f"is before period_start ({start})")
        months = 0 if start is None else (value.year - start.year) * 12 + value.month - start.month + 1
        if months > MAX_MONTHS:
            raise ValueError(f"makes a period of {months} months ({start:%Y-%m} to {value:%Y-%m}); a pack covers 1 to {MAX_MONTHS} months")
        return value

    @field_validator("targets", mode="before")
    @classmethod
    def _targets_are_finite(cls, value):
        found = [f"{where} is not a finite number (got {number})" for where, number in non_finite(value)] if isinstance(value, dict) else []
        if found:
            raise ValueError("; ".join(found))
        return value

    @field_validator("targets")
    @classmethod
    def _targets_name_indicators(cls, value: dict, info) -> dict:
        if info.context and info.context.get(FIGURES_UNCHECKED):
            return value
        unknown = unknown_indicator_ids(value)
        if unknown:
            raise ValueError(f"no indicator has the id {', '.join(repr(i) for i in unknown)}")
        return value

    @field_validator("targets")
    @classmethod
    def _trajectories_have_steps(cls, value: dict) -> dict:
        empty = [key for key, target in value.items() if isinstance(target, list) and not target]
        if empty:
            raise ValueError(f"a trajectory needs at least one {{from, green, amber}} step: {', '.join(empty)}")
        return value

    @property
    def period(self) -> Period:
        """The reporting period with its snapshot date."""
        return Period.of(self.period_start, self.period_end, self.annex_a_extract_date)

    @property
    def suppression_threshold(self) -> int:
        """Largest record count suppressed: 0 (none) for an internal audience (and ``both`` outside a build, which
        makes each edition with its own audience)."""
        return self.suppress_up_to if self.audience == "public" else 0

    @property
    def rounding(self) -> int:
        """What a count is published to the nearest of: ``round_to`` for a public audience, 0 (exact) for an internal one."""
        return self.round_to if self.audience == "public" else 0


def non_finite(value, where: str = "") -> list[tuple[str, float]]:
    """Where ``value`` (a target, as read) holds a number that is not finite (``.nan``, ``.inf``), with that number:
    ``[("referrals.nfa_share green", nan)]``."""
    if isinstance(value, float) and not math.isfinite(value):
        return [(where, value)]
    if isinstance(value, dict):
        return [found for key, item in value.items() for found in non_finite(item, f"{where} {key}".strip() if where else str(key))]
    if isinstance(value, list):
        return [found for index, item in enumerate(value) for found in non_finite(item, f"{where}[{index}]")]
    return []


def unknown_indicator_ids(ids) -> list[str]:
    """The ids among ``ids`` that name no indicator of ``catalogue.py`` (a misspelt target, say)."""
    return [i for i in ids if not is_indicator(i)]


def load_params(path: str | Path, overrides: dict[str, object] | None = None, check_figures: bool = True) -> Params:
    """Read and validate a parameters file; relative paths resolve from its folder.

    ``overrides`` (keys of :data:`OVERRIDABLE`, e.g. ``{"audience": "internal"}``) replace the
    file's values before validation, so they are checked exactly as the file's own values are.
    ``check_figures=False`` leaves figure ids unchecked: enough for a build to find an up-to-date pack.
    """
    path = Path(path)
    overrides = overrides or {}
    _check_overridable(overrides, path)
    raw = {**_read_yaml(path), **overrides}
    _resolve_paths(raw, path.resolve().parent)
    try:
        params = Params.model_validate(raw, context={FIGURES_UNCHECKED: not check_figures})
    except ValidationError as exc:
        raise ParametersError(str(path), [_describe(error, overrides) for error in exc.errors()]) from None
    _check_files_exist(params, path, check_figures)
    return params


class DuplicateKeyError(Exception):
    """A key given twice in one mapping of the parameters file (YAML would silently keep the last)."""


class _UniqueKeyLoader(yaml.SafeLoader):
    """PyYAML's safe loader, refusing a key given twice in the same mapping, and leaving dates as text for the
    parameters' own checks (so an impossible date, 2025-02-29, is a problem naming its key, not a YAML crash)."""

    def construct_mapping(self, node, deep=False):
        seen: dict = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise DuplicateKeyError(f"{key}: key given twice (lines {seen[key]} and {key_node.start_mark.line + 1}); keep one")
            seen[key] = key_node.start_mark.line + 1
        return super().construct_mapping(node, deep=deep)


_UniqueKeyLoader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _check_overridable(overrides: dict[str, object], path: Path) -> None:
    """An override must name a key of :data:`OVERRIDABLE`; any other name stops with a message naming it."""
    allowed = ", ".join(OVERRIDABLE)
    problems = [
        f"override {key}: {'set it in the parameters file' if key in Params.model_fields else 'unknown key'} (a notebook can override {allowed})"
        for key in overrides
        if key not in OVERRIDABLE
    ]
    if problems:
        raise ParametersError(str(path), problems)


def _read_yaml(path: Path) -> dict:
    if not path.is_file():
        raise ParametersError(str(path), [f"parameters file not found (looked for {path.resolve()})"])
    try:
        raw = yaml.load(path.read_text(encoding="utf-8-sig"), Loader=_UniqueKeyLoader)  # noqa: S506 - a SafeLoader
    except DuplicateKeyError as exc:
        raise ParametersError(str(path), [str(exc)]) from None
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise ParametersError(str(path), [f"not valid YAML: {exc}".replace("\n", " ")]) from None
    if not isinstance(raw, dict):
        raise ParametersError(str(path), ["expected a mapping of keys to values"])
    return raw


def _resolve_paths(raw: dict, folder: Path) -> None:
    """Make every path in ``raw`` absolute, relative to ``folder``, in place."""

    def resolve(value):
        return str((folder / value).resolve()) if isinstance(value, str) else value

    if isinstance(raw.get("data"), dict):
        raw["data"] = {key: resolve(value) for key, value in raw["data"].items()}
    if isinstance(raw.get("history"), list):
        raw["history"] = [resolve(value) for value in raw["history"]]
    for key in ("commentary", "baseline", "comparators"):
        if key in raw:
            raw[key] = resolve(raw[key])
    for key in RETURN_KEYS:
        if raw.get(key) is not None:
            given = raw[key] if isinstance(raw[key], list) else [raw[key]]
            raw[key] = [
                {**item, "path": resolve(_text(item.get("path")))} if isinstance(item, dict) else resolve(_text(item)) for item in given
            ]


def _text(value):
    """A path YAML read as a number (a folder named ``2025``) as the text it was."""
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


def return_paths(params: Params) -> dict[str, Path]:
    """Every statutory return's file or folder, keyed ``cin_census/0``, ``ssda903/1``, ``csww/0`` …"""
    return {
        f"{key}/{i}": item.path if isinstance(item, ReturnYear) else item
        for key in RETURN_KEYS
        for i, item in enumerate(getattr(params, key))
    }


def _check_files_exist(params: Params, path: Path, check_figures: bool = True) -> None:
    named = {f"data.{key}": getattr(params.data, key) for key in DATA_KEYS}
    named.update({f"history[{i}]": p for i, p in enumerate(params.history)})
    named.update(commentary=params.commentary, baseline=params.baseline, comparators=params.comparators)
    named.update({key.replace("/", "[") + "]": value for key, value in return_paths(params).items()})
    problems = [problem for key, value in named.items() if value and (problem := _path_problem(key, value))]
    problems += [
        f"{key.replace('/', '[')}]: {'a folder of the SSDA903 CSV files' if key.startswith('ssda903') else 'an XML file'} is expected: {value}"
        for key, value in return_paths(params).items()
        if value.exists() and value.is_dir() != key.startswith("ssda903")
    ]
    problems = problems or (check_figures and reference_problems(params.baseline, params.comparators, params.history)) or []
    problems = problems or _commentary_problems(params.commentary)
    if problems:
        raise ParametersError(str(path), problems)


def _path_problem(key: str, value: Path) -> str | None:
    """What is wrong with a named path: missing, or a device, pipe or socket (reading one would hang)."""
    if not value.exists():
        return f"{key}: file not found: {value}"
    if not (value.is_file() or value.is_dir()):
        return f"{key}: not a regular file (a device, pipe or socket): {value}"
    return None


def _commentary_problems(folder: Path | None) -> list[str]:
    """Commentary files a section could not show, read as inputs are: each a regular file (never a pipe, a device or
    a folder), at most :data:`COMMENTARY_LIMIT` bytes, UTF-8 text."""
    if folder is None:
        return []
    if not folder.is_dir():
        return [f"commentary: expected a folder of Markdown files, one per section (<section>.md), got a file: {folder}"]
    problems = []
    for path in sorted(folder.glob("*.md")):
        try:
            read_side_file(path, COMMENTARY_LIMIT)
        except ValueError as exc:
            problems.append(f"commentary: {path.name} {exc}")
    return problems


def _describe(error: dict, overrides: dict[str, object]) -> str:
    key = ".".join(str(part) for part in error["loc"]) or "(top level)"
    if error["loc"] and error["loc"][0] in overrides:
        key = f"override {key}"
    if error["type"] == "extra_forbidden":
        return f"{key}: unknown key"
    if error["type"] == "missing":
        return f"{key}: required key is missing"
    message = error["msg"].removeprefix("Value error, ")
    given = error.get("input")
    return f"{key}: {message} (got {given})" if isinstance(given, (str, int, float, date)) else f"{key}: {message}"
