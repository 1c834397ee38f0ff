"""The counter console: sign in → choose the counter → serve. One window per counter.

Every database call runs on the worker; a lost connection shows the banner and
is retried by the :class:`~ui.common.connection.ConnectionMonitor` until the
database answers again.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLayout,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.access import StaffMember
from kiosk.catalogue.model import Catalogue
from kiosk.counters import counter_label
from kiosk.desk import CounterInfo
from kiosk.i18n import ENDONYMS, Catalogs
from kiosk.settings import Settings
from kiosk.staff import SignInResult
from ui.common.connection import ConnectionMonitor
from ui.common.connection_banner import ConnectionBanner
from ui.common.keyboard import KeyboardDock, offer_languages
from ui.common.language import Language
from ui.common.queue_backend import QueueBackend, branch_watch
from ui.common.settings_in_force import SettingsInForce
from ui.common.shutdown import drain
from ui.common.theme import Theme
from ui.common.widgets import KioskButton, identify, label, make_button, set_current
from ui.common.worker import Worker
from ui.console.counter_desk import CounterDesk
from ui.console.counter_page import CounterPage
from ui.console.serving import ServingPage
from ui.console.sign_in import SignInPage
from ui.console.style import console_stylesheet

log = logging.getLogger(__name__)


class ConsoleWindow(QWidget):
    staff_did_sign_in = Signal(object)
    counter_did_open = Signal(str)
    staff_did_sign_out = Signal()

    def __init__(
        self,
        backend: QueueBackend,
        language: Language,
        theme: Theme,
        worker: Worker,
        catalogs: Catalogs,
        counter: str | None = None,
        *,
        poll_ms: int = 1000,
        retry_ms: int = 3000,
        tick_ms: int = 30_000,
        settings_check_ms: int = 5000,
    ) -> None:
        super().__init__()
        identify(self, "consoleWindow")
        self.backend, self.language, self.theme, self.worker = backend, language, theme, worker
        self.preset_counter = counter
        self.closing = False
        self.staff: StaffMember | None = None
        self.counter_id: str | None = None
        self.catalogue: Catalogue | None = None
        self.counter_infos: dict[str, CounterInfo] = {}
        self.monitor = ConnectionMonitor(backend.db, worker, retry_ms)
        self.settings_in_force = SettingsInForce(backend.settings, parent=self)
        self.settings_in_force.settings_did_change.connect(self._settings_changed)
        self.branch_watch = branch_watch(backend, worker, self.settings_in_force, settings_check_ms)
        self.desk = CounterDesk(backend, worker, self.monitor, language, poll_ms)
        self.body = QWidget()
        self.body.setObjectName("consoleBody")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        # the serving page stacks on a portrait screen and is side by side on a landscape
        # one, so the window's minimum depends on its shape: it must not hold a window
        # turned from portrait to landscape at the portrait height
        outer.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        outer.addWidget(self.body)
        self.keyboard_dock = KeyboardDock(self)  # the on-screen keyboard opens below
        outer.addWidget(self.keyboard_dock)
        offer_languages(language.locale)
        language.language_did_change.connect(lambda loc: offer_languages(loc.locale))
        layout = QVBoxLayout(self.body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(self._header())
        self.banner = ConnectionBanner(self.monitor)
        layout.addWidget(self.banner)
        self.pages = QStackedWidget()
        self.sign_in = SignInPage()
        self.counters = CounterPage()
        no_show_after = backend.settings.queue.no_show_after_recalls
        self.serving = ServingPage(self.desk, language, catalogs, theme, no_show_after, tick_ms)
        for page in (self.sign_in, self.counters, self.serving):
            self.pages.addWidget(page)
        layout.addWidget(self.pages, 1)
        self.sign_in.sign_in_requested.connect(self._sign_in)
        self.counters.counter_chosen.connect(self.open_counter)
        self.sign_out_button.clicked.connect(self.sign_out)
        self.monitor.connection_did_return.connect(self._reconnected)
        language.language_did_change.connect(lambda loc: theme.set_locale(loc.locale))
        language.language_did_change.connect(lambda _loc: self.retranslate())
        theme.theme_did_change.connect(self._restyle)
        theme.set_locale(language.locale)
        theme.attach(self)
        self.retranslate()

    def _header(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setContentsMargins(24, 12, 24, 8)
        row.setSpacing(12)
        self.title = label("branch", wrap=False)
        identify(self.title, "console.title")
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        row.addWidget(self.title, 1)
        self.language_buttons: dict[str, KioskButton] = {}
        for code in self.language.offered:
            button = make_button(f"console.lang_{code}", self, role="small")
            button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            button.setText(ENDONYMS.get(code, code))
            button.setProperty("lang", "true")
            button.clicked.connect(lambda _=False, c=code: self.language.set_locale(c))
            row.addWidget(button)
            self.language_buttons[code] = button
        self.sign_out_button = make_button("console.sign_out", self, role="small")
        self.sign_out_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        row.addWidget(self.sign_out_button)
        return row

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.serving.set_portrait(event.size().height() > event.size().width())

    # -- jobs ------------------------------------------------------------------------------
    def _run(self, fn: Any, done: Any) -> None:
        if self.closing:
            return

        def failed(error: BaseException) -> None:
            if not self.monitor.failed(error):
                log.error("console job failed", exc_info=error)

        def succeeded(result: Any) -> None:
            self.monitor.succeeded()
            done(result)

        self.worker.run(fn, succeeded, failed)

    def start(self) -> None:
        """Load the catalogue (service names) in the background; the sign-in is ready now."""
        self.pages.setCurrentWidget(self.sign_in)
        self.sign_in.reset()
        self.sign_in.setFocus()
        self.branch_watch.start()
        self._run(self.backend.catalogue, self._catalogue_loaded)

    def _catalogue_loaded(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue

    def _sign_in(self, number: str, pin: str) -> None:
        staff = self.backend.staff
        self.worker.run(
            lambda: staff.sign_in(pin, number=number), self._signed_in, self._sign_in_failed
        )

    def _sign_in_failed(self, error: BaseException) -> None:
        if not self.monitor.failed(error):
            log.error("sign-in failed", exc_info=error)
        self.sign_in.show_message(self.language.loc.tr("Signing in did not work. Try again."))

    def _signed_in(self, result: SignInResult) -> None:
        self.monitor.succeeded()
        loc = self.language.loc
        if result.staff is None:
            if result.locked_until is not None:
                zone = self.backend.settings.business.zone
                message = loc.tr("Too many wrong PINs. Try again after {time}.").format(
                    time=loc.time(result.locked_until, zone)
                )
            else:
                message = loc.tr("That staff number and PIN were not accepted.")
            self.sign_in.show_message(message)
            return
        self.staff = result.staff
        self.staff_did_sign_in.emit(result.staff)
        self.show_counters()

    def show_counters(self) -> None:
        backend = self.backend
        self._run(lambda: (backend.desk().counters(), backend.catalogue()), self._counters_loaded)

    def _counters_loaded(self, result: Any) -> None:
        counters, self.catalogue = result
        staff_id = self.staff.id if self.staff else None
        preset = self.preset_counter
        self.counter_infos = {c.id: c for c in counters}
        if preset is not None and any(c.id == preset and c.in_service for c in counters):
            self.open_counter(preset)  # this console stands at that counter
            return
        self.counters.set_counters(counters, self.catalogue, staff_id)
        self.counters.retranslate(self.language.loc)
        self.pages.setCurrentWidget(self.counters)
        self.retranslate()

    def open_counter(self, counter_id: str) -> None:
        backend, staff_id = self.backend, self.staff.id if self.staff else None
        self._run(
            lambda: backend.desk().open_counter(counter_id, staff_id),
            lambda _r: self._counter_opened(counter_id),
        )

    def _counter_opened(self, counter_id: str) -> None:
        if self.staff is None:
            return
        self.counter_id = counter_id
        info = self.counter_infos.get(counter_id)
        self.desk.start(counter_id, self.staff, self.catalogue, info.name if info else None)
        self.serving.start()
        self.pages.setCurrentWidget(self.serving)
        self.retranslate()
        self.counter_did_open.emit(counter_id)

    def sign_out(self) -> None:
        """Close the counter (if the database answers) and go back to the sign-in."""
        counter, backend = self.counter_id, self.backend
        self.desk.stop()
        self.serving.stop()
        if counter is not None:
            self._run(lambda: backend.desk().close_counter(counter), lambda _r: None)
        self.staff, self.counter_id = None, None
        self.start()
        self.retranslate()
        self.staff_did_sign_out.emit()

    def _reconnected(self) -> None:
        if self.catalogue is None:
            self._run(self.backend.catalogue, self._catalogue_loaded)
        if self.pages.currentWidget() is self.serving:
            self.desk.refresh(force=True)
        elif self.pages.currentWidget() is self.counters:
            self.show_counters()

    # -- texts -----------------------------------------------------------------------------
    def _restyle(self) -> None:
        self.body.setStyleSheet(console_stylesheet(self.theme.palette))

    def _settings_changed(self, settings: Settings) -> None:
        """A manager saved the branch's settings: the business day, queue rules and the
        branch name apply at once, as on every kiosk."""
        self.backend.use_settings(settings)
        self.retranslate()

    def retranslate(self) -> None:
        loc = self.language.loc
        branch = self.settings_in_force.current.kiosk.branch_name
        parts = [loc.tr("Counter console"), branch]
        if self.counter_id is not None:
            info = self.counter_infos.get(self.counter_id)
            parts = [counter_label(self.counter_id, info.name if info else None, loc), branch]
        if self.staff is not None:
            parts.append(self.staff.name)
        self.title.setText(" · ".join(parts))
        self.setWindowTitle(self.title.text())
        self.banner.retranslate(loc)
        self.sign_in.retranslate(loc)
        self.counters.retranslate(loc)
        self.sign_out_button.setText(loc.tr("Sign out"))
        self.sign_out_button.setVisible(self.staff is not None)
        for code, button in self.language_buttons.items():
            set_current(button, code == self.language.locale)

    def shutdown(self) -> None:
        """Stop polling and wait for running jobs (the window is closing)."""
        self.closing = True
        self.branch_watch.stop()
        self.desk.stop()
        self.serving.stop()
        self.monitor.stop()
        drain(self.worker)
