"""Small building blocks of the admin pages: named controls, a field with its message,
and the page base class.

Every control is named with :func:`ui.common.widgets.identify` (objectName == accessible
identifier). Its accessible name is the text on screen: a button's or check box's
own text, or, for an input, the label of its field (set on every retranslate).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QMimeData, QPoint, Qt
from PySide6.QtGui import QKeyEvent, QTextCursor, QTextOption
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QSizePolicy,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.admin.files import open_file_dialog
from ui.admin.style import CONTROL_PX
from ui.admin.table_fit import fit_columns
from ui.common.touch import guard_value
from ui.common.widgets import KioskButton, identify, label, make_button

if TYPE_CHECKING:
    from kiosk.i18n import Localizer
    from ui.admin.context import AdminContext


class AdminCheckBox(QCheckBox):
    """A check box whose accessible name follows its text, and that a touch anywhere
    on its row toggles (Qt's own reacts only on the box and the words)."""

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setAccessibleName(text)

    def hitButton(self, pos: QPoint) -> bool:
        return self.rect().contains(pos)


def button(name: str, role: str | None = None) -> KioskButton:
    widget = make_button(name, role=role)
    widget.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
    return widget


_Hint = Qt.InputMethodHint
#: What the on-screen keyboard offers for a field (Qt Virtual Keyboard reads them):
TEXT = _Hint.ImhNone
"""Any text, Chinese too (names, labels): every language of the keyboard."""
DIGITS = _Hint.ImhDigitsOnly | _Hint.ImhNoPredictiveText
"""Staff numbers and other numbers: the digit pad."""
CODE = _Hint.ImhLatinOnly | _Hint.ImhNoAutoUppercase | _Hint.ImhNoPredictiveText
"""Ids (letters a–z, digits, _): Latin letters, no capitals or suggestions."""
CAPITALS = _Hint.ImhLatinOnly | _Hint.ImhPreferUppercase | _Hint.ImhNoPredictiveText
"""Ticket prefixes and codes."""
ADDRESS = _Hint.ImhUrlCharactersOnly | _Hint.ImhNoPredictiveText
"""A printer's address."""


def line_edit(name: str, max_length: int = 200, hints: Qt.InputMethodHint = TEXT) -> QLineEdit:
    widget = QLineEdit()
    identify(widget, name)
    widget.setMaxLength(max_length)
    widget.setMinimumHeight(CONTROL_PX)
    widget.setInputMethodHints(hints)
    return widget


class LongTextEdit(QPlainTextEdit):
    """A catalogue text of a sentence or two (a step, a note, a description): word
    wrapped over a few lines, one paragraph (Enter moves on, a pasted line break
    becomes a space), with the text API of a line edit."""

    def __init__(self, lines: int = 3) -> None:
        super().__init__()
        self._lines = lines
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setTabChangesFocus(True)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._fit()

    def text(self) -> str:
        return self.toPlainText()

    def setText(self, text: str) -> None:
        self.setPlainText(text)
        self.moveCursor(QTextCursor.MoveOperation.Start)  # the start of a long text

    def _fit(self) -> None:
        margins = self.contentsMargins()
        document = self.document().documentMargin() * 2
        height = self.fontMetrics().lineSpacing() * self._lines + document
        self.setFixedHeight(max(CONTROL_PX, int(height) + margins.top() + margins.bottom()))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.focusNextChild()
            return
        super().keyPressEvent(event)

    def insertFromMimeData(self, source: QMimeData) -> None:
        self.insertPlainText(" ".join(source.text().split()))


def text_box(name: str) -> LongTextEdit:
    widget = LongTextEdit()
    identify(widget, name)
    return widget


def _inset(box: QAbstractSpinBox) -> None:
    """Keep the number off the frame (style sheets cannot reach the inner text box)."""
    inner = box.findChild(QLineEdit)
    if inner is not None:
        inner.setTextMargins(10, 0, 0, 0)


def spin_box(name: str, maximum: int = 99_999) -> QSpinBox:
    """A whole-number box with a wide range: the domain, not the box, says what is allowed."""
    widget = QSpinBox()
    identify(widget, name)
    widget.setRange(0, maximum)
    _inset(widget)
    widget.setMinimumHeight(CONTROL_PX)
    widget.setMinimumWidth(160)
    widget.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
    widget.setInputMethodHints(DIGITS)
    guard_value(widget)
    return widget


def date_edit(name: str) -> QDateEdit:
    widget = QDateEdit()
    identify(widget, name)
    widget.setCalendarPopup(True)
    _inset(widget)
    widget.setDisplayFormat("yyyy-MM-dd")
    widget.setMinimumHeight(CONTROL_PX)
    widget.setMinimumWidth(180)
    widget.setInputMethodHints(DIGITS)
    guard_value(widget)
    return widget


def check_box(name: str) -> AdminCheckBox:
    widget = AdminCheckBox()
    identify(widget, name)
    widget.setMinimumHeight(CONTROL_PX)
    widget.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    return widget


def combo_box(name: str) -> QComboBox:
    widget = QComboBox()
    identify(widget, name)
    widget.setMinimumHeight(CONTROL_PX)
    widget.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    widget.setMinimumContentsLength(8)
    guard_value(widget)
    return widget


def read_only_table(name: str, columns: int, flexible: int | None = None) -> QTableWidget:
    """A table nobody can type into; a touch selects a whole row. Its columns fill its
    width and end inside it; ``flexible`` (default: the last) gives way first."""
    table = QTableWidget(0, columns)
    identify(table, name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(CONTROL_PX)
    table.setWordWrap(False)
    fit_columns(table, columns - 1 if flexible is None else flexible)
    return table


def fill_table(table: QTableWidget, rows: Sequence[Sequence[str]]) -> None:
    """Replace a read-only table's rows with these cell texts."""
    table.setRowCount(len(rows))
    for row, cells in enumerate(rows):
        for column, text in enumerate(cells):
            table.setItem(row, column, QTableWidgetItem(text))


def selected_index(table: QTableWidget, count: int) -> int | None:
    """The selected row of a table showing ``count`` records; None when none is."""
    rows = table.selectionModel().selectedRows()
    return rows[0].row() if rows and rows[0].row() < count else None


def list_widget(name: str) -> QListWidget:
    widget = QListWidget()
    identify(widget, name)
    widget.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    widget.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
    return widget


def message_label(role: str = "field_error") -> QLabel:
    widget = label(role)
    widget.hide()
    return widget


def show_message(widget: QLabel, text: str, role: str | None = None) -> None:
    from ui.common.theme import repolish

    widget.setText(text)
    widget.setVisible(bool(text))
    if role is not None and widget.property("role") != role:
        widget.setProperty("role", role)
        repolish(widget)


def filter_grid(fields: Iterable[QWidget], columns: int) -> QGridLayout:
    """A page's search filters, ``columns`` to a row, in the order given."""
    grid = QGridLayout()
    for index, field in enumerate(fields):
        grid.addWidget(field, index // columns, index % columns)
    return grid


def card() -> tuple[QFrame, QVBoxLayout]:
    frame = QFrame()
    frame.setProperty("role", "card")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(16, 12, 16, 12)
    layout.setSpacing(8)
    return frame, layout


class Field(QWidget):
    """A label, its control(s) and a message line under them for what is wrong."""

    def __init__(self, control: QWidget | None = None, *, wide: bool = True) -> None:
        super().__init__()
        self.title = label("field")
        self.control = control
        self.message = message_label()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.title)
        self.row = QHBoxLayout()
        self.row.setContentsMargins(0, 0, 0, 0)
        if control is not None:
            self.row.addWidget(control, 1 if wide else 0)
        if not wide:
            self.row.addStretch(1)
        layout.addLayout(self.row)
        layout.addWidget(self.message)

    def set_title(self, text: str) -> None:
        self.title.setText(text)
        if self.control is not None and not isinstance(self.control, QCheckBox):
            self.control.setAccessibleName(text)

    def set_message(self, text: str) -> None:
        show_message(self.message, text)


class AdminPage(QWidget):
    """One page of the admin panel."""

    #: Shown (and loaded) only for managers; the domain refuses its actions to staff anyway.
    manager_only = True

    def __init__(self, ctx: AdminContext) -> None:
        super().__init__()
        self.ctx = ctx

    @property
    def loc(self) -> Localizer:
        return self.ctx.loc

    title: Callable[[], str]
    """The page's name in the navigation, in the current language (each page defines it)."""

    def page_column(self, spacing: int = 10) -> QVBoxLayout:
        """The page's column, its heading (``self.heading``, the title's style) on top."""
        layout = QVBoxLayout(self)
        layout.setSpacing(spacing)
        self.heading = label("title")
        layout.addWidget(self.heading)
        return layout

    status: QLabel
    """The page's status line (a ``message_label``), on the pages that have one."""

    @property
    def status_text(self) -> str:
        """What the status line says; "" while it is hidden."""
        return self.status.text() if not self.status.isHidden() else ""

    def set_status(self, text: str, role: str | None = None) -> None:
        show_message(self.status, text, role or None)

    def _failed(self, error: BaseException) -> None:
        """A job refused or failed: its translated message on the status line."""
        self.set_status(self.ctx.error_text(error), "warning")

    def ask_csv(self, title: str, save_as: str, chosen: Callable[[Path], None]) -> None:
        """Ask where to save a CSV file (in the kiosk's data folder at first)."""
        open_file_dialog(
            self,
            title,
            self.loc.tr("CSV files (*.csv)"),
            lambda paths: chosen(paths[0]),
            directory=self.ctx.settings.kiosk.data_dir,
            save_as=save_as,
        )

    def export_csv(
        self, path: Path, write: Callable[[Any, io.StringIO], int], done: Callable[[int], str]
    ) -> None:
        """``write(member, buffer)`` on the worker (the domain refuses it to staff and
        audits it), saved to ``path``; then ``done(count)`` on the status line."""

        def export(member: Any) -> int:
            buffer = io.StringIO()
            count = write(member, buffer)
            path.write_text(buffer.getvalue(), encoding="utf-8", newline="")
            return count

        self.ctx.run(export, lambda count: self.set_status(done(count), "success"), self._failed)

    def retranslate(self) -> None:
        """Re-read every string in the current language."""

    def enter(self) -> None:
        """The page is being shown: load what it lists."""

    def wipe(self) -> None:
        """Forget everything on the page (sign-out): forms, filters, tables, messages."""
