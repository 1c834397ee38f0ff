"""The theme's colour pairs, as data: every text and control border the kiosk's
stylesheet draws, with what it is drawn on, and the contrast each must reach.

WCAG 2.2: text 4.5:1 (AA, the default theme) and 7:1 (AAA, high contrast); large
text (24 px, or 19 px bold, and up) 3:1 and 4.5:1; control borders and the focus
indicator 3:1 (1.4.11). The focus indicator is a ring in ``focus`` with the
background showing inside it (the button's fill stops at its content,
``background-clip: content``), so its two neighbours are always the background
around the button and the background inside the ring. Disabled controls are
exempt (1.4.3, 1.4.11) and listed for what they are.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from ui.common.theme import HIGH_CONTRAST, STANDARD, Palette, contrast_ratio


class Kind(enum.Enum):
    TEXT = "text"
    LARGE_TEXT = "large text"
    BORDER = "control border"
    FOCUS = "focus indicator"
    DISABLED = "disabled"


#: (default theme, high contrast): the least ratio each kind must reach.
MINIMUM: dict[Kind, tuple[float, float]] = {
    Kind.TEXT: (4.5, 7.0),
    Kind.LARGE_TEXT: (3.0, 4.5),
    Kind.BORDER: (3.0, 3.0),
    Kind.FOCUS: (3.0, 3.0),
    Kind.DISABLED: (1.0, 1.0),
}


@dataclass(frozen=True)
class ColourPair:
    name: str
    """Where it is used (the stylesheet's role)."""
    foreground: str
    """A :class:`~ui.common.theme.Palette` field: the text, border or ring."""
    background: str
    """The field it is drawn on (next to, for a border or ring)."""
    kind: Kind

    def colours(self, palette: Palette) -> tuple[str, str]:
        return getattr(palette, self.foreground), getattr(palette, self.background)

    def ratio(self, palette: Palette) -> float:
        return contrast_ratio(*self.colours(palette))

    def minimum(self, palette: Palette) -> float:
        return MINIMUM[self.kind][1 if palette is HIGH_CONTRAST else 0]


def _text(name: str, fg: str, bg: str, large: bool = False) -> ColourPair:
    return ColourPair(name, fg, bg, Kind.LARGE_TEXT if large else Kind.TEXT)


PAIRS: tuple[ColourPair, ...] = (
    _text("body text", "text", "window"),
    _text("text on a card, an option, a checklist item, the idle panel", "text", "surface"),
    _text("muted text, the branch name, progress, hints", "muted", "window"),
    _text("hints and tags in options and cards", "muted", "surface"),
    _text("primary button, current language, chosen item, table header", "on_primary", "primary"),
    _text("button text (plain buttons)", "primary", "surface"),
    _text("a plain button's text in a warning box", "primary", "surface"),
    _text("warning text, the status banner", "warning_text", "warning_bg"),
    _text("success text (what happens next)", "success_text", "success_bg"),
    _text("the tick in a ticked box", "on_primary", "primary"),
    _text("ticket number (190 px)", "primary", "window", large=True),
    _text("idle countdown (120 px)", "primary", "surface", large=True),
    _text("small buttons and the corner button", "muted", "window"),
    ColourPair("button border", "secondary_border", "window", Kind.BORDER),
    ColourPair("button border on a card", "secondary_border", "surface", Kind.BORDER),
    ColourPair("small button border", "muted", "window", Kind.BORDER),
    ColourPair("primary button's edge", "primary", "window", Kind.BORDER),
    ColourPair("checklist box border", "primary", "surface", Kind.BORDER),
    ColourPair("warning box border", "warning_text", "warning_bg", Kind.BORDER),
    ColourPair("warning box's edge", "warning_text", "window", Kind.BORDER),
    ColourPair("scroll bar handle", "muted", "window", Kind.BORDER),
    ColourPair("focus ring against the screen", "focus", "window", Kind.FOCUS),
    ColourPair("focus ring against a card", "focus", "surface", Kind.FOCUS),
    ColourPair("focus ring in a warning box", "focus", "warning_bg", Kind.FOCUS),
    ColourPair("disabled button text", "disabled_text", "disabled_bg", Kind.DISABLED),
)

PALETTES: dict[str, Palette] = {"default": STANDARD, "high contrast": HIGH_CONTRAST}


def weak_pairs(palette: Palette) -> dict[str, float]:
    """The pairs under their minimum in ``palette``, with their ratio."""
    return {
        f"{pair.name} ({pair.kind.value})": round(pair.ratio(palette), 2)
        for pair in PAIRS
        if pair.ratio(palette) < pair.minimum(palette)
    }
