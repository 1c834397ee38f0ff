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


def display_stylesheet(scale: float = 1.0) -> str:
    """The board's style with every size multiplied by ``scale`` (1.0: a 1080p screen)."""

    def px(size: int) -> str:
        return f"{max(12, round(size * scale))}px"

    return f"""
#displayBody {{ background: {BOARD_BG}; }}
#displayBody QWidget {{ color: {TEXT}; }}
#displayBody QLabel[role="board_branch"] {{ font-size: {px(44)}; font-weight: 700; }}
#displayBody QLabel[role="board_clock"] {{ font-size: {px(44)}; font-weight: 700; color: {MUTED}; }}
#displayBody QLabel[role="board_title"] {{ font-size: {px(40)}; font-weight: 700; color: {MUTED}; }}
#displayBody QLabel[role="board_hint"] {{ font-size: {px(36)}; color: {MUTED}; }}
#displayBody QFrame#display\\.calls, #displayBody QFrame#display\\.waiting {{
    background: {PANEL_BG}; border-radius: 24px;
}}
#displayBody QFrame#display\\.newest {{ border: 4px solid {CODE}; border-radius: 24px; }}
#displayBody QFrame#display\\.newest[fresh="true"] {{ background: {FRESH_BG}; }}
#displayBody QLabel[role="board_code_newest"] {{
    font-size: {px(200)}; font-weight: 800; color: {CODE};
}}
#displayBody QLabel[role="board_counter_newest"] {{ font-size: {px(84)}; font-weight: 700; }}
#displayBody QFrame#display\\.newest[fresh="true"] QLabel {{ color: {FRESH_TEXT}; }}
#displayBody QLabel[role="board_code"] {{ font-size: {px(64)}; font-weight: 800; color: {CODE}; }}
#displayBody QLabel[role="board_counter"] {{ font-size: {px(48)}; font-weight: 600; }}
#displayBody QLabel[role="board_service"] {{ font-size: {px(44)}; font-weight: 700; }}
#displayBody QLabel[role="board_wait"] {{ font-size: {px(34)}; color: {MUTED}; }}
#displayBody QLabel[role="board_wait"][paused="true"] {{ color: {CODE}; }}
#displayBody QLabel[role="warning"] {{
    background: {WARNING_BG}; color: {WARNING_TEXT}; font-size: {px(36)}; font-weight: 700;
    border: none; border-radius: 0; padding: 16px 32px;
}}
"""
