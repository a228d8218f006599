"""What notebooks call: commentary files, column headings, Board-safe tables and narrative display."""

from datetime import date

import pandas as pd

from readiness.config.params import Params
from readiness.config.period import Period
from readiness.disclosure.coarser import publish_coarser
from readiness.disclosure.control import protect_series
from readiness.indicators.figure import count
from readiness.indicators.tables import Roles, with_roles
from readiness.inputs.bundle import Inputs
from readiness.pack.notebook import Pack
from readiness.present import display
from readiness.present.display import column_label


def make_pack(**extra) -> Pack:
    params = Params(pack_id="t", la_name="Testshire", period_start=date(2019, 1, 1), period_end=date(2019, 3, 31), **extra)
    return Pack(params, Inputs())


def test_commentary_reads_the_slugs_markdown_file(tmp_path):
    (tmp_path / "case_audits.md").write_text("Audits rose after the **practice week**.\n", encoding="utf-8")
    pack = make_pack(commentary=tmp_path)
    assert pack.commentary("case_audits") == "Audits rose after the **practice week**.\n"


def test_commentary_is_empty_without_a_file_or_a_folder(tmp_path):
    assert make_pack(commentary=tmp_path).commentary("front_door") == ""
    assert make_pack().commentary("case_audits") == ""


def test_say_displays_nothing_for_empty_text(monkeypatch):
    shown = []
    monkeypatch.setattr(display, "display", shown.append)
    display.say("")
    display.say("  \n")
    assert shown == []
    display.say("Hello")
    assert len(shown) == 1


def test_column_label_known_names_and_snake_case():
    assert column_label("within_45_share") == "Within 45 working days (%)"
    assert column_label("attended_police") == "Attended police"
    assert column_label("seen_within_interval_share") == "Seen within interval (%)"
    assert column_label("") == ""


def test_share_of_total_is_withheld_with_its_small_count():
    # bands: 12 and 3 workers of 15; 3 is withheld (1..5), so is 12 (secondary: the total is published),
    # and with them both shares; a band of 0 shows 0 and 0%.
    table = pd.DataFrame({"workers": [12, 3, 0], "workers_share": [0.8, 0.2, 0.0]}, index=pd.Index(["1-10", "11-15", "16-20"], name="band"))
    safe = make_pack().board_table(with_roles(table, Roles(("workers",), share_of_total={"workers_share": "workers"})))
    assert safe["workers"].tolist() == ["[c]", "[c]", 0]
    assert safe["workers_share"].tolist() == ["[c]", "[c]", 0.0]
    assert list(safe.columns) == ["workers", "workers_share"]


def test_chart_values_leave_withheld_cells_missing():
    table = pd.DataFrame({"contacts": [40, 2, 30]}, index=pd.Index(["Jan", "Feb", "Mar"], name="month"))
    values = make_pack().chart_values(with_roles(table, Roles(("contacts",))))
    # 2 withheld; 30 withheld too so February cannot be worked out from the column total
    assert values["contacts"].iloc[0] == 40 and values["contacts"].iloc[1:].isna().all()


def test_a_mirrored_by_month_table_withholds_what_figures_json_withholds():
    # figures.json: started 3 in Jan (withheld), so Mar (6, fewer than Feb's 8) is withheld with it.
    pack = make_pack()
    pack.computed = protect_series({"cp.monthly.started_count": {"2019-01": count(3), "2019-02": count(8), "2019-03": count(6)}}, 5)
    assert pack.months_shown("cp.monthly.started_count").to_dict() == {"2019-01": False, "2019-02": True, "2019-03": False}
    table = pd.DataFrame({"started": [3, 8, 6]}, index=pd.Index(["2019-01", "2019-02", "2019-03"], name="month"))
    safe = pack.board_table(with_roles(table, Roles(("started",), mirror={"started": "cp.monthly.started_count"})))
    assert safe["started"].tolist() == ["[c]", 10, "[c]"]  # Feb's 8 published to the nearest 5


