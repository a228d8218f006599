"""Northbridge's local records of practice: case audits, the actions they set and re-audits, strategy meetings.

Audit grades improve over the window except in the lagging team, and moderation is stricter early on;
actions are set on time more often as the window goes on; police and social care attend nearly every
strategy meeting, health and education less. These are the ``case_audits``, ``audit_actions`` and
``strategy_meetings`` extracts, in their columns.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .draws import ACTIVITY_END, Scale, activity_days, add_working_days, last_working_day_by, pick, window_progress
from .journey import Journey

GRADES = np.array(["inadequate", "requires_improvement", "good", "outstanding"])
DOMAINS = {"voice_of_child": -0.25, "assessment": 0.1, "planning": 0.0, "management_oversight": -0.35}
AGENCIES = ("social_care", "police", "health", "education", "other")
AUDITOR_ROLES = {"team_manager": 55, "service_manager": 20, "practice_supervisor": 20, "external": 5}


def make_case_audits(rng, sc: Scale, journey: Journey) -> pd.DataFrame:
    """Case audits whose grades improve over time, except in the lagging team; moderation is stricter early on."""
    n = sc.audits
    kind = pick(rng, {"monthly": 75, "themed": 12, "practice_week": 10, "mock_inspection": 3}, n)
    day = _audit_days(rng, sc, kind)
    child, team = _audited_cases(rng, sc, journey, day)
    progress = window_progress(day, sc)
    lag = np.where(team == sc.lagging_team, -0.85 * progress - 0.15, 0.0)
    quality = 0.85 * progress + lag + rng.normal(0, 1, n)
    grade = _grade(quality)
    moderated = rng.random(n) < 0.2
    shift = np.select([rng.random(n) < 0.4 - 0.28 * progress, rng.random(n) < 0.04], [-1, 1], 0)
    audits = pd.DataFrame(
        {
            "audit_id": "",
            "child_id": journey.children["id"].to_numpy()[child],
            "audit_date": day,
            "team": team,
            "auditor_role": np.where(kind == "mock_inspection", "external", pick(rng, AUDITOR_ROLES, n)),
            "audit_type": kind,
            "worker_participated": np.where(rng.random(n) < 0.45 + 0.3 * progress, "Y", "N"),
            "grade": grade,
            "moderated_grade": np.where(moderated, GRADES[np.clip(_rank(grade) + shift, 0, 3)], None),
        }
    )
    for domain, offset in DOMAINS.items():
        graded = rng.random(n) > np.where(kind == "themed", 0.4, 0.06)
        audits[f"domain_{domain}"] = np.where(graded, _grade(quality + offset + rng.normal(0, 0.6, n)), None)
    audits = audits.sort_values(["audit_date", "team", "child_id"], kind="stable").reset_index(drop=True)
    audits["audit_id"] = [f"AUD{i:06d}" for i in range(1, n + 1)]
    return audits


def make_reaudits(rng, audits: pd.DataFrame) -> np.ndarray:
    """``reaudit_of``: most audits of a child audited before within 180 days re-audit that earlier audit."""
    earlier = audits.groupby("child_id")["audit_id"].shift()
    days = audits.groupby("child_id")["audit_date"].diff().dt.days
    chosen = earlier.notna() & (days <= 180) & (rng.random(len(audits)) < 0.8)
    return np.where(chosen, earlier, None)


ACTION_THEMES = {
    "planning": [
        "Update the child's plan with clear outcomes and timescales",
        "Hold a core group to review the plan and record the decisions",
    ],
    "voice_of_child": [
        "See the child alone and record their wishes and feelings",
        "Use direct work tools to capture the child's views before the next review",
    ],
    "management_oversight": [
        "Team manager to record a supervision decision on the case file",
        "Record management oversight of the change in risk",
    ],
    "chronology": ["Bring the chronology up to date with significant events"],
    "assessment": ["Update the assessment to reflect the new information from health"],
    "safety_planning": ["Agree a written safety plan with the family and partner agencies"],
}


def make_audit_actions(rng, sc: Scale, audits: pd.DataFrame) -> pd.DataFrame:
    """Actions set by audits: most weak audits set some, timescales and completion on time improve over the window."""
    final = audits["moderated_grade"].fillna(audits["grade"]).to_numpy()
    day = audits["audit_date"].to_numpy("datetime64[D]")
    progress = window_progress(day, sc)
    weak = np.isin(final, ["requires_improvement", "inadequate"])
    has_any = rng.random(len(audits)) < np.where(weak, 0.55 + 0.4 * progress, 0.25)
    n = np.where(has_any, rng.integers(1, 4, len(audits)), 0)
    row = np.repeat(np.arange(len(audits)), n)
    progress, start = progress[row], day[row]
    due = start + rng.integers(10, 43, len(row))
    done = due + np.round(rng.normal(-3 - 6 * progress, 8)).astype(int)
    theme = np.array(list(ACTION_THEMES))[rng.integers(0, len(ACTION_THEMES), len(row))]
    wording = [ACTION_THEMES[t][i % len(ACTION_THEMES[t])] for i, t in zip(rng.integers(0, 2, len(row)), theme)]
    return pd.DataFrame(
        {
            "action_id": [f"ACT{i:06d}" for i in range(1, len(row) + 1)],
            "audit_id": audits["audit_id"].to_numpy()[row],
            "due_date": np.where(rng.random(len(row)) < 0.35 - 0.3 * progress, np.datetime64("NaT"), due),
            "completed_date": np.where((rng.random(len(row)) < 0.1) | (done > ACTIVITY_END), np.datetime64("NaT"), np.maximum(done, start)),
            "theme": theme,
            "action": wording,
        }
    )


def _grade(quality: np.ndarray) -> np.ndarray:
    """Grade codes from a latent practice-quality score."""
    return GRADES[np.digitize(quality, [-1.0, 0.4, 1.9])]


def _rank(grades: np.ndarray) -> np.ndarray:
    """0 (inadequate) to 3 (outstanding) for each grade code."""
    return pd.Series(grades).map({grade: rank for rank, grade in enumerate(GRADES)}).to_numpy(int)


def _audit_days(rng, sc: Scale, kind: np.ndarray) -> np.ndarray:
    """Monthly and themed audits spread over the window; practice weeks and mock inspections bunched."""
    span = ACTIVITY_END - sc.start
    weeks = {"practice_week": [0.2, 0.5, 0.8], "mock_inspection": [0.75, 0.93]}
    day = activity_days(rng, len(kind), sc.start + np.timedelta64(14, "D"), ACTIVITY_END)
    for name, fractions in weeks.items():
        rows = np.flatnonzero(kind == name)
        mondays = np.busday_offset(sc.start + (np.array(fractions) * span.astype(int)).astype(int), 0, roll="forward", weekmask="Mon")
        day[rows] = add_working_days(mondays[rng.integers(0, len(mondays), len(rows))], rng.integers(0, 5, len(rows)))
    return last_working_day_by(day, ACTIVITY_END)


def _audited_cases(rng, sc: Scale, journey: Journey, day: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each audit's team (teams audited equally) and a child whose case there started by the audit date."""
    cases = pd.concat(
        [journey.assessments[["child", "day", "team"]], journey.cin[["child", "day", "team"]], journey.plans[["child", "day", "team"]]]
    ).sort_values("day", kind="stable")
    team = np.array(sc.teams)[rng.integers(0, len(sc.teams), len(day))]
    child = np.empty(len(day), dtype=int)
    for name, of_team in cases.groupby("team"):
        rows = np.flatnonzero(team == name)
        started = np.searchsorted(of_team["day"].to_numpy("datetime64[D]"), day[rows], "right")
        pick = np.minimum((rng.random(len(rows)) * np.maximum(started, 1)).astype(int), len(of_team) - 1)
        child[rows] = of_team["child"].to_numpy()[pick]
    return child, team


