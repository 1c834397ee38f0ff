"""SMPP 3.4 through ``smpplib``: a transceiver bind, ``enquire_link`` while idle,
GSM 7-bit or UCS-2 (Chinese) with concatenated parts (UDH) for long texts,
delivery receipts requested and read, and replies (``deliver_sm``) handed over.

Each batch is written with a window of outstanding ``submit_sm``; a text whose
parts were all acknowledged is sent, one refused is failed (or retried when the
SMSC was only busy), and one written without an answer before the connection
dropped is *unknown*: it may have gone out, so it is never written again.
"""

from __future__ import annotations

import contextlib
import select
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote, urlsplit

import smpplib.client
import smpplib.consts
import smpplib.exceptions
import smpplib.gsm
import smpplib.smpp

from kiosk.messenger.gateways import (
    GatewayDown,
    Inbound,
    Outcome,
    Outgoing,
    Receipt,
    Reply,
    Submitted,
)

#: Busy answers: the SMSC took nothing, the text may be written again later.
_BUSY = frozenset({0x14, 0x58, 0x45})  # ESME_RMSGQFUL, ESME_RTHROTTLED, ESME_RSUBMITFAIL
WINDOW = 10
ENQUIRE_SECONDS = 30.0
ANSWER_SECONDS = 10.0
_RECEIPT_ESM = 0x04
_LINK_ERRORS = (smpplib.exceptions.ConnectionError, smpplib.exceptions.PDUError, OSError)


@dataclass
class _Pending:
    outbox_id: int
    parts: int
    ids: list[str]
    refused: str = ""
    busy: bool = False


def parse_receipt(text: str) -> Receipt | None:
    """``id:abc sub:001 dlvrd:001 … stat:DELIVRD err:000 text:…`` → id and state."""
    fields: dict[str, str] = {}
    for token in text.split():
        key, sep, value = token.partition(":")
        if sep and key.lower() in ("id", "stat"):
            fields[key.lower()] = value
    if "id" not in fields:
        return None
    return Receipt(fields["id"], fields.get("stat", "").upper())


def _text(value: Any) -> str:
    return value.decode("ascii", "replace") if isinstance(value, bytes) else str(value or "")


def decode_short_message(data: bytes, data_coding: int) -> str:
    if data_coding == smpplib.consts.SMPP_ENCODING_ISO10646:
        return data.decode("utf-16-be", "replace")
    if data_coding == smpplib.consts.SMPP_ENCODING_ISO88591:
        return data.decode("latin-1")
    table = smpplib.gsm.GSM_CHARACTER_TABLE
    return "".join(table[b] if b < len(table) else "?" for b in data if b != 0x1B)


