"""Time a tap to the end of the first frame that painted what the tap brought up.

A :class:`TapTimer` watches the top-level windows' ``UpdateRequest`` — the event on
which Qt paints every dirty widget into the backing store and flushes it to the
window system — and delivers it itself, so the clock stops only once that frame
is painted *and* flushed. A frame counts when the target widget (the new screen,
or the label the tap changed) received a ``Paint`` event inside it.

    timer = TapTimer(app)
    timer.watch(window)
    seconds = timer.tap(button, target)        # press + release at the button's centre
    seconds = timer.time(lambda: ..., target)  # anything else (a timer firing)
    print(format_table(samples, baseline="bare QStackedWidget page switch"))

Used by ``bench_taps.py`` and meant for a soak run printing the same table.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import QEvent, QEventLoop, QObject, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget


class TapTimer(QObject):
    def __init__(self, app: QApplication) -> None:
        super().__init__()
        self._app = app
        self._windows: list[QWidget] = []
        self._target: QWidget | None = None
        self._painted = False
        self._done_at: float | None = None
        self._last_paint = 0.0
        self._any_frame = False
        self._armed = False
        self.unflushed = 0
        """Frames that painted the target outside an ``UpdateRequest`` (an expose)."""

    def watch(self, window: QWidget) -> None:
        """Time frames of this top-level window."""
        self._windows.append(window)
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Paint:
            self._last_paint = time.perf_counter()
            if watched is self._target:
                self._painted = True
            return False
        if kind == QEvent.Type.UpdateRequest and any(w is watched for w in self._windows):
            watched.event(event)  # paint and flush now, so the time includes both
            if self._any_frame and self._armed:
                self._painted = True
            if self._painted and self._done_at is None:
                self._done_at = time.perf_counter()
            return True
        return False

    def _arm(self, target: QWidget | None) -> None:
        if self._target is not None:
            self._target.removeEventFilter(self)
        self._target = target
        self._any_frame = target is None
        self._armed = True
        if target is not None:
            target.installEventFilter(self)
        self._painted = False
        self._done_at = None

    def _wait(self, began: float, timeout_s: float) -> float:
        while self._done_at is None:
            self._app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents)
            if self._painted and self._done_at is None:
                self._done_at = time.perf_counter()  # painted by an expose, not a frame request
                self.unflushed += 1
            if time.perf_counter() - began > timeout_s:
                raise TimeoutError("the target was never painted")
            if self._done_at is None:
                time.sleep(0.0002)
        if self._target is not None:
            self._target.removeEventFilter(self)
        self._target = None
        self._armed = False
        return self._done_at - began

    def tap(
        self,
        button: QWidget,
        target: QWidget | Callable[[], QWidget] | None,
        timeout_s: float = 5.0,
    ) -> float:
        """Press and release at ``button``'s centre; seconds until ``target`` is on screen
        (a callable: asked right after the release, for what the tap brought up;
        ``None``: until the end of the first frame painted after the tap)."""
        if not callable(target):
            self._arm(target)
        centre = button.rect().center()
        began = time.perf_counter()
        QTest.mousePress(button, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre)
        QTest.mouseRelease(
            button, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre
        )
        if callable(target):  # the release ran the handler: nothing was painted yet
            self._arm(target())
        return self._wait(began, timeout_s)

    def time(self, action: Callable[[], object], target: QWidget, timeout_s: float = 5.0) -> float:
        """Run ``action``; seconds until ``target`` is on screen."""
        self._arm(target)
        began = time.perf_counter()
        action()
        return self._wait(began, timeout_s)

    def settle(self, quiet_s: float = 0.03, busy: Callable[[], bool] = lambda: False) -> None:
        """Process events until nothing painted for ``quiet_s`` and ``busy()`` is false."""
        self._last_paint = time.perf_counter()
        deadline = time.perf_counter() + 5.0
        while time.perf_counter() < deadline:
            self._app.processEvents()
            now = time.perf_counter()
            if now - self._last_paint >= quiet_s and not busy():
                return
            time.sleep(0.001)


def percentile(sorted_values: Sequence[float], fraction: float) -> float:
    """Nearest-rank percentile of already sorted values."""
    index = max(0, min(len(sorted_values) - 1, round(fraction * len(sorted_values) + 0.5) - 1))
    return sorted_values[index]


def summary(values: Sequence[float]) -> tuple[int, float, float, float, float]:
    """n, median, p95, p99, max — in ms."""
    ms = sorted(v * 1000 for v in values)
    return len(ms), statistics.median(ms), percentile(ms, 0.95), percentile(ms, 0.99), ms[-1]


def format_table(samples: Mapping[str, Sequence[float]], baseline: str) -> str:
    """One row per transition with its ratio to the baseline's p99."""
    base_p99 = summary(samples[baseline])[3]
    width = max(len(name) for name in samples) + 2
    lines = [
        f"{'transition':{width}} {'n':>4} {'median':>8} {'p95':>8} {'p99':>8} {'max':>8} "
        f"{'p99/bare':>9}",
    ]
    for name, values in samples.items():
        n, median, p95, p99, top = summary(values)
        lines.append(
            f"{name:{width}} {n:>4} {median:>8.1f} {p95:>8.1f} {p99:>8.1f} {top:>8.1f} "
            f"{p99 / base_p99:>8.2f}×"
        )
    lines.append("(ms, tap press → end of the first flushed frame showing the result)")
    return "\n".join(lines)
