"""The latest calls: the newest one large (code → counter), the ones before smaller."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from kiosk.board import Event
from kiosk.counters import counter_label
from kiosk.i18n import Localizer
from ui.common.theme import repolish
from ui.common.widgets import identify, label

FRESH_MS = 6000


class CallsBoard(QFrame):
    def __init__(self, shown: int = 6) -> None:
        super().__init__()
        self.setObjectName("display.calls")
        self.calls: list[Event] = []
        self._loc: Localizer | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setSpacing(12)
        self.title = self._label("display.calls_title", "board_title")
        layout.addWidget(self.title)
        self.newest = QFrame()
        self.newest.setObjectName("display.newest")
        self.newest.setProperty("fresh", "false")
        top = QVBoxLayout(self.newest)
        top.setContentsMargins(24, 12, 24, 12)
        top.setSpacing(0)
        self.rows: list[tuple[QLabel, QLabel]] = []
        code = self._label("display.call_0_code", "board_code_newest", Qt.AlignmentFlag.AlignCenter)
        counter = self._label(
            "display.call_0_counter", "board_counter_newest", Qt.AlignmentFlag.AlignCenter
        )
        top.addWidget(code)
        top.addWidget(counter)
        self.rows.append((code, counter))
        layout.addWidget(self.newest, 3)
        self.empty = self._label("display.calls_empty", "board_hint", Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.empty)
        older = QWidget()
        grid = QGridLayout(older)
        grid.setContentsMargins(24, 0, 24, 0)
        grid.setHorizontalSpacing(32)
        grid.setVerticalSpacing(4)
        for index in range(1, shown):
            code = self._label(f"display.call_{index}_code", "board_code")
            counter = self._label(f"display.call_{index}_counter", "board_counter")
            grid.addWidget(code, (index - 1) // 2, ((index - 1) % 2) * 2)
            grid.addWidget(counter, (index - 1) // 2, ((index - 1) % 2) * 2 + 1)
            self.rows.append((code, counter))
        for column, stretch in enumerate((2, 3, 2, 3)):  # codes are shorter than "Counter 12"
            grid.setColumnStretch(column, stretch)
        layout.addWidget(older, 2, Qt.AlignmentFlag.AlignTop)
        self._fresh = QTimer(self)
        self._fresh.setSingleShot(True)
        self._fresh.timeout.connect(lambda: self._mark_fresh(False))

    @staticmethod
    def _label(name: str, role: str, align: Qt.AlignmentFlag | None = None) -> QLabel:
        widget = label(role, wrap=False)
        identify(widget, name)
        # the window scales its fonts to the screen; text never dictates the window's width
        widget.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        if align is not None:
            widget.setAlignment(align)
        return widget

    def set_calls(self, calls: list[Event]) -> None:
        newest = calls[0].id if calls else None
        changed = newest != (self.calls[0].id if self.calls else None)
        self.calls = calls[: len(self.rows)]
        if changed and calls:
            self._mark_fresh(True)
            self._fresh.start(FRESH_MS)
        self._show()

    def _mark_fresh(self, fresh: bool) -> None:
        self.newest.setProperty("fresh", "true" if fresh else "false")
        repolish(self.newest)
        for widget in self.rows[0]:
            repolish(widget)

    def retranslate(self, loc: Localizer) -> None:
        self._loc = loc
        self.title.setText(loc.tr("Now serving"))
        self.empty.setText(loc.tr("Please wait for your number to be called."))
        self._show()

    def _show(self) -> None:
        loc = self._loc
        if loc is None:
            return
        for index, (code, counter) in enumerate(self.rows):
            call = self.calls[index] if index < len(self.calls) else None
            code.setText(call.code if call else "")
            where = call.counter if call and call.counter else "–"
            counter.setText(counter_label(where, call.counter_name, loc) if call else "")
            if index:
                code.setVisible(call is not None)
                counter.setVisible(call is not None)
        self.newest.setVisible(bool(self.calls))
        self.empty.setVisible(not self.calls)
        for widget in self.findChildren(QLabel):
            widget.setAccessibleName(widget.text())
