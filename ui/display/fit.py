"""How the lobby display fills its screen, decided from the screen alone.

The layout comes from the screen's shape (portrait: the boards stacked; a wide
landscape screen: two columns of older calls), never from the texts, so a
language change moves nothing. Every text size is a multiple of one unit: the
smallest pixel size whose capital letters are at least 1/40 of the screen's
height in every language's font (readable from about 5 m). Each text line gets
the height its size needs in the tallest of those fonts, so the rows that fit a
board are the same in every language.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtGui import QFont, QFontMetrics

from ui.common.theme import FONT_FAMILIES

CAP_FRACTION = 40
"""The smallest capital letter on the board is at least screen height / 40."""

ROLE_SCALE: dict[str, float] = {
    "board_wait": 1.0,
    "board_hint": 1.0,
    "warning": 1.0,
    "board_title": 1.0,
    "board_service": 1.1,
    "board_branch": 1.1,
    "board_clock": 1.1,
    "board_counter": 1.15,
    "board_code": 1.4,
    "board_counter_newest": 1.6,
    "board_code_newest": 3.6,
}
"""Each text's size in units; 1.0 is the smallest text allowed."""

STACKED_SCALE: dict[str, float] = {
    "board_code_newest": 2.8,
    "board_counter_newest": 1.3,
    "board_counter": 1.0,
}
"""Portrait: the newest call a little smaller, to leave room for the waiting list, and
the older calls' counters at the smallest size ("Counter 12" on a 1080-wide screen)."""

DESIGN_UNIT = 38
"""The unit on a 1080-line screen, for spacings designed at 1080p."""


def _font(families: list[str], pixels: int, weight: QFont.Weight = QFont.Weight.Bold) -> QFont:
    font = QFont()
    font.setFamilies(families)
    font.setPixelSize(pixels)
    font.setWeight(weight)
    return font


def unit_pixels(screen_height: int) -> int:
    """The smallest pixel size whose cap height is at least ``screen_height / 40`` in
    every locale's font."""
    wanted = screen_height / CAP_FRACTION
    pixels = max(8, math.floor(wanted))
    while pixels < 4 * wanted:
        fonts = (_font(families, pixels) for families in FONT_FAMILIES.values())
        if all(QFontMetrics(font).capHeight() >= wanted for font in fonts):
            return pixels
        pixels += 1
    return pixels


def line_height(pixels: int) -> int:
    """The height one line of text at ``pixels`` needs in the tallest locale font."""
    return max(
        QFontMetrics(_font(families, pixels)).height() for families in FONT_FAMILIES.values()
    )


def code_width(pixels: int) -> int:
    """The width a ticket code (a letter and three digits) needs at ``pixels`` in the
    widest locale font, heaviest weight."""
    return max(
        QFontMetrics(_font(families, pixels, QFont.Weight.ExtraBold)).horizontalAdvance("W000")
        for families in FONT_FAMILIES.values()
    )


@dataclass(frozen=True)
class BoardFit:
    width: int
    height: int
    unit: int
    stacked: bool
    """Portrait: the calls above the waiting list; otherwise side by side."""
    older_columns: int
    """Older calls per row: two on a wide landscape screen, else one."""
    older_rows: int
    """Rows of older calls the calls board asks for; the waiting list has the rest."""
    calls_stretch: int
    waiting_stretch: int
    sizes: dict[str, int]
    lines: dict[str, int]

    def space(self, design_px: int) -> int:
        """A spacing designed for 1080p, at this screen's unit."""
        return max(2, round(design_px * self.unit / DESIGN_UNIT))


def board_fit(width: int, height: int) -> BoardFit:
    unit = unit_pixels(height)
    stacked = height > width
    scales = {**ROLE_SCALE, **(STACKED_SCALE if stacked else {})}
    sizes = {role: round(unit * scale) for role, scale in scales.items()}
    lines = {role: line_height(size) for role, size in sizes.items()}
    wide = width >= 1.5 * height
    return BoardFit(
        width=width,
        height=height,
        unit=unit,
        stacked=stacked,
        older_columns=2 if wide else 1,
        older_rows=1 if stacked else 0,
        calls_stretch=0 if stacked else 3 if wide else 1,
        waiting_stretch=1 if stacked else 2 if wide else 1,
        sizes=sizes,
        lines=lines,
    )
