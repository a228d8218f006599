"""The floor: one plain Python process that does only the pack's real work.

It loads the demo data, computes every figure with ``lib/``, and runs the notebooks'
own code cells here with ``exec`` (no papermill, no kernel, no nbconvert), saving every
chart the pack draws as an SVG file. That is the least a pack can cost.

    python benchmarks/floor.py PARAMS.yaml OUTDIR
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat

from readiness.pack import notebook
from readiness.pack.figures import compute_figures
from readiness.paths import notebook_files
from readiness.present.charts import to_html


def main(params_file: str, out: str) -> None:
    params_file = str(Path(params_file).resolve())  # as a notebook names it, so that each finds the pack shared here
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    pack = notebook.open_pack(params_file)
    compute_figures(pack.inputs, pack.params)
    charts = []
    notebook.show_chart = lambda fig, alt: charts.append(to_html(fig, alt))
    notebook.show_table = lambda table, caption: None
    notebook.say = lambda text: None
    for path in notebook_files():
        namespace = {"params_file": params_file, "inputs_file": ""}
        with notebook.shared_with_notebooks(pack, params_file, ""):
            for cell in nbformat.read(path, as_version=4).cells:
                if cell.cell_type == "code" and "parameters" not in cell.metadata.get("tags", []):
                    exec(compile(cell.source, str(path), "exec"), namespace)
    for index, chart in enumerate(charts):
        (folder / f"chart-{index:02d}.html").write_text(chart, encoding="utf-8")
    print(f"{len(charts)} charts")


if __name__ == "__main__":
    main(*sys.argv[1:3])
