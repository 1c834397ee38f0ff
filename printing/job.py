"""Printing a ticket: layout, render, status, send, report — blocking, bounded in time.

The UI calls :meth:`TicketPrinter.print_ticket` from a worker thread. Each job
renders the ticket to bytes first, then opens the printer connection, asks the
printer's status where the link is two-way (``DLE EOT``, see
:mod:`printing.status`), sends unless the printer said it cannot print, asks
again, and closes it in ``finally`` (so a printer that was power-cycled works
again on the next ticket). The call returns within about ``timeout_seconds``
(plus :data:`GRACE_S`) whatever the printer does; a job is never retried once a
byte was sent (only a connect that failed outright is retried, once). Every
failure becomes a :class:`~printing.outcome.PrintOutcome` with a
:class:`~printing.outcome.PrinterProblem`; no exception escapes.

For the staff status indicator, :meth:`TicketPrinter.check_status` (blocking,
from a worker) returns a :class:`~printing.status.PrinterState`.
"""

from __future__ import annotations

import dataclasses
import logging
import threading
import time
from collections.abc import Callable, Sequence
from datetime import tzinfo
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.i18n import LOCALES, Catalogs
from kiosk.settings import PrinterSection
from kiosk.ticket import PrintStatus, TicketData
from printing.backends import (
    DeviceFactory,
    PrinterConfigError,
    escpos_factory,
    open_printer,
    parse_printer_url,
)
from printing.escpos_env import escpos_printers
from printing.layout import Block, TicketSections, large_print_layout
from printing.layout import build_layout as _build_layout
from printing.outcome import (
    PrinterProblem,
    PrintOutcome,
    classify,
    failed,
    problem_for_state,
    problem_message,
)
from printing.samples import sample_ticket, test_page_blocks
from printing.session import GRACE_S, Session, run_session
from printing.status import QUERY_SECONDS, TWO_WAY_KINDS, PrinterState, StatusReport

if TYPE_CHECKING:
    from PIL import Image

    from printing.compose import Op

# Drawing a ticket (Pillow, qrcode, the logo: ~6 MiB) is imported by the first job,
# or by the warm-up when the first customer arrives, not when the kiosk opens.

__all__ = [
    "GRACE_S",
    "PrintOutcome",
    "PrinterProblem",
    "PrinterState",
    "StatusReport",
    "TicketPrinter",
    "TicketSections",
    "problem_message",
]

log = logging.getLogger(__name__)

JOB_QUERY_SHARE = 0.2
"""In a job, one status reply waits at most this share of the timeout (a silent printer
costs one wait before the job; it is not asked again after it)."""
SILENT_STATUS_BACKOFF_S = 300.0
"""After a printer stayed silent on status, tickets go without asking for this long."""


