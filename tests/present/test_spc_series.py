"""SPC over every month the data covers, held limits and phases (``pack.md``, *SPC that can show an improvement*).

Every expected centre and limit was worked out on paper: centre = mean, limits = centre ± 2.66 × mean moving range.
"""

from datetime import date

import pandas as pd
import pytest

from readiness.config.params import Params
from readiness.config.period import Period
from readiness.indicators.common import NOT_COVERED, monthly_counts, monthly_shares, whole_months_only
from readiness.indicators.figure import Figure, count, share
from readiness.present.spc_series import Published, combine_sources, typical_denominator, window_start, xmr_series

AUDITS = "audits.monthly.good_or_better_share"  # a local extract's series; better higher
ASSESSMENTS = "assessments.monthly.within_45_working_days_share"  # an Annex A series


def months_from(year: int, month: int, n: int) -> list[str]:
    return [str(p) for p in pd.period_range(f"{year}-{month:02d}", periods=n, freq="M")]


MONTHS = months_from(2024, 1, 18)  # 2024-01 .. 2025-06
# Twelve months alternating 50% and 52%, then six alternating 56% and 54%.
# Limits from the first twelve (held): centre .51, every moving range .02, 2.66 × .02 = .0532: .4568 to .5632. The last
# baseline month (52%) and the six after it are all above .51: a shift of seven (rule b) at the latest month.
# Limits from all eighteen: sum 6.12 + 3.30 = 9.42, centre .523333; moving ranges 11 × .02 + .04 + 5 × .02 = .36,
# / 17 = .0211765, × 2.66 = .0563294: .467004 to .579663; two thirds of the way up .560886, which no 56% passes; the
# last six are above .523333 but the 52% before them is below: no shift, no trend, common cause.
SERIES = [0.50, 0.52] * 6 + [0.56, 0.54] * 3


def params(**extra) -> Params:
    defaults = dict(pack_id="t", la_name="T", period_start=date(2024, 1, 1), period_end=date(2025, 6, 30))
    return Params(**{**defaults, **extra})


def published(values: dict, series_id: str = AUDITS, withheld=(), before: dict | None = None) -> Published:
    return Published(
        {series_id: values}, frozenset(f"{series_id}/{m}" for m in withheld), {series_id: before} if before is not None else {}
    )


def test_a_held_baseline_detects_the_shift_that_limits_from_every_month_miss():
    values = published(dict(zip(MONTHS, SERIES)))
    unheld = xmr_series(AUDITS, values, params()).reading
    assert (unheld.centre, unheld.lower, unheld.upper) == pytest.approx((0.523333, 0.467004, 0.579663), abs=1e-6)
    assert (unheld.variation, unheld.baseline_end) == ("common_cause", None)
    held = xmr_series(AUDITS, values, params(spc_baseline_end=date(2024, 12, 31)))
    reading = held.reading
    assert (reading.centre, reading.lower, reading.upper) == pytest.approx((0.51, 0.4568, 0.5632))
    assert (reading.variation, reading.baseline_end, reading.points) == ("improvement", "2024-12", 18)
    assert set(held.special) == set(MONTHS[11:])  # the shift: December's 52% and the six after it
    assert held.as_json()["baseline_end"] == "2024-12"


def test_a_baseline_with_too_few_months_takes_the_first_spc_min_points():
    # up to March 2024 there are 3 points, fewer than 12: the limits come from the first 12, as held at December
    reading = xmr_series(AUDITS, published(dict(zip(MONTHS, SERIES))), params(spc_baseline_end=date(2024, 3, 31))).reading
    assert (reading.centre, reading.upper, reading.baseline_end) == pytest.approx((0.51, 0.5632, "2024-12"))


