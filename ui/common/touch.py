"""Touch screens: controls that keep their value while a finger scrolls past them.

A wheel or a drag over a page of the admin panel meant to scroll it; landing on a
spin box or a combo box, Qt changed the value instead (a target wait went from 15
to 0 with no sign). :func:`guard_value` makes such a control change only once it
has focus, and hands the wheel on to the page meanwhile.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPointF, Qt, QTimer
from PySide6.QtGui import QFocusEvent, QWheelEvent
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSpinBox, QDateTimeEdit, QWidget


class ValueGuard(QObject):
    """Keeps a spin box, combo box or slider from changing under a finger or a wheel
    that meant to scroll the page: while it has no focus, the wheel goes on to the
    page (its scroll area scrolls), and the press that gives it focus does not step
    its arrows (nor repeat while a finger rests on one)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._focusing = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(watched, QWidget):
            return False
        kind = event.type()
        if kind == QEvent.Type.FocusIn and isinstance(event, QFocusEvent):
            # Qt gives focus just before it delivers the press that asked for it.
            self._focusing = event.reason() == Qt.FocusReason.MouseFocusReason
            QTimer.singleShot(0, self._focused)
        elif kind == QEvent.Type.MouseButtonPress and self._focusing:
            self._focusing = False
            return _steps_on_press(watched)
        elif isinstance(event, QWheelEvent) and not watched.hasFocus():
            _scroll_page(watched, event)
            return True
        return False

    def _focused(self) -> None:
        self._focusing = False


def _scroll_page(widget: QWidget, event: QWheelEvent) -> None:
    """Hand a wheel turn over ``widget`` to the scroll area it lies in (Qt would pass a
    real one on by itself, but not one sent by code, and never one already taken)."""
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QAbstractScrollArea):
        parent = parent.parentWidget()
    if parent is None:
        return
    viewport = parent.viewport()
    forwarded = QWheelEvent(
        QPointF(widget.mapTo(viewport, event.position().toPoint())),
        event.globalPosition(),
        event.pixelDelta(),
        event.angleDelta(),
        event.buttons(),
        event.modifiers(),
        event.phase(),
        event.inverted(),
        event.source(),
    )
    QCoreApplication.sendEvent(viewport, forwarded)


def _steps_on_press(widget: QWidget) -> bool:
    """A spin box's arrows step (and repeat) on a press; a calendar pop-up only opens."""
    if isinstance(widget, QDateTimeEdit) and widget.calendarPopup():
        return False
    return isinstance(widget, QAbstractSpinBox)


def guard_value(widget: QWidget) -> None:
    """Apply :class:`ValueGuard`: the control changes only once focused (by a touch,
    never by the wheel), so a wheel over it scrolls the page instead."""
    widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    widget.installEventFilter(ValueGuard(widget))
