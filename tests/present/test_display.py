"""``show_table``: a Board table as HTML, its rows' heading in the one heading row, its text data."""

import pandas as pd
import pytest

from readiness.present import display


@pytest.fixture()
def shown(monkeypatch):
    """The HTML each ``show_table`` displays."""
    html = []
    monkeypatch.setattr(display, "display", lambda item: html.append(item.data))
    return html


def heading_rows(html: str) -> list[str]:
    head = html.split("<thead>")[1].split("</thead>")[0]
    return [" ".join(row.split()) for row in head.split("</tr>")[:-1]]


def test_the_rows_heading_heads_their_column_in_the_one_heading_row(shown):
    table = pd.DataFrame({"Now": ["5%"], "Target": ["10%"]}, index=pd.Index(["Audits <b>"], name="Figure"))
    display.show_table(table, "Evidence & progress")
    (row,) = heading_rows(shown[0])
    assert row.endswith("<th>Figure</th> <th>Now</th> <th>Target</th>")
    assert "<caption>Evidence &amp; progress</caption>" in shown[0] and "<th>Audits &lt;b&gt;</th>" in shown[0]
    assert 'class="dataframe data"' in shown[0]


def test_a_table_of_twelve_columns_may_break_its_headings_inside_a_word_in_print(shown):
    display.show_table(pd.DataFrame([range(12)], columns=[f"Column {n}" for n in range(12)]).rename_axis("Team"), "Wide")
    display.show_table(pd.DataFrame([range(11)], columns=[f"Column {n}" for n in range(11)]).rename_axis("Team"), "Narrow")
    assert 'class="dataframe data many-columns"' in shown[0] and 'class="dataframe data"' in shown[1]


def test_columns_with_a_name_of_their_own_keep_both_heading_rows(shown):
    table = pd.DataFrame({"2024-10": [1]}, index=pd.Index(["North"], name="Team")).rename_axis(columns="Month")
    display.show_table(table, "By month")
    assert len(heading_rows(shown[0])) == 2
