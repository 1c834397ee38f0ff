"""Printing a ticket: layout, render, send, report — blocking, bounded in time.

The UI calls :meth:`TicketPrinter.print_ticket` from a worker thread. Each job
renders the ticket to bytes first, then opens the printer connection, sends,
and closes it in ``finally`` (so a printer that was power-cycled works again on
the next ticket). The call returns within about ``timeout_seconds`` (plus
:data:`GRACE_S`) whatever the printer does; a job is never retried once a byte
was sent. Every failure becomes a :class:`~printing.outcome.PrintOutcome` with a
:class:`~printing.outcome.PrinterProblem`; no exception escapes.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, tzinfo
from pathlib import Path
from typing import Any

from PIL import Image

from kiosk.i18n import SUPPORTED_LOCALES, Catalogs
from kiosk.settings import PrinterSection
from kiosk.ticket import PrintStatus, TicketData
from printing.backends import (
    DeviceFactory,
    PrinterConfigError,
    escpos_factory,
    open_printer,
    parse_printer_url,
)
from printing.compose import Op, compose
from printing.escpos_env import escpos_printers
from printing.layout import Block, FeedBlock, RuleBlock, TextBlock, TextSize, TicketSections
from printing.layout import build_layout as _build_layout
from printing.outcome import PrinterProblem, PrintOutcome, classify, failed, problem_message
from printing.preview import compose_preview, save_preview
from printing.render_escpos import caps_for_profile, render_ops
from printing.samples import sample_ticket
from printing.transport import Progress, send_job

__all__ = [
    "GRACE_S",
    "PrintOutcome",
    "PrinterProblem",
    "TicketPrinter",
    "TicketSections",
    "problem_message",
]

log = logging.getLogger(__name__)

GRACE_S = 0.5
"""How much longer than the timeout a job may take before the caller stops waiting."""


@dataclass
class _Job:
    progress: Progress = field(default_factory=Progress)
    done: threading.Event = field(default_factory=threading.Event)
    error: BaseException | None = None


class TicketPrinter:
    """Prints tickets on the configured printer (one connection per job)."""

    def __init__(
        self,
        printer: PrinterSection,
        data_dir: Path,
        catalogs: Catalogs,
        zone: tzinfo,
        sections: TicketSections | None = None,
        factory: DeviceFactory | None = None,
    ) -> None:
        self.printer = printer
        self.data_dir = data_dir
        self.catalogs = catalogs
        self.zone = zone
        self.sections = sections or TicketSections()
        self._factory = factory or escpos_factory
        self._lock = threading.Lock()

    def warm_up(self) -> None:
        """Import python-escpos and load the fonts now (≈0.5 s), not on the first ticket."""
        escpos_printers()
        for code in SUPPORTED_LOCALES:
            self.render_bytes(self.layout(sample_ticket(code)))

    # -- what is printed ------------------------------------------------------------------
    def layout(self, ticket: TicketData) -> list[Block]:
        loc = self.catalogs.localizer(ticket.locale)
        return _build_layout(ticket, loc, self.zone, self.sections)

    def preview_image(self, ticket: TicketData) -> Image.Image:
        """The ticket as it prints, as a white-paper image ``paper_dots`` wide."""
        ops = compose(self.layout(ticket), self.printer.paper_dots)
        return compose_preview(ops, self.printer.paper_dots).image

    def render_bytes(self, blocks: Sequence[Block]) -> tuple[bytes, list[Op]]:
        """The exact bytes the printer receives for ``blocks``, and the composed operations."""
        ops = compose(blocks, self.printer.paper_dots)
        dummy = escpos_printers().Dummy(profile=self.printer.profile)
        render_ops(ops, dummy, self.printer.paper_dots, caps_for_profile(dummy.profile))
        data: bytes = dummy.output
        return data, ops

    # -- printing -------------------------------------------------------------------------
    def print_ticket(self, ticket: TicketData) -> PrintOutcome:
        """Print one ticket. Blocking; returns within about ``timeout_seconds``."""
        started = time.monotonic()
        try:
            return self._print(lambda: self.layout(ticket), ticket.code, started)
        except Exception as exc:  # never let a traceback reach the UI
            log.error("Ticket %s: printing failed unexpectedly: %r", ticket.code, exc)
            log.debug("Traceback", exc_info=True)
            return failed(PrinterProblem.UNKNOWN, started, time.monotonic())

    def print_blocks(self, blocks: Sequence[Block], name: str = "document") -> PrintOutcome:
        """Print any layout (e.g. the list of what to bring), like a ticket.

        ``name`` names the job in logs and the preview files (``<name>.bin``/``.png``).
        """
        started = time.monotonic()
        try:
            return self._print(lambda: list(blocks), name, started)
        except Exception as exc:
            log.error("%s: printing failed unexpectedly: %r", name, exc)
            log.debug("Traceback", exc_info=True)
            return failed(PrinterProblem.UNKNOWN, started, time.monotonic())

    def print_test_page(self, branch_name: str = "", locale: str = "en") -> PrintOutcome:
        """Printer URL, profile and paper width, then a sample ticket in each language."""
        started = time.monotonic()
        try:
            return self._print(lambda: self.test_page(branch_name, locale), "TEST", started)
        except Exception as exc:
            log.error("Test page: printing failed unexpectedly: %r", exc)
            log.debug("Traceback", exc_info=True)
            return failed(PrinterProblem.UNKNOWN, started, time.monotonic())

    def test_page(self, branch_name: str = "", locale: str = "en") -> list[Block]:
        loc = self.catalogs.localizer(locale)
        now = datetime.now(UTC)
        lang = loc.locale
        blocks: list[Block] = [
            TextBlock(loc.tr("Printer test page"), TextSize.LARGE, bold=True, lang=lang),
            TextBlock(loc.tr("Printer: {url}").format(url=self.printer.url), lang=lang),
            TextBlock(loc.tr("Profile: {profile}").format(profile=self.printer.profile), lang=lang),
            TextBlock(
                loc.tr("Paper width: {dots} dots").format(dots=self.printer.paper_dots), lang=lang
            ),
            TextBlock(loc.datetime(now, self.zone), lang=lang),
        ]
        for code in SUPPORTED_LOCALES:
            sample = sample_ticket(code, branch_name or "Riverside Branch", now)
            blocks += [RuleBlock(), FeedBlock(), *self.layout(sample), FeedBlock(2)]
        return blocks

    def _print(
        self, make_blocks: Callable[[], list[Block]], code: str, started: float
    ) -> PrintOutcome:
        url = self.printer.url
        try:
            target = parse_printer_url(url, self.printer)
            device = open_printer(url, self.printer, self.data_dir, self._factory)
            data, ops = self.render_bytes(make_blocks())
        except PrinterConfigError as exc:
            log.warning("Ticket %s not printed: %s", code, exc)
            return failed(PrinterProblem.CONFIG, started, time.monotonic())
        deadline = time.monotonic() + self.printer.timeout_seconds
        if not self._lock.acquire(timeout=max(0.0, deadline - time.monotonic())):
            log.warning("Ticket %s not printed: the previous job still holds %s", code, url)
            return failed(PrinterProblem.TIMEOUT, started, time.monotonic())
        try:
            job = self._run(device, target.kind, data, deadline)
        finally:
            self._lock.release()
        sent = job.progress.sent
        if job.error is not None or not job.done.is_set():
            error = job.error or TimeoutError("the printer connection is stuck")
            problem = classify(error, job.progress.opened)
            log.warning("Ticket %s not printed on %s: %s (%s)", code, url, problem, error)
            return failed(problem, started, time.monotonic(), sent)
        png = None
        if target.kind == "preview":
            png = save_preview(
                self.data_dir, code, data, compose_preview(ops, self.printer.paper_dots).image
            )
        elapsed = round(time.monotonic() - started, 4)
        return PrintOutcome(PrintStatus.PRINTED, None, sent, png, elapsed)

    def _run(self, device: Any, kind: str, data: bytes, deadline: float) -> _Job:
        """Send in a helper thread; stop waiting at the deadline (plus grace) regardless.

        A write to a device file or USB endpoint can block past any timeout; the
        helper thread then keeps the device and closes it when the write returns.
        """
        job = _Job()

        def work() -> None:
            try:
                send_job(device, kind, data, deadline, job.progress)
            except BaseException as exc:
                job.error = exc
            finally:
                job.done.set()

        threading.Thread(target=work, name="ticket-printer", daemon=True).start()
        job.done.wait(max(0.0, deadline - time.monotonic()) + GRACE_S)
        return job
