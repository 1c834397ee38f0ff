"""Says a screen's lines one after another, in the customer's language, and stops at once
when told (a new screen, the customer going on)."""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence

from PySide6.QtCore import QObject, Signal

from kiosk.speech import Line
from kiosk.speech_settings import SpeechSection
from ui.common.language import Language
from ui.customer.speech.engine import SpeechEngine


class Speaker(QObject):
    line_did_start = Signal(str, str)
    """The locale and the text now being said."""
    speech_did_change = Signal(bool)
    """Speaking (True) or silent again (False: finished or stopped)."""

    def __init__(
        self,
        engine: SpeechEngine,
        language: Language,
        section: SpeechSection,
        parent: QObject | None = None,
    ) -> None:
        """``parent``: the window, so that the speaker (and its touch filter) goes with it."""
        super().__init__(parent)
        self._language = language
        self._section = section
        self._queue: deque[Line] = deque()
        self._speaking = False
        self.step = 1
        """The volume step, 1 up to ``speech.volume_steps``."""
        self.engine = engine
        engine.setParent(self)
        engine.sentence_did_end.connect(self._next)

    def use_engine(self, engine: SpeechEngine) -> None:
        """Speak with ``engine`` from now on (the tests' recording engine)."""
        self.stop()
        self.engine.sentence_did_end.disconnect(self._next)
        self.engine = engine
        engine.setParent(self)
        engine.sentence_did_end.connect(self._next)

    @property
    def speaking(self) -> bool:
        return self._speaking

    @property
    def steps(self) -> int:
        return self._section.volume_steps

    @property
    def volume(self) -> int:
        """The voice's loudness now: raised by half the first step's at each step, at most 200."""
        base = self._section.volume
        return min(200, base + (self.step - 1) * max(1, base // 4 * 2))

    def say(self, lines: Sequence[Line]) -> None:
        """Say ``lines`` (what was being said stops first)."""
        self.stop()
        self._queue.extend(line for line in lines if line.text)
        self._next()

    def stop(self) -> None:
        self._queue.clear()
        self.engine.stop()
        self._set_speaking(False)

    def louder(self) -> int:
        """One volume step up (after the loudest, back to the first); the new step."""
        self.step = self.step % self.steps + 1
        return self.step

    def reset(self) -> None:
        """The next customer: silence, and the first volume step."""
        self.stop()
        self.step = 1

    def _next(self) -> None:
        while self._queue:
            line = self._queue.popleft()
            locale = line.locale or self._language.locale
            if not self.engine.speaks(locale):
                continue
            self._set_speaking(True)
            self.line_did_start.emit(locale, line.text)
            self.engine.say(line.text, locale, self.volume, self._section.rate)
            return
        self._set_speaking(False)

    def _set_speaking(self, on: bool) -> None:
        if on != self._speaking:
            self._speaking = on
            self.speech_did_change.emit(on)
