"""DfE-definition figures from the statutory returns, on small hand-worked returns (indicators.md, From the statutory returns)."""

from __future__ import annotations

import pandas as pd
import pytest

from readiness.indicators import returns_care, returns_workforce

EPISODE_COLUMNS = ["CHILD", "DECOM", "RNE", "LS", "PLACE", "URN", "DEC"]


def episodes(*rows) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=EPISODE_COLUMNS).astype(
        {"CHILD": "string", "RNE": "string", "LS": "string", "PLACE": "string", "URN": "string"}
    )
    frame["DECOM"] = pd.to_datetime(frame["DECOM"])
    frame["DEC"] = pd.to_datetime(frame["DEC"])
    return frame


# Year ending 31 March 2025: 1 April 2024 to 31 March 2025.
STABILITY = episodes(
    # A: in progress on 1 April (1); a hospital stay (T1) and the return to the same carer (not counted);
    # a change of legal status (L, not counted); a new carer (2): two placements.
    ("A", "2023-06-01", "S", "C2", "U1", "1", "2024-05-01"),
    ("A", "2024-05-01", "P", "C2", "T1", None, "2024-05-10"),
    ("A", "2024-05-10", "P", "C2", "U1", "1", "2024-09-01"),
    ("A", "2024-09-01", "L", "C1", "U1", "1", "2024-12-01"),
    ("A", "2024-12-01", "P", "C1", "U4", "2", None),
    # B: across the year boundary: the episode ending on 1 April is in progress then (1), the move that day (2),
    # a new placement and legal status (B, 3): three.
    ("B", "2024-03-20", "S", "C2", "U1", "10", "2024-04-01"),
    ("B", "2024-04-01", "P", "C2", "U4", "11", "2024-08-01"),
    ("B", "2024-08-01", "B", "C1", "K2", "12", None),
    # C: short breaks only (V3): left out.
    ("C", "2024-06-01", "S", "V3", "U1", "30", None),
    # D: ceased before 31 March: not looked after then.
    ("D", "2024-05-01", "S", "C2", "U1", "40", "2024-06-01"),
    ("D", "2024-06-01", "P", "C2", "U4", "41", "2024-07-01"),
    ("D", "2024-07-01", "P", "C2", "U5", "42", "2025-01-01"),
    # E: after a holiday placement (T2) moves to a new carer (URN differs): counted; three.
    ("E", "2024-04-10", "S", "C2", "U1", "20", "2024-06-01"),
    ("E", "2024-06-01", "P", "C2", "T2", None, "2024-06-10"),
    ("E", "2024-06-10", "P", "C2", "U1", "21", "2024-10-01"),
    ("E", "2024-10-01", "P", "C2", "U4", "22", None),
    # F: ceased on 31 March itself: not looked after at 31 March.
    ("F", "2024-04-15", "S", "C2", "U1", "50", "2025-03-31"),
)


def test_placements_in_year_count_new_carers_only():
    start, end = returns_care.year_bounds(2025)
    counts = returns_care.placements_in_year(STABILITY, start, end)
    assert counts.to_dict() == {"A": 2, "B": 3, "C": 1, "D": 3, "E": 3, "F": 1}


def test_stability_three_plus_share_by_hand():
    # Looked after at 31 March, not short breaks only: A, B, E; three or more: B and E.
    figure = returns_care.stability_three_plus_share(STABILITY, 2025)
    assert figure.basis == (2, 3)
    assert figure.value == pytest.approx(2 / 3)


