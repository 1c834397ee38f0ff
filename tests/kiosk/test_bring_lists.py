"""Bring-lists that come back: a code is issued with the list, found while unused, and
used once by the visit that brings it back."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import select

from kiosk import bring_lists
from kiosk.bring_lists import (
    CODE_DIGITS,
    BringListError,
    BringLists,
    code_in,
    is_list_qr,
    qr_payload,
)
from kiosk.db.database import Database
from kiosk.db.models import Visit
from kiosk.db.models_bring_list import BringList
from kiosk.reception import Reception, VisitInput
from kiosk.settings import Settings
from tests.helpers.clock import FakeClock


def list_visit(clock: FakeClock, returning: str | None = None) -> VisitInput:
    return VisitInput(
        "en",
        clock.now - timedelta(minutes=2),
        ("accounts", "open"),
        "open_account",
        ("id_document",),
        ("proof_of_address", "photo"),
        returning_list=returning,
    )


@pytest.fixture
def lists(db: Database, settings: Settings, clock: FakeClock) -> BringLists:
    return BringLists(db, settings, clock)


def stored(db: Database) -> list[BringList]:
    with db.reading() as session:
        rows = list(session.exec(select(BringList)).all())
        session.expunge_all()
    return rows


def test_the_printed_list_gets_a_code_stored_with_its_visit(
    reception: Reception, lists: BringLists, db: Database, clock: FakeClock
) -> None:
    code = reception.record_list_printed(list_visit(clock))
    assert len(code) == bring_lists.CODE_DIGITS and code.isdigit()
    [row] = stored(db)
    with db.reading() as session:
        visit = session.get(Visit, row.visit_id)
        assert visit is not None and visit.outcome == "list_printed"
    assert (row.code, row.printed_at, row.returned_visit_id) == (code, clock.now, None)
    found = lists.find(code)
    assert (found.code, found.service_slug, found.printed_at) == (code, "open_account", clock.now)


def test_every_list_has_its_own_code(reception: Reception, db: Database, clock: FakeClock) -> None:
    codes = {reception.record_list_printed(list_visit(clock)) for _ in range(30)}
    assert len(codes) == 30 == len(stored(db))


def test_a_code_taken_already_is_not_issued_again(
    reception: Reception, db: Database, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = reception.record_list_printed(list_visit(clock))
    offered = iter([first, first, "000042"])
    monkeypatch.setattr(bring_lists, "new_code", lambda: next(offered))
    assert reception.record_list_printed(list_visit(clock)) == "000042"
    assert sorted(r.code for r in stored(db)) == sorted([first, "000042"])


def test_the_list_is_used_once_by_the_visit_that_brings_it_back(
    reception: Reception, lists: BringLists, db: Database, clock: FakeClock
) -> None:
    code = reception.record_list_printed(list_visit(clock))
    clock.advance(days=2)
    found = lists.find(f" {code[:3]} {code[3:]} ")  # typed with spaces
    assert found.code == code
    ticket = reception.take_ticket(
        VisitInput("en", clock.now, (), found.service_slug, returning_list=found.code)
    )
    [row] = stored(db)
    with db.reading() as session:
        ticket_visit = session.exec(select(Visit.id).where(Visit.outcome == "ticket")).one()
    assert (row.returned_visit_id, row.returned_at) == (ticket_visit, clock.now)
    assert ticket.code == "A001"
    with pytest.raises(BringListError) as used:
        lists.find(code)
    assert used.value.message == (
        "The list with code {code} has been used already. Tap Start to find your service."
    )
    assert used.value.params == {"code": code}


def test_a_second_visit_with_the_same_list_loses_nothing(
    reception: Reception, lists: BringLists, db: Database, clock: FakeClock
) -> None:
    """Two kiosks took the same code before either finished: both tickets are issued,
    the list is linked to the first visit stored."""
    code = reception.record_list_printed(list_visit(clock))
    first = reception.take_ticket(
        VisitInput("en", clock.now, (), "open_account", returning_list=code)
    )
    clock.advance(minutes=1)
    second = reception.take_ticket(
        VisitInput("en", clock.now, (), "open_account", returning_list=code)
    )
    assert (first.code, second.code) == ("A001", "A002")
    [row] = stored(db)
    assert row.returned_at == clock.now - timedelta(minutes=1)


def test_a_walk_away_after_coming_back_still_used_the_list(
    reception: Reception, lists: BringLists, db: Database, clock: FakeClock
) -> None:
    code = reception.record_list_printed(list_visit(clock))
    reception.record_visit(list_visit(clock, returning=code), "abandoned", "service_detail")
    [row] = stored(db)
    assert row.returned_visit_id is not None


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("123", "Type the code printed on your list, {digits} digits."),
        ("A023", "Type the code printed on your list, {digits} digits."),
        (None, "We cannot find the list with code {code}. Please check the code."),
    ],
)
def test_an_unknown_code_is_refused_with_a_message(
    reception: Reception, lists: BringLists, clock: FakeClock, typed: str | None, message: str
) -> None:
    code = reception.record_list_printed(list_visit(clock))
    if typed is None:  # a well-formed code that was not issued: the next one after it
        typed = f"{(int(code) + 1) % 10**CODE_DIGITS:0{CODE_DIGITS}d}"
    with pytest.raises(BringListError) as refused:
        lists.find(typed)
    assert refused.value.message == message


def test_the_qr_code_holds_the_code_behind_a_prefix() -> None:
    assert qr_payload("012345") == "LIST-012345"
    assert code_in("LIST-012345") == code_in("012345") == "012345"
    assert is_list_qr("LIST-012345")
    assert not is_list_qr("012345")  # a QR code of six digits is not a list's
    assert not is_list_qr("20261203-A023-0badcafe")  # a ticket's reference
    assert not is_list_qr("LIST-12345")
    assert code_in("LIST-ABCDEF") is None


def test_the_purge_takes_the_list_with_its_visit(
    reception: Reception, db: Database, clock: FakeClock
) -> None:
    code = reception.record_list_printed(list_visit(clock))
    reception.record_visit(list_visit(clock, returning=code), "abandoned", "service_detail")
    with db.session() as session:
        first = session.exec(select(Visit).where(Visit.outcome == "list_printed")).one()
        session.delete(first)
    assert stored(db) == []
