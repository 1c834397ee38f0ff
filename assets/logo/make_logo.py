"""Write ``logo.png``: the built-in ticket logo, a bank-building pictogram (1-bit PNG).

Run once after changing it: ``.venv/bin/python assets/logo/make_logo.py``.
Drawn with Pillow at four times the size, then reduced and thresholded, so the
edges are clean at the printer's 8 dots/mm. 232 × 120 dots: about 60 % of the
narrowest paper (384 dots), so it prints unscaled on every paper. No words in
it: it reads the same in every language.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

WIDTH, HEIGHT = 232, 120
SCALE = 4
COLUMNS = 5


def _shrunk(
    points: list[tuple[float, float]], centre: tuple[float, float], by: float
) -> list[tuple[float, float]]:
    return [(centre[0] + (x - centre[0]) * by, centre[1] + (y - centre[1]) * by) for x, y in points]


def draw_logo() -> Image.Image:
    w, h = WIDTH * SCALE, HEIGHT * SCALE
    canvas = Image.new("L", (w, h), 255)
    draw = ImageDraw.Draw(canvas)

    def box(x0: float, y0: float, x1: float, y1: float) -> None:
        """A rectangle in shares of the logo, snapped to whole printer dots."""
        edges = (x0 * WIDTH, y0 * HEIGHT, x1 * WIDTH, y1 * HEIGHT)
        draw.rectangle([round(v) * SCALE for v in edges], fill=0)

    # pediment: a roof outlined with an even stroke, a coin at its centre
    apex, right, left = (0.5 * w, 0.0), (0.96 * w, 0.36 * h), (0.04 * w, 0.36 * h)
    side = ((right[0] - apex[0]) ** 2 + right[1] ** 2) ** 0.5
    base = right[0] - left[0]
    centre = (apex[0], right[1] - base * right[1] / (base + 2 * side))  # the incentre
    inradius = right[1] - centre[1]
    stroke = 0.05 * h
    roof = [apex, right, left]
    draw.polygon(roof, fill=0)
    draw.polygon(_shrunk(roof, centre, 1 - stroke / inradius), fill=255)
    r = 0.5 * (inradius - stroke)
    draw.ellipse((centre[0] - r, centre[1] - r, centre[0] + r, centre[1] + r), fill=0)
    # architrave, columns, base steps
    box(0.08, 0.39, 0.92, 0.45)
    span_left, span_right, column = 0.14, 0.86, 0.08
    gap = (span_right - span_left - COLUMNS * column) / (COLUMNS - 1)
    for number in range(COLUMNS):
        x = span_left + number * (column + gap)
        box(x - 0.013, 0.48, x + column + 0.013, 0.51)  # capital
        box(x, 0.51, x + column, 0.78)
        box(x - 0.013, 0.78, x + column + 0.013, 0.81)  # foot
    box(0.07, 0.84, 0.93, 0.90)
    box(0.0, 0.93, 1.0, 1.0)
    small = canvas.resize((WIDTH, HEIGHT), Image.Resampling.LANCZOS)
    return small.point([0 if v < 128 else 255 for v in range(256)], mode="1")


def write_logo(path: Path) -> None:
    draw_logo().save(path, format="PNG", optimize=True)


if __name__ == "__main__":
    write_logo(Path(__file__).with_name("logo.png"))
