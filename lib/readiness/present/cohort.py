"""Steps counted in a period (adopters from enquiry to placement): a funnel only when each step holds no more than
the one before. Counting the households that reached each step *in the period* is not following one group through,
so a later step can hold more (14 enquiries, 15 Stage 1 starts): such a table is not drawn as a funnel."""

from __future__ import annotations

import pandas as pd

NOT_A_FUNNEL = (
    "Each step counts the households that reached it in the period, not one group followed through: a household "
    "approved now may have enquired last year, so a later step can hold more than an earlier one. The steps are "
    "therefore shown as a table, not drawn as a funnel."
)


def is_funnel(counts: pd.Series) -> bool:
    """Whether ``counts``, in step order, never grow from one step to the next (missing steps skipped)."""
    known = pd.to_numeric(counts, errors="coerce").dropna().tolist()
    return all(later <= earlier for earlier, later in zip(known, known[1:]))
