"""The tickets this counter can call, in the order "call next" takes them.

A ticket waiting longer than its service's target is shown in the warning
colours *and* with a text marker, so the difference never rests on colour alone.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from kiosk.catalogue.model import Catalogue
from kiosk.desk import DeskTicket
from kiosk.i18n import N_, Localizer
from ui.common.theme import Palette
from ui.common.widgets import identify
from ui.console.texts import PRIORITY_LABELS, over_target, service_name, waited_minutes

COLUMNS = (N_("Number"), N_("Service"), N_("Priority"), N_("Waited"), N_("Target"))
OVER_TARGET_MARK = "⚠"


class WaitingList(QTableWidget):
    def __init__(self) -> None:
        super().__init__(0, len(COLUMNS))
        identify(self, "console.waiting")
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(48)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.tickets: list[DeskTicket] = []
        self.over: set[int] = set()

    def selected_ticket(self) -> DeskTicket | None:
        rows = self.selectionModel().selectedRows()
        if not rows:
            return None
        row = rows[0].row()
        return self.tickets[row] if 0 <= row < len(self.tickets) else None

    def select_ticket(self, ticket_id: int) -> None:
        for row, ticket in enumerate(self.tickets):
            if ticket.ticket_id == ticket_id:
                self.selectRow(row)
                return

    def show_tickets(
        self,
        tickets: list[DeskTicket],
        catalogue: Catalogue | None,
        loc: Localizer,
        now: datetime,
        palette: Palette,
    ) -> None:
        chosen = self.selected_ticket()
        self.setHorizontalHeaderLabels([loc.tr(c) for c in COLUMNS])
        self.tickets = list(tickets)
        self.over = set()
        self.blockSignals(True)
        self.clearSelection()
        self.setRowCount(len(tickets))
        over_text = OVER_TARGET_MARK + " " + loc.tr("Over target")
        within_text = ""
        for row, ticket in enumerate(tickets):
            late = over_target(catalogue, ticket, now)
            if late:
                self.over.add(ticket.ticket_id)
            cells = (
                f"{ticket.code} {OVER_TARGET_MARK}" if late else ticket.code,
                service_name(catalogue, ticket.service_slug, loc),
                loc.tr(PRIORITY_LABELS[ticket.priority]),
                loc.minutes(waited_minutes(ticket, now)),
                over_text if late else within_text,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, ticket.ticket_id)
                if late:
                    item.setBackground(QColor(palette.warning_bg))
                    item.setForeground(QColor(palette.warning_text))
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.setItem(row, column, item)
        self.blockSignals(False)
        if chosen is not None:
            self.select_ticket(chosen.ticket_id)
        self.itemSelectionChanged.emit()

    def row_texts(self, row: int) -> list[str]:
        items = (self.item(row, c) for c in range(self.columnCount()))
        return [item.text() if item is not None else "" for item in items]
