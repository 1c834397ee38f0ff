"""Speech and the tactile keypad, put on the kiosk window once its screens exist.

:func:`attach_speech` is the one seam: ``attach_backend`` calls it after the screens
are built. It makes the engine (``[speech]``), the speaker, the reader of screens,
the read-aloud controls and keypad mode (``[keypad]``), and wires them to the
router: a new screen stops what was being said, the end of a session resets
volume and keypad mode for the next customer.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QSizePolicy

from ui.customer.router import Screen
from ui.customer.speech.controls import ReadAloud, share_row
from ui.customer.speech.engine import EspeakEngine, RecordingEngine, SpeechEngine
from ui.customer.speech.keypad import KeypadMode
from ui.customer.speech.reader import ScreenReader
from ui.customer.speech.speaker import Speaker
from ui.customer.speech.touch_stop import TouchStopsSpeech

if TYPE_CHECKING:
    from kiosk.settings import Settings
    from ui.customer.screens.base import ScreenBase
    from ui.customer.speech.host import KioskHost

log = logging.getLogger(__name__)


@dataclass
class Speech:
    speaker: Speaker
    reader: ScreenReader
    read_aloud: ReadAloud
    keypad: KeypadMode
    overlay_watch: QObject | None = None


class _OverlayWatch(QObject):
    """The idle overlay appeared: keypad mode reads it (its button gives more time)."""

    def __init__(self, keypad: KeypadMode) -> None:
        super().__init__(keypad)
        self._keypad = keypad

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show:
            QTimer.singleShot(0, self._keypad.read_warning)
        elif event.type() == QEvent.Type.Hide:
            QTimer.singleShot(0, self._keypad.read_again)
        return False


def make_engine(settings: Settings) -> SpeechEngine | None:
    section = settings.speech
    if section.engine == "none":
        return None
    return EspeakEngine.find(section.output)


def attach_speech(
    window: KioskHost, settings: Settings, engine: SpeechEngine | None = None
) -> Speech:
    """``engine``: the one to speak with (default: from the settings). With
    ``speech.engine = "none"`` there is no read-aloud control; where espeak-ng is missing
    (a warning is logged) the kiosk is silent but keypad mode still shows its focus."""
    wanted = settings.speech.engine != "none"
    chosen = engine or (make_engine(settings) if wanted else None)
    speaker = Speaker(
        chosen or RecordingEngine(), window.language, settings.speech, window.window()
    )
    reader = ScreenReader(window)
    read_aloud = ReadAloud(speaker, reader, window.language)
    TouchStopsSpeech(speaker)  # lives with the speaker
    keypad = KeypadMode(window, speaker, reader, settings.keypad)
    speech = Speech(speaker, reader, read_aloud, keypad)
    if wanted:
        _place_controls(window, read_aloud)
    activity = window.activity
    if activity is not None:  # a customer listening is still there: each sentence counts
        speaker.line_did_start.connect(lambda _locale, _text: activity.note())
    router = window.router
    router.screen_will_change.connect(lambda _screen: speaker.stop())
    router.session_did_end.connect(speaker.reset)
    screens = window.screens
    if screens is not None:
        ticket = screens.ticket
        ticket.ticket_did_issue.connect(lambda _t: _ticket_changed(window, speech))
        ticket.ticket_did_print.connect(lambda _o: _ticket_changed(window, speech))
        ticket.service_did_refuse.connect(lambda _r: _ticket_changed(window, speech))
        router.screen_did_change.connect(lambda _s: read_aloud.show_say_again(False))
    if window.overlay is not None:
        speech.overlay_watch = _OverlayWatch(keypad)
        window.overlay.installEventFilter(speech.overlay_watch)
    return speech


def _ticket_changed(window: KioskHost, speech: Speech) -> None:
    """Issued, printed or refused: say the ticket screen when it is final (after it has
    updated: the number, or why there is none and what to do instead)."""

    def later() -> None:
        screens = window.screens
        if screens is None or window.router.current != Screen.TICKET:
            return
        ticket = screens.ticket
        speech.read_aloud.show_say_again(ticket.ticket is not None)
        if ticket.state == "printing":
            return  # said once the printer has answered
        speech.keypad.read_again(whole=True)

    QTimer.singleShot(0, later)


def _place_controls(window: KioskHost, read_aloud: ReadAloud) -> None:
    """ "Read aloud" first in each customer screen's accessibility bar (with text size and
    the seated layout); "say my number again" beside Done on the ticket."""
    screens = window.screens
    customer: list[ScreenBase] = [window.welcome]
    if screens is not None:
        customer += [screens.questionnaire, screens.services, screens.service_detail]
        customer += [screens.bring_list, screens.ticket]
        if screens.feedback is not None:
            customer.append(screens.feedback)
        if screens.list_return is not None:
            customer.append(screens.list_return)
    for screen in customer:
        bar = screen.accessibility
        if bar is not None:
            button = read_aloud.add(bar)
            button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            bar.add_control(button)
    if screens is None:
        return
    ticket = screens.ticket
    again = read_aloud.add_say_again(ticket, lambda: ticket.ticket.code if ticket.ticket else "")
    again.hide()
    share_row(ticket.done_button, again)
