"""Equality and disproportionality by stage (version 4), worked by hand.

Period 2021-03-01 to 2021-08-31 (184 days), snapshot 2021-08-31.
Referrals (List 3), each counted:
| referral | child | date       | ethnicity | sex        | born                  | age group                       |
|----------|-------|------------|-----------|------------|-----------------------|---------------------------------|
| R1       | K1    | 2021-03-10 | WBRI      | male       | 2021-03-20            | unborn (born after the referral) |
| R2       | K1    | 2021-06-01 | WBRI      | male       | 2021-03-20            | under_1                         |
| R3       | K2    | 2021-04-01 | mwbc      | female     | 2016-02-29            | 5_9 (5)                         |
| R4       | K3    | 2021-02-28 | ABAN      | female     | 2010-01-01            | before the period               |
| R5       | K4    | 2021-08-31 | CHNE      | (blank)    | (blank), Age -1       | unborn (Age -1)                 |
| R6       | K5    | 2021-05-05 | REFU      | not_stated | 2003-05-05            | 18_plus (18 that day)           |
Ethnicity: white 2, mixed 1, other 1 (CHNE), not recorded 1 (REFU); sex: male 2, female 1, not recorded 2.
Assessments (List 4), distinct children by their first authorisation in the period:
A1 K1 2021-03-15 (born 2010-06-01: 10, disabled), A2 K1 2021-07-01 (K1 again), A3 K2 2021-05-01 (born 2005-04-30: 16,
disability blank, BAFR), A4 K3 2021-09-01 (after the period): disability yes 1, not recorded 1; age 10_15 1, 16_17 1.
"""

from datetime import date

import pandas as pd
import pytest

from readiness.config.params import Params
from readiness.disclosure.derivation import derivable
from readiness.disclosure.relations import RELATIONS, protect_headlines, related_values
from readiness.indicators import equality
from readiness.indicators.figure import count
from readiness.inputs.bundle import Inputs

PERIOD = (date(2021, 3, 1), date(2021, 8, 31))


def frame(rows: list[tuple], columns: tuple[str, ...], dates: tuple[str, ...]) -> pd.DataFrame:
    table = pd.DataFrame(rows, columns=columns)
    return table.assign(**{column: pd.to_datetime(table[column]) for column in dates})


REFERRALS = frame(
    [
        ("K1", "2021-03-10", "WBRI", "male", "2021-03-20", None),
        ("K1", "2021-06-01", "WBRI", "male", "2021-03-20", None),
        ("K2", "2021-04-01", "mwbc", "female", "2016-02-29", 5),
        ("K3", "2021-02-28", "ABAN", "female", "2010-01-01", 11),
        ("K4", "2021-08-31", "CHNE", None, None, -1),
        ("K5", "2021-05-05", "REFU", "not_stated", "2003-05-05", 18),
    ],
    ("child_id", "referral_date", "ethnicity", "gender", "date_of_birth", "age"),
    ("referral_date", "date_of_birth"),
)
ASSESSMENTS = frame(
    [
        ("K1", "2021-03-01", "2021-03-15", "WBRI", "male", "2010-06-01", True),
        ("K1", "2021-06-01", "2021-07-01", "WBRI", "male", "2010-06-01", True),
        ("K2", "2021-04-01", "2021-05-01", "BAFR", "female", "2005-04-30", None),
        ("K3", "2021-08-01", "2021-09-01", "ABAN", "female", "2010-01-01", False),
    ],
    ("child_id", "assessment_start", "authorisation_date", "ethnicity", "gender", "date_of_birth", "disability"),
    ("assessment_start", "authorisation_date", "date_of_birth"),
)


def figures(**more) -> dict:
    params = Params(pack_id="t", la_name="T", period_start=PERIOD[0], period_end=PERIOD[1], **more)
    found = equality.figures(Inputs(annex_a={"list_3": REFERRALS, "list_4": ASSESSMENTS.astype({"disability": "boolean"})}), params)
    return {key: figure.value for key, figure in found.items()}


def group_counts(found: dict, stage: str, dimension: str) -> dict:
    prefix = f"equality.{stage}.{dimension}."
    return {key.removeprefix(prefix): value for key, value in found.items() if key.startswith(prefix) and key.count(".") == 3}


