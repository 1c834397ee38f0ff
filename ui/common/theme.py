"""The one place that decides how the kiosk looks: colours, fonts, sizes.

Two palettes: calm bank colours (every text/background pair ≥ 4.5:1, WCAG AA)
and a high-contrast variant (≥ 7:1, AAA), switchable live from the welcome
screen. Fonts are picked per locale so Simplified and Traditional Chinese get
their own glyph shapes (Noto Sans CJK SC / TC). Sizes are for a 1080p touch
screen at arm's length, portrait or landscape: body text 28 px, buttons 88 px
tall (touch targets far above the 48 px minimum).

Widgets say *what* they are with a ``role`` property (``primary``, ``title``,
``warning`` …); this module says how each role looks.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QWidget
from shiboken6 import isValid as shiboken_valid

from ui.common.after_paint import after_paint
from ui.common.text_size import scaled_px, scaled_sheet

#: Font families per locale, best first; Qt falls back along the list per glyph.
#: "Lobby Endonyms" holds only the glyphs of the language buttons (简体中文, 繁體中文;
#: ``scripts/make_endonym_font.py``), so an English screen needs no CJK collection.
FONT_FAMILIES: dict[str, list[str]] = {
    "en": ["Noto Sans", "DejaVu Sans", "Lobby Endonyms", "Noto Sans CJK SC"],
    "zh_Hans": ["Noto Sans CJK SC", "WenQuanYi Micro Hei", "DejaVu Sans"],
    "zh_Hant": ["Noto Sans CJK TC", "Noto Sans CJK HK", "WenQuanYi Micro Hei", "DejaVu Sans"],
}

BODY_PX = 28
#: After a language switch the hidden screens get the script's font after the next
#: frame, or at the latest after this long.
REFONT_LATEST_MS = 60
MIN_TOUCH_PX = 48
BUTTON_HEIGHT_PX = 88


@dataclass(frozen=True)
class Palette:
    window: str
    surface: str
    text: str
    muted: str
    primary: str
    on_primary: str
    secondary_border: str
    warning_bg: str
    warning_text: str
    success_bg: str
    success_text: str
    focus: str
    disabled_bg: str
    disabled_text: str

    def text_pairs(self) -> dict[str, tuple[str, str]]:
        """Every foreground/background pair the stylesheet uses, for contrast checks."""
        return {
            "body": (self.text, self.window),
            "card": (self.text, self.surface),
            "muted": (self.muted, self.window),
            "muted_card": (self.muted, self.surface),
            "primary": (self.on_primary, self.primary),
            "secondary": (self.primary, self.surface),
            "warning": (self.warning_text, self.warning_bg),
            "success": (self.success_text, self.success_bg),
            "disabled": (self.disabled_text, self.disabled_bg),
        }


STANDARD = Palette(
    window="#F3F6F9",
    surface="#FFFFFF",
    text="#14212E",
    muted="#46525F",
    primary="#0A4A7F",
    on_primary="#FFFFFF",
    secondary_border="#0A4A7F",
    warning_bg="#FFF3DC",
    warning_text="#5A3700",
    success_bg="#E3F4EA",
    success_text="#124D2B",
    focus="#B45309",
    disabled_bg="#E2E6EA",
    disabled_text="#4F5963",
)

HIGH_CONTRAST = Palette(
    window="#000000",
    surface="#000000",
    text="#FFFFFF",
    muted="#F0F0F0",
    primary="#FFE14D",
    on_primary="#000000",
    secondary_border="#FFFFFF",
    warning_bg="#000000",
    warning_text="#FFE14D",
    success_bg="#000000",
    success_text="#7CFF9B",
    focus="#00E5FF",
    disabled_bg="#1A1A1A",
    disabled_text="#E0E0E0",
)


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


ICONS = Path(__file__).resolve().parents[2] / "assets" / "icons"
FONTS = ICONS.parent / "fonts"


@cache
def register_bundled_fonts() -> None:
    """The kiosk's own font files (a few kilobytes), once per process."""
    for path in sorted(FONTS.glob("*.otf")):
        QFontDatabase.addApplicationFont(str(path))


