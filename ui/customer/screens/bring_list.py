"""What to bring: the service's materials list, printed and shown, to come back later.

Entering the screen records the visit with outcome ``list_printed`` and its list's
return code (:mod:`kiosk.bring_lists`), then sends the list with the code and its QR
code to the printer (both on the worker). Coming back, the customer types or scans
the code on the welcome screen's "I have a list from an earlier visit". The list
and the code (``list.code``) stay on screen either way, so the customer can also
photograph them. Where the visit cannot be stored the list is printed without a code.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QVBoxLayout

from kiosk.bring_lists import qr_payload
from printing.layout import Align, Block, FeedBlock, QrBlock, RuleBlock, TextBlock, TextSize
from ui.common.language import Language
from ui.common.widgets import centered_column, identify, label, make_button, scroll_area
from ui.common.worker import Worker
from ui.customer.screens.base import ScreenBase, ScreenRouter

if TYPE_CHECKING:
    from kiosk.catalogue.model import Service
    from kiosk.i18n import Localizer
    from kiosk.reception import Reception
    from printing.job import TicketPrinter
    from ui.common.settings_in_force import SettingsInForce

log = logging.getLogger(__name__)


def come_back_text(loc: Localizer) -> str:
    return loc.tr(
        "When you come back, touch “I have a list from an earlier visit” and type this "
        "code, or show its QR code to the camera."
    )


def list_blocks(
    service: Service, missing: set[str], loc: Localizer, branch: str, code: str | None = None
) -> list[Block]:
    """The printed list: every material, the ones not ticked marked, with notes; then
    the return code and its QR code (none: the visit could not be stored)."""
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
    if code is not None:
        blocks += [
            RuleBlock(),
            TextBlock(loc.tr("Your return code"), bold=True, lang=lang),
            TextBlock(code, TextSize.LARGE, bold=True, lang=lang),
            QrBlock(qr_payload(code)),
            TextBlock(come_back_text(loc), lang=lang),
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
        self._code: str | None = None
        """The list's return code, once the visit is stored."""
        self._visit_token = 0
        """Counts the lists shown: an answer about an earlier one is not shown."""
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
        self.code_heading = label("subtitle")
        self.code = label("title", wrap=False)
        identify(self.code, "list.code")
        self.code_hint = label("muted")
        for widget in (
            self.title,
            self.service_name,
            self.status,
            self.items,
            self.come_back,
            self.code_heading,
            self.code,
            self.code_hint,
        ):
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
        self._code = None
        visit = session.visit_input(self.language.locale, service)
        session.finished = True
        self._visit_token += 1
        token, loc, missing = self._visit_token, self.loc, set(self._missing)
        branch = self._settings.current.kiosk.branch_name  # as it is now
        reception = self._reception

        # Not in the screen's job group: the list is printed even if the customer
        # touches "Done" before the visit is stored; only the screen ignores late answers.
        def recorded(code: str | None) -> None:
            self._print(token, list_blocks(service, missing, loc, branch, code), service.slug)
            if token == self._visit_token:
                self._code = code
                self.retranslate()

        def not_recorded(error: BaseException) -> None:
            log.error("the bring-list's visit could not be stored", exc_info=error)
            recorded(None)  # the list still helps; it has no code to come back with

        self._worker.run(lambda: reception.record_list_printed(visit), recorded, not_recorded)
        self.return_timer.start()
        self.retranslate()

    def _print(self, token: int, blocks: list[Block], slug: str) -> None:
        printer = self._printer
        if printer is None:
            self._print_answered(token, False)
            return
        self._worker.run(
            lambda: printer.print_blocks(blocks, f"{slug}-list"),
            lambda outcome: self._print_answered(token, bool(outcome.printed)),
            lambda _error: self._print_answered(token, False),
        )

    def leave(self) -> None:
        self._visit_token += 1  # a late answer is not shown (the list is printed all the same)
        self.return_timer.stop()

    def reset(self) -> None:
        self._service = None
        self._missing = set()
        self._printed = None
        self._code = None
        self.retranslate()

    def _print_answered(self, token: int, printed: bool) -> None:
        self.list_did_print.emit(printed)
        if token == self._visit_token:
            self._printed = printed
            self.retranslate()

    def retranslate(self) -> None:
        loc = self.loc
        self.retranslate_nav()
        self.done_button.setText(loc.tr("Done"))
        self.title.setText(loc.tr("What to bring"))
        service = self._service
        self._show_code()
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

    def _show_code(self) -> None:
        loc, code = self.loc, self._code
        for widget in (self.code_heading, self.code, self.code_hint):
            widget.setVisible(code is not None)
        self.code_heading.setText(loc.tr("Your return code"))
        self.code.setText(code or "")
        self.code_hint.setText(come_back_text(loc))
