"""Finish a visit: how it ended (one of the desk's outcomes) and an optional short note."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from kiosk.desk import FINISH_OUTCOMES
from kiosk.i18n import Localizer
from ui.common.widgets import KioskButton, identify, label, make_button
from ui.console.texts import OUTCOME_LABELS

NOTE_MAX = 200


class FinishPanel(QWidget):
    finish_requested = Signal(str, str)
    """Outcome and note."""
    cancelled = Signal()

    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        self.title = label("subtitle")
        identify(self.title, "console.finish_title")
        layout.addWidget(self.title)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.outcomes: dict[str, KioskButton] = {}
        grid = QGridLayout()
        grid.setSpacing(10)
        for index, outcome in enumerate(FINISH_OUTCOMES):
            button = make_button(f"console.outcome_{outcome}", self, role="check")
            button.setCheckable(True)
            self.group.addButton(button)
            grid.addWidget(button, index // 2, index % 2)
            self.outcomes[outcome] = button
        layout.addLayout(grid)
        self.group.buttonToggled.connect(lambda *_: self._update())
        self.note_label = label()
        identify(self.note_label, "console.finish_note_label")
        self.note = QLineEdit()
        identify(self.note, "console.finish_note")
        self.note.setMaxLength(NOTE_MAX)
        self.note_label.setBuddy(self.note)
        layout.addWidget(self.note_label)
        layout.addWidget(self.note)
        layout.addStretch(1)
        row = QHBoxLayout()
        self.cancel = make_button("console.finish_cancel", self)
        self.confirm = make_button("console.finish_confirm", self, role="primary")
        self.cancel.clicked.connect(self.cancelled)
        self.confirm.clicked.connect(self._confirm)
        row.addWidget(self.cancel)
        row.addWidget(self.confirm)
        layout.addLayout(row)
        self._update()

    def outcome(self) -> str | None:
        for outcome, button in self.outcomes.items():
            if button.isChecked():
                return outcome
        return None

    def reset(self) -> None:
        self.group.setExclusive(False)
        for button in self.outcomes.values():
            button.setChecked(False)
        self.group.setExclusive(True)
        self.note.clear()
        self._update()

    def _confirm(self) -> None:
        outcome = self.outcome()
        if outcome is not None:
            self.finish_requested.emit(outcome, self.note.text().strip())

    def _update(self) -> None:
        self.confirm.setEnabled(self.outcome() is not None)

    def retranslate(self, loc: Localizer) -> None:
        self.title.setText(loc.tr("How did the visit end?"))
        for outcome, button in self.outcomes.items():
            button.setText(loc.tr(OUTCOME_LABELS[outcome]))
        self.note_label.setText(loc.tr("Note (optional, nothing personal)"))
        self.note.setAccessibleName(self.note_label.text())
        self.cancel.setText(loc.tr("Cancel"))
        self.confirm.setText(loc.tr("Finish the visit"))
