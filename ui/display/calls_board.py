"""The latest calls: the newest one large (code → counter), the ones before smaller,
as many of them as the board's height holds."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from kiosk.board import Event
from kiosk.counters import counter_label
from kiosk.i18n import Localizer
from ui.common.theme import repolish
from ui.common.widgets import identify
from ui.display.fit import BoardFit, code_width
from ui.display.rows import BoardLabel, RowColumn

FRESH_MS = 6000


class _Hint(QLabel):
    """The sentence shown while nothing has been called: it wraps in the space the board
    has and never asks for more (the newest call's place is empty then)."""

    def hasHeightForWidth(self) -> bool:
        return False


class CallsBoard(QFrame):
    def __init__(self, shown: int = 6) -> None:
        super().__init__()
        self.setObjectName("display.calls")
        self.calls: list[Event] = []
        self._loc: Localizer | None = None
        self._columns = 0
        self._code_px = 0
        self._layout = layout = QVBoxLayout(self)
        self.title = BoardLabel("display.calls_title", "board_title")
        layout.addWidget(self.title)
        self.newest = QFrame()
        self.newest.setObjectName("display.newest")
        self.newest.setProperty("fresh", "false")
        self.newest.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self._top = top = QVBoxLayout(self.newest)
        top.setSpacing(0)
        center = Qt.AlignmentFlag.AlignCenter
        code = BoardLabel("display.call_0_code", "board_code_newest", center)
        counter = BoardLabel("display.call_0_counter", "board_counter_newest", center)
        top.addWidget(code)
        top.addWidget(counter)
        self.rows: list[tuple[BoardLabel, BoardLabel]] = [(code, counter)]
        layout.addWidget(self.newest)
        self.empty = _Hint()
        self.empty.setProperty("role", "board_hint")
        self.empty.setWordWrap(True)
        self.empty.setTextFormat(Qt.TextFormat.PlainText)
        self.empty.setAlignment(center)
        self.empty.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        identify(self.empty, "display.calls_empty")
        layout.addWidget(self.empty, 1)
        for index in range(1, shown):
            self.rows.append(
                (
                    BoardLabel(f"display.call_{index}_code", "board_code"),
                    BoardLabel(f"display.call_{index}_counter", "board_counter"),
                )
            )
        self.older = RowColumn()
        layout.addWidget(self.older, 1)
        self._older_rows: list[QWidget] = []
        self._fresh = QTimer(self)
        self._fresh.setSingleShot(True)
        self._fresh.timeout.connect(lambda: self._mark_fresh(False))

    def apply_fit(self, fit: BoardFit) -> None:
        """Sizes and spacing for this screen; older calls in one or two columns."""
        pad = fit.space(24)
        self._layout.setContentsMargins(pad, fit.space(16), pad, fit.space(16))
        self._layout.setSpacing(fit.space(12))
        self._top.setContentsMargins(pad, fit.space(8), pad, fit.space(8))
        self.title.setFixedHeight(fit.lines["board_title"])
        code, counter = self.rows[0]
        code.setFixedHeight(fit.lines["board_code_newest"])
        counter.setFixedHeight(fit.lines["board_counter_newest"])
        # a code takes just the width a code needs; its counter has the rest
        for code, counter in self.rows[1:]:
            code.setFixedHeight(fit.lines["board_code"])
            counter.setFixedHeight(fit.lines["board_code"])
            code.setFixedWidth(code_width(fit.sizes["board_code"]))
            code.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        if fit.older_columns != self._columns or fit.sizes["board_code"] != self._code_px:
            self._code_px = fit.sizes["board_code"]
            self._arrange_older(fit.older_columns, pad, fit.space(16))
        self.older.set_geometry(
            fit.lines["board_code"], fit.space(4), preferred_rows=fit.older_rows
        )

    def _arrange_older(self, columns: int, pad: int, gap: int) -> None:
        self._columns = columns
        old = self._older_rows
        for row in old:  # let go of the labels first: a layout still holding one places it
            line = row.layout()
            while line is not None and line.count():
                line.takeAt(0)
        older = self.rows[1:]
        rows: list[QWidget] = []
        for start in range(0, len(older), columns):
            row = QWidget()
            line = QHBoxLayout(row)
            side = pad if columns > 1 else 0  # one call a row: all the width for it
            line.setContentsMargins(side, 0, side, 0)
            line.setSpacing(gap)
            for code, counter in older[start : start + columns]:
                line.addWidget(code)
                line.addWidget(counter, 1)
            for _ in range(columns - len(older[start : start + columns])):
                line.addSpacing(code_width(self._code_px))  # keeps every row's columns aligned
                line.addWidget(QWidget(), 1)
            rows.append(row)
        self._older_rows = rows
        self.older.set_rows(rows)
        for row in old:
            row.deleteLater()
        self._show()

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
        self.empty.setAccessibleName(self.empty.text())
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
        columns = max(1, self._columns)
        called = len(self.calls) - 1
        self.older.show_rows([r for i, r in enumerate(self._older_rows) if i * columns < called])
        self.newest.setVisible(bool(self.calls))
        self.empty.setVisible(not self.calls)
        self.older.setVisible(bool(self.calls))
