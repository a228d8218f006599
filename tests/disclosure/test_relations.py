"""Disclosure that holds against subtraction: each relation planted in a small hand-made pack.

Each test builds figures.json (``figures_document``) and the Board table the notebook shows
(``Pack.board_table``, by the roles the indicator function declares), then plays the reader: works out what it can
from the published numbers alone, by the same arithmetic the issue describes, and checks that
the withheld value is not among it. Each ``*_is_planted`` test shows the same reader does get the
value when the subtraction audit is switched off, so the protection tests can fail.
All data is in one month, one team, one audit type, so every grade table has one row.
"""

from datetime import date

import pandas as pd
import pytest

from readiness.config.params import Params
from readiness.disclosure.control import SUPPRESSED
from readiness.disclosure.relations import numerator, protect_headlines, related_values
from readiness.indicators import audits as a
from readiness.indicators import workforce as wf
from readiness.indicators.figure import count, share
from readiness.inputs.bundle import Inputs
from readiness.pack import figures as figures_module
from readiness.pack.figures import compute_figures, figures_document
from readiness.pack.notebook import Pack

# Counts exact (round_to 1), so that subtraction, not rounding, is what the audit must stop: it is the second line.
PARAMS = Params(pack_id="t", la_name="T", period_start=date(2019, 1, 1), period_end=date(2019, 1, 31), round_to=1)
RI = "requires_improvement"


def audit_rows(pairs: list[tuple[str, str | None]]) -> pd.DataFrame:
    """One audit per (auditor's grade, moderated grade), all on 10 January 2019, team Blue, type monthly."""
    frame = pd.DataFrame(pairs, columns=["grade", "moderated_grade"])
    ids = [str(i) for i in range(1, len(frame) + 1)]
    return frame.assign(
        audit_id=ids,
        child_id=ids,
        audit_date=pd.Timestamp("2019-01-10"),
        team="Blue",
        audit_type="monthly",
        worker_participated=pd.array([True] * len(frame), dtype="boolean"),
        reaudit_of=pd.NA,
        _row=range(2, len(frame) + 2),
    )


def moderation(agreed: int, downgraded: int, upgraded: int) -> Inputs:
    """Agreed: good kept good; downgraded: good moderated to RI; upgraded: RI moderated to good."""
    pairs = [("good", "good")] * agreed + [("good", RI)] * downgraded + [(RI, "good")] * upgraded
    return Inputs(case_audits=audit_rows(pairs))


def published(inputs: Inputs):
    """figures.json's figures and the pack's figures, as a public pack with the default threshold publishes them."""
    computed = compute_figures(inputs, PARAMS)
    return figures_document(computed, PARAMS)["figures"], Pack(PARAMS, inputs, computed)


def reader_moderation(inputs: Inputs) -> dict[str, int]:
    """The moderation outcomes a reader gets from figures.json and the moderation table."""
    shown, pack = published(inputs)
    table = pack.board_table(a.moderation_summary(inputs.case_audits, PARAMS.period))
    known = {outcome.lower(): n for outcome, n in table["audits"].items() if n != SUPPRESSED}  # index shown as "Agreed"
    moderated = shown["audits.moderated_count"]
    for outcome, figure_id in (("agreed", "audits.moderation_agreement_share"), ("downgraded", "audits.moderation_downgrade_share")):
        if shown[figure_id] is not None and moderated is not None:
            known.setdefault(outcome, round(shown[figure_id] * moderated))  # a share x its denominator
    unknown = [o for o in ("agreed", "downgraded", "upgraded") if o not in known]
    if moderated is not None and len(unknown) == 1:
        known[unknown[0]] = moderated - sum(known.values())  # the group less its other parts
    return known


@pytest.fixture
def no_audit(monkeypatch):
    monkeypatch.setattr(figures_module, "audit", lambda figures, inputs, params: dict(figures))


# 20 moderated = 12 agreed + 6 downgraded + 2 upgraded. The table withholds upgraded (2) and, as
# its secondary cell, the smallest other: downgraded (6). figures.json's downgrade share 6/20 x 20
# gives 6, and 20 - 12 - 6 gives the 2 upgraded.
def test_moderation_upgraded_by_subtraction_is_planted(no_audit):
    assert reader_moderation(moderation(12, 6, 2))["upgraded"] == 2


def test_moderation_upgraded_does_not_follow_from_the_moderated_count_and_shares():
    inputs = moderation(12, 6, 2)
    known = reader_moderation(inputs)
    assert "upgraded" not in known and "downgraded" not in known
    shown, _ = published(inputs)
    assert shown["audits.moderation_downgrade_share"] is None  # the share went, not the count
    assert shown["audits.moderated_count"] == 20 and shown["audits.moderation_agreement_share"] == 0.6


# 20 moderated = 6 agreed + 12 downgraded + 2 upgraded: the table's secondary cell is agreed (6),
# which figures.json's agreement share gives back: 6/20 x 20 = 6.
def test_a_share_times_its_published_denominator_is_planted(no_audit):
    assert reader_moderation(moderation(6, 12, 2))["agreed"] == 6


