"""Timing: keeping the checked inputs (readiness.pack.store) against the pickle it replaced. Not a test.

Reads the large council's inputs once, then writes and reads them back three times each
way, on disk, and prints the best times. The pickle is only measured here (on bytes this
script wrote itself); nothing in ``lib/`` pickles or unpickles.

    python benchmarks/cache_io.py [LARGE_DATA_FOLDER]   (default: writes it to a temporary folder)
"""

from __future__ import annotations

import pickle
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from readiness.config.params import Params
from readiness.demo.files import write_demo_data
from readiness.inputs.read import load_inputs
from readiness.pack.store import keep_inputs, kept_inputs

NAMES = {
    "annex_a": "annex_a.xlsx",
    "case_audits": "case_audits.csv",
    "strategy_meetings": "strategy_meetings.csv",
    "workforce": "workforce.csv",
    "supervision": "supervision.csv",
}


def best_of(three, action) -> float:
    """The fastest of ``three`` runs of ``action``, in seconds."""
    times = []
    for _ in range(three):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="readiness-cache-io-"))
    data = Path(sys.argv[1]) if len(sys.argv) > 1 else work / "large"
    if not (data / "annex_a.xlsx").exists():
        write_demo_data(data, scale="large")
    params = Params(
        pack_id="large",
        la_name="Large",
        period_start=date(2024, 10, 1),
        period_end=date(2025, 9, 30),
        annex_a_extract_date=date(2025, 10, 3),
        data={key: data / name for key, name in NAMES.items()},
    )
    started = time.perf_counter()
    inputs = load_inputs(params)
    print(f"read and check the inputs: {time.perf_counter() - started:.2f} s ({len(inputs.annex_a['list_1']):,} List 1 rows)")
    kept, pickled = work / "inputs.zip", work / "inputs.pickle"
    print(f"store write: {best_of(3, lambda: keep_inputs(inputs, kept)):.3f} s")
    print(f"store read: {best_of(3, lambda: kept_inputs(kept)):.3f} s ({kept.stat().st_size / 1e6:.1f} MB)")
    print(f"pickle write: {best_of(3, lambda: pickled.write_bytes(pickle.dumps(inputs, protocol=pickle.HIGHEST_PROTOCOL))):.3f} s")
    print(f"pickle read: {best_of(3, lambda: pickle.loads(pickled.read_bytes())):.3f} s ({pickled.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