LONG_TERM = episodes(
    # G: looked after since exactly 30 months before 31 March 2025; with the current carer since exactly two years before.
    ("G", "2022-09-30", "S", "C2", "U1", "1", "2023-03-31"),
    ("G", "2023-03-31", "P", "C2", "U4", "2", "2024-01-01"),
    ("G", "2024-01-01", "L", "C1", "U4", "2", None),
    # H: a hospital stay (T0) and the return from it do not change the carer, who began in June 2022.
    ("H", "2022-01-01", "S", "C2", "U1", "5", "2022-06-01"),
    ("H", "2022-06-01", "P", "C2", "U4", "6", "2024-02-01"),
    ("H", "2024-02-01", "P", "C2", "T0", None, "2024-02-10"),
    ("H", "2024-02-10", "P", "C2", "U4", "6", None),
    # I: a gap in care: the current period began in January 2023, under 2½ years: left out.
    ("I", "2021-01-01", "S", "C2", "U1", "8", "2023-01-01"),
    ("I", "2023-01-05", "S", "C2", "U1", "8", None),
    # J: in care since 2022, moved in June 2024: not stable.
    ("J", "2022-01-01", "S", "C2", "U1", "9", "2024-06-01"),
    ("J", "2024-06-01", "P", "C2", "U4", "10", None),
    # K: sixteen on 31 March 2025: not under 16, left out.
    ("K", "2020-01-01", "S", "C2", "U1", "11", None),
    # L: placed for adoption with the foster carers (A5) since September 2024; fostered there since 2021: stable.
    ("L", "2021-06-01", "S", "C2", "U4", "7", "2024-09-01"),
    ("L", "2024-09-01", "P", "E1", "A5", "7", None),
)
BIRTHS = pd.to_datetime(
    pd.Series({"G": "2012-01-01", "H": "2013-05-05", "I": "2014-01-01", "J": "2011-01-01", "K": "2009-03-31", "L": "2018-02-02"})
)


def test_long_term_stability_share_by_hand():
    # Under 16, looked after continuously 2½ years: G, H, J, L; with the same carer two years: G, H, L.
    figure = returns_care.long_term_stability_share(LONG_TERM, BIRTHS, 2025)
    assert figure.basis == (3, 4)


def test_a_child_in_short_breaks_only_is_left_out_of_long_term_stability():
    # N: in a series of short breaks (V3) since 2020 with one carer: would be stable, but is not counted (3 of 4 stays)
    with_breaks = pd.concat([LONG_TERM, episodes(("N", "2020-01-01", "S", "V3", "U1", "12", None))], ignore_index=True)
    births = pd.concat([BIRTHS, pd.to_datetime(pd.Series({"N": "2014-01-01"}))])
    assert returns_care.long_term_stability_share(with_breaks, births, 2025).basis == (3, 4)


def test_hospital_holiday_and_short_stays_t0_to_t4_and_the_return_from_them_are_not_placements():
    start, end = returns_care.year_bounds(2025)
    stays = episodes(
        ("M", "2024-02-01", "S", "C2", "U1", "70", "2024-06-01"),  # in progress on 1 April 2024: 1
        ("M", "2024-06-01", "P", "C2", "T3", None, "2024-06-05"),  # a temporary stay (T3): not counted
        ("M", "2024-06-05", "P", "C2", "T4", None, "2024-06-20"),  # straight into another (T4): not counted
        ("M", "2024-06-20", "P", "C2", "U1", "70", "2024-11-01"),  # back with the carer before them: not counted
        ("M", "2024-11-01", "P", "C2", "T0", None, "2024-11-03"),  # in hospital (T0): not counted
        ("M", "2024-11-03", "P", "C2", "U4", "71", None),  # then a new carer: counted
    )
    assert returns_care.placements_in_year(stays, start, end).to_dict() == {"M": 2}


def test_the_period_of_care_starts_at_the_latest_start_with_no_gap():
    began = returns_care.care_chain_start(LONG_TERM, pd.Timestamp("2025-03-31"))
    assert began["I"] == pd.Timestamp("2023-01-05")
    assert began["G"] == pd.Timestamp("2022-09-30")


def oc3(*rows) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM"]).assign(return_year=2025)
    frame["DOB"] = pd.to_datetime(frame["DOB"])
    return frame


LEAVERS = oc3(
    ("r1", "2006-04-01", "YES", "F1", "B1"),  # 18th birthday on 1 April 2024: in the year, 17-18
    ("r2", "2007-03-31", "NO", "G4", "B1"),  # 17th on 31 March 2024 (before), 18th on 31 March 2025 (in): 17-18
    ("r3", "2003-06-01", "DIED", None, None),  # 21st in the year, died: left out
    ("r4", "2004-10-10", "YES", "P2", None),  # 20th in the year; accommodation not known: not in its denominator
    ("r5", "2005-05-05", "REFU", None, "E1"),  # 19th in the year; activity blank: not known, in the denominator
    ("r6", "2008-04-01", "YES", "F1", "B1"),  # 17th on 1 April 2025: after the year
    ("r7", "2002-12-01", "YES", "F1", "B1"),  # 22nd in the year, 21st before it
)


