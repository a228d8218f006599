"""Beside the pipeline, demo: "Northbridge", a synthetic council, written in the raw input formats of ``inputs.md``.

Simulates the council (``draws`` and ``codes`` the random choices; ``workforce``, ``journey``, ``practice``,
``frontdoor`` and ``care``), shapes it into Annex A's lists (``formats``), draws it all in order (``council``)
and writes an Annex A workbook and the local extracts (``files``), for ``readiness demo-data``, the tests and
the benchmark. No real child or worker.
"""
