"""Benchmark: Readiness builds against plain papermill + nbconvert, and against the floor.

Not a test: it measures this machine, in one run. Every build is timed as a fresh
``readiness build`` process, start-up included; then where a cold build's time goes (imports, figures, charts:
``benchmarks/phases.py``), and the large council's memory, at its peak and in each phase of its build (resident
memory summed over its processes, and proportional memory: pages its forked workers share counted once), sampled in
a second cold build of it: the sampling takes a third of a core, so the timed one runs without it.
Prints ``name: value`` lines, the last ``speedup_vs_baseline``.

    python benchmarks/bench.py            (from the repository, with the project's .venv)
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

import psutil
import yaml

REPO = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
DEMO_PARAMS = REPO / "parameters" / "demo.yaml"


def timed(command: list[str], cwd: Path | None = None) -> float:
    """Seconds a command takes; it must succeed."""
    started = time.perf_counter()
    subprocess.run(command, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def tree_memory(command: list[str]) -> tuple[float, list[tuple[float, float, float]]]:
    """Seconds a command takes, and every 20 ms (wall-clock time, the resident memory summed over the process and
    all its children, and their proportional memory: a page forked workers share counted once, not once each)."""
    started = time.perf_counter()
    process = psutil.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    samples = []
    while process.poll() is None:
        rss = pss = 0
        try:
            for p in [process, *process.children(recursive=True)]:
                memory = p.memory_full_info()
                rss, pss = rss + memory.rss, pss + memory.pss
        except psutil.Error:
            pass
        samples.append((time.time(), rss / 1e6, pss / 1e6))
        time.sleep(0.02)
    if process.returncode:
        raise SystemExit(f"failed: {' '.join(command)}")
    return time.perf_counter() - started, samples


PHASES = (
    ("start-up", None),
    ("inputs", "reading and checking inputs"),
    ("figures", "inputs read and checked"),
    ("sections", "figures computed"),
    ("page", None),
)
LOGGED = re.compile(r"(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+) INFO (.*)")


def phase_peaks(build_log: Path, samples: list[tuple[float, float, float]]) -> dict[str, tuple[float, float]]:
    """The peak summed resident and proportional memory (MB) in each phase of a build, its phases told apart by the
    times ``build.log`` gives (the sections end when the last notebook has run)."""
    starts = {"start-up": samples[0][0]}
    for line in build_log.read_text(encoding="utf-8").splitlines():
        found = LOGGED.match(line)
        if found is None:
            continue
        when = datetime.strptime(found[1], "%Y-%m-%d %H:%M:%S,%f").timestamp()
        for phase, words in PHASES:
            if words is not None and words in found[2]:
                starts.setdefault(phase, when)
        if " ran in " in found[2] or " unchanged; reused" in found[2]:
            starts["page"] = when
    bounds = sorted(starts.items(), key=lambda item: item[1]) + [("end", samples[-1][0] + 1)]
    peaks = {}
    for (phase, start), (_, end) in zip(bounds, bounds[1:]):
        inside = [sample for sample in samples if start <= sample[0] < end] or [(0, 0.0, 0.0)]
        peaks[phase] = (max(s[1] for s in inside), max(s[2] for s in inside))
    return peaks


def readiness(*args: str) -> list[str]:
    return [PYTHON, "-m", "readiness", "--quiet", *args]


def baseline(work: Path) -> float:
    """The notebooks one at a time through the ``papermill`` and ``jupyter nbconvert`` commands."""
    bindir = Path(PYTHON).parent
    total = 0.0
    for notebook in sorted((REPO / "notebooks").glob("[0-9][0-9]_*.ipynb")):
        executed = work / notebook.name
        total += timed(
            [str(bindir / "papermill"), str(notebook), str(executed), "-p", "params_file", str(DEMO_PARAMS), "--cwd", str(notebook.parent)]
        )
        total += timed([str(bindir / "jupyter"), "nbconvert", "--to", "html", "--no-input", str(executed)])
    return total


def write_params(folder: Path, name: str, **changes) -> Path:
    """A copy of the demo parameters with absolute paths and ``changes`` applied."""
    params = yaml.safe_load(DEMO_PARAMS.read_text())
    params["data"] = {k: str((DEMO_PARAMS.parent / v).resolve()) for k, v in params["data"].items()}
    for key in ("commentary", "comparators"):
        params[key] = str((DEMO_PARAMS.parent / params[key]).resolve())
    for key in ("cin_census", "ssda903", "csww"):  # the demo's statutory returns: one path or a list
        given = params.get(key) or []
        params[key] = [str((DEMO_PARAMS.parent / p).resolve()) for p in (given if isinstance(given, list) else [given])]
    params.update(changes)
    path = folder / f"{name}.yaml"
    path.write_text(yaml.safe_dump(params, sort_keys=False))
    return path


def month_start(index: int) -> date:
    """The first day of month number ``index`` (years × 12 + month − 1)."""
    year, month = divmod(index, 12)
    return date(year, month + 1, 1)


def monthly_packs(folder: Path, count: int = 12) -> list[Path]:
    """Twelve packs, as a council building one a month for a year would: each a rolling 12 months."""
    first = 2024 * 12 + 9  # October 2024
    packs = []
    for index in range(first, first + count):
        end = month_start(index + 1) - timedelta(days=1)
        start = month_start(index - 11)
        name = f"{end:%Y-%m}"
        packs.append(
            write_params(folder, name, pack_id=f"demo-{name}", period_start=str(start), period_end=str(end), annex_a_extract_date=str(end))
        )
    return packs


class Results(dict):
    """Measurements, each printed as ``name: value`` the moment it is taken."""

    def __setitem__(self, name: str, value: float) -> None:
        super().__setitem__(name, value)
        print(f"{name}: {value:.2f}", flush=True)


def large_returns(data: Path) -> dict[str, list[str]]:
    """The large council's statutory returns, as ``demo-data --scale large`` writes them: five years of each."""
    returns = data / "returns"
    return {
        "cin_census": [str(p) for p in sorted((returns / "cin").glob("cin_*.xml"))],
        "ssda903": [str(p) for p in sorted((returns / "ssda903").iterdir())],
        "csww": [str(p) for p in sorted(returns.glob("csww_*.xml"))],
    }


