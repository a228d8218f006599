"""A sampled child's journey across the Annex A return, and the team holding the case.

The events name the lists' columns as the readers normalise them (:data:`readiness.inputs.annex_a_tables.ANNEX_A`;
a test holds every name to that declaration). List 9 carries no event date of its own in the 2019 layout, so each
care-leaver row is an event at the snapshot; List 11's adopters join the journey of a List 10 child who shares their
``family_id``. A child's team is the ``Allocated Team`` of its row with the latest key date (List 9 rows dated at
the snapshot); a child on no list with a team takes the organisation that completed its early help assessment
(List 2), else ``Not recorded``.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from readiness.inputs.bundle import Inputs
from readiness.inputs.values import clean_cells, parse_date

NO_TEAM = "Not recorded"
COLUMNS = ["child_id", "date", "list", "event", "team", "worker"]
SNAPSHOT = "snapshot"  # the date of List 9's event: the return's snapshot
EVENTS: dict[int, tuple[tuple[str, str], ...]] = {
    1: (("contact_date", "Contact"),),
    2: (("assessment_start", "Early help assessment started"), ("assessment_completion", "Early help assessment completed")),
    3: (("referral_date", "Referral"),),
    4: (("assessment_start", "Assessment started"), ("authorisation_date", "Assessment authorised")),
    5: (("strategy_date", "Strategy discussion (section 47 enquiry)"), ("icpc_date", "Initial child protection conference")),
    6: (("cin_start", "Child in need episode started"), ("last_seen", "Last seen"), ("cin_closure", "Child in need episode closed")),
    7: (
        ("cp_start", "Child protection plan started"),
        ("last_visit", "Last statutory visit"),
        ("latest_review", "Latest review conference"),
        ("cp_end", "Child protection plan ended"),
    ),
    8: (
        ("looked_after_start", "Started to be looked after"),
        ("legal_status_start", "Current legal status started"),
        ("placement_start", "Most recent placement started"),
        ("latest_review", "Latest statutory review"),
        ("last_visit", "Last social work visit"),
        ("last_iro_contact", "Last IRO visit or contact"),
        ("last_health_assessment", "Last health assessment"),
        ("looked_after_end", "Ceased to be looked after"),
    ),
    9: (
        (SNAPSHOT, "Care leaver at the snapshot"),
        ("pathway_plan_review", "Latest pathway plan review"),
        ("latest_contact", "Latest contact (care leaver)"),
    ),
    10: (
        ("entered_care", "Entered care"),
        ("ffa_placed", "Placed for fostering for adoption or concurrent planning"),
        ("placement_decision", "Decision: to be placed for adoption"),
        ("placement_order", "Placement order"),
        ("matched", "Matched with prospective adopters"),
        ("placed", "Placed for adoption"),
        ("adoption_order", "Adoption order"),
        ("no_longer_decision", "Decision: no longer to be placed for adoption"),
    ),
    11: (
        ("application_approved", "Adopters approved"),
        ("matched", "Adopters matched with the child"),
        ("placed", "Child placed with the adopters"),
        ("adoption_order", "Adoption order (adopters' record)"),
        ("left_process", "Adopters left the adoption process"),
    ),
}
KEY_DATES = {
    3: "referral_date",
    4: "assessment_start",
    5: "strategy_date",
    6: "cin_start",
    7: "cp_start",
    8: "looked_after_start",
    9: SNAPSHOT,
}
"""The lists naming an ``Allocated Team``, by the key date a child's latest row is chosen on."""
EARLY_HELP_TEAM = (2, "assessment_start", "organisation")


def as_dates(values: pd.Series) -> pd.Series:
    """A date column as dates (unchecked lists, such as List 11, keep their dates as text)."""
    if pd.api.types.is_datetime64_any_dtype(values):
        return values
    return parse_date(clean_cells(values.astype("string")))


def text_or_blank(rows: pd.DataFrame, column: str) -> pd.Series:
    """``rows[column]`` as text, blank where the list has no such column."""
    return rows[column].astype("string") if column in rows else pd.Series(pd.NA, index=rows.index, dtype="string")


