"""The branch's counters, as managers set them up: id, name in each language, the
services each serves in order of preference, in service or closed, and the order
they are listed in.

Every change is checked and audited in one transaction, with the manager's rights
read again inside it. A counter with a customer at it (a ticket called or being
served) cannot be removed. Messages are msgids for ``loc.tr``, filled with
:attr:`CounterError.params`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from kiosk import audit
from kiosk.access import StaffMember, require_manager
from kiosk.clock import Clock, utc_now
from kiosk.db.database import Database
from kiosk.db.models import CounterRow, ServiceRow, Ticket
from kiosk.i18n import LOCALES, N_, Catalogs, Localizer
from kiosk.ticket import TicketStatus

COUNTER_NAME = N_("Counter {counter}")
"""The name a counter gets in each language when the manager leaves it blank."""
_ID = re.compile(r"[0-9A-Za-z][0-9A-Za-z-]{0,15}")
_NAME_LENGTH = 40
IN_SERVICE_STATES = (TicketStatus.CALLED, TicketStatus.SERVING)

#: The demo database's counters: (id, services in order of preference).
DEMO_COUNTERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "1",
        (
            "deposit_withdrawal",
            "transfer_remittance",
            "foreign_exchange",
            "general_enquiry",
            "update_details",
        ),
    ),
    (
        "2",
        ("open_account", "card_services", "lost_card", "update_details", "general_enquiry"),
    ),
    ("3", ("loan_enquiry", "wealth_management", "complaint", "open_account", "general_enquiry")),
)


class CounterError(ValueError):
    """A counter change that cannot be made; ``message`` is a msgid, ``params`` fill it."""

    def __init__(self, message: str, **params: str) -> None:
        self.message = message
        self.params = params
        super().__init__(message.format(**params) if params else message)


@dataclass(frozen=True)
class Counter:
    id: str
    name: dict[str, str]
    services: tuple[str, ...]
    in_service: bool
    position: int
    occupied: bool
    """Someone is signed in at it just now."""


def _counter(row: CounterRow) -> Counter:
    return Counter(
        id=row.id,
        name=dict(row.name or {}),
        services=tuple(row.services),
        in_service=row.in_service,
        position=row.position,
        occupied=row.open,
    )


def default_names(counter_id: str, catalogs: Catalogs | None = None) -> dict[str, str]:
    """ "Counter 3", "3号柜台", "3號櫃位": the counter's name in every language."""
    catalogs = catalogs or Catalogs()
    return {
        code: catalogs.localizer(code).tr(COUNTER_NAME).format(counter=counter_id)
        for code in LOCALES
    }


def counter_label(counter_id: str, name: Mapping[str, str] | None, loc: Localizer) -> str:
    """The counter's name in ``loc``'s language ("Counter 3" for one with no name)."""
    return loc.text(name) or loc.tr(COUNTER_NAME).format(counter=counter_id)


def _names(counter_id: str, names: Mapping[str, str] | None, catalogs: Catalogs) -> dict[str, str]:
    """Each language's name as typed, or the default where it was left blank."""
    given = {code: str((names or {}).get(code) or "").strip() for code in LOCALES}
    if any(len(text) > _NAME_LENGTH for text in given.values()):
        raise CounterError(N_("A counter's name has at most 40 characters."))
    defaults = default_names(counter_id, catalogs)
    return {code: given[code] or defaults[code] for code in LOCALES}


def _services(session: Session, services: Sequence[str]) -> list[str]:
    chosen = list(dict.fromkeys(s.strip() for s in services if s.strip()))
    if not chosen:
        raise CounterError(N_("Choose at least one service for this counter."))
    known = set(session.exec(select(ServiceRow.slug)).all())
    for slug in chosen:
        if slug not in known:
            raise CounterError(N_("There is no service called “{slug}”."), slug=slug)
    return chosen


