"""Small widget helpers shared by every screen.

Every interactive control gets a stable ``objectName`` that is also its
accessible identifier (what UI tests and screen readers' automation use), and
keeps its accessible name equal to the text on screen whenever the text changes
(on every ``retranslate``).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QScrollArea,
    QScrollBar,
    QScroller,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ui.common.theme import BUTTON_HEIGHT_PX, repolish

QWIDGETSIZE_MAX = (1 << 24) - 1


def identify(widget: QWidget, object_name: str) -> None:
    """Set the objectName and the same accessible identifier."""
    widget.setObjectName(object_name)
    widget.setAccessibleIdentifier(object_name)


class KioskButton(QPushButton):
    """A push button whose accessible name always follows its text."""

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setAccessibleName(text)


def make_button(
    object_name: str, parent: QWidget | None = None, role: str | None = None
) -> KioskButton:
    button = KioskButton(parent)
    identify(button, object_name)
    button.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # keyboard focus only: no ring after a touch
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    if role:
        button.setProperty("role", role)
    return button


def label(role: str | None = None, parent: QWidget | None = None, wrap: bool = True) -> QLabel:
    widget = QLabel(parent)
    widget.setWordWrap(wrap)
    widget.setTextFormat(Qt.TextFormat.PlainText)
    if role:
        widget.setProperty("role", role)
    return widget


LINE_PROBE = "Ágy 国體，。"
"""Latin, Simplified and Traditional glyphs and full-width punctuation: a line's height."""


class ReservedLabel(QLabel):
    """A word-wrapped label that always takes the height of ``lines`` lines, empty or
    not, so nothing under it moves when a message comes or goes.

    The height is what Qt's own layout of the label gives ``lines`` lines mixing
    Latin and Chinese glyphs, recomputed whenever the label's font or style changes
    (language, contrast, a stylesheet role).
    """

    def __init__(self, lines: int, role: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.lines = lines
        self._measuring = False
        self._height = 0
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        if role:
            self.setProperty("role", role)
        self._reserve()

    def fits(self) -> bool:
        """Whether the text, wrapped at the label's width, needs no more than its lines."""
        return self._needed(self.text(), self.width()) <= self._height

    def _needed(self, text: str, width: int) -> int:
        """The height Qt's own layout of ``text`` takes at ``width`` (unclamped)."""
        kept, self._measuring = self.text(), True
        self.setMinimumHeight(0)
        self.setMaximumHeight(QWIDGETSIZE_MAX)
        super().setText(text)
        needed = super().heightForWidth(width)
        super().setText(kept)
        self.setFixedHeight(self._height)
        self._measuring = False
        return needed

    def _reserve(self) -> None:
        """Room for ``lines`` lines of Latin and Chinese text (a font's fallback for
        Chinese glyphs has taller lines), measured the way Qt lays the label out."""
        if self._measuring:
            return
        self.ensurePolished()
        probe = "\n".join([LINE_PROBE] * self.lines)
        self._height = self._needed(probe, 10_000)
        self.setFixedHeight(self._height)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange, QEvent.Type.Polish):
            self._reserve()

    def hasHeightForWidth(self) -> bool:
        return False


class HintButton(KioskButton):
    """A large button with a title and a smaller hint line under it.

    ``text()`` is the title (also the accessible name); the hint is the
    accessible description.
    """

    def __init__(
        self,
        object_name: str,
        role: str = "option",
        parent: QWidget | None = None,
        centered: bool = False,
    ):
        super().__init__(parent)
        identify(self, object_name)
        self.setProperty("role", role)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self._title = label("button_text" if centered else "subtitle")
        self._hint = label("hint")
        self._hint.hide()
        if centered:
            self._title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for child in (self._title, self._hint):
            child.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.body = QVBoxLayout()
        self.body.setContentsMargins(0, 0, 0, 0)
        self.body.setSpacing(4)
        self.body.addWidget(self._title)
        self.body.addWidget(self._hint)
        outer = self._outer = QHBoxLayout(self)
        outer.setContentsMargins(28, 12 if centered else 18, 28, 12 if centered else 18)
        outer.addLayout(self.body, 1)
        self._min_height = BUTTON_HEIGHT_PX if centered else 104

    def setText(self, text: str) -> None:
        self._title.setText(text)
        self.setAccessibleName(text)
        self.updateGeometry()

    def text(self) -> str:
        return self._title.text()

    def set_hint(self, hint: str) -> None:
        self._hint.setText(hint)
        self._hint.setVisible(bool(hint))
        self.setAccessibleDescription(hint)
        self.updateGeometry()

    def hint(self) -> str:
        return self._hint.text()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.EnabledChange:
            for child in (self._title, self._hint):
                child.setProperty("off", "false" if self.isEnabled() else "true")
                repolish(child)

    def sizeHint(self) -> QSize:
        hint = self._outer.sizeHint()
        hint.setHeight(max(hint.height(), self._min_height))
        return hint

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return max(self._min_height, self._outer.totalHeightForWidth(width))


