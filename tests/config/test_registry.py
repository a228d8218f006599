"""The figure registry (``readiness.config.figures``): declarations on the functions, read in one place each."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

from readiness.config.catalogue import TABLE_FAMILIES, catalogue, describe, order, phrase
from readiness.config.figures import REGISTRY, Blank, H, L, Member, Registry, Theme, monthly_id, numerator
from readiness.paths import PACKAGE, notebook_files

# --- the mechanism, on a registry of its own ----------------------------------------------


def small_registry() -> Registry:
    """Two made-up themes: visits (a count, a share of it with a blank rule, a closed family, an open one, a series)
    and, in another 'module', a count declared first but listed second."""
    registry = Registry()
    visits = Theme("Visits", reads=("list_1.visit_date",), registry=registry)
    other = Theme("Other", registry=registry)

    def in_module(name):
        def move(function):
            function.__module__ = name
            return function

        return move

    @other.headline("other.count", "Others", "count")
    @in_module("second")
    def other_count():
        return 1

    @visits.headline("visits.count", "Visits", "count", sum_of=(numerator("visits.kind_share.home"), numerator("visits.kind_share.school")))
    @in_module("first")
    def visits_count():
        return 2

    @visits.headline(
        "visits.seen_share",
        "Visits where the child was seen",
        "share",
        H,
        reads=("list_1.seen",),
        denominator="visits.count",
        blank=(Blank("list_1.seen"),),
        in_sentence="Children seen",
    )
    @in_module("first")
    def seen_share():
        return 0.5

    @visits.family(
        "visits.kind_share",
        "Visits at {}",
        "share",
        members={"home": Member("home", H), "school": Member("school", L)},
        denominator="visits.count",
        blank=(Blank("list_1.seen", "the kind shares", when="visit_date"),),
    )
    @in_module("first")
    def kind_share(kind):
        return kind

    @visits.family("visits.area_share", "Visits in the {} area", "share", H, reads=("list_1.area_*",))
    @in_module("first")
    def area_share(area):
        return area

    @visits.monthly("visits.seen_share", reads=("list_1.seen",))
    @in_module("first")
    def monthly_seen_share():
        return {}

    registry.close(["first", "second"])
    return registry


def test_the_registry_cannot_be_read_before_it_is_closed():
    registry = Registry()
    with pytest.raises(RuntimeError, match="before readiness.indicators.themes is imported"):
        registry.declared()


def test_a_decorated_function_is_unchanged_and_names_its_id():
    registry = Registry()

    @Theme("T", registry=registry).headline("t.count", "Ts", "count")
    def t_count(n):
        return n + 1

    assert (t_count(1), t_count.figure_id) == (2, "t.count")


def test_the_order_is_the_modules_listed_then_each_modules_declarations():
    ids = [d.id for d in small_registry().declared()]
    assert ids == [
        "visits.count",
        "visits.seen_share",
        "visits.kind_share",
        "visits.area_share",
        "visits.monthly.seen_share",
        "other.count",
    ]


def test_an_id_declared_twice_or_in_a_module_not_listed_is_an_error():
    registry = Registry()
    theme = Theme("T", registry=registry)
    theme.headline("t.count", "Ts", "count")(lambda: 1)
    theme.headline("t.count", "Ts again", "count")(lambda: 2)
    with pytest.raises(RuntimeError, match=r"modules not listed \[\], ids declared twice \['t.count'\]"):
        registry.close([__name__])
    with pytest.raises(RuntimeError, match=rf"modules not listed \['{__name__}'\]"):
        registry.close(["elsewhere"])


def test_nothing_is_declared_after_closing():
    registry = small_registry()
    with pytest.raises(RuntimeError, match="late.count is declared after the figure registry was closed"):
        Theme("T", registry=registry).headline("late.count", "Late", "count")(lambda: 1)


def test_a_family_member_is_found_by_its_family_a_closed_familys_strangers_are_not():
    registry = small_registry()
    assert registry.find("visits.kind_share.home").id == "visits.kind_share"
    assert registry.find("visits.kind_share.hospital") is None
    assert registry.find("visits.area_share.north").id == "visits.area_share"  # open: any member
    assert registry.find("visits.seen_share").in_sentence == "Children seen"
    assert registry.find("visits.unknown") is None


def test_a_column_is_read_by_the_themes_figures_and_those_naming_it():
    registry = small_registry()
    assert registry.readers("list_1.visit_date") == (
        "visits.count",
        "visits.seen_share",
        "visits.kind_share",
        "visits.area_share",
        "visits.monthly.seen_share",
    )
    assert registry.readers("list_1.seen") == ("visits.seen_share", "visits.monthly.seen_share")
    assert registry.readers("list_1.area_*") == ("visits.area_share",)
    assert registry.readers("list_2.seen") == ()


def test_denominators_sums_and_blank_rules_come_from_the_declarations():
    registry = small_registry()
    assert registry.denominators() == {
        "visits.seen_share": "visits.count",
        "visits.kind_share.home": "visits.count",
        "visits.kind_share.school": "visits.count",
    }
    assert registry.sums() == (("visits.count", ("visits.kind_share.home:numerator", "visits.kind_share.school:numerator")),)
    # a rule without words lists the ids declaring it; one with words says them
    assert registry.blank_rules("list_1") == (("seen", "visits.seen_share", None), ("seen", "the kind shares", "visit_date"))
    assert registry.blank_rules("list_2") == ()


def test_a_figure_computed_in_line_is_declared_beside_it_by_the_module_declaring_it():
    registry = Registry()
    theme = Theme("T", reads=("list_1.d",), registry=registry)
    rate, series = theme.figure("t.rate_per_10k", "Ts per 10,000", "rate"), theme.series("t.count")
    registry.close([__name__])
    assert (rate, series) == ("t.rate_per_10k", "t.monthly.count")
    assert registry.readers("list_1.d") == ("t.rate_per_10k", "t.monthly.count")
    assert (registry.find(rate).module, registry.find(series).series) == (__name__, True)


def test_a_monthly_series_id_puts_monthly_after_the_theme():
    assert monthly_id("audits.good_or_better_share") == "audits.monthly.good_or_better_share"


# --- the pack's registry -------------------------------------------------------------------


def test_the_catalogue_lists_a_closed_familys_members_with_their_own_label_and_direction():
    by_id = {indicator.id: indicator for indicator in catalogue()}
    assert (by_id["audits.grade_share.good"].label, by_id["audits.grade_share.good"].better) == ("Audits graded Good", H)
    assert (by_id["audits.grade_share.inadequate"].label, by_id["audits.grade_share.inadequate"].better) == ("Audits graded Inadequate", L)
    domain = describe("audits.domain_good_or_better_share.voice_of_child")
    assert (domain.label, domain.kind, domain.better, domain.theme) == (
        "Audits with the voice of child domain graded good or better",
        "share",
        H,
        "Case audits",
    )


def test_an_open_familys_members_stand_by_id_just_before_the_entry_declared_after_it():
    ids = [
        "audits.moderation_downgrade_share",
        "audits.domain_good_or_better_share.plan",
        "audits.moderation_agreement_share",
        "audits.domain_good_or_better_share.child_voice",
    ]
    assert sorted(ids, key=order) == [ids[2], ids[3], ids[1], ids[0]]


def test_a_page_names_a_figure_by_the_phrase_its_declaration_gives_else_by_its_label():
    assert phrase("audits.good_or_better_share", "sentence") == "Good or better audits"
    assert phrase("audits.good_or_better_share", "chart") == "Good or better audits"
    assert phrase("audits.worker_participated_share", "chart") == "Audits done with the case-holding worker"


# --- one declaration per figure -------------------------------------------------------------


def code_strings(path: Path) -> set[str]:
    """The string constants of a module's code (f-strings' fixed parts too), its docstrings and comments left out."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    prose = {id(node.value) for node in ast.walk(tree) if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)}
    return {
        node.value for node in ast.walk(tree) if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in prose
    }


