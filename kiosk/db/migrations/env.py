"""Alembic environment: runs on the connection the kiosk hands over (see kiosk.db.migrate)."""

from __future__ import annotations

from alembic import context
from sqlmodel import SQLModel

from kiosk.db import (  # noqa: F401 - register tables and triggers
    models,
    models_archive,
    models_bring_list,
    models_contacts,
    models_feedback,
    models_hardening,
    models_reports,
    models_rollup,
    rollup_triggers,
    triggers,
)

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=SQLModel.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
