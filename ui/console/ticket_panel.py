"""The ticket at the counter: code, state, service, priority, wait, what is missing and
what the customer answered. Nothing personal: the domain keeps none."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout

from kiosk.catalogue.model import Catalogue
from kiosk.desk import DeskTicket
from kiosk.i18n import Localizer
from ui.common.theme import repolish
from ui.common.widgets import identify, label
from ui.console.texts import (
    PRIORITY_LABELS,
    STATUS_LABELS,
    answer_labels,
    missing_materials,
    service_name,
    waited_minutes,
)


class TicketPanel(QFrame):
    def __init__(self) -> None:
        super().__init__()
        self.setProperty("role", "card")
        self.setObjectName("console.ticket")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(6)
        top = QHBoxLayout()
        self.code = self._label("console.ticket_code", "console_code", wrap=False)
        self.status = self._label("console.ticket_status", "console_status")
        self.status.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        top.addWidget(self.code)
        top.addWidget(self.status, 1)  # right-aligned in the rest of the row
        layout.addLayout(top)
        self.service = self._label("console.ticket_service", "subtitle")
        self.priority = self._label("console.ticket_priority", None)
        self.waited = self._label("console.ticket_waited", None)
        self.transferred = self._label("console.ticket_transferred", "muted")
        self.missing = self._label("console.ticket_missing", "console_missing")
        self.answers = self._label("console.ticket_answers", "muted")
        for widget in (
            self.service,
            self.priority,
            self.waited,
            self.transferred,
            self.missing,
            self.answers,
        ):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.ticket: DeskTicket | None = None

    @staticmethod
    def _label(name: str, role: str | None, wrap: bool = True) -> QLabel:
        widget = label(role, wrap=wrap)
        identify(widget, name)
        return widget

    def show_ticket(
        self,
        ticket: DeskTicket | None,
        catalogue: Catalogue | None,
        loc: Localizer,
        now: datetime,
    ) -> None:
        self.ticket = ticket
        details = (self.service, self.priority, self.waited, self.transferred, self.missing)
        self.code.setVisible(ticket is not None)  # else the status has the row's width
        if ticket is None:
            self.code.setText("—")
            self.status.setText(loc.tr("No customer at the counter"))
            for widget in (*details, self.answers):
                widget.hide()
            self._name_all()
            return
        self.code.setText(ticket.code)
        self.status.setText(loc.tr(STATUS_LABELS[ticket.status]))
        self.service.setText(service_name(catalogue, ticket.service_slug, loc))
        self.priority.setText(
            loc.tr("Priority: {label}").format(label=loc.tr(PRIORITY_LABELS[ticket.priority]))
        )
        self.waited.setText(
            loc.tr("Waited {time}").format(time=loc.minutes(waited_minutes(ticket, now)))
        )
        if ticket.recall_count:
            recalls = loc.ntr(
                "recalled {n} time", "recalled {n} times", ticket.recall_count
            ).format(n=loc.number(ticket.recall_count))
            self.waited.setText(f"{self.waited.text()} · {recalls}")
        source = ticket.transferred_from
        self.transferred.setText(
            loc.tr("Transferred from {service}").format(
                service=service_name(catalogue, source, loc)
            )
            if source
            else ""
        )
        missing, not_brought = missing_materials(catalogue, ticket, loc)
        lines = [loc.tr("Missing: {items}").format(items=", ".join(missing))] if missing else []
        if not_brought:
            lines.append(
                loc.tr("Not brought (optional): {items}").format(items=", ".join(not_brought))
            )
        self.missing.setText("\n".join(lines) or loc.tr("Nothing missing"))
        self.missing.setProperty("missing", "true" if missing else "false")
        repolish(self.missing)
        answers = answer_labels(catalogue, ticket, loc)
        self.answers.setText(
            loc.tr("Answers: {answers}").format(answers=" › ".join(answers)) if answers else ""
        )
        for widget in details:
            widget.setVisible(bool(widget.text()))
        self.answers.setVisible(bool(answers))
        self._name_all()

    def _name_all(self) -> None:
        for widget in self.findChildren(QLabel):
            widget.setAccessibleName(widget.text())