def names(strings: set[str], figure_id: str) -> bool:
    """Whether a module's ``strings`` name ``figure_id``: the id itself, a family's prefix (``audits.grade_share``) or an
    f-string's fixed head (``audits.grade_share.`` of ``f"audits.grade_share.{grade}"``, ``care_leavers.dfe.age_``)."""
    prefix = figure_id.rpartition(".")[0]
    declared = REGISTRY.find(figure_id)
    heads = {text for text in strings if "." in text and text.endswith((".", "_")) and figure_id.startswith(text)}
    return figure_id in strings or bool(heads) or (declared is not None and declared.family and prefix in strings)


def modules_naming(ids) -> dict[str, list[str]]:
    """For each id, the modules of lib/ whose code names it."""
    modules = {path.relative_to(PACKAGE).as_posix(): code_strings(path) for path in sorted(PACKAGE.rglob("*.py"))}
    return {figure_id: [module for module, strings in modules.items() if names(strings, figure_id)] for figure_id in ids}


def test_names_are_found_in_code_and_f_strings_not_in_docstrings(tmp_path):
    module = tmp_path / "m.py"
    module.write_text(
        '"""audits.count."""\nA = "audits.count"\nB = f"strategy.attendance_share.{x}"\nC = f"care_leavers.dfe.age_{a}.{f}"\n"""audits.reaudit_count"""\n',
        encoding="utf-8",
    )
    assert code_strings(module) == {"audits.count", "strategy.attendance_share.", "care_leavers.dfe.age_", "."}
    assert names(code_strings(module), "strategy.attendance_share.police")
    assert names(code_strings(module), "care_leavers.dfe.age_17_18.eet_share")
    assert not names(code_strings(module), "audits.reaudit_count")


