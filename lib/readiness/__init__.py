"""Readiness packs: mock-inspection evidence packs for English children's services."""

__version__ = "0.1.0"
SPEC_VERSION = 2
