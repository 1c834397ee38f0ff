"""How high above the floor each point of the screen is: the seated (low-reach) layout.

Public-access rules (ADA 308, EN 301 549 8.3.x) put every operable part between
:data:`LOW_REACH_MM` and :data:`HIGH_REACH_MM` above the floor for a person in a
wheelchair. The kiosk knows where its screen is mounted (the heights of the
picture's bottom and top edges above the floor, and the picture's physical height,
which is more than the vertical distance between the edges when the screen leans
back), and from that which rows of pixels are within reach. The seated layout
keeps every control below :meth:`ScreenReach.reach_line_px`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

HIGH_REACH_MM = 1220
"""The highest an operable part may be (forward or side reach, unobstructed)."""
LOW_REACH_MM = 380
"""The lowest an operable part may be."""


@dataclass(frozen=True)
class ScreenReach:
    """Where the picture of the screen is, in millimetres above the floor."""

    bottom_mm: float
    """Height of the picture's bottom edge above the floor."""
    top_mm: float
    """Height of the picture's top edge above the floor."""
    height_mm: float
    """The picture's physical height, along the screen (its tilt makes the vertical
    distance between the edges shorter)."""
    high_reach_mm: float = HIGH_REACH_MM

    def __post_init__(self) -> None:
        if not self.top_mm > self.bottom_mm:
            raise ValueError("screen_top_mm higher than screen_bottom_mm")
        if self.top_mm - self.bottom_mm > self.height_mm + 0.5:
            raise ValueError("screen_top_mm - screen_bottom_mm no more than screen_height_mm")

    @property
    def tilt_degrees(self) -> float:
        """How far the screen leans back from vertical."""
        return math.degrees(math.acos(min(1.0, (self.top_mm - self.bottom_mm) / self.height_mm)))

    def height_at(self, y_px: float, screen_px: int) -> float:
        """Millimetres above the floor of the row ``y_px`` (0 = the top) of a picture
        ``screen_px`` rows high."""
        return self.top_mm - (y_px / screen_px) * (self.top_mm - self.bottom_mm)

    def reach_line_px(self, screen_px: int) -> int:
        """The first row within reach: everything from here down is at most
        ``high_reach_mm`` above the floor (0 when the whole screen is)."""
        above = (self.top_mm - self.high_reach_mm) / (self.top_mm - self.bottom_mm)
        return max(0, min(screen_px, math.ceil(above * screen_px)))

    def within_reach(self, y_px: float, screen_px: int) -> bool:
        height = self.height_at(y_px, screen_px)
        return LOW_REACH_MM <= height <= self.high_reach_mm


DEFAULT_REACH = ScreenReach(bottom_mm=760, top_mm=1340, height_mm=598)
"""A 27-inch portrait screen (598 mm high) leaning back 14°, its bottom edge 760 mm up."""
