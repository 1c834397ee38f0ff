"""The display's two building blocks that keep it inside its screen: a one-line text
that is elided when it is too long, and a column that shows only the rows that fit."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from ui.common.widgets import identify


class BoardLabel(QLabel):
    """One line of board text. Its width never comes from its text: a text too long for
    the space it is given ends in "…"; ``text()`` is always the whole text (also the
    accessible name)."""

    def __init__(self, name: str, role: str, align: Qt.AlignmentFlag | None = None) -> None:
        super().__init__()
        identify(self, name)
        self.setProperty("role", role)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(False)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        if align is not None:
            self.setAlignment(align)
        self._full = ""

    def setText(self, text: str) -> None:
        self._full = text
        self.setAccessibleName(text)
        self._elide()

    def text(self) -> str:
        return self._full

    def shown_text(self) -> str:
        """What is painted: the text, or its start and "…" when it does not fit."""
        return super().text()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._elide()

    def _elide(self) -> None:
        width = self.contentsRect().width()
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, width)
        super().setText(shown if width > 0 else self._full)


class RowColumn(QWidget):
    """Rows of one height, top to bottom, as many as the column's height holds.

    The column asks for the height of ``preferred_rows`` rows but needs none, so the
    rows never make the window taller than its screen. When not every row fits, a
    ``more`` line (if there is one) under the last row that fits says how many rows
    are left out."""

    def __init__(
        self,
        more: BoardLabel | None = None,
        more_text: Callable[[int], str] | None = None,
    ) -> None:
        super().__init__()
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(0)
        self._layout.addStretch(1)
        self.more, self._more_text = more, more_text
        if more is not None:
            self._layout.insertWidget(0, more)
            more.hide()
        self.rows: list[QWidget] = []
        self.wanted: list[QWidget] = []
        self.row_height = 1
        self.more_height = 0
        self.preferred_rows = 0
        self.hidden_rows = 0

    def set_geometry(
        self, row_height: int, spacing: int, more_height: int = 0, preferred_rows: int = 0
    ) -> None:
        self.row_height, self.more_height = row_height, more_height
        self.preferred_rows = preferred_rows
        self._layout.setSpacing(spacing)
        for row in self.rows:
            row.setFixedHeight(row_height)
        if self.more is not None:
            self.more.setFixedHeight(more_height)
        self.updateGeometry()
        self.fit()

    def sizeHint(self) -> QSize:
        rows = self.preferred_rows
        spacing = self._layout.spacing()
        return QSize(0, max(0, rows * (self.row_height + spacing) - spacing))

    def minimumSizeHint(self) -> QSize:
        return QSize(0, 0)

    def set_rows(self, rows: list[QWidget]) -> None:
        """Replace the rows (they become this column's children)."""
        for row in self.rows:
            if row not in rows:
                row.hide()
                self._layout.removeWidget(row)
        for index, row in enumerate(rows):
            self._layout.insertWidget(index, row)
            row.setFixedHeight(self.row_height)
        self.rows = list(rows)
        self.wanted = list(rows)
        self.fit()

    def show_rows(self, wanted: list[QWidget]) -> None:
        """The rows that have something to show, in order."""
        self.wanted = wanted
        self.fit()

    def capacity(self, reserve: int = 0) -> int:
        """How many rows fit, with ``reserve`` px (and a spacing) kept free under them."""
        spacing = self._layout.spacing()
        room = self.height() + spacing - (reserve + spacing if reserve else 0)
        return max(0, room // (self.row_height + spacing))

    def fit(self) -> None:
        shown, left_out = self.wanted, 0
        if len(shown) > self.capacity():
            keep = self.capacity(self.more_height) if self.more is not None else self.capacity()
            shown, left_out = shown[:keep], len(shown) - keep
        for row in self.rows:
            row.setVisible(row in shown)
        self.hidden_rows = left_out
        if self.more is not None:
            fits = self.height() >= self.more_height
            if left_out and self._more_text is not None:
                self._layout.removeWidget(self.more)
                self._layout.insertWidget(self._layout.count() - 1, self.more)
                self.more.setText(self._more_text(left_out))
            self.more.setVisible(bool(left_out) and fits)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()
