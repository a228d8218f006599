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
    protection,
    rereferrals,
    strategy,
    workforce,
)

LISTED = (audits, actions, strategy, frontdoor, rereferrals, decisions, assessments, early_help, adoption, protection, care, care_leavers, workforce)
"""The registry's order: assessments' no-further-support share is listed with the front door's figures, after the decisions."""

REGISTRY.close([module.__name__ for module in LISTED])
