"""Open the kiosk's database: create the schema and seed the catalogue on first run
(with the built-in demo catalogue, also three counters that serve it), and open the
keys kept outside it (the audit trail's, the customers' phone numbers')."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from kiosk.audit_seal import AuditSeal
from kiosk.catalogue.loader import load_catalogue
from kiosk.contacts import open_contact_key
from kiosk.counters import seed_demo_counters
from kiosk.db.catalogue_store import has_catalogue, save_catalogue
from kiosk.db.database import Database
from kiosk.db.migrate import ensure_current
from kiosk.settings import Settings


def open_database(settings: Settings, catalogue_files: Sequence[Path] | None = None) -> Database:
    """A ready database: schema migrated (SQLite) or checked (PostgreSQL), catalogue seeded.

    Raises ``CatalogueError`` (seed files malformed), ``SchemaOutOfDate`` (PostgreSQL
    needs ``kiosk db upgrade``) or ``DatabaseUnavailable`` (locked, unreachable, or
    its file cannot be created)."""
    db = Database(settings.database_url)
    if db.file is not None and db.file.exists():
        from kiosk.backup import sqlite_problem
        from kiosk.db.database import DatabaseUnavailable

        problem = sqlite_problem(db.file, quick=True, schema=False)
        if problem:  # a damaged file is not written to: restore a backup instead
            raise DatabaseUnavailable(
                f"{db.file} is damaged ({problem}); restore a backup: kiosk db restore FILE"
            )
    with db.translate_errors():
        ensure_current(db)
    db.mark_ready()
    with db.session() as session:
        # machines starting together on a new database: one seeds, the others then see it
        db.hold_branch_lock(session, "kiosk.seed")
        if not has_catalogue(session):
            save_catalogue(session, load_catalogue(catalogue_files))
            if catalogue_files is None:
                seed_demo_counters(session)
    db.audit_seal = _seal(db, settings)
    db.contact_key = open_contact_key(db, settings)  # raises ContactKeyError
    return db


def _seal(db: Database, settings: Settings) -> AuditSeal:
    """The audit key: made on a trail's first run only (raises :class:`AuditSealError`)."""
    from sqlmodel import col, select

    from kiosk.audit_seal import KEYED, load_seal
    from kiosk.db.models import AuditEvent

    with db.session() as session:
        keyed = session.exec(
            select(AuditEvent.id).where(col(AuditEvent.chain).startswith(KEYED)).limit(1)
        ).first()
    return load_seal(settings.kiosk.audit_key_path, may_create=keyed is None)
