"""Printer URLs to python-escpos printer objects.

=============================================  =====================================
``preview``                                    ``Dummy``: bytes and PNG saved on disk
``tcp://host:port`` (port 9100 if left out)    ``Network(host, port, timeout)``
``usb://0x04b8:0x0e15[?in_ep=0x82&out_ep=1]``  ``Usb(idVendor, idProduct, timeout ms)``
``serial:///dev/ttyUSB0?baudrate=19200``       ``Serial(devfile, baudrate, timeout)``
``file:///dev/usb/lp0``                        ``File(devfile)``
``cups://queue``                               ``CupsPrinter(queue)`` (needs pycups)
=============================================  =====================================

Nothing is connected here: objects are built closed; :mod:`printing.job` opens
them per job. The device class is looked up through a factory so tests can
inject one without hardware.
"""

from __future__ import annotations

import enum
import gettext
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from kiosk.i18n import Localizer
from kiosk.settings import PrinterSection
from printing.escpos_env import escpos_module, escpos_printers


class ConfigReason(enum.StrEnum):
    SCHEME = "scheme"
    TCP = "tcp"
    USB = "usb"
    SERIAL = "serial"
    FILE = "file"
    CUPS = "cups"
    PROFILE = "profile"
    MISSING_LIBRARY = "missing_library"


_PACKAGES = {"Usb": "pyusb", "Serial": "pyserial", "CupsPrinter": "pycups"}


def _english() -> Localizer:
    return Localizer("en", gettext.NullTranslations())


class PrinterConfigError(Exception):
    """The printer URL or profile cannot be used. ``str()`` is one translated line."""

    def __init__(
        self, reason: ConfigReason, url: str, detail: str = "", loc: Localizer | None = None
    ) -> None:
        self.reason = reason
        self.url = url
        self.detail = detail
        super().__init__(self.message(loc or _english()))

    def message(self, loc: Localizer) -> str:
        url, detail = self.url, self.detail
        match self.reason:
            case ConfigReason.TCP:
                text = loc.tr("The printer address {url} needs a host and a port, e.g. {example}.")
                return text.format(url=url, example="tcp://192.168.1.50:9100")
            case ConfigReason.USB:
                text = loc.tr(
                    "The printer address {url} needs a vendor and product ID, e.g. {example}."
                )
                return text.format(url=url, example="usb://0x04b8:0x0e15")
            case ConfigReason.SERIAL:
                text = loc.tr(
                    "The printer address {url} needs a device and valid settings, e.g. {example}."
                )
                return text.format(url=url, example="serial:///dev/ttyUSB0?baudrate=19200")
            case ConfigReason.FILE:
                text = loc.tr("The printer address {url} needs a file path, e.g. {example}.")
                return text.format(url=url, example="file:///dev/usb/lp0")
            case ConfigReason.CUPS:
                text = loc.tr("The printer address {url} needs a print queue name, e.g. {example}.")
                return text.format(url=url, example="cups://TM-T20II")
            case ConfigReason.PROFILE:
                return loc.tr("The printer profile {profile} is not known.").format(profile=detail)
            case ConfigReason.MISSING_LIBRARY:
                text = loc.tr(
                    "The printer address {url} needs the {package} package, which is not installed."
                )
                return text.format(url=url, package=detail)
            case _:
                text = loc.tr("The printer address {url} must start with {schemes}.")
                schemes = "preview, tcp://, usb://, serial://, file://, cups://"
                return text.format(url=url, schemes=schemes)


@dataclass(frozen=True)
class PrinterTarget:
    """A parsed printer URL: which python-escpos class to build, with which arguments."""

    kind: str
    """preview, tcp, usb, serial, file or cups."""
    class_name: str
    kwargs: dict[str, Any] = field(default_factory=dict)


DeviceFactory = Callable[[str, dict[str, Any]], Any]
"""``(class_name, kwargs) -> Escpos``: builds the printer object (injectable in tests)."""


def _int(value: str) -> int:
    return int(value, 0)


def _hex(value: str) -> int:
    return int(value, 16)


def _bool(value: str) -> bool:
    lowered = value.strip().lower()
    if lowered in ("1", "true", "yes", "on"):
        return True
    if lowered in ("0", "false", "no", "off"):
        return False
    raise ValueError(value)


_SERIAL_OPTIONS: dict[str, Callable[[str], Any]] = {
    "baudrate": int,
    "bytesize": int,
    "parity": lambda v: {"N": "N", "E": "E", "O": "O", "M": "M", "S": "S"}[v.upper()],
    "stopbits": lambda v: {"1": 1, "1.5": 1.5, "2": 2}[v],
    "xonxoff": _bool,
    "dsrdtr": _bool,
}