def test_safe_shares_come_from_the_board_table():
    # Meetings 20, 30, 25; police attended 18, 27, 24; health 2, 12, 10. Health's Jan 2 is withheld; its row
    # then gives up its smallest other cell (police 18); the police column its next smallest (Mar 24), the
    # health column likewise (Mar 10). So Jan and Mar shares are missing for both; Feb: 27/30 and 12/30.
    table = pd.DataFrame(
        {"meetings": [20, 30, 25], "police": [18, 27, 24], "health": [2, 12, 10]},
        index=pd.Index(["2019-01", "2019-02", "2019-03"], name="month"),
    )
    shares = make_pack().safe_shares(with_roles(table, Roles(("meetings", "police", "health"))), ["police", "health"], "meetings")
    assert shares.isna().to_numpy().tolist() == [[True, True], [False, False], [True, True]]
    assert shares.loc["2019-02"].tolist() == [0.9, 0.4]  # from the exact 27 and 12 of 30, not the published 25 and 10


def test_safe_shares_of_a_public_table_are_whole_percents():
    # 20 of 30 meetings: 66.67%, published as 0.67 (67%) as a share column is, not as 2/3
    table = pd.DataFrame({"meetings": [30], "police": [20]}, index=pd.Index(["2019-02"], name="month"))
    public = make_pack().safe_shares(with_roles(table, Roles(("meetings", "police"))), "police", "meetings")
    assert public.at["2019-02", "police"] == 0.67
    internal = make_pack(audience="internal").safe_shares(with_roles(table, Roles(("meetings", "police"))), "police", "meetings")
    assert internal.at["2019-02", "police"] == 20 / 30


def seen_by_team() -> pd.DataFrame:
    """South's 3 children and 2 seen are withheld; then, one cell at a time, North's 20 children (the smallest
    other count of its column, first on a tie with East's 20), East's 10 seen, North's 18 seen and East's 20 children,
    until no row or column holds a single withheld cell: West (30 children, 15 seen, 50%) and the three 60-child teams
    are shown. 9 of 21 numbers withheld: not more than half, so the table is shown by team."""
    table = pd.DataFrame(
        {"children": [20, 3, 20, 30, 60, 60, 60], "seen": [18, 2, 10, 15, 30, 30, 30], "seen_share": [0.9, 2 / 3, 0.5, 0.5, 0.5, 0.5, 0.5]},
        index=pd.Index(["North", "South", "East", "West", "Central", "Coast", "Downs"], name="team"),
    )
    return with_roles(table, Roles(("children", "seen"), shares={"seen_share": ("seen", "children")}))


def shown_on_page(monkeypatch) -> list[tuple]:
    """What the notebook module displays, in order: ("chart", what the chart drew, alt) and ("table", text, caption)."""
    from readiness.pack import notebook

    shown = []
    monkeypatch.setattr(notebook, "show_chart", lambda drawn, alt: shown.append(("chart", drawn, alt)))
    monkeypatch.setattr(notebook, "show_table", lambda table, caption: shown.append(("table", table, caption)))
    return shown


def fake_chart(values, title: str, **options):
    """Stands in for a chart function: returns what it was asked to draw."""
    return {"values": values, "title": title, **options}


def test_show_writes_each_column_by_its_role_and_withholds_by_the_tables_roles(monkeypatch):
    shown = shown_on_page(monkeypatch)
    make_pack().show(seen_by_team(), "Children seen, by team")
    [(kind, text, caption)] = shown
    assert (kind, caption) == ("table", "Children seen, by team")
    assert list(text.columns) == ["Children", "Seen", "Seen (%)"] and text.index.name == "Team"
    assert text.loc["West"].tolist() == ["30", "15", "50%"]
    assert text.loc[["North", "South", "East"]].eq("[c]").all().all()


def test_a_table_made_over_the_covered_months_shows_the_others_as_not_covered(monkeypatch):
    # the pack's period is January to March 2019; the return covers from 10 February
    covered = Period.of(date(2019, 2, 10), date(2019, 3, 31))
    table = pd.DataFrame({"contacts": [40, 30]}, index=pd.Index(["2019-02", "2019-03"], name="month"))
    shown = shown_on_page(monkeypatch)
    make_pack().show(with_roles(table, Roles(("contacts",), covered=covered)), "Contacts by month")
    text = shown[0][1]
    assert text["Contacts"].to_dict() == {"2019-01": "not covered", "2019-02 (partial: from 2019-02-10)": "40", "2019-03": "30"}


