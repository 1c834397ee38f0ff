"""The PIN pad's steps."""

from __future__ import annotations

import enum


class PadMode(enum.StrEnum):
    WAIT = "wait"
    """Asking the database whether a manager exists yet."""
    SETUP = "setup"
    """First run: the one-time setup code printed where the kiosk was started."""
    NO_SETUP = "no_setup"
    """First run without a usable setup code: how to set the manager up on the machine."""
    CREATE = "create"
    """First run: the first manager chooses a PIN."""
    CONFIRM = "confirm"
    """... and types it again."""
    CREATED = "created"
    """The first manager exists: their staff number is shown."""
    NUMBER = "number"
    """Staff number."""
    PIN = "pin"
    LOCKED = "locked"
    """Too many wrong PINs at this pad: a countdown."""


ENTRY_MODES = frozenset(
    {PadMode.SETUP, PadMode.CREATE, PadMode.CONFIRM, PadMode.NUMBER, PadMode.PIN}
)
"""The steps in which the keys type."""
