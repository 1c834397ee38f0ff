"""A month's records archived: visits, tickets and their timelines (and whatever
else :data:`kiosk.archive_exporters.EXPORTERS` lists) as JSON Lines in one
``.tar.xz`` file, with a manifest, checked when written and whenever asked.

The manifest (``manifest.json``, the first member) says which month and business
days the file holds, the row count and SHA-256 of every member, the schema
revision and the audit trail's head at the time, so an archive can be matched
with the trail it came from. xz checks its own stream (CRC-64) and tar its
headers, so a changed byte anywhere fails :meth:`Archiver.verify`. Every archive
written is recorded in the database (``archive_record``) with the file's SHA-256;
the retention purge deletes only months recorded there as verified.

No personal data: the exporters name the columns they write.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sqlmodel import Session, col, select

from kiosk import audit
from kiosk.access import Actor
from kiosk.archive_exporters import EXPORTERS, ColumnsExporter, Scope
from kiosk.archive_file import (
    FORMAT,
    UNREADABLE,
    VERSION,
    ArchiveCheck,
    check_file,
    free_name,
    pack,
    writable,
)
from kiosk.archive_month import ArchiveError, Month
from kiosk.clock import Clock, utc_now
from kiosk.db.database import Database
from kiosk.db.migrate import current_revision
from kiosk.db.models import AuditEvent
from kiosk.db.models_archive import ArchiveRecord
from kiosk.i18n import N_
from kiosk.settings import Settings

__all__ = ["ArchiveCheck", "Archiver", "check_file"]


class Archiver:
    def __init__(
        self,
        db: Database,
        settings: Settings,
        clock: Clock = utc_now,
        exporters: Sequence[ColumnsExporter] | None = None,
    ) -> None:
        self._db = db
        self._settings = settings
        self._clock = clock
        self._exporters = list(EXPORTERS if exporters is None else exporters)

    def write(self, actor: Actor, month: Month, out_dir: Path) -> ArchiveCheck:
        """Write ``month``'s archive into ``out_dir`` (never over another file), read it
        back, and record it as verified; returns the check of the file as written."""
        business = self._settings.business
        start, end = month.bounds(business.zone, business.day_reset_hour)
        now = self._clock()
        if end > now:
            raise ArchiveError(
                N_(
                    "{month} is not over yet: a month is archived once its last business day has ended."
                ),
                month=str(month),
            )
        writable(out_dir)
        with self._db.session() as session:
            head = session.exec(
                select(AuditEvent.id, AuditEvent.chain).order_by(col(AuditEvent.id).desc()).limit(1)
            ).first()
        manifest: dict[str, Any] = {
            "format": FORMAT,
            "version": VERSION,
            "month": str(month),
            "first_day": month.first_day.isoformat(),
            "last_day": month.last_day.isoformat(),
            "time_zone": business.timezone,
            "day_reset_hour": business.day_reset_hour,
            "period_utc": [start.isoformat(), end.isoformat()],
            "created_at": now.isoformat(),
            "kiosk_id": self._settings.kiosk.id,
            "schema_revision": current_revision(self._db),
            "audit_head": {"id": head[0], "chain": head[1]} if head else None,
            "personal_data": "none",
            "members": [],
        }
        with tempfile.TemporaryDirectory(dir=out_dir, prefix=".kiosk-archive-") as work:
            files = [
                self._export(exporter, Scope(start, end), Path(work))
                for exporter in self._available()
            ]
            manifest["members"] = [entry for entry, _ in files]
            partial = Path(work) / "archive.partial"
            pack(partial, manifest, [(entry["name"], path) for entry, path in files], now)
            target = free_name(out_dir, month)
            os.link(partial, target)  # never replaces a file that appeared meanwhile
        check = check_file(target)
        if not check.ok:  # pragma: no cover - the disk changed what was just written
            target.unlink(missing_ok=True)
            raise ArchiveError(UNREADABLE, path=str(target))
        self._record(actor, month, target, check, manifest)
        return ArchiveCheck(target, check.month, check.counts, check.sha256, recorded=True)

    def _available(self) -> list[ColumnsExporter]:
        with self._db.engine.connect() as connection:
            return [e for e in self._exporters if e.available(connection)]

    def _export(
        self, exporter: ColumnsExporter, scope: Scope, work: Path
    ) -> tuple[dict[str, Any], Path]:
        path = work / f"{exporter.member}.jsonl"
        digest, rows, size = hashlib.sha256(), 0, 0
        with self._db.session() as session, path.open("wb") as out:
            for row in exporter.rows(session.connection(), scope):
                line = (json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n").encode()
                out.write(line)
                digest.update(line)
                rows += 1
                size += len(line)
        entry = {
            "name": path.name,
            "table": exporter.table,
            "rows": rows,
            "bytes": size,
            "sha256": digest.hexdigest(),
        }
        return entry, path

    def _record(
        self, actor: Actor, month: Month, path: Path, check: ArchiveCheck, manifest: dict[str, Any]
    ) -> None:
        now = self._clock()
        head = manifest["audit_head"]
        with self._db.session() as session:
            session.add(
                ArchiveRecord(
                    month=str(month),
                    file_name=path.name,
                    sha256=check.sha256,
                    visits=check.counts.get("visits", 0),
                    counts=check.counts,
                    schema_revision=str(manifest["schema_revision"]),
                    audit_head=head["id"] if head else None,
                    created_at=now,
                    verified_at=now,
                )
            )
            audit.append(
                session,
                at=now,
                kiosk_id=self._settings.kiosk.id,
                actor=actor,
                action="archive.write",
                target=str(month),
                detail={"file": path.name, "sha256": check.sha256, **check.counts},
            )

    def verify(self, actor: Actor, path: Path) -> ArchiveCheck:
        """Read the whole file and check it against its manifest; a good file the
        database knows is marked verified again. Audited either way (a file that is
        not a readable archive raises :class:`ArchiveError` once that is noted)."""
        try:
            check = check_file(path)
        except ArchiveError:
            with self._db.session() as session:
                detail = {"file": path.name, "ok": False, "readable": False}
                self._audit_verify(session, actor, "", detail)
            raise
        now = self._clock()
        with self._db.session() as session:
            record = session.exec(
                select(ArchiveRecord).where(ArchiveRecord.sha256 == check.sha256)
            ).first()
            if record is not None and check.ok:
                record.verified_at = now
                session.add(record)
            detail = {"file": path.name, "sha256": check.sha256, "ok": check.ok}
            self._audit_verify(
                session, actor, check.month, detail | {"problems": len(check.problems)}
            )
        return ArchiveCheck(
            check.path, check.month, check.counts, check.sha256, check.problems, record is not None
        )

    def _audit_verify(
        self, session: Session, actor: Actor, month: str, detail: dict[str, object]
    ) -> None:
        audit.append(
            session,
            at=self._clock(),
            kiosk_id=self._settings.kiosk.id,
            actor=actor,
            action="archive.verify",
            target=month,
            detail=detail,
        )
