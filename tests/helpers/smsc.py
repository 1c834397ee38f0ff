"""SMSCs on 127.0.0.1 for the messenger's tests.

:class:`Smsc` is the PyPI ``smpp34`` server (a real SMPP 3.4 peer, Rust core) run
on its own asyncio loop in a thread: it records every ``submit_sm``, answers each
as the test's :attr:`Smsc.answer` decides (accept, reject with a status, or hold
and then drop the bind), and pushes delivery receipts and replies (``deliver_sm``).
``smpp34`` accepts every bind, so :class:`RefusingSmsc` is a small peer over a real
socket, built with ``smpplib``'s PDU classes, that answers each bind with an error.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
import struct
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

import smpp34
import smpplib.client
import smpplib.consts
import smpplib.gsm
import smpplib.smpp

ACCEPT = "accept"
HOLD = "hold"
"""No answer; the bind is dropped once :attr:`Smsc.drop_after_held` are held."""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass(frozen=True)
class Submit:
    destination: str
    data_coding: int
    esm_class: int
    short_message: bytes
    message_id: str | None
    at: float


def decode(data: bytes, coding: int) -> str:
    if coding == smpplib.consts.SMPP_ENCODING_ISO10646:
        return data.decode("utf-16-be")
    table = smpplib.gsm.GSM_CHARACTER_TABLE
    return "".join(table[b] for b in data if b != 0x1B)


def reassemble(submits: list[Submit]) -> list[tuple[str, str]]:
    """(destination, text) of each whole message: concatenated parts (UDH 00 03)
    joined in order."""
    whole: list[tuple[str, str]] = []
    groups: dict[tuple[str, int], dict[int, str]] = {}
    totals: dict[tuple[str, int], int] = {}
    for s in submits:
        data = s.short_message
        if s.esm_class & 0x40:
            header = data[: data[0] + 1]
            assert header[1:3] == b"\x00\x03", header  # 8-bit reference concatenation
            reference, total, index = header[3], header[4], header[5]
            key = (s.destination, reference)
            groups.setdefault(key, {})[index] = decode(data[len(header) :], s.data_coding)
            totals[key] = total
            if len(groups[key]) == total:
                whole.append((s.destination, "".join(groups[key][i] for i in range(1, total + 1))))
        else:
            whole.append((s.destination, decode(data, s.data_coding)))
    return whole


class Smsc:
    def __init__(self, port: int | None = None) -> None:
        self.port = port or free_port()
        self.submits: list[Submit] = []
        self.binds = 0
        self.answer: Callable[[Submit], int | str] = lambda _s: ACCEPT
        """ACCEPT, HOLD, or an SMPP error status to reject with."""
        self.drop_after_held = 1
        self._held: list[Any] = []
        self._esme: Any = None
        self._loop = asyncio.new_event_loop()
        self._server: Any = None
        self._changed = threading.Condition()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._thread.start()
        self._tasks: set[Any] = set()

    # -- life ------------------------------------------------------------------------------
    def start(self) -> Smsc:
        asyncio.run_coroutine_threadsafe(self._start(), self._loop).result(5)
        return self

    async def _start(self) -> None:
        self._server = smpp34.Server(host="127.0.0.1", port=self.port, system_id="TESTSMSC")
        await self._server.start()
        task = asyncio.ensure_future(self._serve(self._server))
        self._tasks.add(task)

    async def _serve(self, server: Any) -> None:
        while True:
            try:
                event = await server.next()
            except Exception:  # the server was stopped
                return
            if isinstance(event, smpp34.Esme):
                self._esme = event
                with self._changed:
                    self.binds += 1
                    self._changed.notify_all()
            elif isinstance(event, smpp34.SubmitSmEvent):
                await self._submit(event)

    async def _submit(self, event: Any) -> None:
        record = Submit(
            event.destination_addr,
            event.data_coding,
            event.esm_class,
            bytes(event.short_message),
            None,
            time.monotonic(),
        )
        decision = self.answer(record)
        if decision == ACCEPT:
            message_id = f"m{len(self.submits) + 1}"
            event.accept(message_id=message_id)
            record = replace(record, message_id=message_id)
        elif decision == HOLD:
            self._held.append(event)
            if len(self._held) >= self.drop_after_held and self._esme is not None:
                esme, self._esme = self._esme, None
                task = asyncio.ensure_future(self._drop(esme))
                self._tasks.add(task)
        else:
            event.reject(int(decision))
        with self._changed:
            self.submits.append(record)
            self._changed.notify_all()

    async def _drop(self, esme: Any) -> None:
        with contextlib.suppress(Exception):  # the ESME may go first
            await asyncio.wait_for(esme.unbind(), 3)
        self._held.clear()

    def stop(self) -> None:
        server, self._server = self._server, None
        if server is not None:
            asyncio.run_coroutine_threadsafe(self._stop(server), self._loop).result(5)

    @staticmethod
    async def _stop(server: Any) -> None:
        await server.stop()

    def close(self) -> None:
        self.stop()
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(5)

    # -- pushing ---------------------------------------------------------------------------
    def deliver(self, sender: str, text: str) -> None:
        """A customer's reply (UCS-2 when it is not plain ASCII)."""
        ascii_only = all(ord(ch) < 128 for ch in text)
        body = text.encode("ascii") if ascii_only else text.encode("utf-16-be")
        self._push(sender, body, esm_class=0, data_coding=0 if ascii_only else 8)

    def receipt(self, message_id: str, state: str = "DELIVRD") -> None:
        body = f"id:{message_id} sub:001 dlvrd:001 submit date:2611301000 done date:2611301000 stat:{state} err:000 text:".encode()
        self._push("BANK", body, esm_class=0x04, data_coding=0)

    def _push(self, sender: str, body: bytes, esm_class: int, data_coding: int) -> None:
        esme = self._esme
        assert esme is not None, "no ESME is bound"

        async def push() -> None:
            await esme.deliver_sm(
                destination_addr="BANK",
                short_message=body,
                source_addr=sender,
                esm_class=esm_class,
                data_coding=data_coding,
            )

        asyncio.run_coroutine_threadsafe(push(), self._loop)

    # -- waiting ---------------------------------------------------------------------------
    def wait_for(self, condition: Callable[[], bool], timeout: float = 10.0) -> None:
        deadline = time.monotonic() + timeout
        with self._changed:
            while not condition():
                left = deadline - time.monotonic()
                assert left > 0, "the SMSC did not see what the test waited for"
                self._changed.wait(left)

    def texts(self) -> list[tuple[str, str]]:
        return reassemble([s for s in self.submits if s.message_id is not None])


class RefusingSmsc:
    """Answers every bind with ``ESME_RBINDFAIL`` and closes; counts the attempts."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.attempts = 0
        self._listener = socket.create_server(("127.0.0.1", port))
        self._listener.settimeout(0.2)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                connection, _ = self._listener.accept()
            except TimeoutError:
                continue
            with connection:
                connection.settimeout(2)
                try:
                    length = struct.unpack(">L", connection.recv(4))[0]
                    raw = length.to_bytes(4, "big") + connection.recv(length - 4)
                except (OSError, struct.error):
                    continue
                peer = smpplib.client.SimpleSequenceGenerator()
                request = smpplib.smpp.parse_pdu(raw, client=peer)
                answer = smpplib.smpp.make_pdu(
                    "bind_transceiver_resp", client=peer, status=smpplib.consts.SMPP_ESME_RBINDFAIL
                )
                answer.sequence = request.sequence
                self.attempts += 1
                connection.sendall(answer.generate())

    def close(self) -> None:
        self._stop.set()
        self._thread.join(2)
        self._listener.close()
