"""``python -m readiness`` is the ``readiness`` command."""

from readiness.cli import command

command()
