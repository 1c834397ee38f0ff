"""The base of the domain's services: the queue database, the branch's settings
(replaced by ``use_settings`` when a manager changes them) and an injected clock."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any, TextIO

from sqlmodel import Session

from kiosk import audit
from kiosk.access import Actor, StaffMember
from kiosk.catalogue.model import Catalogue
from kiosk.clock import Clock, business_today, utc_now
from kiosk.db.database import Database
from kiosk.settings import Settings


class BranchService:
    def __init__(self, db: Database, settings: Settings, clock: Clock = utc_now) -> None:
        self._db = db
        self._settings = settings
        self._clock = clock

    def use_settings(self, settings: Settings) -> None:
        """The branch's settings changed (the business day's reset hour among them)."""
        self._settings = settings

    def _today(self) -> date:
        return business_today(self._settings, self._clock)

    def _audit(
        self,
        session: Session,
        actor: Actor,
        action: str,
        target: str,
        detail: dict[str, Any] | None = None,
        at: datetime | None = None,
    ) -> None:
        """An audit entry of this kiosk, in the caller's transaction (``at``: now)."""
        audit.append(
            session,
            at=at or self._clock(),
            kiosk_id=self._settings.kiosk.id,
            actor=actor,
            action=action,
            target=target,
            detail=detail,
        )

    def _export_csv(
        self,
        session: Session,
        actor: StaffMember,
        out: TextIO,
        columns: Sequence[str],
        rows: Sequence[Sequence[Any]],
        *,
        action: str,
        target: str,
        detail: dict[str, Any] | None = None,
    ) -> int:
        """``rows`` under ``columns`` to ``out`` as CSV, the export audited in ``session``
        (with its row count); the row count. The caller refused non-managers first."""
        writer = csv.writer(out)
        writer.writerow(columns)
        writer.writerows(rows)
        self._audit(session, actor.actor, action, target, {"rows": len(rows), **(detail or {})})
        return len(rows)


class CatalogueService(BranchService):
    """A service that also reads the catalogue (replaced by ``use_catalogue``)."""

    def __init__(
        self, db: Database, settings: Settings, catalogue: Catalogue, clock: Clock = utc_now
    ) -> None:
        super().__init__(db, settings, clock)
        self._catalogue = catalogue

    def use_catalogue(self, catalogue: Catalogue) -> None:
        self._catalogue = catalogue
