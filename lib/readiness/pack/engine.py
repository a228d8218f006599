"""A papermill engine that runs a notebook's cells in this Python process, with no kernel.

Starting a Jupyter kernel per notebook costs seconds of start-up and imports; the build
runs notebooks with this engine instead, so pandas, matplotlib and the inputs already
read are shared. Each notebook still gets a fresh namespace and runs top to bottom, as it
would in a kernel (``pytest --nbval-lax`` checks that it does, in a real kernel).

    papermill.execute_notebook(src, dest, parameters=..., engine_name="readiness-inprocess")
"""

from __future__ import annotations

import traceback

import nbformat
from IPython.core.displayhook import DisplayHook
from IPython.core.interactiveshell import InteractiveShell
from IPython.utils.capture import capture_output
from papermill.engines import Engine, papermill_engines

ENGINE_NAME = "readiness-inprocess"


class _QuietDisplayHook(DisplayHook):
    """Keeps a cell's last value for ``execute_result`` without printing ``Out[n]:``."""

    def write_output_prompt(self):
        pass

    def write_format_data(self, format_dict, md_dict=None):
        pass


def shell() -> InteractiveShell:
    """The process's IPython shell, with a fresh user namespace."""
    instance = InteractiveShell.instance(displayhook_class=_QuietDisplayHook, colors="nocolor", cache_size=0)
    hidden = instance.user_ns_hidden
    for name in [name for name in instance.user_ns if name not in hidden]:
        del instance.user_ns[name]
    return instance


def run_cell(ipython: InteractiveShell, source: str) -> tuple[list, BaseException | None]:
    """Execute one cell; return its outputs as notebook outputs, and its exception if it raised."""
    with capture_output() as captured:
        result = ipython.run_cell(source, store_history=False)
    outputs = [
        nbformat.v4.new_output("stream", name=name, text=text)
        for name, text in (("stdout", captured.stdout), ("stderr", captured.stderr))
        if text
    ]
    outputs += [nbformat.v4.new_output("display_data", data=o.data, metadata=o.metadata or {}) for o in captured.outputs]
    error = result.error_before_exec or result.error_in_exec
    if error is not None:
        outputs.append(error_output(error))
    elif result.result is not None:
        data, metadata = ipython.display_formatter.format(result.result)
        outputs.append(nbformat.v4.new_output("execute_result", data=data, metadata=metadata, execution_count=None))
    return outputs, error


def error_output(error: BaseException):
    """An ``error`` output as a kernel would send it."""
    lines = traceback.format_exception(type(error), error, error.__traceback__)
    return nbformat.v4.new_output("error", ename=type(error).__name__, evalue=str(error), traceback=lines)


class InProcessEngine(Engine):
    """Papermill engine: execute code cells in order in this process; stop at the first error."""

    @classmethod
    def execute_managed_notebook(cls, nb_man, kernel_name, **kwargs):
        """Papermill has already changed to the notebook's working directory."""
        ipython = shell()
        code_cells = (c for c in enumerate(nb_man.nb.cells) if c[1].cell_type == "code")
        for count, (index, cell) in enumerate(code_cells, start=1):
            cell.execution_count = count
            nb_man.cell_start(cell, index)
            cell.outputs, error = run_cell(ipython, cell.source)
            if error is not None:
                nb_man.cell_exception(cell, index)
            nb_man.cell_complete(cell, index)
            if error is not None:
                break


papermill_engines.register(ENGINE_NAME, InProcessEngine)
