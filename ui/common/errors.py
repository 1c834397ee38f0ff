"""Errors every app reports the same way, and the one mapping from an exception to
what staff or a customer read.

:func:`problems` turns the domain's own errors into message ids (translated when
shown, so a language switch re-reads them): a PIN that is too weak, a staff or
desk action refused, a database that cannot be reached, a file that cannot be
used. Anything else is a bug: :func:`error_lines` logs it with its traceback and
says the app's own "something went wrong" line.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kiosk.i18n import N_

if TYPE_CHECKING:
    from kiosk.i18n import Localizer

log = logging.getLogger(__name__)

SOMETHING_WENT_WRONG = N_("Something went wrong. Try again, or ask for help.")
DATABASE_UNREACHABLE = N_("The database cannot be reached. Try again in a moment.")
FILE_UNUSABLE = N_("The file could not be used: {reason}")


class StartupError(Exception):
    """Start-up cannot go on; ``str()`` names the file and the field at fault.

    ``lines``: the same in a person's language (given ``loc.tr``), when it can be said so
    (a settings file's problems); else the English text."""

    def __init__(
        self, message: str, lines: Callable[[Callable[[str], str]], list[str]] | None = None
    ):
        super().__init__(message)
        self._lines = lines

    def text(self, loc: Localizer) -> str:
        return "\n".join(self._lines(loc.tr)) if self._lines is not None else str(self)

    @classmethod
    def said(cls, msgid: str, detail: object = "", **values: object) -> StartupError:
        """A stop said in words that translate (``msgid`` filled with ``values``), then the
        technical ``detail`` (a driver's or parser's words) as it came."""

        def lines(tr: Callable[[str], str]) -> list[str]:
            head = tr(msgid).format(**values)
            return [head, str(detail)] if str(detail) else [head]

        return cls("\n".join(lines(lambda text: text)), lines)


@dataclass(frozen=True)
class Problem:
    """One thing to tell the person: a message id and what fills its placeholders."""

    msgid: str
    params: Mapping[str, str] = field(default_factory=dict)

    def text(self, loc: Localizer) -> str:
        text = loc.tr(self.msgid)
        return text.format(**self.params) if self.params else text


def problems(error: BaseException) -> list[Problem] | None:
    """What went wrong, one problem per line; None when the error is not one the
    domain raises on purpose (a bug, to be logged)."""
    from kiosk.access import StaffError
    from kiosk.bring_lists import BringListError
    from kiosk.complaints import ComplaintError
    from kiosk.counters import CounterError
    from kiosk.db.database import DatabaseUnavailable
    from kiosk.desk import DeskError
    from kiosk.feedback import FeedbackError
    from kiosk.reports.window import ReportError
    from kiosk.staff import PinRejected

    if isinstance(error, PinRejected):
        return [Problem(p) for p in error.problems]
    if isinstance(error, CounterError | FeedbackError | BringListError):
        return [Problem(error.message, error.params)]
    if isinstance(error, StaffError | DeskError | ReportError | ComplaintError):  # PermissionDenied
        return [Problem(error.message)]
    if isinstance(error, DatabaseUnavailable):
        return [Problem(DATABASE_UNREACHABLE)]
    if isinstance(error, OSError):
        return [Problem(FILE_UNUSABLE, {"reason": error.strerror or type(error).__name__})]
    return None


def error_lines(
    error: BaseException,
    loc: Localizer,
    *,
    context: str,
    unexpected: str = SOMETHING_WENT_WRONG,
) -> list[str]:
    """What went wrong, translated, one line per problem. An unexpected error is
    logged (``context`` says what was being done) and shown as ``unexpected``."""
    found = problems(error)
    if found is None:
        log.error("%s failed", context, exc_info=error)
        return [loc.tr(unexpected)]
    return [p.text(loc) for p in found]