def test_a_phase_needs_spc_min_points_and_says_so():
    xmr = xmr_series(AUDITS, published(dict(zip(MONTHS, SERIES))), params(spc_phases=[date(2025, 3, 10)]))
    assert xmr.reading is None
    assert xmr.reason == "No SPC reading yet: the phase from March 2025 has 4 months; it needs 12 for its own limits."
    # the first phase, 2024-01 to 2025-02, has 14 points and its own limits: 6.12 + .56 + .54 = 7.22 / 14 = .515714;
    # moving ranges 11 × .02 + .04 + .02 = .28 / 13 = .0215385, × 2.66 = .0572923
    first, latest = xmr.phases
    assert (first.start, len(first.months), latest.start, latest.limits) == ("2024-01", 14, "2025-03", None)
    assert (first.limits.centre, first.limits.lower, first.limits.upper) == pytest.approx((0.515714, 0.458422, 0.573006), abs=1e-6)
    # a withheld month of the phase is counted in the words
    withheld = published(dict(zip(MONTHS, SERIES[:-1] + [None])), withheld=[MONTHS[-1]])
    assert xmr_series(AUDITS, withheld, params(spc_phases=[date(2025, 3, 10)])).reason == (
        "No SPC reading yet: the phase from March 2025 has 3 months, and 1 more is withheld (small numbers); it needs 12 for its own limits."
    )


def test_the_reading_is_the_latest_phases():
    # with 4 points enough, the phase from March 2025 (56, 54, 56, 54) has centre .55, limits .55 ± 2.66 × .02
    xmr = xmr_series(AUDITS, published(dict(zip(MONTHS, SERIES))), params(spc_phases=[date(2025, 3, 1)], spc_min_points=4))
    reading = xmr.reading
    assert (reading.centre, reading.lower, reading.upper) == pytest.approx((0.55, 0.4968, 0.6032))
    assert (reading.points, reading.phase_start, reading.variation) == (4, "2025-03", "common_cause")
    entry = xmr.as_json()  # figures.json's spc entry: the phase it reads, every month of the series, no baseline held
    assert (entry["phase_start"], entry["baseline_end"], list(entry["series"])) == ("2025-03", None, MONTHS)


def test_the_baseline_holds_limits_within_the_latest_phase_only():
    # phases 2024-01..06 and 2024-07..2025-06; the latest holds limits from its months up to December (50, 52, ×3:
    # centre .51, limits .4568 to .5632) and finds the shift; the first phase's limits come from all its six points
    xmr = xmr_series(
        AUDITS,
        published(dict(zip(MONTHS, SERIES))),
        params(spc_phases=[date(2024, 7, 1)], spc_baseline_end=date(2024, 12, 31), spc_min_points=4),
    )
    first, latest = xmr.phases
    assert (first.baseline, latest.baseline) == (6, 6) and not first.held and latest.held
    assert (xmr.reading.centre, xmr.reading.upper) == pytest.approx((0.51, 0.5632))
    assert (xmr.reading.variation, xmr.reading.baseline_end, xmr.reading.phase_start) == ("improvement", "2024-12", "2024-07")


def test_a_six_month_pack_reads_the_months_before_it_and_marks_them():
    # the period is January to June 2025; the whole months computed over the window give 2024's twelve as well
    six = params(period_start=date(2025, 1, 1))
    before = dict(zip(MONTHS, SERIES))
    xmr = xmr_series(ASSESSMENTS, published(dict(zip(MONTHS[12:], SERIES[12:])), ASSESSMENTS, before=before), six)
    reading = xmr.reading
    assert (reading.points, reading.centre, reading.upper) == pytest.approx((18, 0.523333, 0.579663), abs=1e-6)
    assert xmr.before == set(MONTHS[:12]) and set(xmr.sources.values()) == {"annex_a"}
    assert list(xmr.as_json()["series"]) == MONTHS
    assert xmr_series(ASSESSMENTS, published(dict(zip(MONTHS[12:], SERIES[12:])), ASSESSMENTS), six).reason == (
        "No SPC reading: it needs 12 months and has 6."
    )


