"""Printer URLs: the right python-escpos class with the right arguments, or a clear error."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kiosk.i18n import Catalogs
from kiosk.settings import PrinterSection
from printing.backends import (
    ConfigReason,
    PrinterConfigError,
    escpos_factory,
    open_printer,
    parse_printer_url,
)
from printing.escpos_env import escpos_printers

SECTION = PrinterSection(url="preview", profile="TM-T20II", paper_dots=576, timeout_seconds=2.5)


class Recorder:
    """A device factory that records what it was asked to build."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, dict[str, Any]]] = []

    def __call__(self, class_name: str, kwargs: dict[str, Any]) -> Any:
        self.calls.append((class_name, kwargs))
        return escpos_printers().Dummy(profile=kwargs.get("profile"))


@pytest.mark.parametrize(
    ("url", "class_name", "expected"),
    [
        ("preview", "Dummy", {}),
        ("tcp://192.168.1.50:9100", "Network", {"host": "192.168.1.50", "port": 9100}),
        ("tcp://printer.lan", "Network", {"host": "printer.lan", "port": 9100}),
        ("tcp://[::1]:9101", "Network", {"host": "::1", "port": 9101}),
        ("usb://0x04b8:0x0e15", "Usb", {"idVendor": 0x04B8, "idProduct": 0x0E15}),
        ("usb://04b8:0202?out_ep=0x03&in_ep=0x81", "Usb", {"out_ep": 3, "in_ep": 0x81}),
        ("serial:///dev/ttyUSB0?baudrate=19200", "Serial", {"devfile": "/dev/ttyUSB0"}),
        ("serial:///dev/ttyS1?baudrate=9600&parity=e&dsrdtr=no", "Serial", {"dsrdtr": False}),
        ("file:///dev/usb/lp0", "File", {"devfile": "/dev/usb/lp0"}),
        ("cups://TM-T20II", "CupsPrinter", {"printer_name": "TM-T20II"}),
    ],
)
def test_url_picks_class_and_arguments(url: str, class_name: str, expected: dict[str, Any]) -> None:
    recorder = Recorder()
    open_printer(url, SECTION, Path("/nonexistent"), factory=recorder)
    [(built, kwargs)] = recorder.calls
    assert built == class_name
    assert kwargs["profile"] == "TM-T20II"
    assert expected.items() <= kwargs.items()


def test_timeouts_reach_every_transport() -> None:
    def kwargs(url: str) -> dict[str, Any]:
        return parse_printer_url(url, SECTION).kwargs

    assert kwargs("tcp://10.0.0.9:9100")["timeout"] == 2.5
    assert kwargs("usb://0x04b8:0x0e15")["timeout"] == 2500  # milliseconds for pyusb
    assert kwargs("serial:///dev/ttyUSB0?baudrate=19200")["timeout"] == 2.5
    assert kwargs("serial:///dev/ttyUSB0?baudrate=19200")["baudrate"] == 19200


def test_network_printer_gets_the_configured_timeout_not_60s() -> None:
    printer = open_printer("tcp://127.0.0.1:9", SECTION, Path("/nonexistent"))
    assert type(printer).__name__ == "Network"
    assert printer.timeout == 2.5
    assert printer.host == "127.0.0.1" and printer.port == 9


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("lpt://1", ConfigReason.SCHEME),
        ("tcp://", ConfigReason.TCP),
        ("tcp://host:notaport", ConfigReason.TCP),
        ("tcp://host:70000", ConfigReason.TCP),
        ("tcp://host:0", ConfigReason.TCP),
        ("tcp://host:9100/queue", ConfigReason.TCP),
        ("usb://04b8", ConfigReason.USB),
        ("usb://xyz:0e15", ConfigReason.USB),
        ("usb://0x04b8:0x0e15?out_ep=zz", ConfigReason.USB),
        ("usb://0x04b8:0x0e15?colour=red", ConfigReason.USB),
        ("serial://", ConfigReason.SERIAL),
        ("serial:///dev/ttyUSB0?baudrate=fast", ConfigReason.SERIAL),
        ("serial:///dev/ttyUSB0?speed=9600", ConfigReason.SERIAL),
        ("file://", ConfigReason.FILE),
        ("file://otherhost/dev/lp0", ConfigReason.FILE),
        ("cups://", ConfigReason.CUPS),
    ],
)
def test_malformed_urls(url: str, reason: ConfigReason) -> None:
    with pytest.raises(PrinterConfigError) as caught:
        open_printer(url, SECTION, Path("/nonexistent"), factory=Recorder())
    assert caught.value.reason is reason
    assert url in str(caught.value)
    assert "\n" not in str(caught.value)


def test_error_message_is_in_the_given_language(catalogs: Catalogs) -> None:
    loc = catalogs.localizer("zh_Hant")
    translated: list[str] = []
    original_tr = loc.tr

    def spy(message: str) -> str:
        translated.append(message)
        return original_tr(message)

    loc.tr = spy  # type: ignore[method-assign]
    try:
        with pytest.raises(PrinterConfigError):
            open_printer("tcp://", SECTION, Path("/x"), factory=Recorder(), loc=loc)
    finally:
        del loc.tr
    assert translated and "{url}" in translated[0]


def test_unknown_profile_is_a_config_error() -> None:
    section = PrinterSection(url="tcp://127.0.0.1:9100", profile="No-Such-Printer")
    with pytest.raises(PrinterConfigError) as caught:
        open_printer(section.url, section, Path("/x"), factory=Recorder())
    assert caught.value.reason is ConfigReason.PROFILE
    assert "No-Such-Printer" in str(caught.value)


def test_missing_library_is_a_config_error() -> None:
    if escpos_printers().Serial.is_usable():
        pytest.skip("pyserial is installed")
    with pytest.raises(PrinterConfigError) as caught:
        open_printer("serial:///dev/ttyUSB0", SECTION, Path("/x"))
    assert caught.value.reason is ConfigReason.MISSING_LIBRARY
    assert "pyserial" in str(caught.value)


def test_default_factory_builds_real_classes(monkeypatch: pytest.MonkeyPatch) -> None:
    usb_class = escpos_printers().Usb
    monkeypatch.setattr(usb_class, "is_usable", staticmethod(lambda: True))
    usb = escpos_factory("Usb", {"idVendor": 0x04B8, "idProduct": 0x0E15, "timeout": 3000})
    assert type(usb) is usb_class
    assert usb.usb_args == {"idVendor": 0x04B8, "idProduct": 0x0E15}
    assert usb.timeout == 3000
    assert usb._device is False  # nothing is opened before a job
    usb.close = lambda: None  # its real close() needs pyusb, and runs on garbage collection


def test_usb_without_pyusb_is_a_config_error() -> None:
    if escpos_printers().Usb.is_usable():
        pytest.skip("pyusb is installed")
    with pytest.raises(PrinterConfigError) as caught:
        open_printer("usb://0x04b8:0x0e15", SECTION, Path("/x"))
    assert caught.value.reason is ConfigReason.MISSING_LIBRARY
    assert "pyusb" in str(caught.value) and "usb://0x04b8:0x0e15" in str(caught.value)
