""" "Anything else?", after a visit is finished: a follow-on ticket for another service
that keeps the customer's place (``console.follow_on_<slug>``), a complaint to log
(``console.log_complaint``), or the next customer (``console.anything_else_done``)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.catalogue.model import Catalogue
from kiosk.i18n import Localizer
from ui.common.widgets import HintButton, clear_layout, identify, label, make_button, scroll_area


class AnythingElsePanel(QWidget):
    follow_on_requested = Signal(str)
    complaint_requested = Signal()
    cancelled = Signal()
    """Nothing else: back to the waiting list."""

    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        self.title = label("subtitle")
        identify(self.title, "console.anything_else_title")
        layout.addWidget(self.title)
        self.hint = label("muted")
        identify(self.hint, "console.anything_else_hint")
        layout.addWidget(self.hint)
        holder = QWidget()
        self.list = QVBoxLayout(holder)
        self.list.setContentsMargins(0, 0, 0, 0)
        self.list.setSpacing(8)
        layout.addWidget(scroll_area(holder), 1)
        self.complaint = make_button("console.log_complaint", self)
        self.complaint.clicked.connect(self.complaint_requested)
        layout.addWidget(self.complaint)
        self.done = make_button("console.anything_else_done", self, role="primary")
        self.done.clicked.connect(self.cancelled)
        layout.addWidget(self.done)
        self.buttons: dict[str, HintButton] = {}
        self.code = ""

    def set_visit(
        self, code: str, served: str, catalogue: Catalogue | None, loc: Localizer
    ) -> None:
        """The ticket just finished (``code``, of service ``served``): the other services."""
        self.code = code
        clear_layout(self.list)
        self.buttons = {}
        for service in catalogue.active_services if catalogue else []:
            if service.slug == served or service.pause is not None:
                continue
            button = HintButton(f"console.follow_on_{service.slug}", parent=self)
            button.setText(loc.text(service.name))
            button.clicked.connect(lambda _=False, s=service.slug: self.follow_on_requested.emit(s))
            self.list.addWidget(button)
            button.show()
            self.buttons[service.slug] = button
        self.list.addStretch(1)
        self.retranslate(loc)

    def retranslate(self, loc: Localizer) -> None:
        self.title.setText(loc.tr("Anything else for {code}?").format(code=self.code))
        self.hint.setText(
            loc.tr("Another service: a new ticket that keeps the customer's place in its queue.")
        )
        self.complaint.setText(loc.tr("Log a complaint…"))
        self.done.setText(loc.tr("No, next customer"))
