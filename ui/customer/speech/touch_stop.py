"""A touch stops what is being read: the customer has chosen (an answer, a tick) and
the old screen's words would talk over what comes next.

An application event filter costs every event a trip into Python (see
:mod:`ui.common.activity`), so this one is installed only while the kiosk speaks and
removes itself when it stops. The speech controls themselves are left to their own
clicks ("read aloud" stops by itself when touched again).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget

from ui.customer.speech.speaker import Speaker

TOUCHES = frozenset({QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin})
OWN_CONTROLS = frozenset({"a11y.speak", "ticket.say_again"})


class TouchStopsSpeech(QObject):
    def __init__(self, speaker: Speaker) -> None:
        super().__init__(speaker)
        self._speaker = speaker
        self._installed = False
        speaker.speech_did_change.connect(self._speaking)

    def _speaking(self, on: bool) -> None:
        app = QApplication.instance()
        if app is None or on == self._installed:
            return
        self._installed = on
        if on:
            app.installEventFilter(self)
        else:
            app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        touched = event.type() in TOUCHES and isinstance(watched, QWidget)
        if touched and watched.objectName() not in OWN_CONTROLS:
            self._speaker.stop()
        return False
