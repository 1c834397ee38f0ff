"""The kiosk window: the status banner, the router with every screen, and the idle
overlay on top.

The welcome screen exists from the start: it needs only a :class:`~ui.customer.look.Look`
(branch name, languages, contrast), no database and no validated settings. The
other screens, the idle overlay and the background watchers
(:class:`~ui.customer.watches.runtime.KioskRuntime`) are built by :func:`ui.customer.app.attach_backend`
once the settings are validated and the backend is open. In kiosk mode
(:meth:`KioskWindow.lock_down`) the window cannot be closed until a manager
signs in at ``staff.exit_kiosk``.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QLayout, QVBoxLayout, QWidget

from kiosk.clock import Clock, utc_now
from ui.common.language import Language
from ui.common.theme import Theme
from ui.common.worker import Worker
from ui.customer.banner import StatusBanner
from ui.customer.headroom import Headroom, SeatedLayout
from ui.customer.lockdown import Lockdown
from ui.customer.look import Look
from ui.customer.router import Router, Screen
from ui.customer.screens.base import ScreenBase
from ui.customer.screens.welcome import WelcomeScreen
from ui.customer.session import CustomerSession
from ui.customer.state import KioskState
from ui.customer.timings import Timings

if TYPE_CHECKING:
    from kiosk.access import StaffMember
    from kiosk.settings import Settings
    from ui.common.activity import ActivityWatch
    from ui.common.settings_in_force import SettingsInForce
    from ui.customer.backend import Backend
    from ui.customer.context import KioskContext
    from ui.customer.screen_set import Screens
    from ui.customer.screens.idle import IdleOverlay, IdleWatcher
    from ui.customer.speech.attach import Speech
    from ui.customer.watches.runtime import KioskRuntime

log = logging.getLogger(__name__)


class KioskWindow(QWidget):
    kiosk_did_exit = Signal()
    """A manager left kiosk mode: the window closed."""

    def __init__(
        self,
        look: Look,
        language: Language,
        theme: Theme,
        worker: Worker,
        clock: Clock = utc_now,
        *,
        staff_button: bool = True,
    ) -> None:
        super().__init__()
        self.setObjectName("kioskWindow")
        self.setWindowTitle(look.branch_name)
        self.language = language
        self.theme = theme
        self.worker = worker
        self.clock = clock
        self.backend: Backend | None = None
        self.settings_in_force: SettingsInForce | None = None
        self.context: KioskContext | None = None
        """What the screens received (set with the backend)."""
        self.overlay: IdleOverlay | None = None
        self.idle: IdleWatcher | None = None
        self.activity: ActivityWatch | None = None
        self.timings: Timings | None = None
        self.runtime: KioskRuntime | None = None
        self.screens: Screens | None = None
        self.speech: Speech | None = None
        """Read aloud and keypad mode (:func:`ui.customer.speech.attach.attach_speech`)."""
        self.state = KioskState()
        self.lockdown = Lockdown(self)
        self.session = CustomerSession(clock)
        self.router: Router[ScreenBase] = Router(self.session, language, theme)
        self.banner = StatusBanner(language, self.state)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        # The window takes the screen's size: its screens then lay themselves out for that
        # shape (their minimum in portrait is taller than a landscape screen).
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.headroom = Headroom(self)
        self.headroom.branch.setText(look.branch_name)
        layout.addWidget(self.headroom)
        layout.addWidget(self.banner)
        layout.addWidget(self.router, 1)
        self.welcome = WelcomeScreen(language, self.router, theme, look.branch_name, self.state)
        self.welcome.set_staff_button_visible(staff_button)
        self.welcome.staff_requested.connect(lambda: self.router.go(Screen.PIN_PAD))
        self.router.add(Screen.WELCOME, self.welcome)
        self.seated = SeatedLayout(self, self.router, self.headroom)
        language.language_did_change.connect(lambda loc: theme.set_locale(loc.locale))
        theme.set_locale(language.locale)
        theme.attach(self)

    # -- kiosk mode ------------------------------------------------------------------------
    def lock_down(self, hide_cursor: bool = False) -> None:
        """Full screen, frameless, on top; closing keys and close requests refused."""
        self.lockdown.hide_cursor = hide_cursor
        self.lockdown.engage()
        if self.screens is not None:
            self.screens.staff_home.set_kiosk_mode(True)

    def confirm_exit(self) -> None:
        from ui.customer.screens.pin_texts import EXIT_KIOSK

        assert self.screens is not None
        self.screens.pin_pad.request(EXIT_KIOSK)
        self.router.go(Screen.PIN_PAD)

    def exit_kiosk(self, member: StaffMember) -> None:
        """A manager confirmed: audit ``kiosk.exit``, then unlock and close."""

        assert self.backend is not None and self.settings is not None
        kiosk_id = self.settings.kiosk.id
        audit = self.backend.audit
        self.worker.run(
            lambda: audit.record(member.actor, "kiosk.exit", f"kiosk:{kiosk_id}"),
            lambda _done: self._leave_kiosk(),
            lambda error: self._leave_kiosk(error),
        )

    def _leave_kiosk(self, error: BaseException | None = None) -> None:
        if error is not None:
            log.error("kiosk.exit could not be audited", exc_info=error)
        self.lockdown.release()
        self.router.start_over()
        self.close()
        self.kiosk_did_exit.emit()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.lockdown.active:
            self.lockdown.refuse("close")
            event.ignore()
            return
        super().closeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        changed = event.type() == QEvent.Type.WindowStateChange
        if changed and self.lockdown.active:
            QTimer.singleShot(0, self.lockdown.hold.hold)  # minimised or restored: back

    @property
    def settings(self) -> Settings | None:
        """The settings in force (None until the backend is open)."""
        return self.settings_in_force.current if self.settings_in_force is not None else None

    def apply_branch_settings(self, settings: Settings) -> None:
        """Settings a manager saved while this kiosk runs: the branch name, the business
        day, the languages offered, the idle timings, the printer and the ticket's
        sections apply at once (screens read the rest from the settings in force)."""
        from printing.layout import TicketSections

        assert self.settings_in_force is not None
        hidden_sections = self.settings_in_force.hidden_sections
        branch = settings.kiosk.branch_name
        self.setWindowTitle(branch)
        self.welcome.set_branch_name(branch)
        self.seated.set_branch_name(branch)
        self.router.access.set_reach(settings.reach.geometry())
        display = settings.display
        self.language.set_offered(tuple(display.languages), display.default_language)
        if self.idle is not None and self.timings is not None and self.timings.follow_settings:
            t = Timings.from_settings(settings.display)
            self.idle.set_timings(t.idle_ms, t.countdown_s)
        if self.backend is None:
            return
        self.backend.reception.use_settings(settings)
        if self.backend.ratings is not None:
            self.backend.ratings.use_settings(settings)
        if self.backend.complaint_book is not None:
            self.backend.complaint_book.use_settings(settings)
        if self.backend.bring_lists is not None:
            self.backend.bring_lists.use_settings(settings)
        if self.backend.printer is not None:
            self.backend.printer.section = settings.printer
            self.backend.printer.sections = TicketSections(**dict.fromkeys(hidden_sections, False))

    def shutdown(self) -> None:
        """Stop watching input and wait for running jobs (a print may take ~3 s)."""
        if self.idle is not None:
            self.idle.stop()
        if self.runtime is not None:
            self.runtime.stop()
        if self.activity is not None:
            self.activity.stop()
        if self.speech is not None:
            self.speech.speaker.stop()  # no espeak-ng process outlives the window
        self.lockdown.release()
        self.worker.wait_for_done(10_000)
