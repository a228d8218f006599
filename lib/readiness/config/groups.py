"""The groups of each equality dimension (``indicators.md``, *Equality and disproportionality*), as DfE groups them.

``child_population_by`` in the parameters names populations by these groups, so they are known before any input.
"""

NOT_RECORDED = "not_recorded"
EQUALITY_GROUPS: dict[str, tuple[str, ...]] = {
    "ethnicity": ("white", "mixed", "asian", "black", "other", NOT_RECORDED),
    "sex": ("male", "female", NOT_RECORDED),
    "age": ("unborn", "under_1", "1_4", "5_9", "10_15", "16_17", "18_plus", NOT_RECORDED),
    "disability": ("yes", "no", NOT_RECORDED),
}
