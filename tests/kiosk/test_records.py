from __future__ import annotations

import csv
import io
from datetime import timedelta

import pytest

from kiosk.access import SYSTEM, PermissionDenied, StaffMember
from kiosk.audit import AuditLog
from kiosk.db.database import Database
from kiosk.desk import Desk
from kiosk.reception import Reception, VisitInput
from kiosk.records import Records, VisitFilter
from kiosk.settings import Settings
from kiosk.staff import StaffDirectory
from tests.helpers.clock import FakeClock


@pytest.fixture
def manager(db: Database, clock: FakeClock) -> StaffMember:
    return StaffDirectory(db, clock).create_first_manager("409217")


@pytest.fixture
def records(db: Database, settings: Settings, clock: FakeClock) -> Records:
    return Records(db, settings, clock)


@pytest.fixture
def day_of_visits(db: Database, settings: Settings, clock: FakeClock) -> Reception:
    reception = Reception(db, settings, clock)
    desk = Desk(db, settings, reception.catalogue(), clock)
    desk.set_counter("1", ["open_account", "lost_card"])
    first = reception.take_ticket(
        VisitInput(
            "zh_Hant", clock.now, ("accounts", "open"), "open_account", ("id_document",), ("photo",)
        )
    )
    clock.advance(minutes=5)
    reception.take_ticket(VisitInput("en", clock.now, ("lost",), "lost_card"))
    reception.record_visit(VisitInput("en", clock.now, ("accounts",)), "abandoned")
    clock.advance(minutes=3)
    desk.call_next("1")
    desk.start(first.ticket_id)
    clock.advance(minutes=12)
    desk.finish(first.ticket_id, "served")
    return reception


def test_find_by_service_status_and_code(records: Records, day_of_visits: Reception) -> None:
    everything = records.find(VisitFilter())
    assert len(everything) == 3
    [done] = records.find(VisitFilter(status="done"))
    assert (done.code, done.service_slug, done.materials_missing) == (
        "A001",
        "open_account",
        ("photo",),
    )
    assert [r.code for r in records.find(VisitFilter(code="l001"))] == ["L001"]
    assert [r.outcome for r in records.find(VisitFilter(status="no_ticket"))] == ["abandoned"]
    assert [r.code for r in records.find(VisitFilter(service="lost_card"))] == ["L001"]


def test_timeline(records: Records, day_of_visits: Reception) -> None:
    [done] = records.find(VisitFilter(status="done"))
    labels = [label for label, _ in done.timeline()]
    assert labels == [
        "Arrived at the kiosk",
        "Ticket issued",
        "Called",
        "Service started",
        "Finished",
    ]
    moments = [m for _, m in done.timeline()]
    assert moments == sorted(moments)


def test_date_range_uses_business_days(
    records: Records, day_of_visits: Reception, clock: FakeClock
) -> None:
    today = day_of_visits.today()
    assert len(records.find(VisitFilter(since=today, until=today))) == 3
    assert records.find(VisitFilter(since=today + timedelta(days=1))) == []


def test_csv_export_is_for_managers_and_audited(
    records: Records, day_of_visits: Reception, manager: StaffMember, db: Database, clock: FakeClock
) -> None:
    out = io.StringIO()
    assert records.export_csv(manager, VisitFilter(service="open_account"), out) == 1
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert rows[0]["ticket"] == "A001" and rows[0]["materials_missing"] == "photo"
    [entry] = AuditLog(db, "kiosk-1").entries(action="visits.export")
    assert entry.detail["rows"] == 1
    clerk = StaffDirectory(db, clock).add(
        manager, number="2001", name="Tom", role="staff", pin="582046"
    )
    with pytest.raises(PermissionDenied):
        records.export_csv(clerk, VisitFilter(), io.StringIO())


def test_retention_purges_old_visits(
    records: Records, day_of_visits: Reception, clock: FakeClock, db: Database
) -> None:
    clock.advance(days=31)
    day_of_visits.take_ticket(VisitInput("en", clock.now, ("lost",), "lost_card"))
    assert records.purge(SYSTEM, retention_days=30, without_archive=True) == 3
    assert [r.code for r in records.find(VisitFilter())] == ["L001"]
    assert AuditLog(db, "kiosk-1").entries(action="retention.")[0].detail["visits"] == 3


def test_csv_export_gives_the_branch_local_time_with_its_offset(
    records: Records, day_of_visits: Reception, manager: StaffMember
) -> None:
    """The screens show Hong Kong time; the export says the same moment the same way."""
    out = io.StringIO()
    records.export_csv(manager, VisitFilter(service="open_account"), out)
    [row] = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert row["arrived_at"] == "2026-11-30T10:00:00+08:00"  # 02:00 UTC
    for column in ("called_at", "served_at", "finished_at"):
        assert row[column] == "" or row[column].endswith("+08:00"), (column, row[column])
    assert row["called_at"].endswith("+08:00")