def test_chart_then_table_draws_the_board_safe_column_then_shows_the_table(monkeypatch):
    shown = shown_on_page(monkeypatch)
    make_pack().chart_then_table(
        seen_by_team(), fake_chart, columns="seen_share", title="Seen, by team", alt="Bar chart: seen.", caption="Seen"
    )
    assert [event[0] for event in shown] == ["chart", "table"]
    _, drawn, alt = shown[0]
    assert alt == "Bar chart: seen." and drawn["title"] == "Seen, by team"
    assert drawn["values"].isna().tolist() == [True, True, True, False, False, False, False] and drawn["values"]["West"] == 0.5
    assert shown[1][2] == "Seen" and shown[1][1].loc["West", "Seen (%)"] == "50%"


def test_chart_then_table_works_out_disclosure_control_once_for_both(monkeypatch):
    from readiness.pack import notebook

    worked = []
    monkeypatch.setattr(notebook, "publish_coarser", lambda *args, **kwargs: worked.append(args) or publish_coarser(*args, **kwargs))
    shown_on_page(monkeypatch)
    make_pack().chart_then_table(seen_by_team(), fake_chart, columns="seen_share", title="t", alt="a", caption="c")
    assert len(worked) == 1


def test_chart_draws_several_columns_headed_in_words_or_shares_of_a_denominator(monkeypatch):
    shown = shown_on_page(monkeypatch)
    pack = make_pack()
    pack.chart(seen_by_team(), fake_chart, columns=["children", "seen"], title="Counts", alt="Bars.")
    pack.chart(seen_by_team(), fake_chart, columns=["seen"], per="children", title="Shares", alt="Bars.", target=0.8)
    counts, shares = shown[0][1], shown[1][1]
    assert list(counts["values"].columns) == ["Children", "Seen"] and counts["values"].loc["West"].tolist() == [30, 15]
    assert list(shares["values"].columns) == ["Seen"] and shares["target"] == 0.8
    assert shares["values"]["Seen"].iloc[:3].isna().all()  # North, South and East: 18 and 10 seen withheld, South's 3 and 2
    assert shares["values"].at["West", "Seen"] == 0.5  # 15 of 30


def spc_pack(**extra) -> Pack:
    """A year of monthly shares out of 100: audits with a planted shift, assessments pure noise (tests/pack/test_figures.py)."""
    from readiness.indicators.figure import share

    months = ["2024-10", "2024-11", "2024-12"] + [f"2025-{m:02d}" for m in range(1, 10)]
    shifted = [50, 54, 48, 52, 46, 58, 62, 57, 61, 59, 63, 60]
    noise = [85, 88, 83, 86, 84, 87, 85, 88, 83, 86, 84, 82]
    figures = {
        "audits.good_or_better_share": share(sum(shifted), 1200),
        "audits.monthly.good_or_better_share": {m: share(n, 100) for m, n in zip(months, shifted)},
        "assessments.within_45_working_days_share": share(sum(noise), 1200),
        "assessments.monthly.within_45_working_days_share": {m: share(n, 100) for m, n in zip(months, noise)},
        "audits.worker_participated_share": share(30, 60),
    }
    params = Params(pack_id="t", la_name="T", period_start=date(2024, 10, 1), period_end=date(2025, 9, 30), **extra)
    return Pack(params, Inputs(), figures)


def test_headlines_say_rose_only_from_spc():
    pack = spc_pack()
    # 670 of 1,200 = 55.8%: the last seven months above the centre, a special-cause improvement
    # each named as its declaration's sentence phrase (in_sentence), else by its label
    assert pack.headline("audits.good_or_better_share") == (
        "Good or better audits: 56% over the period (1,200 in all). It rose beyond its usual range (special-cause improvement)."
    )
    # 1,021 of 1,200 = 85.1%; 88% in two months and 82% last, yet common cause: limits 77.1% and 93.1%
    assert pack.headline("assessments.within_45_working_days_share") == (
        "Assessments completed within 45 working days: 85% over the period (1,200 in all). It varies within its usual range (77% to 93%)."
    )
    # no monthly series: the period's figure alone
    assert pack.headline("audits.worker_participated_share") == "Audits done with the case-holding worker: 50% over the period (60 in all)."