class CheckItem(HintButton):
    """A large checkable item: a box, the item's name, a tag line and a note."""

    def __init__(self, object_name: str, parent: QWidget | None = None):
        super().__init__(object_name, role="check", parent=parent)
        self.setCheckable(True)
        self._box = label("box", wrap=False)
        self._box.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._tag = label("tag")
        self._tag.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.body.insertWidget(1, self._tag)
        self._outer.insertWidget(0, self._box, 0, Qt.AlignmentFlag.AlignTop)
        self._outer.insertSpacing(1, 20)
        self.toggled.connect(self._show_state)
        self._show_state(False)

    def set_tag(self, tag: str) -> None:
        self._tag.setText(tag)

    def _show_state(self, checked: bool) -> None:
        self._box.setText("✓" if checked else "")
        self._box.setProperty("checked", "true" if checked else "false")
        repolish(self._box)


def make_wrapping_button(
    object_name: str, parent: QWidget | None = None, role: str | None = None
) -> HintButton:
    """A full-width button whose text wraps onto a second line instead of being cut."""
    return HintButton(object_name, role=role or "plain", parent=parent, centered=True)


def set_current(button: QPushButton, current: bool) -> None:
    value = "true" if current else "false"
    if button.property("current") == value:
        return  # unchanged: no restyle (every screen marks its language on each visit)
    button.setProperty("current", value)
    repolish(button)


class ScrollPane(QWidget):
    """A vertical scroll area with its scroll bar beside it, not inside it.

    Qt's accessible interface for a ``QAbstractScrollArea`` lists the viewport and,
    only while it is visible, the scroll bar's container; its ``child(index)`` does
    not check the index. The scroll bar is hidden whenever the screen is (and
    whenever the content fits), so a screen reader that asks again for the child it
    saw a moment before made Qt read past the list and crash the kiosk. Here the
    area's own scroll bars are always off, so it has exactly one accessible child,
    the viewport, on every screen at every moment; the bar a customer sees is an
    ordinary sibling that follows the area's (hidden) bar both ways.
    """

    def __init__(self, content: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.area = QScrollArea(self)
        area = self.area
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        area.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustIgnored)
        # Our own viewport, held from Python: asking Qt for the one it made would
        # have PySide6 find that object's class among every widget class of
        # QtWidgets (~25 ms the first time, before the welcome screen could show).
        self._viewport = QWidget()
        self._viewport.setObjectName("qt_scrollarea_viewport")  # as Qt names its own
        self._viewport.setBackgroundRole(QPalette.ColorRole.Base)
        self._viewport.setAutoFillBackground(True)
        area.setViewport(self._viewport)
        area.setWidget(content)
        QScroller.grabGesture(self._viewport, QScroller.ScrollerGestureType.LeftMouseButtonGesture)
        self.bar = QScrollBar(Qt.Orientation.Vertical, self)
        self.bar.hide()
        inner = area.verticalScrollBar()
        inner.rangeChanged.connect(self._follow_range)
        inner.valueChanged.connect(self.bar.setValue)
        self.bar.valueChanged.connect(inner.setValue)
        self._viewport.installEventFilter(self)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(area, 1)
        row.addWidget(self.bar, 0)

    def verticalScrollBar(self) -> QScrollBar:
        """The area's own bar: the one that scrolls (the visible one follows it)."""
        return self.area.verticalScrollBar()

    def viewport(self) -> QWidget:
        return self._viewport

    def widget(self) -> QWidget:
        content = self.area.widget()
        assert content is not None
        return content

    def ensureWidgetVisible(self, child: QWidget) -> None:
        self.area.ensureWidgetVisible(child)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.bar.setPageStep(self._viewport.height())
        return False

    def _follow_range(self, minimum: int, maximum: int) -> None:
        inner = self.area.verticalScrollBar()
        self.bar.setRange(minimum, maximum)
        self.bar.setPageStep(self._viewport.height())
        self.bar.setSingleStep(inner.singleStep())
        self.bar.setValue(inner.value())
        self.bar.setVisible(maximum > minimum)


def scroll_area(content: QWidget) -> ScrollPane:
    """A vertical scroll area that also scrolls by dragging a finger."""
    return ScrollPane(content)


def centered_column(max_width: int = 1200) -> tuple[QWidget, QVBoxLayout]:
    """A widget whose content is a column at most ``max_width`` wide, centred."""
    outer = QWidget()
    row = QHBoxLayout(outer)
    row.setContentsMargins(48, 32, 48, 32)
    column = QWidget()
    column.setMaximumWidth(max_width)
    column.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    layout = QVBoxLayout(column)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(24)
    row.addStretch(0)
    row.addWidget(column, 1)
    row.addStretch(0)
    return outer, layout


def clear_layout(layout: QLayout) -> None:
    """Remove and delete every widget in ``layout``."""
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.setParent(None)
            widget.deleteLater()
