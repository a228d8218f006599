"""Stage 5, present: Board-safe figures and tables made readable.

Takes figures, tables and readings that disclosure control has already made safe, and gives what a page
shows: numbers formatted as the page writes them (``formatting``), charts (``charts``, ``icons``,
``heat``), headline sentences (``narrative``), SPC readings of monthly series (``spc``), targets and RAG
ratings (``targets``, ``vitals``), the Board summary and scorecard (``board_summary``, ``glance``,
``scorecard``), the glossary (``glossary``) and what a notebook displays
(``display``). It never reads an input file and never decides what to withhold.
"""
