"""Chinese as printer text, for printers set up for the GB18030 or Big5 code page.

Only used when ``printer.cjk_mode`` is ``gb18030`` or ``big5`` (``raster``, the
default, draws Chinese as images and works on every printer). Each line goes as
``FS &`` (enter Chinese character mode), the line encoded by us, ``FS .`` (leave
it): python-escpos ``text()`` is never given Chinese (it sends characters
outside U+4E00–U+9FA5 as ``?``). In Chinese character mode every two-byte code
is a full-width 24 × 24 character (two columns of Font A) and ASCII stays
half-width (one column), which is how lines are measured and wrapped here.

Text with a character the code page has no two-byte code for (Big5 lacks many
simplified and Hong Kong characters; GB18030's four-byte codes are not in
printers' fonts) is not printed this way: that block is drawn as an image.
"""

from __future__ import annotations

from printing import raster

FS_CHINESE_ON = b"\x1c\x26"
"""``FS &``: select Chinese character mode."""
FS_CHINESE_OFF = b"\x1c\x2e"
"""``FS .``: cancel Chinese character mode (back to the code page for Latin text)."""
NATIVE_MODES = ("gb18030", "big5")
"""``cjk_mode`` values that print Chinese as text; each is also the Python codec used."""
FONT_LOCALE = {"gb18030": "zh_Hans", "big5": "zh_Hant"}
"""The glyph style of the printer's font for a code page, for the preview."""


def native_text(text: str, codec: str) -> str | None:
    """``text`` if every character is ASCII or has a two-byte code in ``codec``, else ``None``."""
    for char in text:
        if char == "\n" or " " <= char <= "~":
            continue
        if not char.isprintable():
            return None
        try:
            encoded = char.encode(codec)
        except UnicodeEncodeError:
            return None
        if len(encoded) != 2:
            return None
    return text


def char_columns(char: str) -> int:
    """Columns of Font A a character takes in Chinese mode: 1 for ASCII, 2 otherwise."""
    return 1 if ord(char) < 0x80 else 2


def text_columns(text: str) -> int:
    return sum(char_columns(char) for char in text)


def wrap_columns(text: str, width: int, bullet: bool = False) -> tuple[str, ...]:
    """``text`` wrapped to ``width`` columns (CJK two each), a bullet list item if asked."""
    first, rest = ("- ", "  ") if bullet else ("", "")
    lines = raster.wrap_measured(text, text_columns, max(2, width - len(first)))
    return tuple((rest if number else first) + line for number, line in enumerate(lines))


def encode_line(line: str, codec: str) -> bytes:
    """One line as the printer receives it: ``FS &`` + the encoded text + ``FS .``."""
    return FS_CHINESE_ON + line.encode(codec) + FS_CHINESE_OFF
