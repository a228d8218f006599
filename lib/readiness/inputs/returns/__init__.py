"""The DfE statutory returns (``inputs.md`` section 5): CIN census XML, SSDA903 CSV folders, CSWW XML.

Read streamed and bounded into frames beside Annex A's (``docs/data-model.md``, *Statutory returns*);
:func:`readiness.inputs.returns.read.read_returns` is the entry point.
"""
