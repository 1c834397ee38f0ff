"""A property changed after the stylesheet was applied shows at once (``repolish``)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from ui.common.theme import STANDARD, repolish, stylesheet


def test_a_changed_property_restyles_the_widget(qtbot: QtBot) -> None:
    root = QWidget()
    qtbot.addWidget(root)
    root.setStyleSheet(stylesheet(STANDARD))
    button = QPushButton(root)
    button.setProperty("role", "check")
    box = QLabel(button)
    box.setProperty("role", "box")
    box.setFixedSize(40, 40)
    QVBoxLayout(button).addWidget(box)
    QVBoxLayout(root).addWidget(button)
    root.show()
    qtbot.waitExposed(root)

    def centre() -> str:
        return box.grab().toImage().pixelColor(20, 20).name()

    unticked = centre()
    box.setProperty("checked", "true")
    repolish(box)
    assert centre() == STANDARD.primary.lower()
    box.setProperty("checked", "false")
    repolish(box)
    assert centre() == unticked