def main() -> None:
    print(f"cores: {os.cpu_count()}", flush=True)
    if not (REPO / "data" / "demo" / "returns").exists():  # demo-data never overwrites an analyst's copy (it adds the returns)
        subprocess.run(readiness("demo-data"), check=True)
    work = Path(tempfile.mkdtemp(prefix="readiness-bench-"))
    try:
        results = Results()
        (work / "baseline").mkdir()
        results["baseline_s"] = baseline(work / "baseline")
        results["cold_build_s"] = timed(readiness("build", str(DEMO_PARAMS), "--out", str(work / "packs" / "demo")))
        results["warm_build_s"] = timed(readiness("build", str(DEMO_PARAMS), "--out", str(work / "packs" / "demo")))
        results["floor_s"] = timed([PYTHON, str(REPO / "benchmarks" / "floor.py"), str(DEMO_PARAMS), str(work / "floor")])
        for command, name in (
            (["import readiness.cli"], "import_command_s"),
            (["import readiness.pack.notebook"], "import_notebook_s"),
            (["import readiness.pack.pipeline"], "import_build_s"),
        ):
            results[name] = timed([PYTHON, "-c", *command])  # a fresh interpreter each: its start-up included
        phases = subprocess.run(
            [PYTHON, str(REPO / "benchmarks" / "phases.py"), str(DEMO_PARAMS)], check=True, capture_output=True, text=True
        )
        for line in phases.stdout.splitlines():
            name, _, value = line.partition(": ")
            if name.endswith(("_s", "_ms")) or name == "charts":
                results[name] = float(value)
        large_data = work / "large-data"
        subprocess.run(readiness("demo-data", "--scale", "large", "--out", str(large_data)), check=True)
        large = write_params(
            work,
            "large",
            pack_id="large",
            data={
                "annex_a": str(large_data / "annex_a.xlsx"),
                "case_audits": str(large_data / "case_audits.csv"),
                "strategy_meetings": str(large_data / "strategy_meetings.csv"),
                "workforce": str(large_data / "workforce.csv"),
                "supervision": str(large_data / "supervision.csv"),
                "audit_actions": str(large_data / "audit_actions.csv"),
                "front_door_decisions": str(large_data / "front_door_decisions.csv"),
            },
            period_start="2024-10-01",
            period_end="2025-09-30",
            annex_a_extract_date="2025-10-03",
            **large_returns(large_data),
        )
        results["large_cold_build_s"] = timed(readiness("build", str(large), "--out", str(work / "packs" / "large-timed")))
        # Its memory in a second cold build (--force): sampling every 20 ms takes a third of a core, which would slow
        # the build it measures, so the time above is of a build left alone, as every other build here is.
        _, samples = tree_memory(readiness("build", "--force", str(large), "--out", str(work / "packs" / "large")))
        results["large_peak_rss_mb"] = max(sample[1] for sample in samples)
        results["large_peak_pss_mb"] = max(sample[2] for sample in samples)
        for phase, (rss, pss) in phase_peaks(work / "packs" / "large" / "build.log", samples).items():
            results[f"large_{phase}_rss_mb"], results[f"large_{phase}_pss_mb"] = rss, pss
        batch = monthly_packs(work)
        results["batch_12_jobs1_s"] = timed(readiness("build", *map(str, batch), "--out", str(work / "batch1"), "--jobs", "1"))
        results["batch_12_jobsN_s"] = timed(readiness("build", *map(str, batch), "--out", str(work / "batchN")))
        results["cold_vs_floor"] = results["cold_build_s"] / results["floor_s"]
        results["warm_speedup"] = results["cold_build_s"] / results["warm_build_s"]
        results["batch_speedup"] = results["batch_12_jobs1_s"] / results["batch_12_jobsN_s"]
        results["speedup_vs_baseline"] = results["baseline_s"] / results["cold_build_s"]
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
