"""Finish a visit: how it ended (one of the desk's outcomes) and an optional short note."""

from __future__ import annotations

from PySide6.QtCore import Signal

from kiosk.desk import FINISH_OUTCOMES
from kiosk.i18n import Localizer
from ui.console.panel_parts import ChoicePanel
from ui.console.texts import OUTCOME_LABELS

NOTE_MAX = 200


class FinishPanel(ChoicePanel):
    finish_requested = Signal(str, str)
    """Outcome and note."""
    cancelled = Signal()

    def __init__(self) -> None:
        super().__init__(
            "console.finish_title",
            ((outcome, f"console.outcome_{outcome}") for outcome in FINISH_OUTCOMES),
            "console.finish_note",
            NOTE_MAX,
            "console.finish_cancel",
            "console.finish_confirm",
        )
        self.outcomes, self.note = self.choices, self.line
        self.cancel.clicked.connect(self.cancelled)

    def outcome(self) -> str | None:
        return self.chosen()

    def reset(self) -> None:
        self.clear_choice()

    def confirmed(self, choice: str, line: str) -> None:
        self.finish_requested.emit(choice, line.strip())

    def retranslate(self, loc: Localizer) -> None:
        self.title.setText(loc.tr("How did the visit end?"))
        for outcome, button in self.outcomes.items():
            button.setText(loc.tr(OUTCOME_LABELS[outcome]))
        self.set_line_label(loc.tr("Note (optional, nothing personal)"))
        self.cancel.setText(loc.tr("Cancel"))
        self.confirm.setText(loc.tr("Finish the visit"))
