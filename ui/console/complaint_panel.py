"""Log a complaint at the counter: what it is about (``console.complaint_<category>``)
and what happened in a line, nothing personal (``console.complaint_summary``). The case
goes to a manager; the domain refuses an empty line with a message shown here."""

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

from kiosk.complaint_rules import CATEGORIES
from kiosk.i18n import Localizer
from ui.common.widgets import KioskButton, identify, label, make_button, scroll_area

SUMMARY_MAX = 500


class ComplaintPanel(QWidget):
    complaint_requested = Signal(str, str)
    """Category and what happened."""
    cancelled = Signal()

    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        self.title = label("subtitle")
        identify(self.title, "console.complaint_title")
        layout.addWidget(self.title)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.categories: dict[str, KioskButton] = {}
        body = QWidget()  # scrolls on a short screen; the buttons below stay in sight
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        grid = QGridLayout()
        grid.setSpacing(10)
        for index, key in enumerate(CATEGORIES):
            button = make_button(f"console.complaint_{key}", self, role="check")
            button.setCheckable(True)
            self.group.addButton(button)
            grid.addWidget(button, index // 2, index % 2)
            self.categories[key] = button
        column.addLayout(grid)
        self.group.buttonToggled.connect(lambda *_: self._update())
        self.summary_label = label()
        identify(self.summary_label, "console.complaint_summary_label")
        self.summary = QLineEdit()
        identify(self.summary, "console.complaint_summary")
        self.summary.setMaxLength(SUMMARY_MAX)
        self.summary_label.setBuddy(self.summary)
        column.addWidget(self.summary_label)
        column.addWidget(self.summary)
        column.addStretch(1)
        layout.addWidget(scroll_area(body), 1)
        row = QHBoxLayout()
        self.cancel = make_button("console.complaint_cancel", self)
        self.confirm = make_button("console.complaint_save", self, role="primary")
        self.cancel.clicked.connect(self.cancelled)
        self.confirm.clicked.connect(self._confirm)
        row.addWidget(self.cancel)
        row.addWidget(self.confirm)
        layout.addLayout(row)
        self.code = ""
        self._update()

    def category(self) -> str | None:
        return next((k for k, b in self.categories.items() if b.isChecked()), None)

    def reset(self, code: str) -> None:
        """Empty, for the ticket ``code`` ("" when none is at the counter)."""
        self.code = code
        self.group.setExclusive(False)
        for button in self.categories.values():
            button.setChecked(False)
        self.group.setExclusive(True)
        self.summary.clear()
        self._update()

    def _confirm(self) -> None:
        category = self.category()
        if category is not None:
            self.complaint_requested.emit(category, self.summary.text())

    def _update(self) -> None:
        self.confirm.setEnabled(self.category() is not None)

    def retranslate(self, loc: Localizer) -> None:
        self.title.setText(
            loc.tr("Log a complaint about {code}").format(code=self.code)
            if self.code
            else loc.tr("Log a complaint")
        )
        for key, button in self.categories.items():
            button.setText(loc.tr(CATEGORIES[key]))
        self.summary_label.setText(loc.tr("What happened (in a line, nothing personal)"))
        self.summary.setAccessibleName(self.summary_label.text())
        self.cancel.setText(loc.tr("Cancel"))
        self.confirm.setText(loc.tr("Log the complaint"))
