"""Closing a window whose jobs may still be running."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ui.common.worker import Worker


def drain(worker: Worker, msecs: int = 10_000) -> None:
    """Wait for the worker's jobs and deliver their answers now, while the window
    still exists (its timers must be stopped first, so no new job starts)."""
    for _ in range(20):
        worker.wait_for_done(msecs)
        QCoreApplication.sendPostedEvents()
        if not worker.busy:
            return
