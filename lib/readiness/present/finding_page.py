"""What the findings section shows of one finding, as tables of words: its linked figures from the inspection to now,
its actions (wording only in a Board edition), its audit domains' routine good-or-better share by month, and the
readiness line. Every value comes as the edition publishes it (``[c]`` where withheld); nothing here withholds."""

from __future__ import annotations

from typing import Mapping, Sequence

import pandas as pd

from readiness.config.catalogue import describe
from readiness.config.figures import monthly_id
from readiness.config.params import Params
from readiness.disclosure.control import SUPPRESSED

from .findings import DOMAIN_FIGURE, Evidence, Readiness
from .formatting import NO_DATA, format_figure
from .targets import target_in_force
from .vitals import format_target

TREND_WORDS = {
    "improvement": "Improving beyond normal variation (special-cause improvement)",
    "concern": "Worse beyond normal variation (special-cause concern)",
    "common_cause": "No change beyond normal variation yet (common cause)",
    "high": "Higher than normal variation (special cause)",
    "low": "Lower than normal variation (special cause)",
}
NO_READING = "Too few months for a reading yet"
STATE_WORDS = {
    "complete": "Done",
    "overdue": "Overdue",
    "on_track": "On track",
    "at_risk": "At risk",
    "off_track": "Off track",
    "not_started": "Not started",
    "not_recorded": "No status recorded",
}
RATING_WORDS = {"red": "Red", "amber": "Amber", "green": "Green", None: "Not rated"}


def trend_words(figure_id: str, variations: Mapping[str, str | None]) -> str:
    """The SPC reading of a figure's monthly series in words; ``–`` when it has no monthly series."""
    series_id = monthly_id(figure_id)
    if series_id not in variations:
        return NO_DATA
    variation = variations[series_id]
    return NO_READING if variation is None else TREND_WORDS[variation]


def shown(values: Mapping[str, object], suppressed: set[str], figure_id: str) -> object:
    """A figure's value as an edition shows it: ``[c]`` where withheld, else the published value (``None``: none)."""
    return SUPPRESSED if figure_id in suppressed else values.get(figure_id)


def figure_rows(
    evidence: Sequence[Evidence],
    now: tuple[Mapping[str, object], set[str]],
    baseline: Mapping[str, object] | None,
    last_board: Mapping[str, object] | None,
    variations: Mapping[str, str | None],
    params: Params,
) -> pd.DataFrame:
    """One row per linked figure, named by its label: at the inspection (the ``baseline`` pack), at the last Board (the
    latest ``history`` pack), now (``now``: the published values and the withheld ids), the target in force at the
    period end, and the rating and SPC reading in words that readiness read (``evidence``, ``variations``: worked out
    on the exact figures, so a published edition's page never contradicts its rating). A column without its pack says ``–``."""
    values, suppressed = now
    rows = []
    for found in evidence:
        figure_id, indicator = found.figure_id, describe(found.figure_id)
        value = shown(values, suppressed, figure_id)
        target = target_in_force(params.targets.get(figure_id), params.period_end)
        rating = found.rating
        rows.append(
            {
                "Figure": indicator.label,
                "At inspection": format_figure((baseline or {}).get(figure_id), figure_id),
                "Last Board": format_figure((last_board or {}).get(figure_id), figure_id),
                "Now": format_figure(value, figure_id),
                "Target": format_target(target, indicator.kind, figure_id),
                "Rating": RATING_WORDS[rating] if target is not None else NO_DATA,
                "Trend": trend_words(figure_id, variations),
            }
        )
    return pd.DataFrame(rows, columns=["Figure", "At inspection", "Last Board", "Now", "Target", "Rating", "Trend"]).set_index("Figure")


def action_rows(actions: pd.DataFrame) -> pd.DataFrame:
    """A Board edition's list of a finding's actions: what (the rows), the owner's role in words, due, done and the state in words."""

    def day(value) -> str:
        return NO_DATA if pd.isna(value) else f"{value:%d %b %Y}"

    return pd.DataFrame(
        {
            "Owner": [role_words(r) for r in actions["owner_role"]],
            "Due": [day(v) for v in actions["due_date"]],
            "Done": [day(v) for v in actions["completed_date"]],
            "Progress": [STATE_WORDS[s] for s in actions["state"]],
        },
        index=pd.Index(actions["action"].tolist(), name="Action"),
    )


def role_words(role: object) -> str:
    """An owner's role in words: ``head_of_service`` → ``Head of service``; blank → ``Not recorded``."""
    if role is None or pd.isna(role):
        return "Not recorded"
    text = str(role).replace("_", " ").strip()
    return f"{text[:1].upper()}{text[1:]}"


def owners_sentence(actions: pd.DataFrame) -> str:
    """The roles that own a finding's actions, in words: ``Owners: Head of service front door, Service manager mash.``"""
    roles = sorted({role_words(r) for r in actions["owner_role"]})
    return f"Owners: {', '.join(roles)}." if roles else "No actions in the plan yet."


def domain_months(series: Mapping[str, Mapping[str, object]], domains: Sequence[str]) -> pd.DataFrame:
    """The linked audit domains' routine good-or-better share by month, as published (a withheld month missing): one
    column per domain in words, months as rows; no columns for domains the audits do not grade."""
    columns = {}
    for domain in domains:
        months = series.get(f"{monthly_id(DOMAIN_FIGURE)}.{domain}")
        if isinstance(months, Mapping):
            columns[role_words(domain)] = {m: v if isinstance(v, (int, float)) else None for m, v in months.items()}
    return pd.DataFrame(columns).sort_index().astype(float)


PROGRESS_WORDS = (
    ("complete", "done"),
    ("on_track", "on track"),
    ("overdue", "overdue"),
    ("other", "other (at risk, off track or not started)"),
)


def count_words(value: object, threshold: int) -> str:
    """A Board-safe count in words: ``none`` for 0, ``1 to 5`` where withheld (``threshold`` 5), else the number."""
    if isinstance(value, str) and value == SUPPRESSED:
        return f"1 to {threshold}"
    return "none" if value == 0 else f"{int(value):,}"


def progress_sentence(safe: pd.Series, threshold: int) -> str:
    """A finding's actions from a Board-safe row of :func:`readiness.indicators.improvement_plan.action_counts`:
    ``Its actions: 4 in all; 2 done, 1 on track, none overdue, 1 other (at risk, off track or not started).``"""
    parts = ", ".join(f"{count_words(safe[column], threshold)} {words}" for column, words in PROGRESS_WORDS)
    return f"Its actions: {count_words(safe['actions'], threshold)} in all; {parts}."


def mock_sentence(safe: pd.DataFrame, threshold: int) -> str:
    """The mock inspection's actions on a finding's themes, from a Board-safe table of actions by theme (rows: themes
    in words; ``actions`` and ``overdue`` counts): ``The mock inspection set actions on its themes: Assessment, 1 to 5
    (none overdue).``"""
    if safe.empty:
        return "The mock inspection set no actions on its themes."
    parts = [
        f"{theme}, {count_words(row['actions'], threshold)} ({count_words(row['overdue'], threshold)} overdue)"
        for theme, row in safe.iterrows()
    ]
    return f"The mock inspection set actions on its themes: {'; '.join(parts)}."


def readiness_sentence(readiness: Readiness) -> str:
    """The readiness line in Markdown: ``**Readiness: Red.** An action is overdue.``"""
    return f"**Readiness: {RATING_WORDS[readiness.rating]}.** {readiness.why}"
