"""Transfer the customer to another service's queue: one button per service."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.catalogue.model import Catalogue
from kiosk.i18n import Localizer
from ui.common.widgets import HintButton, clear_layout, identify, label, make_button, scroll_area


class TransferPanel(QWidget):
    transfer_requested = Signal(str)
    cancelled = Signal()

    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        self.title = label("subtitle")
        identify(self.title, "console.transfer_title")
        layout.addWidget(self.title)
        holder = QWidget()
        self.list = QVBoxLayout(holder)
        self.list.setContentsMargins(0, 0, 0, 0)
        self.list.setSpacing(8)
        layout.addWidget(scroll_area(holder), 1)
        self.cancel = make_button("console.transfer_cancel", self)
        self.cancel.clicked.connect(self.cancelled)
        layout.addWidget(self.cancel)
        self.buttons: dict[str, HintButton] = {}

    def set_services(self, catalogue: Catalogue | None, current: str, loc: Localizer) -> None:
        clear_layout(self.list)
        self.buttons = {}
        for service in catalogue.active_services if catalogue else []:
            if service.slug == current:
                continue
            button = HintButton(f"console.transfer_to_{service.slug}", parent=self)
            button.setText(loc.text(service.name))
            button.set_hint(loc.tr("Paused") if service.pause else "")
            button.clicked.connect(lambda _=False, s=service.slug: self.transfer_requested.emit(s))
            self.list.addWidget(button)
            self.buttons[service.slug] = button
        self.list.addStretch(1)

    def retranslate(self, loc: Localizer) -> None:
        self.title.setText(loc.tr("Transfer to which service?"))
        self.cancel.setText(loc.tr("Cancel"))
