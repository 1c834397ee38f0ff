from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from kiosk.access import PermissionDenied, StaffMember
from kiosk.audit import AuditLog
from kiosk.bootstrap import open_database
from kiosk.catalogue.export import catalogue_to_yaml
from kiosk.catalogue.loader import CatalogueError, default_catalogue_files, load_catalogue
from kiosk.catalogue.model import Catalogue, LocalizedText
from kiosk.catalogue_admin import CatalogueAdmin, CatalogueRejected
from kiosk.db.database import Database
from kiosk.pause import pause_service
from kiosk.reception import Reception
from kiosk.settings import Settings
from kiosk.staff import StaffDirectory
from tests.helpers.clock import FakeClock


@pytest.fixture
def full_db(settings: Settings) -> Database:
    return open_database(settings)


@pytest.fixture
def manager(full_db: Database, clock: FakeClock) -> StaffMember:
    return StaffDirectory(full_db, clock).create_first_manager("409217")


@pytest.fixture
def admin(full_db: Database, clock: FakeClock) -> CatalogueAdmin:
    return CatalogueAdmin(full_db, "kiosk-1", clock)


def test_yaml_round_trip_preserves_everything(tmp_path: Path) -> None:
    original = load_catalogue(default_catalogue_files())
    path = tmp_path / "export.yaml"
    path.write_text(catalogue_to_yaml(original), encoding="utf-8")
    assert load_catalogue([path]) == original


def test_export_import_through_the_database(
    admin: CatalogueAdmin, manager: StaffMember, tmp_path: Path
) -> None:
    exported = admin.export_yaml(manager)
    path = tmp_path / "catalogue.yaml"
    path.write_text(exported, encoding="utf-8")
    before = admin.version()
    admin.import_files(manager, [path])
    assert admin.current() == load_catalogue(default_catalogue_files())
    assert admin.version() == before + 1


def test_an_edit_reaches_kiosks_and_is_audited(
    admin: CatalogueAdmin,
    manager: StaffMember,
    full_db: Database,
    settings: Settings,
    clock: FakeClock,
) -> None:
    reception = Reception(full_db, settings, clock)
    assert reception.catalogue().service("open_account").name["en"] != "Open a bank account"
    catalogue = admin.current()
    service = catalogue.service("open_account")
    renamed = service.model_copy(update={"name": {**service.name, "en": "Open a bank account"}})
    services = [renamed if s.slug == "open_account" else s for s in catalogue.services]
    admin.replace(manager, catalogue.model_copy(update={"services": services}))
    assert reception.refresh_if_changed()
    assert reception.catalogue().service("open_account").name["en"] == "Open a bank account"
    assert not reception.refresh_if_changed()
    [entry] = AuditLog(full_db, "kiosk-1").entries(action="catalogue.edit")
    change = entry.detail["changes"]["services.open_account.name.en"]
    assert change["new"] == "Open a bank account"
    assert change["old"] == service.name["en"]


def test_a_broken_catalogue_is_refused(admin: CatalogueAdmin, manager: StaffMember) -> None:
    catalogue = admin.current()
    services = [
        s.model_copy(update={"prefix": "A"}) if s.slug == "lost_card" else s
        for s in catalogue.services
    ]
    with pytest.raises(CatalogueRejected) as caught:
        admin.replace(manager, catalogue.model_copy(update={"services": services}))
    assert any("is used by more than one service" in p for p in caught.value.problems)


def test_a_malformed_import_names_file_and_field(
    admin: CatalogueAdmin, manager: StaffMember, tmp_path: Path
) -> None:
    data = yaml.safe_load(catalogue_to_yaml(admin.current()))
    del data["services"][3]["materials"][0]["text"]["zh_Hant"]
    path = tmp_path / "bad.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(CatalogueError) as caught:
        admin.import_files(manager, [path])
    assert caught.value.problems[0].endswith("services[3].materials[0].text.zh_Hant: missing")


