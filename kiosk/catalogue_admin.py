"""Managers change the catalogue: validated, stored, audited, and announced to every
kiosk of the branch through the catalogue version (they reload without restart)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kiosk import audit, events
from kiosk.access import StaffMember, require_manager
from kiosk.catalogue.export import catalogue_to_data, catalogue_to_yaml
from kiosk.catalogue.loader import load_catalogue
from kiosk.catalogue.model import Catalogue
from kiosk.catalogue.validate import catalogue_problems
from kiosk.clock import Clock, utc_now
from kiosk.db.catalogue_store import load_stored_catalogue, save_catalogue
from kiosk.db.database import Database


def _keep_live_pauses(new: Catalogue, opened_from: Catalogue, stored: Catalogue) -> Catalogue:
    """``new`` with the stored pause of every service whose pause the editor left as
    it was when it opened (a counter may have paused or resumed it since)."""
    services = []
    for service in new.services:
        try:
            before = opened_from.service(service.slug).pause
            live = stored.service(service.slug).pause
        except KeyError:  # a service added by this edit
            services.append(service)
            continue
        unchanged_here = service.pause == before
        services.append(service.model_copy(update={"pause": live}) if unchanged_here else service)
    return new.model_copy(update={"services": services})


class CatalogueChanged(Exception):
    """Someone saved the catalogue since this editor read it; nothing was overwritten."""


class CatalogueRejected(ValueError):
    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))


def _changes(old: dict[str, Any], new: dict[str, Any], path: str = "") -> dict[str, Any]:
    """Old → new for every leaf that differs, keyed by path (services.open_account.name.en)."""
    changes: dict[str, Any] = {}
    for key in sorted(set(old) | set(new), key=str):
        where = f"{path}.{key}" if path else str(key)
        before, after = old.get(key), new.get(key)
        if isinstance(before, dict) and isinstance(after, dict):
            changes.update(_changes(before, after, where))
        elif before != after:
            changes[where] = {"old": before, "new": after}
    return changes


def _keyed(data: dict[str, Any]) -> dict[str, Any]:
    """Lists of services/questions/options keyed by id, so a reorder is not a rewrite."""
    services = {s["slug"]: s for s in data["services"]}
    questions = {
        q["id"]: {**q, "options": {o["id"]: o for o in q["options"]}}
        for q in data["questionnaire"]["questions"]
    }
    return {
        "services": services,
        "questionnaire": {"start": data["questionnaire"]["start"], "questions": questions},
    }


class CatalogueAdmin:
    def __init__(self, db: Database, kiosk_id: str, clock: Clock = utc_now) -> None:
        self._db = db
        self._kiosk_id = kiosk_id
        self._clock = clock

    def current(self) -> Catalogue:
        with self._db.session() as session:
            return load_stored_catalogue(session)

    def version(self) -> int:
        with self._db.session() as session:
            return events.version(session, events.CATALOGUE_VERSION)

    def replace(
        self,
        actor: StaffMember,
        catalogue: Catalogue,
        action: str = "catalogue.edit",
        expected_version: int | None = None,
        opened_from: Catalogue | None = None,
    ) -> int:
        """Store a new catalogue; returns the new version. Refuses one that breaks a rule,
        and (with ``expected_version``) one edited from a version that is no longer current.

        Pausing and resuming a service (at a counter, :mod:`kiosk.pause`) is not a
        catalogue edit and does not make an open editor stale; with ``opened_from`` (the
        catalogue the editor started from), a pause the editor left as it found it keeps
        its live state instead of undoing a counter's pause."""
        with self._db.session() as session:
            require_manager(actor, session)
            problems = catalogue_problems(catalogue)
            if problems:
                raise CatalogueRejected(problems)
            if expected_version is not None:
                # the version row is locked until commit (SQLite: BEGIN IMMEDIATE already
                # serialises writers), so two editors cannot both pass this check
                current = events.version(session, events.CATALOGUE_VERSION, lock=True)
                if current != expected_version:
                    raise CatalogueChanged()
            old = load_stored_catalogue(session)
            if opened_from is not None:
                catalogue = _keep_live_pauses(catalogue, opened_from, old)
            changes = _changes(_keyed(catalogue_to_data(old)), _keyed(catalogue_to_data(catalogue)))
            save_catalogue(session, catalogue)
            events.bump(session, events.CATALOGUE_VERSION)
            audit.append(
                session,
                at=self._clock(),
                kiosk_id=self._kiosk_id,
                actor=actor.actor,
                action=action,
                target="catalogue",
                detail={"changes": changes},
            )
            return events.version(session, events.CATALOGUE_VERSION)

    def import_files(self, actor: StaffMember, paths: list[Path]) -> int:
        """Load YAML (raises ``CatalogueError`` with file, line and path) and store it."""
        return self.replace(actor, load_catalogue(paths), action="catalogue.import")

    def export_yaml(self, actor: StaffMember) -> str:
        with self._db.session() as session:
            require_manager(actor, session)
            catalogue = load_stored_catalogue(session)
            audit.append(
                session,
                at=self._clock(),
                kiosk_id=self._kiosk_id,
                actor=actor.actor,
                action="catalogue.export",
                target="catalogue",
            )
        return catalogue_to_yaml(catalogue)
