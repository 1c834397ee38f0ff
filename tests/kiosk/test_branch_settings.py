from __future__ import annotations

import pytest

from kiosk.access import PermissionDenied, StaffMember
from kiosk.audit import AuditLog
from kiosk.branch_settings import BranchSettingsStore, SettingsRejected
from kiosk.db.database import Database
from kiosk.settings import Settings
from kiosk.staff import StaffDirectory
from tests.helpers.clock import FakeClock


@pytest.fixture
def manager(db: Database, clock: FakeClock) -> StaffMember:
    return StaffDirectory(db, clock).create_first_manager("409217")


@pytest.fixture
def store(db: Database, settings: Settings, clock: FakeClock) -> BranchSettingsStore:
    return BranchSettingsStore(db, settings, clock)


def test_defaults_come_from_the_machine(store: BranchSettingsStore) -> None:
    current = store.current()
    assert current.branch_name == "Test Branch"
    assert current.printer_url == "preview"
    assert current.retention_days == 365


def test_changes_are_stored_audited_and_applied(
    store: BranchSettingsStore, manager: StaffMember, db: Database
) -> None:
    store.update(
        manager, branch_name="Harbour Branch", idle_seconds=90, printer_url="tcp://127.0.0.1:9100"
    )
    effective = store.effective()
    assert effective.kiosk.branch_name == "Harbour Branch"
    assert effective.display.idle_seconds == 90
    assert effective.printer.url == "tcp://127.0.0.1:9100"
    entries = {
        e.target: e.detail for e in AuditLog(db, "kiosk-1").entries(action="settings.change")
    }
    assert entries["branch_name"] == {"old": "Test Branch", "new": "Harbour Branch"}
    assert set(entries) == {"branch_name", "idle_seconds", "printer_url"}


def test_the_printer_url_belongs_to_one_kiosk(
    store: BranchSettingsStore, manager: StaffMember, db: Database, settings: Settings
) -> None:
    store.update(manager, printer_url="tcp://127.0.0.1:9100", branch_name="Harbour Branch")
    other = settings.model_copy(
        update={"kiosk": settings.kiosk.model_copy(update={"id": "kiosk-2"})}
    )
    second = BranchSettingsStore(db, other).current()
    assert second.printer_url == "preview"
    assert second.branch_name == "Harbour Branch"


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"idle_seconds": 5}, "idle_seconds", "The value is too small."),
        ({"idle_countdown_seconds": 10}, "idle_countdown_seconds", "The value is too small."),
        ({"branch_name": ""}, "branch_name", "This cannot be empty."),
        ({"languages": ()}, "languages", "Choose at least one."),
        ({"languages": ("zh_Hans",)}, "default_language", "The default language must be offered."),
        ({"day_reset_hour": 24}, "day_reset_hour", "The value is too large."),
        ({"printer_url": "lpt1"}, "printer_url", "This value cannot be used."),
    ],
)
def test_bad_values_are_refused_with_a_message(
    store: BranchSettingsStore,
    manager: StaffMember,
    changes: dict[str, object],
    field: str,
    message: str,
) -> None:
    with pytest.raises(SettingsRejected) as caught:
        store.update(manager, **changes)
    assert (field, message) in caught.value.problems
    assert store.current().idle_seconds == 60  # nothing was stored


def test_only_managers(
    store: BranchSettingsStore, manager: StaffMember, db: Database, clock: FakeClock
) -> None:
    clerk = StaffDirectory(db, clock).add(
        manager, number="2001", name="Tom", role="staff", pin="582046"
    )
    with pytest.raises(PermissionDenied):
        store.update(clerk, branch_name="Mine")
