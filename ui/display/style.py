"""The lobby display's look: a dark board readable across the lobby.

Every text/background pair here is at least 7:1 (WCAG AAA); the board uses its
own colours in either theme palette, since it is a sign, not a touch screen.
"""

from __future__ import annotations

BOARD_BG = "#0B2239"
PANEL_BG = "#12304F"
TEXT = "#FFFFFF"
MUTED = "#D6E2EE"
CODE = "#FFE14D"
FRESH_BG = "#FFE14D"
FRESH_TEXT = "#0B2239"
WARNING_BG = "#FFE14D"
WARNING_TEXT = "#000000"


def display_stylesheet() -> str:
    return f"""
#displayBody {{ background: {BOARD_BG}; }}
#displayBody QWidget {{ color: {TEXT}; }}
#displayBody QLabel[role="board_branch"] {{ font-size: 44px; font-weight: 700; }}
#displayBody QLabel[role="board_clock"] {{ font-size: 44px; font-weight: 700; color: {MUTED}; }}
#displayBody QLabel[role="board_title"] {{ font-size: 40px; font-weight: 700; color: {MUTED}; }}
#displayBody QLabel[role="board_hint"] {{ font-size: 36px; color: {MUTED}; }}
#displayBody QFrame#display\\.calls, #displayBody QFrame#display\\.waiting {{
    background: {PANEL_BG}; border-radius: 24px;
}}
#displayBody QFrame#display\\.newest {{ border: 4px solid {CODE}; border-radius: 24px; }}
#displayBody QFrame#display\\.newest[fresh="true"] {{ background: {FRESH_BG}; }}
#displayBody QLabel[role="board_code_newest"] {{
    font-size: 200px; font-weight: 800; color: {CODE};
}}
#displayBody QLabel[role="board_counter_newest"] {{ font-size: 84px; font-weight: 700; }}
#displayBody QFrame#display\\.newest[fresh="true"] QLabel {{ color: {FRESH_TEXT}; }}
#displayBody QLabel[role="board_code"] {{ font-size: 64px; font-weight: 800; color: {CODE}; }}
#displayBody QLabel[role="board_counter"] {{ font-size: 48px; font-weight: 600; }}
#displayBody QLabel[role="board_service"] {{ font-size: 44px; font-weight: 700; }}
#displayBody QLabel[role="board_wait"] {{ font-size: 34px; color: {MUTED}; }}
#displayBody QLabel[role="board_wait"][paused="true"] {{ color: {CODE}; }}
#displayBody QLabel[role="warning"] {{
    background: {WARNING_BG}; color: {WARNING_TEXT}; font-size: 36px; font-weight: 700;
    border: none; border-radius: 0; padding: 16px 32px;
}}
"""
