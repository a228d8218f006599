"""Every theme module; importing this closes the figure registry (:mod:`readiness.config.figures`).

The registry lists the declarations in :data:`LISTED` order, each module's in the order it declares them:
the vital signs list a theme's figures so. A new theme module is added here (and to the pack's
``THEMES``, :mod:`readiness.pack.figures`, which computes them).
"""
from __future__ import annotations

from readiness.config.figures import REGISTRY

from . import (
    actions,
    adoption,
    assessments,
    audits,
    care,
    care_leavers,
    decisions,
    early_help,
    frontdoor,
    mock,
    protection,
    rereferrals,
    strategy,
    workforce,
)

LISTED = (audits, actions, mock, strategy, frontdoor, protection, rereferrals, decisions, assessments, early_help, adoption, care, care_leavers, workforce)
"""The registry's order (within a theme, the vital signs'): the front door's figures, then the section 47 rate (in
:mod:`.protection`), the re-referral rate, the decisions, and assessments' no-further-support share."""

REGISTRY.close([module.__name__ for module in LISTED])
