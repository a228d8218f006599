"""The ``readiness`` command: build, validate, verify, sample, demo-data, templates.

Every failure prints one plain line per problem and exits 2 (bad parameters or input)
or 1 (anything else); a Python traceback is never the message (``--debug`` shows one).
"""

from __future__ import annotations

import argparse
import atexit
import logging
import os
import sys
from datetime import date
from pathlib import Path

from readiness import progress
from readiness.errors import ReadinessError, printable
from readiness.paths import DEMO_DATA

log = logging.getLogger("readiness")


def cmd_build(args) -> int:
    from readiness.pack.build import build_many

    files = [Path(p) for p in args.params]
    results = build_many(files, args.out, jobs=args.jobs, pdf=args.pdf, force=args.force, strict=args.strict)
    for result in results:
        for line in result.problems:
            print_error(line)
        if result.status == 0:
            print(f"Pack ready: {result.folder / 'index.html'}")
    if len(results) > 1:
        _print_summary(results)
    return max(result.status for result in results)


def cmd_validate(args) -> int:
    from readiness.config.params import load_params
    from readiness.files import write_replacing
    from readiness.indicators.superseded import superseded_warnings
    from readiness.inputs.validate import format_report, validate, write_csv

    params = load_params(args.params)
    if args.strict:
        params = params.model_copy(update={"strict": True})
    if args.csv:
        check_csv_target(args.csv, params, Path(args.params), args.force)
    errors, warnings = validate(params)
    warnings = [*warnings, *superseded_warnings(params)]  # as the build's Data quality section lists them
    print(format_report(errors, warnings))
    if args.csv:
        write_replacing(args.csv, lambda partial: write_csv(errors, warnings, partial))
        print(f"To-fix list written to {args.csv}")
    return 2 if errors else 0


def check_csv_target(path: Path, params, params_file: Path, force: bool) -> None:
    """``validate --csv`` writes a new file, or (``--force``) replaces a regular file; never an input or the parameters file."""
    from readiness.errors import OutputError
    from readiness.files import refuse_to_overwrite
    from readiness.pack.packfolder import user_files

    resolved = path.resolve()
    for key, named in user_files(params, params_file).items():
        if resolved == named or resolved.is_relative_to(named):
            raise OutputError([f"{path}: is {key} ({named}); it was left as it is: give --csv a new file"])
    if path.is_symlink() or (path.exists() and not path.is_file()):
        raise OutputError([f"{path}: is not a regular file; it was left as it is: give --csv a new file"])
    if not force:
        refuse_to_overwrite([path], "validate")


def cmd_demo_data(args) -> int:
    from readiness.demo.files import write_demo_data

    folder = args.out or DEMO_DATA / ("demo" if args.scale == "standard" else f"demo-{args.scale}")
    paths = write_demo_data(folder, seed=args.seed, scale=args.scale, force=args.force)
    print(f"Demo data ({args.scale}) written to {folder} ({len(paths)} inputs)")
    return 0


def cmd_verify(args) -> int:
    from readiness.pack.packfolder import recorded_digests
    from readiness.pack.verify import verify_pack

    problems = verify_pack(args.folder)
    for line in problems:
        print(f"mismatch: {printable(line)}", file=sys.stderr)
    if problems:
        return 1
    checked = (
        "its files are as built"
        if recorded_digests(args.folder)
        else "it has no record of its own files, so only its inputs and page were checked"
    )
    print(f"{args.folder}: every input matches the pack's manifest; {checked}; its page holds no code and loads nothing")
    return 0


def cmd_sample(args) -> int:
    from readiness.mock.command import draw, read_back_workbook

    if args.read_back:
        return read_back_workbook(args.read_back)
    if args.params is None:
        print("error: readiness sample needs a parameters file (or --read-back WORKBOOK)", file=sys.stderr)
        return 2
    return draw(args)


def cmd_templates(args) -> int:
    from readiness.inputs.read import write_templates
    from readiness.inputs.templates import RETURNS_GUIDE_FILE

    for path in write_templates(args.folder, force=args.force):
        print(f"wrote {path}")
    print(f"wrote {args.folder / RETURNS_GUIDE_FILE} (how to give the pack the statutory returns)")
    return 0


