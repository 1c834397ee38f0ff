"""The lobby display's look: a dark board readable across the lobby.

Every text/background pair here is at least 7:1 (WCAG AAA); the board uses its
own colours in either theme palette, since it is a sign, not a touch screen.
"""

from __future__ import annotations

from ui.display.fit import BoardFit

BOARD_BG = "#0B2239"
PANEL_BG = "#12304F"
TEXT = "#FFFFFF"
MUTED = "#D6E2EE"
CODE = "#FFE14D"
FRESH_BG = "#FFE14D"
FRESH_TEXT = "#0B2239"
WARNING_BG = "#FFE14D"
WARNING_TEXT = "#000000"


def display_stylesheet(fit: BoardFit) -> str:
    """The board's style with the text sizes and spacings ``fit`` chose for the screen."""

    def px(role: str) -> str:
        return f"{fit.sizes[role]}px"

    radius, frame = fit.space(24), fit.space(4)

    return f"""
#displayBody {{ background: {BOARD_BG}; }}
#displayBody QWidget {{ color: {TEXT}; }}
#displayBody QLabel[role="board_branch"] {{ font-size: {px("board_branch")}; font-weight: 700; }}
#displayBody QLabel[role="board_clock"] {{ font-size: {px("board_clock")}; font-weight: 700; color: {MUTED}; }}
#displayBody QLabel[role="board_title"] {{ font-size: {px("board_title")}; font-weight: 700; color: {MUTED}; }}
#displayBody QLabel[role="board_hint"] {{ font-size: {px("board_hint")}; color: {MUTED}; }}
#displayBody QFrame#display\\.calls, #displayBody QFrame#display\\.waiting {{
    background: {PANEL_BG}; border-radius: {radius}px;
}}
#displayBody QFrame#display\\.newest {{ border: {frame}px solid {CODE}; border-radius: {radius}px; }}
#displayBody QFrame#display\\.newest[fresh="true"] {{ background: {FRESH_BG}; }}
#displayBody QLabel[role="board_code_newest"] {{
    font-size: {px("board_code_newest")}; font-weight: 800; color: {CODE};
}}
#displayBody QLabel[role="board_counter_newest"] {{ font-size: {px("board_counter_newest")}; font-weight: 700; }}
#displayBody QFrame#display\\.newest[fresh="true"] QLabel {{ color: {FRESH_TEXT}; }}
#displayBody QLabel[role="board_code"] {{ font-size: {px("board_code")}; font-weight: 800; color: {CODE}; }}
#displayBody QLabel[role="board_counter"] {{ font-size: {px("board_counter")}; font-weight: 600; }}
#displayBody QLabel[role="board_service"] {{ font-size: {px("board_service")}; font-weight: 700; }}
#displayBody QLabel[role="board_wait"] {{ font-size: {px("board_wait")}; color: {MUTED}; }}
#displayBody QLabel[role="board_wait"][paused="true"] {{ color: {CODE}; }}
#displayBody QLabel[role="warning"] {{
    background: {WARNING_BG}; color: {WARNING_TEXT}; font-size: {px("warning")}; font-weight: 700;
    border: none; border-radius: 0; padding: {fit.space(12)}px {fit.space(32)}px;
}}
"""
