"""Larger text for a customer who asks for it: the theme's sizes, scaled.

The customer picks one of :data:`TEXT_STEPS` with the "Aa" control; the theme
then applies its stylesheet with every ``font-size`` scaled (:func:`scaled_sheet`),
so every screen, also those built before, follows at once. Two kinds of text keep
their size: display text that is already very large (the ticket number, the idle
countdown: :data:`DISPLAY_PX` and more), and a rule that fixes its box's size
(``max-height``: the tick in a checklist box), whose glyph must stay inside the box.
"""

from __future__ import annotations

import re

TEXT_STEPS: tuple[float, ...] = (1.0, 1.25, 1.5)
"""Normal, ×1.25 and ×1.5."""

DISPLAY_PX = 96
"""Text at least this large is not enlarged further."""

_RULE = re.compile(r"\{([^{}]*)\}")
_FONT_SIZE = re.compile(r"font-size:\s*(\d+)px")


def scaled_px(px: int, scale: float) -> int:
    """``px`` at ``scale`` (display-size text stays as it is)."""
    if px >= DISPLAY_PX:
        return px
    return min(round(px * scale), max(px, DISPLAY_PX))


def scaled_sheet(sheet: str, scale: float) -> str:
    """``sheet`` with every ``font-size: Npx`` scaled, but in rules that fix their size."""
    if scale == 1.0:
        return sheet

    def rule(match: re.Match[str]) -> str:
        body = match.group(1)
        if "max-height" in body:
            return match.group(0)
        return (
            "{"
            + _FONT_SIZE.sub(lambda m: f"font-size: {scaled_px(int(m.group(1)), scale)}px", body)
            + "}"
        )

    return _RULE.sub(rule, sheet)


def step_of(scale: float) -> int:
    """The index in :data:`TEXT_STEPS` of ``scale`` (the nearest step)."""
    return min(range(len(TEXT_STEPS)), key=lambda i: abs(TEXT_STEPS[i] - scale))
