"""``kiosk messenger [--config PATH] [--once]``: the relay process.

It sends the outbox through the gateway of the ``sms.gateway`` setting until it is
stopped (SIGTERM or Ctrl-C), reading delivery receipts and survey replies as they
come; ``--once`` sends what is due, reads what came, and exits (for a timer or a
check). Run one per machine that should send; several may share a PostgreSQL.
"""

from __future__ import annotations

import argparse
import logging
import signal
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kiosk.command_context import Context


def _messenger_command(args: argparse.Namespace, ctx: Context) -> int:
    from kiosk.after_visit import low_score_opens_a_case
    from kiosk.messenger.gateways import gateway_for
    from kiosk.messenger.relay import Relay, run_relay

    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(name)s %(message)s")
    logging.getLogger("kiosk").setLevel(logging.INFO)
    db = ctx.db
    assert db.contact_key is not None  # open_database opened it (or refused to start)
    gateway = gateway_for(ctx.settings)
    relay = Relay(
        db,
        ctx.settings,
        gateway,
        db.contact_key,
        on_low_score=low_score_opens_a_case(ctx.settings),
        relay_id=args.relay_id,
    )
    ctx.say(
        ctx.loc.tr("Messenger {relay} sending through {gateway}.").format(
            relay=relay.relay_id, gateway=gateway
        )
    )
    if args.once:
        relay.step(wait=1.0)
        while relay.step():
            pass
        gateway.close()
        ctx.say(
            ctx.loc.tr("Sent {sent}, failed {failed}, unknown {unknown}.").format(
                sent=relay.stats.sent, failed=relay.stats.failed, unknown=relay.stats.unknown
            )
        )
        return 0
    from kiosk.messenger.supervisor import Supervisor

    stop = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda _n, _f: stop.set())
    supervisor = Supervisor()
    supervisor.ready()
    try:
        return run_relay(relay, stop, supervisor.ping)
    finally:
        supervisor.stopping()


def register(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    common: Callable[..., Any],
) -> None:
    messenger = commands.add_parser(
        "messenger", help="send the SMS outbox through the gateway (a separate process)"
    )
    common(messenger, actor=False)
    messenger.add_argument("--once", action="store_true", help="send what is due, then exit")
    messenger.add_argument("--relay-id", help="this relay's name in the outbox (default host:pid)")
    messenger.set_defaults(handler=_messenger_command)
