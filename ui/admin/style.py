"""How admin mode looks: the kiosk's palette, denser than the customer screens.

Admin screens hold forms and tables, so text is smaller than on the customer
screens (22 px instead of 28 px) but every control stays a touch target of at
least 56 px (the theme's minimum is 48 px). Colours come from the active
:class:`~ui.common.theme.Palette`, so the high-contrast variant applies here too.
"""

from __future__ import annotations

from ui.common.theme import MIN_TOUCH_PX, Palette, contrast_ratio, tick_image

CONTROL_PX = MIN_TOUCH_PX + 8
NAV_PX = 60


ARROW = ":/qt-project.org/styles/commonstyle/images/arrow-down-32.png"
"""Qt's own black arrow: used on light palettes; dark ones keep the style's arrow."""


def admin_stylesheet(p: Palette) -> str:
    return _rules(p) + (_arrows(p) if contrast_ratio(p.surface, "#000000") > 10 else "")


def _arrows(p: Palette) -> str:
    return f"""
QComboBox::drop-down, QDateEdit::drop-down {{
    width: 44px; border: none; border-left: 2px solid {p.muted};
}}
QComboBox::down-arrow, QDateEdit::down-arrow {{ image: url({ARROW}); width: 18px; height: 18px; }}
"""


def _rules(p: Palette) -> str:
    return f"""
QWidget {{ font-size: 22px; color: {p.text}; }}
QWidget#adminBody, QScrollArea, QScrollArea > QWidget > QWidget, QStackedWidget {{
    background: {p.window};
}}
QFrame#adminNav {{ background: {p.surface}; border-right: 3px solid {p.secondary_border}; }}
QLabel {{ background: transparent; }}
QLabel[role="title"] {{ font-size: 34px; font-weight: 700; }}
QLabel[role="subtitle"] {{ font-size: 26px; font-weight: 600; }}
QLabel[role="muted"], QLabel[role="hint"] {{ color: {p.muted}; font-size: 20px; }}
QLabel[role="field"] {{ font-weight: 600; }}
QLabel[role="warning"], QFrame[role="warning"] {{
    background: {p.warning_bg}; color: {p.warning_text};
    border: 2px solid {p.warning_text}; border-radius: 10px; padding: 10px;
}}
QFrame[role="warning"] QLabel {{ color: {p.warning_text}; }}
QLabel[role="field_error"] {{
    color: {p.warning_text}; background: {p.warning_bg}; font-size: 20px;
    border-left: 6px solid {p.warning_text}; padding: 4px 8px;
}}
QLabel[role="success"] {{
    background: {p.success_bg}; color: {p.success_text};
    border: 2px solid {p.success_text}; border-radius: 10px; padding: 10px;
}}
QLabel[role="dots"] {{ font-size: 44px; letter-spacing: 8px; }}
QFrame[role="card"] {{
    background: {p.surface}; border: 2px solid {p.secondary_border}; border-radius: 12px;
}}
QPushButton {{
    min-height: {CONTROL_PX}px; min-width: {CONTROL_PX}px; padding: 4px 16px;
    border-radius: 10px; font-size: 22px; font-weight: 600;
    background: {p.surface}; color: {p.primary}; border: 2px solid {p.secondary_border};
}}
QPushButton[role="primary"] {{
    background: {p.primary}; color: {p.on_primary}; border-color: {p.primary};
}}
QPushButton[role="danger"] {{ color: {p.warning_text}; border-color: {p.warning_text}; }}
QPushButton[role="case"] {{ text-align: left; padding: 8px 14px; }}
QPushButton[role="case"][overdue="true"] {{
    background: {p.warning_bg}; color: {p.warning_text}; border-color: {p.warning_text};
}}
QPushButton[role="nav"] {{
    min-height: {NAV_PX}px; font-size: 24px; text-align: left; padding-left: 20px;
}}
QPushButton[role="nav"][current="true"], QPushButton[role="segment"][current="true"],
QPushButton[role="lang"][current="true"] {{
    background: {p.primary}; color: {p.on_primary};
}}
QPushButton[role="pin"] {{ font-size: 32px; min-height: 72px; }}
QPushButton[role="pin_key"] {{ min-height: 72px; }}
QPushButton:pressed {{ background: {p.primary}; color: {p.on_primary}; }}
QPushButton:focus {{ border-color: {p.focus}; }}
QPushButton:disabled {{
    background: {p.disabled_bg}; color: {p.disabled_text}; border-color: {p.disabled_bg};
}}
QLineEdit, QPlainTextEdit, QAbstractSpinBox, QComboBox {{
    min-height: {MIN_TOUCH_PX}px; padding: 2px 10px; font-size: 22px;
    background: {p.surface}; color: {p.text};
    border: 2px solid {p.muted}; border-radius: 8px;
}}
QLineEdit:focus, QPlainTextEdit:focus, QAbstractSpinBox:focus, QComboBox:focus {{
    border-color: {p.focus};
}}
QLineEdit:read-only {{ background: {p.disabled_bg}; color: {p.disabled_text}; }}
QLineEdit:disabled, QPlainTextEdit:disabled, QAbstractSpinBox:disabled, QComboBox:disabled {{
    background: {p.disabled_bg}; color: {p.disabled_text};
}}
QLineEdit[missing="true"], QPlainTextEdit[missing="true"] {{
    background: {p.warning_bg}; color: {p.warning_text}; border: 3px solid {p.warning_text};
}}
QAbstractSpinBox QLineEdit {{
    border: none; padding: 0px; min-height: 0px; background: transparent;
}}
QAbstractSpinBox::up-button, QAbstractSpinBox::down-button {{ width: 40px; }}
QComboBox QAbstractItemView {{
    font-size: 22px; background: {p.surface}; color: {p.text};
    selection-background-color: {p.primary}; selection-color: {p.on_primary};
}}
QCheckBox {{ min-height: {MIN_TOUCH_PX}px; spacing: 14px; }}
QCheckBox::indicator {{
    width: 34px; height: 34px; border: 3px solid {p.primary}; border-radius: 6px;
    background: {p.surface};
}}
QCheckBox::indicator:checked {{ background: {p.primary}; image: url({tick_image(p)}); }}
QListWidget, QTableWidget {{
    background: {p.surface}; color: {p.text}; font-size: 21px;
    border: 2px solid {p.secondary_border}; gridline-color: {p.muted};
    selection-background-color: {p.primary}; selection-color: {p.on_primary};
}}
QListWidget::item {{ min-height: {CONTROL_PX}px; padding: 0px 10px; }}
QHeaderView::section {{
    background: {p.primary}; color: {p.on_primary}; font-size: 20px; font-weight: 700;
    padding: 6px; border: none;
}}
QScrollBar:vertical {{ width: 28px; background: {p.window}; }}
QScrollBar::handle:vertical {{ background: {p.muted}; border-radius: 10px; min-height: 80px; }}
QScrollBar:horizontal {{ height: 28px; background: {p.window}; }}
QScrollBar::handle:horizontal {{ background: {p.muted}; border-radius: 10px; min-width: 80px; }}
QScrollBar::add-line:horizontal, QScrollBar::sub-line:horizontal {{ width: 0px; border: none; }}
QScrollBar::add-page:horizontal, QScrollBar::sub-page:horizontal {{ background: none; }}
QScrollBar::add-line:vertical, QScrollBar::sub-line:vertical {{ height: 0px; border: none; }}
QScrollBar::add-page:vertical, QScrollBar::sub-page:vertical {{ background: none; }}
"""