class SmppGateway:
    name = "smpp"

    def __init__(self, host: str, port: int, system_id: str, password: str, sender: str) -> None:
        self.host, self.port = host, port
        self.system_id, self.password, self.sender = system_id, password, sender
        self._client: smpplib.client.Client | None = None
        self._last_traffic = 0.0
        self._inbound = Inbound()

    @classmethod
    def from_url(cls, url: str, sender: str) -> SmppGateway:
        parts = urlsplit(url)
        if not parts.hostname:
            raise GatewayDown(f"{parts.scheme}://…: no host")
        return cls(
            parts.hostname,
            parts.port or 2775,
            unquote(parts.username or ""),
            unquote(parts.password or ""),
            sender,
        )

    def __repr__(self) -> str:  # never the password
        return f"SmppGateway({self.system_id}@{self.host}:{self.port})"

    # -- connection ------------------------------------------------------------------------
    def open(self) -> None:
        if self._client is not None:
            return
        client = smpplib.client.Client(
            self.host, self.port, timeout=ANSWER_SECONDS, allow_unknown_opt_params=True
        )
        try:
            client.connect()
            client.bind_transceiver(system_id=self.system_id, password=self.password)
        except (smpplib.exceptions.ConnectionError, smpplib.exceptions.PDUError, OSError) as exc:
            self._drop(client)
            raise GatewayDown(f"{self.host}:{self.port}: {exc or 'no answer to the bind'}") from exc
        self._client = client
        self._last_traffic = time.monotonic()

    @staticmethod
    def _drop(client: smpplib.client.Client) -> None:
        try:
            if client._socket is not None:
                client._socket.close()
        except OSError:
            pass
        client._socket = None
        client.state = smpplib.consts.SMPP_CLIENT_STATE_CLOSED

    def close(self) -> None:
        client, self._client = self._client, None
        if client is None:
            return
        with contextlib.suppress(*_LINK_ERRORS):
            client.unbind()
        self._drop(client)

    def is_open(self) -> bool:
        return self._client is not None

    def _broken(self) -> None:
        if self._client is not None:
            self._drop(self._client)
        self._client = None

    # -- reading ---------------------------------------------------------------------------
    def _read(self, client: smpplib.client.Client) -> Any:
        """One PDU; answers ``deliver_sm`` and ``enquire_link`` itself and keeps what came."""
        pdu = client.read_pdu()
        self._last_traffic = time.monotonic()
        if pdu.command == "deliver_sm":
            self._deliver(client, pdu)
        elif pdu.command == "enquire_link":
            answer = smpplib.smpp.make_pdu("enquire_link_resp", client=client)
            answer.sequence = pdu.sequence
            client.send_pdu(answer)
        elif pdu.command == "unbind":
            answer = smpplib.smpp.make_pdu("unbind_resp", client=client)
            answer.sequence = pdu.sequence
            client.send_pdu(answer)
            raise smpplib.exceptions.ConnectionError("the SMSC unbound")
        return pdu

    def _deliver(self, client: smpplib.client.Client, pdu: Any) -> None:
        raw = pdu.short_message or b""
        if isinstance(raw, str):
            raw = raw.encode("latin-1", "replace")
        esm = int(pdu.esm_class or 0)
        if esm & _RECEIPT_ESM:
            receipt = parse_receipt(raw.decode("latin-1"))
            receipted = _text(getattr(pdu, "receipted_message_id", None))
            if receipt is not None:
                self._inbound.receipts.append(
                    Receipt(receipted or receipt.gateway_id, receipt.state)
                )
        else:
            text = decode_short_message(raw, int(pdu.data_coding or 0))
            self._inbound.replies.append(Reply(_text(pdu.source_addr), text))
        answer = smpplib.smpp.make_pdu("deliver_sm_resp", client=client)
        answer.sequence = pdu.sequence
        client.send_pdu(answer)

    def poll(self, timeout: float) -> Inbound:
        """Receipts and replies that came; keeps the bind alive with ``enquire_link``."""
        client = self._client
        if client is None:
            raise GatewayDown("not bound")
        try:
            deadline = time.monotonic() + timeout
            while True:
                wait = max(0.0, deadline - time.monotonic())
                readable, _, _ = select.select([client._socket], [], [], wait)
                if not readable:
                    break
                self._read(client)
                if time.monotonic() >= deadline:
                    break
            if time.monotonic() - self._last_traffic > ENQUIRE_SECONDS:
                client.send_pdu(smpplib.smpp.make_pdu("enquire_link", client=client))
                self._last_traffic = time.monotonic()
        except (smpplib.exceptions.ConnectionError, smpplib.exceptions.PDUError, OSError) as exc:
            self._broken()
            raise GatewayDown(str(exc) or "connection lost") from exc
        inbound, self._inbound = self._inbound, Inbound()
        return inbound

    # -- sending ---------------------------------------------------------------------------
    def submit(self, batch: Sequence[Outgoing]) -> list[Submitted]:
        client = self._client
        if client is None:
            return [Submitted(m.outbox_id, Outcome.RETRY, detail="not bound") for m in batch]
        pending: dict[int, _Pending] = {}
        by_sequence: dict[int, int] = {}
        written: set[int] = set()
        lost = ""
        try:
            for message in batch:
                parts, coding, esm = smpplib.gsm.make_parts(message.text)
                pending[message.outbox_id] = _Pending(message.outbox_id, len(parts), [])
                for part in parts:
                    while len(by_sequence) >= WINDOW:
                        self._answer(client, by_sequence, pending)
                    pdu = client.send_message(
                        source_addr_ton=smpplib.consts.SMPP_TON_ALNUM,
                        source_addr_npi=smpplib.consts.SMPP_NPI_UNK,
                        source_addr=self.sender,
                        dest_addr_ton=smpplib.consts.SMPP_TON_INTL,
                        dest_addr_npi=smpplib.consts.SMPP_NPI_ISDN,
                        destination_addr=message.to.lstrip("+"),
                        short_message=part,
                        data_coding=coding,
                        esm_class=esm,
                        registered_delivery=True,
                    )
                    written.add(message.outbox_id)
                    by_sequence[pdu.sequence] = message.outbox_id
            while by_sequence:
                self._answer(client, by_sequence, pending)
        except (
            TimeoutError,
            smpplib.exceptions.ConnectionError,
            smpplib.exceptions.PDUError,
            OSError,
        ) as exc:
            lost = str(exc) or "connection lost"
            self._broken()
        return [self._outcome(m.outbox_id, pending, written, lost) for m in batch]

    def _answer(
        self,
        client: smpplib.client.Client,
        by_sequence: dict[int, int],
        pending: dict[int, _Pending],
    ) -> None:
        pdu = self._read(client)
        if pdu.command not in ("submit_sm_resp", "generic_nack"):
            return
        outbox_id = by_sequence.pop(pdu.sequence, None)
        if outbox_id is None:
            return
        state = pending[outbox_id]
        status = int(pdu.status or 0)
        if status == 0 and pdu.command == "submit_sm_resp":
            state.ids.append(_text(pdu.message_id))
        elif status in _BUSY and not state.ids:
            state.busy = True
        else:
            description = smpplib.consts.DESCRIPTIONS.get(status, "error")
            state.refused = f"SMSC 0x{status:08x}: {description}"[:200]

    @staticmethod
    def _outcome(
        outbox_id: int, pending: dict[int, _Pending], written: set[int], lost: str
    ) -> Submitted:
        state = pending.get(outbox_id)
        if state is None or outbox_id not in written:
            return Submitted(outbox_id, Outcome.RETRY, detail=lost or "not written")
        ids = tuple(state.ids)
        if state.refused:
            return Submitted(outbox_id, Outcome.REFUSED, ids, state.refused)
        if state.busy and not ids:
            return Submitted(outbox_id, Outcome.RETRY, detail="SMSC busy")
        if len(ids) == state.parts:
            return Submitted(outbox_id, Outcome.SENT, ids)
        return Submitted(outbox_id, Outcome.UNKNOWN, ids, lost or "no answer from the SMSC")
