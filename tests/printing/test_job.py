"""Print jobs through injected devices (USB, serial, stuck and broken ones) and error mapping."""

from __future__ import annotations

import socket
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from kiosk.i18n import LOCALES, Catalogs
from kiosk.ticket import PrintStatus
from printing.backends import ConfigReason, PrinterConfigError, escpos_factory
from printing.escpos_env import escpos_module
from printing.job import GRACE_S, TicketPrinter
from printing.layout import TextBlock
from printing.outcome import PrinterProblem, classify, problem_message
from tests.printing.devices import (
    FakeSerialPrinter,
    FakeUsbDevice,
    ScriptedPrinter,
    usb_factory,
)
from tests.printing.escpos_bytes import qr_payloads
from tests.printing.tickets import big_ticket, make_ticket


def test_usb_printer_gets_the_ticket(make_printer: Callable[..., TicketPrinter]) -> None:
    device, built = FakeUsbDevice(), list[Any]()
    printer = make_printer(
        "usb://0x04b8:0x0e15?out_ep=0x02", timeout_seconds=2, factory=usb_factory(device, built)
    )
    outcome = printer.print_ticket(make_ticket("zh_Hans"))

    assert outcome.status is PrintStatus.PRINTED
    [usb] = built
    assert type(usb).__name__ == "Usb"
    assert usb.usb_args == {"idVendor": 0x04B8, "idProduct": 0x0E15}
    expected, _ = printer.render_bytes(printer.layout(make_ticket("zh_Hans")))
    assert b"".join(data for _, data, _ in device.writes) == expected
    assert {endpoint for endpoint, _, _ in device.writes} == {0x02}
    assert all(0 < timeout <= 2000 for _, _, timeout in device.writes)  # milliseconds
    assert usb._device is False  # closed after the job


def test_serial_url_reaches_a_serial_printer(make_printer: Callable[..., TicketPrinter]) -> None:
    built: list[tuple[str, FakeSerialPrinter]] = []

    def factory(class_name: str, kwargs: dict[str, Any]) -> FakeSerialPrinter:
        built.append((class_name, FakeSerialPrinter(**kwargs)))
        return built[-1][1]

    printer = make_printer("serial:///dev/ttyUSB0?baudrate=19200", factory=factory)
    outcome = printer.print_ticket(make_ticket())

    assert outcome.printed
    [(class_name, serial)] = built
    assert class_name == "Serial"
    assert serial.kwargs["devfile"] == "/dev/ttyUSB0"
    assert serial.kwargs["baudrate"] == 19200
    assert serial.port.write_timeout is not None and serial.port.write_timeout <= 0.5
    assert b"A023" in serial.port.data


@pytest.fixture
def stuck_socket() -> Iterator[socket.socket]:
    """One end of a socket pair whose other end never reads; small buffers."""
    near, far = socket.socketpair()
    near.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 4096)
    far.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    yield near
    near.close()
    far.close()


def test_send_that_blocks_times_out(
    stuck_socket: socket.socket, make_printer: Callable[..., TicketPrinter]
) -> None:
    class SocketPrinter:
        timeout: float = 60.0
        _device: Any = None

        def open(self) -> None:
            self._device = stuck_socket
            stuck_socket.settimeout(self.timeout)

        def _raw(self, msg: bytes) -> None:
            self._device.sendall(msg)

        def close(self) -> None:
            self._device = None

    printer = make_printer("tcp://printer:9100", factory=lambda name, kwargs: SocketPrinter())
    outcome = printer.print_ticket(big_ticket())
    assert outcome.problem is PrinterProblem.TIMEOUT
    assert 0 < outcome.bytes_sent < 50_000
    assert outcome.elapsed_s < 0.5 + GRACE_S + 0.3


def test_a_write_that_never_returns_still_returns_in_time(
    make_printer: Callable[..., TicketPrinter],
) -> None:
    device = ScriptedPrinter()
    device.block = True  # like a write() to /dev/usb/lp0 of a printer that is off
    printer = make_printer("file:///dev/usb/lp0", factory=lambda name, kwargs: device)
    outcome = printer.print_ticket(make_ticket())
    device.release.set()
    assert outcome.problem is PrinterProblem.TIMEOUT
    assert outcome.elapsed_s < 0.5 + GRACE_S + 0.3
    assert device.closed.wait(2)  # the helper thread closes it once the write returns


def test_a_failed_job_is_never_retried(make_printer: Callable[..., TicketPrinter]) -> None:
    device = ScriptedPrinter(fail_after=1, error=BrokenPipeError(32, "Broken pipe"))
    printer = make_printer("tcp://printer:9100", factory=lambda name, kwargs: device)
    outcome = printer.print_ticket(big_ticket())
    assert outcome.problem is PrinterProblem.DISCONNECTED
    assert outcome.bytes_sent == 4096
    assert (device.opens, device.raws) == (1, 2)
    assert device.closed.is_set()


@pytest.mark.parametrize(
    "factory_error",
    [ValueError("bug"), KeyError("bug"), RuntimeError("bug")],
)
def test_unexpected_errors_never_escape(
    factory_error: Exception, make_printer: Callable[..., TicketPrinter]
) -> None:
    def factory(name: str, kwargs: dict[str, Any]) -> Any:
        raise factory_error

    outcome = make_printer("tcp://printer:9100", factory=factory).print_ticket(make_ticket())
    assert outcome.status is PrintStatus.FAILED
    assert outcome.problem is PrinterProblem.UNKNOWN


