"""The console's additions to the kiosk theme: a desk monitor, not a lobby touch screen.

Applied to the console's body widget, so these rules win over the theme's
(a widget's nearer style sheet is preferred) while colours stay the theme's.
"""

from __future__ import annotations

from ui.common.theme import MIN_TOUCH_PX, Palette


def console_stylesheet(p: Palette) -> str:
    return f"""
#consoleBody {{ background: {p.window}; }}
#consoleBody QWidget {{ font-size: 22px; }}
#consoleBody QPushButton {{
    min-height: 56px; min-width: 56px; font-size: 22px; padding: 2px 14px; border-radius: 12px;
}}
#consoleBody QPushButton[role="pin"] {{ font-size: 34px; min-height: 64px; min-width: 120px; }}
#consoleBody QPushButton[role="small"] {{ min-height: {MIN_TOUCH_PX}px; font-size: 20px; }}
#consoleBody QPushButton[role="option"], #consoleBody QPushButton[role="check"] {{
    min-height: 52px; padding: 2px 18px; text-align: left;
}}
/* border + padding the same in both states: choosing a field moves nothing */
#consoleBody QPushButton[role="check"] {{ padding: 4px 20px; }}
#consoleBody QPushButton[role="check"]:checked {{
    background: {p.primary}; color: {p.on_primary}; border: 5px solid {p.focus};
    padding: 2px 18px;
}}
#consoleBody QPushButton[role="option"] QLabel[role="subtitle"] {{ font-size: 26px; }}
#consoleBody QPushButton[role="option"] QLabel[role="hint"] {{ font-size: 20px; }}
#consoleBody QLabel[role="title"] {{ font-size: 36px; font-weight: 700; }}
#consoleBody QLabel[role="subtitle"] {{ font-size: 26px; font-weight: 600; }}
#consoleBody QLabel[role="branch"] {{ font-size: 24px; font-weight: 600; color: {p.muted}; }}
#consoleBody QLabel[role="warning"], #consoleBody QLabel[role="success"] {{ padding: 10px; }}
#consoleBody QLabel[role="console_code"] {{
    font-size: 96px; font-weight: 800; color: {p.primary};
}}
#consoleBody QLabel[role="console_status"] {{ font-size: 28px; font-weight: 700; }}
#consoleBody QLabel[role="console_missing"] {{
    border: 2px solid transparent; border-radius: 8px; padding: 8px 12px;
}}
#consoleBody QLabel[role="console_missing"][missing="true"] {{
    background: {p.warning_bg}; color: {p.warning_text}; border-color: {p.warning_text};
    font-weight: 700;
}}
#consoleBody QLineEdit {{
    font-size: 22px; min-height: {MIN_TOUCH_PX}px; padding: 2px 10px;
    background: {p.surface}; color: {p.text};
    border: 2px solid {p.secondary_border}; border-radius: 8px;
}}
#consoleBody QComboBox {{ font-size: 22px; min-height: {MIN_TOUCH_PX}px; }}
#consoleBody QComboBox QLineEdit {{ border: none; padding: 0px; min-height: 0px; }}
#consoleBody QComboBox QAbstractItemView {{ background: {p.surface}; color: {p.text}; }}
#consoleBody QTableWidget {{ font-size: 22px; }}
#consoleBody QTableWidget::item:selected {{ background: {p.primary}; color: {p.on_primary}; }}
#consoleBody QHeaderView::section {{ font-size: 20px; }}
"""
