"""One read at a time, on the worker, every few seconds: the kiosk's catalogue and
printer watches, the connection probe, the console's and the display's queue reads.

::

    poller = Poller(worker, 5000, lambda: backend.refresh, on_answer=self._changed)
    poller.start()        # every 5 s, and now
    poller.check()        # now (or, if a read is running, once more right after it)

``make_read`` is called when a read starts and returns the blocking call to run on
the worker, so the call sees the state of that moment (a cursor, the current
ticket). A read never overlaps another: a check asked for while one runs is
remembered and run when it answers, because the running read may have looked
before the change that prompted the check. Answers come back on the UI thread;
after :meth:`stop` they are dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer

from ui.common.worker import Worker


class Poller(QObject):
    def __init__(
        self,
        worker: Worker,
        interval_ms: int,
        make_read: Callable[[], Callable[[], Any]],
        on_answer: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None = None,
        *,
        paused: Callable[[], bool] = lambda: False,
        parent: QObject | None = None,
    ) -> None:
        """``paused``: while it says so, the timer's ticks read nothing (a lost
        connection: the connection monitor probes instead); :meth:`check` still reads."""
        super().__init__(parent)
        self._worker = worker
        self._make_read = make_read
        self._on_answer = on_answer
        self._on_error = on_error
        self._reading = False
        self._again = False
        self._stopped = False  # check() reads before start() too; only stop() ends it
        self._paused = paused
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._tick)

    @property
    def reading(self) -> bool:
        """A read is on the worker now."""
        return self._reading

    @property
    def running(self) -> bool:
        """The timer is reading every interval."""
        return self.timer.isActive()

    def start(self, now: bool = False) -> None:
        self._stopped = False
        self.timer.start()
        if now:
            self.check()

    def stop(self) -> None:
        """No more reads; an answer still to come is dropped."""
        self._stopped = True
        self._again = False
        self.timer.stop()

    def set_interval(self, interval_ms: int) -> None:
        self.timer.setInterval(interval_ms)

    def _tick(self) -> None:
        if not self._paused():
            self.check()

    def check(self) -> None:
        """Read now; if a read is running, once more as soon as it has answered."""
        if self._stopped:
            return
        if self._reading:
            self._again = True
            return
        self._reading = True
        self._worker.run(self._make_read(), self._answered, self._failed)

    def _answered(self, result: Any) -> None:
        self._reading = False
        if self._stopped:
            return
        try:
            self._on_answer(result)
        finally:
            self._next()

    def _failed(self, error: BaseException) -> None:
        self._reading = False
        self._again = False  # a failing source is asked again at the next tick, not at once
        if self._stopped:
            return
        if self._on_error is not None:
            self._on_error(error)

    def _next(self) -> None:
        if self._again and not self._stopped:
            self._again = False
            QTimer.singleShot(0, self.check)
