"""A month's archive: written, read back, verified; a changed byte is caught; the
retention purge keeps months that have no verified archive."""

from __future__ import annotations

import io
import json
import lzma
import tarfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlmodel import select

from kiosk.access import SYSTEM
from kiosk.archive import Archiver
from kiosk.archive_exporters import EXPORTERS, ColumnsExporter, by_ticket, by_visit
from kiosk.archive_file import MANIFEST, check_file
from kiosk.archive_guard import ArchiveMissing
from kiosk.archive_month import ArchiveError, Month
from kiosk.audit import AuditLog
from kiosk.catalogue.loader import parse_catalogue
from kiosk.db.catalogue_store import save_catalogue
from kiosk.db.database import Database
from kiosk.db.models import QueueEvent, Ticket, Visit
from kiosk.db.models_archive import ArchiveRecord
from kiosk.desk import Desk
from kiosk.feedback import Ratings
from kiosk.reception import Reception, VisitInput
from kiosk.records import Records
from kiosk.settings import Settings, settings_from_mapping
from tests.helpers.clock import FakeClock
from tests.kiosk.conftest import MINI_CATALOGUE

from ..postgres import postgres_url

__all__ = ["postgres_url"]

NOVEMBER = Month(2026, 11)


@pytest.fixture
def november(db: Database, settings: Settings, clock: FakeClock) -> FakeClock:
    """Three visits on 30 November (two tickets, one served), then two days later."""
    reception = Reception(db, settings, clock)
    desk = Desk(db, settings, reception.catalogue(), clock)
    desk.set_counter("1", ["open_account", "lost_card"])
    first = reception.take_ticket(
        VisitInput("zh_Hant", clock.now, ("accounts", "open"), "open_account", ("id_document",))
    )
    reception.take_ticket(VisitInput("en", clock.now, ("lost",), "lost_card"))
    reception.record_visit(VisitInput("en", clock.now, ("accounts",)), "abandoned")
    clock.advance(minutes=3)
    desk.call_next("1")
    desk.start(first.ticket_id)
    clock.advance(minutes=12)
    desk.finish(first.ticket_id, "served", note="Mr Chan asked about his mortgage")
    clock.advance(minutes=30)
    ratings = Ratings(db, settings, clock)  # a low rating: a complaint case opens with it
    ratings.rate(ratings.find(first.code).reference, 2, ("wait",))
    clock.advance(days=2)
    return clock


@pytest.fixture
def archiver(db: Database, settings: Settings, november: FakeClock) -> Archiver:
    return Archiver(db, settings, november)


def _members(path: Path) -> dict[str, bytes]:
    with tarfile.open(path, "r:xz") as tar:
        return {m.name: tar.extractfile(m).read() for m in tar}  # type: ignore[union-attr]


def test_round_trip(archiver: Archiver, db: Database, tmp_path: Path) -> None:
    written = archiver.write(SYSTEM, NOVEMBER, tmp_path / "out")
    assert written.path == tmp_path / "out" / "kiosk-archive-2026-11.tar.xz"
    assert written.counts == {
        "visits": 3,
        "tickets": 2,
        "queue_events": 5,
        "kiosk_ratings": 1,
        "survey_answers": 0,
        "complaint_cases": 1,
    }
    members = _members(written.path)
    assert list(members) == [
        MANIFEST,
        "visits.jsonl",
        "tickets.jsonl",
        "queue_events.jsonl",
        "kiosk_ratings.jsonl",
        "survey_answers.jsonl",
        "complaint_cases.jsonl",
    ]
    [rating] = [json.loads(line) for line in members["kiosk_ratings.jsonl"].splitlines()]
    [case] = [json.loads(line) for line in members["complaint_cases.jsonl"].splitlines()]
    assert (rating["score"], rating["reasons"], rating["case_id"]) == (2, ["wait"], case["id"])
    assert (case["source"], case["state"]) == ("kiosk_rating", "open")
    assert "summary" not in case and "resolution" not in case  # free text stays
    manifest = json.loads(members[MANIFEST])
    assert (manifest["month"], manifest["first_day"], manifest["last_day"]) == (
        "2026-11",
        "2026-11-01",
        "2026-11-30",
    )
    assert manifest["time_zone"] == "Asia/Hong_Kong"
    assert set(manifest) >= {"schema_revision", "audit_head", "created_at", "members"}
    tickets = [json.loads(line) for line in members["tickets.jsonl"].splitlines()]
    with db.session() as session:
        stored = session.exec(select(Ticket).order_by(Ticket.id)).all()  # type: ignore[arg-type]
        visits = session.exec(select(Visit)).all()
        events = session.exec(select(QueueEvent)).all()
    assert [(t["id"], t["code"], t["status"]) for t in tickets] == [
        (s.id, s.code, str(s.status)) for s in stored
    ]
    assert tickets[0]["issued_at"] == stored[0].issued_at.isoformat()
    assert "note" not in tickets[0]  # staff's free text stays in the database
    assert b"Mr Chan" not in b"".join(members.values())
    assert (len(visits), len(events)) == (3, 5)

    check = archiver.verify(SYSTEM, written.path)
    assert check.ok and check.recorded and check.month == "2026-11"
    with db.session() as session:
        [record] = session.exec(select(ArchiveRecord)).all()
    assert (record.month, record.visits, record.sha256) == ("2026-11", 3, written.sha256)
    assert record.verified_at is not None
    actions = [e.action for e in AuditLog(db, "kiosk-1").entries(action="archive.")]
    assert actions == ["archive.verify", "archive.write"]


