"""Refused attempts are audited and counted, one burst per pad and kind: a brute force
against a pad adds a few entries, not one per PIN; refused manager actions (domain,
command line) are in the trail with who tried what."""

from __future__ import annotations

import socket
import threading
from pathlib import Path

import pytest
from sqlmodel import select

from kiosk.access import PermissionDenied, StaffMember
from kiosk.audit import AuditEntry, AuditLog
from kiosk.bootstrap import open_database
from kiosk.db.database import Database
from kiosk.db.models_hardening import AuditBurst
from kiosk.refusals import RefusalLog
from kiosk.settings import load_settings, settings_from_mapping
from kiosk.staff import StaffDirectory
from tests.helpers.clock import FakeClock

from ..postgres import postgres_url
from .cli_driver import Cli
from .test_commands import MANAGER_PIN, cli

__all__ = ["cli", "postgres_url"]

CLERK_PIN = "582046"
WRONG = "999990"


@pytest.fixture
def staff(db: Database, clock: FakeClock) -> StaffDirectory:
    RefusalLog(db, "pad", "kiosk-1", clock).attach()
    return StaffDirectory(db, clock, kiosk_id="kiosk-1")


def _trail(db: Database, clock: FakeClock, prefix: str = "") -> list[AuditEntry]:
    return list(reversed(AuditLog(db, "kiosk-1", clock).entries(action=prefix or None)))


def _attempts(entries: list[AuditEntry]) -> int:
    """Attempts the entries stand for: an opening entry is one, a summary its count."""
    return sum(int(e.detail.get("count", 1)) for e in entries)


def test_a_brute_force_on_one_pad_is_a_few_entries_and_every_attempt_counted(
    db: Database, clock: FakeClock, staff: StaffDirectory, manager: StaffMember
) -> None:
    for _ in range(5):
        staff.sign_in(WRONG, manager.number)
        clock.advance(seconds=1)
    for _ in range(40):  # hammering the locked pad
        assert staff.sign_in(WRONG, manager.number).locked_until is not None
        clock.advance(seconds=0.5)
    assert [e.action for e in _trail(db, clock, "auth.")] == [
        "auth.failed",
        "auth.failed",
        "auth.locked",
        "auth.refused_locked",
    ]
    clock.advance(minutes=1)  # the lock is over: the next attempt ends the refused burst
    staff.sign_in(MANAGER_PIN, manager.number)
    entries = _trail(db, clock, "auth.")
    assert [e.action for e in entries] == [
        "auth.failed",
        "auth.failed",
        "auth.locked",
        "auth.refused_locked",
        "auth.refused_locked",
        "auth.sign_in",
    ]
    failed = [e for e in entries if e.action == "auth.failed"]
    refused = [e for e in entries if e.action == "auth.refused_locked"]
    assert _attempts(failed) == 5 and _attempts(refused) == 40
    summary = refused[1].detail
    assert summary["pad"] == "pad" and summary["targets"] == [f"staff:{manager.number}"]
    assert summary["first"] < summary["last"]
    assert AuditLog(db, "kiosk-1", clock).check().intact


def test_a_burst_lasts_an_hour_at_most(
    db: Database, clock: FakeClock, staff: StaffDirectory, manager: StaffMember
) -> None:
    staff.sign_in(WRONG, "2001")  # an unknown number: counts against the pad only
    clock.advance(minutes=20)
    staff.sign_in(WRONG, "2002")
    clock.advance(minutes=50)
    staff.sign_in(WRONG, "2003")  # more than an hour after the first: count, and anew
    entries = _trail(db, clock, "auth.failed")
    assert [(e.target, e.detail.get("count")) for e in entries] == [
        ("staff:2001", None),
        ("staff:2002", 1),
        ("staff:2003", None),
    ]


def test_a_refused_manager_action_is_audited_with_who_tried_what(
    db: Database, clock: FakeClock, staff: StaffDirectory, manager: StaffMember
) -> None:
    clerk = staff.add(manager, number="2001", name="Tom Lee", role="staff", pin=CLERK_PIN)
    for _ in range(6):
        with pytest.raises(PermissionDenied):
            staff.add(clerk, number="2002", name="X", role="staff", pin="672819")
        clock.advance(seconds=5)
    with pytest.raises(PermissionDenied):
        staff.set_role(clerk, clerk.id, "manager")
    entries = _trail(db, clock, "access.refused")
    assert [(e.actor_name, e.target) for e in entries] == [("Tom Lee", "StaffDirectory.add")]
    assert staff.member_by_number("2002") is None  # nothing of the refused action stayed
    staff.sign_in(CLERK_PIN, "2001")  # the same clerk again: still the same burst
    assert len(_trail(db, clock, "access.refused")) == 1
    staff.sign_in(MANAGER_PIN, manager.number)  # someone else works here now: it ends
    entries = _trail(db, clock, "access.refused")
    assert len(entries) == 2 and _attempts(entries) == 7
    assert entries[1].detail["targets"] == ["StaffDirectory.add", "StaffDirectory.set_role"]
    assert entries[1].actor_id == clerk.id