def declared_ids(ids) -> list[str]:
    return sorted(i for i in ids if REGISTRY.find(i) is not None)


def test_every_declared_figure_is_named_in_its_declaring_module_only():
    ids = [indicator.id for indicator in catalogue()]
    naming = modules_naming(declared_ids(ids))
    assert {i: found for i, found in naming.items() if len(found) != 1} == {}
    assert all(found[0] == REGISTRY.find(i).module.removeprefix("readiness.").replace(".", "/") + ".py" for i, found in naming.items())


def test_every_headline_id_of_the_demo_pack_is_declared_and_named_in_one_module(demo_pack):
    figures = json.loads((demo_pack / "figures.json").read_text(encoding="utf-8"))["figures"]
    # the equality section's cells (equality.<stage>.<dimension>.<group>) are a table, generated from the groups, not ids
    # any module names: the equality tests check them against the groups
    headline = [
        figure_id for figure_id, value in figures.items() if not isinstance(value, dict) and not figure_id.startswith(TABLE_FAMILIES)
    ]
    assert [i for i in headline if REGISTRY.find(i) is None] == []
    naming = modules_naming(headline)
    assert {i: found for i, found in naming.items() if len(found) > 1} == {}
    assert sum(len(found) == 1 for found in naming.values()) == len(headline)


LABELLED = ("headline", "show_xmr", "trend_title")
"""The notebook API's calls that name a headline figure in words (from its declaration)."""


def test_notebooks_name_headline_figures_by_id_only():
    labelled = []
    for notebook in notebook_files():
        for cell in json.loads(notebook.read_text(encoding="utf-8"))["cells"]:
            if cell["cell_type"] != "code":
                continue
            for node in ast.walk(ast.parse("".join(cell["source"]))):
                if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in LABELLED:
                    if len(node.args) != 1 or node.keywords:
                        labelled.append(f"{notebook.name}: {ast.unparse(node)}")
    assert labelled == []