def tick_image(p: Palette) -> str:
    """The tick drawn on a ticked box (filled with ``primary``), in ``on_primary``:
    ``assets/icons/tick-light.svg`` or ``tick-dark.svg``, as a stylesheet ``url()`` path."""
    shade = "light" if _luminance(p.on_primary) > 0.5 else "dark"
    return (ICONS / f"tick-{shade}.svg").as_posix()


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG contrast ratio of two ``#RRGGBB`` colours (1 … 21)."""
    high, low = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def stylesheet(p: Palette) -> str:
    return f"""
QWidget {{ color: {p.text}; font-size: {BODY_PX}px; }}
#kioskWindow, QStackedWidget, QScrollArea, QScrollArea > QWidget > QWidget {{
    background: {p.window};
}}
QLabel {{ background: transparent; }}
QLabel[role="branch"] {{ font-size: 30px; font-weight: 600; color: {p.muted}; }}
QLabel[role="greeting"] {{ font-size: 60px; font-weight: 700; }}
QLabel[role="title"] {{ font-size: 46px; font-weight: 700; }}
QLabel[role="subtitle"] {{ font-size: 32px; font-weight: 600; }}
QLabel[role="muted"] {{ color: {p.muted}; }}
QLabel[role="progress"] {{ color: {p.muted}; font-size: 26px; }}
QLabel[role="code"] {{ font-size: 190px; font-weight: 800; color: {p.primary}; }}
QLabel[role="warning"], QFrame[role="warning"] {{
    background: {p.warning_bg}; color: {p.warning_text};
    border: 3px solid {p.warning_text}; border-radius: 14px; padding: 18px;
}}
QFrame[role="warning"] QLabel {{ color: {p.warning_text}; }}
QFrame[role="warning"] QPushButton QLabel[role="button_text"] {{ color: {p.primary}; }}
QLabel[role="success"] {{
    background: {p.success_bg}; color: {p.success_text};
    border-radius: 14px; padding: 18px;
}}
QFrame[role="card"] {{
    background: {p.surface}; border: 2px solid {p.secondary_border}; border-radius: 16px;
}}
QPushButton {{
    min-height: {BUTTON_HEIGHT_PX}px; min-width: {BUTTON_HEIGHT_PX}px;
    padding: 8px 28px; border-radius: 16px; font-size: 32px; font-weight: 600;
    background: {p.surface}; color: {p.primary}; border: 3px solid {p.secondary_border};
}}
QPushButton[role="primary"] {{
    background: {p.primary}; color: {p.on_primary}; border: 3px solid {p.primary};
}}
QLabel[role="button_text"] {{ color: {p.primary}; font-size: 32px; font-weight: 600; }}
QPushButton[role="primary"] QLabel {{ color: {p.on_primary}; }}
QPushButton QLabel[off="true"] {{ color: {p.disabled_text}; }}
QPushButton[role="small"] {{
    min-height: {MIN_TOUCH_PX + 8}px; font-size: 24px; padding: 4px 18px; color: {p.muted};
    border: 2px solid {p.muted};
}}
QPushButton[role="small"]:checked {{
    background: {p.primary}; color: {p.on_primary}; border-color: {p.primary};
}}
QPushButton[role="lang"][current="true"], QPushButton[lang="true"][current="true"] {{
    background: {p.primary}; color: {p.on_primary};
}}
QPushButton[role="option"], QPushButton[role="check"] {{
    text-align: left; padding: 18px 24px; min-height: 104px;
}}
QPushButton[role="option"] QLabel, QPushButton[role="check"] QLabel {{ color: {p.text}; }}
QPushButton[role="check"]:checked {{ border-width: 5px; }}
QLabel[role="hint"] {{ color: {p.muted}; font-size: 24px; font-weight: 400; }}
QLabel[role="tag"] {{ font-size: 22px; font-weight: 700; color: {p.muted}; }}
QPushButton[role="check"] QLabel[role="box"] {{
    min-width: 52px; max-width: 52px; min-height: 52px; max-height: 52px;
    border: 4px solid {p.primary}; border-radius: 10px;
    font-family: "DejaVu Sans"; font-size: 36px; font-weight: 800; color: {p.on_primary};
    qproperty-alignment: AlignCenter;
}}
QPushButton[role="check"] QLabel[role="box"][checked="true"] {{ background: {p.primary}; }}
QPushButton:pressed {{ background: {p.primary}; color: {p.on_primary}; }}
QPushButton:focus {{
    outline: none; border-color: {p.focus}; border-width: 5px; background-clip: content;
}}
QPushButton:disabled {{
    background: {p.disabled_bg}; color: {p.disabled_text}; border-color: {p.disabled_bg};
}}
QPushButton[role="pin"] {{ font-size: 44px; min-height: 110px; min-width: 150px; }}
QPushButton[role="code_key"] {{ font-size: 36px; min-height: 88px; min-width: 88px; padding: 4px 8px; }}
QPushButton[role="pin"][accent="true"] {{
    background: {p.primary}; color: {p.on_primary}; border-color: {p.primary};
}}
QPushButton[role="pin"][accent="true"]:disabled {{
    background: {p.disabled_bg}; color: {p.disabled_text}; border-color: {p.disabled_bg};
}}
QLabel[role="dots"] {{ font-size: 64px; letter-spacing: 12px; }}
QTableWidget {{
    background: {p.surface}; gridline-color: {p.muted}; font-size: 24px;
    border: 2px solid {p.secondary_border};
}}
QTableWidget::item {{ padding: 4px 6px; }}
QHeaderView::section {{
    background: {p.primary}; color: {p.on_primary}; font-size: 24px; font-weight: 700;
    padding: 8px; border: none;
}}
QScrollBar:vertical {{ width: 28px; background: {p.window}; }}
QScrollBar::handle:vertical {{ background: {p.muted}; border-radius: 10px; min-height: 80px; }}
QScrollBar::add-line:vertical, QScrollBar::sub-line:vertical {{ height: 0px; border: none; }}
QScrollBar::add-page:vertical, QScrollBar::sub-page:vertical {{ background: none; }}
QLabel[role="banner"] {{
    background: {p.warning_bg}; color: {p.warning_text}; border-bottom: 4px solid {p.warning_text};
    padding: 20px 32px; font-size: 32px; font-weight: 700;
}}
QPushButton[role="corner"], QPushButton[role="corner"]:pressed {{
    background: transparent; border: none; color: {p.muted}; font-size: 30px; font-weight: 600;
    min-height: {MIN_TOUCH_PX + 16}px; padding: 4px 12px;
}}
QPushButton[role="choice"] {{ font-size: 28px; padding: 8px 16px; }}
QPushButton[role="choice"]:checked {{
    background: {p.primary}; color: {p.on_primary}; border-color: {p.primary};
}}
QLabel[role="indicator"] {{
    background: {p.surface}; border: 2px solid {p.secondary_border}; border-radius: 14px;
    padding: 12px 18px; font-size: 26px; font-weight: 600;
}}
QWidget#idleOverlay {{ background: rgba(0, 0, 0, 170); }}
QFrame#idlePanel {{
    background: {p.surface}; border: 4px solid {p.primary}; border-radius: 24px;
}}
QLabel[role="countdown"] {{ font-size: 120px; font-weight: 800; color: {p.primary}; }}
"""


