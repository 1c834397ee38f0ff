"""Gateways the messenger sends through, chosen by URL (the ``sms.gateway`` setting):

- ``log`` / ``file:///path``: each text appended as a JSON line to a file (the
  number masked), for a demo and for the admin panel to show;
- ``http(s)://…``: a JSON POST per text, for a cloud SMS provider, with a body
  template (``sms.http_template``);
- ``smpp://user:pass@host:port``: SMPP 3.4 (:mod:`kiosk.messenger.smpp`).

Every gateway answers each text of a batch with one :class:`Submitted` (sent,
refused, to retry, or unknown) and hands over what arrived (delivery receipts and
replies) from :meth:`Gateway.poll`.
"""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Protocol
from urllib.parse import urlsplit

from kiosk.phone import mask
from kiosk.settings import Settings


class GatewayDown(Exception):
    """The gateway cannot be reached or refused the connection (the relay backs off)."""


class Outcome(StrEnum):
    SENT = "sent"
    REFUSED = "failed"
    """The gateway refused it for good (a wrong number…): not tried again."""
    RETRY = "retry"
    """It certainly did not go out (never written, or the gateway said busy): queue again."""
    UNKNOWN = "unknown"
    """Written, but no answer came: it may have gone out, so it is never sent again."""


@dataclass(frozen=True)
class Outgoing:
    outbox_id: int
    to: str
    """E.164."""
    text: str


@dataclass(frozen=True)
class Submitted:
    outbox_id: int
    outcome: Outcome
    ids: tuple[str, ...] = ()
    """The gateway's id of each part."""
    detail: str = ""


@dataclass(frozen=True)
class Receipt:
    gateway_id: str
    state: str
    """DELIVRD, UNDELIV, EXPIRED, REJECTD…"""


@dataclass(frozen=True)
class Reply:
    sender: str
    """As the gateway gives it (digits, maybe without ``+``)."""
    text: str
    at: datetime | None = None


@dataclass
class Inbound:
    receipts: list[Receipt] = field(default_factory=list)
    replies: list[Reply] = field(default_factory=list)


class Gateway(Protocol):
    name: str

    def open(self) -> None: ...

    def close(self) -> None: ...

    def is_open(self) -> bool:
        """False once the connection dropped (the relay binds again, with back-off)."""
        ...

    def submit(self, batch: Sequence[Outgoing]) -> list[Submitted]: ...

    def poll(self, timeout: float) -> Inbound: ...


class FileGateway:
    """Texts as JSON lines in a file, the number masked: the demo gateway."""

    name = "log"

    def __init__(self, path: Path) -> None:
        self.path = path
        self._count = 0

    def __repr__(self) -> str:
        return f"log file {self.path}"

    def open(self) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise GatewayDown(f"{self.path.parent}: {exc.strerror}") from exc

    def close(self) -> None:
        return None

    def is_open(self) -> bool:
        return True

    def submit(self, batch: Sequence[Outgoing]) -> list[Submitted]:
        results: list[Submitted] = []
        try:
            with self.path.open("a", encoding="utf-8") as out:
                for message in batch:
                    self._count += 1
                    line = {"id": message.outbox_id, "to": mask(message.to), "text": message.text}
                    out.write(json.dumps(line, ensure_ascii=False) + "\n")
                    out.flush()
                    results.append(
                        Submitted(message.outbox_id, Outcome.SENT, (f"log-{message.outbox_id}",))
                    )
        except OSError as exc:
            done = {r.outbox_id for r in results}
            results += [
                Submitted(m.outbox_id, Outcome.UNKNOWN, detail=str(exc.strerror))
                for m in batch
                if m.outbox_id not in done
            ]
        return results

    def poll(self, timeout: float) -> Inbound:
        time.sleep(timeout)  # nothing comes back this way: the relay's idle wait
        return Inbound()


def read_log(path: Path, limit: int = 200) -> list[dict[str, object]]:
    """The newest lines of a file gateway's log (for the admin panel)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()[-limit:]
    except FileNotFoundError:
        return []
    rows: list[dict[str, object]] = []
    for line in reversed(lines):
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError:
            continue
    return rows


_DEFAULT_TEMPLATE = '{{"to": {to}, "text": {text}, "from": {sender}, "reference": {id}}}'


class HttpGateway:
    """One JSON POST per text; 2xx is sent, 4xx refused, 5xx or no answer unknown."""

    name = "http"

    def __init__(self, url: str, template: str, sender: str, token: str, timeout: float) -> None:
        self.url, self.template, self.sender = url, template or _DEFAULT_TEMPLATE, sender
        self.token, self.timeout = token, timeout

    def __repr__(self) -> str:  # never the token
        parts = urlsplit(self.url)
        return f"{parts.scheme}://{parts.hostname}{parts.path}"

    def open(self) -> None:
        return None

    def close(self) -> None:
        return None

    def is_open(self) -> bool:
        return True

    def _body(self, message: Outgoing) -> bytes:
        values = {
            "to": json.dumps(message.to),
            "text": json.dumps(message.text, ensure_ascii=False),
            "sender": json.dumps(self.sender),
            "id": json.dumps(str(message.outbox_id)),
        }
        return self.template.format(**values).encode("utf-8")

    def submit(self, batch: Sequence[Outgoing]) -> list[Submitted]:
        return [self._one(message) for message in batch]

    def _one(self, message: Outgoing) -> Submitted:
        headers = {"Content-Type": "application/json; charset=utf-8"}
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        request = urllib.request.Request(
            self.url, data=self._body(message), headers=headers, method="POST"
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as answer:
                text = answer.read(4096).decode("utf-8", "replace")
        except urllib.error.HTTPError as exc:
            outcome = Outcome.REFUSED if 400 <= exc.code < 500 else Outcome.UNKNOWN
            return Submitted(message.outbox_id, outcome, detail=f"HTTP {exc.code}")
        except urllib.error.URLError as exc:
            refused = isinstance(exc.reason, ConnectionRefusedError)
            outcome = Outcome.RETRY if refused else Outcome.UNKNOWN
            return Submitted(message.outbox_id, outcome, detail=str(exc.reason)[:200])
        except TimeoutError:
            return Submitted(message.outbox_id, Outcome.UNKNOWN, detail="timed out")
        try:
            reference = str(json.loads(text).get("id") or "")
        except (json.JSONDecodeError, AttributeError):
            reference = ""
        return Submitted(
            message.outbox_id, Outcome.SENT, (reference or f"http-{message.outbox_id}",)
        )

    def poll(self, timeout: float) -> Inbound:
        time.sleep(timeout)  # nothing comes back this way: the relay's idle wait
        return Inbound()


def gateway_for(settings: Settings) -> Gateway:
    url = settings.sms.gateway
    if url == "log":
        return FileGateway(log_path(settings))
    parts = urlsplit(url)
    if parts.scheme == "file":
        return FileGateway(Path(parts.path))
    if parts.scheme in ("http", "https"):
        sms = settings.sms
        return HttpGateway(url, sms.http_template, sms.sender, sms.http_token, timeout=10.0)
    from kiosk.messenger.smpp import SmppGateway

    return SmppGateway.from_url(url, settings.sms.sender)


def log_path(settings: Settings) -> Path:
    """Where the ``log`` gateway writes (and the admin panel reads)."""
    url = settings.sms.gateway
    if url.startswith("file://"):
        return Path(urlsplit(url).path)
    return settings.kiosk.data_dir / "sms-outbox.log"