def parse_printer_url(url: str, printer: PrinterSection) -> PrinterTarget:
    """Parse ``url``; raise :class:`PrinterConfigError` when it is malformed."""
    text = url.strip()
    profile = {"profile": printer.profile}
    if text == "preview":
        return PrinterTarget("preview", "Dummy", profile)
    try:
        parts = urlsplit(text)
        scheme = parts.scheme.lower()
        query = dict(
            parse_qsl(parts.query, keep_blank_values=True, strict_parsing=bool(parts.query))
        )
    except ValueError:
        raise PrinterConfigError(ConfigReason.SCHEME, url) from None
    if scheme == "tcp":
        try:
            host, port = parts.hostname, parts.port
        except ValueError:
            raise PrinterConfigError(ConfigReason.TCP, url) from None
        port = 9100 if port is None else port
        if not host or not port or parts.path not in ("", "/") or query or parts.username:
            raise PrinterConfigError(ConfigReason.TCP, url)
        args = {"host": host, "port": port, "timeout": printer.timeout_seconds}
        return PrinterTarget("tcp", "Network", args | profile)
    if scheme == "usb":
        try:
            vendor, product = (_hex(p) for p in parts.netloc.split(":"))
            endpoints: dict[str, int] = {
                k: _int(query.pop(k)) for k in ("in_ep", "out_ep") if k in query
            }
        except ValueError:
            raise PrinterConfigError(ConfigReason.USB, url) from None
        if not (0 < vendor <= 0xFFFF and 0 < product <= 0xFFFF) or query or parts.path:
            raise PrinterConfigError(ConfigReason.USB, url)
        timeout_ms = max(1, round(printer.timeout_seconds * 1000))
        args = {"idVendor": vendor, "idProduct": product, "timeout": timeout_ms, **endpoints}
        return PrinterTarget("usb", "Usb", args | profile)
    if scheme == "serial":
        try:
            options = {key: _SERIAL_OPTIONS[key](value) for key, value in query.items()}
        except (KeyError, ValueError):
            raise PrinterConfigError(ConfigReason.SERIAL, url) from None
        if parts.netloc or not parts.path.startswith("/") or options.get("baudrate", 1) <= 0:
            raise PrinterConfigError(ConfigReason.SERIAL, url)
        args = {"devfile": parts.path, "timeout": printer.timeout_seconds, **options}
        return PrinterTarget("serial", "Serial", args | profile)
    if scheme == "file":
        if parts.netloc not in ("", "localhost") or not parts.path.startswith("/") or query:
            raise PrinterConfigError(ConfigReason.FILE, url)
        return PrinterTarget("file", "File", {"devfile": parts.path} | profile)
    if scheme == "cups":
        queue = parts.netloc or parts.path.strip("/")
        if not queue or "/" in queue or query:
            raise PrinterConfigError(ConfigReason.CUPS, url)
        return PrinterTarget("cups", "CupsPrinter", {"printer_name": queue} | profile)
    raise PrinterConfigError(ConfigReason.SCHEME, url)


def escpos_factory(class_name: str, kwargs: dict[str, Any]) -> Any:
    """Build ``escpos.printer.<class_name>(**kwargs)``, checking its library is installed."""
    printers = escpos_printers()
    cls = getattr(printers, class_name, None)
    if cls is None or not cls.is_usable():
        package = _PACKAGES.get(class_name, "python-escpos")
        raise PrinterConfigError(ConfigReason.MISSING_LIBRARY, "", package)
    return cls(**kwargs)


def known_profile(name: str) -> bool:
    profiles = escpos_module("capabilities").CAPABILITIES["profiles"]
    return name in profiles


def open_printer(
    url: str,
    printer: PrinterSection,
    data_dir: Path,
    factory: DeviceFactory | None = None,
    loc: Localizer | None = None,
) -> Any:
    """A closed python-escpos ``Escpos`` for ``url`` (connected on first use).

    ``data_dir`` is where the preview printer's output goes (see
    :func:`printing.preview.save_preview`, called by :mod:`printing.job`).
    Raises :class:`PrinterConfigError` (message in ``loc``'s language) for a
    malformed URL, an unknown profile or a missing library.
    """
    del data_dir  # the job writes preview files; kept for a uniform signature
    try:
        target = parse_printer_url(url, printer)
        if not known_profile(printer.profile):
            raise PrinterConfigError(ConfigReason.PROFILE, url, printer.profile)
        return (factory or escpos_factory)(target.class_name, dict(target.kwargs))
    except PrinterConfigError as exc:
        raise PrinterConfigError(exc.reason, url, exc.detail, loc) from None
