"""A row with an unreadable value leaves only the figures that read that value (``readiness.indicators.unreadable``).

Ten rows per list (one unreadable value is 10 %: a warning, not an error); period Jan-May 2019,
snapshot 3 June 2019. Each expected figure is counted by hand from the rows below.
"""

from __future__ import annotations

import pytest
from test_normalise import REFERRAL, referral
from test_readers import ALLOCATED, COMMON, write_csv_folder, write_extracts, write_params

from readiness.config.params import load_params
from readiness.indicators import assessments, audits, frontdoor, protection
from readiness.indicators.unreadable import figures_without_unreadable_rows
from readiness.inputs.read import read_inputs

CHILD = ["a) Male", "a) WBRI", "14/02/2012", "7"]


def read(tmp_path, lists=None, **extracts):
    data = {}
    if lists:
        data["annex_a"] = write_csv_folder(tmp_path / "annex", lists)
    data |= write_extracts(tmp_path / "extracts", extracts) if extracts else {}
    params = load_params(write_params(tmp_path, **data))
    inputs, findings = read_inputs(params)
    assert findings.errors == []
    return inputs, params


def values(figures: dict, *ids: str) -> tuple:
    return tuple(figures[i].value for i in ids)


def test_unreadable_nfa_leaves_only_the_nfa_figures(tmp_path):
    # 10 referrals in January: NFA Yes on C1-C3, No on C4-C9, unreadable on C0;
    # Number of Referrals in Last 12 Months is 1 on C0 and C1, else 0.
    rows = [referral(i, "maybe" if i == 0 else ("a) Yes" if i <= 3 else "b) No")) for i in range(10)]
    for i in (0, 1):
        rows[i][REFERRAL.index("Number of Referrals in Last 12 Months")] = "1"
    inputs, params = read(tmp_path, {3: (REFERRAL, rows)})
    figures = figures_without_unreadable_rows(frontdoor.figures, inputs, params)
    assert values(figures, "referrals.count", "referrals.repeat_share") == (10, 2 / 10)  # C0 still counts here
    assert figures["referrals.nfa_share"].value == pytest.approx(3 / 9)  # C0 left out: 3 of the other 9
    assert figures["referrals.monthly.nfa_share"]["2019-01"].value == pytest.approx(3 / 9)
    # read as blank, the value is unknown under the blank-value rule and leaves the share the same way
    assert frontdoor.figures(inputs, params)["referrals.nfa_share"].value == pytest.approx(3 / 9)


ASSESSMENT = (
    COMMON
    + [
        "Does the Child have a Disability",
        "Continuous Assessment Start Date",
        "Child Seen During Continuous Assessment",
        "Continuous Assessment Date of Authorisation",
        "Was the child assessed as requiring LA children's social care support?",
    ]
    + ALLOCATED
)


def test_unreadable_authorisation_leaves_every_assessment_figure_it_would_distort(tmp_path):
    # 10 assessments started 7 January 2019, child seen in each; C0's authorisation is unreadable,
    # C1-C9 were authorised on 14 January 2019. Read as blank, C0 would be open at the snapshot.
    rows = [
        [f"C{i}", *CHILD, "b) No", "07/01/2019", "a) Yes", "31/02/2019" if i == 0 else "14/01/2019", "a) Yes", "Team", "W1"]
        for i in range(10)
    ]
    inputs, params = read(tmp_path, {4: (ASSESSMENT, rows)})
    figures = figures_without_unreadable_rows(assessments.figures, inputs, params)
    assert values(figures, "assessments.completed_count", "assessments.open_at_snapshot", "assessments.child_seen_share") == (9, 0, 1.0)
    assert assessments.figures(inputs, params)["assessments.open_at_snapshot"].value == 1


PLAN = (
    COMMON
    + [
        "Child Protection Plan Start Date",
        "Date of the Last Statutory Visit",
        "Child Protection Plan End Date",
        "Number of Previous Child Protection Plans",
    ]
    + ALLOCATED
)


def test_unreadable_plan_end_leaves_the_open_plan_figures_but_not_the_plans_started(tmp_path):
    # 20 plans started 1 February 2019: C0's end date (month 13) cannot be read, C1-C9 ended on
    # 1 March 2019, C10-C19 are open (1 of the 10 end dates unreadable: 10 %); C1 and C2 had an earlier plan.
    def end(i):
        return "2019-13-01" if i == 0 else ("01/03/2019" if i < 10 else "")

    rows = [[f"C{i}", *CHILD, "01/02/2019", "", end(i), "1" if i in (1, 2) else "0", "CP", "W1"] for i in range(20)]
    inputs, params = read(tmp_path, {7: (PLAN, rows)})
    figures = figures_without_unreadable_rows(protection.figures, inputs, params)
    assert values(figures, "cp.started_count", "cp.open_at_snapshot", "cp.two_years_plus_count") == (20, 10, 0)
    assert figures["cp.second_or_subsequent_share"].value == pytest.approx(2 / 20)
    assert protection.figures(inputs, params)["cp.open_at_snapshot"].value == 11  # C0 read as open


def test_unreadable_grade_leaves_the_grade_figures_but_not_the_count(tmp_path):
    # 10 audits in March: C0's grade unreadable, C1-C4 good, C5-C9 inadequate; all with the worker;
    # C9's moderator agreed (inadequate).
    lines = ["audit_id,child_id,audit_date,team,worker_participated,grade,moderated_grade"]
    lines += [
        f"A{i},C{i},2019-03-15,T,Y,{'Excellent' if i == 0 else ('good' if i <= 4 else 'inadequate')},{'inadequate' if i == 9 else ''}"
        for i in range(10)
    ]
    inputs, params = read(tmp_path, case_audits="\n".join(lines) + "\n")
    figures = figures_without_unreadable_rows(audits.figures, inputs, params)
    assert values(figures, "audits.count", "audits.worker_participated_share") == (10, 1.0)
    assert figures["audits.good_or_better_share"].value == pytest.approx(4 / 9)
    assert figures["audits.grade_share.inadequate"].value == pytest.approx(5 / 9)


def test_an_unreadable_key_date_alone_leaves_its_row_out_and_every_figure_computed(tmp_path):
    # 10 audits in March, A0's date impossible (31 February): A0 leaves case_audits, so no row is marked
    # unreadable; the 9 left are 5 good (A1-A5) and 4 inadequate.
    lines = ["audit_id,child_id,audit_date,team,worker_participated,grade,moderated_grade"]
    lines += [f"A{i},C{i},{'31/02/2019' if i == 0 else '2019-03-15'},T,Y,{'good' if i <= 5 else 'inadequate'}," for i in range(10)]
    inputs, params = read(tmp_path, case_audits="\n".join(lines) + "\n")
    figures = figures_without_unreadable_rows(audits.figures, inputs, params)
    assert figures["audits.count"].value == 9
    assert figures["audits.good_or_better_share"].value == pytest.approx(5 / 9)


def test_without_unreadable_values_the_figures_are_computed_once(tmp_path):
    calls = []

    def theme(inputs, params):
        calls.append(1)
        return frontdoor.figures(inputs, params)

    inputs, params = read(tmp_path, {3: (REFERRAL, [referral(i) for i in range(3)])})
    assert figures_without_unreadable_rows(theme, inputs, params)["referrals.count"].value == 3
    assert len(calls) == 1
