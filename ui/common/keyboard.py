"""Qt's on-screen keyboard on the staff screens: asked for, and never over the field.

A touchscreen has no keyboard, so the staff screens' text fields use Qt Virtual
Keyboard (``QT_IM_MODULE=qtvirtualkeyboard``, set before the application exists;
:func:`ui.common.input_method.use_on_screen_keyboard`). It opens over the bottom
of the screen, where it hid the very field being typed into. A :class:`KeyboardDock` at the bottom of a
staff view (the admin panel, the counter console) grows as tall as the part of
the view the keyboard covers, so the view shrinks above it, and the focused field
is scrolled into sight inside its page's scroll area. The keyboard's rectangle
comes from ``QGuiApplication.inputMethod()``; :meth:`KeyboardDock.avoid` takes
any rectangle, so the decision can be tried with a known one.

The keyboard offers English, Simplified Chinese (Pinyin) and Traditional Chinese
(Cangjie, Zhuyin) through its globe key: :func:`offer_languages`, and starts in the
staff's language.
"""

from __future__ import annotations

import logging
import os

from PySide6.QtCore import QPoint, QRect, QTimer, QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QScrollArea, QSizePolicy, QWidget

_log = logging.getLogger(__name__)

#: The keyboard's languages, in the order the globe key goes through them.
KEYBOARD_LOCALES = ("en_US", "zh_CN", "zh_TW")
#: The kiosk's locales → the keyboard's.
KEYBOARD_LOCALE = {"en": "en_US", "zh_Hans": "zh_CN", "zh_Hant": "zh_TW"}
MARGIN_PX = 16
"""Room kept between the focused field and the keyboard's top edge."""


def keyboard_on_screen() -> QRect:
    """Where the on-screen keyboard is, in screen coordinates (empty when hidden)."""
    method = QGuiApplication.inputMethod()
    if not method.isVisible():
        return QRect()
    # Qt documents "object coordinates", but hands on the platform's rectangle as it
    # is: Qt Virtual Keyboard's, in its own window that spans the screen (checked on X11).
    return method.keyboardRectangle().toAlignedRect()


def _scroll_into_sight(area: QScrollArea, field: QWidget) -> None:
    """The whole field, not only its cursor (what ``ensureWidgetVisible`` shows of a
    text field), with its top first when it is taller than the page in sight."""
    content = area.widget()
    if content is None or not content.isAncestorOf(field):
        return
    bar = area.verticalScrollBar()
    top = field.mapTo(content, QPoint(0, 0)).y() - MARGIN_PX
    bottom = top + field.height() + 2 * MARGIN_PX
    sight = area.viewport().height()
    if bottom > bar.value() + sight:
        bar.setValue(bottom - sight)
    if top < bar.value():
        bar.setValue(top)


class KeyboardDock(QWidget):
    """An empty strip at the bottom of ``view``'s layout, as tall as the part of the
    view the on-screen keyboard covers; the focused field stays in sight above it."""

    def __init__(self, view: QWidget) -> None:
        super().__init__(view)
        self.setObjectName("keyboardDock")
        self._view = view
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(0)
        method = QGuiApplication.inputMethod()
        method.keyboardRectangleChanged.connect(self._follow)
        method.visibleChanged.connect(self._follow)
        method.cursorRectangleChanged.connect(self._reveal_soon)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    def avoid(self, keyboard: QRect) -> None:
        """Make room for a keyboard at ``keyboard`` (screen coordinates; empty: none)."""
        top_left = self._view.mapToGlobal(QPoint(0, 0))
        view = QRect(top_left, self._view.size())
        covered = keyboard.intersected(view) if not keyboard.isEmpty() else QRect()
        height = view.bottom() + 1 - covered.top() if not covered.isEmpty() else 0
        if height != self.height():
            self.setFixedHeight(height)
            layout = self._view.layout()
            if layout is not None:
                layout.activate()  # the view shrinks now, before the field is placed
        self.reveal()
        QTimer.singleShot(0, self, self.reveal)  # again once every page has its new size

    def reveal(self) -> None:
        """Scroll the focused field of the view into sight (above the dock)."""
        field = self._view.window().focusWidget()  # the window's, active or not
        if field is None or not self._view.isAncestorOf(field):
            return
        parent = field.parentWidget()
        while parent is not None and self._view.isAncestorOf(parent):
            if isinstance(parent, QScrollArea):
                _scroll_into_sight(parent, field)
            parent = parent.parentWidget()

    def _follow(self) -> None:
        self.avoid(keyboard_on_screen())

    def _reveal_soon(self) -> None:
        QTimer.singleShot(0, self, self.reveal)

    def _focus_changed(self, _old: QWidget | None, _new: QWidget | None) -> None:
        QTimer.singleShot(0, self, self._follow)  # once the keyboard has chosen its layout


def offer_languages(locale: str) -> bool:
    """English, Pinyin and Cangjie/Zhuyin on the keyboard's globe key, starting in
    ``locale`` (a kiosk locale). The keyboard keeps its settings once per process;
    they are set through its own QML singleton (``VirtualKeyboardSettings``) from a
    small engine of ours. False (and a warning) when that module is missing."""
    from PySide6.QtQml import QQmlComponent, QQmlEngine  # staff screens only: not at start

    app = QApplication.instance()
    if app is None or os.environ.get("QT_IM_MODULE") != "qtvirtualkeyboard":
        return False
    engine = app.findChild(QQmlEngine, "keyboardSettings")
    if not isinstance(engine, QQmlEngine):
        engine = QQmlEngine(app)
        engine.setObjectName("keyboardSettings")
    active = ", ".join(f'"{code}"' for code in KEYBOARD_LOCALES)
    start = KEYBOARD_LOCALE.get(locale, KEYBOARD_LOCALES[0])
    source = (
        "import QtQuick\nimport QtQuick.VirtualKeyboard.Settings\n"
        "QtObject { Component.onCompleted: {\n"
        f"    VirtualKeyboardSettings.activeLocales = [{active}];\n"
        f'    VirtualKeyboardSettings.locale = "{start}";\n'
        "} }\n"
    )
    component = QQmlComponent(engine)
    component.setData(source.encode(), QUrl("qrc:/keyboard_settings.qml"))
    made = component.create()
    if made is None:
        _log.warning("on-screen keyboard languages not set: %s", component.errorString())
        return False
    made.deleteLater()  # it has done its work on completion
    return True
