"""What became of a print job, and how to say it to staff and customers."""

from __future__ import annotations

import enum
import socket
from dataclasses import dataclass
from pathlib import Path

from kiosk.i18n import Localizer
from kiosk.ticket import PrintStatus
from printing.backends import PrinterConfigError


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

    @property
    def printed(self) -> bool:
        return self.status is PrintStatus.PRINTED


def problem_message(problem: PrinterProblem, loc: Localizer) -> str:
    """One plain translated line about ``problem``, for staff and customers."""
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


def failed(problem: PrinterProblem, started: float, now: float, sent: int = 0) -> PrintOutcome:
    return PrintOutcome(PrintStatus.FAILED, problem, sent, None, round(now - started, 4))
