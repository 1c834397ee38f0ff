"""Contrast, measured: the theme's colour pairs as data, checked against WCAG and
against the stylesheet that uses them, and the text every customer screen draws,
measured on its pixels in both themes."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QAbstractButton, QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from tests.layout_fit import visible_rect, window_rect
from ui.common.contrast import MINIMUM, PAIRS, PALETTES, Kind, weak_pairs
from ui.common.theme import HIGH_CONTRAST, Palette, contrast_ratio, stylesheet
from ui.customer.screenshots import SHOTS, ScreenWalker, walked_kiosk
from ui.customer.window import KioskWindow

_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_COLOUR = re.compile(r"#[0-9A-Fa-f]{6}")


@pytest.mark.parametrize("name", list(PALETTES))
def test_every_pair_of_the_theme_reaches_its_minimum(name: str) -> None:
    assert weak_pairs(PALETTES[name]) == {}


def test_the_focus_ring_stands_out_against_both_its_neighbours() -> None:
    """Around the button, the screen or a card; inside the ring, the same background
    (the fill stops at the content)."""
    for palette in PALETTES.values():
        for background in (palette.window, palette.surface, palette.warning_bg):
            assert contrast_ratio(palette.focus, background) >= 3.0
    assert (
        "background-clip: content" in _rules(stylesheet(PALETTES["default"]))["QPushButton:focus"]
    )


def _rules(sheet: str) -> dict[str, str]:
    return {m.group(1).strip(): m.group(2) for m in _RULE.finditer(sheet)}


@pytest.mark.parametrize("name", list(PALETTES))
def test_the_stylesheet_draws_only_the_pairs_declared(name: str) -> None:
    """Every colour in the stylesheet is the palette's; a rule that sets both a text
    colour and a background sets a declared pair; a text colour alone is a declared
    foreground."""
    palette = PALETTES[name]
    fields = {getattr(palette, f): f for f in Palette.__dataclass_fields__}
    pairs = {pair.colours(palette) for pair in PAIRS}
    foregrounds = {fg for fg, _bg in pairs}
    problems = []
    for selector, body in _rules(stylesheet(palette)).items():
        unknown = [c for c in _COLOUR.findall(body) if c not in fields]
        problems += [f"{selector}: {c} is not in the palette" for c in unknown]
        colour = re.search(r"(?<![-\w])color:\s*(#\w+)", body)
        background = re.search(r"background:\s*(#\w+)", body)
        if colour and background and ":disabled" not in selector:
            if (colour.group(1), background.group(1)) not in pairs:
                problems.append(
                    f"{selector}: {fields[colour.group(1)]} on "
                    f"{fields[background.group(1)]} is not a declared pair"
                )
        elif colour and colour.group(1) not in foregrounds:
            problems.append(f"{selector}: {fields[colour.group(1)]} is not a declared text")
    assert problems == []


# -- measured on the screens ---------------------------------------------------------------
@pytest.fixture
def walker(qtbot: QtBot, tmp_path: Path) -> Iterator[ScreenWalker]:
    with walked_kiosk(tmp_path) as walker:
        qtbot.addWidget(walker.window)
        walker.window.show()
        qtbot.waitExposed(walker.window)
        yield walker


def _large(widget: QWidget) -> bool:
    font = widget.fontInfo()
    return (font.pixelSize() >= 24 and (font.bold() or font.pixelSize() >= 32)) or (
        font.pixelSize() >= 19 and font.bold()
    )


def _disabled(widget: QWidget) -> bool:
    parent: QWidget | None = widget
    while parent is not None:
        if not parent.isEnabled():
            return True
        parent = parent.parentWidget()
    return False


def measured_ratio(image: QImage, widget: QWidget, window: QWidget) -> float | None:
    """The contrast between the most common colour in the widget's text area (its
    background) and the colour furthest from it (the glyphs' solid cores)."""
    inset = 12 if isinstance(widget, QPushButton) else 0  # inside the border and corners
    rect = window_rect(widget, window).adjusted(inset, inset, -inset, -inset)
    rect = rect.intersected(visible_rect(widget, window))  # what scrolling leaves in view
    if rect.width() < 4 or rect.height() < 4:
        return None
    part = image.copy(rect).convertToFormat(QImage.Format.Format_RGB32)
    pixels = memoryview(part.constBits()).cast("I")
    counts = Counter(pixels)
    background = counts.most_common(1)[0][0]
    hex_of = "#{:06X}".format
    bg = hex_of(background & 0xFFFFFF)
    ratios = [contrast_ratio(hex_of(c & 0xFFFFFF), bg) for c in counts if c != background]
    return max(ratios, default=None)


def _texts(window: KioskWindow) -> Iterator[QLabel | QAbstractButton]:
    """Visible texts of enabled widgets (under the idle warning, only the warning's)."""
    overlay = window.overlay
    for widget in window.findChildren(QLabel) + window.findChildren(QAbstractButton):
        if not widget.isVisible() or _disabled(widget) or widget.window() is not window:
            continue
        if overlay is not None and overlay.isVisible() and not overlay.isAncestorOf(widget):
            continue  # dimmed on purpose
        plain_button = isinstance(widget, QPushButton) and widget.layout() is None
        if (isinstance(widget, QLabel) and widget.text()) or (plain_button and widget.text()):
            yield widget


@pytest.mark.parametrize("name", list(PALETTES))
def test_the_text_on_every_screen_measures_up(walker: ScreenWalker, name: str) -> None:
    palette = PALETTES[name]
    high = palette is HIGH_CONTRAST
    window = walker.window
    walker.resize("1920x1080")
    found = []
    for locale in ("en", "zh_Hant"):
        for shot in SHOTS:
            walker.show(shot, locale)
            window.theme.set_high_contrast(high)
            walker.settle()
            image = window.grab().toImage()
            for widget in _texts(window):
                ratio = measured_ratio(image, widget, window)
                kind = Kind.LARGE_TEXT if _large(widget) else Kind.TEXT
                least = MINIMUM[kind][1 if high else 0]
                if ratio is not None and ratio < least:
                    found.append(
                        f"{shot} ({locale}) {widget.objectName() or widget.text()!r}: "
                        f"{ratio:.2f} < {least} ({kind.value})"
                    )
    assert found == [], "\n".join(found)


def test_the_measure_finds_weak_text(qtbot: QtBot) -> None:
    """The measure is the pixels': grey on grey measures what WCAG says it is."""
    host = QWidget()
    qtbot.addWidget(host)
    host.setStyleSheet(
        "QWidget { background: #AAAAAA; } QLabel { color: #777777; font-size: 40px; }"
    )
    text = QLabel("Weak words 弱", host)
    text.resize(400, 80)
    host.resize(400, 80)
    host.show()
    qtbot.waitExposed(host)
    ratio = measured_ratio(host.grab().toImage(), text, host)
    assert ratio == pytest.approx(contrast_ratio("#777777", "#AAAAAA"), abs=0.05)
