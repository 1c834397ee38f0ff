"""Texts to customers (staff and managers): the outbox, newest first, with where each
text is (queued, sent, delivered, failed, *unknown*: a messenger stopped between
sending and the gateway's answer, so it was not sent again), and for the demo
``log`` gateway the file it writes, numbers masked."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout

from kiosk.i18n import N_
from kiosk.messenger.gateways import log_path, read_log
from kiosk.outbox import MessageEntry, recent_messages
from ui.admin.common import (
    AdminPage,
    button,
    fill_table,
    message_label,
    read_only_table,
    show_message,
)
from ui.admin.context import AdminContext
from ui.common.widgets import label

COLUMNS = (N_("Queued"), N_("Ticket"), N_("Text"), N_("Status"), N_("Sent"), N_("Details"))
LOG_COLUMNS = (N_("Number"), N_("Text"))
STATUS_LABELS = {
    "queued": N_("Waiting to be sent"),
    "sending": N_("Sending"),
    "sent": N_("Sent"),
    "delivered": N_("Delivered"),
    "failed": N_("Failed"),
    "unknown": N_("Unknown: may have gone, not sent again"),
    "dropped": N_("Not sent (no consent, or do not contact)"),
}
PURPOSE_LABELS = {
    "turn_near": N_("Your turn is near"),
    "survey": N_("Survey"),
    "survey_thanks": N_("Thanks"),
    "complaint_resolved": N_("Complaint resolved"),
}


class MessagesPage(AdminPage):
    manager_only = False

    def __init__(self, ctx: AdminContext) -> None:
        super().__init__(ctx)
        self.entries: list[MessageEntry] = []
        self.log_lines: list[dict[str, object]] = []
        layout = self.page_column()
        self.gateway = label("muted")
        self.gateway.setObjectName("admin.messages.gateway")
        layout.addWidget(self.gateway)
        row = QHBoxLayout()
        self.refresh_button = button("admin.messages.refresh", role="primary")
        self.refresh_button.clicked.connect(self.enter)
        row.addWidget(self.refresh_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.table = read_only_table("admin.messages.table", len(COLUMNS), flexible=5)
        self.table.setMinimumHeight(360)
        layout.addWidget(self.table, 1)
        self.log_heading = label("subtitle")
        layout.addWidget(self.log_heading)
        self.log_table = read_only_table("admin.messages.log", len(LOG_COLUMNS), flexible=1)
        self.log_table.setMinimumHeight(240)
        layout.addWidget(self.log_table)
        self.status = message_label("warning")
        layout.addWidget(self.status)
        self.wipe()

    def title(self) -> str:
        return self.loc.tr("Texts")

    def _is_log(self) -> bool:
        gateway = self.ctx.settings.sms.gateway
        return gateway == "log" or gateway.startswith("file://")

    def enter(self) -> None:
        show_message(self.status, "")
        db, clock, settings, is_log = self.ctx.db, self.ctx.clock, self.ctx.settings, self._is_log()

        def load(_member: object) -> tuple[list[MessageEntry], list[dict[str, object]]]:
            lines = read_log(log_path(settings)) if is_log else []
            return recent_messages(db, clock()), lines

        self.ctx.run(load, self._show, self._failed)

    def _show(self, loaded: tuple[list[MessageEntry], list[dict[str, object]]]) -> None:
        self.entries, self.log_lines = loaded
        self._fill()

    def _fill(self) -> None:
        loc, zone = self.loc, self.ctx.zone
        rows = [
            (
                loc.datetime(e.created_at, zone),
                str(e.ticket_id or ""),
                loc.tr(PURPOSE_LABELS.get(e.template, e.template)),
                loc.tr(STATUS_LABELS.get(e.status, e.status)),
                loc.datetime(e.sent_at, zone) if e.sent_at else "",
                e.detail,
            )
            for e in self.entries
        ]
        fill_table(self.table, rows)
        fill_table(
            self.log_table,
            [(str(line.get("to", "")), str(line.get("text", ""))) for line in self.log_lines],
        )

    def status_of(self, row: int) -> str:
        return self.entries[row].status

    def retranslate(self) -> None:
        loc = self.loc
        self.heading.setText(self.title())
        gateway = self.ctx.settings.sms.gateway
        shown = gateway.split("@")[-1] if gateway.startswith("smpp://") else gateway
        self.gateway.setText(loc.tr("Gateway: {gateway}").format(gateway=shown))
        self.refresh_button.setText(loc.tr("Refresh"))
        self.table.setHorizontalHeaderLabels([loc.tr(c) for c in COLUMNS])
        self.table.setAccessibleName(loc.tr("Texts"))
        self.log_heading.setText(loc.tr("Demo gateway: texts written to the log file"))
        self.log_heading.setVisible(self._is_log())
        self.log_table.setVisible(self._is_log())
        self.log_table.setHorizontalHeaderLabels([loc.tr(c) for c in LOG_COLUMNS])
        self.log_table.setAccessibleName(loc.tr("Demo gateway: texts written to the log file"))
        self._fill()

    def wipe(self) -> None:
        self.entries, self.log_lines = [], []
        self.retranslate()
        show_message(self.status, "")
