"""Indicator functions, one module per theme; each module's ``figures`` gives every id of its theme in ``indicators.md``."""
