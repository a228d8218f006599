"""A table of steps is drawn as a funnel only when no step holds more than the one before."""

import pandas as pd

from readiness.present.cohort import is_funnel


def test_a_funnel_never_grows_from_one_step_to_the_next():
    assert is_funnel(pd.Series([14, 14, 11, 6]))
    assert not is_funnel(pd.Series([14, 15, 14, 11, 12, 15]))  # the demo's adopters: Stage 1 (15) after 14 enquiries


def test_withheld_or_missing_steps_are_skipped():
    assert is_funnel(pd.Series([20, "[c]", 12, None], dtype=object))
    assert not is_funnel(pd.Series([10, "[c]", 12], dtype=object))
    assert is_funnel(pd.Series([], dtype=object))
