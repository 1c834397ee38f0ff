"""Checks the audit trail once a day (on the worker) and tells the staff home.

:meth:`kiosk.audit.AuditLog.check` walks the whole chain against the key and the
heads this machine noted; an entry edited or forged, or a deleted tail, sets
:attr:`~ui.customer.state.KioskState.audit_check` so that the staff home shows it
to whoever signs in next, not only to a manager who thinks of running
``kiosk audit verify``. The first check comes a little after start-up (not while
the first customers are served), then one every day. The same read first writes
the counts of refusal bursts older than an hour (:meth:`kiosk.refusals.RefusalLog.close_stale`),
so that no refused attempt waits longer than a day to be in the trail.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from ui.common.poller import Poller
from ui.common.worker import Worker
from ui.customer.state import KioskState

if TYPE_CHECKING:
    from kiosk.audit import AuditLog, TrailCheck
    from kiosk.refusals import RefusalLog

log = logging.getLogger(__name__)


class AuditWatch(QObject):
    def __init__(
        self,
        audit: AuditLog,
        worker: Worker,
        state: KioskState,
        interval_ms: int,
        first_ms: int,
        refusals: RefusalLog | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._state = state

        def daily() -> TrailCheck:
            if refusals is not None:
                refusals.close_stale()
            return audit.check()

        self.poller = Poller(
            worker, interval_ms, lambda: daily, self._answered, self._failed, parent=self
        )
        self._first = QTimer(self)
        self._first.setSingleShot(True)
        self._first.setInterval(first_ms)
        self._first.timeout.connect(self.poller.check)

    def start(self) -> None:
        self.poller.start()
        self._first.start()

    def stop(self) -> None:
        self._first.stop()
        self.poller.stop()

    def check(self) -> None:
        """Check now (and keep the daily rhythm)."""
        self.poller.check()

    def _answered(self, check: TrailCheck) -> None:
        if not check.intact:
            log.error(
                "The audit trail does not verify: entries %s do not match; lost after %s",
                check.broken[:50],
                check.lost_after,
            )
        self._state.set_audit_check(check)

    def _failed(self, error: BaseException) -> None:
        # a lost database shows its own banner; the next day's check tries again
        log.warning("The audit trail could not be checked: %s", error)
