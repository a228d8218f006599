"""Northbridge's files: the Annex A workbook and the local extracts' CSVs, for ``readiness demo-data``.

The workbook is written by openpyxl (write-only mode: rows streamed, never held as cells): one sheet per
list, headings in row 1, dates as Excel dates, blanks as empty cells. The CSVs are UTF-8 with ISO dates,
so the same seed writes byte-identical CSVs and a workbook with identical cell values. Nothing is written
over an existing file unless ``force``.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pandas as pd

from readiness.config.params import EXTRACT_KEYS
from readiness.files import refuse_to_overwrite

from .council import northbridge
from .draws import scale_named
from .returns_care import ssda903_years
from .returns_cin import LAST_YEAR, census_years
from .returns_workforce import CENSUS_YEAR, census_workers, csww_xml

WORKBOOK = "annex_a.xlsx"
RETURN_YEARS = {"standard": 3, "large": 5}  # years of statutory returns the demo writes, the latest ending 31 March 2025
EXTRACT_FILES = {key: f"{key}.csv" for key in EXTRACT_KEYS}
PLAN = ("findings", "improvement_actions")
RETURNS = ("cin_census", "ssda903", "csww")
PLAN_FOLDER = Path(__file__).parent / "data"
"""Northbridge's findings register and improvement plan, written by hand as a council would from its inspection
letters (an ILACS inspection in December 2024, monitoring visits in April and July 2025), not simulated: each finding
links figures of the demo pack, the audits' domains and the actions' themes; the plan names roles, never people; at
the period end some actions are done, most on track, two at risk, one overdue and one off track."""


def write_demo_data(folder: Path, *, seed: int = 2019, scale: str = "standard", force: bool = False) -> dict[str, Path]:
    """Write Northbridge's synthetic inputs into ``folder``; return ``{input key: path}``.

    Nothing is written when any of the files already exists, unless ``force``; demo data written before the
    statutory returns or the improvement plan were part of it gets them added, its other files left as they are.

    >>> paths = write_demo_data(Path("data/demo"))  # doctest: +SKIP
    >>> sorted(paths)  # doctest: +SKIP
    ['annex_a', 'audit_actions', 'audit_checks', 'case_audits', 'cin_census', 'csww', 'findings', 'front_door_decisions', ...]
    """
    sc, folder = scale_named(scale), Path(folder)
    paths = demo_paths(folder)
    plan = {key: paths[key] for key in PLAN}
    returns = {key: paths[key] for key in RETURNS}
    earlier = {key: path for key, path in paths.items() if key not in plan and key not in returns}
    kept = not force and all(p.exists() for p in earlier.values())
    adding = {name: kept and not any(p.exists() for p in group.values()) for name, group in (("returns", returns), ("plan", plan))}
    if not force and not any(adding.values()):
        refuse_to_overwrite(list(paths.values()), "demo-data")
    folder.mkdir(parents=True, exist_ok=True)
    if any(adding.values()):  # the demo data of an earlier version, kept as it is: what joined the demo since added beside it
        if adding["plan"]:
            write_plan(plan)
        if adding["returns"]:
            lists, extracts = northbridge(seed, sc)
            write_returns(paths, lists, extracts, seed, RETURN_YEARS[scale])
        return paths
    lists, extracts = northbridge(seed, sc)
    write_workbook(paths["annex_a"], lists)
    for key, frame in extracts.items():
        frame.to_csv(paths[key], index=False, lineterminator="\n", encoding="utf-8", date_format="%Y-%m-%d")
    write_plan(plan)
    write_returns(paths, lists, extracts, seed, RETURN_YEARS[scale])
    return paths


def demo_paths(folder: Path) -> dict[str, Path]:
    """Where :func:`write_demo_data` writes each input in ``folder``: ``{input key: path}``."""
    folder = Path(folder)
    return (
        {"annex_a": folder / WORKBOOK}
        | {key: folder / name for key, name in EXTRACT_FILES.items()}
        | {
            "cin_census": folder / "returns" / "cin",
            "ssda903": folder / "returns" / "ssda903",
            "csww": folder / "returns" / f"csww_{CENSUS_YEAR}.xml",
        }
    )


def write_plan(paths: dict[str, Path]) -> None:
    """The findings register and the improvement plan, copied from :data:`PLAN_FOLDER`."""
    for key, path in paths.items():
        path.write_bytes((PLAN_FOLDER / EXTRACT_FILES[key]).read_bytes())


def write_returns(
    paths: dict[str, Path], lists: dict[str, pd.DataFrame], extracts: dict[str, pd.DataFrame], seed: int, years: int = 3
) -> None:
    """The statutory returns from the same children and workers: a CIN census a year (``cin/cin_2025.xml``), an
    SSDA903 folder a year (``ssda903/2025/…``, DfE's ``dd/mm/yyyy`` dates), ``years`` of each, and the workforce census XML."""
    paths["cin_census"].mkdir(parents=True, exist_ok=True)
    first = LAST_YEAR - years + 1
    for year, text in census_years(lists, seed, first).items():
        (paths["cin_census"] / f"cin_{year}.xml").write_text(text, encoding="utf-8")
    for year, files in ssda903_years(lists["List 8"], lists["List 9"], seed, tuple(range(first, LAST_YEAR + 1))).items():
        year_folder = paths["ssda903"] / str(year)
        year_folder.mkdir(parents=True, exist_ok=True)
        for name, frame in files.items():
            frame.to_csv(year_folder / f"{name}.csv", index=False, lineterminator="\n", encoding="utf-8", date_format="%d/%m/%Y")
    paths["csww"].write_text(csww_xml(*census_workers(extracts["workforce"], seed)), encoding="utf-8")


def write_workbook(path: Path, lists: dict[str, pd.DataFrame]) -> None:
    """An .xlsx with one sheet per list (named by its key): headings in row 1, then one row per table row."""
    workbook = openpyxl.Workbook(write_only=True)
    for name, table in lists.items():
        sheet = workbook.create_sheet(name)
        sheet.append([str(heading) for heading in table.columns])
        for row in zip(*(cell_values(table[column]) for column in table.columns)):
            sheet.append(row)
    workbook.save(path)


def cell_values(column: pd.Series) -> list:
    """A column's values as cells hold them: dates (the day) as dates, numbers as numbers, the rest as text; blanks None."""
    if pd.api.types.is_datetime64_any_dtype(column):
        return column.to_numpy("datetime64[D]").astype(object).tolist()
    numbers = pd.api.types.is_integer_dtype(column) or pd.api.types.is_float_dtype(column)
    values = column if numbers else column.astype(str)
    return values.astype(object).where(column.notna(), None).tolist()
