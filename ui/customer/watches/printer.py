"""Asks the ticket printer how it is every ~10 s (on the worker) and tells the branch.

Each check (:meth:`TicketPrinter.status_report`, ``DLE EOT`` on two-way links)
sets the :class:`~ui.customer.state.KioskState` (paper out, cover open or offline
switch the kiosk to number-on-screen mode; online switches it back) and is
reported with :meth:`kiosk.health.Health.report_printer`, so consoles and
managers see it. What a print job found out (:meth:`note_outcome`) counts too.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from ui.common.poller import Poller
from ui.common.worker import Worker
from ui.customer.state import NUMBER_ON_SCREEN_STATES, KioskState

HEARTBEAT_S = 60.0
"""An unchanged state is reported again after this long (others see the kiosk is alive)."""

if TYPE_CHECKING:
    from kiosk.health import Health
    from printing.job import TicketPrinter
    from printing.outcome import PrintOutcome
    from printing.status import StatusReport


class PrinterWatch(QObject):
    def __init__(
        self,
        printer: TicketPrinter,
        health: Health,
        worker: Worker,
        state: KioskState,
        interval_ms: int,
    ) -> None:
        super().__init__()
        self._printer = printer
        self._health = health
        self._worker = worker
        self._state = state
        self._reported: tuple[str, float] | None = None
        """The state last written to the database, and when (monotonic seconds)."""
        self.poller = Poller(
            worker, interval_ms, lambda: printer.status_report, self._answered, parent=self
        )

    def start(self) -> None:
        self.poller.start()

    def stop(self) -> None:
        self.poller.stop()

    def check(self) -> None:
        """Ask the printer now (the staff home does on entering)."""
        self.poller.check()

    def _answered(self, report: StatusReport) -> None:
        self._set(str(report.state), report.detail or None)

    def note_outcome(self, outcome: PrintOutcome) -> None:
        """A print job's answer: what the printer said during it, or the problem it met."""
        state = outcome.latest_state
        if state is not None:
            self._set(str(state), None)
        elif outcome.problem is not None and str(outcome.problem) in NUMBER_ON_SCREEN_STATES:
            self._set(str(outcome.problem), None)

    def _set(self, state: str, detail: str | None) -> None:
        self._state.set_printer_state(state)
        now = time.monotonic()
        last = self._reported
        if last is not None and last[0] == state and now - last[1] < HEARTBEAT_S:
            return
        self._reported = (state, now)
        health = self._health
        # A failure goes to Worker.job_did_fail: a lost database shows its banner.
        self._worker.run(lambda: health.report_printer(state, detail), on_error=self._not_reported)

    def _not_reported(self, _error: BaseException) -> None:
        self._reported = None  # try again at the next check
