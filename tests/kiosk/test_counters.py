"""Counters as managers set them up: names, services, in service or closed, removal."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.access import PermissionDenied, StaffMember
from kiosk.audit import AuditLog
from kiosk.board import Board
from kiosk.bootstrap import open_database
from kiosk.catalogue.loader import parse_catalogue
from kiosk.counters import DEMO_COUNTERS, CounterAdmin, CounterError
from kiosk.db.catalogue_store import save_catalogue
from kiosk.db.database import Database
from kiosk.desk import Desk, DeskError
from kiosk.reception import Reception, VisitInput
from kiosk.settings import Settings, settings_from_mapping
from kiosk.staff import StaffDirectory
from tests.helpers.clock import FakeClock

from ..postgres import postgres_url
from .conftest import MINI_CATALOGUE

__all__ = ["postgres_url"]


@pytest.fixture
def admin(db: Database, clock: FakeClock) -> CounterAdmin:
    return CounterAdmin(db, "kiosk-1", clock)


def _audit(db: Database, clock: FakeClock) -> list[tuple[str, str, dict[str, object]]]:
    entries = AuditLog(db, "kiosk-1", clock).entries(action="counter.")
    return [(e.action, e.target, e.detail) for e in reversed(entries)]


def test_a_counter_left_unnamed_is_named_in_every_language(
    admin: CounterAdmin, manager: StaffMember, db: Database, clock: FakeClock
) -> None:
    counter = admin.add(manager, " 3 ", services=["lost_card", "open_account"])
    assert counter.id == "3"
    assert counter.name == {"en": "Counter 3", "zh_Hans": "3号柜台", "zh_Hant": "3號櫃位"}
    assert counter.services == ("lost_card", "open_account")
    assert counter.in_service and counter.position == 0
    assert [c.id for c in admin.counters(manager)] == ["3"]
    [(action, target, detail)] = _audit(db, clock)
    assert (action, target) == ("counter.add", "counter:3")
    assert detail["services"] == ["lost_card", "open_account"]
    assert detail["name"] == counter.name


def test_a_manager_names_and_edits_a_counter_and_each_change_is_audited(
    admin: CounterAdmin, manager: StaffMember, db: Database, clock: FakeClock
) -> None:
    admin.add(manager, "A", services=["lost_card"], name={"en": "Enquiries"})
    second = admin.add(manager, "B", services=["open_account"])
    assert second.position == 1  # listed after the first
    edited = admin.edit(
        manager,
        "A",
        name={"zh_Hans": "咨询台"},
        services=["general_enquiry", "lost_card"],
        in_service=False,
        position=5,
    )
    assert edited.name == {"en": "Enquiries", "zh_Hans": "咨询台", "zh_Hant": "A號櫃位"}
    assert edited.services == ("general_enquiry", "lost_card")
    assert not edited.in_service and edited.position == 5
    assert [c.id for c in admin.counters(manager)] == ["B", "A"]
    action, target, detail = _audit(db, clock)[-1]
    assert (action, target) == ("counter.edit", "counter:A")
    assert detail["changes"] == {
        "name": {
            "old": {"en": "Enquiries", "zh_Hans": "A号柜台", "zh_Hant": "A號櫃位"},
            "new": {"en": "Enquiries", "zh_Hans": "咨询台", "zh_Hant": "A號櫃位"},
        },
        "services": {"old": ["lost_card"], "new": ["general_enquiry", "lost_card"]},
        "in_service": {"old": True, "new": False},
        "position": {"old": 0, "new": 5},
    }
    admin.edit(manager, "A", in_service=False)  # nothing changes: nothing to audit
    assert len(_audit(db, clock)) == 3


@pytest.mark.parametrize(
    ("counter_id", "services", "message"),
    [
        ("", ["lost_card"], "A counter's id has 1 to 16 letters or digits, as it is announced."),
        ("3 4", ["lost_card"], "A counter's id has 1 to 16 letters or digits, as it is announced."),
        ("3", [], "Choose at least one service for this counter."),
        ("3", ["lost_card", "mortgage"], "There is no service called “mortgage”."),
    ],
)
def test_bad_counters_are_refused_with_the_reason(
    admin: CounterAdmin, manager: StaffMember, counter_id: str, services: list[str], message: str
) -> None:
    with pytest.raises(CounterError) as refused:
        admin.add(manager, counter_id, services=services)
    assert str(refused.value) == message
    assert admin.counters(manager) == []


def test_unknown_services_a_duplicate_id_and_long_names_are_refused(
    admin: CounterAdmin, manager: StaffMember
) -> None:
    admin.add(manager, "3", services=["lost_card"])
    with pytest.raises(CounterError, match="already a counter “3”"):
        admin.add(manager, "3", services=["lost_card"])
    with pytest.raises(CounterError, match="no service called “nowhere”"):
        admin.edit(manager, "3", services=["nowhere"])
    with pytest.raises(CounterError, match="at most 40 characters"):
        admin.edit(manager, "3", name={"en": "x" * 41})
    with pytest.raises(CounterError, match="no counter “9”"):
        admin.edit(manager, "9", in_service=False)
    [counter] = admin.counters(manager)
    assert counter.services == ("lost_card",) and counter.name["en"] == "Counter 3"


def test_staff_cannot_change_counters(
    db: Database, clock: FakeClock, admin: CounterAdmin, manager: StaffMember
) -> None:
    clerk = StaffDirectory(db, clock).add(
        manager, number="2001", name="Tom", role="staff", pin="582046"
    )
    with pytest.raises(PermissionDenied):
        admin.add(clerk, "3", services=["lost_card"])
    with pytest.raises(PermissionDenied):
        admin.counters(clerk)


def test_a_counter_serving_a_ticket_cannot_be_removed(
    db: Database, settings: Settings, clock: FakeClock, admin: CounterAdmin, manager: StaffMember
) -> None:
    admin.add(manager, "3", services=["lost_card"])
    reception = Reception(db, settings, clock)
    desk = Desk(db, settings, reception.catalogue(), clock)
    desk.open_counter("3", staff_id=None)
    reception.take_ticket(VisitInput("en", clock.now, ("lost",), "lost_card"))
    called = desk.call_next("3")
    assert called is not None
    desk.close_counter("3")  # the clerk signed out, the customer is still at the counter
    with pytest.raises(CounterError) as refused:
        admin.remove(manager, "3")
    assert str(refused.value) == (
        f"Counter “3” is serving ticket {called.code}: finish or transfer it "
        "before removing the counter."
    )
    desk.start(called.ticket_id)
    with pytest.raises(CounterError, match="is serving ticket"):
        admin.remove(manager, "3")
    desk.finish(called.ticket_id, "served")
    desk.open_counter("3", staff_id=None)
    with pytest.raises(CounterError, match="Someone is signed in"):
        admin.remove(manager, "3")
    desk.close_counter("3")
    admin.remove(manager, "3")
    assert admin.counters(manager) == []
    assert [a for a, _t, _d in _audit(db, clock)] == ["counter.add", "counter.remove"]


def test_a_closed_counter_cannot_be_opened_and_takes_no_calls(
    db: Database, settings: Settings, clock: FakeClock, admin: CounterAdmin, manager: StaffMember
) -> None:
    admin.add(manager, "3", services=["lost_card"])
    reception = Reception(db, settings, clock)
    desk = Desk(db, settings, reception.catalogue(), clock)
    desk.open_counter("3", staff_id=None)
    ticket = reception.take_ticket(VisitInput("en", clock.now, ("lost",), "lost_card"))
    admin.edit(manager, "3", in_service=False)
    with pytest.raises(DeskError, match="closed for service"):
        desk.call_next("3")
    with pytest.raises(DeskError, match="closed for service"):
        desk.call("3", ticket.ticket_id)
    with pytest.raises(DeskError, match="closed for service"):
        desk.open_counter("3", staff_id=None)
    [info] = desk.counters()
    assert not info.in_service and info.name["zh_Hant"] == "3號櫃位"


def test_the_board_names_the_counter_that_called(
    db: Database, settings: Settings, clock: FakeClock, admin: CounterAdmin, manager: StaffMember
) -> None:
    admin.add(manager, "7", services=["lost_card"], name={"en": "Window 7"})
    reception = Reception(db, settings, clock)
    desk = Desk(db, settings, reception.catalogue(), clock)
    desk.open_counter("7", staff_id=None)
    reception.take_ticket(VisitInput("en", clock.now, ("lost",), "lost_card"))
    desk.call_next("7")
    [call] = Board(db, settings, clock).latest_calls()
    assert call.counter == "7"
    assert call.counter_name == {"en": "Window 7", "zh_Hans": "7号柜台", "zh_Hant": "7號櫃位"}


def test_the_demo_database_starts_with_counters_for_the_demo_services(tmp_path: Path) -> None:
    settings = settings_from_mapping({"kiosk": {"data_dir": str(tmp_path)}})
    db = open_database(settings)
    try:
        desk = Desk(db, settings, Reception(db, settings).catalogue())
        counters = desk.counters()
        assert [c.id for c in counters] == [c for c, _s in DEMO_COUNTERS]
        assert all(c.in_service and not c.open for c in counters)
        assert counters[0].name["zh_Hans"] == "1号柜台"
        served = {s for c in counters for s in c.services}
        assert served == {s.slug for s in Reception(db, settings).catalogue().services}
    finally:
        db.dispose()


@pytest.fixture
def pg(postgres_url: str) -> Iterator[Database]:
    db = Database(postgres_url)
    db.create_schema()
    with db.session() as session:
        save_catalogue(session, parse_catalogue(MINI_CATALOGUE))
    yield db
    db.dispose()


@pytest.mark.postgres
def test_counters_on_postgresql(pg: Database, clock: FakeClock, settings: Settings) -> None:
    manager = StaffDirectory(pg, clock).create_first_manager("409217")
    admin = CounterAdmin(pg, "kiosk-1", clock)
    admin.add(manager, "3", services=["lost_card"])
    with pytest.raises(CounterError, match="no service called"):
        admin.add(manager, "4", services=["nowhere"])
    admin.edit(manager, "3", name={"en": "Front desk"}, services=["open_account", "lost_card"])
    reception = Reception(pg, settings, clock)
    desk = Desk(pg, settings, reception.catalogue(), clock)
    desk.open_counter("3", staff_id=None)
    reception.take_ticket(VisitInput("en", clock.now, ("lost",), "lost_card"))
    assert desk.call_next("3") is not None
    desk.close_counter("3")
    with pytest.raises(CounterError, match="is serving ticket"):
        admin.remove(manager, "3")
    [counter] = admin.counters(manager)
    assert counter.name["en"] == "Front desk" and counter.services == ("open_account", "lost_card")
    assert [a for a, _t, _d in _audit(pg, clock)] == ["counter.add", "counter.edit"]