def test_a_share_times_its_published_denominator_does_not_give_a_withheld_numerator():
    known = reader_moderation(moderation(6, 12, 2))
    assert "agreed" not in known and "upgraded" not in known
    assert published(moderation(6, 12, 2))[0]["audits.moderation_agreement_share"] is None


def grades(outstanding: int, good: int, requires_improvement: int, inadequate: int) -> Inputs:
    """Audits with these final grades, each moderated and agreed (so moderation withholds nothing)."""
    final = ["outstanding"] * outstanding + ["good"] * good + [RI] * requires_improvement + ["inadequate"] * inadequate
    return Inputs(case_audits=audit_rows([(grade, grade) for grade in final]))


def reader_outstanding(inputs: Inputs) -> int | None:
    """Outstanding audits from figures.json and the grade tables: good or better less good, or all less the rest."""
    shown, pack = published(inputs)
    total = shown["audits.count"]
    counts = {g: round(shown[f"audits.grade_share.{g}"] * total) for g in a.GRADES if shown[f"audits.grade_share.{g}"] is not None}
    for build in (a.grade_counts_by_team, a.grade_counts_by_month, a.audit_type_grade_counts):
        row = pack.board_table(build(inputs.case_audits, PARAMS.period)).iloc[0]
        counts.update({g: row[g] for g in a.GRADES if row[g] != SUPPRESSED})
    if "outstanding" in counts:
        return counts["outstanding"]
    if shown["audits.good_or_better_share"] is not None and "good" in counts:
        return round(shown["audits.good_or_better_share"] * total) - counts["good"]
    rest = [g for g in a.GRADES if g != "outstanding"]
    return total - sum(counts[g] for g in rest) if all(g in counts for g in rest) else None


# 30 audits: 3 outstanding, 10 good, 8 RI, 9 inadequate. Outstanding's share is withheld (3), but
# good or better 13/30 x 30 = 13 less good 10/30 x 30 = 10 gives 3.
def test_outstanding_as_good_or_better_less_good_is_planted(no_audit):
    assert reader_outstanding(grades(3, 10, 8, 9)) == 3


def test_outstanding_does_not_follow_from_good_or_better_less_good():
    inputs = grades(3, 10, 8, 9)
    assert reader_outstanding(inputs) is None
    shown, _ = published(inputs)
    # the smaller share (good, 10/30) goes; good or better (13/30), the headline, stays
    assert shown["audits.grade_share.good"] is None and shown["audits.good_or_better_share"] == 0.43  # 13/30 as a whole percent


def caseloads(loads: list[int]) -> Inputs:
    """List 6 with one allocated worker per entry of ``loads``, holding that many open children."""
    rows = [(f"w{w}-c{c}", f"w{w}") for w, load in enumerate(loads) for c in range(load)]
    frame = pd.DataFrame(rows, columns=["child_id", "worker"])
    start, seen = pd.Timestamp("2018-06-01"), pd.Timestamp("2019-01-20")
    return Inputs(annex_a={"list_6": frame.assign(cin_start=start, cin_closure=pd.NaT, last_seen=seen, team="North")})


def reader_over_50(inputs: Inputs) -> int | None:
    """Workers over 50 from figures.json and the caseload-band table: over 25 less the 26-50 band."""
    shown, pack = published(inputs)
    bands = wf.caseload_distribution(wf.open_cases(inputs.annex_list(6), PARAMS.period.snapshot)).set_index("band")
    table = pack.board_table(bands)
    if shown["caseload.workers_over_50_count"] is not None:
        return shown["caseload.workers_over_50_count"]
    if table.at["51+", "workers"] != SUPPRESSED:
        return table.at["51+", "workers"]
    if shown["caseload.workers_over_25_count"] is not None and table.at["26-50", "workers"] != SUPPRESSED:
        return shown["caseload.workers_over_25_count"] - table.at["26-50", "workers"]
    return None


# Six workers with 1 child, eight with 26, two with 51. The band table withholds 51+ (2) and, as
# its secondary cell, the smallest other non-zero band, 1-10 (6 workers), so it shows 26-50 (8);
# figures.json's 10 workers over 25 less those 8 gives the 2 over 50.
LOADS = [1] * 6 + [26] * 8 + [51] * 2


def test_over_50_as_over_25_less_the_26_50_band_is_planted(no_audit):
    assert reader_over_50(caseloads(LOADS)) == 2


def test_over_50_does_not_follow_from_over_25_less_the_26_50_band():
    inputs = caseloads(LOADS)
    assert reader_over_50(inputs) is None
    assert published(inputs)[0]["caseload.workers_over_25_count"] is None


def test_an_internal_audience_withholds_nothing():
    internal = PARAMS.model_copy(update={"audience": "internal"})
    computed = compute_figures(moderation(12, 6, 2), internal)
    assert figures_document(computed, internal)["suppressed"] == []


