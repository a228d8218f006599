"""The attacks that recovered withheld cells of the version-3 public demo, each replayed against a public edition.

Each test publishes small hand-made figures and tables as a public pack does (suppress_up_to 5, round_to 5),
then does what the attacker did with what was published, and asserts what the attacker can no longer learn:
the withheld value is left uncertain (several candidates, the true one among them). An attacker who reads a
count published as ``c`` (rounded to the nearest 5) knows only that it was c-2 to c+2; a share published as
``p`` (a whole percent) that it was within half a point of it.
"""

from datetime import date
from fractions import Fraction
from itertools import product

import pandas as pd

from readiness.config.params import Params
from readiness.disclosure.control import protect_series, suppress_board_table, suppress_figures, withhold_small_complements
from readiness.indicators.figure import count, share
from readiness.indicators.tables import Roles
from readiness.pack.figures import figures_document
from readiness.present.spc_series import publish
from readiness.present.vitals import vital_signs

THRESHOLD, ROUND_TO = 5, 5


def could_be(shown: int) -> range:
    """The exact counts a count shown rounded to the nearest 5 could have been (45 → 43..47)."""
    return range(shown - 2, shown + 3)


def share_could_be(shown: float, numerator: int, denominator: int) -> bool:
    """Whether numerator/denominator shows as the whole percent ``shown`` (halves up: 84.5% to 85.49...% show as 85%)."""
    percent = Fraction(round(shown * 100), 100)
    return percent - Fraction(1, 200) <= Fraction(numerator, denominator) < percent + Fraction(1, 200)


def params(start: date, end: date, audience: str = "public") -> Params:
    return Params(pack_id="t", la_name="T", period_start=start, period_end=end, audience=audience)


# --- 1. an unrounded share in figures.json times a count only a Board table shows ----------------------------


def test_a_share_in_figures_json_times_a_board_tables_count_no_longer_gives_a_withheld_cell():
    # Police attended 43 meetings: 40 they were invited to, 3 uninvited (withheld). They were invited to 47.
    # Version 3: the exact share 40/47 = 0.851063... × the invited table's 47 = 40, and 43 - 40 = 3.
    attended = pd.DataFrame({"invited_attended": [40, 50], "uninvited_attended": [3, 10], "attended": [43, 60]}, index=["police", "health"])
    invited = pd.DataFrame({"invited": [47, 70]}, index=["police", "health"])
    values, _ = suppress_figures({"strategy.invited_attendance_share.police": share(40, 47)}, THRESHOLD, ROUND_TO)
    by_agency = suppress_board_table(
        attended, Roles(("invited_attended", "uninvited_attended"), total="attended"), THRESHOLD, round_to=ROUND_TO
    )
    invitations = suppress_board_table(invited, Roles(("invited",)), THRESHOLD, round_to=ROUND_TO)
    assert by_agency.loc["police"].tolist() == ["[c]", "[c]", 45] and invitations.at["police", "invited"] == 45
    shown_share = values["strategy.invited_attendance_share.police"]
    assert shown_share == 0.85
    # What the attacker can now say: invited 43..47, attended 43..47, invited-and-attended any count whose share shows 85%.
    uninvited = {
        total - part
        for n_invited in could_be(45)
        for part in range(n_invited + 1)
        if share_could_be(shown_share, part, n_invited)
        for total in could_be(45)
        if total >= part
    }
    # 39 of 46 and 40 of 47 show as 85%; 43..47 attended: 3 to 8 uninvited.
    assert uninvited == {3, 4, 5, 6, 7, 8}


# --- 2. a year-to-date pack less last month's pack ----------------------------------------------------------


def year_to_date(months: dict[str, int], end: date) -> dict:
    """figures.json of a public pack to ``end`` (its months protected against the period's figure, as a build does):
    referrals and their months."""
    figures = {"referrals.count": count(sum(months.values())), "referrals.monthly.count": {m: count(n) for m, n in months.items()}}
    return figures_document(protect_series(figures, THRESHOLD), params(date(2025, 4, 1), end))


AUGUST = {"2025-04": 8, "2025-05": 9, "2025-06": 7, "2025-07": 10, "2025-08": 6}  # 40 to August
SEPTEMBER = {**AUGUST, "2025-09": 3}  # 43 to September; September's 3 withheld


def test_a_year_to_date_pack_less_last_months_pack_no_longer_gives_the_withheld_month():
    earlier, later = year_to_date(AUGUST, date(2025, 8, 31)), year_to_date(SEPTEMBER, date(2025, 9, 30))
    assert later["figures"]["referrals.monthly.count"]["2025-09"] is None
    assert (earlier["figures"]["referrals.count"], later["figures"]["referrals.count"]) == (40, 45)  # version 3: 40 and 43
    september = {b - a for a in could_be(40) for b in could_be(45)} & set(range(1, THRESHOLD + 1))
    assert september == {1, 2, 3, 4, 5}  # nothing beyond "withheld"


# --- 3. the pack's own history column beside its [c] --------------------------------------------------------


def test_the_history_column_prints_a_difference_of_published_values():
    earlier_internal = year_to_date(AUGUST, date(2025, 8, 31)) | {"audience": "internal", "figures": {"referrals.count": 40}}
    document = year_to_date(SEPTEMBER, date(2025, 9, 30))
    [row] = [
        r
        for r in vital_signs(document, params(date(2025, 4, 1), date(2025, 9, 30)), {}, [earlier_internal])
        if r.indicator.id == "referrals.count"
    ]
    # version 3 printed "43" and "+3" beside September's [c]; now both packs' values pass the public rule
    assert (row.history, row.value, row.change) == (("40",), "45", "+5")
    september = {b - a for a in could_be(40) for b in could_be(45)} & set(range(1, THRESHOLD + 1))
    assert september == {1, 2, 3, 4, 5}


