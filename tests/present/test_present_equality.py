"""The equality table as the page shows it: withheld counts take their rate and ratio with them."""

from dataclasses import replace

from readiness.indicators.figure import Figure, count
from readiness.present.equality import equality_table


def test_a_stage_table_with_withheld_cells_and_rates():
    figures = {f"equality.cla.sex.{group}": count(n) for group, n in (("male", 40), ("female", 3), ("not_recorded", 7))}
    figures["equality.cla.sex.not_recorded"] = replace(figures["equality.cla.sex.not_recorded"], withheld=True)  # secondary
    figures |= {
        "equality.cla.sex.male.rate_per_10k": Figure(15.04, (40,)),
        "equality.cla.sex.male.ratio": Figure(1.0462, (40,)),
        "equality.cla.sex.not_recorded.rate_per_10k": Figure(70.0, (7,)),
    }
    table = equality_table(figures, "cla", 5)
    assert table.loc[("Sex", "Male")].tolist() == ["40", "15", "1.05"]
    assert table.loc[("Sex", "Female")].tolist() == ["[c]", "–", "–"]  # withheld (3); no population given
    assert table.loc[("Sex", "Not recorded")].tolist() == ["[c]", "[c]", "–"]  # withheld to protect it: its rate too
    assert table.columns.tolist() == ["Children", "Rate per 10,000", "Ratio to all children"]


def test_referrals_are_counted_as_referrals_and_a_stage_without_figures_has_no_table():
    figures = {f"equality.referrals.sex.{group}": count(n) for group, n in (("male", 10), ("female", 12), ("not_recorded", 0))}
    table = equality_table(figures, "referrals", 5)
    assert table.columns.tolist() == ["Referrals"]  # no rates: one column
    assert equality_table(figures, "cla", 5) is None


def test_rates_and_ratios_round_half_up():
    figures = {
        "equality.cla.sex.male": count(40),
        "equality.cla.sex.male.rate_per_10k": Figure(176.5, (40,)),
        "equality.cla.sex.male.ratio": Figure(1.125, (40,)),
    }
    assert equality_table(figures, "cla", 5).loc[("Sex", "Male")].tolist() == ["40", "177", "1.13"]
