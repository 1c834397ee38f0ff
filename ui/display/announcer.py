"""Announce calls: a chime, then "Ticket A023, please go to Counter 3" in each language
(the counter's name as a manager set it).

Calls wait in a queue, so one announcement never cuts another off. Without an
audio output (a CI machine) the chime is skipped but still reported
(``chime_did_play``), and without a working speech engine the voice is skipped.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QLocale, QObject, QTimer, QUrl, Signal
from PySide6.QtMultimedia import QMediaDevices, QSoundEffect
from PySide6.QtTextToSpeech import QTextToSpeech

from kiosk.counters import counter_label
from kiosk.i18n import Catalogs
from kiosk.speech import spoken_code
from ui.display.options import DisplayOptions
from ui.display.speech_locale import speech_locale

log = logging.getLogger(__name__)
CHIME = Path(__file__).resolve().parents[2] / "assets" / "sounds" / "chime.wav"


class Announcer(QObject):
    chime_did_play = Signal()
    announcement_did_start = Signal(str, str)
    """Engine locale name and the sentence being spoken."""
    announcer_did_finish = Signal(str, str)
    """Code and counter: that call's chime and voice are done."""

    def __init__(self, catalogs: Catalogs, options: DisplayOptions) -> None:
        super().__init__()
        self._catalogs = catalogs
        self._options = options
        self._queue: deque[tuple[str, str, Mapping[str, str]]] = deque()
        self._lines: deque[tuple[str, str]] = deque()
        self._call: tuple[str, str] | None = None
        self._speaking = False
        self._effect: QSoundEffect | None = None
        self._audio_checked = False
        self._speech = self._make_speech(options.speech_engine)
        self._gap = QTimer(self)
        self._gap.setSingleShot(True)
        self._gap.timeout.connect(self._speak_next)
        self._watchdog = QTimer(self)
        self._watchdog.setSingleShot(True)
        self._watchdog.timeout.connect(self._spoken)

    @property
    def busy(self) -> bool:
        return self._call is not None or bool(self._queue)

    def _make_speech(self, engine: str | None) -> QTextToSpeech | None:
        if engine is None:
            return None
        if engine and engine not in QTextToSpeech.availableEngines():
            log.warning("speech engine %r is not installed; calls are not spoken", engine)
            return None
        speech = QTextToSpeech(engine, self) if engine else QTextToSpeech(self)
        speech.stateChanged.connect(self._speech_state)
        return speech

    def announce(self, code: str, counter: str, name: Mapping[str, str] | None = None) -> None:
        """Queue a call; ``name`` is the counter's name in each language (else "Counter 3")."""
        self._queue.append((code, counter, name or {}))
        self._next()

    def _next(self) -> None:
        if self._call is not None or not self._queue:
            return
        code, counter, name = self._queue.popleft()
        self._call = (code, counter)
        self._lines = deque(self._sentences(code, counter, name))
        self._chime()
        self._gap.start(self._options.chime_ms if self._options.chime else 0)

    def _chime(self) -> None:
        if not self._options.chime:
            return
        effect = self._sound()
        if effect is not None:
            effect.play()
        self.chime_did_play.emit()

    def _sound(self) -> QSoundEffect | None:
        """The chime, or None where there is no audio output to play it on."""
        if not self._audio_checked:
            self._audio_checked = True
            if QMediaDevices.audioOutputs():
                self._effect = QSoundEffect(self)
                self._effect.setSource(QUrl.fromLocalFile(str(CHIME)))
                self._effect.setVolume(0.8)
        return self._effect

    def _sentences(self, code: str, counter: str, name: Mapping[str, str]) -> list[tuple[str, str]]:
        speech = self._speech
        if speech is None:
            return []
        if speech.state() == QTextToSpeech.State.Error:
            return []
        available = [locale.name() for locale in speech.availableLocales()]
        lines = []
        for language in self._options.languages:
            engine_locale = speech_locale(language, available)
            if engine_locale is None:
                continue
            loc = self._catalogs.localizer(language)
            text = loc.tr("Ticket {code}, please go to {counter_name}.").format(
                code=spoken_code(code), counter_name=counter_label(counter, name, loc)
            )
            lines.append((engine_locale, text))
        return lines

    def _speak_next(self) -> None:
        speech = self._speech
        if not self._lines or speech is None:
            self._finish_call()
            return
        name, text = self._lines.popleft()
        speech.setLocale(QLocale(name))
        self._speaking = True
        self.announcement_did_start.emit(name, text)
        speech.say(text)
        self._watchdog.start(self._options.speech_timeout_ms)

    def _speech_state(self, state: QTextToSpeech.State) -> None:
        done = (QTextToSpeech.State.Ready, QTextToSpeech.State.Error)
        if self._speaking and state in done:
            self._spoken()

    def _spoken(self) -> None:
        self._watchdog.stop()
        if self._speaking:
            self._speaking = False
            self._speak_next()

    def _finish_call(self) -> None:
        call, self._call = self._call, None
        if call is not None:
            self.announcer_did_finish.emit(*call)
        self._next()

    def stop(self) -> None:
        """Forget what is queued and stop speaking (the window closes)."""
        self._queue.clear()
        self._lines.clear()
        self._gap.stop()
        self._watchdog.stop()
        if self._speech is not None:
            self._speech.stop()
