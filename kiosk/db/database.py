"""The database: engine set-up for SQLite (one kiosk) or PostgreSQL (a branch).

SQLite runs in WAL mode with ``synchronous=FULL`` (a committed ticket survives a
power cut) and every transaction starts with ``BEGIN IMMEDIATE``, so two kiosk
processes never both read a counter before either writes it. A long read that
writes nothing (the daily audit check) uses :meth:`Database.reading`: a deferred
transaction, a snapshot in WAL mode, which keeps no kiosk from issuing tickets.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import event, text
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.pool import StaticPool
from sqlmodel import Session, SQLModel, create_engine

from kiosk.audit_seal import AuditSeal
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

if TYPE_CHECKING:
    from kiosk.contact_key import ContactKey

SQLITE_BUSY_TIMEOUT_MS = 10_000
REFUSAL = "refused"
READ_ONLY = "kiosk_read_only"
"""Execution option of :meth:`Database.reading`'s connections: a plain read snapshot."""
"""``session.info`` key: (who, what) a domain check refused in this transaction."""

log = logging.getLogger(__name__)


class DatabaseUnavailable(Exception):
    """The database cannot be reached, is locked too long, or its file is gone."""


def _configure_sqlite(engine: Engine, busy_timeout_ms: int) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we issue BEGIN ourselves
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {busy_timeout_ms}")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        reading = connection.get_execution_options().get(READ_ONLY, False)
        connection.exec_driver_sql("BEGIN DEFERRED" if reading else "BEGIN IMMEDIATE")


class Database:
    def __init__(self, url: str, busy_timeout_ms: int = SQLITE_BUSY_TIMEOUT_MS) -> None:
        parsed = make_url(url)
        self.url = url
        self.is_sqlite = parsed.get_backend_name() == "sqlite"
        self.file: Path | None = None
        kwargs: dict[str, Any] = {}
        if self.is_sqlite:
            kwargs["connect_args"] = {"check_same_thread": False, "timeout": busy_timeout_ms / 1000}
            if parsed.database in (None, "", ":memory:"):
                kwargs["poolclass"] = StaticPool
            else:
                self.file = Path(parsed.database or "")
                try:
                    self.file.parent.mkdir(parents=True, exist_ok=True)
                except OSError as exc:
                    raise DatabaseUnavailable(f"{self.file.parent}: {exc.strerror}") from exc
        else:
            kwargs["pool_pre_ping"] = True
            kwargs["connect_args"] = {"connect_timeout": 5}
        self.engine = create_engine(url, **kwargs)
        self.audit_seal: AuditSeal | None = None
        """The audit trail's key and head record (:mod:`kiosk.audit_seal`), once opened."""
        self.refusal_hook: Callable[[Any, str], None] | None = None
        """Called with (who, what) after a transaction a domain check refused has rolled
        back (:meth:`kiosk.refusals.RefusalLog.attach`), to audit the attempt."""
        self.contact_key: ContactKey | None = None
        """The key of the customers' phone numbers (:mod:`kiosk.contact_key`), once opened."""
        if self.is_sqlite:
            _configure_sqlite(self.engine, busy_timeout_ms)

    def create_schema(self) -> None:
        """Create every table directly (tests; production goes through migrations)."""
        with self.translate_errors():
            SQLModel.metadata.create_all(self.engine)
        self.mark_ready()

    def mark_ready(self) -> None:
        """From now on, a database file that disappears is an error, not a new database."""
        self._created = True

    def _check_file(self) -> None:
        # SQLite keeps writing to a file that was deleted under it, and those writes
        # vanish on close: refuse instead, so nothing is lost silently.
        if self.file is not None and getattr(self, "_created", False) and not self.file.exists():
            raise DatabaseUnavailable(f"{self.file}: the database file is gone")

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session whose transaction commits on success and rolls back on error."""
        self._check_file()
        with self.translate_errors(), Session(self.engine, expire_on_commit=False) as session:
            session.info["audit_seal"] = self.audit_seal
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                self._note_refusal(session.info.pop(REFUSAL, None))
                raise
            head = session.info.pop("audit_head", None)
            if head is not None and self.audit_seal is not None:
                self.audit_seal.note_head(*head)  # committed: now it may be noted

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A session for reads only: on SQLite a deferred transaction (a WAL snapshot)
        instead of the write lock, so a long read never holds up a write. Ends with a
        rollback; a refusal in it is noted as in :meth:`session`."""
        self._check_file()
        reader = self.engine.execution_options(**{READ_ONLY: True})
        with self.translate_errors(), Session(reader, expire_on_commit=False) as session:
            session.info["audit_seal"] = self.audit_seal
            try:
                yield session
            except BaseException:
                session.rollback()
                self._note_refusal(session.info.pop(REFUSAL, None))
                raise
            session.rollback()

    def _note_refusal(self, refused: tuple[Any, str] | None) -> None:
        if refused is None or self.refusal_hook is None:
            return
        try:
            self.refusal_hook(*refused)
        except Exception:  # the refusal stands; only its audit entry is missing
            log.exception("A refused action could not be audited")

    def hold_branch_lock(self, connection: Session | Connection, name: str) -> None:
        """Serialise one start-up step (migrating, seeding) across every machine of the
        branch until the caller's transaction ends. PostgreSQL: a transaction-scoped
        advisory lock; SQLite: ``BEGIN IMMEDIATE`` already holds the write lock."""
        if not self.is_sqlite:
            connection.execute(
                text("SELECT pg_advisory_xact_lock(hashtext(:name))"), {"name": name}
            )

    @staticmethod
    @contextmanager
    def translate_errors() -> Iterator[None]:
        try:
            yield
        except OperationalError as exc:
            raise DatabaseUnavailable(str(exc.orig or exc)) from exc

    def dispose(self) -> None:
        self.engine.dispose()
