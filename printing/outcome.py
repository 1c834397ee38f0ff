"""What became of a print job, and how to say it to staff and customers."""

from __future__ import annotations

import enum
import socket
from dataclasses import dataclass
from pathlib import Path

from kiosk.i18n import Localizer
from kiosk.ticket import PrintStatus
from printing.backends import PrinterConfigError
from printing.status import PrinterState


class PrinterProblem(enum.StrEnum):
    UNREACHABLE = "unreachable"
    TIMEOUT = "timeout"
    DISCONNECTED = "disconnected"
    OFFLINE = "offline"
    PAPER_OUT = "paper_out"
    COVER_OPEN = "cover_open"
    CONFIG = "config"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class PrintOutcome:
    status: PrintStatus
    """``PRINTED`` or ``FAILED``."""
    problem: PrinterProblem | None = None
    bytes_sent: int = 0
    """Bytes the connection accepted (a failed job may have sent some: it is never retried)."""
    preview_png: Path | None = None
    """With the ``preview`` printer: the PNG written beside the job's bytes."""
    elapsed_s: float = 0.0
    state_before: PrinterState | None = None
    """What the printer said before the job (``UNREACHABLE``: no connection; ``None``: not
    asked, e.g. a one-way link)."""
    state_after: PrinterState | None = None
    """What it said right after the job (``None``: not asked, e.g. it did not answer before)."""

    @property
    def printed(self) -> bool:
        return self.status is PrintStatus.PRINTED

    @property
    def may_be_incomplete(self) -> bool:
        """Every byte was taken, but right after it the printer could not print.

        The paper may have run out (or the cover opened) in the middle of the
        ticket: show the number on screen as well, and tell staff.
        """
        return self.printed and self.state_after is not None and not self.state_after.can_print

    @property
    def latest_state(self) -> PrinterState | None:
        """The most recent state the printer reported during this job."""
        return self.state_after or self.state_before


def print_status(outcome: PrintOutcome) -> tuple[PrintStatus, str | None]:
    """What to store for a ticket after a print job: its print status and the problem.

    A ticket whose bytes were all taken while the printer then said it cannot print
    (paper ran out, cover opened mid-ticket) is stored as failed with that state, so
    staff see it and reprint it.
    """
    if outcome.may_be_incomplete and outcome.state_after is not None:
        return PrintStatus.FAILED, str(outcome.state_after)
    return outcome.status, str(outcome.problem) if outcome.problem else None


_STATE_PROBLEMS = {
    PrinterState.PAPER_OUT: PrinterProblem.PAPER_OUT,
    PrinterState.COVER_OPEN: PrinterProblem.COVER_OPEN,
    PrinterState.OFFLINE: PrinterProblem.OFFLINE,
    PrinterState.UNREACHABLE: PrinterProblem.UNREACHABLE,
}


def problem_for_state(state: PrinterState) -> PrinterProblem:
    """Why a ticket is not printed when the printer reports ``state``."""
    return _STATE_PROBLEMS.get(state, PrinterProblem.UNKNOWN)


def problem_message(problem: PrinterProblem | PrinterState, loc: Localizer) -> str:
    """One plain translated line about ``problem`` or a printer state, for staff and customers."""
    if isinstance(problem, PrinterState):  # first: StrEnum members of both compare by value
        return _state_message(problem, loc)
    match problem:
        case PrinterProblem.UNREACHABLE:
            return loc.tr("The ticket printer cannot be reached.")
        case PrinterProblem.TIMEOUT:
            return loc.tr("The ticket printer is not answering.")
        case PrinterProblem.DISCONNECTED:
            return loc.tr("The connection to the ticket printer was lost while printing.")
        case PrinterProblem.OFFLINE:
            return loc.tr("The ticket printer is offline.")
        case PrinterProblem.PAPER_OUT:
            return loc.tr("The ticket printer is out of paper.")
        case PrinterProblem.COVER_OPEN:
            return loc.tr("The ticket printer's cover is open.")
        case PrinterProblem.CONFIG:
            return loc.tr("The ticket printer is not set up correctly.")
        case _:
            return loc.tr("The ticket printer has a problem.")


def _state_message(state: PrinterState, loc: Localizer) -> str:
    match state:
        case PrinterState.ONLINE:
            return loc.tr("The ticket printer is ready.")
        case PrinterState.PAPER_NEAR_END:
            return loc.tr("The ticket printer is running out of paper.")
        case PrinterState.UNKNOWN:
            return loc.tr("The ticket printer does not report its status.")
        case _:
            return problem_message(problem_for_state(state), loc)


def customer_notice(loc: Localizer) -> str:
    """For the welcome screen while tickets cannot be printed (paper out, cover open...)."""
    return loc.tr(
        "Tickets cannot be printed just now. Your number will be shown on screen: "
        "please note it or photograph the QR code."
    )


_TIMEOUT_NAMES = {"USBTimeoutError", "SerialTimeoutException", "WriteTimeoutError"}
_DEVICE_ERROR_NAMES = {"USBError", "SerialException", "IPPError", "HTTPError"}


def _is_timeout(exc: BaseException) -> bool:
    return isinstance(exc, TimeoutError) or type(exc).__name__ in _TIMEOUT_NAMES


def classify(exc: BaseException, opened: bool) -> PrinterProblem:
    """The problem an exception from python-escpos, sockets or device libraries means.

    ``opened``: whether the connection was open when it happened (an ``OSError``
    before is an unreachable printer; after, a lost connection).
    """
    name = type(exc).__name__
    if isinstance(exc, PrinterConfigError | PermissionError):
        return PrinterProblem.CONFIG
    if name in ("DeviceNotFoundError", "USBNotFoundError"):
        cause = exc.__cause__ or exc.__context__
        if cause is not None and _is_timeout(cause):
            return PrinterProblem.TIMEOUT
        return PrinterProblem.UNREACHABLE
    if _is_timeout(exc):
        return PrinterProblem.TIMEOUT
    if isinstance(exc, ConnectionRefusedError | socket.gaierror):
        return PrinterProblem.UNREACHABLE
    if isinstance(exc, BrokenPipeError | ConnectionResetError | ConnectionAbortedError):
        return PrinterProblem.DISCONNECTED
    if isinstance(exc, OSError) or name in _DEVICE_ERROR_NAMES:
        return PrinterProblem.DISCONNECTED if opened else PrinterProblem.UNREACHABLE
    if isinstance(exc, RuntimeError) and "install" in str(exc):
        return PrinterProblem.CONFIG  # python-escpos: a USB/serial/CUPS library is missing
    if type(exc).__module__.startswith("escpos"):
        return PrinterProblem.CONFIG  # e.g. ImageWidthError, unknown profile feature
    return PrinterProblem.UNKNOWN


def failed(
    problem: PrinterProblem,
    started: float,
    now: float,
    sent: int = 0,
    before: PrinterState | None = None,
    after: PrinterState | None = None,
) -> PrintOutcome:
    elapsed = round(now - started, 4)
    return PrintOutcome(PrintStatus.FAILED, problem, sent, None, elapsed, before, after)
