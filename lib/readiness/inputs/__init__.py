"""Stage 2, inputs: every input file, however a council's system spells it, read into checked frames.

Takes :class:`~readiness.config.params.Params` and gives :class:`~readiness.inputs.bundle.Inputs` (the eleven
Annex A lists and the local extracts as the frames of ``docs/data-model.md``) with its
:class:`~readiness.inputs.normalise.Findings`: errors that stop a build (a problem with a file) and warnings
for the pack's Data quality section (a problem with a row). Here live the file formats (``workbooks``), the
table declarations (``annex_a_tables``, ``extract_tables``, in the terms of ``schema``), the code tables
(``codes``), cell parsing (``values``), what a return covers (``coverage``), the blank-value rule, and
``readiness validate``. :func:`readiness.inputs.read.load_inputs` is the entry point.
"""
