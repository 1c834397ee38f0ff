"""The customer kiosk's link between failed jobs and the "database lost" state.

Every job run through the :class:`~ui.common.worker.Worker` reports its failure
(``Worker.job_did_fail``) to a :class:`~ui.common.connection.ConnectionMonitor`, which
notices a lost database and probes it until it answers; this keeps the
:class:`~ui.customer.state.KioskState` in step, so every screen shows the banner
and clears it by itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from ui.common.connection import ConnectionMonitor
from ui.common.worker import Worker
from ui.customer.state import KioskState

if TYPE_CHECKING:
    from kiosk.db.database import Database


class DatabaseWatch(QObject):
    def __init__(self, db: Database, worker: Worker, state: KioskState, retry_ms: int) -> None:
        super().__init__()
        self._stopped = False
        self.monitor = ConnectionMonitor(db, worker, retry_ms)
        self.monitor.connection_did_drop.connect(lambda: state.set_database_lost(True))
        self.monitor.connection_did_return.connect(lambda: state.set_database_lost(False))
        worker.job_did_fail.connect(self.failed)

    def failed(self, error: BaseException) -> None:
        if not self._stopped:
            self.monitor.failed(error)

    def stop(self) -> None:
        self._stopped = True
        self.monitor.stop()
