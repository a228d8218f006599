"""Stage 3, indicators: the definitions of ``indicators.md``, one module per theme.

Takes :class:`~readiness.inputs.bundle.Inputs` and :class:`~readiness.config.params.Params` and gives
:class:`~readiness.indicators.figure.Figure` values (a value with the record counts it was computed from;
each theme module's ``figures`` gives every id of its theme, each figure declared on its function in the
registry, :mod:`readiness.config.figures`) and the breakdown tables the sections show,
each declared with its disclosure roles (:mod:`readiness.indicators.tables`). Nothing here withholds,
rounds or formats: that is for the stages after.
"""
