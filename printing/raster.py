"""Text to 1-bit images with a CJK-capable font, for the printer and the preview.

Printers cannot be trusted with Chinese text (python-escpos sends raw GB18030 or
``?``), so any text that is not plain Latin is drawn here, at the paper's width
in dots, and sent as an image. The font is chosen by locale: Noto Sans CJK SC
for simplified Chinese, TC for traditional (the right face inside the ``.ttc``
collection is found by name), then whatever ``fc-match`` offers for the
language, then WenQuanYi Micro Hei, then Pillow's built-in font (with a warning:
Chinese would print as boxes).
"""

from __future__ import annotations

import glob
import logging
import shutil
import subprocess
import threading
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from kiosk.i18n import normalize_locale

log = logging.getLogger(__name__)

AnyFont = ImageFont.FreeTypeFont | ImageFont.ImageFont

NOTO_DIRS = ("/usr/share/fonts/opentype/noto", "/usr/share/fonts/noto-cjk", "/usr/share/fonts")
WQY_PATHS = ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",)
_FAMILIES = {"zh_Hant": "Noto Sans CJK TC", "zh_Hans": "Noto Sans CJK SC", "en": "Noto Sans CJK SC"}
_FC_LANG = {"zh_Hant": "zh-tw", "zh_Hans": "zh-cn", "en": "zh-cn"}
MONO_FAMILY = "Noto Sans Mono CJK SC"
"""Its Latin glyphs are exactly half an em wide: at 24 px, 12 dots like printer Font A."""

FONT_LOCK = threading.RLock()
"""FreeType faces are not thread-safe: the preview (UI) and a print job (worker) share them."""
BULLET = "• "
_THRESHOLD = [0 if v < 160 else 255 for v in range(256)]
_CLOSING = set("，。、．：；！？）」』】》〉’”,.:;!?)]}%")


@dataclass(frozen=True)
class FontSource:
    path: str
    index: int = 0


@dataclass(frozen=True)
class LoadedFont:
    font: AnyFont
    stroke: int = 0
    """1 when bold is faked with a stroke (no bold face found)."""

    def length(self, text: str) -> float:
        return float(self.font.getlength(text)) + (2 * self.stroke if text else 0)


@cache
def collection_faces(path: str) -> dict[tuple[str, str], int]:
    """``{(family, style): index}`` of every face in a font file or collection."""
    faces: dict[tuple[str, str], int] = {}
    for index in range(32):
        try:
            font = ImageFont.truetype(path, 12, index=index)
        except OSError:
            break
        family, style = font.getname()
        faces.setdefault((family or "", style or ""), index)
    return faces


def _find_named_face(family: str, style: str) -> FontSource | None:
    for directory in NOTO_DIRS:
        for path in sorted(glob.glob(f"{directory}/NotoSans*CJK*.tt[cf]")):
            index = collection_faces(path).get((family, style))
            if index is not None:
                return FontSource(path, index)
    return None


