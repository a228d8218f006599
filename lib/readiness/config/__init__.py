"""Stage 1, config: what a pack is asked for, before any data is read.

Takes a parameters file (and a notebook's overrides) and gives :class:`~readiness.config.params.Params`:
the reporting period and Annex A snapshot, the audience and its suppression threshold, targets, baseline
and comparators, and where each input is. Beside it are the calendar (working days less England's bank
holidays), the figure registry (plain data: each figure's facts, declared on the indicator function that
computes it, and closed by :mod:`readiness.indicators.themes`) and the catalogue read from it, whose ids the
parameters name when they set targets. Imports nothing else of the package but the base modules.
"""
