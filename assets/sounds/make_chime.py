"""Write ``chime.wav``: the lobby display's two-note call chime (about 1.2 s, < 100 KB).

Run once after changing it: ``.venv/bin/python assets/sounds/make_chime.py``.
Pure standard library (``wave``), so the sound is reproducible on any machine.
"""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

RATE = 22_050
#: Two bell-like notes, high then low ("ding-dong"): (frequency Hz, start s, length s).
NOTES = ((880.0, 0.0, 0.9), (659.25, 0.45, 0.75))
LENGTH_S = 1.2
PEAK = 0.45


def sample(t: float) -> float:
    value = 0.0
    for freq, start, length in NOTES:
        local = t - start
        if 0.0 <= local < length:
            attack = min(local / 0.01, 1.0)  # 10 ms attack: no click
            decay = math.exp(-4.0 * local / length)
            tail = min((length - local) / 0.05, 1.0)  # 50 ms fade-out: no click
            tone = math.sin(2 * math.pi * freq * local) + 0.3 * math.sin(4 * math.pi * freq * local)
            value += attack * decay * tail * tone / 1.3
    return value


def write_chime(path: Path) -> None:
    frames = bytearray()
    for index in range(int(RATE * LENGTH_S)):
        level = max(-1.0, min(1.0, PEAK * sample(index / RATE)))
        frames += struct.pack("<h", round(level * 32_767))
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(bytes(frames))


if __name__ == "__main__":
    write_chime(Path(__file__).with_name("chime.wav"))