def test_only_managers_change_or_export(
    admin: CatalogueAdmin, manager: StaffMember, full_db: Database, clock: FakeClock
) -> None:
    clerk = StaffDirectory(full_db, clock).add(
        manager, number="2001", name="Tom", role="staff", pin="582046"
    )
    with pytest.raises(PermissionDenied):
        admin.export_yaml(clerk)
    with pytest.raises(PermissionDenied):
        admin.replace(clerk, admin.current())


def test_a_save_from_an_old_version_is_refused(admin: CatalogueAdmin, manager: StaffMember) -> None:
    from kiosk.catalogue_admin import CatalogueChanged

    opened = admin.version()
    catalogue = admin.current()
    admin.replace(manager, catalogue, expected_version=opened)  # first editor saves
    with pytest.raises(CatalogueChanged):
        admin.replace(manager, catalogue, expected_version=opened)  # second one is stale
    assert admin.version() == opened + 1


def _renamed(catalogue: Catalogue, slug: str, english: str) -> Catalogue:
    service = catalogue.service(slug)
    renamed = service.model_copy(update={"name": {**service.name, "en": english}})
    services = [renamed if s.slug == slug else s for s in catalogue.services]
    return catalogue.model_copy(update={"services": services})


def test_a_pause_during_an_edit_does_not_refuse_the_save_nor_undo_the_pause(
    admin: CatalogueAdmin, manager: StaffMember, full_db: Database, clock: FakeClock
) -> None:
    opened, catalogue = admin.version(), admin.current()  # the manager opens the editor
    reason: LocalizedText = {"en": "System upgrade", "zh_Hans": "系统升级", "zh_Hant": "系統升級"}
    pause_service(full_db, manager, "lost_card", reason, kiosk_id="kiosk-2", clock=clock)

    edited = _renamed(catalogue, "open_account", "Open a bank account")
    admin.replace(manager, edited, expected_version=opened, opened_from=catalogue)
    stored = admin.current()
    assert stored.service("open_account").name["en"] == "Open a bank account"
    pause = stored.service("lost_card").pause
    assert pause is not None and pause.reason["en"] == "System upgrade"


def test_a_pause_the_manager_changed_in_the_editor_is_what_is_saved(
    admin: CatalogueAdmin, manager: StaffMember, full_db: Database, clock: FakeClock
) -> None:
    reason: LocalizedText = {"en": "No staff", "zh_Hans": "暂无人手", "zh_Hant": "暫無人手"}
    pause_service(full_db, manager, "lost_card", reason, kiosk_id="kiosk-2", clock=clock)
    opened, catalogue = admin.version(), admin.current()
    service = catalogue.service("lost_card")
    resumed = catalogue.model_copy(
        update={
            "services": [
                service.model_copy(update={"pause": None}) if s.slug == "lost_card" else s
                for s in catalogue.services
            ]
        }
    )
    admin.replace(manager, resumed, expected_version=opened, opened_from=catalogue)
    assert admin.current().service("lost_card").pause is None


def test_a_kiosk_sees_a_pause_at_its_next_check(
    admin: CatalogueAdmin,
    manager: StaffMember,
    full_db: Database,
    settings: Settings,
    clock: FakeClock,
) -> None:
    reception = Reception(full_db, settings, clock)
    assert reception.catalogue().service("lost_card").pause is None
    assert not reception.refresh_if_changed()
    opened = admin.version()
    reason: LocalizedText = {"en": "System upgrade", "zh_Hans": "系统升级", "zh_Hant": "系統升級"}
    pause_service(full_db, manager, "lost_card", reason, kiosk_id="kiosk-2", clock=clock)
    assert reception.refresh_if_changed()
    assert reception.catalogue().service("lost_card").pause is not None
    assert not reception.refresh_if_changed()
    assert admin.version() == opened  # a pause is not a catalogue edit
