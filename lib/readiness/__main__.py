"""``python -m readiness`` is the ``readiness`` command."""
from .cli import main

main()
