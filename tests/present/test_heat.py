"""The heat table: shading by value, withheld cells grey and marked, labels as text."""

import pandas as pd

from readiness.present.heat import WITHHELD_SHADE, heat_table_html, shade


def test_shade_runs_from_pale_red_to_pale_green():
    # 0 -> (f2, d7, d5); 1 -> (c8, e6, c9); 0.5 -> halfway, rounded: (dd, de/df, cf)
    assert shade(0.0) == "#f2d7d5" and shade(1.0) == "#c8e6c9"
    assert shade(0.5) == "#dddecf"  # f2+c8=0x1ba -> 0xdd; d7+e6=0x1bd -> 221.5 -> 222 = de; d5+c9=0x19e -> 0xcf
    assert shade("[c]") == WITHHELD_SHADE and shade(None) == ""


def test_heat_table_marks_withheld_cells_and_escapes_labels():
    grid = pd.DataFrame({"2019-01": [0.75, "[c]"], "2019-02": [None, 0.5]}, index=pd.Index(["<b>Blue</b>", "Red"], name="team"))
    html = heat_table_html(grid, "Good or better by team and month")
    assert "<caption>Good or better by team and month</caption>" in html
    assert "&lt;b&gt;Blue&lt;/b&gt;" in html and "<b>" not in html
    assert f'<td style="background:{WITHHELD_SHADE}">[c]</td>' in html
    assert ">75%</td>" in html and "<td>–</td>" in html and ">50%</td>" in html