def dated(rows: pd.DataFrame, column: str, snapshot: date) -> pd.Series:
    """The dates of ``column`` (the snapshot for :data:`SNAPSHOT`), blank where the list has no such column."""
    if column == SNAPSHOT:
        return pd.Series(pd.Timestamp(snapshot), index=rows.index)
    return as_dates(rows[column]) if column in rows else pd.Series(pd.NaT, index=rows.index)


def adopters_of(inputs: Inputs, wanted: set[str]) -> pd.DataFrame | None:
    """List 11's rows for the ``wanted`` children of List 10, one per family, each with the child's ``child_id``
    (a family with two adopters has one event per date, not two)."""
    adoption, adopters = inputs.annex_list(10), inputs.annex_list(11)
    if adoption is None or adopters is None or "family_id" not in adoption or "family_id" not in adopters:
        return None
    families = adoption.loc[adoption["child_id"].isin(wanted), ["child_id", "family_id"]].dropna().drop_duplicates()
    families = families.astype({"family_id": "string"})
    homes = adopters.dropna(subset=["family_id"]).astype({"family_id": "string"}).drop_duplicates("family_id")
    return families.merge(homes.drop(columns=["child_id"], errors="ignore"), on="family_id")


def list_rows(inputs: Inputs, number: int, wanted: set[str]) -> pd.DataFrame | None:
    """The rows of list ``number`` about the ``wanted`` children (List 11: their adopters)."""
    if number == 11:
        return adopters_of(inputs, wanted)
    rows = inputs.annex_list(number)
    return None if rows is None else rows[rows["child_id"].isin(wanted)]


def journeys(inputs: Inputs, children: pd.Series, snapshot: date) -> pd.DataFrame:
    """Every dated event of ``children`` across the Annex A lists present: child, date, list, event, team, worker
    (List 2's team is the organisation completing the assessment); by child, then date, then list."""
    wanted, events = set(children), []
    for number, columns in EVENTS.items():
        rows = list_rows(inputs, number, wanted)
        if rows is None or rows.empty:
            continue
        team = text_or_blank(rows, "organisation" if number == 2 else "team")
        for column, event in columns:
            frame = pd.DataFrame(
                {
                    "child_id": rows["child_id"],
                    "date": dated(rows, column, snapshot),
                    "list": f"List {number}",
                    "event": event,
                    "team": team,
                    "worker": text_or_blank(rows, "worker"),
                }
            )
            events.append(frame.dropna(subset=["date"]))
    if not events:
        return pd.DataFrame(columns=COLUMNS)
    return pd.concat(events, ignore_index=True)[COLUMNS].sort_values(["child_id", "date"], kind="stable", ignore_index=True)


def team_rows(inputs: Inputs, lists: dict[int, str], team: str, snapshot: date) -> pd.DataFrame:
    """Every row of ``lists`` (number → key date) with a ``team`` named: child, team, day."""
    rows = []
    for number, key_date in lists.items():
        frame = inputs.annex_list(number)
        if frame is None or team not in frame:
            continue
        rows.append(
            pd.DataFrame({"child_id": frame["child_id"], "team": frame[team].astype("string"), "day": dated(frame, key_date, snapshot)})
        )
    if not rows:
        return pd.DataFrame(columns=["child_id", "team", "day"])
    return pd.concat(rows, ignore_index=True).dropna(subset=["child_id", "team"])


def latest_team(rows: pd.DataFrame) -> pd.Series:
    """child → the team of its row with the latest day (a row without a day counts as earliest; ties: the later list)."""
    ordered = rows.assign(day=rows["day"].fillna(pd.Timestamp.min)).sort_values(["child_id", "day"], kind="stable")
    return ordered.drop_duplicates("child_id", keep="last").set_index("child_id")["team"]


def latest_teams(inputs: Inputs, children: pd.Series, snapshot: date) -> list[str]:
    """Each child's team (module docstring), ``Not recorded`` when no list names one."""
    allocated = latest_team(team_rows(inputs, KEY_DATES, "team", snapshot))
    number, key_date, column = EARLY_HELP_TEAM
    early_help = latest_team(team_rows(inputs, {number: key_date}, column, snapshot))
    return [str(allocated.get(child, early_help.get(child, NO_TEAM))) for child in children]
