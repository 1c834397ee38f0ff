""" "I have a list from an earlier visit": the customer types the return code printed on
their list of what to bring (``keypad.*``, then ``list_return.find``), or holds its QR
code to the camera where the kiosk has one (``list_return.scan``, as "Rate a recent
visit" does). A known, unused code takes them straight to that service's guidance
screen with nothing ticked, and the visit they now make is linked to the list when it
is stored (:mod:`kiosk.bring_lists`). An unknown or used code is said under the code
(``list_return.message``) in the customer's language; nothing typed is lost.

No customer session starts here, as on the rating screen: the visit begins when the
code is accepted.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QBoxLayout, QVBoxLayout

from kiosk.bring_lists import CODE_DIGITS, ReturningList, code_in, is_list_qr
from kiosk.i18n import N_
from ui.common.errors import error_lines
from ui.common.language import Language
from ui.common.widgets import centered_column, scroll_area
from ui.common.worker import JobGroup, Worker
from ui.customer.router import Screen
from ui.customer.screens.base import ScreenBase, ScreenRouter
from ui.customer.screens.code_step import build_code_step

if TYPE_CHECKING:
    from kiosk.bring_lists import BringLists
    from kiosk.reception import Reception
    from ui.common.qr_scan import FrameSource
    from ui.customer.screens.feedback_scan import CodeScan

#: A service no longer offered: said where the code was typed.
SERVICE_GONE = N_("This service is not offered here any more. Tap Start to find another.")


class ListReturnScreen(ScreenBase):
    def __init__(
        self,
        language: Language,
        router: ScreenRouter,
        reception: Reception,
        lists: BringLists,
        worker: Worker,
        camera: FrameSource | None = None,
        scan_interval_ms: int = 250,
    ) -> None:
        super().__init__(language, router)
        self._reception = reception
        self._lists = lists
        self._jobs = JobGroup(worker)
        self.scan: CodeScan | None = None
        """The camera's part, where one is configured."""
        if camera is not None:  # the decoder is loaded only for a kiosk with a camera
            from ui.customer.screens.feedback_scan import CodeScan

            self.scan = CodeScan(
                camera,
                worker,
                scan_interval_ms,
                self,
                accept=is_list_qr,
                prefix="list_return",
                caption=N_("Scan the QR code on your list"),
                hint=N_("The camera cannot be used just now. Please type the code on your list."),
            )
            self.scan.reference_did_scan.connect(self.look_up_scanned)
        self.code = ""
        self._problem: BaseException | str | None = None
        """Why the code cannot be used (shown under it): an error, or a msgid."""

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        page, column = centered_column(1100)
        self._column = column.parentWidget()
        column.addLayout(self.language_bar())
        self.title = self.make_headline()
        column.addWidget(self.title)
        split = self.split(QBoxLayout(QBoxLayout.Direction.TopToBottom))
        column.addLayout(split, 1)
        # digits only: the codes have no letters; six digits beside the camera's picture
        # at the largest text size, so smaller than the rating screen's spaced-out number
        parts = build_code_step(
            split,
            self,
            "list_return",
            "title",
            self.scan,
            find=self.look_up,
            typed=self._typed,
            back=lambda: self._set_code(self.code[:-1]),
            clear=lambda: self._set_code(""),
        )
        self.prompt, self.code_display, self.message = parts.prompt, parts.display, parts.message
        self.find_button, self.keypad = parts.find_button, parts.keypad
        self.content_area = scroll_area(page)
        outer.addWidget(self.content_area, 1)
        nav_page, nav_column = centered_column()
        nav_column.addLayout(self.nav_bar(back=False))
        outer.addWidget(nav_page, 0)
        self.retranslate()

    def orientation_did_change(self, landscape: bool) -> None:
        if self._column is not None:
            self._column.setMaximumWidth(1700 if landscape else 1100)

    # -- life cycle ------------------------------------------------------------------------
    def enter(self) -> None:
        if self.scan is not None:
            self.scan.start()

    def leave(self) -> None:
        self._jobs.discard()
        if self.scan is not None:
            self.scan.stop()

    def reset(self) -> None:
        self._jobs.discard()
        self.code = ""
        self._problem = None
        self._show_code()

    # -- the code --------------------------------------------------------------------------
    def _typed(self, key: str) -> None:
        if len(self.code) < CODE_DIGITS:
            self._set_code(self.code + key)

    def _set_code(self, code: str) -> None:
        self.code = code
        self._problem = None
        if self.scan is not None:  # the same list held up again is read again
            self.scan.scanner.forget()
        self._show_code()

    def look_up(self) -> None:
        self._look_up(self.code)

    def look_up_scanned(self, text: str) -> None:
        """A code read from the list's QR code: the same path as a typed one."""
        code = code_in(text)
        if code is not None and not self._jobs.busy:
            self.code = code
            self._look_up(code)

    def _look_up(self, typed: str) -> None:
        lists = self._lists
        self.find_button.setEnabled(False)
        self._jobs.run(lambda: lists.find(typed), self._found, self._refused)

    def _found(self, found: ReturningList) -> None:
        services = {s.slug for s in self._reception.catalogue().active_services}
        if found.service_slug not in services:
            self._refused(SERVICE_GONE)
            return
        session = self.router.session
        session.start()
        session.choose_service(found.service_slug, via_questionnaire=False)
        session.materials_have.clear()  # nothing ticked: they tick what they brought
        session.returning_list = found.code
        self.router.go(Screen.SERVICE_DETAIL)

    def _refused(self, problem: BaseException | str) -> None:
        self._problem = problem
        self._show_code()

    # -- texts -----------------------------------------------------------------------------
    def _show_code(self) -> None:
        loc = self.loc
        self.code_display.setText(self.code or "–")
        self.code_display.setAccessibleName(self.code or loc.tr("No code typed yet"))
        problem = self._problem
        if problem is None:
            text = ""
        elif isinstance(problem, str):
            text = loc.tr(problem)
        else:
            text = "\n".join(error_lines(problem, loc, context="bring-list return"))
        self.message.setText(text)
        self.message.setAccessibleName(text)
        self.message.setVisible(bool(text))
        self.find_button.setEnabled(len(self.code) == CODE_DIGITS and not self._jobs.busy)

    def retranslate(self) -> None:
        loc = self.loc
        self.retranslate_nav()
        self.title.setText(loc.tr("I have a list from an earlier visit"))
        self.prompt.setText(loc.tr("Type the return code printed on your list of what to bring."))
        self.keypad.set_texts(loc.tr("Delete"), loc.tr("Clear"))
        self.find_button.setText(loc.tr("Next"))
        if self.scan is not None:
            self.scan.retranslate(loc)
        self._show_code()
