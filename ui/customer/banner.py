"""The banner across the top of every kiosk screen while tickets cannot be taken."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from ui.common.language import Language
from ui.common.widgets import identify
from ui.customer.state import KioskState


class StatusBanner(QLabel):
    """Hidden while the database answers; a plain warning while it does not."""

    def __init__(self, language: Language, state: KioskState) -> None:
        super().__init__()
        self._language = language
        self._state = state
        self.setProperty("role", "banner")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        identify(self, "kiosk.banner")
        language.language_did_change.connect(lambda _loc: self.refresh())
        state.state_did_change.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        loc = self._language.loc
        self.setText(
            loc.tr("We cannot take new tickets right now. Please ask a member of staff.")
            if self._state.database_lost
            else ""
        )
        self.setAccessibleName(self.text())
        self.setVisible(self._state.database_lost)
