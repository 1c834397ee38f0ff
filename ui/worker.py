"""Run blocking work (database, printer) off the UI thread; get the answer back on it.

Anki's background-operation pattern: the job runs on a ``QThreadPool`` thread
and must not touch any widget; its result or its exception comes back through
a queued signal to the UI thread, where ``on_done`` / ``on_error`` run::

    job = worker.run(lambda: reception.take_ticket(visit), on_done=self._show, on_error=self._fail)
    job.discard()   # the screen was left: the answer will be ignored

Every job is kept alive until it has answered, so callers need not hold it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)


class _Relay(QObject):
    """Lives in the UI thread; the runnable emits through it from the pool thread."""

    succeeded = Signal(object)
    failed = Signal(object)


class Job(QObject):
    """One background call. ``job_did_finish`` fires on the UI thread either way."""

    job_did_finish = Signal()

    def __init__(
        self,
        on_done: Callable[[Any], None] | None,
        on_error: Callable[[BaseException], None] | None,
    ) -> None:
        super().__init__()
        self._on_done = on_done
        self._on_error = on_error
        self.finished = False
        self.relay = _Relay()
        self.relay.succeeded.connect(self._succeeded)
        self.relay.failed.connect(self._failed)

    def discard(self) -> None:
        """Ignore the answer when it comes (the screen that asked has moved on)."""
        self._on_done = None
        self._on_error = None

    def _succeeded(self, result: Any) -> None:
        self.finished = True
        try:
            if self._on_done is not None:
                self._on_done(result)
        finally:
            self.job_did_finish.emit()

    def _failed(self, error: BaseException) -> None:
        self.finished = True
        try:
            if self._on_error is not None:
                self._on_error(error)
            else:
                log.error("background job failed", exc_info=error)
        finally:
            self.job_did_finish.emit()


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._fn = fn
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._fn()
        except BaseException as exc:  # every failure goes back to the UI
            self._relay.failed.emit(exc)
        else:
            self._relay.succeeded.emit(result)


class Worker(QObject):
    """Starts jobs on a thread pool and keeps them alive until they answer.

    ``job_did_fail`` carries every job's exception (discarded jobs included), so one
    watcher can notice a lost database whichever screen's job ran into it.
    """

    job_did_fail = Signal(object)

    def __init__(self, pool: QThreadPool | None = None) -> None:
        super().__init__()
        self._pool = pool or QThreadPool()
        self._pool.setMaxThreadCount(max(self._pool.maxThreadCount(), 4))
        self._jobs: set[Job] = set()

    def run(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> Job:
        job = Job(on_done, on_error)
        self._jobs.add(job)
        job.job_did_finish.connect(lambda: self._jobs.discard(job))
        job.relay.failed.connect(self.job_did_fail)
        runnable = _Runnable(fn, job.relay)
        runnable.setAutoDelete(True)
        self._pool.start(runnable)
        return job

    @property
    def busy(self) -> bool:
        return bool(self._jobs)

    def wait_for_done(self, msecs: int = -1) -> bool:
        """Block until every running job has returned (shutdown and tests)."""
        return self._pool.waitForDone(msecs)
