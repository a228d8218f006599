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
    audit_programme,
    audits,
    care,
    care_leavers,
    care_regulations,
    decisions,
    early_help,
    frontdoor,
    improvement_plan,
    mock,
    protection,
    protection_standards,
    rereferrals,
    returns_care,
    returns_history,
    returns_workforce,
    statutory_clock,
    strategy,
    workforce,
)

LISTED = (
    improvement_plan,
    audits,
    audit_programme,
    actions,
    mock,
    strategy,
    frontdoor,
    protection,
    protection_standards,
    rereferrals,
    decisions,
    assessments,
    statutory_clock,
    early_help,
    adoption,
    care,
    care_regulations,
    care_leavers,
    workforce,
    returns_care,
    returns_workforce,
    returns_history,
)
"""The registry's order (within a theme, the vital signs'): the front door's figures, then the section 47 rate (in
:mod:`.protection`), the re-referral rate, the decisions, and assessments' no-further-support share."""

REGISTRY.close([module.__name__ for module in LISTED])
