"""Beside the pipeline, demo: "Northbridge", a synthetic council, written in the raw input formats of ``inputs.md``.

Simulates children's journeys (``council``, ``care``, ``frontdoor``) and writes them as an Annex A workbook
and the local extracts, for ``readiness demo-data``, the tests and the benchmark. No real child or worker.
"""