def print_error(line: str) -> None:
    """One ``error:`` line on stderr, control characters from the inputs shown as escapes."""
    print(f"error: {printable(line)}", file=sys.stderr)


def _print_problems(exc: ReadinessError) -> None:
    for line in exc.lines():
        print_error(line)


def _print_summary(results) -> None:
    words = {0: "built", 1: "failed", 2: "bad input"}
    print("\nSummary")
    print(f"  {'result':<10} {'seconds':>7}  parameters -> pack")
    for result in results:
        where = result.folder or "(nothing published)"
        print(f"  {words[result.status]:<10} {result.seconds:>7.1f}  {result.params_file} -> {where}")
    failed = sum(result.status != 0 for result in results)
    print(f"  {len(results) - failed} built, {failed} failed")


def _output_options(default) -> argparse.ArgumentParser:
    """--debug and --quiet, accepted before or after the command (after it, unset means "as before")."""
    options = argparse.ArgumentParser(add_help=False)
    options.add_argument("--debug", action="store_true", default=default, help="show Python tracebacks")
    options.add_argument("--quiet", action="store_true", default=default, help="print only the result and errors")
    return options


class QuietWhenClosed:
    """A text stream (stdout, stderr) that, once its reader has gone (``readiness validate … | head -1``), drops what is
    written to it instead of failing: the command runs on to its own exit status, with no traceback."""

    def __init__(self, stream):
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except BrokenPipeError:
            self._to_nowhere()
            return len(text)

    def flush(self) -> None:
        try:
            self._stream.flush()
        except BrokenPipeError:
            self._to_nowhere()

    def _to_nowhere(self) -> None:
        """Point the stream's file at the null device, so that what is still buffered (and Python's flush at exit) goes nowhere."""
        nowhere = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(nowhere, self._stream.fileno())
        finally:
            os.close(nowhere)

    def __getattr__(self, name: str):
        return getattr(self._stream, name)


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="readiness", description="Mock-inspection evidence packs for children's services.", parents=[_output_options(False)]
    )
    subcommands = top.add_subparsers(dest="command", required=True)
    command_options = _output_options(argparse.SUPPRESS)

    def add_command(name: str, help: str) -> argparse.ArgumentParser:
        return subcommands.add_parser(name, help=help, parents=[command_options])

    build = add_command("build", "build one or more packs")
    build.add_argument("params", nargs="+", help="parameters file(s)")
    build.add_argument("--out", type=Path, help="output folder (one pack) or parent folder (several)")
    build.add_argument("--pdf", action="store_true", help="also print pack.pdf with headless Chromium")
    build.add_argument(
        "--jobs", type=int, default=os.cpu_count() or 1, help="packs or notebooks built at once (default: the number of cores)"
    )
    build.add_argument(
        "--force", action="store_true", help="rebuild everything, even what has not changed: read the inputs again and run every notebook"
    )
    build.add_argument(
        "--strict", action="store_true", help="any unreadable value in a column a figure uses stops the build (as strict: true)"
    )
    build.set_defaults(run=cmd_build)

    validate = add_command("validate", "check parameters and inputs only")
    validate.add_argument("params", help="parameters file")
    validate.add_argument("--strict", action="store_true", help="report unreadable values as errors, as a strict build would")
    validate.add_argument("--csv", type=Path, help="also write the to-fix list to this CSV file (a new file)")
    validate.add_argument(
        "--force", action="store_true", help="let --csv replace a file already there (never an input or the parameters file)"
    )
    validate.set_defaults(run=cmd_validate)

    demo = add_command("demo-data", "write the synthetic demo data set")
    demo.add_argument("--out", type=Path, help="folder (default data/demo)")
    demo.add_argument("--seed", type=int, default=2019)
    demo.add_argument("--scale", choices=("standard", "large"), default="standard")
    demo.add_argument("--force", action="store_true", help="overwrite demo files already in the folder")
    demo.set_defaults(run=cmd_demo_data)

    sample = add_command("sample", "draw a reproducible mock-inspection case sample")
    sample.add_argument("params", nargs="?", help="parameters file")
    sample.add_argument(
        "--read-back",
        type=Path,
        metavar="WORKBOOK",
        help="read a completed case-tracking workbook back as case_audits, audit_actions, immediate_concerns and audit_checks",
    )
    sample.add_argument("--size", type=int, default=30, help="children to sample (default 30)")
    sample.add_argument("--seed", type=int, default=1, help="random seed: the same seed gives the same sample")
    sample.add_argument("--out", type=Path, help="the pack folder the sample goes beside (default outputs/<pack_id>)")
    sample.add_argument(
        "--force", action="store_true", help="replace a case-tracking workbook that already holds completed audits or actions"
    )
    sample.add_argument(
        "--theme",
        help="draw only this theme's children (help_and_protection, front_door, children_in_care, care_leavers, early_help, adoption) with activity since --since",
    )
    sample.add_argument(
        "--since",
        type=date.fromisoformat,
        metavar="YYYY-MM-DD",
        help="with --theme: the start of the recency window (default six months before the snapshot)",
    )
    sample.add_argument(
        "--per-worker",
        type=int,
        default=2,
        metavar="N",
        help="with --theme: at most N children (a family counts once) per worker (default 2)",
    )
    sample.add_argument(
        "--not-audited-within",
        type=int,
        default=12,
        metavar="WEEKS",
        help="flag children audited in these weeks to the snapshot (default 12)",
    )
    sample.set_defaults(run=cmd_sample)

    verify = add_command("verify", "check a built pack still matches its inputs (exit 1 if not)")
    verify.add_argument("folder", type=Path, help="the pack's folder")
    verify.set_defaults(run=cmd_verify)

    templates = add_command("templates", "write blank templates for the local extracts, and a guide to giving the statutory returns")
    templates.add_argument("folder", type=Path)
    templates.add_argument("--force", action="store_true", help="overwrite templates already in the folder")
    templates.set_defaults(run=cmd_templates)
    return top


