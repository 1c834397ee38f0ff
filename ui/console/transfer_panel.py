"""Transfer the customer to another service's queue: one button per service."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from kiosk.catalogue.model import Catalogue
from kiosk.i18n import Localizer
from ui.common.widgets import make_button
from ui.console.panel_parts import ServiceList, titled_column


class TransferPanel(QWidget):
    transfer_requested = Signal(str)
    cancelled = Signal()

    def __init__(self) -> None:
        super().__init__()
        layout, self.title = titled_column(self, "console.transfer_title")
        self.services = ServiceList(self, layout, "console.transfer_to_")
        self.cancel = make_button("console.transfer_cancel", self)
        self.cancel.clicked.connect(self.cancelled)
        layout.addWidget(self.cancel)
        self.buttons = self.services.buttons

    def set_services(self, catalogue: Catalogue | None, current: str, loc: Localizer) -> None:
        self.buttons = self.services.fill(
            catalogue,
            lambda s: s.slug != current,
            self.transfer_requested.emit,
            loc,
            hint=lambda s: loc.tr("Paused") if s.pause else "",
        )

    def retranslate(self, loc: Localizer) -> None:
        self.title.setText(loc.tr("Transfer to which service?"))
        self.cancel.setText(loc.tr("Cancel"))
