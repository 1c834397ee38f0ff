"""Opening the branch's database at start-up, the same way for every app: the
schema checked (and SQLite upgraded), the catalogue seeded if needed, and the
branch's settings laid over this machine's file.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.i18n import N_
from ui.common.errors import StartupError

if TYPE_CHECKING:
    from kiosk.db.database import Database
    from kiosk.settings import Settings


def open_branch_database(
    settings: Settings, catalogue_files: Sequence[Path] | None = None
) -> tuple[Database, Settings, tuple[str, ...]]:
    """The database, the settings in force and the ticket sections managers hid.

    Raises :class:`StartupError` with a message naming what is wrong."""
    from kiosk.audit_seal import AuditSealError
    from kiosk.bootstrap import open_database
    from kiosk.branch_settings import BranchSettingsStore
    from kiosk.catalogue.loader import CatalogueError
    from kiosk.contact_key import ContactKeyError
    from kiosk.db.database import DatabaseUnavailable
    from kiosk.db.migrate import SchemaOutOfDate

    try:
        db = open_database(settings, catalogue_files)
    except CatalogueError as exc:
        raise StartupError.said(N_("The service catalogue cannot be used:"), exc) from None
    except (DatabaseUnavailable, SchemaOutOfDate) as exc:
        raise StartupError.said(
            N_("The database cannot be opened ({url}):"), exc, url=settings.database_url
        ) from None
    except AuditSealError as exc:
        message, path = exc.message, exc.path
        raise StartupError(
            str(exc),
            lambda tr: [
                tr(N_("The audit trail's key cannot be used ({path}):")).format(path=path),
                tr(message),
            ],
        ) from None
    except ContactKeyError as exc:
        message, path = exc.message, exc.path
        raise StartupError(
            str(exc),
            lambda tr: [
                tr(N_("The key of the customers' phone numbers cannot be used ({path}):")).format(
                    path=path
                ),
                tr(message),
            ],
        ) from None
    try:
        # what managers chose in the admin panel, shared by every machine of the branch
        in_force, hidden = BranchSettingsStore(db, settings).in_force()
    except DatabaseUnavailable as exc:
        db.dispose()
        raise StartupError.said(
            N_("The database cannot be read ({url}):"), exc, url=settings.database_url
        ) from None
    return db, in_force, hidden
