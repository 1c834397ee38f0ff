"""The ticket as a picture of white paper: what the screen shows and what prints.

The preview draws the same composed operations the printer receives
(:func:`printing.compose.compose`): images drawn for the printer (Chinese text,
the logo, the image QR) are pasted pixel for pixel; text the printer sets in its
own font is drawn in a monospaced font of the same cell size (12 × 24 dots per
character, magnified alike), wrapped at the same places; Chinese the printer
sets in its own font (``gb18030``/``big5`` mode) is drawn with the CJK font in
full-width 24 × 24 cells of that grid.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw

from kiosk.settings import CjkMode
from printing import raster
from printing.compose import (
    MAGNIFY,
    PRINTER_FONT_DOTS,
    FeedOp,
    ImageOp,
    NativeTextOp,
    Op,
    QrOp,
    TextOp,
    compose,
    qr_image,
)
from printing.layout import Align, Block
from printing.native import FONT_LOCALE, char_columns

MARGIN_DOTS = 48
FEED_DOTS = 30
"""One empty line at the printer's default line spacing."""
PREVIEW_DIR = "printer-preview"


@dataclass(frozen=True)
class Region:
    """Where one operation landed on the preview: rows ``top`` to ``top + height``."""

    op: Op
    top: int
    height: int


@dataclass(frozen=True, eq=False)
class Preview:
    image: Image.Image
    regions: tuple[Region, ...]


def _text_image(op: TextOp | NativeTextOp, paper_dots: int) -> Image.Image:
    factor = MAGNIFY[op.size]
    cell = PRINTER_FONT_DOTS * factor
    px = 2 * cell
    step = px + 6
    canvas = Image.new("L", (paper_dots, step * max(1, len(op.lines))), 255)
    draw = ImageDraw.Draw(canvas)
    with raster.FONT_LOCK:
        latin = raster.load_mono_font(px, op.bold)
        native = isinstance(op, NativeTextOp)
        wide = latin
        if isinstance(op, NativeTextOp):
            wide = raster.load_font(FONT_LOCALE[op.codec], px, op.bold)
        for number, line in enumerate(op.lines):
            spans = [char_columns(char) if native else 1 for char in line]
            x = _line_left(op.align, cell * sum(spans), paper_dots)
            baseline = number * step + 3 + round(px * 0.8)
            for char, span in zip(line, spans, strict=True):
                font = wide if span == 2 else latin
                draw.text(
                    (x, baseline),
                    char,
                    font=font.font,
                    fill=0,
                    anchor="ls",
                    stroke_width=font.stroke,
                    stroke_fill=0,
                )
                x += cell * span
    return canvas.convert("1", dither=Image.Dither.NONE)


def _line_left(align: Align, width: int, paper_dots: int) -> int:
    if align is Align.CENTER:
        return (paper_dots - width) // 2
    if align is Align.RIGHT:
        return paper_dots - width
    return 0


def _op_image(op: Op, paper_dots: int) -> Image.Image:
    if isinstance(op, TextOp | NativeTextOp):
        return _text_image(op, paper_dots)
    if isinstance(op, ImageOp):
        return op.image
    if isinstance(op, QrOp):
        return qr_image(op.payload, op.module, paper_dots)
    return Image.new("1", (paper_dots, FEED_DOTS * max(0, op.lines) or 1), 255)


def compose_preview(ops: Sequence[Op], paper_dots: int) -> Preview:
    """Draw ``ops`` one under the other on white paper ``paper_dots`` wide."""
    parts = [(op, _op_image(op, paper_dots)) for op in ops]
    height = 2 * MARGIN_DOTS + sum(image.height for _, image in parts)
    paper = Image.new("1", (paper_dots, height), 255)
    regions: list[Region] = []
    top = MARGIN_DOTS
    for op, image in parts:
        if not isinstance(op, FeedOp):
            paper.paste(image, (0, top))
        regions.append(Region(op, top, image.height))
        top += image.height
    return Preview(paper, tuple(regions))


def render_preview(
    blocks: Sequence[Block], paper_dots: int, cjk_mode: CjkMode = "raster"
) -> Image.Image:
    """The ticket as it will look on paper ``paper_dots`` wide (mode "1", white paper)."""
    return compose_preview(compose(blocks, paper_dots, cjk_mode), paper_dots).image


def preview_paths(data_dir: Path, code: str) -> tuple[Path, Path]:
    """``<data_dir>/printer-preview/<code>.bin`` and ``.png`` (code made file-safe)."""
    safe = re.sub(r"[^A-Za-z0-9_-]", "_", code) or "ticket"
    folder = data_dir / PREVIEW_DIR
    return folder / f"{safe}.bin", folder / f"{safe}.png"


def save_preview(data_dir: Path, code: str, data: bytes, image: Image.Image) -> Path:
    """Write the job's bytes and its preview PNG; return the PNG's path."""
    bin_path, png_path = preview_paths(data_dir, code)
    bin_path.parent.mkdir(parents=True, exist_ok=True)
    bin_path.write_bytes(data)
    image.save(png_path, format="PNG", optimize=False)
    return png_path
