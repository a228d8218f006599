"""The findings section (``notebooks/00_findings.ipynb``): each finding's wording, readiness, actions and evidence, shown
through the pack, so every count passes disclosure control and every value is as the edition publishes it."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import pandas as pd

from readiness.config.references import read_baseline
from readiness.disclosure.control import suppress_figures
from readiness.indicators.actions import mock_inspection_findings
from readiness.indicators.improvement_plan import action_counts
from readiness.inputs.plan import names_in
from readiness.present import charts
from readiness.present.display import say, show_chart, show_table
from readiness.present.finding_page import (
    action_rows,
    domain_months,
    figure_rows,
    mock_sentence,
    owners_sentence,
    progress_sentence,
    readiness_sentence,
    role_words,
)
from readiness.present.findings import BoardLine, area_words, board_lines, lines_markdown
from readiness.present.vitals import history_values
from readiness.safetext import markdown_escape

from .notebook import Pack
from .plan import Plan, text_of


@dataclass
class FindingsSection:
    """One pack's findings section: what it shows of each finding, and the plan at a glance."""

    pack: Pack

    @property
    def board_edition(self) -> bool:
        """Whether this is the internal (Board) edition: tables of a few actions each, and their wording, are shown there only."""
        return self.pack.params.audience == "internal"

    @cached_property
    def plan(self) -> Plan:
        return Plan(self.pack)

    @cached_property
    def lines(self) -> dict[str, BoardLine]:
        """Each finding's line of the Board summary (its readiness, and whether another finding has its source and area)."""
        return {line.finding_id: line for line in board_lines(self.plan.document())}

    @cached_property
    def published(self) -> tuple[dict[str, object], set[str]]:
        """Every figure as this edition publishes it, and the withheld ids."""
        values, suppressed = suppress_figures(self.pack.figures, self.pack.threshold, self.pack.params.rounding)
        return values, set(suppressed)

    def earlier(self, document: dict | None) -> dict[str, object] | None:
        """An earlier pack's figures as this edition may show them (``None`` without that pack)."""
        return None if document is None else history_values(document, self.pack.threshold, self.pack.params.rounding)

    @property
    def ids(self) -> list[str]:
        """The findings, in the register's order."""
        return self.plan.findings["finding_id"].tolist()

    def name(self, finding_id: str) -> str:
        """A finding as a table names it: ``Front door, ILACS 2024 (F01)``."""
        row = self.row(finding_id)
        return f"{area_words(text_of(row['area']))}, {text_of(row['source'])} ({finding_id})"

    def row(self, finding_id: str) -> pd.Series:
        return self.plan.findings.set_index("finding_id").loc[finding_id]

    def heading(self, finding_id: str) -> str:
        """``### Front door: ILACS 2024 (13 December 2024), an area for priority action``: the finding's Markdown heading."""
        row = self.row(finding_id)
        priority = ", an area for priority action" if bool(pd.notna(row["priority"]) and row["priority"]) else ""
        when = "" if pd.isna(row["source_date"]) else f" ({row['source_date']:%d %B %Y})"
        which = (
            f", finding {markdown_escape(finding_id)}" if self.lines[finding_id].shared else ""
        )  # told apart from the other of its visit and area
        return f"### {markdown_escape(area_words(text_of(row['area'])))}: {markdown_escape(text_of(row['source']))}{when}{which}{priority}"

    def show_overview(self) -> None:
        """The readiness of every finding and, in a Board edition, the plan's actions by finding (a published edition's table
        of a few actions a finding would be all but withheld: it gives each finding's in words)."""
        say(lines_markdown(list(self.lines.values())))
        if len(self.plan.actions) and self.board_edition:
            counts = action_counts(
                self.plan.actions.assign(finding=self.plan.actions["finding_id"].map(self.name)), self.pack.params.period_end, by="finding"
            )
            self.pack.show(
                counts, "Improvement-plan actions by finding: done, on track, overdue and other (at risk, off track, not started)"
            )

    def show(self, finding_id: str) -> None:
        """One finding: its heading and wording, its readiness and why, its actions, figures, audit domains and the mock
        inspection's actions on its themes."""
        row = self.row(finding_id)
        say(self.heading(finding_id))
        say(f"> {markdown_escape(text_of(row['wording']))}")
        say(readiness_sentence(self.plan.readiness[finding_id]))
        self.show_actions(finding_id)
        evidence = self.plan.evidence(finding_id)
        if evidence:
            baseline = read_baseline(self.pack.params.baseline) if self.pack.params.baseline else None
            last_board = self.pack.history[-1] if self.pack.history else None
            table = figure_rows(
                evidence, self.published, self.earlier(baseline), self.earlier(last_board), self.plan.variations, self.pack.params
            )
            show_table(table, "The figures that evidence progress: at the inspection, at the last Board and now")
        self.show_domains(names_in(row["audit_domains"]))
        self.show_mock_themes(names_in(row["themes"]))

    def show_actions(self, finding_id: str) -> None:
        """A finding's owners and its actions counted (Board-safe); in a Board edition, counted by owner and listed in words."""
        actions = self.plan.actions[self.plan.actions["finding_id"] == finding_id]
        say(owners_sentence(actions))
        if actions.empty:
            return
        counts = self.pack.board_table(action_counts(actions, self.pack.params.period_end))
        say(progress_sentence(counts.iloc[0], self.pack.threshold))
        if self.board_edition:
            by_role = action_counts(
                actions.assign(owner_role=actions["owner_role"].map(role_words)), self.pack.params.period_end, by="owner_role"
            )
            self.pack.show(by_role, "Its actions by owner: done, on track, overdue and other")
            show_table(action_rows(actions), "Its actions (Board edition only: the published edition leaves their wording out)")

    def show_domains(self, domains: list[str]) -> None:
        """The linked audit domains' routine good-or-better share by month, as published."""
        months = domain_months(self.published[0], domains)
        if months.empty or months.isna().all().all():
            return
        names = " and ".join(months.columns).lower()
        title = f"Routine audits grading {names} good or better, by month"
        alt = f"Line chart: the share of routine audits grading {names} good or better, month by month, as published."
        show_chart(charts.share_trend(months, title), alt)

    def show_mock_themes(self, themes: list[str]) -> None:
        """Actions set by mock-inspection audits on the finding's themes (counts only, Board-safe)."""
        inputs = self.pack.inputs
        if not themes or inputs.audit_actions is None or inputs.case_audits is None:
            return
        table = mock_inspection_findings(inputs.audit_actions, inputs.case_audits, self.pack.period, 0)
        table = table[table.index.isin({*themes, *(role_words(theme) for theme in themes)})]  # the table names themes in words
        say(mock_sentence(self.pack.board_table(table), self.pack.threshold))
