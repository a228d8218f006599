"""Reading the DfE statutory returns: the public samples in place, files that are not the return they claim,
DfE rules broken by a row, several years together, and a large file streamed within a memory bound."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from readiness.errors import InputError
from readiness.inputs.returns.cin import read_cin_census
from readiness.inputs.returns.csww import read_csww
from readiness.inputs.returns.read import combined_years
from readiness.inputs.returns.ssda903 import read_ssda903

SAMPLES = Path(__file__).resolve().parents[3] / "shared" / "fixtures" / "returns"


def test_the_cin_census_sample_reads_with_its_broken_rules_warned():
    frames, problems, year = read_cin_census(SAMPLES / "cin-census-2026-two-children.xml")
    assert year == 2024  # ReferenceDate 2024-03-31
    assert frames["cin_referrals"]["child_id"].tolist() == ["DfEX0000001", "child_fails_assessments"]
    assert frames["cin_referrals"]["referral_date"].tolist() == [pd.Timestamp("2022-10-06"), pd.Timestamp("2024-10-24")]
    assert frames["cin_cp_reviews"]["review_date"].tolist() == [pd.Timestamp("2023-02-15")]
    # The first child's assessment starts in 2028 (after the census year) and is authorised in 2020 (before it started).
    assert frames["cin_assessments"]["child_id"].tolist() == ["child_fails_assessments"]
    described = [p.describe() for p in problems.warnings]
    assert (
        "cin-census-2026-two-children.xml (rows are <Child> elements), row 1, column 'AssessmentAuthorisationDate': authorised before the assessment started: left out"
        in described
    )
    assert all(p.figures == ("assessments.monthly.within_45_working_days_share",) for p in problems.warnings)
    assert problems.errors == []


def test_the_ssda903_sample_reads_every_file():
    frames, problems, year = read_ssda903(SAMPLES / "ssda903")
    assert year == 2018  # its latest date, 16 December 2017, is in the year ending 31 March 2018
    assert len(frames["ssda903_episodes"]) == 108 and len(frames["ssda903_header"]) == 60
    assert frames["ssda903_episodes"].loc[0, "DECOM"] == pd.Timestamp("2016-02-15")
    assert "ssda903_sbpfa" not in frames  # optional
    assert problems.errors == []


def test_the_csww_sample_reads_workers_and_vacancies():
    frames, problems, year = read_csww(SAMPLES / "csww-2022.xml")
    assert year == 2022
    assert len(frames["csww_workers"]) == 30
    assert frames["csww_vacancies"]["vacancies_fte"].tolist() == [pytest.approx(79.68)]
    first = frames["csww_workers"].iloc[0]
    assert (first["swe_no"], bool(first["agency"]), first["fte"]) == ("Oz2054309383", True, pytest.approx(0.521371))


def test_a_workers_unreadable_values_leave_the_figures_declared_to_read_them(tmp_path):
    path = tmp_path / "csww.xml"
    text = (SAMPLES / "csww-2022.xml").read_text(encoding="utf-8")
    start = text.index("<RoleStartDate>") + len("<RoleStartDate>")
    path.write_text(text[:start] + "31/12/2019" + text[text.index("</RoleStartDate>", start) :], encoding="utf-8")  # the 1st worker's
    _, problems, _ = read_csww(path)
    (warning,) = problems.warnings
    assert (warning.column, warning.row) == ("RoleStartDate", 1)
    # whether a worker is in post on the census date reads the role's dates: both DfE figures, as declared
    assert warning.figures == ("workforce.vacancy_rate", "workforce.absence_rate")


def error_of(call, *args) -> str:
    with pytest.raises(InputError) as raised:
        call(*args)
    assert len(raised.value.lines()) == 1
    return raised.value.lines()[0]


def test_a_workforce_census_given_as_a_cin_census_is_an_error():
    line = error_of(read_cin_census, SAMPLES / "csww-2022.xml")
    assert line == "csww-2022.xml: Header/CollectionDetails/Collection is 'CSWW', not 'CIN': not a CIN return"


def test_xml_that_is_not_well_formed_names_the_line(tmp_path):
    path = tmp_path / "cin.xml"
    path.write_text("<Message>\n<Header>\n</Message>\n")
    assert error_of(read_cin_census, path) == "cin.xml: line 3, column 3: not well-formed XML (mismatched tag)"


def test_an_entity_declaration_is_refused(tmp_path):
    path = tmp_path / "cin.xml"
    path.write_text('<?xml version="1.0"?>\n<!DOCTYPE Message [<!ENTITY a "aaaaaaaaaa">]>\n<Message>&a;</Message>\n')
    assert "a document type or entity declaration, which a DfE return never has" in error_of(read_cin_census, path)


def test_a_workforce_census_named_as_the_cin_census_stops_the_build_with_one_plain_line(tmp_path):
    from conftest import run_readiness

    params = tmp_path / "returns.yaml"
    params.write_text(
        f"pack_id: t\nla_name: Testshire\nperiod_start: 2024-04-01\nperiod_end: 2025-03-31\ncin_census: [{SAMPLES / 'csww-2022.xml'}]\n",
        encoding="utf-8",
    )
    run = run_readiness(["validate", str(params)])
    assert run.returncode == 2
    assert "  - csww-2022.xml: Header/CollectionDetails/Collection is 'CSWW', not 'CIN': not a CIN return" in run.stdout.splitlines()
    assert run.stdout.startswith("1 error: the pack cannot be built")


def test_another_root_element_is_not_a_return(tmp_path):
    path = tmp_path / "cin.xml"
    path.write_text("<html><body/></html>")
    assert error_of(read_cin_census, path) == "cin.xml: the root element is <html>, not <Message>: not a DfE return in XML"


def copy_903(tmp_path: Path) -> Path:
    folder = tmp_path / "903_2018"
    shutil.copytree(SAMPLES / "ssda903", folder)
    for path in folder.iterdir():
        path.chmod(0o644)
    return folder


def test_a_903_folder_without_its_episodes_is_an_error(tmp_path):
    folder = copy_903(tmp_path)
    (folder / "episodes.csv").unlink()
    assert error_of(read_ssda903, folder) == "903_2018: an SSDA903 folder needs episodes.csv (not found here)"


def test_an_episodes_file_without_decom_is_not_an_episodes_file(tmp_path):
    folder = copy_903(tmp_path)
    text = (folder / "episodes.csv").read_text()
    (folder / "episodes.csv").write_text(text.replace("DECOM", "START", 1))
    assert error_of(read_ssda903, folder).startswith(
        "903_2018/episodes.csv: not an SSDA903 episodes file: no column DECOM (headings found: CHILD, START, RNE"
    )


def test_month_first_dates_stop_the_build_naming_the_column(tmp_path):
    folder = copy_903(tmp_path)
    (folder / "episodes.csv").write_text(
        "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n"
        "1,12/25/2017,S,C2,N1,U1,PR1,,,,,,1\n2,12/26/2017,S,C2,N1,U1,PR1,,,,,,1\n3,01/02/2018,S,C2,N1,U1,PR1,,,,,,1\n"
    )
    _, problems, _ = read_ssda903(folder)
    assert [p.describe() for p in problems.errors] == [
        "903_2018/episodes.csv, column 'DECOM': 67% of the filled values are not a date (dd/mm/yyyy) (e.g. rows 2, 3): is this the right file?"
    ]


def test_an_episode_breaking_a_rule_leaves_the_childs_episodes_out_of_every_figure_reading_episodes(tmp_path):
    folder = copy_903(tmp_path)
    lines = (folder / "episodes.csv").read_text().splitlines()
    lines[1] = lines[1].replace(",L,C2,", ",X,C2,")  # row 2: child 566910's first episode, RNE X
    (folder / "episodes.csv").write_text("\n".join(lines) + "\n")
    frames, problems, _ = read_ssda903(folder)
    (warning,) = [p for p in problems.warnings if p.column == "RNE"]
    assert (
        warning.describe()
        == "903_2018/episodes.csv, row 2, column 'RNE': reason for new episode is not S, P, L, T, U or B: the child's episodes leave the figures"
    )
    # the figures reading episodes, as declared: DfE's two stability measures, children starting and ceasing care by month
    assert warning.figures == (
        "cla.dfe_stability_three_plus_share",
        "cla.dfe_long_term_stability_share",
        "cla.monthly.started_count",
        "cla.monthly.ceased_count",
    )
    episodes = frames["ssda903_episodes"]
    assert episodes.loc[episodes["_left_out"], "CHILD"].tolist() == ["566910", "566910"]


def test_years_together_keep_the_later_years_row_of_a_referral():
    older = {
        "cin_referrals": pd.DataFrame(
            {
                "child_id": ["a", "b"],
                "referral_date": pd.to_datetime(["2024-03-01", "2024-02-01"]),
                "closure_date": pd.to_datetime([None, "2024-03-01"]),
            }
        )
    }
    newer = {
        "cin_referrals": pd.DataFrame(
            {"child_id": ["a"], "referral_date": pd.to_datetime(["2024-03-01"]), "closure_date": pd.to_datetime(["2024-05-01"])}
        )
    }
    both = combined_years({2025: newer, 2024: older})["cin_referrals"]
    assert both[["child_id", "closure_date", "return_year"]].values.tolist() == [
        ["b", pd.Timestamp("2024-03-01"), 2024],
        ["a", pd.Timestamp("2024-05-01"), 2025],
    ]


CHILD = """<Child><ChildIdentifiers><LAchildID>C{n}</LAchildID><UPN>A123456789123</UPN><UPNunknown>UN3</UPNunknown><PersonBirthDate>2015-03-27</PersonBirthDate><Sex>1</Sex></ChildIdentifiers>
<ChildCharacteristics><Ethnicity>WBRI</Ethnicity><Disabilities><Disability>HAND</Disability><Disability>HEAR</Disability></Disabilities></ChildCharacteristics>
<CINdetails><CINreferralDate>2024-10-06</CINreferralDate><ReferralSource>1A</ReferralSource><PrimaryNeedCode>N4</PrimaryNeedCode><ReferralNFA>0</ReferralNFA>
<Assessments><AssessmentActualStartDate>2024-10-07</AssessmentActualStartDate><AssessmentAuthorisationDate>2024-11-20</AssessmentAuthorisationDate>
<FactorsIdentifiedAtAssessment><AssessmentFactors>1C</AssessmentFactors><AssessmentFactors>3A</AssessmentFactors><AssessmentFactors>4B</AssessmentFactors></FactorsIdentifiedAtAssessment></Assessments>
<Section47><S47ActualStartDate>2024-10-08</S47ActualStartDate><InitialCPCtarget>2024-10-29</InitialCPCtarget><DateOfInitialCPC>2024-10-25</DateOfInitialCPC><ICPCnotRequired>false</ICPCnotRequired></Section47>
<ChildProtectionPlans><CPPstartDate>2024-10-25</CPPstartDate><InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse><LatestCategoryOfAbuse>NEG</LatestCategoryOfAbuse><NumberOfPreviousCPP>0</NumberOfPreviousCPP>
<Reviews><CPPreviewDate>2025-01-20</CPPreviewDate></Reviews></ChildProtectionPlans></CINdetails></Child>
"""
HEADER = "<Message><Header><CollectionDetails><Collection>CIN</Collection><Year>2025</Year><ReferenceDate>2025-03-31</ReferenceDate></CollectionDetails></Header><Children>\n"
MEASURE = """
import resource, sys
import readiness.indicators.themes  # the figure registry, which names the figures a warning leaves
from readiness.inputs.returns.cin import read_cin_census
read_cin_census(sys.argv[1])  # every module and cache warmed on a small file first
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
frames, _, _ = read_cin_census(sys.argv[2])
print(len(frames["cin_referrals"]), len(frames["cin_cp_reviews"]), (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) * 1024)
"""


@pytest.mark.slow  # a 50 MB census read by a process of its own: end to end, run by the whole suite
def test_a_large_census_is_streamed_within_a_memory_bound(tmp_path):
    children = 40_000
    path = tmp_path / "cin_2025.xml"
    with path.open("w") as stream:
        stream.write(HEADER)
        for n in range(children):
            stream.write(CHILD.format(n=n))
        stream.write("</Children></Message>\n")
    size = path.stat().st_size
    assert size > 50_000_000
    run = subprocess.run(
        [sys.executable, "-c", MEASURE, str(SAMPLES / "cin-census-2026-two-children.xml"), str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    referrals, reviews, growth = (int(word) for word in run.stdout.split())
    assert referrals == reviews == children
    # Parsed whole, the file's million elements would take several times its size; streamed, the peak grows by
    # less than the file's size (mostly the frames themselves: six rows a child).
    assert growth < size


def test_the_years_read_two_at_a_time_are_as_read_one_at_a_time():
    # two CIN years (2022 and 2024) and a workforce census given as a third: its error, the frames and the warnings
    # are the same, in the same order, whether the files are read one after another or two at a time
    from readiness.inputs.bundle import Inputs
    from readiness.inputs.normalise import Findings
    from readiness.inputs.returns.read import add_returns, reading_tasks, return_files
    from readiness.parallel import run_all

    class Given:
        cin_census = [SAMPLES / "cin-census-2022-one-child.xml", SAMPLES / "csww-2022.xml", SAMPLES / "cin-census-2026-two-children.xml"]
        ssda903, csww = [], []

    results = []
    for parallel in (1, 2):
        inputs, findings = Inputs(), Findings()
        files = return_files(Given)
        add_returns(files, run_all(reading_tasks(files), parallel), inputs, findings)
        results.append((inputs, findings))
    (one, found_one), (two, found_two) = results
    assert (
        [p.describe() for p in found_two.errors]
        == [p.describe() for p in found_one.errors]
        == ["csww-2022.xml: Header/CollectionDetails/Collection is 'CSWW', not 'CIN': not a CIN return"]
    )
    assert found_two.warnings == found_one.warnings != []
    assert sorted(set(one.cin_referrals["return_year"])) == [2022, 2024]
    for name in ("cin_referrals", "cin_assessments", "cin_cp_plans", "cin_cp_reviews"):
        pd.testing.assert_frame_equal(getattr(two, name), getattr(one, name))
