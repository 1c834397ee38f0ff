""" "Anything else?", after a visit is finished: a follow-on ticket for another service
that keeps the customer's place (``console.follow_on_<slug>``), a complaint to log
(``console.log_complaint``), or the next customer (``console.anything_else_done``)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from kiosk.catalogue.model import Catalogue
from kiosk.i18n import Localizer
from ui.common.widgets import identify, label, make_button
from ui.console.panel_parts import ServiceList, titled_column


class AnythingElsePanel(QWidget):
    follow_on_requested = Signal(str)
    complaint_requested = Signal()
    cancelled = Signal()
    """Nothing else: back to the waiting list."""

    def __init__(self) -> None:
        super().__init__()
        layout, self.title = titled_column(self, "console.anything_else_title")
        self.hint = label("muted")
        identify(self.hint, "console.anything_else_hint")
        layout.addWidget(self.hint)
        self.services = ServiceList(self, layout, "console.follow_on_")
        self.complaint = make_button("console.log_complaint", self)
        self.complaint.clicked.connect(self.complaint_requested)
        layout.addWidget(self.complaint)
        self.done = make_button("console.anything_else_done", self, role="primary")
        self.done.clicked.connect(self.cancelled)
        layout.addWidget(self.done)
        self.buttons = self.services.buttons
        self.code = ""

    def set_visit(
        self, code: str, served: str, catalogue: Catalogue | None, loc: Localizer
    ) -> None:
        """The ticket just finished (``code``, of service ``served``): the other services."""
        self.code = code
        self.buttons = self.services.fill(
            catalogue,
            lambda s: s.slug != served and s.pause is None,
            self.follow_on_requested.emit,
            loc,
        )
        self.retranslate(loc)

    def retranslate(self, loc: Localizer) -> None:
        self.title.setText(loc.tr("Anything else for {code}?").format(code=self.code))
        self.hint.setText(
            loc.tr("Another service: a new ticket that keeps the customer's place in its queue.")
        )
        self.complaint.setText(loc.tr("Log a complaint…"))
        self.done.setText(loc.tr("No, next customer"))
