"""The log gateway (a demo: masked numbers in a file) and the HTTP JSON adapter against
a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

import pytest
from sqlmodel import select

from kiosk.contacts import open_contact_key
from kiosk.db.database import Database
from kiosk.db.models_contacts import OutboxRow
from kiosk.messenger.gateways import HttpGateway, Outcome, Outgoing, gateway_for, log_path, read_log
from kiosk.messenger.relay import Relay
from kiosk.settings import Settings
from tests.helpers.clock import FakeClock
from tests.kiosk.messenger.conftest import Customer, make_db, queue, sms_settings


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return sms_settings(tmp_path, "log")


@pytest.fixture
def db(settings: Settings) -> Iterator[Database]:
    database = make_db(settings)
    yield database
    database.dispose()


def test_the_log_gateway_writes_masked_numbers(
    db: Database, settings: Settings, customer: Customer, clock: FakeClock
) -> None:
    queue(db, customer("91234567", locale="zh_Hans"), clock)
    relay = Relay(db, settings, gateway_for(settings), open_contact_key(db, settings), clock=clock)
    relay.step()
    (line,) = read_log(log_path(settings))
    assert line["to"] == "+852 •••• 4567" and "感谢您今天到访" in str(line["text"])
    assert "91234567" not in log_path(settings).read_text(encoding="utf-8")
    with db.session() as session:
        assert session.exec(select(OutboxRow)).one().status == "sent"


class _Provider(BaseHTTPRequestHandler):
    received: ClassVar[list[dict[str, Any]]] = []
    answer = 200

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        type(self).received.append(
            {"body": json.loads(body), "auth": self.headers.get("Authorization")}
        )
        self.send_response(type(self).answer)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(b'{"id": "prov-1"}')

    def log_message(self, format: str, *args: Any) -> None:
        return None


@pytest.fixture
def provider() -> Iterator[str]:
    _Provider.received = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Provider)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/sms"
    server.shutdown()
    server.server_close()


def test_the_http_adapter_posts_json_with_its_template(provider: str) -> None:
    gateway = HttpGateway(
        provider, '{{"mobile": {to}, "content": {text}, "sign": {sender}}}', "BANK", "t0k", 5
    )
    (result,) = gateway.submit([Outgoing(7, "+85291234567", "您好")])
    assert result.outcome == Outcome.SENT and result.ids == ("prov-1",)
    assert _Provider.received == [
        {
            "body": {"mobile": "+85291234567", "content": "您好", "sign": "BANK"},
            "auth": "Bearer t0k",
        }
    ]
    assert "t0k" not in repr(gateway)
    _Provider.answer = 400
    (refused,) = gateway.submit([Outgoing(8, "+85291234567", "x")])
    assert refused.outcome == Outcome.REFUSED
    _Provider.answer = 503
    (unknown,) = gateway.submit([Outgoing(9, "+85291234567", "x")])
    assert unknown.outcome == Outcome.UNKNOWN  # it may have gone: never again
    _Provider.answer = 200


def test_a_text_without_its_template_is_dropped_not_retried_for_ever(
    db: Database, settings: Settings, customer: Customer, clock: FakeClock
) -> None:
    bad = queue(db, customer("91234567"), clock, template="no_such_text")
    good = queue(db, customer("91234568"), clock)
    relay = Relay(db, settings, gateway_for(settings), open_contact_key(db, settings), clock=clock)
    relay.step()
    with db.session() as session:
        status = {r.id: (r.status, r.detail) for r in session.exec(select(OutboxRow))}
    assert status[bad][0] == "dropped" and "no_such_text" in str(status[bad][1])
    assert status[good][0] == "sent"


def test_a_complaint_resolution_text_names_the_branch_by_itself(
    db: Database, settings: Settings, customer: Customer, clock: FakeClock
) -> None:
    from kiosk.outbox import enqueue

    ticket = customer("91234567", locale="zh_Hant")
    with db.session() as session:  # as the complaints module calls it
        enqueue(
            session,
            ticket_id=ticket,
            purpose="survey",
            template="complaint_resolved",
            params={"reference": "C-0007", "outcome": "已退回手續費。"},
            not_before=clock.now,
        )
    Relay(db, settings, gateway_for(settings), open_contact_key(db, settings), clock=clock).step()
    (line,) = read_log(log_path(settings))
    assert line["text"] == "Riverside：你的意見C-0007已處理：已退回手續費。"