def test_months_from_returns_and_earlier_packs_come_before_the_datas_own():
    six = params(period_start=date(2025, 1, 1))
    # each source only before the first month of those above it: history's 2023-12 is after the returns' first month
    history = [{"audience": "public", "figures": {ASSESSMENTS: {"2023-10": 0.3, "2023-12": 0.4, "2024-01": 0.9}}}]
    # the whole-month run found January 2025 partial (no value): the period's January is no point
    before = {**dict(zip(MONTHS[:12], SERIES[:12])), "2025-01": None}
    values = published(dict(zip(MONTHS[12:], SERIES[12:])), ASSESSMENTS, before=before)
    xmr = xmr_series(ASSESSMENTS, values, six, history, returns={"2023-11": 0.35, "2024-02": 0.1})
    assert xmr.sources == {"2023-10": "history", "2023-11": "return", **dict.fromkeys(MONTHS[:12] + MONTHS[13:], "annex_a")}
    assert xmr.points["2023-11"] == 0.35 and xmr.points["2024-01"] == 0.50 and "2025-01" not in xmr.points


def test_combine_sources_fills_only_before_the_sources_above():
    points, marks = combine_sources({"extract": {"2025-02": None, "2025-03": 0.5}, "history": {"2025-01": 0.2, "2025-02": 0.3}})
    assert points == {"2025-01": 0.2, "2025-02": None, "2025-03": 0.5}  # a withheld month is not filled from history
    assert marks == {"2025-01": "history", "2025-02": "extract", "2025-03": "extract"}


def test_at_most_36_months_up_to_the_period_end():
    assert window_start(date(2025, 6, 30)) == date(2022, 7, 1)
    long = params(period_start=date(2021, 1, 1), spc_min_points=2)
    xmr = xmr_series(AUDITS, published({m: 0.5 for m in months_from(2021, 1, 54)}), long)
    assert list(xmr.points) == months_from(2022, 7, 36)


DATES = pd.Series(pd.to_datetime(["2024-03-15", "2024-04-02", "2024-04-20", "2024-05-01"]))
HITS = pd.Series([True, False, True, True], dtype="boolean")


def test_a_month_before_the_datas_first_date_is_partial_and_not_covered_in_the_window_run():
    # a local extract (the period given starts at the window): its earliest date, 15 March, makes March partial
    window = Period.of(date(2024, 1, 1), date(2024, 5, 31))
    with whole_months_only(window.start):
        shares = monthly_shares(DATES, HITS, window)
        counts = monthly_counts(DATES, window)
    assert shares == {
        "2024-01": NOT_COVERED,
        "2024-02": NOT_COVERED,
        "2024-03": NOT_COVERED,
        "2024-04": share(1, 2),
        "2024-05": share(1, 1),
    }
    assert counts["2024-03"] == NOT_COVERED and counts["2024-04"] == count(2)
    # an Annex A list covering from 10 March (later than the window's start): March is partial; from 1 March it is whole
    with whole_months_only(window.start):
        assert monthly_shares(DATES, HITS, Period.of(date(2024, 3, 10), window.end))["2024-03"] == NOT_COVERED
        assert monthly_shares(DATES, HITS, Period.of(date(2024, 3, 1), window.end))["2024-03"] == share(1, 1)
    # outside the window run a partial month keeps its value, as the period's figures always have
    assert monthly_shares(DATES, HITS, window)["2024-03"] == share(1, 1)


def test_few_cases_a_month_are_said_from_the_median_denominator():
    series = {"2025-01": share(10, 14), "2025-02": share(9, 12), "2025-03": share(15, 17), "2025-04": share(1, 40)}
    assert typical_denominator(series, ["2025-01", "2025-02", "2025-03"]) == 14  # median of 14, 12 and 17
    assert typical_denominator(series, list(series)) == 16  # median of 12, 14, 17, 40: 15.5, about 16
    assert typical_denominator({"2025-01": share(20, 20)}, ["2025-01"]) is None  # 20 is not under 20
    assert typical_denominator({"2025-01": count(5), "2025-02": Figure(None, ())}, ["2025-01"]) is None  # not a share