def test_show_xmr_displays_the_chart_with_its_finding_and_alt_text(monkeypatch):
    shown = []
    monkeypatch.setattr(display, "display", lambda html: shown.append(html.data))
    spc_pack(targets={"audits.good_or_better_share": 0.7}).show_xmr("audits.good_or_better_share")  # on_chart: "Good or better audits"
    assert len(shown) == 1 and shown[0].startswith('<figure class="chart"><img src="data:image/svg+xml;base64,')
    assert (
        'alt="XmR chart of Good or better audits by month, October 2024 to September 2025 (12 months). From the local extract. Target 70%.'
        in shown[0]
    )
    assert (
        "The latest month shows special-cause improvement. Assurance: the limits say it will not meet the target without change."
        in shown[0]
    )


def test_xmr_takes_months_an_earlier_pack_holds_before_this_period(tmp_path):
    import json

    earlier = tmp_path / "earlier.json"
    earlier.write_text(
        json.dumps(
            {"audience": "public", "figures": {"audits.monthly.good_or_better_share": {"2024-08": 0.5, "2024-09": 0.52, "2024-10": 0.9}}}
        ),
        encoding="utf-8",
    )
    xmr = spc_pack(history=[earlier]).xmr("audits.monthly.good_or_better_share")
    # August and September come from the earlier pack; October is this pack's own (50 of 100), not the earlier 90%
    assert xmr.before == {"2024-08", "2024-09"} and xmr.sources["2024-08"] == "history" and xmr.sources["2024-10"] == "extract"
    assert list(xmr.points)[:3] == ["2024-08", "2024-09", "2024-10"] and xmr.points["2024-10"] == 0.5
    assert xmr.reading.points == 14


def test_a_sections_withholding_note_follows_the_audience():
    assert make_pack(audience="public", suppress_up_to=10).withholding_note() == (
        "- Numbers from 1 to 10 are withheld as [c]. Other counts are rounded to the nearest 5 (see the vital signs)."
    )
    assert make_pack(audience="public", round_to=10).withholding_note().endswith("rounded to the nearest 10 (see the vital signs).")
    assert make_pack(audience="internal").withholding_note().startswith("- Nothing is withheld")


def team_timeliness() -> pd.DataFrame:
    """Completed and timed assessments by team; the table shows completed, within and the share, not timed."""
    table = pd.DataFrame(
        {"completed": [40, 30, 9], "timed": [40, 28, 4], "within": [30, 21, 3], "within_share": [30 / 40, 21 / 28, 3 / 4]},
        index=pd.Index(["North", "South", "East"], name="team"),
    )
    return with_roles(table, Roles(("completed", "within"), shares={"within_share": ("within", "timed")}))


def test_a_funnel_places_each_team_by_its_denominator_withheld_as_a_count_would_be():
    internal = make_pack(audience="internal").funnel_values(team_timeliness(), "within_share")
    assert internal.to_dict("index") == {
        "North": {"within_share": 0.75, "denominator": 40},
        "South": {"within_share": 0.75, "denominator": 28},
        "East": {"within_share": 0.75, "denominator": 4},
    }
    # public: East's 4 timed and 3 within are withheld (1 to 5), and South's 28 and 21, the smallest others in their
    # columns, with them (the columns' sums are published): only North is placed
    public = make_pack(audience="public").funnel_values(team_timeliness(), "within_share")
    assert public.loc["North"].to_list() == [0.75, 40] and public.drop("North").isna().all().all()


def test_funnel_then_table_names_a_team_outside_the_limits(monkeypatch):
    shown = []
    monkeypatch.setattr(display, "display", lambda html: shown.append(html.data))
    table = with_roles(
        pd.DataFrame(
            {"timed": [100, 100, 100], "within": [60, 90, 90], "within_share": [0.6, 0.9, 0.9]},
            index=pd.Index(["North", "South", "East"], name="team"),
        ),
        Roles(("timed", "within"), shares={"within_share": ("within", "timed")}),
    )
    make_pack(audience="internal").funnel_then_table(table, "within_share", "Within 45 days, by team", "Funnel plot", "By team")
    chart, sentence, _table = shown
    assert chart.startswith('<figure class="chart"><img src="data:image/svg+xml;base64,') and 'alt="Funnel plot"' in chart
    # overall 240 / 300 = 80%; n = 100: 99.8% limits .8 ± 3.09 × .04 = .6764 to .9236: North's 60% is below
    assert "Outside the 99.8% limits around the overall 80%" in sentence and "North (60%, below: worse)" in sentence
