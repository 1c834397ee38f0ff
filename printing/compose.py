"""Blocks to print operations for one paper width, shared by printer and preview.

:func:`compose` decides, once, how each block is put on paper: Latin text as
wrapped lines in the printer's own font (:class:`TextOp`); with ``cjk_mode``
``gb18030`` or ``big5``, Chinese text the code page can print as lines in the
printer's Chinese font (:class:`NativeTextOp`, see :mod:`printing.native`); any
other text as a full-width 1-bit image (:class:`ImageOp`), and the logo too
(:mod:`printing.logo`); the QR code at a fixed module size (:class:`QrOp`).
:mod:`printing.render_escpos` sends these operations to a printer and
:mod:`printing.preview` draws them, so the screen shows what prints.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

import qrcode
from PIL import Image

from kiosk.settings import CjkMode
from printing import raster
from printing.layout import Align, Block, LogoBlock, QrBlock, RuleBlock, TextBlock, TextSize
from printing.logo import logo_strip
from printing.native import NATIVE_MODES, native_text, wrap_columns

PRINTER_FONT_DOTS = 12
"""Width of one character of the printer's Font A, in dots (24 dots tall)."""
MAGNIFY: dict[TextSize, int] = {
    TextSize.NORMAL: 1,
    TextSize.LARGE: 2,
    TextSize.HUGE: 4,
    TextSize.GIANT: 8,
}
RASTER_PX: dict[TextSize, int] = {
    TextSize.NORMAL: 24,
    TextSize.LARGE: 44,
    TextSize.HUGE: 88,
    TextSize.GIANT: 176,
}
QR_BORDER = 2
"""Quiet zone around an image QR code, in modules."""

_SPACES = dict.fromkeys(map(ord, "\u00a0\u2007\u2009\u202f"), " ")
_PUNCTUATION = {ord("‘"): "'", ord("’"): "'", ord("“"): '"', ord("”"): '"', ord("–"): "-"}
_PUNCTUATION |= {ord("—"): "-", ord("…"): "...", ord("•"): "-"}


@dataclass(frozen=True)
class TextOp:
    """Lines in the printer's own font, already wrapped to the column count."""

    lines: tuple[str, ...]
    size: TextSize = TextSize.NORMAL
    bold: bool = False
    align: Align = Align.CENTER


@dataclass(frozen=True)
class NativeTextOp:
    """Lines in the printer's Chinese font (``FS &`` … ``FS .``), wrapped to the columns."""

    lines: tuple[str, ...]
    codec: str
    """``gb18030`` or ``big5``: the printer's code page, and how each line is encoded."""
    size: TextSize = TextSize.NORMAL
    bold: bool = False
    align: Align = Align.CENTER


@dataclass(frozen=True, eq=False)
class ImageOp:
    """A black-on-white image exactly as wide as the paper (mode "1")."""

    image: Image.Image


@dataclass(frozen=True)
class QrOp:
    payload: str
    module: int
    """Dots per QR module, for the native command and the image alike."""


@dataclass(frozen=True)
class FeedOp:
    lines: int = 1


Op = TextOp | NativeTextOp | ImageOp | QrOp | FeedOp


def printer_text(text: str) -> str | None:
    """``text`` as the printer's own font can print it, or ``None`` if it cannot.

    Typographic spaces and punctuation are mapped to ASCII; any character
    outside Latin-1 or code page 437 (every ESC/POS printer has it) means the
    text must be drawn as an image instead.
    """
    plain = text.translate(_SPACES).translate(_PUNCTUATION)
    for char in plain:
        if char == "\n" or " " <= char <= "~":
            continue
        if ord(char) > 0xFF or not char.isprintable():
            return None
        try:
            char.encode("cp437")
        except UnicodeEncodeError:
            return None
    return plain


def columns(paper_dots: int, size: TextSize = TextSize.NORMAL) -> int:
    return paper_dots // PRINTER_FONT_DOTS // MAGNIFY[size]


def qr_module(paper_dots: int) -> int:
    """Dots per QR module: about 0.75 mm, larger on wider paper."""
    return {384: 5, 512: 6}.get(paper_dots, 7 if paper_dots > 512 else 5)


