"""Admin mode inside the kiosk window: hosts a fresh :class:`~ui.admin.AdminPanel` for
each opening (staff see the visit records; managers every page).

"Close admin mode" goes back to the staff home, still signed in; signing out
(the button, the panel's idle timeout, or lost rights) wipes everything and
greets the next customer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QVBoxLayout

from ui.common.language import Language
from ui.customer.router import Screen
from ui.customer.screens.base import ScreenBase, ScreenRouter

if TYPE_CHECKING:
    from kiosk.access import StaffMember
    from kiosk.clock import Clock
    from kiosk.complaints import NotifyResolution
    from kiosk.db.database import Database
    from ui.admin import AdminPanel
    from ui.common.settings_in_force import SettingsInForce
    from ui.common.theme import Theme
    from ui.common.worker import Worker


class AdminScreen(ScreenBase):
    def __init__(
        self,
        language: Language,
        router: ScreenRouter,
        *,
        db: Database,
        settings: SettingsInForce,
        worker: Worker,
        clock: Clock,
        theme: Theme | None = None,
        idle_ms: int | None = None,
        notify_resolution: NotifyResolution | None = None,
    ) -> None:
        super().__init__(language, router)
        self.notify_resolution = notify_resolution
        """Runs in the transaction that resolves a complaint case (the customer's text)."""
        self._db = db
        self._settings = settings
        self._worker = worker
        self._clock = clock
        self._theme = theme
        self._idle_ms = idle_ms
        self.panel: AdminPanel | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def open(self, member: StaffMember) -> None:
        """Show a new panel for ``member``."""
        from ui.admin import AdminPanel

        self._drop()
        panel = AdminPanel(
            db=self._db,
            settings=self._settings.current,  # as they are when a manager opens it
            language=self.language,
            member=member,
            worker=self._worker,
            clock=self._clock,
            theme=self._theme,
            idle_ms=self._idle_ms,
            notify_resolution=self.notify_resolution,
        )
        panel.admin_did_close.connect(self._closed)
        panel.admin_did_sign_out.connect(self._signed_out)
        self._layout.addWidget(panel)
        self.panel = panel
        self.router.go(Screen.ADMIN)

    def _closed(self) -> None:
        self.router.go(Screen.STAFF_HOME)
        self._drop()

    def _signed_out(self) -> None:
        self.router.start_over()

    def reset(self) -> None:
        self._drop()

    def _drop(self) -> None:
        panel, self.panel = self.panel, None
        if panel is None:
            return
        panel.admin_did_close.disconnect(self._closed)
        panel.admin_did_sign_out.disconnect(self._signed_out)
        panel.idle.stop()
        panel.ctx.discard_jobs()
        panel.hide()
        panel.setParent(None)
        panel.deleteLater()
