"""Admin tables that fill their width and end inside it.

Each column is as wide as its contents when the table has room. When it has not,
the flexible column (the long free text: a service, an audit entry's details)
gives way first, then every column shrinks towards its heading's width; cut cells
end in "…" and keep their whole text as a tooltip. Only when even the headings do
not fit does the table scroll sideways.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QHeaderView, QTableWidget

MIN_COLUMN_PX = 72


class ColumnFitter(QObject):
    def __init__(self, table: QTableWidget, flexible: int) -> None:
        super().__init__(table)
        self.table, self.flexible = table, flexible
        header = table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self._pending = QTimer(self)
        self._pending.setSingleShot(True)
        self._pending.setInterval(0)
        self._pending.timeout.connect(self.fit)
        model = table.model()
        for signal in (
            model.rowsInserted,
            model.modelReset,
            model.dataChanged,
            model.headerDataChanged,
        ):
            signal.connect(self._pending.start)
        table.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def fit(self) -> None:
        """Set every column's width for the table's present width and contents."""
        table, header = self.table, self.table.horizontalHeader()
        self._give_tooltips()
        columns = range(table.columnCount())
        natural = [max(header.sectionSizeHint(c), table.sizeHintForColumn(c)) for c in columns]
        floor = [
            min(n, max(MIN_COLUMN_PX, header.sectionSizeHint(c))) for c, n in enumerate(natural)
        ]
        room = table.viewport().width()
        widths = list(natural)
        excess = sum(widths) - room
        if excess < 0 and columns:
            widths[self.flexible] -= excess  # room to spare: the flexible column takes it
        elif excess > 0:
            give = min(excess, widths[self.flexible] - floor[self.flexible])
            widths[self.flexible] -= give
            excess -= give
            slack = sum(w - f for w, f in zip(widths, floor, strict=True))
            if excess > 0 and slack > 0:
                share = min(1.0, excess / slack)
                widths = [
                    w - int((w - f) * share + 0.999) for w, f in zip(widths, floor, strict=True)
                ]
        for column, width in zip(columns, widths, strict=True):
            if header.sectionSize(column) != width:
                header.resizeSection(column, width)

    def _give_tooltips(self) -> None:
        """A cell cut short shows its whole text when held or hovered."""
        table = self.table
        for row in range(table.rowCount()):
            for column in range(table.columnCount()):
                item = table.item(row, column)
                if item is not None and item.toolTip() != item.text():
                    item.setToolTip(item.text())


def fit_columns(table: QTableWidget, flexible: int) -> ColumnFitter:
    return ColumnFitter(table, flexible)


def fit_height(table: QTableWidget, most_rows: int = 12) -> None:
    """Tall enough for its rows (up to ``most_rows``; it scrolls beyond), and for two
    when empty, so a short table is read whole without scrolling."""
    rows = min(max(table.rowCount(), 2), most_rows)
    header = table.horizontalHeader().sizeHint().height()
    row = table.verticalHeader().defaultSectionSize()
    scroll = table.horizontalScrollBar().sizeHint().height()
    table.setFixedHeight(header + rows * row + scroll + 2 * table.frameWidth())