def test_a_six_month_demo_pack_reads_its_assessments_from_the_months_before_it(demo_data, tmp_path):
    from readiness.pack.cache import cached_inputs, input_hashes
    from readiness.pack.figures import compute_figures, figures_document, whole_month_series

    six = Params(
        pack_id="six",
        la_name="Northbridge",
        period_start=date(2025, 4, 1),
        period_end=date(2025, 9, 30),
        annex_a_extract_date=date(2025, 10, 3),
        audience="internal",
        data={"annex_a": demo_data / "annex_a.xlsx"},
    )
    inputs = cached_inputs(six, input_hashes(six), tmp_path)
    figures = compute_figures(inputs, six)
    document = figures_document(figures, six, before=whole_month_series(inputs, six))
    period = months_from(2025, 4, 6)
    assert list(figures[ASSESSMENTS]) == period  # the monthly figure keeps the period's months only
    entry = document["spc"][ASSESSMENTS]
    # the demo's Annex A covers two years: its reading rests on the months before the period as well
    earlier = [m for m in entry["series"] if m < "2025-04"]
    assert entry["points"] == len(entry["series"]) >= 12 and len(earlier) >= 6 and list(entry["series"])[-6:] == period
    assert entry["series"]["2025-09"] == pytest.approx(figures[ASSESSMENTS]["2025-09"].value)


def test_figures_json_takes_statutory_returns_months_by_series():
    from readiness.present.spc_series import spc_document

    values = published(dict(zip(MONTHS[12:], SERIES[12:])), ASSESSMENTS)
    six = params(period_start=date(2025, 1, 1), spc_min_points=6, audience="internal")
    entry = spc_document(values, six, returns={ASSESSMENTS: {"2024-11": 0.5, "2024-12": 0.52}})[ASSESSMENTS]
    # 8 points: .50 .52 then .56 .54 ×3: sum 4.32 / 8 = .54; moving ranges .02 .04 then five of .02 = .16 / 7
    assert list(entry["series"]) == ["2024-11", "2024-12", *MONTHS[12:]]
    assert (entry["points"], entry["centre"], entry["upper"]) == pytest.approx((8, 0.54, 0.54 + 2.66 * 0.16 / 7))


def test_a_public_edition_reads_spc_from_the_exact_values_and_publishes_the_months_and_limits_rounded():
    from readiness.present.spc_series import spc_document

    # Exact: December's return .30 and March's .40 are withheld in the published edition (None), the rest shown.
    months = ["2025-01", "2025-02", "2025-03", "2025-04", "2025-05"]
    shown = published(dict(zip(months, [0.5, 0.6, None, 0.5, 0.7])), ASSESSMENTS, withheld=["2025-03"])
    exact = published(dict(zip(months, [0.5, 0.6, 0.4, 0.5, 0.7])), ASSESSMENTS)
    five = params(period_start=date(2025, 1, 1), period_end=date(2025, 5, 31), spc_min_points=5)
    read = (exact, {ASSESSMENTS: {"2024-12": 0.3}})
    entry = spc_document(shown, five, returns={ASSESSMENTS: {"2024-12": None}}, read=read)[ASSESSMENTS]
    # 6 exact points .30 .50 .60 .40 .50 .70: centre 3.0 / 6 = .50; moving ranges .2 .1 .2 .1 .2 = .8 / 5 = .16,
    # 2.66 × .16 = .4256: limits .0744 and .9256, published at whole percent: 7% and 93%.
    assert (entry["points"], entry["centre"], entry["lower"], entry["upper"]) == (6, 0.5, 0.07, 0.93)
    # two thirds of the way up is .7837: .70 is not beyond it; no run or trend: common cause
    assert entry["variation"] == "common_cause"
    assert entry["series"] == {"2025-01": 0.5, "2025-02": 0.6, "2025-04": 0.5, "2025-05": 0.7}
    # the published months alone (.5 .6 .5 .7) would give a centre of .575 and 4 points, too few
    assert spc_document(shown, five, returns={ASSESSMENTS: {"2024-12": None}})[ASSESSMENTS] is None
    # the Board (internal) edition reads and publishes the exact values: centre .50, upper .9256 unrounded
    board = spc_document(
        exact,
        params(period_start=date(2025, 1, 1), period_end=date(2025, 5, 31), spc_min_points=5, audience="internal"),
        returns={ASSESSMENTS: {"2024-12": 0.3}},
    )[ASSESSMENTS]
    assert (board["points"], board["centre"], board["upper"]) == pytest.approx((6, 0.5, 0.9256))
    assert board["series"] == {"2024-12": 0.3, **dict(zip(months, [0.5, 0.6, 0.4, 0.5, 0.7]))}
