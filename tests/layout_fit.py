"""Does a window fit its screen? Walks the widget tree of a shown window and lists
what a person would find wrong on a real screen of that size.

The rules, for every visible interactive control (buttons, fields, boxes, lists):

- it lies inside the window, unless it sits in a scroll area (then the content
  scrolls, and only the scroll area itself must lie inside the window);
- a plain push button is as wide as its text needs (else the text is cut);
- it is at least ``MIN_TARGET`` px wide and high (WCAG 2.5.5 / the design's
  touch-target size); scroll bars are not touch targets and are left out;
- no two overlap where a person sees them: the parts left visible after every
  ancestor's clipping are compared, so a fixed button bar lying over a scrolled
  list is caught, while two buttons scrolled out of sight are not; a control
  wholly under an overlay raised above it (the idle warning) is not seen;

and the window's minimum size hint fits the screen.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollBar,
    QTextEdit,
    QWidget,
)

SCREEN_SIZES: dict[str, tuple[int, int]] = {
    "1920x1080": (1920, 1080),
    "1366x768": (1366, 768),
    "1080x1920": (1080, 1920),
    "1280x1024": (1280, 1024),
}
"""The screens a branch has: two landscape, one portrait (the kiosk's own), one 5:4."""

MIN_TARGET = 48

INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QAbstractSpinBox,
    QComboBox,
    QTextEdit,
    QPlainTextEdit,
    QPushButton,
    QAbstractItemView,
    QAbstractSlider,
)


def _is_control(widget: QWidget) -> bool:
    return isinstance(widget, INTERACTIVE) and not isinstance(widget, QScrollBar)


def _inside_control(widget: QWidget, window: QWidget) -> bool:
    """A part of a compound control (the line edit inside a spin box, a list's viewport)."""
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if _is_control(parent):
            return True
        parent = parent.parentWidget()
    return False


def _in_scroll_area(widget: QWidget, window: QWidget) -> QAbstractScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, QAbstractScrollArea) and not _is_control(parent):
            return parent
        parent = parent.parentWidget()
    return None


def window_rect(widget: QWidget, window: QWidget) -> QRect:
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def visible_rect(widget: QWidget, window: QWidget) -> QRect:
    """What is left of ``widget`` on screen after every ancestor clips it."""
    rect = window_rect(widget, window)
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        rect = rect.intersected(window_rect(parent, window))
        parent = parent.parentWidget()
    return rect.intersected(window.rect())


def _covered(widget: QWidget, window: QWidget) -> bool:
    """Lies wholly under a widget drawn above it (an overlay raised over the screen):
    a sibling of it or of one of its ancestors that comes later in stacking order."""
    seen = visible_rect(widget, window)
    child: QWidget = widget
    parent = widget.parentWidget()
    while parent is not None:
        siblings = [c for c in parent.children() if isinstance(c, QWidget)]
        for above in siblings[siblings.index(child) + 1 :]:
            shown_above = above.isVisible() and not above.isWindow()
            if shown_above and window_rect(above, window).contains(seen):
                return True
        if parent is window:
            return False
        child, parent = parent, parent.parentWidget()
    return False


def controls(window: QWidget) -> Iterator[QWidget]:
    """The visible interactive controls a person can touch (not parts of other controls,
    nor those an overlay covers)."""
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or not _is_control(widget):
            continue
        if widget.window() is not window or _inside_control(widget, window):
            continue
        if _covered(widget, window):
            continue
        yield widget


def _name(widget: QWidget) -> str:
    text = widget.text() if isinstance(widget, QAbstractButton) else ""
    label = widget.objectName() or type(widget).__name__
    return f"{label} {text!r}" if text else label


def fit_problems(window: QWidget, screen: QSize | None = None) -> list[str]:
    """Everything that does not fit, in words; empty when the window fits (a control
    cut off at the side inside a scroll area too: they scroll up and down only)."""
    problems: list[str] = []
    if screen is not None:
        hint = window.minimumSizeHint()
        if hint.width() > screen.width() or hint.height() > screen.height():
            problems.append(
                f"minimum size {hint.width()}×{hint.height()} is larger than the screen "
                f"{screen.width()}×{screen.height()}"
            )
    shown = [w for w in controls(window) if not visible_rect(w, window).isEmpty()]
    for widget in shown:
        full, seen = window_rect(widget, window), visible_rect(widget, window)
        area = _in_scroll_area(widget, window)
        if area is None and seen != full:
            problems.append(f"{_name(widget)} at {_box(full)} is cut off (visible {_box(seen)})")
        if area is not None and not window.rect().contains(visible_rect(area, window)):
            problems.append(f"scroll area of {_name(widget)} leaves the window")
        if area is not None and (seen.left() > full.left() or seen.right() < full.right()):
            # the kiosk's scroll areas scroll up and down only: cut sideways is cut off
            problems.append(f"{_name(widget)} at {_box(full)} is cut off at the side")
        if _text_cut(widget):
            problems.append(f"{_name(widget)} is {full.width()} px wide, its text needs more")
        if full.width() < MIN_TARGET or full.height() < MIN_TARGET:
            problems.append(f"{_name(widget)} is {full.width()}×{full.height()} px, under 48×48")
    problems.extend(_overlaps(shown, window))
    return problems


TEXT_MARGIN = 8
"""Room a button's one line of text needs inside its border (4 px a side)."""


def _text_cut(widget: QWidget) -> bool:
    """A plain push button whose one line of text is wider than the button: Qt clips
    it on both sides (a button with a layout of its own wraps its text in labels)."""
    if not isinstance(widget, QPushButton) or widget.layout() is not None or not widget.text():
        return False
    return widget.fontMetrics().horizontalAdvance(widget.text()) > widget.width() - TEXT_MARGIN


def _overlaps(shown: Iterable[QWidget], window: QWidget) -> Iterator[str]:
    placed = [(w, visible_rect(w, window)) for w in shown]
    for i, (first, first_rect) in enumerate(placed):
        for second, second_rect in placed[i + 1 :]:
            common = first_rect.intersected(second_rect)
            if common.width() > 1 and common.height() > 1:
                yield f"{_name(first)} and {_name(second)} overlap at {_box(common)}"


def scrolled_away(window: QWidget) -> list[str]:
    """Scroll areas that are not at their top (a new screen opens scrolled to its top)."""
    return [
        area.objectName() or type(area).__name__
        for area in window.findChildren(QAbstractScrollArea)
        if area.isVisible()
        and not _is_control(area)
        and area.verticalScrollBar().value() != area.verticalScrollBar().minimum()
    ]


def _box(rect: QRect) -> str:
    return f"({rect.x()},{rect.y()} {rect.width()}×{rect.height()})"


def cut_button_texts(window: QWidget) -> list[str]:
    """Visible buttons whose text is wider than the button (Qt clips it on both sides)."""
    return [
        f"{button.objectName()} {button.text()!r} is cut"
        for button in window.findChildren(QPushButton)
        if button.isVisible() and _text_cut(button)
    ]
