"""Machine settings for speech and the tactile keypad (``[speech]``, ``[keypad]``)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

SpeechEngineName = Literal["espeak-ng", "none"]

#: Key names as Qt spells them (``QKeySequence``): letters, digits, ``Up``, ``Return``,
#: ``Enter`` (the numeric keypad's), ``Backspace``, ``F1``, ``+``, ``Media Play``…
KeyNames = Annotated[tuple[str, ...], Field(min_length=1, max_length=6)]


class SpeechSection(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    engine: SpeechEngineName = "espeak-ng"
    """espeak-ng (Debian package ``espeak-ng``: voices en, cmn for 简体中文, yue for 繁體中文),
    or none: no read-aloud control and no speech."""
    output: str = ""
    """The audio output the kiosk speaks on: empty for the system's default, else (part of)
    the device's name as the system lists it (e.g. "Headphones"), or ``file:/path/dir``
    to write each sentence as a WAV file there instead of playing it."""
    volume: Annotated[int, Field(ge=10, le=200)] = 100
    """Loudness of the voice at the first volume step, 100 = the engine's normal."""
    volume_steps: Annotated[int, Field(ge=1, le=5)] = 3
    """The volume key raises the voice by one step each press, then starts again."""
    rate: Annotated[int, Field(ge=80, le=300)] = 150
    """Words per minute."""


class KeypadSection(BaseModel):
    """The keys of a tactile (EZ Access style) USB keypad. Pressing any of them turns on
    keypad mode for the customer at the kiosk (until their session ends)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    enabled: bool = True
    up: KeyNames = ("Up",)
    down: KeyNames = ("Down",)
    select: KeyNames = ("Return", "Enter")
    back: KeyNames = ("Backspace", "Left")
    help: KeyNames = ("F1", "?")
    volume: KeyNames = ("+", "F2")

    @field_validator("up", "down", "select", "back", "help", "volume")
    @classmethod
    def _no_blank(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        if any(not key.strip() for key in value):
            raise ValueError("key names such as Up, Return or F1")
        return tuple(key.strip() for key in value)
