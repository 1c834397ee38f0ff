"""How a lobby display behaves: languages, voice, chime and timings."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from kiosk.i18n import LOCALES

if TYPE_CHECKING:
    from kiosk.settings import Settings


@dataclass(frozen=True)
class DisplayOptions:
    languages: tuple[str, ...] = LOCALES
    """The board's texts rotate through these; calls are spoken in each."""
    speech_engine: str | None = ""
    """QTextToSpeech engine: "" the system's default, "mock" in tests, None: no voice."""
    chime: bool = True
    calls_shown: int = 6
    """The newest call large, the others smaller."""
    poll_ms: int = 300
    """How often new queue events are read (a call shows within a second)."""
    refresh_ms: int = 30_000
    """Waiting counts and estimates are read again at least this often."""
    rotate_ms: int = 10_000
    """Time each language stays on the board (0: stay in the first)."""
    chime_ms: int = 1300
    """Pause after the chime before the voice starts (the chime's length)."""
    speech_timeout_ms: int = 15_000
    """Give up on one spoken sentence after this long (a stuck engine)."""
    retry_ms: int = 3000
    """How often a lost database is tried again."""

    @classmethod
    def from_settings(cls, settings: Settings) -> DisplayOptions:
        board = settings.lobby_display
        return cls(
            languages=tuple(settings.display.languages),
            speech_engine=board.speech_engine if board.speak_calls else None,
            chime=board.chime,
            calls_shown=board.calls_shown,
            rotate_ms=board.rotate_seconds * 1000,
        )
