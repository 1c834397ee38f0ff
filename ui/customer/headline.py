"""A screen's headline, which the seated layout can show above the reach line
(:mod:`ui.customer.headroom`)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QWidget


class Headline(QLabel):
    """A screen's headline (its title): says when its text changes, so the headroom
    can show it."""

    text_did_change = Signal()

    def __init__(self, role: str = "title", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setProperty("role", role)

    def setText(self, text: str) -> None:
        changed = text != self.text()
        super().setText(text)
        if changed:
            self.text_did_change.emit()