def test_the_extra_figures_are_listed_as_suppressed():
    computed = compute_figures(moderation(12, 6, 2), PARAMS)
    assert "audits.moderation_downgrade_share" in figures_document(computed, PARAMS)["suppressed"]


def test_related_values_take_numerators_from_the_basis_and_the_hidden_parts_by_difference():
    # upgraded = 20 - 12 - 6 = 2; the 26-50 band = 10 over 25 - 2 over 50 = 8
    figures = {
        "audits.moderated_count": count(20),
        "audits.moderation_agreement_share": share(12, 20),
        "audits.moderation_downgrade_share": share(6, 20),
        "caseload.workers_over_25_count": count(10),
        "caseload.workers_over_50_count": count(2),
    }
    values = related_values(figures)
    assert values[numerator("audits.moderation_agreement_share")] == 12
    assert values["audits.moderation_upgraded"] == 2 and values["caseload.band.26-50"] == 8


def test_a_figure_with_no_value_or_no_basis_leaves_its_relations_out():
    # a month or period the return does not cover: no value, no counts behind it
    from readiness.indicators.figure import Figure

    figures = {"audits.moderated_count": Figure(None, ()), "audits.moderation_agreement_share": Figure(None, ())}
    assert related_values(figures) == {}
    assert protect_headlines(figures, 5) == set()


def test_a_figure_a_table_withholds_is_withheld_in_figures_json_too():
    # the band table withholds 51+ (8 workers) as a secondary cell: figures.json may not show it
    figures = {"caseload.workers_over_25_count": count(30), "caseload.workers_over_50_count": count(8)}
    assert "caseload.workers_over_50_count" in protect_headlines(figures, 5, shown=set(), hidden={"caseload.workers_over_50_count"})


def test_every_related_figure_id_is_a_catalogued_headline_figure():
    # a misspelt id would silently leave its relation out of the audit
    from readiness.config.catalogue import catalogue
    from readiness.disclosure.relations import DENOMINATORS, EQUALITY_RATES, EQUALITY_SUMS, SUMS
    from readiness.indicators.equality import equality_ids

    catalogued = {indicator.id for indicator in catalogue()}
    latent = {"audits.moderation_upgraded", "caseload.band.26-50"}
    named = {*DENOMINATORS, *DENOMINATORS.values(), *(n for s in SUMS for n in (s.total, *s.parts) if not n.endswith(":numerator"))}
    equality = {n for s in (*EQUALITY_SUMS, *EQUALITY_RATES) for n in (s.total, *s.parts)}
    assert named - latent - equality <= catalogued
    # the equality relations name the ids the equality figures have (and each stage's unpublished total)
    assert {n for n in equality if ":" not in n} == equality_ids()
    assert {n.removesuffix(":numerator") for s in SUMS for n in (s.total, *s.parts) if n.endswith(":numerator")} <= set(DENOMINATORS)


def board_tables(html: str) -> dict[str, list[list[str]]]:
    """Every table of a built pack by caption: its body rows as the text of their cells (row heading first)."""
    from bs4 import BeautifulSoup

    tables = {}
    for table in BeautifulSoup(html, "html.parser").find_all("table"):
        caption = table.find("caption")
        body = table.find("tbody") or table
        tables[caption.get_text(strip=True) if caption else ""] = [
            [c.get_text(strip=True) for c in row.find_all(["th", "td"])] for row in body.find_all("tr")
        ]
    return tables


def whole(text: str) -> int | None:
    return None if text in (SUPPRESSED, "–") else int(text.replace(",", ""))


def test_the_demo_pack_gives_no_withheld_moderation_outcome_or_band_away(demo_pack):
    """The demo pack as a reader has it, figures.json and index.html: the issue's planted relations must not solve."""
    import json

    shown = json.loads((demo_pack / "figures.json").read_text(encoding="utf-8"))["figures"]
    tables = board_tables((demo_pack / "index.html").read_text(encoding="utf-8"))
    # a published edition leaves the table out when most of it would be withheld: then it shows no outcome
    rows = tables.get("Moderated audits: agreed, downgraded and upgraded", [["Agreed", "–"], ["Downgraded", "–"], ["Upgraded", "–"]])
    outcomes = {row[0].lower(): whole(row[1]) for row in rows}
    moderated = shown["audits.moderated_count"]
    for outcome, figure_id in (("agreed", "audits.moderation_agreement_share"), ("downgraded", "audits.moderation_downgrade_share")):
        if outcomes[outcome] is None and shown[figure_id] is not None and moderated is not None:
            outcomes[outcome] = round(shown[figure_id] * moderated)
    assert sum(n is None for n in outcomes.values()) != 1 or moderated is None
    bands = {row[0]: whole(row[1]) for row in tables["Allocated workers by caseload band"]}
    if bands["51+"] is None and shown["caseload.workers_over_50_count"] is None:
        assert shown["caseload.workers_over_25_count"] is None or bands["26-50"] is None
    grade_shares = [shown[f"audits.grade_share.{g}"] for g in ("outstanding", "good")]
    if shown["audits.good_or_better_share"] is not None:
        assert sum(s is None for s in grade_shares) != 1
