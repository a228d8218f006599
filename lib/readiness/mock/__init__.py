"""Beside the pipeline, mock: the mock inspection's tools, ``readiness sample`` and its case-tracking workbook.

Takes :class:`~readiness.inputs.bundle.Inputs` and gives an inspector-like sample of children drawn from
risk strata (``strata``, ``sample``) and a workbook to audit them in with their workers (``tracking``),
which ``readiness build`` reads back as ``case_audits`` and ``audit_actions``.
"""