@pytest.mark.parametrize("url", ["tcp://", "lpt://1", "usb://nonsense"])
def test_bad_configuration_is_reported_not_raised(
    url: str, make_printer: Callable[..., TicketPrinter]
) -> None:
    outcome = make_printer(url).print_ticket(make_ticket())
    assert outcome.problem is PrinterProblem.CONFIG


def test_unknown_profile_is_reported(make_printer: Callable[..., TicketPrinter]) -> None:
    outcome = make_printer("preview", profile="No-Such-Printer").print_ticket(make_ticket())
    assert outcome.problem is PrinterProblem.CONFIG


def _device_not_found(cause: BaseException) -> BaseException:
    """A DeviceNotFoundError raised while handling ``cause``, as python-escpos raises it."""
    error_class = escpos_module("exceptions").DeviceNotFoundError
    error: BaseException = error_class("Could not open socket")
    error.__context__ = cause
    return error


class USBTimeoutError(Exception):
    """Named like pyusb's, which may not be installed."""


@pytest.mark.parametrize(
    ("error", "opened", "problem"),
    [
        (ConnectionRefusedError(111, "refused"), False, PrinterProblem.UNREACHABLE),
        (TimeoutError("timed out"), False, PrinterProblem.TIMEOUT),
        (TimeoutError(), True, PrinterProblem.TIMEOUT),
        (BrokenPipeError(32, "pipe"), True, PrinterProblem.DISCONNECTED),
        (ConnectionResetError(104, "reset"), True, PrinterProblem.DISCONNECTED),
        (OSError(113, "no route"), False, PrinterProblem.UNREACHABLE),
        (OSError(5, "I/O error"), True, PrinterProblem.DISCONNECTED),
        (PermissionError(13, "denied"), False, PrinterProblem.CONFIG),
        (PrinterConfigError(ConfigReason.TCP, "tcp://"), False, PrinterProblem.CONFIG),
        (RuntimeError("requires pyusb to be installed"), False, PrinterProblem.CONFIG),
        (USBTimeoutError(), True, PrinterProblem.TIMEOUT),
        (ValueError("bug"), True, PrinterProblem.UNKNOWN),
    ],
)
def test_exceptions_map_to_problems(
    error: BaseException, opened: bool, problem: PrinterProblem
) -> None:
    assert classify(error, opened) is problem


def test_device_not_found_is_unreachable_or_timeout() -> None:
    refused = _device_not_found(ConnectionRefusedError(111, "refused"))
    silent = _device_not_found(TimeoutError("timed out"))
    assert classify(refused, False) is PrinterProblem.UNREACHABLE
    assert classify(silent, False) is PrinterProblem.TIMEOUT
    image_error = escpos_module("exceptions").ImageWidthError("600 > 512")
    assert classify(image_error, True) is PrinterProblem.CONFIG


@pytest.mark.parametrize("locale", LOCALES)
def test_every_problem_has_one_plain_line(locale: str, catalogs: Catalogs) -> None:
    loc = catalogs.localizer(locale)
    lines = [problem_message(problem, loc) for problem in PrinterProblem]
    assert len(set(lines)) == len(PrinterProblem)
    assert all(line and "\n" not in line for line in lines)
    assert problem_message(PrinterProblem.TIMEOUT, catalogs.localizer("en")) == (
        "The ticket printer is not answering."
    )


def test_test_page_has_a_ticket_in_each_language(
    make_printer: Callable[..., TicketPrinter], tmp_path: Path
) -> None:
    printer = make_printer("preview", profile="TM-T20II", paper_dots=576)
    outcome = printer.print_test_page("Harbour Branch")
    assert outcome.printed
    data = (tmp_path / "printer-preview" / "TEST.bin").read_bytes()
    payloads = qr_payloads(data)
    assert len(payloads) == 3 and len(set(payloads)) == 3
    assert b"preview" in data and b"TM-T20II" in data and b"576" in data
    assert data.count(b"Harbour Branch") == 3
    assert outcome.preview_png is not None and outcome.preview_png.exists()


def test_default_factory_is_python_escpos(make_printer: Callable[..., TicketPrinter]) -> None:
    assert make_printer()._factory is escpos_factory


def test_any_layout_can_be_printed(
    make_printer: Callable[..., TicketPrinter], tmp_path: Path
) -> None:
    blocks = [TextBlock("What to bring", bold=True), TextBlock("护照（原件）", bullet=True)]
    outcome = make_printer("preview").print_blocks(blocks, "A-list")
    assert outcome.printed
    assert outcome.preview_png == tmp_path / "printer-preview" / "A-list.png"
    assert b"What to bring" in (tmp_path / "printer-preview" / "A-list.bin").read_bytes()


def test_warming_up_a_language_loads_that_language_only(
    make_printer: Callable[..., TicketPrinter],
) -> None:
    """The kiosk warms a language when its first customer arrives: the Chinese faces (≈13 MiB each)
    must wait until a customer chooses Chinese."""
    from printing.raster import load_font

    printer = make_printer()
    load_font.cache_clear()
    printer.warm_up(("en",))
    assert load_font.cache_info().currsize == 0
    printer.warm_up(("zh_Hant",))
    assert load_font.cache_info().currsize > 0
