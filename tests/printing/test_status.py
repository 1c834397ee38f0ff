"""``DLE EOT`` status: reply bytes, states, the query order, and serial/USB/one-way links."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import pytest

from kiosk.i18n import LOCALES, Catalogs
from kiosk.ticket import PrintStatus
from printing.job import TicketPrinter
from printing.outcome import PrinterProblem, customer_notice, problem_message
from printing.status import PrinterState, query_status, state_from_replies, valid_status_byte
from tests.helpers.printer import STATUS_BYTES
from tests.printing.devices import (
    FakeSerialPrinter,
    FakeUsbDevice,
    ScriptedPrinter,
    TwoWayUsbDevice,
    usb_factory,
)
from tests.printing.tickets import make_ticket


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        *[(0x12, True), (0x1A, True), (0x72, True), (0xFF, False), (0x00, False)],
        *[(0x13, False), (0x10, False), (0x02, False), (0x92, False)],
    ],
)
def test_fixed_bits_are_checked(value: int, valid: bool) -> None:
    assert valid_status_byte(value) is valid


@pytest.mark.parametrize(
    ("replies", "state"),
    [
        ({}, PrinterState.UNKNOWN),
        ({1: 0x12}, PrinterState.UNKNOWN),  # online, but the paper was not reported
        ({1: 0x12, 4: 0x12}, PrinterState.ONLINE),
        ({1: 0x12, 4: 0x1E}, PrinterState.PAPER_NEAR_END),
        ({1: 0x12, 4: 0x16}, PrinterState.PAPER_NEAR_END),  # one near-end bit is enough
        ({1: 0x12, 4: 0x72}, PrinterState.PAPER_OUT),
        ({1: 0x1A, 2: 0x16, 4: 0x72}, PrinterState.COVER_OPEN),
        ({1: 0x1A, 2: 0x32}, PrinterState.PAPER_OUT),
        ({1: 0x1A, 2: 0x12, 4: 0x72}, PrinterState.PAPER_OUT),
        ({1: 0x1A, 2: 0x52, 4: 0x12}, PrinterState.OFFLINE),
        ({1: 0x1A}, PrinterState.OFFLINE),  # offline, cause not reported
    ],
)
def test_state_from_reply_bytes(replies: dict[int, int], state: PrinterState) -> None:
    assert state_from_replies(replies) is state


class ScriptedLink:
    """A status link answering from :data:`STATUS_BYTES`; records what was asked."""

    def __init__(self, state: str, error: BaseException | None = None) -> None:
        self.state = state
        self.error = error
        self.asked: list[int] = []
        self.discards = 0
        self.timeouts: list[float] = []

    def send(self, data: bytes, timeout: float) -> None:
        if self.error is not None:
            raise self.error
        self.asked.append(data[2])

    def read_reply(self, timeout: float) -> bytes:
        self.timeouts.append(timeout)
        replies = STATUS_BYTES[self.state]
        return b"" if replies is None else bytes([replies[self.asked[-1]]])

    def discard_input(self) -> None:
        self.discards += 1


@pytest.mark.parametrize(
    ("state", "asked", "expected"),
    [
        ("online", [1, 4], PrinterState.ONLINE),
        ("near_end", [1, 4], PrinterState.PAPER_NEAR_END),
        ("paper_out", [1, 2, 4], PrinterState.PAPER_OUT),
        ("cover_open", [1, 2, 4], PrinterState.COVER_OPEN),
        ("offline", [1, 2, 4], PrinterState.OFFLINE),
        ("silent", [1], PrinterState.UNKNOWN),
        ("garbage", [1], PrinterState.UNKNOWN),
    ],
)
def test_query_order_and_state(state: str, asked: list[int], expected: PrinterState) -> None:
    link = ScriptedLink(state)
    report = query_status(link, time.monotonic() + 2, per_query=0.3)
    assert report.state is expected
    assert link.asked == asked
    assert link.discards == len(asked)  # stale input dropped before every question
    assert all(0 < t <= 0.3 for t in link.timeouts)
    assert [n for n, _ in report.replies] == asked
    if state == "garbage":
        assert report.replies == ((1, b"\xff"),)  # kept for diagnostics
        assert "garbled" in report.detail and "1:ff" in report.describe()
    if state == "silent":
        assert report.replies == ((1, b""),) and "no reply" in report.detail
        assert not report.answered


def test_an_error_on_the_link_is_unknown_not_raised() -> None:
    report = query_status(ScriptedLink("online", BrokenPipeError(32, "pipe")), time.monotonic() + 1)
    assert report.state is PrinterState.UNKNOWN
    assert "BrokenPipeError" in report.detail and isinstance(report.error, BrokenPipeError)


def test_no_time_left_is_unknown() -> None:
    link = ScriptedLink("online")
    report = query_status(link, time.monotonic() - 1)
    assert report.state is PrinterState.UNKNOWN and link.asked == []


def test_states_for_the_ui() -> None:
    printable = {s for s in PrinterState if s.can_print}
    staff = {s for s in PrinterState if s.needs_staff}
    assert printable == {PrinterState.ONLINE, PrinterState.PAPER_NEAR_END, PrinterState.UNKNOWN}
    assert staff == set(PrinterState) - {PrinterState.ONLINE, PrinterState.UNKNOWN}


@pytest.mark.parametrize("locale", LOCALES)
def test_every_state_has_one_plain_line(locale: str, catalogs: Catalogs) -> None:
    loc = catalogs.localizer(locale)
    lines = [problem_message(state, loc) for state in PrinterState]
    assert len(set(lines)) == len(PrinterState)
    assert all(line and "\n" not in line for line in lines)
    assert customer_notice(loc) and "\n" not in customer_notice(loc)
    # a state and a problem with the same value still get their own line
    assert problem_message(PrinterProblem.UNKNOWN, loc) != problem_message(
        PrinterState.UNKNOWN, loc
    )
    en = catalogs.localizer("en")
    assert problem_message(PrinterState.PAPER_NEAR_END, en) == (
        "The ticket printer is running out of paper."
    )
    assert problem_message(PrinterState.PAPER_OUT, en) == "The ticket printer is out of paper."


# -- serial, USB and one-way links through TicketPrinter ------------------------------------


def serial_factory(state: str | None, built: list[FakeSerialPrinter]) -> Callable[..., Any]:
    def factory(class_name: str, kwargs: dict[str, Any]) -> FakeSerialPrinter:
        built.append(FakeSerialPrinter(state, **kwargs))
        return built[-1]

    return factory


@pytest.mark.parametrize(
    ("state", "expected"),
    [
        ("near_end", PrinterState.PAPER_NEAR_END),
        ("cover_open", PrinterState.COVER_OPEN),
        ("silent", PrinterState.UNKNOWN),
        (None, PrinterState.UNKNOWN),  # a port that cannot be read
    ],
)
def test_serial_status(
    state: str | None, expected: PrinterState, make_printer: Callable[..., TicketPrinter]
) -> None:
    built: list[FakeSerialPrinter] = []
    url = "serial:///dev/ttyUSB0?baudrate=19200"
    printer = make_printer(url, factory=serial_factory(state, built))
    assert printer.check_status() is expected
    if state is not None:
        assert built[0].port.requests[0] == 1
        assert built[0].port.timeout is not None and built[0].port.timeout <= 0.5
    assert built[0]._device is False  # closed


def test_serial_paper_out_sends_nothing(make_printer: Callable[..., TicketPrinter]) -> None:
    built: list[FakeSerialPrinter] = []
    url = "serial:///dev/ttyUSB0"
    outcome = make_printer(url, factory=serial_factory("paper_out", built)).print_ticket(
        make_ticket()
    )
    assert outcome.status is PrintStatus.FAILED
    assert outcome.problem is PrinterProblem.PAPER_OUT
    assert outcome.state_before is PrinterState.PAPER_OUT
    assert outcome.bytes_sent == 0 and built[0].port.data == b""


def test_serial_near_end_prints_and_reports(make_printer: Callable[..., TicketPrinter]) -> None:
    built: list[FakeSerialPrinter] = []
    printer = make_printer("serial:///dev/ttyUSB0", factory=serial_factory("near_end", built))
    outcome = printer.print_ticket(make_ticket())
    expected, _ = printer.render_bytes(printer.layout(make_ticket()))
    assert outcome.printed
    assert (outcome.state_before, outcome.state_after) == (PrinterState.PAPER_NEAR_END,) * 2
    assert bytes(built[0].port.data) == expected
    assert built[0].port.requests == [1, 4, 1, 4]


def test_usb_status_reads_the_in_endpoint(make_printer: Callable[..., TicketPrinter]) -> None:
    device, built = TwoWayUsbDevice("near_end"), list[Any]()
    printer = make_printer(
        "usb://0x04b8:0x0e15?in_ep=0x81", timeout_seconds=2, factory=usb_factory(device, built)
    )
    outcome = printer.print_ticket(make_ticket("zh_Hant"))
    assert outcome.printed and outcome.state_after is PrinterState.PAPER_NEAR_END
    assert device.requests == [1, 4, 1, 4]
    assert {endpoint for endpoint, _ in device.reads} == {0x81}
    assert all(0 < timeout <= 2000 for _, timeout in device.reads)  # milliseconds, ≤ timeout
    expected, _ = printer.render_bytes(printer.layout(make_ticket("zh_Hant")))
    assert b"".join(data for _, data, _ in device.writes) == expected


def test_usb_that_never_answers_is_unknown(make_printer: Callable[..., TicketPrinter]) -> None:
    device = TwoWayUsbDevice("silent")
    printer = make_printer("usb://0x04b8:0x0e15", factory=usb_factory(device, []))
    assert printer.check_status() is PrinterState.UNKNOWN
    assert printer.last_status is not None and printer.last_status.replies == ((1, b""),)


def test_usb_without_a_readable_device_is_unknown(
    make_printer: Callable[..., TicketPrinter],
) -> None:
    printer = make_printer("usb://0x04b8:0x0e15", factory=usb_factory(FakeUsbDevice(), []))
    assert printer.check_status() is PrinterState.UNKNOWN


@pytest.mark.parametrize("url", ["file:///dev/usb/lp0", "cups://TM-T20II"])
def test_one_way_links_are_unknown_without_opening(
    url: str, make_printer: Callable[..., TicketPrinter]
) -> None:
    def factory(class_name: str, kwargs: dict[str, Any]) -> Any:
        raise AssertionError("a status check must not open a one-way link")

    assert make_printer(url, factory=factory).check_status() is PrinterState.UNKNOWN


def test_one_way_job_does_not_ask(make_printer: Callable[..., TicketPrinter]) -> None:
    device = ScriptedPrinter()
    outcome = make_printer("file:///dev/usb/lp0", factory=lambda n, k: device).print_ticket(
        make_ticket()
    )
    assert outcome.printed
    assert (outcome.state_before, outcome.state_after) == (None, None)


def test_preview_is_online(make_printer: Callable[..., TicketPrinter]) -> None:
    printer = make_printer("preview")
    assert printer.check_status() is PrinterState.ONLINE
    outcome = printer.print_ticket(make_ticket())
    assert (outcome.state_before, outcome.state_after) == (PrinterState.ONLINE,) * 2


def test_malformed_url_status_is_unreachable(make_printer: Callable[..., TicketPrinter]) -> None:
    assert make_printer("tcp://").check_status() is PrinterState.UNREACHABLE


def test_status_check_never_raises(make_printer: Callable[..., TicketPrinter]) -> None:
    def factory(class_name: str, kwargs: dict[str, Any]) -> Any:
        raise ValueError("bug")

    report = make_printer("tcp://printer:9100", factory=factory).status_report()
    assert report.state is PrinterState.UNKNOWN and "bug" in report.detail
