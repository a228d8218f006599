"""``tests/forked.py``: a command run in a forked process, whatever this test process has done before."""

import sys

import forked


class StandIn:
    """What IPython leaves as ``__main__`` after a section ran in this process (a build's own job): no ``__spec__``."""


def test_a_command_runs_forked_after_ipython_replaced_main(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "__main__", StandIn())
    ran = forked.run([], tmp_path, timeout=60)
    assert ran.result.returncode == 2 and "the following arguments are required: command" in ran.result.stderr