# --- 4. two adjacent packs that withhold different months ---------------------------------------------------


def test_two_adjacent_packs_that_withhold_different_months_no_longer_open_each_other():
    months = {"2025-01": 20, "2025-02": 3, "2025-03": 15, "2025-04": 12, "2025-05": 18, "2025-06": 25, "2025-07": 4}
    first = dict(list(months.items())[:6])  # January to June: February withheld, and April (the smallest other) with it
    second = dict(list(months.items())[1:])  # February to July: February and July withheld, nothing else needed
    a = year_to_date(first, date(2025, 6, 30))["figures"]
    b = year_to_date(second, date(2025, 7, 31))["figures"]
    assert a["referrals.monthly.count"]["2025-04"] is None and b["referrals.monthly.count"]["2025-04"] == 10
    # Version 3: February = 93 - (20 + 15 + 12 from the second pack + 18 + 25) = 3 exactly. Now every number is rounded:
    shown = [a["referrals.monthly.count"][m] for m in ("2025-01", "2025-03", "2025-05", "2025-06")] + [
        b["referrals.monthly.count"]["2025-04"]
    ]
    assert (a["referrals.count"], shown) == (95, [20, 15, 20, 25, 10])
    low, high = 95 - 2 - sum(n + 2 for n in shown), 95 + 2 - sum(n - 2 for n in shown)
    assert {n for n in range(low, high + 1)} & set(range(1, THRESHOLD + 1)) == {1, 2, 3, 4, 5}


# --- 5. the secondary-cell rule narrowing two withheld months -----------------------------------------------


def test_the_secondary_cell_rule_no_longer_narrows_two_withheld_months():
    # January 5 is withheld; February (6, the smallest other month, earliest on a tie) protects it.
    # Version 3: Jan + Feb = 58 - (6 + 9 + 12 + 20) = 11, Feb <= March's 6 and Jan <= 5: exactly {5, 6}.
    months = {"2025-01": 5, "2025-02": 6, "2025-03": 6, "2025-04": 9, "2025-05": 12, "2025-06": 20}
    figures = year_to_date(months, date(2025, 6, 30))["figures"]
    series = figures["referrals.monthly.count"]
    assert series == {"2025-01": None, "2025-02": None, "2025-03": 5, "2025-04": 10, "2025-05": 10, "2025-06": 20}
    assert figures["referrals.count"] == 60
    january = set()
    for total, march, april, may, june in product(could_be(60), could_be(5), could_be(10), could_be(10), could_be(20)):
        if march <= THRESHOLD:  # March is shown, so not small
            continue
        both = total - march - april - may - june  # January + February
        smallest_shown = min(march, april, may, june)
        january |= {jan for jan in range(1, THRESHOLD + 1) if THRESHOLD < both - jan <= smallest_shown}
    assert january == {1, 2, 3, 4, 5}


# --- 6. a small complement ----------------------------------------------------------------------------------


def test_a_share_whose_complement_is_small_is_withheld():
    # 44 of 47 offered: the 3 not offered would follow. Rounding alone would not hide it: of 43..47 children,
    # only 44 of 47 shows as 94%.
    assert [(n, d) for d in could_be(45) for n in range(d + 1) if share_could_be(0.94, n, d)] == [(44, 47)]
    figures = withhold_small_complements(
        {"cla.return_interview_offered_share": share(44, 47), "cla.missing_share": share(40, 47)}, THRESHOLD
    )
    values, suppressed = suppress_figures(figures, THRESHOLD, ROUND_TO)
    assert values == {"cla.missing_share": 0.85, "cla.return_interview_offered_share": None}
    assert suppressed == ["cla.return_interview_offered_share"]


def test_a_board_tables_share_whose_complement_is_small_is_withheld():
    table = pd.DataFrame({"offered": [44, 30], "missing": [47, 40]}, index=["North", "South"]).assign(
        offered_share=lambda t: t.offered / t.missing
    )
    safe = suppress_board_table(
        table, Roles(("offered", "missing"), shares={"offered_share": ("offered", "missing")}), THRESHOLD, round_to=ROUND_TO
    )
    assert safe.loc["North"].tolist() == [45, 45, "[c]"] and safe.loc["South"].tolist() == [30, 40, 0.75]


def test_an_internal_edition_is_exact_and_withholds_nothing():
    values, suppressed = suppress_figures(withhold_small_complements({"cla.return_interview_offered_share": share(44, 47)}, 0), 0, 0)
    assert values == {"cla.return_interview_offered_share": 44 / 47} and suppressed == []


def test_the_months_an_spc_chart_reads_before_the_period_pass_the_same_rule():
    # January 44 of 47 (3 not NFA) is withheld, and February (20, the smaller other numerator) with it; counts to the nearest 5
    before = {
        "referrals.monthly.nfa_share": {"2024-01": share(44, 47), "2024-02": share(20, 47), "2024-03": share(30, 60)},
        "referrals.monthly.count": {"2024-01": count(47), "2024-02": count(52)},
    }
    published = publish({}, before, THRESHOLD, ROUND_TO)
    assert published.before["referrals.monthly.nfa_share"] == {"2024-01": None, "2024-02": None, "2024-03": 0.5}
    assert published.before["referrals.monthly.count"] == {"2024-01": 45, "2024-02": 50}
