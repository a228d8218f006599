"""Stage 4, disclosure: what may be published, and what must be withheld so nothing small can be worked out.

Takes figures and breakdown tables with their disclosure roles, and the audience's threshold, and gives
the same with small counts (and anything they could be derived from) withheld as ``[c]``: primary and
secondary suppression of tables and monthly series (``control``), the sums and ratios that tie the
published numbers together (``relations``), and which withheld values a reader could still work out
(``derivation``).
"""
