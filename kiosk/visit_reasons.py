"""Why a visit went well or badly: one vocabulary for the kiosk's "Rate a recent visit"
and the phone survey, and the complaint category a low score's case gets from it.

Keys are stored as they are (in ratings and survey answers). The phone survey first
stored ``attitude`` and ``materials``; ``canonical`` reads those as today's keys."""

from __future__ import annotations

from collections.abc import Iterable

from kiosk.i18n import N_

REASONS: dict[str, str] = {
    "wait": N_("Waiting time"),
    "explanation": N_("Explanation"),
    "staff_attitude": N_("Staff attitude"),
    "materials_guidance": N_("Guidance on what to bring"),
    "other": N_("Something else"),
}
"""Key → msgid of its label, in the order shown."""

OLD_KEYS = {"attitude": "staff_attitude", "materials": "materials_guidance"}

_CATEGORY_OF = {
    "staff_attitude": "staff",
    "wait": "wait",
    "explanation": "explanation",
    "materials_guidance": "explanation",
}


def canonical(reason: str) -> str:
    """Today's key of a stored reason (an old key mapped; anything else unchanged)."""
    return OLD_KEYS.get(reason, reason)


def chosen(reasons: Iterable[str]) -> list[str]:
    """The known reasons among ``reasons``, once each, in the vocabulary's order
    (``ValueError`` for one it does not know)."""
    given = {canonical(r) for r in reasons}
    unknown = sorted(given - REASONS.keys())
    if unknown:
        raise ValueError(f"unknown reasons {unknown}")
    return [r for r in REASONS if r in given]


def label(reason: str) -> str:
    """The msgid naming a stored reason (the key itself when unknown)."""
    return REASONS.get(canonical(reason), reason)


def complaint_category(reasons: Iterable[str]) -> str:
    """The category of the case a low score opens: from the first reason that has one."""
    return next(
        (_CATEGORY_OF[key] for key in map(canonical, reasons) if key in _CATEGORY_OF), "other"
    )