def test_referrals_by_ethnicity_sex_and_age():
    found = figures()
    assert group_counts(found, "referrals", "ethnicity") == {"white": 2, "mixed": 1, "asian": 0, "black": 0, "other": 1, "not_recorded": 1}
    assert group_counts(found, "referrals", "sex") == {"male": 2, "female": 1, "not_recorded": 2}
    assert group_counts(found, "referrals", "age") == {
        "unborn": 2,
        "under_1": 1,
        "1_4": 0,
        "5_9": 1,
        "10_15": 0,
        "16_17": 0,
        "18_plus": 1,
        "not_recorded": 0,
    }
    assert group_counts(found, "referrals", "disability") == {}  # List 3 does not carry it


def test_assessments_count_each_child_once_with_disability():
    found = figures()
    assert group_counts(found, "assessments", "disability") == {"yes": 1, "no": 0, "not_recorded": 1}
    assert group_counts(found, "assessments", "age")["10_15"] == 1 and group_counts(found, "assessments", "age")["16_17"] == 1
    assert group_counts(found, "assessments", "ethnicity")["black"] == 1


@pytest.mark.parametrize(
    "born, on, years",
    [
        ("2016-02-29", "2021-02-28", 5),
        ("2016-02-29", "2021-02-27", 4),
        ("2016-02-29", "2020-02-28", 3),
        ("2016-02-29", "2020-02-29", 4),
        ("2003-05-05", "2021-05-05", 18),
        ("2003-05-05", "2021-05-04", 17),
    ],
)
def test_whole_years_with_a_29_february_birthday(born, on, years):
    assert equality.whole_years(pd.Series(pd.to_datetime([born])), pd.Series(pd.to_datetime([on])))[0] == years


def test_rates_and_disproportionality_ratios():
    """Referrals over 184 days: male 2 per 1,000 boys, annualised 2 / 1000 × 10,000 × 365.25 / 184 = 39.70; all
    children 5 per 2,500 (child_population): the ratio is (2/1000) / (5/2500) = 1.0, female (1/1000) / (5/2500) = 0.5."""
    found = figures(child_population_by={"sex": {"male": 1000, "female": 1000}}, child_population=2500)
    assert found["equality.referrals.sex.male.rate_per_10k"] == pytest.approx(2 / 1000 * 10_000 * 365.25 / 184)
    assert found["equality.referrals.sex.male.ratio"] == pytest.approx(1.0)
    assert found["equality.referrals.sex.female.ratio"] == pytest.approx(0.5)
    assert "equality.referrals.sex.not_recorded.rate_per_10k" not in found  # no population given for it


def test_without_child_population_the_groups_populations_add_up_to_all_children():
    found = figures(child_population_by={"sex": {"male": 1000, "female": 1000}})
    assert found["equality.referrals.sex.male.ratio"] == pytest.approx((2 / 1000) / (5 / 2000))


def test_a_population_for_a_group_that_does_not_exist_is_refused():
    with pytest.raises(ValueError, match="sex.boys"):
        Params(pack_id="t", la_name="T", period_start=PERIOD[0], period_end=PERIOD[1], child_population_by={"sex": {"boys": 1}})


def test_a_withheld_group_is_protected_within_its_dimension():
    """Sex: male 40, female 3 (withheld), not recorded 7: ethnicity published whole (50) gives the stage's 50 children,
    so 3 follows from 50 - 40 - 7 unless a second sex group is withheld too."""
    counts = {f"equality.cla.sex.{group}": count(n) for group, n in (("male", 40), ("female", 3), ("not_recorded", 7))}
    counts |= {
        f"equality.cla.ethnicity.{group}": count(n)
        for group, n in (("white", 30), ("mixed", 10), ("asian", 0), ("black", 10), ("other", 0), ("not_recorded", 0))
    }
    withheld = protect_headlines(counts, 5)
    assert len(withheld) == 1  # one more cell is enough
    values = related_values(counts)
    published = {key for key in counts if key != "equality.cla.sex.female"} - withheld
    assert "equality.cla.sex.female" not in derivable(RELATIONS, values, published)
    assert "equality.cla.sex.female" in derivable(RELATIONS, values, published | withheld)  # without it, it would follow


def test_every_figure_the_stages_give_is_an_id_the_relations_know():
    found = figures(child_population_by={"sex": {"male": 1000, "female": 1000}})
    assert set(found) <= equality.equality_ids()