def test_the_daily_check_writes_the_count_of_a_burst_older_than_an_hour(
    db: Database, clock: FakeClock, staff: StaffDirectory, manager: StaffMember
) -> None:
    clerk = staff.add(manager, number="2001", name="Tom Lee", role="staff", pin=CLERK_PIN)
    refusals = RefusalLog(db, "pad", "kiosk-1", clock)
    for _ in range(3):
        with pytest.raises(PermissionDenied):
            staff.members(clerk)
    refusals.close_stale()
    assert _attempts(_trail(db, clock, "access.refused")) == 1  # still going
    clock.advance(minutes=61)
    refusals.close_stale()
    assert _attempts(_trail(db, clock, "access.refused")) == 3


def test_a_manager_demoted_meanwhile_is_refused_and_audited(
    db: Database, clock: FakeClock, staff: StaffDirectory, manager: StaffMember
) -> None:
    other = staff.add(manager, number="2", name="Ada Boss", role="manager", pin="672819")
    staff.set_role(other, manager.id, "staff")  # on another machine
    with pytest.raises(PermissionDenied):
        staff.members(manager)  # what the signed-in manager still thinks they may do
    [entry] = _trail(db, clock, "access.refused")
    assert (entry.actor_name, entry.target) == ("Mei Chan", "StaffDirectory.members")


def test_leaving_kiosk_mode_with_a_clerks_pin_is_a_refusal(
    db: Database, clock: FakeClock, staff: StaffDirectory, manager: StaffMember
) -> None:
    clerk = staff.add(manager, number="2001", name="Tom Lee", role="staff", pin=CLERK_PIN)
    assert not staff.confirm_manager(clerk, "kiosk.exit")
    assert staff.confirm_manager(manager, "kiosk.exit")
    [entry] = _trail(db, clock, "access.refused")
    assert (entry.actor_name, entry.target) == ("Tom Lee", "kiosk.exit")


def test_unlock_writes_every_count(
    db: Database, clock: FakeClock, staff: StaffDirectory, manager: StaffMember
) -> None:
    for _ in range(3):
        staff.sign_in(WRONG, manager.number)
    staff.unlock(manager.number, "root")
    entries = _trail(db, clock, "auth.failed")
    assert _attempts(entries) == 3 and len(entries) == 2


def test_the_command_line_audits_a_refused_manager_command(cli: Cli) -> None:
    settings = load_settings(cli.config)
    db = open_database(settings)
    staff = StaffDirectory(db)
    manager = staff.member_by_number("1")
    assert manager is not None
    staff.add(manager, number="7", name="Tom Lee", role="staff", pin=CLERK_PIN)
    for _ in range(3):
        code, _, err = cli("staff", "list", "--as", "7", stdin=f"{CLERK_PIN}\n")
        assert code == 1 and "Only a manager can do this." in err
    code, _, _ = cli("audit", "--as", "7", stdin=f"{CLERK_PIN}\n")
    assert code == 1
    entries = list(reversed(AuditLog(db, settings.kiosk.id).entries(action="access.refused")))
    pad = f"cli@{socket.gethostname()}"
    assert [(e.actor_name, e.target, e.detail["pad"]) for e in entries] == [
        ("Tom Lee", "StaffDirectory.members", pad)
    ]
    code, _, _ = cli("staff", "list", "--as", "1", stdin=f"{MANAGER_PIN}\n")
    assert code == 0  # a working sign-in on the machine's pad ends the burst…
    entries = list(reversed(AuditLog(db, settings.kiosk.id).entries(action="access.refused")))
    assert _attempts(entries) == 4  # …three lists and one audit read, all counted
    assert entries[1].detail["targets"] == ["StaffDirectory.members", "AuditLog.browse"]
    db.dispose()


@pytest.mark.postgres
def test_kiosks_refused_at_once_on_one_branch_database_all_count(
    postgres_url: str, tmp_path: Path
) -> None:
    """Eight kiosks share the branch's pad: wrong PINs at the same moment on each open
    and count one burst, never a duplicate burst that fails the sign-in."""
    from kiosk.db.migrate import upgrade

    fresh = Database(postgres_url)
    upgrade(fresh)
    fresh.dispose()
    settings = settings_from_mapping(
        {"kiosk": {"data_dir": str(tmp_path)}, "database": {"url": postgres_url}}
    )
    db = open_database(settings)
    StaffDirectory(db).create_first_manager(MANAGER_PIN, name="Mei Chan")
    kiosks, each = 8, 3
    start = threading.Barrier(kiosks)
    errors: list[BaseException] = []

    def kiosk(n: int) -> None:
        staff = StaffDirectory(db, kiosk_id=f"kiosk-{n}")
        start.wait()
        try:
            for _ in range(each):
                staff.sign_in(WRONG, "1")
        except BaseException as exc:  # reported below, with the others
            errors.append(exc)

    threads = [threading.Thread(target=kiosk, args=(n,)) for n in range(kiosks)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    RefusalLog(db, "pad", "kiosk-0").close_stale()
    with db.reading() as session:
        pending = sum(b.count for b in session.exec(select(AuditBurst)))
    entries = AuditLog(db, "kiosk-0").entries(action="auth.")
    counted = sum(int(e.detail.get("count", 1)) for e in entries if e.action != "auth.locked")
    counted += pending
    assert counted == kiosks * each  # every attempt: refused or failed, counted once
    db.dispose()
