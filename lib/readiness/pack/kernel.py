"""What an analyst's kernel shows besides the pack's own outputs: which pack this is, and its marking on every output.

:func:`announce` runs in :func:`readiness.pack.notebook.open_pack` in a Jupyter kernel (JupyterLab, or
papermill from the command line), never in the build's in-process engine, whose outputs go into the pack:

- its first output states the council, the period, the audience and the marking (OFFICIAL or OFFICIAL-SENSITIVE);
- from then on, the first output of every cell that shows something gets a banner with that marking on top,
  so a screenshot or a printed page of any one output still says how it may be handled.
"""

from __future__ import annotations

from datetime import date
from html import escape
from pathlib import Path

from IPython import get_ipython
from IPython.display import HTML, display

from readiness.config.params import Params

from .marking import MARKINGS

STYLE = "border-left:6px solid {colour};background:#f3f2f1;padding:4px 10px;margin:0 0 6px 0;font:bold 0.9em sans-serif"
COLOURS = {"OFFICIAL": "#1d70b8", "OFFICIAL-SENSITIVE": "#d4351c"}


def long_date(day: date) -> str:
    """``1 October 2024``."""
    return f"{day.day} {day:%B %Y}"


def statement(params: Params, params_file: Path) -> str:
    """One line: marking, council, period, snapshot, audience and what it withholds, and the parameters file read."""
    withheld = f"counts from 1 to {params.suppression_threshold} withheld" if params.suppression_threshold else "nothing withheld"
    return (
        f"{MARKINGS[params.audience]}: {params.la_name}, {long_date(params.period_start)} to {long_date(params.period_end)}"
        f" (snapshot {long_date(params.period.snapshot)}); audience {params.audience}, {withheld}; parameters {params_file}"
    )


def banner(text: str, marking: str) -> HTML:
    """``text`` as a banner in the marking's colour (the text is data: escaped)."""
    return HTML(f'<div class="readiness-marking" style="{STYLE.format(colour=COLOURS[marking])}">{escape(text)}</div>')


class Marker:
    """Puts the latest pack's marking on top of the first output of each cell the kernel runs."""

    def __init__(self, shell):
        self.marking: str | None = None
        self.shown = True
        self.shell = shell
        shell.events.register("pre_run_cell", self.new_cell)
        publisher, hook = shell.display_pub, shell.displayhook
        original_publish, original_start = publisher.publish, hook.start_displayhook

        def publish(data, metadata=None, *args, **kwargs):
            if not kwargs.get("update"):
                self.before_output(original_publish)
            return original_publish(data, metadata, *args, **kwargs)

        def start_displayhook():
            self.before_output(original_publish)
            return original_start()

        publisher.publish, hook.start_displayhook = publish, start_displayhook

    def new_cell(self, *_) -> None:
        self.shown = False

    def before_output(self, publish) -> None:
        if self.marking and not self.shown:
            self.shown = True
            data, metadata = self.shell.display_formatter.format(banner(self.marking, self.marking))
            publish(data, metadata)

    def state(self, params: Params, params_file: Path) -> None:
        """Show the pack's statement as this cell's output (its banner), and mark every later output as this pack is."""
        self.marking = MARKINGS[params.audience]
        self.shown = True
        display(banner(statement(params, params_file), self.marking))


def in_kernel(shell) -> bool:
    """Whether ``shell`` is a Jupyter kernel's (its outputs go to a front end, not into a pack)."""
    return shell is not None and hasattr(shell, "kernel")


def announce(params: Params, params_file: Path) -> None:
    """In a Jupyter kernel: state the pack (:func:`statement`) and mark every later output; elsewhere nothing."""
    shell = get_ipython()
    if not in_kernel(shell):
        return
    if not isinstance(getattr(shell, "readiness_marker", None), Marker):
        shell.readiness_marker = Marker(shell)
    shell.readiness_marker.state(params, params_file)
