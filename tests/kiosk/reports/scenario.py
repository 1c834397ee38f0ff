"""One hand-made business day and the figures it must give.

Monday 30 November 2026, Hong Kong (UTC+8), business day from 04:00 to 04:00.
Counters: 1 (staff 11), 2 (staff 12), 3 (staff 13). Times are local.

====  =================  ==================================================================
T1    open_account       issued 10:00, called 10:12 at 2, started 10:13, finished 10:25
T2    lost_card          issued 10:05, called 10:30 at 1, recalled twice, no-show 10:33
T3    lost_card          issued 10:10, never called: a walk-away once the day has closed
T4    open_account       issued 10:20, called 10:40 at 2, transferred to lost_card 10:45,
                         called 10:50 at 1, transferred to general_enquiry 10:55,
                         called 11:00 at 1, started 11:01, finished 11:06
T5    general_enquiry    issued 23:50, called 23:55 at 1, started 23:58, finished 00:20
                         (over midnight: still Monday's business day)
T6    lost_card          issued 02:00 Tuesday (Monday's business day), called 02:05 at 3,
                         started 02:06; counter 3 closes at 02:10 with it unfinished
====  =================  ==================================================================

Visits without a ticket: V7 printed the bring-list (open_account, proof of address not
ticked), V8 walked away on the guidance screen (open_account), V9 on the questionnaire.
Tuesday 1 December has no traffic at all.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from kiosk.access import StaffMember
from kiosk.db.database import Database
from kiosk.db.models import Staff
from kiosk.desk import Desk
from kiosk.reception import Reception, VisitInput
from kiosk.settings import Settings
from tests.helpers.clock import FakeClock

#: Staff of the test branch: a manager and one person at each counter.
STAFF = ((1, "Mei Chan", "manager"), (11, "Ann Lee", "staff"), (12, "Bo Wong", "staff"),
         (13, "Cy Ho", "staff"))  # fmt: skip
MANAGER = StaffMember(1, "Mei Chan", "manager", "1")
ANN = StaffMember(11, "Ann Lee", "staff", "11")

MONDAY = date(2026, 11, 30)
TUESDAY = date(2026, 12, 1)
HK = timedelta(hours=8)


def local(day: int, hour: int, minute: int) -> datetime:
    """A Hong Kong wall-clock time in late 2026 (``day`` of November, 31 = 1 December)."""
    month, day = (12, day - 30) if day > 30 else (11, day)
    return datetime(2026, month, day, hour, minute, tzinfo=UTC) - HK


@dataclass
class Branch:
    db: Database
    settings: Settings
    clock: FakeClock
    reception: Reception
    desk: Desk
    tickets: dict[str, int] = field(default_factory=dict)

    def at(self, day: int, hour: int, minute: int) -> None:
        self.clock.now = local(day, hour, minute)

    def issue(
        self,
        name: str,
        slug: str,
        answers: tuple[str, ...],
        materials_have: tuple[str, ...] = (),
        materials_missing: tuple[str, ...] = (),
    ) -> None:
        started = self.clock.now - timedelta(minutes=1)
        visit = VisitInput("en", started, answers, slug, materials_have, materials_missing)
        self.tickets[name] = self.reception.take_ticket(visit).ticket_id

    def leave(self, slug: str | None, answers: tuple[str, ...], outcome: str, **extra):  # type: ignore[no-untyped-def]
        screen = extra.pop("screen", None)
        visit = VisitInput("en", self.clock.now - timedelta(minutes=2), answers, slug, **extra)
        self.reception.record_visit(visit, outcome, screen=screen)


def build_monday(db: Database, settings: Settings) -> Branch:
    clock = FakeClock(local(30, 9, 0))
    reception = Reception(db, settings, clock)
    desk = Desk(db, settings, reception.catalogue(), clock)
    b = Branch(db, settings, clock, reception, desk)
    with db.session() as session:
        for staff_id, name, role in STAFF:
            session.add(
                Staff(id=staff_id, number=str(staff_id), name=name, role=role,
                      pin_hash="-", created_at=clock.now)
            )  # fmt: skip
    desk.set_counter("1", ["lost_card", "general_enquiry", "open_account"])
    desk.set_counter("2", ["open_account"])
    desk.set_counter("3", ["lost_card"])
    b.at(30, 10, 0)
    desk.open_counter("1", 11)
    desk.open_counter("2", 12)
    acct = ("accounts", "open")
    b.issue("T1", "open_account", acct, materials_have=("id_document",),
            materials_missing=("proof_of_address", "photo"))  # fmt: skip
    b.at(30, 10, 5)
    b.issue("T2", "lost_card", ("lost",))
    b.at(30, 10, 10)
    b.issue("T3", "lost_card", ())
    b.at(30, 10, 12)
    assert desk.call("2", b.tickets["T1"], 12)
    b.at(30, 10, 13)
    desk.start(b.tickets["T1"])
    b.at(30, 10, 20)
    b.issue("T4", "open_account", acct, materials_have=("id_document", "proof_of_address", "photo"))
    b.at(30, 10, 25)
    desk.finish(b.tickets["T1"], "served")
    b.at(30, 10, 30)
    desk.call("1", b.tickets["T2"], 11)
    b.at(30, 10, 31)
    desk.recall(b.tickets["T2"])
    b.at(30, 10, 32)
    desk.recall(b.tickets["T2"])
    b.at(30, 10, 33)
    desk.no_show(b.tickets["T2"])
    b.at(30, 10, 40)
    desk.call("2", b.tickets["T4"], 12)
    b.at(30, 10, 45)
    desk.transfer(b.tickets["T4"], "lost_card")
    b.at(30, 10, 50)
    desk.call("1", b.tickets["T4"], 11)
    b.at(30, 10, 55)
    desk.transfer(b.tickets["T4"], "general_enquiry")
    b.at(30, 11, 0)
    desk.call("1", b.tickets["T4"], 11)
    b.at(30, 11, 1)
    desk.start(b.tickets["T4"])
    b.at(30, 11, 6)
    desk.finish(b.tickets["T4"], "served")
    b.leave("open_account", acct, "list_printed", materials_have=("id_document", "photo"),
            materials_missing=("proof_of_address",))  # fmt: skip
    b.at(30, 11, 30)
    b.leave("open_account", acct, "abandoned", screen="guidance",
            materials_missing=("id_document", "proof_of_address", "photo"))  # fmt: skip
    b.leave(None, ("accounts",), "abandoned", screen="questionnaire")
    b.at(30, 12, 0)
    desk.close_counter("2")
    b.at(30, 23, 50)
    b.issue("T5", "general_enquiry", ("accounts", "not_sure_accounts"))
    b.at(30, 23, 55)
    desk.call("1", b.tickets["T5"], 11)
    b.at(30, 23, 58)
    desk.start(b.tickets["T5"])
    b.at(31, 0, 20)
    desk.finish(b.tickets["T5"], "served")
    desk.close_counter("1")
    b.at(31, 1, 50)
    desk.open_counter("3", 13)
    b.at(31, 2, 0)
    b.issue("T6", "lost_card", ("lost",))
    b.at(31, 2, 5)
    desk.call("3", b.tickets["T6"], 13)
    b.at(31, 2, 6)
    desk.start(b.tickets["T6"])
    b.at(31, 2, 10)
    desk.close_counter("3")
    b.at(32, 12, 0)  # Wednesday noon: Monday and Tuesday are closed
    return b
