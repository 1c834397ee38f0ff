"""The hand-made branch the report tests read: one Monday of traffic in Hong Kong
(reset hour 4), an empty Tuesday, driven through the real reception and desk with a
clock moved by hand, on SQLite and on PostgreSQL. Every figure the tests expect is
worked out in :mod:`.scenario`."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlmodel import SQLModel

from kiosk.catalogue.loader import parse_catalogue
from kiosk.db.catalogue_store import save_catalogue
from kiosk.db.database import Database
from kiosk.settings import Settings, settings_from_mapping
from tests.kiosk.conftest import MINI_CATALOGUE
from tests.kiosk.reports.scenario import Branch, build_monday
from tests.postgres import postgres_url

__all__ = ["postgres_url"]

#: Service-level targets (minutes) of the test catalogue.
SLA = {"open_account": 30, "lost_card": 10, "general_enquiry": 15}


def catalogue() -> dict[str, object]:
    data = copy.deepcopy(MINI_CATALOGUE)
    for service in data["services"]:
        service["sla_minutes"] = SLA[service["slug"]]
    return data


def _settings(tmp: Path, url: str | None) -> Settings:
    mapping: dict[str, object] = {"kiosk": {"data_dir": str(tmp), "branch_name": "Test Branch"}}
    if url:
        mapping["database"] = {"url": url}
    return settings_from_mapping(mapping)


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def branch(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Branch]:
    tmp = tmp_path_factory.mktemp("reports")
    url = request.getfixturevalue("postgres_url") if request.param == "postgresql" else None
    settings = _settings(tmp, url)
    db = Database(settings.database_url)
    SQLModel.metadata.drop_all(db.engine)
    db.create_schema()
    with db.session() as session:
        save_catalogue(session, parse_catalogue(catalogue()))
    yield build_monday(db, settings)
    db.dispose()
