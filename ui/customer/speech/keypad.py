"""Tactile keypad mode: a blind customer moves through the screen with up and down,
hears each item, chooses with the centre key, and hears help on request.

Any key of the keypad turns the mode on for the customer at the kiosk; it ends with
their session (start over, the idle timeout, the end of the ticket screen). The
keys are window shortcuts (``[keypad]`` in the settings), off on the staff screens
so that their text fields keep the arrows and Backspace.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QWidget

from kiosk import speech
from kiosk.speech import Line
from kiosk.speech_settings import KeypadSection
from ui.common.widgets import ScrollPane
from ui.customer.router import Screen
from ui.customer.speech.focus_ring import FocusRing
from ui.customer.speech.reader import ScreenReader, Spot
from ui.customer.speech.speaker import Speaker

if TYPE_CHECKING:
    from ui.customer.speech.host import KioskHost

#: Screens for staff (their text fields keep every key).
STAFF_SCREENS = frozenset({Screen.PIN_PAD, Screen.STAFF_HOME, Screen.ADMIN})
ACTIONS = ("up", "down", "select", "back", "help", "volume")


class KeypadMode(QObject):
    mode_did_change = Signal(bool)
    item_did_focus = Signal(int)
    """Carries the index of the item now focused (and being said)."""

    def __init__(
        self, window: KioskHost, speaker: Speaker, reader: ScreenReader, keys: KeypadSection
    ) -> None:
        super().__init__(window.window())
        self._window = window
        self._speaker = speaker
        self._reader = reader
        self.active = False
        self.index = 0
        self.spots: list[Spot] = []
        self.ring = FocusRing(window.window())
        self.shortcuts: list[QShortcut] = []
        handlers: dict[str, Callable[[], None]] = {
            "up": lambda: self.move(-1),
            "down": lambda: self.move(1),
            "select": self.select,
            "back": self.back,
            "help": self.help,
            "volume": self.volume,
        }
        if keys.enabled:
            for action in ACTIONS:
                for name in getattr(keys, action):
                    shortcut = QShortcut(QKeySequence(name), window.window())
                    shortcut.setObjectName(f"keypad.{action}")
                    shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
                    shortcut.setAutoRepeat(False)
                    shortcut.activated.connect(lambda h=handlers[action]: self._pressed(h))
                    self.shortcuts.append(shortcut)
        router = window.router
        router.screen_did_change.connect(self._screen_changed)
        router.session_did_end.connect(self.turn_off)

    # -- on and off ------------------------------------------------------------------------
    def turn_on(self) -> None:
        if self.active:
            return
        self.active = True
        self.mode_did_change.emit(True)
        self._read_anew(speech.KEYPAD_ON)

    def turn_off(self) -> None:
        if not self.active:
            return
        self.active = False
        self.spots = []
        self.ring.follow(None)
        self.mode_did_change.emit(False)

    def _pressed(self, handler: Callable[[], None]) -> None:
        activity = self._window.activity
        if activity is not None:  # the shortcut took the key: the idle watch never saw it
            activity.note()
        if self.active:
            handler()
        else:
            self.turn_on()

    def _screen_changed(self, screen: Screen) -> None:
        staff = screen in STAFF_SCREENS
        for shortcut in self.shortcuts:
            shortcut.setEnabled(not staff)
        if staff:
            self.turn_off()
        elif self.active:
            self._read_anew()

    # -- the keys --------------------------------------------------------------------------
    def move(self, step: int) -> None:
        self._refresh()
        if not self.spots:
            return
        self.index = max(0, min(len(self.spots) - 1, self.index + step))
        self._focus()

    def select(self) -> None:
        self._refresh()
        if not self.spots:
            return
        spot = self.spots[self.index]
        control = spot.widget
        if not spot.line.control or not isinstance(control, QAbstractButton):
            self._focus()  # a text: read it again
            return
        if not control.isEnabled():
            self._focus()
            return
        before = self._window.router.current
        name = control.objectName()
        control.click()  # the screen answers at once (a new screen was read as it came)
        self._after_select(before, name)

    def back(self) -> None:
        page = self._window.router.current_page()
        for attribute in ("back_button", "home_button", "done_button"):
            control = getattr(page, attribute, None)
            if isinstance(control, QAbstractButton) and control.isVisible():
                control.click()
                return

    def help(self) -> None:
        self._speaker.say([Line(speech.help_text(self._window.language.loc))])

    def volume(self) -> None:
        step = self._speaker.louder()
        loc = self._window.language.loc
        self._speaker.say([Line(speech.volume_text(loc, step, self._speaker.steps))])

    # -- reading ---------------------------------------------------------------------------
    def _after_select(self, before: Screen | None, name: str) -> None:
        """The screen changed (read by ``screen_did_change``), or the same screen shows
        something new: the same control said again (a tick), or the screen from its top."""
        if not self.active or self._window.router.current != before:
            return
        self.spots = self._reader.spots()
        names = [spot.line.target for spot in self.spots]
        if name in names:
            self.index = names.index(name)
            self._focus()
        else:
            self._read_anew()

    def read_again(self, whole: bool = False) -> None:
        """What the screen shows changed by itself: read it anew (``whole``: every text on
        it, as for the ticket once printed, the outline round its number)."""
        if not self.active:
            return
        if not whole:
            self._read_anew()
            return
        self.spots = self._reader.spots()
        names = [spot.line.target for spot in self.spots]
        self.index = names.index(speech.part("code")) if speech.part("code") in names else 0
        self._focus(say=[spot.line for spot in self.spots if not spot.line.control])

    def read_warning(self) -> None:
        """The idle warning came up: say it whole, the focus on its one button (the
        customer has seconds to answer, not time to look for it)."""
        if not self.active:
            return
        self.spots = self._reader.spots()
        controls = [i for i, spot in enumerate(self.spots) if spot.line.control]
        self.index = controls[0] if controls else 0
        texts = [spot.line for spot in self.spots if not spot.line.control]
        self._focus(intro=texts)

    def _read_anew(self, before: str = "") -> None:
        self.spots = self._reader.spots()
        self.index = 0
        loc = self._window.language.loc
        intro = [Line(loc.tr(before))] if before else []
        self._focus(intro)

    def _refresh(self) -> None:
        """The items as they are now, keeping the focused one where it still is."""
        focused = self.spots[self.index].line.target if self.spots else None
        self.spots = self._reader.spots()
        names = [spot.line.target for spot in self.spots]
        self.index = (
            names.index(focused)
            if focused in names
            else min(self.index, max(0, len(self.spots) - 1))
        )

    def _focus(self, intro: list[Line] | None = None, say: list[Line] | None = None) -> None:
        """Outline the focused item and say it (after ``intro``; ``say``: these instead)."""
        lines = list(intro or [])
        widget: QWidget | None = None
        if self.spots:
            spot = self.spots[self.index]
            lines.append(spot.line)
            widget = spot.widget
            _scroll_into_view(widget)
        self.ring.follow(widget)
        self._speaker.say(lines if say is None else say)
        self.item_did_focus.emit(self.index)


def _scroll_into_view(widget: QWidget | None) -> None:
    parent = widget.parentWidget() if widget is not None else None
    while widget is not None and parent is not None:
        if isinstance(parent, ScrollPane):
            parent.ensureWidgetVisible(widget)
            return
        parent = parent.parentWidget()