class CounterAdmin:
    def __init__(
        self,
        db: Database,
        kiosk_id: str,
        clock: Clock = utc_now,
        catalogs: Catalogs | None = None,
    ) -> None:
        self._db = db
        self._kiosk_id = kiosk_id
        self._clock = clock
        self._catalogs = catalogs or Catalogs()

    def _audit(
        self, session: Session, actor: StaffMember, action: str, counter_id: str, **detail: Any
    ) -> None:
        audit.append(
            session,
            at=self._clock(),
            kiosk_id=self._kiosk_id,
            actor=actor.actor,
            action=action,
            target=f"counter:{counter_id}",
            detail=detail,
        )

    @staticmethod
    def _row(session: Session, counter_id: str) -> CounterRow:
        row = session.get(CounterRow, counter_id)
        if row is None:
            raise CounterError(N_("There is no counter “{counter}”."), counter=counter_id)
        return row

    def counters(self, actor: StaffMember) -> list[Counter]:
        with self._db.session() as session:
            require_manager(actor, session)
            rows = session.exec(
                select(CounterRow).order_by(col(CounterRow.position), col(CounterRow.id))
            )
            return [_counter(r) for r in rows]

    def add(
        self,
        actor: StaffMember,
        counter_id: str,
        *,
        services: Sequence[str],
        name: Mapping[str, str] | None = None,
        in_service: bool = True,
        position: int | None = None,
    ) -> Counter:
        counter_id = counter_id.strip()
        with self._db.session() as session:
            require_manager(actor, session)
            if not _ID.fullmatch(counter_id):
                raise CounterError(
                    N_("A counter's id has 1 to 16 letters or digits, as it is announced.")
                )
            if session.get(CounterRow, counter_id) is not None:
                raise CounterError(
                    N_("There is already a counter “{counter}”."), counter=counter_id
                )
            if position is None:
                last = session.exec(select(func.max(CounterRow.position))).one()
                position = 0 if last is None else int(last) + 1
            row = CounterRow(
                id=counter_id,
                name=_names(counter_id, name, self._catalogs),
                services=_services(session, services),
                in_service=in_service,
                position=position,
            )
            session.add(row)
            session.flush()
            self._audit(
                session,
                actor,
                "counter.add",
                counter_id,
                name=row.name,
                services=row.services,
                in_service=row.in_service,
                position=row.position,
            )
            return _counter(row)

    def edit(
        self,
        actor: StaffMember,
        counter_id: str,
        *,
        services: Sequence[str] | None = None,
        name: Mapping[str, str] | None = None,
        in_service: bool | None = None,
        position: int | None = None,
    ) -> Counter:
        """Change what is given (None: leave as it is); the id never changes."""
        with self._db.session() as session:
            require_manager(actor, session)
            row = self._row(session, counter_id)
            new: dict[str, Any] = {}
            if name is not None:
                new["name"] = _names(counter_id, {**row.name, **name}, self._catalogs)
            if services is not None:
                new["services"] = _services(session, services)
            if in_service is not None:
                new["in_service"] = in_service
            if position is not None:
                new["position"] = position
            changes = {
                field: {"old": getattr(row, field), "new": value}
                for field, value in new.items()
                if getattr(row, field) != value
            }
            for field, value in new.items():
                setattr(row, field, value)
            session.add(row)
            if changes:
                self._audit(session, actor, "counter.edit", counter_id, changes=changes)
            return _counter(row)

    def remove(self, actor: StaffMember, counter_id: str) -> None:
        with self._db.session() as session:
            require_manager(actor, session)
            row = self._row(session, counter_id)
            busy = session.exec(
                select(Ticket.code).where(
                    Ticket.counter == counter_id, col(Ticket.status).in_(IN_SERVICE_STATES)
                )
            ).first()
            if busy is not None:
                raise CounterError(
                    N_(
                        "Counter “{counter}” is serving ticket {code}: finish or transfer it "
                        "before removing the counter."
                    ),
                    counter=counter_id,
                    code=busy,
                )
            if row.open:
                raise CounterError(
                    N_(
                        "Someone is signed in at counter “{counter}”: they sign out before "
                        "it can be removed."
                    ),
                    counter=counter_id,
                )
            session.delete(row)
            self._audit(
                session,
                actor,
                "counter.remove",
                counter_id,
                name=row.name,
                services=row.services,
                in_service=row.in_service,
            )


def seed_demo_counters(session: Session, catalogs: Catalogs | None = None) -> None:
    """Give a new demo database counters that serve the demo services (when it has none
    and the services exist), so a ticket can be called at once."""
    if session.exec(select(CounterRow.id).limit(1)).first() is not None:
        return
    known = set(session.exec(select(ServiceRow.slug)).all())
    catalogs = catalogs or Catalogs()
    for position, (counter_id, services) in enumerate(DEMO_COUNTERS):
        served = [s for s in services if s in known]
        if served:
            session.add(
                CounterRow(
                    id=counter_id,
                    name=default_names(counter_id, catalogs),
                    services=served,
                    position=position,
                )
            )
