"""Readiness packs: mock-inspection evidence packs for English children's services."""

__version__ = "0.1.0"
SPEC_VERSION = 4  # figures.json says which version of the contract (../shared/spec) it follows

# jsonschema (under nbformat and papermill) imports rfc3987_syntax when it is installed, and
# that module compiles a grammar at import: 2.5 s of start-up for an IRI format check this
# project never uses. jsonschema guards the import, so marking the module absent skips it.
import sys as _sys

_sys.modules.setdefault("rfc3987_syntax", None)