class TicketPrinter:
    """Prints tickets on the configured printer (one connection per job)."""

    def __init__(
        self,
        section: PrinterSection,
        data_dir: Path,
        catalogs: Catalogs,
        zone: tzinfo,
        sections: TicketSections | None = None,
        factory: DeviceFactory | None = None,
        status_query_seconds: float = QUERY_SECONDS,
    ) -> None:
        self.section = section
        """The ``[printer]`` settings, read at each use (live settings replace it)."""
        self.data_dir = data_dir
        self.catalogs = catalogs
        self.zone = zone
        self.sections = sections or TicketSections()
        self.status_query_seconds = status_query_seconds
        """Wait for each ``DLE EOT`` reply; the whole check stays within ``timeout_seconds``."""
        self._silent_until = 0.0
        self.last_status: StatusReport | None = None
        """The latest status the printer gave (from a job or a check), for diagnostics."""
        self._factory = factory or escpos_factory
        self._lock = threading.Lock()

    def warm_up(self, locales: Sequence[str] = LOCALES) -> None:
        """Import python-escpos, load the logo and the fonts of ``locales`` now, not on
        the first ticket. Each Chinese face costs ≈13 MiB and ≈50 ms, so the kiosk warms
        a language when the first customer who needs it arrives."""
        escpos_printers()
        for code in locales:
            self.render_bytes(self.layout(sample_ticket(code)))

    # -- what is printed ------------------------------------------------------------------
    def layout(self, ticket: TicketData) -> list[Block]:
        """The ticket's blocks, with the configured logo (else the built-in one) and footer."""
        from printing.logo import BUILTIN_LOGO

        loc, logo = self.catalogs.localizer(ticket.locale), self.section.logo or BUILTIN_LOGO
        return _build_layout(ticket, loc, self.zone, self.sections, logo, self.section.footer)

    def compose(self, blocks: Sequence[Block]) -> list[Op]:
        from printing.compose import compose

        return compose(blocks, self.section.paper_dots, self.section.cjk_mode)

    def preview_image(self, ticket: TicketData) -> Image.Image:
        """The ticket as it prints, as a white-paper image ``paper_dots`` wide."""
        from printing.preview import compose_preview

        return compose_preview(self.compose(self.layout(ticket)), self.section.paper_dots).image

    def render_bytes(self, blocks: Sequence[Block]) -> tuple[bytes, list[Op]]:
        """The exact bytes the printer receives for ``blocks``, and the composed operations."""
        from printing.render_escpos import caps_for_profile, render_ops

        ops = self.compose(blocks)
        dummy = escpos_printers().Dummy(profile=self.section.profile)
        render_ops(ops, dummy, self.section.paper_dots, caps_for_profile(dummy.profile))
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

    def print_large_number(self, ticket: TicketData) -> PrintOutcome:
        """The large-print slip (:func:`~printing.layout.large_print_layout`): the number
        eight times the normal size (``GS !``), or an image of it as wide as the paper
        where the code is too long for that."""
        loc = self.catalogs.localizer(ticket.locale)
        return self.print_blocks(large_print_layout(ticket, loc), f"{ticket.code}-large")

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
        """Status first; then, if the printer can print, the test page (see :meth:`test_page`).

        When the printer cannot print (unreachable, paper out, cover open, offline)
        nothing is sent and the outcome says why (``state_before`` is the state).
        """
        started = time.monotonic()
        try:
            report, problem = self._check()
            if not report.state.can_print:
                problem = problem or problem_for_state(report.state)
                return failed(problem, started, time.monotonic(), before=report.state)
            state = report.state
            return self._print(lambda: self.test_page(branch_name, locale, state), "TEST", started)
        except Exception as exc:
            log.error("Test page: printing failed unexpectedly: %r", exc)
            log.debug("Traceback", exc_info=True)
            return failed(PrinterProblem.UNKNOWN, started, time.monotonic())

    def test_page(
        self, branch_name: str = "", locale: str = "en", state: PrinterState | None = None
    ) -> list[Block]:
        """Printer URL, profile, paper width, status, then a sample ticket in each language."""
        loc = self.catalogs.localizer(locale)
        return test_page_blocks(self.section, self.layout, loc, self.zone, branch_name, state)

    # -- status ---------------------------------------------------------------------------
    def check_status(self) -> PrinterState:
        """Ask the printer how it is now. Blocking (≤ ``timeout_seconds`` + :data:`GRACE_S`):
        call it from a worker. ``UNKNOWN`` when it does not answer or the link is one-way."""
        return self.status_report().state

    def status_report(self) -> StatusReport:
        """Like :meth:`check_status`, with the printer's raw replies. Never raises."""
        return self._check()[0]

    def _check(self) -> tuple[StatusReport, PrinterProblem | None]:
        """The status, and the problem when the connection could not be used."""
        started = time.monotonic()
        try:
            return self._check_now(started)
        except Exception as exc:
            log.error("Printer status check failed unexpectedly: %r", exc)
            log.debug("Traceback", exc_info=True)
            return StatusReport(PrinterState.UNKNOWN, detail=repr(exc)), PrinterProblem.UNKNOWN

    def _check_now(self, started: float) -> tuple[StatusReport, PrinterProblem | None]:
        url = self.section.url
        try:
            target = parse_printer_url(url, self.section)
            if target.kind == "preview":
                return StatusReport(PrinterState.ONLINE, detail="preview printer"), None
            if target.kind not in TWO_WAY_KINDS:
                return StatusReport(PrinterState.UNKNOWN, detail="one-way link"), None
            device = open_printer(url, self.section, self.data_dir, self._factory)
        except PrinterConfigError as exc:
            return StatusReport(PrinterState.UNREACHABLE, detail=str(exc)), PrinterProblem.CONFIG
        deadline = started + self.section.timeout_seconds
        if not self._lock.acquire(timeout=max(0.0, deadline - time.monotonic())):
            return self.last_status or StatusReport(PrinterState.UNKNOWN, detail="busy"), None
        try:
            session = run_session(device, target.kind, None, deadline, self.status_query_seconds)
        finally:
            self._lock.release()
        elapsed = round(time.monotonic() - started, 4)
        self._note_answers(session.before)
        problem = None
        if session.error is not None or not session.finished:
            error = session.error or TimeoutError("the printer connection is stuck")
            problem = classify(error, session.progress.opened)
            state = PrinterState.UNKNOWN if session.progress.opened else PrinterState.UNREACHABLE
            report = StatusReport(state, elapsed_s=elapsed, detail=repr(error))
        else:
            report = session.before or StatusReport(
                PrinterState.UNKNOWN, elapsed_s=elapsed, detail="the link cannot be read"
            )
        changed = self.last_status is None or self.last_status.state is not report.state
        log.log(
            logging.INFO if changed else logging.DEBUG, "Printer %s: %s", url, report.describe()
        )
        self.last_status = report
        return report, problem

    # -- one job ----------------------------------------------------------------------------
    def _print(
        self, make_blocks: Callable[[], list[Block]], code: str, started: float
    ) -> PrintOutcome:
        url = self.section.url
        try:
            target = parse_printer_url(url, self.section)
            device = open_printer(url, self.section, self.data_dir, self._factory)
            data, ops = self.render_bytes(make_blocks())
        except PrinterConfigError as exc:
            log.warning("Ticket %s not printed: %s", code, exc)
            return failed(PrinterProblem.CONFIG, started, time.monotonic())
        deadline = time.monotonic() + self.section.timeout_seconds
        if not self._lock.acquire(timeout=max(0.0, deadline - time.monotonic())):
            log.warning("Ticket %s not printed: the previous job still holds %s", code, url)
            return failed(PrinterProblem.TIMEOUT, started, time.monotonic())
        query_s = None
        if target.kind in (*TWO_WAY_KINDS, "preview") and not self._status_silent():
            # leave most of the time for the job
            query_s = min(self.status_query_seconds, self.section.timeout_seconds * JOB_QUERY_SHARE)
        try:
            session = run_session(device, target.kind, data, deadline, query_s)
        finally:
            self._lock.release()
        outcome = self._outcome(session, code, started)
        if query_s is None and target.kind in TWO_WAY_KINDS and outcome.state_before is None:
            # not asked because it stayed silent lately: its state is unknown, say so
            outcome = dataclasses.replace(outcome, state_before=PrinterState.UNKNOWN)
        if outcome.printed and target.kind == "preview":
            from printing.preview import compose_preview, save_preview

            image = compose_preview(ops, self.section.paper_dots).image
            png = save_preview(self.data_dir, code, data, image)
            outcome = dataclasses.replace(outcome, preview_png=png)
        return outcome

    def _status_silent(self) -> bool:
        """A printer that did not answer status lately is not asked before each ticket:
        the wait would be added to every customer's ticket. The periodic staff check
        keeps asking, and clears this as soon as the printer answers."""
        return time.monotonic() < self._silent_until

    def _note_answers(self, report: StatusReport | None) -> None:
        if report is None:
            return
        if report.answered:
            self._silent_until = 0.0
        elif report.state is PrinterState.UNKNOWN:
            self._silent_until = time.monotonic() + SILENT_STATUS_BACKOFF_S

    def _outcome(self, session: Session, code: str, started: float) -> PrintOutcome:
        url, sent = self.section.url, session.progress.sent
        before, after = session.before, session.after
        self._note_answers(before)
        self.last_status = after or before or self.last_status
        state_before = before.state if before else None
        state_after = after.state if after else None
        if before is not None and before.state is not PrinterState.ONLINE:
            log.info("Ticket %s: before printing, %s reports %s", code, url, before.describe())
        if session.error is not None or not session.finished:
            error = session.error or TimeoutError("the printer connection is stuck")
            problem = classify(error, session.progress.opened)
            log.warning("Ticket %s not printed on %s: %s (%s)", code, url, problem, error)
            if not session.progress.opened:
                state_before = PrinterState.UNREACHABLE
            return failed(problem, started, time.monotonic(), sent, state_before, state_after)
        if before is not None and session.blocked:
            problem = problem_for_state(before.state)
            log.warning("Ticket %s not sent to %s: the printer reports %s", code, url, problem)
            return failed(problem, started, time.monotonic(), sent, state_before)
        if after is not None and after.state is not PrinterState.ONLINE:
            log.warning("Ticket %s: after printing, %s reports %s", code, url, after.describe())
        elapsed = round(time.monotonic() - started, 4)
        return PrintOutcome(
            PrintStatus.PRINTED, None, sent, None, elapsed, state_before, state_after
        )
