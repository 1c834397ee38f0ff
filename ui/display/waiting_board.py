"""People waiting per service and roughly how long a new ticket waits: as many services
as the board's height holds, then "+N more"."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from kiosk.catalogue.model import Catalogue
from kiosk.i18n import Localizer
from kiosk.reception import WaitEstimate
from ui.common.theme import repolish
from ui.display.fit import BoardFit
from ui.display.rows import BoardLabel, RowColumn


class WaitingBoard(QFrame):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("display.waiting")
        self.catalogue: Catalogue | None = None
        self.counts: dict[str, int] = {}
        self.estimates: dict[str, WaitEstimate] = {}
        self._loc: Localizer | None = None
        self._fit: BoardFit | None = None
        self._layout = layout = QVBoxLayout(self)
        self.title = BoardLabel("display.waiting_title", "board_title")
        layout.addWidget(self.title)
        self.more = BoardLabel("display.waiting_more", "board_wait")
        self.list = RowColumn(self.more, self._more_text)
        layout.addWidget(self.list, 1)
        self.cells: dict[str, tuple[BoardLabel, BoardLabel]] = {}
        self._rows: list[QWidget] = []

    def _more_text(self, left_out: int) -> str:
        loc = self._loc
        if loc is None:
            return ""
        return loc.ntr("+{n} more service", "+{n} more services", left_out).format(
            n=loc.number(left_out)
        )

    def apply_fit(self, fit: BoardFit) -> None:
        self._fit = fit
        pad = fit.space(24)
        self._layout.setContentsMargins(pad, fit.space(16), pad, fit.space(16))
        self._layout.setSpacing(fit.space(16))
        self.title.setFixedHeight(fit.lines["board_title"])
        self._size_rows()

    def _size_rows(self) -> None:
        fit = self._fit
        if fit is None:
            return
        name, wait = fit.lines["board_service"], fit.lines["board_wait"]
        for name_label, detail in self.cells.values():
            name_label.setFixedHeight(name)
            detail.setFixedHeight(wait)
        self.list.set_geometry(name + wait, fit.space(20), wait)

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
        old = self._rows
        self.cells, rows = {}, []
        for service in self.catalogue.active_services if self.catalogue else []:
            row = QWidget()
            lines = QVBoxLayout(row)
            lines.setContentsMargins(0, 0, 0, 0)
            lines.setSpacing(0)
            name = BoardLabel(f"display.wait_{service.slug}_name", "board_service")
            detail = BoardLabel(f"display.wait_{service.slug}", "board_wait")
            lines.addWidget(name)
            lines.addWidget(detail)
            rows.append(row)
            self.cells[service.slug] = (name, detail)
        self._rows = rows
        self.list.set_rows(rows)
        for row in old:
            row.setParent(None)
            row.deleteLater()
        self._size_rows()

    def retranslate(self, loc: Localizer) -> None:
        self._loc = loc
        self.title.setText(loc.tr("Waiting now"))
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
        self.list.fit()
