"""Counter actions: ordering, priority ratio, transfer fairness, hold, no-show, rollover."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

import pytest
from sqlmodel import Session

from kiosk.board import Board, EventCursor
from kiosk.catalogue.model import LocalizedText
from kiosk.db.database import Database
from kiosk.desk import Desk, DeskError
from kiosk.reception import Reception, VisitInput
from kiosk.settings import Settings
from kiosk.ticket import Priority, TicketStatus
from tests.helpers.clock import FakeClock


@pytest.fixture
def desk(db: Database, settings: Settings, clock: FakeClock, reception: Reception) -> Desk:
    desk = Desk(db, settings, reception.catalogue(), clock)
    desk.set_counter("1", ["open_account", "lost_card"])
    desk.set_counter("2", ["lost_card"])
    desk.open_counter("1", staff_id=None)
    return desk


def issue(
    reception: Reception,
    clock: FakeClock,
    slug: str = "lost_card",
    priority: Priority = Priority.NORMAL,
) -> int:
    clock.advance(seconds=30)
    ticket = reception.take_ticket(VisitInput("en", clock.now, ("lost",), slug, priority=priority))
    return ticket.ticket_id


def test_arrival_order_within_a_class(desk: Desk, reception: Reception, clock: FakeClock) -> None:
    first, second = issue(reception, clock), issue(reception, clock)
    called = desk.call_next("1")
    assert called is not None and called.ticket_id == first
    assert called.status == TicketStatus.CALLED and called.counter == "1"
    called = desk.call_next("1")
    assert called is not None and called.ticket_id == second
    assert desk.call_next("1") is None


def test_a_counter_calls_its_services_in_its_order_of_preference(
    desk: Desk, reception: Reception, clock: FakeClock
) -> None:
    desk.set_counter("1", ["lost_card", "open_account"])
    earlier, later = issue(reception, clock, "open_account"), issue(reception, clock)
    also_lost = issue(reception, clock)
    assert [t.ticket_id for t in desk.waiting("1")] == [later, also_lost, earlier]
    assert [desk.call_next("1").ticket_id for _ in range(3)] == [later, also_lost, earlier]  # type: ignore[union-attr]


def test_a_counter_only_calls_its_services(
    desk: Desk, reception: Reception, clock: FakeClock
) -> None:
    issue(reception, clock, "open_account")
    desk.open_counter("2", None)
    assert desk.call_next("2") is None


def test_priority_first_but_normal_tickets_are_not_starved(
    desk: Desk, reception: Reception, clock: FakeClock
) -> None:
    normal = [issue(reception, clock) for _ in range(2)]
    elderly = [issue(reception, clock, priority=Priority.ELDERLY) for _ in range(5)]
    order = []
    while (called := desk.call_next("1")) is not None:
        order.append(called.ticket_id)
    # ratio 2: two priority, one normal, two priority, one normal, then the rest
    assert order == [
        elderly[0],
        elderly[1],
        normal[0],
        elderly[2],
        elderly[3],
        normal[1],
        elderly[4],
    ]


def test_waiting_list_shows_the_call_order(
    desk: Desk, reception: Reception, clock: FakeClock
) -> None:
    normal = issue(reception, clock)
    pregnant = issue(reception, clock, priority=Priority.PREGNANT)
    assert [t.ticket_id for t in desk.waiting("1")] == [pregnant, normal]


def test_serving_flow_and_service_time_feed_the_estimate(
    desk: Desk, reception: Reception, clock: FakeClock
) -> None:
    ticket_id = issue(reception, clock)
    desk.call_next("1")
    desk.start(ticket_id)
    clock.advance(minutes=21)
    done = desk.finish(ticket_id, "served", "  card replaced  ")
    assert done.status == TicketStatus.DONE
    # catalogue says 5 minutes; one 21-minute visit moves the average to (3×5 + 21) / 4 = 9
    for _ in range(2):
        issue(reception, clock)
    estimate = reception.estimate("lost_card")
    assert (estimate.people_ahead, estimate.open_counters, estimate.minutes) == (2, 1, 18)
    desk.open_counter("2", None)
    assert reception.estimate("lost_card").minutes == 9  # two counters share the queue


def test_finish_needs_a_known_outcome(desk: Desk, reception: Reception, clock: FakeClock) -> None:
    ticket_id = issue(reception, clock)
    desk.call_next("1")
    with pytest.raises(DeskError):
        desk.finish(ticket_id, "teleported")


def test_no_show_only_after_recalls(desk: Desk, reception: Reception, clock: FakeClock) -> None:
    ticket_id = issue(reception, clock)
    desk.call_next("1")
    with pytest.raises(DeskError) as caught:
        desk.no_show(ticket_id)
    assert caught.value.message == "Recall the customer before marking a no-show."
    desk.recall(ticket_id)
    desk.recall(ticket_id)
    assert desk.no_show(ticket_id).status == TicketStatus.NO_SHOW
    with pytest.raises(DeskError):
        desk.recall(ticket_id)


def _after_each_transaction(
    monkeypatch: pytest.MonkeyPatch, db: Database, act: Callable[[], object]
) -> None:
    """Run ``act`` (once) right after the next transaction of ``db`` commits: another
    counter acting between two transactions of one action."""
    opened = db.session
    pending = [act]

    @contextmanager
    def session() -> Iterator[Session]:
        with opened() as inner:
            yield inner
        while pending:
            monkeypatch.setattr(db, "session", opened)
            pending.pop()()

    monkeypatch.setattr(db, "session", session)


def test_two_recalls_at_once_both_count(
    desk: Desk,
    reception: Reception,
    clock: FakeClock,
    db: Database,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ticket_id = issue(reception, clock)
    desk.call_next("1")
    _after_each_transaction(monkeypatch, db, lambda: desk.recall(ticket_id))
    desk.recall(ticket_id)
    assert desk.ticket(ticket_id).recall_count == 2


def test_transfer_keeps_the_arrival_time(
    desk: Desk, reception: Reception, clock: FakeClock
) -> None:
    early = issue(reception, clock, "open_account")
    later = issue(reception, clock)
    called = desk.call_next("1")
    assert called is not None and called.ticket_id == early
    moved = desk.transfer(early, "lost_card")
    assert (moved.status, moved.service_slug, moved.transferred_from) == (
        TicketStatus.WAITING,
        "lost_card",
        "open_account",
    )
    # it arrived before `later`, so it is called first in its new queue
    desk.open_counter("2", None)
    again = desk.call_next("2")
    assert again is not None and again.ticket_id == early
    assert again.code.startswith("A")  # the customer keeps their number
    with pytest.raises(DeskError):
        desk.transfer(later, "nowhere")


def test_hold_and_resume(desk: Desk, reception: Reception, clock: FakeClock) -> None:
    ticket_id = issue(reception, clock)
    desk.call_next("1")
    desk.start(ticket_id)
    assert desk.hold(ticket_id).status == TicketStatus.HELD
    assert desk.call_next("1") is None  # held tickets are not called again
    assert desk.resume(ticket_id).status == TicketStatus.SERVING
    with pytest.raises(DeskError):
        desk.resume(ticket_id)


def test_call_a_specific_ticket(desk: Desk, reception: Reception, clock: FakeClock) -> None:
    issue(reception, clock)
    second = issue(reception, clock)
    assert desk.call("1", second).ticket_id == second
    with pytest.raises(DeskError):
        desk.call("1", second)


def test_console_sees_answers_and_missing_materials(
    desk: Desk, reception: Reception, clock: FakeClock
) -> None:
    ticket = reception.take_ticket(
        VisitInput(
            "en", clock.now, ("accounts", "open"), "open_account", ("id_document",), ("photo",)
        )
    )
    view = desk.ticket(ticket.ticket_id)
    assert view.answers == ("accounts", "open")
    assert view.materials_missing == ("photo",)


def test_business_day_rollover_empties_the_queue(
    desk: Desk, reception: Reception, clock: FakeClock
) -> None:
    issue(reception, clock)
    clock.now = datetime(2026, 11, 30, 20, 0, tzinfo=UTC)  # 04:00 next day in Hong Kong
    assert desk.call_next("1") is None
    assert reception.take_ticket(VisitInput("en", clock.now, (), "lost_card")).code == "L001"


def test_board_reads_new_events_once(
    desk: Desk, reception: Reception, clock: FakeClock, db: Database, settings: Settings
) -> None:
    board = Board(db, settings, clock)
    cursor = EventCursor(board.newest_event_id())
    ticket_id = issue(reception, clock)
    desk.call_next("1")
    kinds = [e.kind for e in board.new_events(cursor)]
    assert kinds == ["issued", "called"]
    assert board.new_events(cursor) == []
    desk.recall(ticket_id)
    [recall] = board.new_events(cursor)
    assert (recall.kind, recall.counter) == ("recalled", "1")
    calls = board.latest_calls()
    assert [c.ticket_id for c in calls] == [ticket_id]
    issue(reception, clock)
    assert board.waiting_counts() == {"lost_card": 1}


def test_unknown_counter_and_ticket(desk: Desk) -> None:
    with pytest.raises(DeskError):
        desk.call_next("9")
    with pytest.raises(DeskError):
        desk.ticket(999)
    with pytest.raises(DeskError):
        desk.set_counter("3", ["nowhere"])


def test_pause_shows_on_every_kiosk_and_refuses_tickets(
    db: Database, settings: Settings, clock: FakeClock, reception: Reception
) -> None:
    from kiosk.audit import AuditLog
    from kiosk.pause import pause_service
    from kiosk.reception import ServiceUnavailable
    from kiosk.staff import StaffDirectory

    manager = StaffDirectory(db, clock).create_first_manager("409217")
    other_kiosk = Reception(db, settings, clock)
    other_kiosk.catalogue()
    reason: LocalizedText = {"en": "System upgrade", "zh_Hans": "系统升级", "zh_Hant": "系統升級"}
    use_atm: LocalizedText = {
        "en": "Use the ATM",
        "zh_Hans": "请使用自动柜员机",
        "zh_Hant": "請使用自動櫃員機",
    }
    pause_service(db, manager, "lost_card", reason, use_atm, kiosk_id="kiosk-1", clock=clock)
    assert other_kiosk.refresh_if_changed()
    pause = other_kiosk.catalogue().service("lost_card").pause
    assert pause is not None and pause.reason["zh_Hant"] == "系統升級"
    with pytest.raises(ServiceUnavailable) as caught:
        other_kiosk.take_ticket(VisitInput("en", clock.now, (), "lost_card"))
    assert caught.value.reason == ServiceUnavailable.PAUSED
    pause_service(db, manager, "lost_card", None, kiosk_id="kiosk-1", clock=clock)
    other_kiosk.refresh_if_changed()
    assert other_kiosk.take_ticket(VisitInput("en", clock.now, (), "lost_card")).code == "L001"
    actions = [e.action for e in AuditLog(db, "kiosk-1").entries(action="service.")]
    assert actions == ["service.resume", "service.pause"]
    with pytest.raises(DeskError):
        blank: LocalizedText = {**reason, "en": " "}
        pause_service(db, manager, "lost_card", blank, kiosk_id="kiosk-1")


def test_daily_cap_ends_tickets_without_a_gap(
    db: Database, settings: Settings, clock: FakeClock
) -> None:
    from kiosk.catalogue.loader import parse_catalogue
    from kiosk.db.catalogue_store import save_catalogue
    from kiosk.reception import ServiceUnavailable

    from .conftest import MINI_CATALOGUE

    data = {**MINI_CATALOGUE, "services": [dict(s) for s in MINI_CATALOGUE["services"]]}
    data["services"][1]["daily_cap"] = 2
    with db.session() as session:
        save_catalogue(session, parse_catalogue(data))
    reception = Reception(db, settings, clock)
    assert reception.estimate("lost_card").tickets_left == 2
    codes = [
        reception.take_ticket(VisitInput("en", clock.now, (), "lost_card")).code for _ in range(2)
    ]
    assert codes == ["L001", "L002"]
    assert reception.estimate("lost_card").tickets_left == 0
    with pytest.raises(ServiceUnavailable) as caught:
        reception.take_ticket(VisitInput("en", clock.now, (), "lost_card"))
    assert caught.value.reason == ServiceUnavailable.FULL
    assert len(reception.todays_tickets()) == 2


def test_printer_health_and_database_ping(db: Database, clock: FakeClock) -> None:
    from kiosk.health import Health, database_answers

    health = Health(db, "kiosk-1", clock)
    health.report_printer("paper_near_end", "sensor")
    health.report_printer("online")
    [state] = health.printers()
    assert (state.kiosk_id, state.state) == ("kiosk-1", "online")
    assert database_answers(db)
    db.dispose()
    gone = Database("postgresql+psycopg://nobody@127.0.0.1:1/none")
    assert not database_answers(gone)


def test_tickets_at_a_counter_survive_a_new_sign_in(
    desk: Desk, reception: Reception, clock: FakeClock
) -> None:
    first, second = issue(reception, clock), issue(reception, clock)
    desk.call_next("1")
    desk.start(first)
    desk.hold(first)
    desk.call_next("1")
    here = desk.at_counter("1")
    assert [(t.ticket_id, t.status) for t in here] == [
        (first, TicketStatus.HELD),
        (second, TicketStatus.CALLED),
    ]
    desk.finish(second, "served")
    assert [t.ticket_id for t in desk.at_counter("1")] == [first]
    assert desk.at_counter("2") == []
