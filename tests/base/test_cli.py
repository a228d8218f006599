"""The command line: output options go before or after the command."""

import pytest

from readiness.cli import parser


@pytest.mark.parametrize(
    "argv, quiet, debug",
    [
        (["build", "a.yaml"], False, False),
        (["--quiet", "build", "a.yaml"], True, False),
        (["build", "a.yaml", "--quiet"], True, False),
        (["--debug", "validate", "a.yaml", "--quiet"], True, True),
    ],
)
def test_quiet_and_debug_are_accepted_either_side_of_the_command(argv, quiet, debug):
    args = parser().parse_args(argv)
    assert (args.quiet, args.debug) == (quiet, debug)


def ended(monkeypatch, outcome) -> int:
    """The status :func:`readiness.cli.command` ends the process with when :func:`readiness.cli.main` does ``outcome``."""
    from readiness import cli

    events = []
    monkeypatch.setattr(cli, "main", outcome)
    # The exit functions run, but not this test process's own: IPython's would close the shell's history and
    # multiprocessing's would delete the forkserver's socket, which later tests in this process use.
    monkeypatch.setattr(cli.atexit, "_run_exitfuncs", lambda: events.append("exit functions"))
    monkeypatch.setattr(cli.os, "_exit", events.append)
    monkeypatch.setattr(cli.sys, "gettrace", lambda: None)  # as in a run neither traced nor profiled
    cli.command()
    assert events[0] == "exit functions", "what is registered to run at exit runs before the process ends"
    return events[1]


def exits(code):
    def main():
        raise SystemExit(code)

    return main


@pytest.mark.parametrize("code, status", [(2, 2), (0, 0), (None, 0)])
def test_the_command_ends_with_mains_exit_status(monkeypatch, code, status):
    assert ended(monkeypatch, exits(code)) == status


def test_the_command_ends_with_status_0_when_main_returns(monkeypatch):
    assert ended(monkeypatch, lambda: None) == 0


def test_an_exit_with_a_message_prints_it_and_ends_with_status_1(monkeypatch, capsys):
    assert ended(monkeypatch, exits("no such pack")) == 1
    assert capsys.readouterr().err == "no such pack\n"


def test_a_profiled_run_ends_as_python_does_so_that_its_profile_is_written(monkeypatch):
    from readiness import cli

    monkeypatch.setattr(cli, "main", exits(2))
    monkeypatch.setattr(cli.os, "_exit", lambda status: pytest.fail("ended at once"))
    monkeypatch.setattr(cli.sys, "getprofile", lambda: object())
    with pytest.raises(SystemExit) as ended_with:
        cli.command()
    assert ended_with.value.code == 2


def test_python_m_readiness_exits_2_with_its_plain_line_and_usage_errors_too(tmp_path):
    import subprocess
    import sys

    missing = tmp_path / "missing.yaml"
    result = subprocess.run([sys.executable, "-m", "readiness", "validate", str(missing)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 2 and str(missing) in result.stderr and "Traceback" not in result.stderr
    result = subprocess.run([sys.executable, "-m", "readiness", "no-such-command"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 2 and result.stderr.startswith("usage:")
