"""``kiosk print-test``: ask the printer's status, print the test page, say in one line how it went.

When the printer cannot print (unreachable, not answering, offline, cover open,
paper out) nothing is sent and the line says why; exit code 1. Paper near end
prints and warns on the same line; exit code 0.
"""

from __future__ import annotations

import logging
import sys
from typing import TextIO

from kiosk.i18n import Catalogs, Localizer
from kiosk.settings import Settings
from kiosk.ticket import PrintStatus
from printing.escpos_env import prepare_escpos
from printing.job import TicketPrinter
from printing.outcome import PrinterProblem, PrintOutcome, problem_message
from printing.status import PrinterState

log = logging.getLogger(__name__)


def result_line(url: str, outcome: PrintOutcome, loc: Localizer) -> str:
    """One translated line: where the test page went, or why it did not print."""
    if outcome.printed:
        if outcome.preview_png is not None:
            text = loc.tr("Test page saved as {path} (preview printer).")
            return text.format(path=outcome.preview_png)
        line = loc.tr("Test page printed on {url}.").format(url=url)
        warning = _warning(outcome)
        return f"{line} {problem_message(warning, loc)}" if warning else line
    problem = outcome.problem or PrinterProblem.UNKNOWN
    if problem is PrinterProblem.UNREACHABLE:
        return loc.tr("The ticket printer at {url} cannot be reached.").format(url=url)
    if problem is PrinterProblem.TIMEOUT:
        return loc.tr("The ticket printer at {url} is not answering.").format(url=url)
    text = loc.tr("The test page was not printed on {url}: {problem}")
    return text.format(url=url, problem=problem_message(problem, loc))


def _warning(outcome: PrintOutcome) -> PrinterState | None:
    """What staff should know about a printed test page: the worst state reported."""
    states = [s for s in (outcome.state_after, outcome.state_before) if s is not None]
    for state in states:
        if not state.can_print:
            return state  # paper out (or cover open...) right after: the page may be cut short
    for worry in (PrinterState.PAPER_NEAR_END, PrinterState.UNKNOWN):
        if worry in states:
            return worry
    return None


def run_print_test(
    url: str | None,
    settings: Settings,
    catalogs: Catalogs,
    out: TextIO | None = None,
) -> int:
    """Print the test page on ``url`` (default: the configured printer).

    Writes one line to ``out`` (stdout by default) and returns 0 when the page
    printed (paper near end: with a warning), 1 otherwise. Never raises.
    """
    stream = out if out is not None else sys.stdout
    loc = catalogs.localizer(settings.display.default_language)
    section = settings.printer if url is None else settings.printer.model_copy(update={"url": url})
    try:
        prepare_escpos(settings.cache_dir)
        printer = TicketPrinter(section, settings.kiosk.data_dir, catalogs, settings.business.zone)
        outcome = printer.print_test_page(settings.kiosk.branch_name, loc.locale)
    except Exception as exc:  # a broken environment still gets one plain line
        log.debug("print-test failed", exc_info=True)
        log.error("print-test failed: %r", exc)
        outcome = PrintOutcome(PrintStatus.FAILED, PrinterProblem.UNKNOWN)
    print(result_line(section.url, outcome, loc), file=stream)
    return 0 if outcome.printed and not outcome.may_be_incomplete else 1
