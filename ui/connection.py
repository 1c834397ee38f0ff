"""Notices a lost database connection and keeps checking until it answers again.

Screens hand every failed job's error to :meth:`ConnectionMonitor.failed`. A
connection failure (``DatabaseUnavailable``, SQLAlchemy's ``OperationalError``
or ``InterfaceError``) marks the connection lost: ``connection_did_drop`` fires
and a probe (:func:`kiosk.health.database_answers`, on the worker) runs every
``retry_ms`` until the database answers; then ``connection_did_return`` fires.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from ui.worker import Worker

if TYPE_CHECKING:
    from kiosk.db.database import Database


def is_connection_error(error: BaseException) -> bool:
    from sqlalchemy.exc import InterfaceError, OperationalError

    from kiosk.db.database import DatabaseUnavailable

    return isinstance(error, DatabaseUnavailable | OperationalError | InterfaceError)


class ConnectionMonitor(QObject):
    connection_did_drop = Signal()
    connection_did_return = Signal()

    def __init__(self, db: Database, worker: Worker, retry_ms: int = 3000) -> None:
        super().__init__()
        self._db = db
        self._worker = worker
        self._probing = False
        self._stopped = False
        self.lost = False
        self.timer = QTimer(self)
        self.timer.setInterval(retry_ms)
        self.timer.timeout.connect(self.probe)

    def failed(self, error: BaseException) -> bool:
        """Note a job's failure; True when it was the connection (the banner says so)."""
        if not is_connection_error(error):
            return False
        if not self.lost:
            self.lost = True
            self.timer.start()
            self.connection_did_drop.emit()
        return True

    def succeeded(self) -> None:
        """A job reached the database: the connection is fine."""
        if self.lost:
            self._back()

    def probe(self) -> None:
        if self._probing or not self.lost or self._stopped:
            return
        from kiosk.health import database_answers

        self._probing = True
        db = self._db
        self._worker.run(lambda: database_answers(db), self._probed, self._probe_failed)

    def _probed(self, answers: object) -> None:
        self._probing = False
        if answers is True:
            self._back()

    def _probe_failed(self, _error: BaseException) -> None:
        self._probing = False

    def _back(self) -> None:
        self.lost = False
        self.timer.stop()
        self.connection_did_return.emit()

    def stop(self) -> None:
        self._stopped = True
        self.timer.stop()
