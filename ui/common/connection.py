"""Notices a lost database connection and keeps checking until it answers again.

Screens hand every failed job's error to :meth:`ConnectionMonitor.failed`. A
connection failure (``DatabaseUnavailable``, SQLAlchemy's ``OperationalError``
or ``InterfaceError``) marks the connection lost: ``connection_did_drop`` fires
and a probe (:func:`kiosk.health.database_answers`, on the worker) runs every
``retry_ms`` until the database answers; then ``connection_did_return`` fires.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from ui.common.poller import Poller
from ui.common.worker import Worker

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
        self._stopped = False
        self.lost = False
        self.poller = Poller(worker, retry_ms, self._make_probe, self._probed, parent=self)

    def failed(self, error: BaseException) -> bool:
        """Note a job's failure; True when it was the connection (the banner says so)."""
        if not is_connection_error(error):
            return False
        if not self.lost:
            self.lost = True
            if not self._stopped:
                self.poller.start()
            self.connection_did_drop.emit()
        return True

    def succeeded(self) -> None:
        """A job reached the database: the connection is fine."""
        if self.lost:
            self._back()

    def probe(self) -> None:
        """Ask the database now whether it answers (while the connection is lost)."""
        if self.lost:
            self.poller.check()

    def _make_probe(self) -> Callable[[], bool]:
        from kiosk.health import database_answers

        db = self._db
        return lambda: database_answers(db)

    def _probed(self, answers: object) -> None:
        if answers is True and self.lost:
            self._back()

    def _back(self) -> None:
        self.lost = False
        self.poller.stop()
        self.connection_did_return.emit()

    def stop(self) -> None:
        self._stopped = True
        self.poller.stop()
