"""What every operations command shares: settings, database, messages, input and
output, and the sign-in of the staff member who runs it (``--as NUMBER``)."""

from __future__ import annotations

import argparse
import getpass
import os
from collections.abc import Callable
from typing import TYPE_CHECKING, TextIO

from kiosk.i18n import Catalogs, Localizer, normalize_locale

if TYPE_CHECKING:
    from kiosk.access import StaffMember
    from kiosk.db.database import Database
    from kiosk.staff import StaffDirectory

Handler = Callable[[argparse.Namespace, "Context"], int]


class Context:
    """What one command needs: settings, database, messages, input and output."""

    def __init__(
        self, args: argparse.Namespace, stdin: TextIO, stdout: TextIO, stderr: TextIO
    ) -> None:
        from kiosk.settings import load_settings

        self.settings = load_settings(args.config)
        self.loc: Localizer = Catalogs().localizer(
            normalize_locale(os.environ.get("LANG", "en").split(".")[0])
        )
        self.stdin, self.stdout, self.stderr = stdin, stdout, stderr
        self._db: Database | None = None

    @property
    def db(self) -> Database:
        if self._db is None:
            from kiosk.bootstrap import open_database
            from kiosk.refusals import RefusalLog

            self._db = open_database(self.settings)
            RefusalLog(self._db, self.pad_key, self.settings.kiosk.id).attach()
        return self._db

    @property
    def pad_key(self) -> str:
        """The machine's pad, whatever --config says: another settings file is not
        another pad with its own allowance of guesses."""
        import socket

        return f"cli@{socket.gethostname()}"

    def say(self, text: str) -> None:
        print(text, file=self.stdout)

    def fail(self, text: str) -> int:
        print(text, file=self.stderr)
        return 1

    def read_pin(self, prompt: str) -> str:
        if self.stdin.isatty():
            return getpass.getpass(prompt)
        return self.stdin.readline().strip()

    def staff(self) -> StaffDirectory:
        from kiosk.staff import StaffDirectory

        return StaffDirectory(self.db, pad_key=self.pad_key, kiosk_id=self.settings.kiosk.id)


def sign_in(ctx: Context, number: str) -> StaffMember | None:
    result = ctx.staff().sign_in(ctx.read_pin(ctx.loc.tr("PIN: ")), number=number)
    if result.staff is not None:
        return result.staff
    if result.locked_until is not None:
        ctx.fail(
            ctx.loc.tr("Locked. Try again after {time}.").format(
                time=ctx.loc.time_to_the_second(result.locked_until, ctx.settings.business.zone)
            )
        )
    else:
        ctx.fail(ctx.loc.tr("Wrong staff number or PIN."))
    return None


def new_pin(ctx: Context) -> str | None:
    first = ctx.read_pin(ctx.loc.tr("New PIN: "))
    if ctx.read_pin(ctx.loc.tr("New PIN again: ")) != first:
        ctx.fail(ctx.loc.tr("The two PINs differ."))
        return None
    return first