@cache
def _fc_match(pattern: str) -> FontSource | None:
    exe = shutil.which("fc-match")
    if exe is None:
        return None
    try:
        done = subprocess.run(
            [exe, "--format=%{file}\n%{index}", pattern],
            capture_output=True,
            text=True,
            timeout=5,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    parts = done.stdout.strip().splitlines()
    if done.returncode != 0 or not parts or not Path(parts[0]).is_file():
        return None
    index = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 0
    return FontSource(parts[0], index)


def font_source(locale: str, bold: bool = False) -> tuple[FontSource | None, bool]:
    """The font for ``locale`` and whether it has a real bold face."""
    code = normalize_locale(locale)
    family = _FAMILIES.get(code, _FAMILIES["en"])
    if bold:
        found = _find_named_face(family, "Bold")
        if found:
            return found, True
    found = _find_named_face(family, "Regular")
    if found is None:
        style = ":weight=bold" if bold else ""
        found = _fc_match(f"{family}:lang={_FC_LANG.get(code, 'zh-cn')}{style}")
    if found is None:
        found = next((FontSource(p) for p in WQY_PATHS if Path(p).is_file()), None)
    return found, False


@cache
def load_font(locale: str, px: int, bold: bool = False) -> LoadedFont:
    """A font for ``locale`` at ``px`` pixels (cached per locale, size and weight)."""
    source, real_bold = font_source(locale, bold)
    if source is not None:
        try:
            font = ImageFont.truetype(
                source.path, px, index=source.index, layout_engine=ImageFont.Layout.BASIC
            )
            return LoadedFont(font, 1 if bold and not real_bold else 0)
        except OSError as exc:
            log.warning("Cannot load font %s (%s)", source.path, exc)
    log.warning("No CJK font found for %s: Chinese text will print as boxes", locale)
    return LoadedFont(ImageFont.load_default(size=px), 1 if bold else 0)


@cache
def load_mono_font(px: int, bold: bool = False) -> LoadedFont:
    """A monospaced font standing in for the printer's own font in the preview."""
    found = _find_named_face(MONO_FAMILY, "Bold" if bold else "Regular")
    source = found or _fc_match("monospace" + (":weight=bold" if bold else ""))
    if source is not None:
        try:
            font = ImageFont.truetype(
                source.path, px, index=source.index, layout_engine=ImageFont.Layout.BASIC
            )
            return LoadedFont(font)
        except OSError as exc:
            log.warning("Cannot load font %s (%s)", source.path, exc)
    return LoadedFont(ImageFont.load_default(size=px))


def _is_wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("W", "F")


def _starts_unit(char: str, previous: str) -> bool:
    return _is_wide(char) or _is_wide(previous) or char.isspace() != previous.isspace()


def _units(text: str) -> list[str]:
    """Break opportunities: words, runs of spaces, single CJK characters.

    Closing punctuation sticks to what precedes it, so no line starts with it.
    """
    units: list[str] = []
    for char in text:
        if units and char in _CLOSING and not units[-1].isspace():
            units[-1] += char
        elif not units or _starts_unit(char, units[-1][-1]):
            units.append(char)
        else:
            units[-1] += char
    return units


def wrap_pixels(text: str, font: LoadedFont, max_width: int) -> list[str]:
    """Wrap ``text`` so that no line is wider than ``max_width`` pixels."""
    return wrap_measured(text, font.length, max_width)


def wrap_measured(text: str, measure: Callable[[str], float], max_width: float) -> list[str]:
    """Wrap ``text`` so that ``measure(line) <= max_width`` (pixels, printer columns...).

    Breaks between words and between CJK characters; a word too long for a line
    is cut where it must be.
    """
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        line = ""
        for unit in _units(paragraph):
            if measure(line + unit) <= max_width:
                line += unit
                continue
            if line.strip():
                lines.append(line.rstrip())
            line = "" if unit.isspace() else unit
            while measure(line) > max_width and len(line) > 1:
                cut = max(1, _fit(line, measure, max_width))
                lines.append(line[:cut])
                line = line[cut:]
        lines.append(line.rstrip())
    return lines


def _fit(text: str, measure: Callable[[str], float], max_width: float) -> int:
    count = 0
    while count < len(text) and measure(text[: count + 1]) <= max_width:
        count += 1
    return count


def line_height(px: int) -> int:
    return round(px * 1.3)


def draw_lines(
    lines: Iterable[str],
    font: LoadedFont,
    width: int,
    align: str,
    px: int,
    first_prefix: str = "",
) -> Image.Image:
    """Draw lines as black on white ("1" mode), ``width`` pixels wide.

    With ``first_prefix`` (a bullet), the prefix starts the first line and every
    line is indented by its width.
    """
    rows = list(lines)
    step = line_height(px)
    canvas = Image.new("L", (width, max(1, step * len(rows))), 255)
    draw = ImageDraw.Draw(canvas)
    indent = round(font.length(first_prefix)) if first_prefix else 0
    top_pad = (step - px) // 2
    for number, row in enumerate(rows):
        text_width = font.length(row)
        if align == "center":
            x = indent + (width - indent - text_width) / 2
        elif align == "right":
            x = width - text_width
        else:
            x = indent
        y = number * step + top_pad + round(px * 0.88)
        if number == 0 and first_prefix:
            draw.text((0, y), first_prefix, font=font.font, fill=0, anchor="ls")
        draw.text(
            (x, y),
            row,
            font=font.font,
            fill=0,
            anchor="ls",
            stroke_width=font.stroke,
            stroke_fill=0,
        )
    return canvas.point(_THRESHOLD, mode="1")


def fitted_px(text: str, locale: str, max_px: int, width: int, bold: bool = False) -> int:
    """The largest size up to ``max_px`` at which ``text`` takes one line ``width`` wide."""
    px = max_px
    with FONT_LOCK:
        while px > 24 and load_font(locale, px, bold).length(text) > width - 8:
            px -= 8
    return px


def render_text(
    text: str,
    locale: str,
    px: int,
    width: int,
    align: str = "center",
    bold: bool = False,
    bullet: bool = False,
) -> Image.Image:
    """``text`` wrapped to ``width`` pixels and drawn with the locale's CJK font."""
    with FONT_LOCK:
        font = load_font(locale, px, bold)
        prefix = BULLET if bullet else ""
        indent = round(font.length(prefix)) if prefix else 0
        lines = wrap_pixels(text, font, width - indent)
        return draw_lines(lines, font, width, align, px, first_prefix=prefix)