class Theme(QObject):
    """Applies the stylesheet and the locale's fonts to the application."""

    theme_did_change = Signal()

    def __init__(self, app: QApplication, high_contrast: bool = False) -> None:
        super().__init__()
        register_bundled_fonts()
        self._app = app
        self._default_high_contrast = high_contrast
        self.high_contrast = high_contrast
        self.text_scale = 1.0
        """The customer's text size (one of :data:`~ui.common.text_size.TEXT_STEPS`)."""
        self.locale = "en"
        self._root: QWidget | None = None
        self._cancel_refont: Callable[[], None] | None = None
        # before any widget is built: one polished earlier would measure its text with
        # the platform's default font and its fallbacks (the whole CJK collection)
        app.setFont(self.font())

    @property
    def palette(self) -> Palette:
        return HIGH_CONTRAST if self.high_contrast else STANDARD

    def attach(self, root: QWidget) -> None:
        """Style ``root`` (the kiosk window) and everything in it."""
        self._root = root
        self._apply()

    def set_high_contrast(self, on: bool) -> None:
        if on != self.high_contrast:
            self.high_contrast = on
            self._apply()

    def set_text_scale(self, scale: float) -> None:
        """Every text at ``scale`` × its size, live on every screen."""
        if scale != self.text_scale:
            self.text_scale = scale
            self._apply()

    def set_locale(self, locale: str) -> None:
        if locale != self.locale:
            self.locale = locale
            self._apply_font()

    def reset(self) -> None:
        """Back to the configured look (a new customer)."""
        self.set_high_contrast(self._default_high_contrast)
        self.set_text_scale(1.0)

    def font(self) -> QFont:
        font = QFont()
        font.setFamilies(FONT_FAMILIES.get(self.locale, FONT_FAMILIES["en"]))
        font.setPixelSize(scaled_px(BODY_PX, self.text_scale))
        return font

    def _apply_font(self) -> None:
        self._app.setFont(self.font())
        if self._root is not None:
            self._root.setFont(self.font())
            # A widget a stylesheet rule gives a size or weight keeps the family it
            # resolved when it was polished, whatever its parent's font becomes: give
            # every widget (also those built before the switch) the locale's families.
            # Those on screen now, before the frame; the hidden screens' just after it
            # (a few hundred widgets: most of a language switch's time otherwise).
            hidden: list[QWidget] = []
            shown: list[QWidget] = []
            for widget in _text_widgets(self._root):
                (shown if self._refont(widget, visible=True) else hidden).append(widget)
            if self._cancel_refont is not None:
                self._cancel_refont()
                self._cancel_refont = None
            if hidden:
                self._refont_soon(hidden, shown[-1] if shown else None)
        self.theme_did_change.emit()

    def _refont(self, widget: QWidget, visible: bool = False) -> bool:
        """Give ``widget`` the locale's families (only if visible, with ``visible``);
        whether it has them now."""
        if visible and not widget.isVisible():
            return False
        families = FONT_FAMILIES.get(self.locale, FONT_FAMILIES["en"])
        font = widget.font()
        if font.families() == families:
            return True
        font.setFamilies(families)
        widget.setFont(font)
        return True

    def _refont_soon(self, widgets: list[QWidget], painted: QWidget | None) -> None:
        """Refont ``widgets`` once ``painted`` has been painted (its font changed, so it
        is), or after :data:`REFONT_LATEST_MS` whatever happens (a window not exposed
        paints nothing; a screen shown meanwhile must not keep the old script's font)."""
        fallback = QTimer(self)
        fallback.setSingleShot(True)
        done = [False]

        def finish() -> None:
            done[0] = True
            fallback.stop()
            fallback.deleteLater()

        def run() -> None:
            if not done[0]:  # once: at the paint or the fallback, never after a cancel
                finish()
                self._refont_all(widgets)

        fallback.timeout.connect(run)
        fallback.start(REFONT_LATEST_MS)
        if painted is not None:
            after_paint(painted, run)
        self._cancel_refont = finish

    def _refont_all(self, widgets: list[QWidget]) -> None:
        self._cancel_refont = None
        for widget in widgets:
            if shiboken_valid(widget):  # a screen may have been rebuilt meanwhile
                self._refont(widget)

    def _apply(self) -> None:
        self._app.setFont(self.font())
        if self._root is not None:
            self._root.setFont(self.font())
            self._root.setStyleSheet(scaled_sheet(stylesheet(self.palette), self.text_scale))
        self.theme_did_change.emit()


