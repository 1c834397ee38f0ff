"""Fixtures for the domain tests: a small valid catalogue, settings, a fresh database,
the reception and an open counter on it, the staff directory and its first manager."""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from kiosk.access import StaffMember
from kiosk.catalogue.loader import parse_catalogue
from kiosk.db.catalogue_store import save_catalogue
from kiosk.db.database import Database
from kiosk.desk import Desk
from kiosk.reception import Reception
from kiosk.settings import Settings, settings_from_mapping
from kiosk.staff import StaffDirectory
from tests.helpers.clock import FakeClock


def t(en: str) -> dict[str, str]:
    return {"en": en, "zh_Hans": f"简{en}", "zh_Hant": f"繁{en}"}


def _service(slug: str, prefix: str, **extra: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "slug": slug,
        "prefix": prefix,
        "category": "test",
        "name": t(slug.replace("_", " ").title()),
        "description": t(f"About {slug}"),
        "steps": [t("Take a ticket"), t("Wait"), t("Go to the counter")],
        "materials": [],
        "follow_up": [t("Keep your receipt")],
        "average_minutes": 5,
    }
    data.update(extra)
    return data


MINI_CATALOGUE: dict[str, Any] = {
    "services": [
        _service(
            "open_account",
            "A",
            average_minutes=8,
            allow_without_required=False,
            materials=[
                {"id": "id_document", "text": t("ID card"), "note": t("Original")},
                {
                    "id": "proof_of_address",
                    "text": t("Proof of address"),
                    "if_missing": t("Come back"),
                },
                {"id": "photo", "text": t("Photo"), "required": False},
            ],
        ),
        _service("lost_card", "L"),
        _service("general_enquiry", "G"),
    ],
    "questionnaire": {
        "start": "start",
        "questions": [
            {
                "id": "start",
                "text": t("What brings you in?"),
                "options": [
                    {"id": "accounts", "label": t("Accounts"), "next": "accounts_q"},
                    {"id": "lost", "label": t("Lost card"), "service": "lost_card"},
                    {"id": "not_sure_start", "label": t("Not sure"), "service": "general_enquiry"},
                ],
            },
            {
                "id": "accounts_q",
                "text": t("Which?"),
                "options": [
                    {"id": "open", "label": t("Open an account"), "service": "open_account"},
                    {
                        "id": "not_sure_accounts",
                        "label": t("Not sure"),
                        "service": "general_enquiry",
                    },
                ],
            },
        ],
    },
}


@pytest.fixture
def catalogue_data() -> dict[str, Any]:
    return copy.deepcopy(MINI_CATALOGUE)


@pytest.fixture
def write_catalogue(tmp_path: Path) -> Callable[[dict[str, Any]], Path]:
    def write(data: dict[str, Any]) -> Path:
        path = tmp_path / "catalogue.yaml"
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        return path

    return write


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return settings_from_mapping(
        {"kiosk": {"data_dir": str(tmp_path), "branch_name": "Test Branch"}}
    )


@pytest.fixture
def db(settings: Settings) -> Iterator[Database]:
    database = Database(settings.database_url)
    database.create_schema()
    with database.session() as session:
        save_catalogue(session, parse_catalogue(MINI_CATALOGUE))
    yield database
    database.dispose()


MANAGER_PIN = "409217"


@pytest.fixture
def reception(db: Database, settings: Settings, clock: FakeClock) -> Reception:
    return Reception(db, settings, clock)


@pytest.fixture
def desk(db: Database, settings: Settings, clock: FakeClock, reception: Reception) -> Desk:
    """Counter 1, open, serving every service of the small catalogue."""
    desk = Desk(db, settings, reception.catalogue(), clock)
    desk.set_counter("1", ["open_account", "lost_card", "general_enquiry"])
    desk.open_counter("1", staff_id=None)
    return desk


@pytest.fixture
def staff(db: Database, clock: FakeClock) -> StaffDirectory:
    return StaffDirectory(db, clock, kiosk_id="kiosk-1")


@pytest.fixture
def manager(staff: StaffDirectory) -> StaffMember:
    return staff.create_first_manager(MANAGER_PIN, name="Mei Chan")
