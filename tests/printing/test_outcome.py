"""One mapping from a print job's outcome to the ticket's stored print status."""

from __future__ import annotations

import pytest

from kiosk.ticket import PrintStatus
from printing.outcome import PrinterProblem, PrintOutcome, print_status
from printing.status import PrinterState


def test_a_printed_ticket_is_printed_without_a_problem() -> None:
    outcome = PrintOutcome(PrintStatus.PRINTED, state_after=PrinterState.ONLINE)
    assert print_status(outcome) == (PrintStatus.PRINTED, None)


def test_a_printer_that_was_not_asked_afterwards_counts_as_printed() -> None:
    assert print_status(PrintOutcome(PrintStatus.PRINTED)) == (PrintStatus.PRINTED, None)


def test_a_failed_job_keeps_its_problem() -> None:
    outcome = PrintOutcome(PrintStatus.FAILED, PrinterProblem.DISCONNECTED)
    assert print_status(outcome) == (PrintStatus.FAILED, "disconnected")


@pytest.mark.parametrize(
    "state", [PrinterState.PAPER_OUT, PrinterState.COVER_OPEN, PrinterState.OFFLINE]
)
def test_a_ticket_cut_short_is_failed_with_the_printer_state(state: PrinterState) -> None:
    outcome = PrintOutcome(PrintStatus.PRINTED, state_after=state)
    assert outcome.may_be_incomplete
    assert print_status(outcome) == (PrintStatus.FAILED, str(state))
