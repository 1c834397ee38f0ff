"""Notices a lost database and keeps checking, on the worker, until it answers again.

Every job run through the :class:`~ui.worker.Worker` reports its failure here
(``Worker.job_did_fail``). A connection failure (``DatabaseUnavailable``,
SQLAlchemy's ``OperationalError`` or ``InterfaceError``) marks the database
lost in the :class:`~ui.kiosk_state.KioskState`; then
:func:`kiosk.health.database_answers` runs every ``retry_ms`` until it answers,
and the state is cleared by itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from ui.kiosk_state import KioskState
from ui.worker import Worker

if TYPE_CHECKING:
    from kiosk.db.database import Database


def is_database_error(error: BaseException) -> bool:
    from sqlalchemy.exc import InterfaceError, OperationalError

    from kiosk.db.database import DatabaseUnavailable

    return isinstance(error, DatabaseUnavailable | OperationalError | InterfaceError)


class DatabaseWatch(QObject):
    def __init__(self, db: Database, worker: Worker, state: KioskState, retry_ms: int) -> None:
        super().__init__()
        self._db = db
        self._worker = worker
        self._state = state
        self._probing = False
        self._stopped = False
        self.timer = QTimer(self)
        self.timer.setInterval(retry_ms)
        self.timer.timeout.connect(self.probe)
        worker.job_did_fail.connect(self.failed)

    def failed(self, error: BaseException) -> None:
        if self._stopped:
            return
        if is_database_error(error) and not self._state.database_lost:
            self._state.set_database_lost(True)
            self.timer.start()

    def probe(self) -> None:
        if self._probing or self._stopped or not self._state.database_lost:
            return
        from kiosk.health import database_answers

        self._probing = True
        db = self._db
        self._worker.run(lambda: database_answers(db), self._probed, self._probe_failed)

    def _probed(self, answers: object) -> None:
        self._probing = False
        if answers is True:
            self.timer.stop()
            self._state.set_database_lost(False)

    def _probe_failed(self, _error: BaseException) -> None:
        self._probing = False

    def stop(self) -> None:
        self._stopped = True
        self.timer.stop()
