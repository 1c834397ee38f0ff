"""A real TCP 'printer' on 127.0.0.1: exact bytes, and every way a printer can fail."""

from __future__ import annotations

import socket
from collections.abc import Callable

from kiosk.ticket import PrintStatus
from printing.job import GRACE_S, TicketPrinter
from printing.outcome import PrinterProblem
from tests.printing.conftest import FakePrinter
from tests.printing.tickets import big_ticket, make_ticket

TIMEOUT = 0.5


def test_server_receives_exactly_the_dummy_bytes(
    fake_printer: Callable[..., FakePrinter], make_printer: Callable[..., TicketPrinter]
) -> None:
    server = fake_printer("read")
    printer = make_printer(server.url)
    for locale in ("en", "zh_Hant"):
        server.finished.clear()
        ticket = make_ticket(locale)
        outcome = printer.print_ticket(ticket)
        assert server.finished.wait(2)
        expected, _ = printer.render_bytes(printer.layout(ticket))
        assert outcome.status is PrintStatus.PRINTED
        assert outcome.problem is None
        assert outcome.bytes_sent == len(expected)
        assert server.jobs[-1] == expected
    assert len(server.jobs) == 2  # one connection per job, closed after it


def test_refused_port_fails_fast(
    refused_port: int, make_printer: Callable[..., TicketPrinter]
) -> None:
    outcome = make_printer(f"tcp://127.0.0.1:{refused_port}").print_ticket(make_ticket())
    assert outcome.status is PrintStatus.FAILED
    assert outcome.problem is PrinterProblem.UNREACHABLE
    assert outcome.bytes_sent == 0
    assert outcome.elapsed_s < TIMEOUT


def test_printer_that_never_answers_times_out(
    fake_printer: Callable[..., FakePrinter], make_printer: Callable[..., TicketPrinter]
) -> None:
    server = fake_printer("no_accept")
    server.fill_backlog()  # further connection attempts get no answer at all
    outcome = make_printer(server.url, timeout_seconds=TIMEOUT).print_ticket(make_ticket())
    assert outcome.status is PrintStatus.FAILED
    assert outcome.problem is PrinterProblem.TIMEOUT
    assert outcome.bytes_sent == 0
    assert TIMEOUT * 0.8 <= outcome.elapsed_s < TIMEOUT + 1


def test_printer_that_never_reads_times_out(
    fake_printer: Callable[..., FakePrinter], make_printer: Callable[..., TicketPrinter]
) -> None:
    server = fake_printer("never_read", rcvbuf=4096)
    printer = make_printer(server.url, timeout_seconds=TIMEOUT)
    ticket = big_ticket()
    expected, _ = printer.render_bytes(printer.layout(ticket))
    assert len(expected) > 100_000
    outcome = printer.print_ticket(ticket)
    assert outcome.status is PrintStatus.FAILED
    assert outcome.problem is PrinterProblem.TIMEOUT
    assert outcome.bytes_sent <= len(expected)  # in kernel buffers, never taken by the printer
    assert outcome.elapsed_s < TIMEOUT + GRACE_S + 0.5


def test_small_ticket_to_a_printer_that_never_reads_is_not_reported_printed(
    fake_printer: Callable[..., FakePrinter], make_printer: Callable[..., TicketPrinter]
) -> None:
    # the whole ticket fits in socket buffers, so sending "succeeds"; the printer never took it
    server = fake_printer("never_read", rcvbuf=1024)
    outcome = make_printer(server.url, timeout_seconds=TIMEOUT).print_ticket(make_ticket("zh_Hans"))
    assert outcome.problem is PrinterProblem.TIMEOUT
    assert outcome.elapsed_s < TIMEOUT + 1


def test_printer_that_closes_mid_job_is_disconnected(
    fake_printer: Callable[..., FakePrinter], make_printer: Callable[..., TicketPrinter]
) -> None:
    server = fake_printer("close_after", rcvbuf=4096, read_limit=512)
    printer = make_printer(server.url, timeout_seconds=2.0)
    outcome = printer.print_ticket(big_ticket())
    assert server.finished.wait(5)  # its thread notes the end just after the reset
    assert outcome.status is PrintStatus.FAILED
    assert outcome.problem is PrinterProblem.DISCONNECTED
    assert outcome.elapsed_s < 2.0


def test_power_cycled_printer_prints_the_next_ticket(
    make_printer: Callable[..., TicketPrinter],
) -> None:
    # the printer is off (port closed), then back on the same port: no stale connection
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    url = f"tcp://127.0.0.1:{listener.getsockname()[1]}"
    printer = make_printer(url)
    try:
        assert printer.print_ticket(make_ticket()).problem is PrinterProblem.UNREACHABLE
        listener.listen(1)
        outcome = printer.print_ticket(make_ticket())
        conn, _ = listener.accept()
        conn.close()
    finally:
        listener.close()
    assert outcome.status is PrintStatus.PRINTED
