"""The DfE statutory returns (``inputs.md`` section 5): CIN census XML, SSDA903 CSV folders, CSWW XML.

Read streamed and bounded into frames beside Annex A's (``docs/data-model.md``, *Statutory returns*);
:mod:`readiness.inputs.returns.read` names each file's reading task and puts the years together.
"""
