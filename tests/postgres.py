"""A fresh PostgreSQL database per test module, on the server at KIOSK_TEST_PG
(default ``postgresql+psycopg://postgres@127.0.0.1:5432``).

Outside CI a missing server skips these tests with the reason; with ``CI=true``
a missing server fails them (scripts/test.sh starts the machine's server first).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError

SERVER = os.environ.get("KIOSK_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432")


def _admin_engine() -> Engine:
    return create_engine(
        f"{SERVER}/postgres", isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 3}
    )


@pytest.fixture(scope="module")
def postgres_url() -> Iterator[str]:
    name = f"kiosk_test_{uuid.uuid4().hex[:10]}"
    admin = _admin_engine()
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    except OperationalError as exc:
        admin.dispose()
        reason = f"no PostgreSQL server at {SERVER}: {exc.orig}"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    yield f"{SERVER}/{name}"
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()
