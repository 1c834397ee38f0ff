"""Run something once a widget has been painted: work that can wait a frame.

A tap's answer is the next screen, painted; anything that can come a moment later
(a wait estimate, the backend at start-up) starts once that frame is done. A
background job started during the tap competes with the UI thread for the GIL
while the screen lays itself out and paints; started after the paint, it runs
while the customer reads.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class _AfterPaint(QObject):
    def __init__(self, widget: QWidget, fn: Callable[[], None]) -> None:
        super().__init__(widget)
        self._fn: Callable[[], None] | None = fn
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._fn is not None:
            fn, self._fn = self._fn, None
            watched.removeEventFilter(self)
            QTimer.singleShot(0, fn)  # after this paint event has been handled
            self.deleteLater()
        return False

    def cancel(self) -> None:
        self._fn = None
        parent = self.parent()
        if isinstance(parent, QWidget):
            parent.removeEventFilter(self)
        self.deleteLater()


def after_paint(widget: QWidget, fn: Callable[[], None]) -> Callable[[], None]:
    """Call ``fn`` on the UI thread once ``widget`` has next been painted; returns a
    function that cancels it (the screen was left before it was painted).

    A widget that is not visible is never painted: ``fn`` then waits for it to be."""
    waiter = _AfterPaint(widget, fn)
    return waiter.cancel
