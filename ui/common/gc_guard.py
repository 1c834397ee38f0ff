"""Python's garbage collector runs only on the GUI thread.

The cyclic collector runs on whichever thread happens to allocate when its
threshold is reached. When that is a worker thread (a database or printer job)
and the garbage holds Qt widgets, Qt deletes them off the GUI thread and the
process crashes. So automatic collection is switched off and a timer on the GUI
thread collects instead (the approach Anki takes for the same reason).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

#: How often the young generation is collected; every tenth time, all of them.
INTERVAL_MS = 1000
FULL_EVERY = 10
#: Once the app has settled (modules, catalogue, screens), what exists then is frozen
#: out of later collections: a full collection of the whole heap takes ~90 ms, a
#: stutter on a touchscreen; of what came after, well under a millisecond.
FREEZE_AFTER = 5


class GuiThreadCollector(QObject):
    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self._ticks = 0
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.collect)

    def start(self) -> None:
        gc.disable()
        self.timer.start()

    def collect(self) -> None:
        self._ticks += 1
        if self._ticks == FREEZE_AFTER:
            gc.collect()
            gc.freeze()
            return
        gc.collect(2 if self._ticks % FULL_EVERY == 0 else 0)

    def stop(self) -> None:
        self.timer.stop()
        gc.unfreeze()
        gc.collect()
        gc.enable()