def _wrap_columns(text: str, width: int, bullet: bool) -> tuple[str, ...]:
    first, rest = ("- ", "  ") if bullet else ("", "")
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        wrapped = textwrap.wrap(paragraph, width, initial_indent=first, subsequent_indent=rest) or [
            ""
        ]
        lines += wrapped
    return tuple(lines)


def compose_block(block: Block, paper_dots: int, cjk_mode: CjkMode = "raster") -> list[Op]:
    """How ``block`` goes on paper. A logo is followed by an empty line; a logo
    that cannot be read gives nothing (it is logged, see :mod:`printing.logo`)."""
    if isinstance(block, TextBlock):
        return [_text_op(block, paper_dots, cjk_mode)]
    if isinstance(block, LogoBlock):
        strip = logo_strip(block.source, paper_dots)
        return [] if strip is None else [ImageOp(strip), FeedOp()]
    if isinstance(block, QrBlock):
        return [QrOp(block.payload, qr_module(paper_dots))]
    if isinstance(block, RuleBlock):
        return [TextOp(("-" * columns(paper_dots),))]
    return [FeedOp(block.lines)]


def _text_op(block: TextBlock, paper_dots: int, cjk_mode: CjkMode) -> Op:
    plain = printer_text(block.text)
    if block.size is TextSize.GIANT and (
        plain is None or len(plain) > columns(paper_dots, block.size)
    ):
        # The number must stay on one line: as large an image of it as the paper takes.
        px = raster.fitted_px(block.text, block.lang, RASTER_PX[block.size], paper_dots, block.bold)
        return ImageOp(raster.render_text(block.text, block.lang, px, paper_dots, bold=block.bold))
    if plain is not None:
        lines = _wrap_columns(plain, columns(paper_dots, block.size), block.bullet)
        return TextOp(lines, block.size, block.bold, block.align)
    if cjk_mode in NATIVE_MODES:
        native = native_text(block.text.translate(_SPACES), cjk_mode)
        if native is not None:
            lines = wrap_columns(native, columns(paper_dots, block.size), block.bullet)
            return NativeTextOp(lines, cjk_mode, block.size, block.bold, block.align)
    image = raster.render_text(
        block.text,
        block.lang,
        RASTER_PX[block.size],
        paper_dots,
        align=block.align.value,
        bold=block.bold,
        bullet=block.bullet,
    )
    return ImageOp(image)


def compose(blocks: Sequence[Block], paper_dots: int, cjk_mode: CjkMode = "raster") -> list[Op]:
    """The print operations for ``blocks`` on paper ``paper_dots`` wide.

    ``cjk_mode`` (``printer.cjk_mode``): ``raster`` draws all non-Latin text;
    ``gb18030``/``big5`` print Chinese in the printer's font where the code page can.
    """
    return [op for block in blocks for op in compose_block(block, paper_dots, cjk_mode)]


@cache
def _qr_matrix(payload: str) -> tuple[tuple[bool, ...], ...]:
    code = qrcode.QRCode(border=0, error_correction=qrcode.constants.ERROR_CORRECT_M)
    code.add_data(payload)
    code.make(fit=True)
    return tuple(tuple(bool(cell) for cell in row) for row in code.get_matrix())


def qr_matrix(payload: str) -> tuple[tuple[bool, ...], ...]:
    """The QR modules for ``payload`` (error correction M, no quiet zone)."""
    return _qr_matrix(payload)


def qr_image(payload: str, module: int, width: int) -> Image.Image:
    """The QR code drawn ``module`` dots per module, centred on a ``width``-wide strip."""
    matrix = qr_matrix(payload)
    side = len(matrix)
    module = max(1, min(module, width // (side + 2 * QR_BORDER)))
    small = Image.new("1", (side, side), 255)
    small.putdata([0 if cell else 255 for row in matrix for cell in row])
    code = small.resize((side * module, side * module), Image.Resampling.NEAREST)
    height = (side + 2 * QR_BORDER) * module
    strip = Image.new("1", (width, height), 255)
    strip.paste(code, ((width - code.width) // 2, QR_BORDER * module))
    return strip
