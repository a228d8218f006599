"""Northbridge as a whole: every part of the synthetic council drawn from its random stream, in order.

Every id, date and name is made up from a seeded random generator: no real person's data. The main
stream draws the workforce, the child's journey (contact -> referral -> assessment -> section 47 ->
ICPC -> plan, children in need), case audits, strategy meetings and supervision; re-audits and audit
actions, the front door (``frontdoor``), children in care (``care``) and the mock inspection's findings
(``mock``) each have a stream of their own, so adding them moved no other input (the mock inspector's grades
moved the mock-inspection audits' moderated grades only). The same seed gives the same lists and extracts.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .care import care_lists
from .draws import Scale
from .formats import format_annex_a, format_workforce
from .frontdoor import frontdoor_extras
from .journey import make_journey
from .mock import mock_inspection
from .practice import make_audit_actions, make_case_audits, make_reaudits, make_strategy_meetings
from .workforce import make_supervision, make_workforce


def northbridge(seed: int, sc: Scale) -> tuple[dict[str, pd.DataFrame], dict[str, pd.DataFrame]]:
    """Annex A's lists by sheet name and the local extracts by input key, drawn with ``seed`` at scale ``sc``."""
    rng = np.random.default_rng(seed)
    workforce = make_workforce(rng, sc)
    journey = make_journey(rng, sc, workforce)
    extracts = {
        "case_audits": make_case_audits(rng, sc, journey),
        "strategy_meetings": make_strategy_meetings(rng, sc, journey),
        "workforce": format_workforce(workforce),
        "supervision": make_supervision(rng, sc, workforce),
    }
    follow_up = np.random.default_rng([seed, 14])
    extracts["case_audits"]["reaudit_of"] = make_reaudits(follow_up, extracts["case_audits"])
    extracts["audit_actions"] = make_audit_actions(follow_up, sc, extracts["case_audits"])
    front_door_lists, extracts["front_door_decisions"] = frontdoor_extras(seed, sc, journey)
    mock = np.random.default_rng([seed, 26])
    extracts["case_audits"], extracts["immediate_concerns"], extracts["audit_checks"] = mock_inspection(mock, extracts["case_audits"])
    return format_annex_a(journey) | front_door_lists | care_lists(seed, sc, workforce), extracts
