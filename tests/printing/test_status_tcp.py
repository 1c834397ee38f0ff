"""Status and faults against a real TCP printer on 127.0.0.1 that answers ``DLE EOT``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from kiosk.ticket import PrintStatus
from printing.escpos_env import escpos_module
from printing.job import GRACE_S, TicketPrinter
from printing.layout import people_ahead_text, wait_text
from printing.logo import BUILTIN_LOGO, logo_strip
from printing.outcome import PrinterProblem
from printing.status import PrinterState
from tests.helpers.printer import FakePrinter
from tests.printing.devices import ScriptedPrinter
from tests.printing.escpos_bytes import qr_payloads, raster_images, text_lines
from tests.printing.tickets import big_ticket, make_ticket

TIMEOUT = 0.5
STATES = {
    "online": PrinterState.ONLINE,
    "near_end": PrinterState.PAPER_NEAR_END,
    "paper_out": PrinterState.PAPER_OUT,
    "cover_open": PrinterState.COVER_OPEN,
    "offline": PrinterState.OFFLINE,
    "silent": PrinterState.UNKNOWN,
    "garbage": PrinterState.UNKNOWN,
}


@pytest.mark.parametrize(("state", "expected"), STATES.items())
def test_check_status(
    state: str,
    expected: PrinterState,
    fake_printer: Callable[..., FakePrinter],
    make_printer: Callable[..., TicketPrinter],
) -> None:
    server = fake_printer(state=state)
    printer = make_printer(server.url, timeout_seconds=TIMEOUT)
    report = printer.status_report()
    assert report.state is expected
    assert server.requests[0] == 1
    assert report.elapsed_s < TIMEOUT + 1
    assert server.jobs == []  # a status check prints nothing
    if state in ("silent", "garbage"):
        assert server.requests == [1]  # no more questions after a bad answer
        assert report.replies == ((1, b"" if state == "silent" else b"\xff"),)
    assert printer.last_status == report


def test_late_reply_is_unknown_and_not_mistaken_for_the_next(
    fake_printer: Callable[..., FakePrinter], make_printer: Callable[..., TicketPrinter]
) -> None:
    server = fake_printer(state="paper_out", reply_delay=0.3)
    printer = make_printer(server.url, timeout_seconds=2, status_query_seconds=0.1)
    assert printer.check_status() is PrinterState.UNKNOWN
    assert server.requests == [1]


def test_refused_status_is_unreachable_at_once(
    refused_port: int, make_printer: Callable[..., TicketPrinter]
) -> None:
    report = make_printer(f"tcp://127.0.0.1:{refused_port}").status_report()
    assert report.state is PrinterState.UNREACHABLE
    assert report.elapsed_s < TIMEOUT


def test_status_of_a_printer_that_never_accepts_returns_in_time(
    fake_printer: Callable[..., FakePrinter], make_printer: Callable[..., TicketPrinter]
) -> None:
    server = fake_printer("no_accept")
    server.fill_backlog()
    report = make_printer(server.url, timeout_seconds=TIMEOUT).status_report()
    assert report.state is PrinterState.UNREACHABLE
    assert report.elapsed_s < TIMEOUT + 1


@pytest.mark.parametrize("state", ["online", "near_end", "silent", "garbage"])
def test_printable_states_print_the_exact_bytes(
    state: str, fake_printer: Callable[..., FakePrinter], make_printer: Callable[..., TicketPrinter]
) -> None:
    server = fake_printer(state=state)
    printer = make_printer(server.url)
    ticket = make_ticket()
    outcome = printer.print_ticket(ticket)
    expected, _ = printer.render_bytes(printer.layout(ticket))
    assert outcome.status is PrintStatus.PRINTED
    assert server.wait_for_jobs() == [expected]
    assert outcome.state_before is STATES[state]
    if state in ("silent", "garbage"):  # unknown: sent anyway, never "paper OK"
        assert outcome.state_after is None
        assert server.requests == [1]
    else:
        assert outcome.state_after is STATES[state]
        assert server.requests == [1, 4, 1, 4]
    assert outcome.elapsed_s < TIMEOUT + GRACE_S


@pytest.mark.parametrize(
    ("state", "problem"),
    [
        ("paper_out", PrinterProblem.PAPER_OUT),
        ("cover_open", PrinterProblem.COVER_OPEN),
        ("offline", PrinterProblem.OFFLINE),
    ],
)
def test_printer_that_cannot_print_gets_nothing(
    state: str,
    problem: PrinterProblem,
    fake_printer: Callable[..., FakePrinter],
    make_printer: Callable[..., TicketPrinter],
) -> None:
    server = fake_printer(state=state)
    outcome = make_printer(server.url).print_ticket(make_ticket())
    assert server.finished.wait(2)
    assert outcome.status is PrintStatus.FAILED
    assert outcome.problem is problem
    assert outcome.state_before is STATES[state] and outcome.state_after is None
    assert outcome.bytes_sent == 0
    assert server.jobs == []  # nothing sent: a reprint can never make a second copy
    assert len(server.connections) == 1  # and no retry


def test_paper_out_after_the_job_is_printed_but_reported(
    fake_printer: Callable[..., FakePrinter], make_printer: Callable[..., TicketPrinter]
) -> None:
    server = fake_printer(then="paper_out", read_limit=100)
    printer = make_printer(server.url)
    outcome = printer.print_ticket(make_ticket())
    assert server.finished.wait(2)
    assert outcome.printed  # every byte was taken
    assert outcome.state_before is PrinterState.ONLINE
    assert outcome.state_after is PrinterState.PAPER_OUT
    assert outcome.may_be_incomplete and outcome.latest_state is PrinterState.PAPER_OUT
    assert printer.check_status() is PrinterState.PAPER_OUT


def test_no_answer_after_the_job_is_printed_with_unknown_state(
    fake_printer: Callable[..., FakePrinter], make_printer: Callable[..., TicketPrinter]
) -> None:
    server = fake_printer(then="silent", read_limit=100)
    outcome = make_printer(server.url).print_ticket(make_ticket())
    assert outcome.printed
    assert (outcome.state_before, outcome.state_after) == (
        PrinterState.ONLINE,
        PrinterState.UNKNOWN,
    )
    assert not outcome.may_be_incomplete
    assert outcome.elapsed_s < TIMEOUT + GRACE_S


def test_paper_out_during_the_job_fails_without_a_second_copy(
    fake_printer: Callable[..., FakePrinter], make_printer: Callable[..., TicketPrinter]
) -> None:
    # the printer stops taking bytes when the paper runs out
    server = fake_printer("stall_after", rcvbuf=1024, read_limit=2000)
    printer = make_printer(server.url)
    outcome = printer.print_ticket(big_ticket())
    assert outcome.status is PrintStatus.FAILED
    assert outcome.problem is PrinterProblem.TIMEOUT
    assert outcome.state_before is PrinterState.ONLINE
    assert outcome.bytes_sent > 0
    assert len(server.connections) == 1  # never sent again
    assert outcome.elapsed_s < TIMEOUT + GRACE_S + 0.5
    assert printer.check_status() is PrinterState.PAPER_OUT  # what the staff indicator shows
    assert len(server.jobs) == 1


def test_close_mid_job_is_disconnected_and_printed_once(
    fake_printer: Callable[..., FakePrinter], make_printer: Callable[..., TicketPrinter]
) -> None:
    server = fake_printer("close_after", rcvbuf=4096, read_limit=512)
    printer = make_printer(server.url, timeout_seconds=2.0)
    ticket = big_ticket()
    outcome = printer.print_ticket(ticket)
    expected, _ = printer.render_bytes(printer.layout(ticket))
    assert server.finished.wait(5)  # its thread notes the end just after the reset
    assert outcome.status is PrintStatus.FAILED
    assert outcome.problem is PrinterProblem.DISCONNECTED
    assert outcome.state_before is PrinterState.ONLINE
    assert len(server.connections) == 1  # no automatic second copy
    [job] = server.jobs
    assert 512 <= len(job) < len(expected) and expected.startswith(job)


# -- one quick retry, only when the connect itself failed ------------------------------------


def _not_found(cause: BaseException) -> BaseException:
    error: BaseException = escpos_module("exceptions").DeviceNotFoundError("Could not open")
    error.__context__ = cause
    return error


@pytest.mark.parametrize(
    ("errors", "opens", "problem"),
    [
        ((_not_found(ConnectionRefusedError(111, "refused")),), 2, None),
        ((ConnectionRefusedError(111, "refused"),) * 2, 2, PrinterProblem.UNREACHABLE),
        ((_not_found(TimeoutError("timed out")),), 1, PrinterProblem.TIMEOUT),
        ((PermissionError(13, "denied"),), 1, PrinterProblem.CONFIG),
    ],
)
def test_connect_failure_is_retried_once(
    errors: tuple[BaseException, ...],
    opens: int,
    problem: PrinterProblem | None,
    make_printer: Callable[..., TicketPrinter],
) -> None:
    device = ScriptedPrinter(open_errors=errors)
    printer = make_printer("tcp://printer:9100", factory=lambda n, k: device)
    outcome = printer.print_ticket(make_ticket())
    assert device.opens == opens
    assert outcome.problem is problem
    assert outcome.elapsed_s < TIMEOUT
    if problem is None:
        assert outcome.printed and device.raws > 0
    else:
        assert device.raws == 0 and outcome.state_before is PrinterState.UNREACHABLE


def test_no_retry_without_time_for_it(make_printer: Callable[..., TicketPrinter]) -> None:
    device = ScriptedPrinter(open_errors=(ConnectionRefusedError(111, "refused"),))
    outcome = make_printer(
        "tcp://printer:9100", timeout_seconds=0.25, factory=lambda n, k: device
    ).print_ticket(make_ticket())
    assert device.opens == 1 and outcome.problem is PrinterProblem.UNREACHABLE


# -- what was printed, decoded -------------------------------------------------------------


def test_english_ticket_decoded(
    fake_printer: Callable[..., FakePrinter],
    make_printer: Callable[..., TicketPrinter],
    catalogs: Any,
) -> None:
    server = fake_printer()
    printer = make_printer(server.url)
    ticket = make_ticket("en")
    assert printer.print_ticket(ticket).printed
    [job] = server.wait_for_jobs()
    loc = catalogs.localizer("en")
    lines = text_lines(job)
    for expected in (
        "Riverside Branch",
        loc.tr("Your number"),
        "A023",
        "Open an account",
        people_ahead_text(4, loc),
        wait_text(18, loc),
        "- Passport (original)",
        "- Proof of address",
        "Next time you can book online.",
    ):
        assert expected in lines
    assert qr_payloads(job) == [ticket.reference.encode()]
    # English is printer text: the one image is the logo, at the top
    [logo] = raster_images(job)
    strip = logo_strip(BUILTIN_LOGO, 512)
    assert strip is not None and logo.image.tobytes() == strip.tobytes()


@pytest.mark.parametrize("dots", [384, 512, 576])
def test_chinese_ticket_images_fit_the_paper(
    dots: int, fake_printer: Callable[..., FakePrinter], make_printer: Callable[..., TicketPrinter]
) -> None:
    server = fake_printer()
    printer = make_printer(server.url, paper_dots=dots, timeout_seconds=2)
    ticket = make_ticket("zh_Hans")
    assert printer.print_ticket(ticket).printed
    [job] = server.wait_for_jobs()
    images = raster_images(job)
    assert images and {image.width for image in images} == {dots}
    assert qr_payloads(job) == [ticket.reference.encode()]


def test_a_printer_silent_on_status_is_not_asked_before_every_ticket(
    fake_printer: Callable[..., FakePrinter], make_printer: Callable[..., TicketPrinter]
) -> None:
    server = fake_printer(state="silent")
    printer = make_printer(server.url, timeout_seconds=TIMEOUT)
    first = printer.print_ticket(make_ticket())
    assert first.printed and first.state_before is PrinterState.UNKNOWN
    asked = len(server.requests)
    second = printer.print_ticket(make_ticket())
    assert second.printed
    assert len(server.requests) == asked  # no wait on a printer that never answers
    assert second.elapsed_s < first.elapsed_s
    server.state = "online"  # the staff indicator's periodic check hears it again
    assert printer.check_status() is PrinterState.ONLINE
    third = printer.print_ticket(make_ticket())
    assert third.state_before is PrinterState.ONLINE
