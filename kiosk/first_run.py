"""A safe first run: the first manager is set up by whoever installs the kiosk.

On a new branch database nobody can sign in, so someone must create the first
manager. Whoever walks up to the screen must not be able to. Two ways, both
needing access to the machine itself:

- ``kiosk staff add --first-manager`` on the machine's command line; or
- a one-time **setup code**: a kiosk that starts with no manager makes a random
  code, writes it where it was started (its terminal, or the service's journal),
  and keeps it only in memory. The staff entry asks for it before the manager
  PIN can be chosen. After :data:`MAX_TRIES` wrong codes it is withdrawn: a new
  one needs a restart, so guessing at the screen gets nowhere.
"""

from __future__ import annotations

import hmac
import secrets

CODE_DIGITS = 8
MAX_TRIES = 5


class SetupCode:
    """The one-time code that lets the screen create the first manager."""

    def __init__(self, code: str | None = None) -> None:
        self._code = code if code is not None else f"{secrets.randbelow(10**CODE_DIGITS):08d}"
        self._wrong = 0
        self._used = False

    @property
    def shown(self) -> str:
        """The code as printed for a person to read: ``4839 2011``."""
        half = len(self._code) // 2
        return f"{self._code[:half]} {self._code[half:]}"

    @property
    def withdrawn(self) -> bool:
        """Used once, or too many wrong tries: it opens nothing any more."""
        return self._used or self._wrong >= MAX_TRIES

    @property
    def tries_left(self) -> int:
        return max(0, MAX_TRIES - self._wrong)

    def check(self, typed: str) -> bool:
        """Whether ``typed`` is the code (in constant time); a wrong try is counted."""
        if self.withdrawn:
            return False
        if hmac.compare_digest(typed.replace(" ", "").encode(), self._code.encode()):
            return True
        self._wrong += 1
        return False

    def use(self) -> None:
        """The first manager exists: the code is spent."""
        self._used = True


def setup_instructions(code: SetupCode) -> str:
    """What the kiosk writes where it was started (English: it is for the installer's
    terminal or the service log, not for customers)."""
    return (
        "No manager is set up yet.\n"
        f"  At the kiosk: touch Staff and enter the one-time setup code {code.shown}.\n"
        "  Or on this machine: kiosk staff add --first-manager --name 'Your name'"
    )
