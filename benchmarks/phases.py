"""Where a cold build's own work goes, phase by phase, in one plain process: importing what a build imports, the
figures, and turning the pack's charts into SVG. Prints one ``name: value`` line a phase (seconds).

    python benchmarks/phases.py PARAMS.yaml
"""

from __future__ import annotations

import sys
import time
from pathlib import Path


def main(params_file: str) -> None:
    started = time.perf_counter()
    import nbformat

    from readiness.indicators import themes  # noqa: F401  (the figure registry, as a build declares it)
    from readiness.pack import notebook, pipeline  # noqa: F401  (everything a build imports)
    from readiness.pack.figures import compute_figures, whole_month_series
    from readiness.paths import notebook_files
    from readiness.present.charts import to_html

    print(f"import_s: {time.perf_counter() - started:.2f}", flush=True)
    params_file = str(Path(params_file).resolve())
    pack = notebook.open_pack(params_file)  # the inputs, read once (and kept in the analysts' cache)
    started = time.perf_counter()
    pack.computed = compute_figures(pack.inputs, pack.params)
    pack.whole = whole_month_series(pack.inputs, pack.params)
    print(f"figures_s: {time.perf_counter() - started:.2f}", flush=True)
    figures = []
    notebook.show_chart = lambda fig, alt: figures.append((fig, alt))
    notebook.show_table = lambda table, caption: None
    notebook.say = lambda text: None
    with notebook.shared_with_notebooks(pack, params_file, ""):
        for path in notebook_files():
            namespace = {"params_file": params_file, "inputs_file": ""}
            for cell in nbformat.read(path, as_version=4).cells:
                if cell.cell_type == "code" and "parameters" not in cell.metadata.get("tags", []):
                    exec(compile(cell.source, str(path), "exec"), namespace)
    started = time.perf_counter()
    for fig, alt in figures:
        to_html(fig, alt)
    seconds = time.perf_counter() - started
    print(f"charts: {len(figures)}", flush=True)
    print(f"charts_s: {seconds:.2f}", flush=True)
    print(f"chart_ms: {seconds / max(len(figures), 1) * 1000:.0f}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1])
