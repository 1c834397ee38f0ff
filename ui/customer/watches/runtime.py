"""The kiosk's background watchers and what they change on screen.

- the catalogue (every ~5 s): a change rebuilds the screens when no customer is
  in the middle of a choice, else just before the next screen is shown;
- the database: a failed job that lost it shows the banner and disables taking
  tickets until a probe answers again;
- the printer (every ~10 s): its state for staff, and number-on-screen mode;
- the audit trail (once a day): a trail that does not verify shows on the staff home;
- admin idle: the staff home signs out after ``admin_idle_seconds``.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from ui.common.activity import ActivityWatch
from ui.common.branch_watch import BranchWatch
from ui.common.settings_in_force import SettingsInForce
from ui.common.worker import Worker
from ui.customer.router import CUSTOMER_FLOW, Screen
from ui.customer.screens.base import ScreenRouter
from ui.customer.staff_idle import StaffIdleWatcher
from ui.customer.state import KioskState
from ui.customer.watches.audit import AuditWatch
from ui.customer.watches.database import DatabaseWatch

if TYPE_CHECKING:
    from kiosk.branch_settings import BranchSettings
    from ui.customer.backend import Backend
    from ui.customer.timings import Timings
    from ui.customer.watches.printer import PrinterWatch

log = logging.getLogger(__name__)


class KioskRuntime(QObject):
    def __init__(
        self,
        router: ScreenRouter,
        backend: Backend,
        settings: SettingsInForce,
        worker: Worker,
        state: KioskState,
        timings: Timings,
        activity: ActivityWatch | None = None,
    ) -> None:
        super().__init__(router)
        from kiosk.health import Health
        from ui.customer.watches.printer import PrinterWatch

        self._router = router
        self._worker = worker
        self._admin_idle_ms = timings.admin_idle_ms
        self.branch = backend.branch
        self.catalogue_pending = False
        self.branch_watch = BranchWatch(
            worker,
            timings.catalogue_check_ms,
            backend.reception.refresh_if_changed,
            self.branch,
            settings,
        )
        self.branch_watch.catalogue_did_change.connect(self._catalogue_changed)
        self.database = DatabaseWatch(backend.db, worker, state, timings.database_retry_ms)
        self.printer: PrinterWatch | None = None
        if backend.printer is not None:
            health = Health(backend.db, settings.current.kiosk.id)
            self.printer = PrinterWatch(
                backend.printer, health, worker, state, timings.printer_check_ms
            )
        self.audit = AuditWatch(
            backend.audit,
            worker,
            state,
            timings.audit_check_ms,
            timings.audit_first_check_ms,
            backend.refusals,
            parent=self,
        )
        self.staff_idle = StaffIdleWatcher(router, timings.admin_idle_ms or 60_000, activity)
        router.screen_will_change.connect(self._screen_will_change)

    def start(self) -> None:
        self.branch_watch.start()
        self.audit.start()
        if self.printer is not None:
            self.printer.start()

    def stop(self) -> None:
        self.staff_idle.stop()
        self.branch_watch.stop()
        self.database.stop()
        self.audit.stop()
        if self.printer is not None:
            self.printer.stop()

    def load_admin_idle(self) -> None:
        """Read ``admin_idle_seconds`` (on the worker) unless the tests chose one."""
        if self._admin_idle_ms is not None:
            return
        store = self.branch
        self._worker.run(store.current, self._admin_idle_loaded, self._admin_idle_failed)

    def _admin_idle_loaded(self, branch: BranchSettings) -> None:
        self.staff_idle.set_interval(branch.admin_idle_seconds * 1000)

    def _admin_idle_failed(self, error: BaseException) -> None:
        # the staff home keeps the sign-out time it had; a lost database shows its banner
        log.warning("admin_idle_seconds could not be read: %s", error)

    # -- catalogue changes -----------------------------------------------------------------
    def _catalogue_changed(self) -> None:
        self.catalogue_pending = True
        if self._router.current not in CUSTOMER_FLOW:
            self.apply_catalogue()

    def _screen_will_change(self, _screen: Screen) -> None:
        if self.catalogue_pending:
            self.apply_catalogue()

    def apply_catalogue(self) -> None:
        """Rebuild every screen from the reloaded catalogue."""
        self.catalogue_pending = False
        for page in self._router.pages().values():
            page.catalogue_did_change()
