"""Run blocking work (database, printer) off the UI thread; get the answer back on it.

Anki's background-operation pattern: the job runs on a ``QThreadPool`` thread
and must not touch any widget; its result or its exception comes back through
a queued signal to the UI thread, where ``on_done`` / ``on_error`` run::

    job = worker.run(lambda: reception.take_ticket(visit), on_done=self._show, on_error=self._fail)
    job.discard()   # the screen was left: the answer will be ignored

A job is a plain Python object: no Qt object and no signal connection is made per
job, so nothing outlives the answer. One relay per worker carries every answer
back as ``(job id, ok, value)``; the worker keeps each job in a dictionary until
its answer has been handled and then forgets it, callbacks, closure and all. (A
per-job ``QObject`` whose signal was connected to a lambda holding the job made a
cycle through Qt that Python's collector cannot see: every job lived for ever.)
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, Signal

log = logging.getLogger(__name__)


class Job:
    """One background call, until its answer has been handled on the UI thread."""

    __slots__ = ("__weakref__", "_group", "_on_done", "_on_error", "finished")

    def __init__(
        self,
        on_done: Callable[[Any], None] | None,
        on_error: Callable[[BaseException], None] | None,
    ) -> None:
        self._on_done = on_done
        self._on_error = on_error
        self._group: JobGroup | None = None
        self.finished = False

    def discard(self) -> None:
        """Ignore the answer when it comes (the screen that asked has moved on)."""
        self._on_done = None
        self._on_error = None

    def _answer(self, ok: bool, value: Any) -> None:
        self.finished = True
        on_done, on_error = self._on_done, self._on_error
        self._on_done = self._on_error = None  # let go of the closures at once
        if self._group is not None:
            self._group._forget(self)
        if ok:
            if on_done is not None:
                on_done(value)
        elif on_error is not None:
            on_error(value)
        else:
            log.error("background job failed", exc_info=value)


class _Relay(QObject):
    """Lives in the UI thread; pool threads emit through it (a queued connection)."""

    answered = Signal(int, bool, object)


class Worker(QObject):
    """Starts jobs on a thread pool and keeps each one until it has answered.

    ``job_did_fail`` carries every job's exception (discarded jobs included), so one
    watcher can notice a lost database whichever screen's job ran into it.
    """

    job_did_fail = Signal(object)

    def __init__(self, pool: QThreadPool | None = None) -> None:
        super().__init__()
        self._pool = pool or QThreadPool()
        self._pool.setMaxThreadCount(max(self._pool.maxThreadCount(), 4))
        self._jobs: dict[int, Job] = {}
        self._ids = itertools.count(1)
        self._relay = _Relay(self)
        self._relay.answered.connect(self._answered)

    def run(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> Job:
        job = Job(on_done, on_error)
        job_id = next(self._ids)
        self._jobs[job_id] = job
        relay = self._relay

        def call() -> None:  # on a pool thread
            try:
                result = fn()
            except BaseException as exc:  # every failure goes back to the UI
                relay.answered.emit(job_id, False, exc)
            else:
                relay.answered.emit(job_id, True, result)

        # A plain callable, not a QRunnable subclass: a Python QRunnable's wrapper
        # outlived its auto-deleted C++ object, one per job.
        self._pool.start(call)
        return job

    def _answered(self, job_id: int, ok: bool, value: Any) -> None:
        job = self._jobs.pop(job_id, None)
        if job is None:
            return
        try:
            job._answer(ok, value)
        finally:
            if not ok:
                self.job_did_fail.emit(value)

    @property
    def busy(self) -> bool:
        return bool(self._jobs)

    def wait_for_done(self, msecs: int = -1) -> bool:
        """Block until every running job has returned (shutdown and tests)."""
        return self._pool.waitForDone(msecs)


class JobGroup:
    """The jobs one screen or page started: ``discard()`` when it is left, so that no
    late answer reaches it; finished jobs leave the group by themselves."""

    def __init__(self, worker: Worker) -> None:
        self.worker = worker
        self._jobs: set[Job] = set()

    def run(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> Job:
        job = self.worker.run(fn, on_done, on_error)
        job._group = self
        self._jobs.add(job)
        return job

    def _forget(self, job: Job) -> None:
        self._jobs.discard(job)

    @property
    def busy(self) -> bool:
        return bool(self._jobs)

    def __len__(self) -> int:
        return len(self._jobs)

    def discard(self) -> None:
        """Ignore every answer still to come."""
        for job in self._jobs:
            job.discard()
            job._group = None
        self._jobs.clear()
