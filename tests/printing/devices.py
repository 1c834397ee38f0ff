"""Injected printer devices for the tests: USB, serial, and scripted ones.

The USB and serial fakes can also be two-way (``state=...``): they answer
``DLE EOT n`` like the TCP fake printer, keeping status requests apart from
the job bytes.
"""

from __future__ import annotations

import threading
import types
from collections.abc import Callable
from typing import Any

from printing.escpos_env import escpos_printers
from tests.helpers.printer import DLE_EOT, STATUS_BYTES


class StatusAnswers:
    """Answers status requests written to it, in ``state`` (``None``: a one-way device)."""

    def __init__(self, state: str | None = None) -> None:
        self.state = state
        self.requests: list[int] = []
        self.pending = bytearray()

    def is_request(self, data: bytes) -> bool:
        if len(data) != 3 or data[:2] != DLE_EOT or self.state is None:
            return False
        self.requests.append(data[2])
        replies = STATUS_BYTES[self.state]
        if replies is not None:
            self.pending.append(replies[data[2]])
        return True


class USBTimeoutError(Exception):
    """Named like pyusb's, which is not installed here."""


class FakeUsbDevice(StatusAnswers):
    """Stands in for a pyusb device: records bulk writes (job bytes only); cannot be read."""

    def __init__(self, state: str | None = None) -> None:
        super().__init__(state)
        self.writes: list[tuple[int, bytes, int]] = []
        self.reads: list[tuple[int, int]] = []

    def write(self, endpoint: int, data: bytes, timeout: int) -> int:
        if not self.is_request(bytes(data)):
            self.writes.append((endpoint, bytes(data), timeout))
        return len(data)


class TwoWayUsbDevice(FakeUsbDevice):
    """A pyusb device that can also be read (bulk IN), answering in ``state``."""

    def __init__(self, state: str = "online") -> None:
        super().__init__(state)

    def read(self, endpoint: int, size: int, timeout: int) -> bytes:
        self.reads.append((endpoint, timeout))
        if not self.pending:
            raise USBTimeoutError("Operation timed out")
        data = bytes(self.pending[:size])
        del self.pending[:size]
        return data


def usb_factory(device: FakeUsbDevice, built: list[Any]) -> Callable[[str, dict[str, Any]], Any]:
    """The real python-escpos ``Usb`` class, with ``open``/``close`` swapped python-escpos style."""

    def factory(class_name: str, kwargs: dict[str, Any]) -> Any:
        usb_class = escpos_printers().Usb
        printer = usb_class.__new__(usb_class)
        usb_class.__init__(printer, **kwargs)

        def fake_open(self: Any, raise_not_found: bool = True) -> None:
            self.device = device

        def fake_close(self: Any) -> None:
            self._device = False

        printer.open = types.MethodType(fake_open, printer)
        printer.close = types.MethodType(fake_close, printer)
        built.append(printer)
        return printer

    return factory


class FakeSerialPort(StatusAnswers):
    """Shaped like a pyserial ``Serial`` port; ``read`` returns at once (no real waiting)."""

    def __init__(self, state: str | None = None) -> None:
        super().__init__(state)
        self.data = bytearray()
        self.write_timeout: float | None = None
        self.timeout: float | None = None

    def write(self, data: bytes) -> int:
        if not self.is_request(bytes(data)):
            self.data += data
        return len(data)

    def read(self, size: int = 1) -> bytes:
        data = bytes(self.pending[:size])
        del self.pending[:size]
        return data

    def reset_input_buffer(self) -> None:
        self.pending.clear()


class FakeSerialPrinter:
    """Shaped like python-escpos ``Serial`` (which needs pyserial, not installed here)."""

    def __init__(self, state: str | None = None, **kwargs: Any) -> None:
        self.kwargs = kwargs
        self.timeout = kwargs["timeout"]
        self.port = FakeSerialPort(state)
        self._device: Any = False

    def open(self) -> None:
        self._device = self.port

    def _raw(self, msg: bytes) -> None:
        self._device.write(msg)

    def close(self) -> None:
        self._device = False


class ScriptedPrinter:
    """A device whose ``open``/``_raw`` follow a script: fail, block, or accept.

    ``open_errors`` are raised by the first ``open()`` calls, one each.
    """

    def __init__(
        self,
        fail_after: int | None = None,
        error: BaseException | None = None,
        open_errors: tuple[BaseException, ...] = (),
    ) -> None:
        self.fail_after = fail_after
        self.error = error
        self.open_errors = list(open_errors)
        self.release = threading.Event()
        self.block = False
        self.opens = 0
        self.raws = 0
        self.closed = threading.Event()

    def open(self) -> None:
        self.opens += 1
        if self.open_errors:
            raise self.open_errors.pop(0)

    def _raw(self, msg: bytes) -> None:
        self.raws += 1
        if self.block:
            self.release.wait(5)
        if self.fail_after is not None and self.raws > self.fail_after and self.error:
            raise self.error

    def close(self) -> None:
        self.closed.set()