@cache
def text_widget_types() -> tuple[type[QWidget], ...]:
    """The widgets that show text: only these are walked on a language switch (asking
    for every widget would also wrap Qt's own inner widgets in Python objects, each
    time). Imported at the first switch, not at start: each class PySide6 loads
    creates its enums then, a few milliseconds apiece before the first window."""
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QAbstractSpinBox,
        QComboBox,
        QLabel,
        QLineEdit,
        QTextEdit,
    )

    return (
        QLabel,
        QAbstractButton,
        QLineEdit,
        QComboBox,
        QAbstractItemView,
        QAbstractSpinBox,
        QTextEdit,
    )


def _text_widgets(root: QWidget) -> list[QWidget]:
    found: list[QWidget] = []
    for kind in text_widget_types():
        found.extend(root.findChildren(kind))
    return found


def repolish(widget: QWidget) -> None:
    """Re-apply the stylesheet after a ``role``/``current``/``checked`` property changed."""
    if not widget.testAttribute(Qt.WidgetAttribute.WA_WState_Polished):
        return  # not styled yet: the property is read when it is first shown
    # Setting its own (usually empty) sheet again makes Qt unpolish and polish it
    # against the sheets in force, in C++. ``widget.style()`` would do the same, but
    # the first QStyle PySide6 wraps creates all of QStyle's enums: ~20 ms before the
    # first window, for the welcome screen's "current language" mark.
    widget.setStyleSheet(widget.styleSheet())
    widget.update()
