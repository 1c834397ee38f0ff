"""What to bring: the service's materials list, printed and shown, to come back later.

Entering the screen records the visit with outcome ``list_printed`` and sends
the list to the printer (on the worker). The list stays on screen either way,
so the customer can also photograph it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QVBoxLayout

from printing.layout import Align, Block, FeedBlock, RuleBlock, TextBlock, TextSize
from ui.common.language import Language
from ui.common.widgets import centered_column, label, make_button, scroll_area
from ui.common.worker import JobGroup, Worker
from ui.customer.screens.base import ScreenBase, ScreenRouter

if TYPE_CHECKING:
    from kiosk.catalogue.model import Service
    from kiosk.i18n import Localizer
    from kiosk.reception import Reception
    from printing.job import TicketPrinter
    from ui.common.settings_in_force import SettingsInForce


def list_blocks(service: Service, missing: set[str], loc: Localizer, branch: str) -> list[Block]:
    """The printed list: every material, the ones not ticked marked, with notes."""
    lang = loc.locale
    blocks: list[Block] = [
        TextBlock(branch, bold=True, lang=lang),
        RuleBlock(),
        TextBlock(loc.tr("What to bring"), TextSize.LARGE, bold=True, lang=lang),
        TextBlock(loc.text(service.name), bold=True, lang=lang),
        RuleBlock(),
    ]
    for material in service.materials:
        tag = loc.tr("Required") if material.required else loc.tr("Optional")
        mark = loc.tr("(not ticked)") if material.id in missing else ""
        text = f"{loc.text(material.text)} ({tag}) {mark}".strip()
        blocks.append(
            TextBlock(text, bold=material.id in missing, align=Align.LEFT, bullet=True, lang=lang)
        )
        if material.note:
            blocks.append(TextBlock(loc.text(material.note), align=Align.LEFT, lang=lang))
    blocks += [
        FeedBlock(),
        TextBlock(loc.tr("Bring these with you and take a ticket when you come back."), lang=lang),
    ]
    return blocks


class BringListScreen(ScreenBase):
    list_did_print = Signal(bool)

    def __init__(
        self,
        language: Language,
        router: ScreenRouter,
        reception: Reception,
        worker: Worker,
        printer: TicketPrinter | None,
        settings: SettingsInForce,
        return_ms: int,
    ) -> None:
        super().__init__(language, router)
        self._reception = reception
        self._worker = worker
        self._printer = printer
        self._settings = settings
        self._service: Service | None = None
        self._missing: set[str] = set()
        self._printed: bool | None = None
        self._jobs = JobGroup(worker)
        self.return_timer = QTimer(self)
        self.return_timer.setSingleShot(True)
        self.return_timer.setInterval(return_ms)
        self.return_timer.timeout.connect(self.router.start_over)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        page, column = centered_column()
        self.title = self.make_headline()
        self.service_name = label("subtitle")
        self.status = label("success")
        self.items = label()
        self.come_back = label("muted")
        for widget in (self.title, self.service_name, self.status, self.items, self.come_back):
            column.addWidget(widget)
        column.addStretch(1)
        outer.addWidget(scroll_area(page), 1)
        bottom, bottom_column = centered_column()
        bottom_column.addWidget(self.access_bar())
        self.done_button = make_button("list.done", self, role="primary")
        self.done_button.clicked.connect(lambda: self.router.start_over())
        bottom_column.addWidget(self.done_button)
        outer.addWidget(bottom, 0)
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.retranslate()

    def enter(self) -> None:
        session = self.router.session
        if session.service_slug is None:
            return
        service = self._reception.catalogue().service(session.service_slug)
        self._service = service
        self._missing = set(session.missing(service))
        self._printed = None
        visit = session.visit_input(self.language.locale, service)
        session.finished = True
        self._jobs.run(lambda: self._reception.record_visit(visit, "list_printed"))
        branch = self._settings.current.kiosk.branch_name  # as it is now
        blocks = list_blocks(service, self._missing, self.loc, branch)
        printer = self._printer
        if printer is None:
            self._printed = False
        else:
            self._jobs.run(
                lambda: printer.print_blocks(blocks, f"{service.slug}-list"),
                lambda outcome: self._print_answered(bool(outcome.printed)),
                lambda _error: self._print_answered(False),
            )
        self.return_timer.start()
        self.retranslate()

    def leave(self) -> None:
        self._jobs.discard()
        self.return_timer.stop()

    def reset(self) -> None:
        self._service = None
        self._missing = set()
        self._printed = None
        self.retranslate()

    def _print_answered(self, printed: bool) -> None:
        self._printed = printed
        self.list_did_print.emit(printed)
        self.retranslate()

    def retranslate(self) -> None:
        loc = self.loc
        self.retranslate_nav()
        self.done_button.setText(loc.tr("Done"))
        self.title.setText(loc.tr("What to bring"))
        service = self._service
        if service is None:
            self.service_name.setText("")
            self.items.setText("")
            self.status.setVisible(False)
            return
        self.service_name.setText(loc.text(service.name))
        if self._printed is None:
            status = loc.tr("Printing your list…")
        elif self._printed:
            status = loc.tr("Please take your list from the printer.")
        else:
            status = loc.tr("The list could not be printed. You can photograph this screen.")
        self.status.setText(status)
        self.status.setVisible(True)
        lines = []
        for material in service.materials:
            tag = loc.tr("Required") if material.required else loc.tr("Optional")
            mark = "☐" if material.id in self._missing else "☑"
            lines.append(f"{mark}  {loc.text(material.text)} ({tag})")
            if material.note:
                lines.append(f"      {loc.text(material.note)}")
        self.items.setText("\n".join(lines))
        self.come_back.setText(loc.tr("Bring these with you and take a ticket when you come back."))