def test_care_leavers_at_their_birthdays_by_hand():
    figures = returns_care.care_leaver_figures(LEAVERS, 2025)
    assert figures["care_leavers.dfe.age_17_18.in_touch_share"].basis == (1, 2)
    assert figures["care_leavers.dfe.age_17_18.suitable_accommodation_share"].basis == (2, 2)
    assert figures["care_leavers.dfe.age_17_18.eet_share"].basis == (1, 2)
    assert figures["care_leavers.dfe.age_19_21.in_touch_share"].basis == (1, 2)
    assert figures["care_leavers.dfe.age_19_21.suitable_accommodation_share"].basis == (1, 1)
    assert figures["care_leavers.dfe.age_19_21.eet_share"].basis == (1, 2)


def test_an_earlier_years_care_leavers_are_not_this_years():
    figures = returns_care.care_leaver_figures(LEAVERS.assign(return_year=2024), 2025)
    assert figures["care_leavers.dfe.age_17_18.in_touch_share"].value is None


def workers(*rows) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["swe_no", "agency", "fte", "fte30", "role_start", "role_end", "working_days_lost"])
    frame["agency"] = frame["agency"].astype("boolean")
    for column in ("fte", "fte30", "working_days_lost"):
        frame[column] = frame[column].astype("Float64")
    for column in ("role_start", "role_end"):
        frame[column] = pd.to_datetime(frame[column])
    return frame


# Census at 30 September 2024; its year runs from 1 October 2023.
CENSUS = workers(
    ("w1", False, 1.0, None, "2020-01-01", None, 10.0),  # in post
    ("w2", False, 0.5, None, "2021-01-01", None, None),  # in post, no days lost given: none
    ("w3", True, 1.0, None, "2022-01-01", None, 50.0),  # agency: left out of both
    ("w4", False, 0.0, 0.8, "2019-01-01", "2024-06-30", 5.2),  # left in the year: FTE30 counts
    ("w5", False, 1.0, 1.0, "2015-01-01", "2023-09-01", 99.0),  # left before the year
    ("w6", False, 1.0, None, "2024-10-01", None, None),  # starts after the census date
)


def test_vacancy_rate_counts_non_agency_fte_in_post():
    # 1.5 vacancies ÷ (1.5 + w1 1.0 + w2 0.5) = 0.5
    assert returns_workforce.vacancy_rate(CENSUS, 1.5, 2024).value == pytest.approx(0.5)


def test_absence_rate_over_working_days_with_bank_holidays_out():
    # 1 Oct 2023 – 30 Sep 2024: 261 weekdays less 8 bank holidays (25, 26 Dec, 1 Jan, 29 Mar, 1 Apr, 6 May, 27 May, 26 Aug) = 253.
    # (10 + 0 + 5.2) days lost ÷ ((1.0 + 0.5 + 0.8) FTE × 253 days)
    figure = returns_workforce.absence_rate(CENSUS, 2024)
    assert figure.value == pytest.approx(15.2 / (2.3 * 253))
    assert figure.basis == (3,)


def test_year_label_is_dfes():
    assert returns_care.year_label(2025) == "2024-25"


def test_dfe_figures_sit_beside_the_packs_own_with_the_year():
    from readiness.indicators.figure import Figure
    from readiness.present.returns_beside import CARE_PAIRS, WORKFORCE_PAIRS, beside_returns

    figures = {
        "cla.three_plus_placements_share": Figure(0.1, (10, 100)),
        "cla.dfe_stability_three_plus_share": Figure(0.08, (8, 100)),
        "cla.dfe_long_term_stability_share": Figure(0.75, (3, 4)),
    }
    table = beside_returns(figures, CARE_PAIRS, 5, "2024-25")
    assert table.columns.tolist() == ["This pack (Annex A, at the snapshot)", "DfE's definition (2024-25)"]
    first, second = table.iloc[0].tolist(), table.iloc[1].tolist()
    assert first == ["10% (children in care with 3 or more placements in 12 months)", "8%"]  # whole per cents, as the pack writes shares
    assert second == ["not in Annex A or the extracts", "[c]"]  # 3 of 4: withheld in a public pack
    assert beside_returns(figures, WORKFORCE_PAIRS, 5, "Sept 2025").empty  # no workforce census given
    alone = beside_returns(figures, CARE_PAIRS, 5, "2024-25", with_own=False)  # a pack from the returns alone: DfE's only
    assert alone.columns.tolist() == ["DfE's definition (2024-25)"] and alone.iloc[0].tolist() == ["8%"]