def test_a_second_archive_of_a_month_gets_its_own_file(archiver: Archiver, tmp_path: Path) -> None:
    out = tmp_path / "out"
    archiver.write(SYSTEM, NOVEMBER, out)
    archiver.write(SYSTEM, NOVEMBER, out)
    assert sorted(p.name for p in out.iterdir()) == [  # and no work files left behind
        "kiosk-archive-2026-11-2.tar.xz",
        "kiosk-archive-2026-11.tar.xz",
    ]


def _fails(archiver: Archiver, path: Path) -> bool:
    try:
        return not archiver.verify(SYSTEM, path).ok
    except ArchiveError:
        return True


def test_verify_catches_a_changed_byte(archiver: Archiver, db: Database, tmp_path: Path) -> None:
    path = archiver.write(SYSTEM, NOVEMBER, tmp_path).path
    original = path.read_bytes()
    assert not _fails(archiver, path)
    for where in range(0, len(original), max(len(original) // 25, 1)):
        changed = bytearray(original)
        changed[where] ^= 0x01
        path.write_bytes(bytes(changed))
        assert _fails(archiver, path), where
    verified = AuditLog(db, "kiosk-1").entries(action="archive.verify")
    assert verified[-1].detail["ok"] is True  # the first check, before any change
    assert all(entry.detail["ok"] is False for entry in verified[:-1])


def test_verify_catches_a_member_rewritten_behind_the_manifest(
    archiver: Archiver, tmp_path: Path
) -> None:
    path = archiver.write(SYSTEM, NOVEMBER, tmp_path).path
    members = _members(path)
    members["visits.jsonl"] = members["visits.jsonl"].replace(b'"zh_Hant"', b'"en"')
    members["extra.jsonl"] = b"{}\n"
    with tarfile.open(path, "w:xz") as tar:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    check = archiver.verify(SYSTEM, path)
    assert not check.ok and not check.recorded
    assert [(p.message, p.params) for p in check.problems] == [
        (
            "{member} was changed: its checksum does not match the manifest.",
            {"member": "visits.jsonl"},
        ),
        ("{member} is not listed in the manifest.", {"member": "extra.jsonl"}),
    ]


def test_malformed_files(tmp_path: Path) -> None:
    garbage = tmp_path / "garbage.tar.xz"
    garbage.write_bytes(b"not an archive at all")
    with pytest.raises(ArchiveError, match="not a kiosk archive, or it is damaged"):
        check_file(garbage)
    no_manifest = tmp_path / "no-manifest.tar.xz"
    with tarfile.open(no_manifest, "w:xz") as tar:
        info = tarfile.TarInfo("visits.jsonl")
        tar.addfile(info, io.BytesIO(b""))
    with pytest.raises(ArchiveError, match="manifest is missing or malformed"):
        check_file(no_manifest)
    truncated = tmp_path / "truncated.tar.xz"
    truncated.write_bytes(lzma.compress(b"x" * 10_000)[:-20])
    with pytest.raises(ArchiveError, match="damaged"):
        check_file(truncated)
    with pytest.raises(ArchiveError, match="no archive file"):
        check_file(tmp_path / "absent.tar.xz")


def test_refuses_a_month_not_over_and_a_folder_it_cannot_write(
    archiver: Archiver, tmp_path: Path
) -> None:
    with pytest.raises(ArchiveError, match="not over yet"):
        archiver.write(SYSTEM, Month(2026, 12), tmp_path)
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    with pytest.raises(ArchiveError, match="Cannot write the archive to") as caught:
        archiver.write(SYSTEM, NOVEMBER, blocker / "archives")
    assert caught.value.params["path"] == str(blocker / "archives")
    with pytest.raises(ArchiveError, match="is not a month"):
        Month.parse("2026-13")
    with pytest.raises(ArchiveError, match="is not a month"):
        Month.parse("November")


def test_month_bounds_follow_the_business_day(settings: Settings) -> None:
    start, end = NOVEMBER.bounds(settings.business.zone, settings.business.day_reset_hour)
    assert (start.isoformat(), end.isoformat()) == (
        "2026-10-31T20:00:00+00:00",  # 1 November 04:00 in Hong Kong
        "2026-11-30T20:00:00+00:00",
    )
    assert Month(2026, 12).next() == Month(2027, 1)
    assert (Month(2027, 1).previous(), Month(2026, 5).previous()) == (
        Month(2026, 12),
        Month(2026, 4),
    )


def test_purge_refuses_a_month_without_a_verified_archive(
    archiver: Archiver, db: Database, settings: Settings, november: FakeClock, tmp_path: Path
) -> None:
    records = Records(db, settings, november)
    november.advance(days=40)
    with pytest.raises(ArchiveMissing) as caught:
        records.purge(SYSTEM, retention_days=30)
    assert caught.value.months == [NOVEMBER]
    with db.session() as session:
        assert len(session.exec(select(Visit)).all()) == 3  # nothing deleted

    archiver.write(SYSTEM, NOVEMBER, tmp_path)
    assert records.purge(SYSTEM, retention_days=30) == 3
    assert AuditLog(db, "kiosk-1").entries(action="retention.purge")[0].detail["visits"] == 3


def test_an_archive_with_fewer_visits_than_the_month_does_not_cover_it(
    archiver: Archiver, db: Database, settings: Settings, november: FakeClock, tmp_path: Path
) -> None:
    archiver.write(SYSTEM, NOVEMBER, tmp_path)
    # a visit of 29 November recorded after the archive was written
    moment = datetime(2026, 11, 29, 3, 0, tzinfo=UTC)
    Reception(db, settings, lambda: moment).record_visit(VisitInput("en", moment), "abandoned")
    november.advance(days=40)
    with pytest.raises(ArchiveMissing):
        Records(db, settings, november).purge(SYSTEM, retention_days=30)


def test_purge_without_archive_is_audited_as_such(
    db: Database, settings: Settings, november: FakeClock
) -> None:
    november.advance(days=40)
    assert Records(db, settings, november).purge(SYSTEM, 30, without_archive=True) == 3
    [entry] = AuditLog(db, "kiosk-1").entries(action="retention.")
    assert entry.action == "retention.purge_without_archive"
    assert entry.detail["months_without_archive"] == ["2026-11"]


@pytest.mark.postgres
def test_round_trip_and_purge_on_postgresql(postgres_url: str, tmp_path: Path) -> None:
    settings = settings_from_mapping(
        {"kiosk": {"data_dir": str(tmp_path)}, "database": {"url": postgres_url}}
    )
    db = Database(postgres_url)
    db.create_schema()
    try:
        with db.session() as session:
            save_catalogue(session, parse_catalogue(MINI_CATALOGUE))
        clock = FakeClock()
        Reception(db, settings, clock).take_ticket(
            VisitInput("en", clock.now, ("lost",), "lost_card")
        )
        clock.advance(days=40)
        with pytest.raises(ArchiveMissing):
            Records(db, settings, clock).purge(SYSTEM, retention_days=30)
        written = Archiver(db, settings, clock).write(SYSTEM, NOVEMBER, tmp_path)
        assert written.counts == {
            "visits": 1,
            "tickets": 1,
            "queue_events": 1,
            "kiosk_ratings": 0,
            "survey_answers": 0,
            "complaint_cases": 0,
        }
        assert check_file(written.path).ok
        assert Records(db, settings, clock).purge(SYSTEM, retention_days=30) == 1
    finally:
        db.dispose()


def test_more_tables_join_through_their_exporters(
    db: Database, settings: Settings, november: FakeClock, tmp_path: Path
) -> None:
    """A survey table, say, added later: only the columns its exporter names go out,
    and an exporter whose table this database lacks is left out."""
    with db.session() as session:
        session.execute(
            text(
                "CREATE TABLE feedback (id INTEGER PRIMARY KEY, ticket_id INTEGER, score INTEGER, phone TEXT)"
            )
        )
        first_ticket = session.exec(select(Ticket.id)).first()
        session.execute(
            text("INSERT INTO feedback VALUES (1, :t, 5, '+852 9123 4567'), (2, 9999, 1, NULL)"),
            {"t": first_ticket},
        )
    feedback = ColumnsExporter(
        "feedback", "feedback", ("id", "ticket_id", "score"), by_ticket("ticket_id")
    )
    complaints = ColumnsExporter("complaints", "complaint", ("id",), by_visit("visit_id"))
    archiver = Archiver(db, settings, november, [*EXPORTERS[:3], feedback, complaints])
    written = archiver.write(SYSTEM, NOVEMBER, tmp_path)
    assert written.counts == {"visits": 3, "tickets": 2, "queue_events": 5, "feedback": 1}
    members = _members(written.path)
    assert json.loads(members["feedback.jsonl"]) == {"id": 1, "ticket_id": first_ticket, "score": 5}
    assert b"9123" not in members["feedback.jsonl"]
    assert "complaints.jsonl" not in members