def main(argv: list[str] | None = None) -> None:
    streams = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = (s if isinstance(s, QuietWhenClosed) else QuietWhenClosed(s) for s in streams)
    try:
        status = run(argv)
        sys.stdout.flush()
        sys.stderr.flush()
    finally:
        sys.stdout, sys.stderr = streams
    sys.exit(status)


def command() -> None:
    """``readiness`` and ``python -m readiness``: :func:`main`, then what is registered to run at exit, then the
    process ends at once, its output flushed: tearing a build's heap down object by object (inputs, figures,
    matplotlib) took half a second after the pack was published."""
    try:
        main()
        status = 0
    except SystemExit as exc:
        status = exc.code
    if sys.getprofile() is not None or sys.gettrace() is not None:  # profiled or traced: end as Python does, results written
        sys.exit(status)
    if status is not None and not isinstance(status, int):  # sys.exit("message"), as Python itself would end
        print(status, file=sys.stderr)
        status = 1
    atexit._run_exitfuncs()  # what is registered to run at exit still runs (logging's flush among them)
    for stream in (sys.stdout, sys.stderr):
        QuietWhenClosed(stream).flush()
    os._exit(status or 0)


def run(argv: list[str] | None) -> int:
    """The command's exit status: 0 done, 2 bad parameters or input, 1 anything else (one plain line each)."""
    args = parser().parse_args(argv)
    terminal = sys.stderr.isatty() and not args.quiet
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(message)s", datefmt="%H:%M:%S")
    logging.getLogger().handlers[0].setLevel(logging.WARNING if args.quiet or terminal else logging.INFO)
    log.setLevel(logging.INFO)
    progress.enable(terminal)
    try:
        if args.run is not cmd_build:  # a build declares the figures only when its pack is not up to date (pack.build)
            from readiness.indicators import themes  # noqa: F401  (declares every figure: parameters name them, inputs are read by them)
        status = args.run(args)
    except ReadinessError as exc:
        _print_problems(exc)
        status = exc.exit_status
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        status = 1
    except Exception as exc:  # noqa: BLE001 - the last line of defence: one plain line, exit 1
        if args.debug:
            raise
        print_error(f"unexpected failure: {type(exc).__name__}: {exc} (run with --debug for details)")
        status = 1
    return status
