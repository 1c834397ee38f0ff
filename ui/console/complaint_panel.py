"""Log a complaint at the counter: what it is about (``console.complaint_<category>``)
and what happened in a line, nothing personal (``console.complaint_summary``). The case
goes to a manager; the domain refuses an empty line with a message shown here."""

from __future__ import annotations

from PySide6.QtCore import Signal

from kiosk.complaint_rules import CATEGORIES
from kiosk.i18n import Localizer
from ui.console.panel_parts import ChoicePanel

SUMMARY_MAX = 500


class ComplaintPanel(ChoicePanel):
    complaint_requested = Signal(str, str)
    """Category and what happened."""
    cancelled = Signal()

    def __init__(self) -> None:
        super().__init__(
            "console.complaint_title",
            ((key, f"console.complaint_{key}") for key in CATEGORIES),
            "console.complaint_summary",
            SUMMARY_MAX,
            "console.complaint_cancel",
            "console.complaint_save",
        )
        self.categories, self.summary = self.choices, self.line
        self.cancel.clicked.connect(self.cancelled)
        self.code = ""

    def category(self) -> str | None:
        return self.chosen()

    def reset(self, code: str) -> None:
        """Empty, for the ticket ``code`` ("" when none is at the counter)."""
        self.code = code
        self.clear_choice()

    def confirmed(self, choice: str, line: str) -> None:
        self.complaint_requested.emit(choice, line)

    def retranslate(self, loc: Localizer) -> None:
        self.title.setText(
            loc.tr("Log a complaint about {code}").format(code=self.code)
            if self.code
            else loc.tr("Log a complaint")
        )
        for key, button in self.categories.items():
            button.setText(loc.tr(CATEGORIES[key]))
        self.set_line_label(loc.tr("What happened (in a line, nothing personal)"))
        self.cancel.setText(loc.tr("Cancel"))
        self.confirm.setText(loc.tr("Log the complaint"))
