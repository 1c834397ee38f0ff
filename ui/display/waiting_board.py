"""People waiting per service and roughly how long a new ticket waits."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

from kiosk.catalogue.model import Catalogue
from kiosk.i18n import Localizer
from kiosk.reception import WaitEstimate
from ui.common.theme import repolish
from ui.common.widgets import clear_layout, identify, label


class WaitingBoard(QFrame):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("display.waiting")
        self.catalogue: Catalogue | None = None
        self.counts: dict[str, int] = {}
        self.estimates: dict[str, WaitEstimate] = {}
        self._loc: Localizer | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setSpacing(16)
        self.title = label("board_title", wrap=False)
        identify(self.title, "display.waiting_title")
        layout.addWidget(self.title)
        holder = QWidget()
        self.rows = QVBoxLayout(holder)
        self.rows.setContentsMargins(0, 0, 0, 0)
        self.rows.setSpacing(20)
        layout.addWidget(holder)
        layout.addStretch(1)
        self.cells: dict[str, tuple[QLabel, QLabel]] = {}

    def set_queue(
        self,
        catalogue: Catalogue | None,
        counts: dict[str, int],
        estimates: dict[str, WaitEstimate],
    ) -> None:
        rebuild = catalogue is not self.catalogue
        self.catalogue, self.counts, self.estimates = catalogue, counts, estimates
        if rebuild:
            self._build()
        self._show()

    def _build(self) -> None:
        clear_layout(self.rows)
        self.cells = {}
        for service in self.catalogue.active_services if self.catalogue else []:
            name = label("board_service")
            detail = label("board_wait")
            for widget in (name, detail):
                widget.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            identify(name, f"display.wait_{service.slug}_name")
            identify(detail, f"display.wait_{service.slug}")
            self.rows.addWidget(name)
            self.rows.addWidget(detail)
            self.rows.addSpacing(8)
            self.cells[service.slug] = (name, detail)

    def retranslate(self, loc: Localizer) -> None:
        self._loc = loc
        self.title.setText(loc.tr("Waiting now"))
        self.title.setAccessibleName(self.title.text())
        self._show()

    def _show(self) -> None:
        loc = self._loc
        if loc is None or self.catalogue is None:
            return
        for service in self.catalogue.active_services:
            if service.slug not in self.cells:
                continue
            name, detail = self.cells[service.slug]
            name.setText(loc.text(service.name))
            waiting = self.counts.get(service.slug, 0)
            count = loc.ntr("{n} waiting", "{n} waiting", waiting).format(n=loc.number(waiting))
            estimate = self.estimates.get(service.slug)
            if service.pause is not None:
                wait = loc.tr("Paused: {reason}").format(reason=loc.text(service.pause.reason))
            elif estimate is not None and waiting:
                wait = loc.tr("about {time}").format(time=loc.minutes(estimate.minutes))
            else:
                wait = loc.tr("no wait")
            detail.setText(f"{count} · {wait}")
            detail.setProperty("paused", "true" if service.pause else "false")
            repolish(detail)
            for widget in (name, detail):
                widget.setAccessibleName(widget.text())