def make_strategy_meetings(rng, sc: Scale, journey: Journey) -> pd.DataFrame:
    """One row per agency per meeting: police and social care nearly always, health and education less."""
    s47, assessments = journey.section47, journey.assessments
    extra = assessments.iloc[rng.choice(len(assessments), max(0, sc.meetings - len(s47)), replace=False)]
    meetings = pd.concat([s47[["child", "day", "team"]].iloc[: sc.meetings], extra[["child", "day", "team"]]])
    meetings = meetings.drop_duplicates(["child", "day"]).sort_values(["day", "child"], kind="stable")
    n, progress = len(meetings), window_progress(meetings["day"].to_numpy("datetime64[D]"), sc)
    invite = np.column_stack([rng.random(n) < p for p in (0.995, 0.97, 0.88, 0.62, 0.08)])
    attend_if_invited = np.column_stack([np.full(n, 0.99), np.full(n, 0.97), 0.58 + 0.27 * progress, np.full(n, 0.66), np.full(n, 0.7)])
    attend = np.where(invite, rng.random((n, 5)) < attend_if_invited, rng.random((n, 5)) < 0.03)
    listed = invite | attend | (rng.random((n, 5)) < 0.3)
    meeting, agency = np.nonzero(listed)
    return pd.DataFrame(
        {
            "meeting_id": np.array([f"SM{i:06d}" for i in range(1, n + 1)])[meeting],
            "child_id": journey.children["id"].to_numpy()[meetings["child"].to_numpy()[meeting]],
            "meeting_date": meetings["day"].to_numpy("datetime64[D]")[meeting],
            "team": meetings["team"].to_numpy()[meeting],
            "agency": np.array(AGENCIES)[agency],
            "invited": np.where(invite[meeting, agency], "Y", "N"),
            "attended": np.where(attend[meeting, agency], "Y", "N"),
        }
    )
