"""Speech engines: espeak-ng in its own process, played on the kiosk's chosen output,
and a recording engine that says nothing and keeps what it was asked to say.

espeak-ng runs as a child process (``QProcess``) writing a WAV file; the kiosk
plays it with ``QSoundEffect`` on the audio output named in ``speech.output``
(a headphone jack, a USB speaker). Nothing waits on the UI thread: the process
reports when it has finished, the sound when it has played. ``stop()`` ends
both at once (a new screen, the customer going on).
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from pathlib import Path

from PySide6.QtCore import QObject, QProcess, QTimer, QUrl, Signal

log = logging.getLogger(__name__)

#: espeak-ng's voice for each of the kiosk's languages (Mandarin for 简体中文,
#: Cantonese for 繁體中文, as Hong Kong reads Traditional Chinese).
VOICES = {"en": "en-gb", "zh_Hans": "cmn", "zh_Hant": "yue"}


class SpeechEngine(QObject):
    """Says one sentence at a time; ``sentence_did_end`` when it is done (or failed)."""

    sentence_did_end = Signal()

    def speaks(self, locale: str) -> bool:
        """Whether there is a voice for ``locale``."""
        return locale in VOICES

    def say(self, text: str, locale: str, volume: int, rate: int) -> None:
        raise NotImplementedError

    def stop(self) -> None:
        """Stop at once; no ``sentence_did_end`` for the sentence stopped."""


class RecordingEngine(SpeechEngine):
    """Says nothing: keeps ``(locale, text)`` of every sentence asked for.

    ``hold``: a sentence lasts until :meth:`finish` (as a long one would), so a test
    can see it cut off."""

    def __init__(self, hold: bool = False) -> None:
        super().__init__()
        self.hold = hold
        self.said: list[tuple[str, str]] = []
        self.volumes: list[int] = []
        self.stops = 0
        self.speaking = False

    def say(self, text: str, locale: str, volume: int, rate: int) -> None:
        self.said.append((locale, text))
        self.volumes.append(volume)
        self.speaking = True
        if not self.hold:
            QTimer.singleShot(0, self, self.finish)

    def finish(self) -> None:
        if self.speaking:
            self.speaking = False
            self.sentence_did_end.emit()

    def stop(self) -> None:
        self.stops += 1
        self.speaking = False

    def texts(self) -> list[str]:
        return [text for _locale, text in self.said]


class EspeakEngine(SpeechEngine):
    """espeak-ng to a WAV file, then played on ``output`` (see ``speech.output``)."""

    def __init__(self, program: str, output: str = "") -> None:
        super().__init__()
        self._program = program
        self._output = output
        self._files = Path(output.removeprefix("file:")) if output.startswith("file:") else None
        self._scratch = tempfile.TemporaryDirectory(prefix="kiosk-speech-")
        self._process: QProcess | None = None
        self._spent: QProcess | None = None
        """The last finished process, freed at the next sentence (never inside its own
        ``finished`` signal: deleting it there crashes)."""
        self._sound: object | None = None  # QSoundEffect, made on first use
        self._count = 0
        self._wav = Path()

    @classmethod
    def find(cls, output: str = "") -> EspeakEngine | None:
        program = shutil.which("espeak-ng")
        if program is None:
            log.warning("espeak-ng is not installed: the kiosk cannot speak")
            return None
        return cls(program, output)

    @property
    def written(self) -> Path:
        """The last sentence's WAV file."""
        return self._wav

    def say(self, text: str, locale: str, volume: int, rate: int) -> None:
        self.stop()
        self._count += 1
        folder = self._files or Path(self._scratch.name)
        folder.mkdir(parents=True, exist_ok=True)
        self._wav = folder / f"speech-{self._count:05d}-{locale}.wav"
        self._spent = None
        process = self._process = QProcess()
        process.finished.connect(lambda code, _status, p=process: self._synthesised(p, code))
        voice = VOICES.get(locale, VOICES["en"])
        args = ["-v", voice, "-a", str(volume), "-s", str(rate), "-w", str(self._wav), "--stdin"]
        process.start(self._program, args)
        process.write(text.encode("utf-8"))
        process.closeWriteChannel()

    def _synthesised(self, process: QProcess, code: int) -> None:
        if process is not self._process:
            return  # stopped meanwhile
        self._process, self._spent = None, process
        if code != 0 or not self._wav.exists():
            log.warning("espeak-ng failed (exit %s): %s", code, process.readAllStandardError())
            self.sentence_did_end.emit()
            return
        if self._files is not None or not self._play(self._wav):
            self.sentence_did_end.emit()

    def _play(self, wav: Path) -> bool:
        """Play on the chosen output; False where the machine has no audio output."""
        from PySide6.QtMultimedia import QMediaDevices, QSoundEffect

        outputs = QMediaDevices.audioOutputs()
        if not outputs:
            return False
        wanted = self._output.casefold()
        device = next(
            (d for d in outputs if wanted and wanted in d.description().casefold()),
            QMediaDevices.defaultAudioOutput(),
        )
        if not isinstance(self._sound, QSoundEffect):
            self._sound = sound = QSoundEffect(self)
            sound.playingChanged.connect(self._played)
        sound = self._sound
        sound.setAudioDevice(device)
        sound.setSource(QUrl.fromLocalFile(str(wav)))
        sound.play()
        return True

    def _played(self) -> None:
        from PySide6.QtMultimedia import QSoundEffect

        sound = self._sound
        if isinstance(sound, QSoundEffect) and not sound.isPlaying() and self._process is None:
            self.sentence_did_end.emit()

    def stop(self) -> None:
        from_process, self._process = self._process, None
        if from_process is not None:
            from_process.kill()
            from_process.waitForFinished(200)  # a killed espeak-ng ends within milliseconds
        sound = self._sound
        if sound is not None:
            from PySide6.QtMultimedia import QSoundEffect

            if isinstance(sound, QSoundEffect) and sound.isPlaying():
                self._sound = None  # its playingChanged must not end the next sentence
                sound.playingChanged.disconnect(self._played)
                sound.stop()
                sound.deleteLater()
