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
