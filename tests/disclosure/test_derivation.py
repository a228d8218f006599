"""Which withheld values follow from published ones by sums and shares, and what to withhold so none does.

Every case is small enough to solve by hand; each comment says how a reader would get the value.
"""

import logging

from readiness.disclosure.derivation import Ratio, Sum, derivable, withhold_until_safe

# Moderation: 20 moderated = 12 agreed + 6 downgraded + 2 upgraded; shares of the 20.
MODERATION = [
    Sum("moderated", ("agreed", "downgraded", "upgraded")),
    Ratio("agree%", "agreed", "moderated"),
    Ratio("down%", "downgraded", "moderated"),
]
VALUES = {"moderated": 20, "agreed": 12, "downgraded": 6, "upgraded": 2, "agree%": 0.6, "down%": 0.3}


def test_a_share_times_its_published_denominator_gives_the_numerator():
    # 0.3 x 20 = 6
    assert derivable([Ratio("down%", "downgraded", "moderated")], VALUES, {"down%", "moderated"}) == {"downgraded": {"down%", "moderated"}}


def test_a_published_share_and_numerator_give_the_denominator_and_a_share_follows_from_both_counts():
    # 12 / 0.6 = 20; 6 / 20 = 0.3
    assert derivable([Ratio("agree%", "agreed", "moderated")], VALUES, {"agree%", "agreed"}) == {"moderated": {"agree%", "agreed"}}
    assert derivable([Ratio("down%", "downgraded", "moderated")], VALUES, {"downgraded", "moderated"}) == {
        "down%": {"downgraded", "moderated"}
    }


def test_a_share_of_zero_does_not_give_its_denominator_nor_a_zero_denominator_a_share():
    values = {"share": 0.0, "n": 0, "d": 0}
    assert derivable([Ratio("share", "n", "d")], values, {"share", "n"}) == {}
    assert derivable([Ratio("share", "n", "d")], values, {"n", "d"}) == {}


def test_a_group_less_its_other_parts_is_derived_through_a_chain_with_everything_it_used():
    # downgraded = 0.3 x 20 = 6, then upgraded = 20 - 12 - 6 = 2
    found = derivable(MODERATION, VALUES, {"moderated", "agreed", "down%"})
    assert found["upgraded"] == {"moderated", "agreed", "down%"}
    assert found["downgraded"] == {"down%", "moderated"}


def test_two_unknowns_in_every_relation_give_nothing():
    # 20 = 12 + d + u: d and u both unknown; the share of d is withheld
    assert derivable(MODERATION, VALUES, {"moderated", "agreed", "agree%"}) == {}


def test_a_relation_naming_a_value_not_given_is_left_out():
    assert derivable([Sum("total", ("a", "b"))], {"total": 5, "a": 2}, {"total"}) == {}


def test_withholding_takes_a_share_before_a_count_until_nothing_secret_follows():
    # upgraded (2) is secret; moderated, agreed (a table cell), agree% and down% are published.
    # It follows from moderated, agreed and down% (via downgraded): the share down% goes first,
    # after which 20 = 12 + d + u has two unknowns.
    extra = withhold_until_safe(
        MODERATION,
        VALUES,
        {"moderated", "agreed", "agree%", "down%"},
        {"upgraded", "downgraded"},
        {"moderated", "agree%", "down%"},
        is_share=lambda n: n.endswith("%"),
    )
    assert extra == {"down%"}
    assert not {"upgraded", "downgraded"} & derivable(MODERATION, VALUES, {"moderated", "agreed", "agree%"}).keys()


def test_withholding_takes_the_smallest_when_several_could_go():
    # total 10 = a 7 + b 3 (b secret): either total or a may go; a (7) is smaller than total (10)
    assert withhold_until_safe([Sum("total", ("a", "b"))], {"total": 10, "a": 7, "b": 3}, {"total", "a"}, {"b"}, {"total", "a"}) == {"a"}


def test_withholding_goes_on_while_another_path_gives_the_secret_away():
    # b (3) = total - a, and also = total2 - c: both paths must be cut, a (7) and c (8) go
    relations = [Sum("total", ("a", "b")), Sum("total2", ("c", "b"))]
    values = {"total": 10, "a": 7, "b": 3, "total2": 11, "c": 8}
    assert withhold_until_safe(relations, values, {"total", "a", "total2", "c"}, {"b"}, {"total", "a", "total2", "c"}) == {"a", "c"}


def test_a_derivable_value_that_is_not_secret_is_left_alone():
    # a large count no output shows may follow from published ones
    assert withhold_until_safe([Sum("total", ("a", "b"))], {"total": 40, "a": 30, "b": 10}, {"total", "a"}, set(), {"total", "a"}) == set()


def test_a_secret_only_unchoosable_values_give_away_is_logged_not_withheld_for(caplog):
    # total and a are table cells (not choosable): nothing figures.json could withhold helps
    with caplog.at_level(logging.WARNING, logger="readiness"):
        assert withhold_until_safe([Sum("total", ("a", "b"))], {"total": 10, "a": 7, "b": 3}, {"total", "a"}, {"b"}, set()) == set()
    assert "b follows from a, total" in caplog.text
