"""The "read aloud" control (``a11y.speak``) on every customer screen, and the ticket
screen's "say my number again" (``ticket.say_again``).

Each screen gets its own button, placed with the screen's language buttons (the
welcome screen: beside the contrast button; the ticket and list screens: above
their final button). One :class:`ReadAloud` drives them all.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLayout, QSizePolicy, QWidget

from kiosk import speech
from kiosk.speech import Line
from ui.common.widgets import KioskButton, make_button
from ui.customer.speech.reader import ScreenReader
from ui.customer.speech.speaker import Speaker

if TYPE_CHECKING:
    from kiosk.i18n import Localizer
    from ui.common.language import Language


class ReadAloud:
    def __init__(self, speaker: Speaker, reader: ScreenReader, language: Language) -> None:
        self._speaker = speaker
        self._reader = reader
        self._language = language
        self.buttons: list[KioskButton] = []
        self.say_again_buttons: list[KioskButton] = []
        speaker.speech_did_change.connect(lambda _on: self.retranslate())
        language.language_did_change.connect(lambda _loc: self._language_changed())

    def add(self, parent: QWidget) -> KioskButton:
        button = make_button("a11y.speak", parent, role="small")
        # never squeezed below its text by a crowded row
        button.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
        button.clicked.connect(self.toggle)
        self.buttons.append(button)
        self.retranslate()
        return button

    def add_say_again(self, parent: QWidget, code: Callable[[], str]) -> KioskButton:
        """``code``: the ticket's number now ("" before it is issued: the button hides)."""
        button = make_button("ticket.say_again", parent)
        button.clicked.connect(lambda: self.say_number(code()))
        self.say_again_buttons.append(button)
        self.retranslate()
        return button

    def toggle(self) -> None:
        if self._speaker.speaking:
            self._speaker.stop()
        else:
            self._speaker.say(self._reader.lines())

    def say_number(self, code: str) -> None:
        if code:
            loc = self._language.loc
            self._speaker.say([Line(speech.number_sentence(loc, code))])

    def _language_changed(self) -> None:
        self._speaker.stop()  # half a sentence in the old language helps no one
        self.retranslate()

    def retranslate(self) -> None:
        loc: Localizer = self._language.loc
        text = loc.tr("Stop reading") if self._speaker.speaking else loc.tr("Read aloud")
        for button in self.buttons:
            button.setText(text)
        for button in self.say_again_buttons:
            button.setText(loc.tr("Say my number again"))

    def show_say_again(self, shown: bool) -> None:
        for button in self.say_again_buttons:
            button.setVisible(shown)


def share_row(anchor: QWidget, *widgets: QWidget) -> bool:
    """Put ``widgets`` in one row with ``anchor``, before it, where ``anchor`` was in its
    column (no line of the screen's height is taken)."""
    host = anchor.parentWidget()
    layout = host.layout() if host is not None else None
    column = _layout_holding(layout, anchor) if layout is not None else None
    if not isinstance(column, QBoxLayout):
        return False
    index = column.indexOf(anchor)
    column.removeWidget(anchor)
    row = QHBoxLayout()
    row.setSpacing(24)
    for widget in (*widgets, anchor):
        row.addWidget(widget)
    row.setStretchFactor(anchor, 1)
    column.insertLayout(index, row)
    return True


def _layout_holding(layout: QLayout | None, widget: QWidget) -> QLayout | None:
    if layout is None:
        return None
    if layout.indexOf(widget) >= 0:
        return layout
    for index in range(layout.count()):
        item = layout.itemAt(index)
        inner = item.layout() if item is not None else None
        found = _layout_holding(inner, widget)
        if found is not None:
            return found
    return None
