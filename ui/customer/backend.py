"""The kiosk's services behind the screens: database, reception, staff, printer.

:func:`open_backend` is the slow part of start-up (SQLAlchemy, the schema, the
catalogue, python-escpos), so the app runs it on the worker after the welcome
screen is painted. Everything heavy is imported inside it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.clock import Clock, utc_now
from kiosk.i18n import N_, Catalogs
from kiosk.settings import Settings
from ui.common.branch_database import open_branch_database
from ui.common.errors import StartupError

if TYPE_CHECKING:
    from kiosk.audit import AuditLog
    from kiosk.branch_settings import BranchSettingsStore
    from kiosk.bring_lists import BringLists
    from kiosk.complaint_book import ComplaintBook
    from kiosk.contacts import ContactBook
    from kiosk.db.database import Database
    from kiosk.feedback import Ratings
    from kiosk.first_run import SetupCode
    from kiosk.reception import Reception
    from kiosk.refusals import RefusalLog
    from kiosk.staff import StaffDirectory
    from printing.job import TicketPrinter


@dataclass
class Backend:
    db: Database
    reception: Reception
    staff: StaffDirectory
    printer: TicketPrinter | None
    audit: AuditLog
    branch: BranchSettingsStore
    """The branch's settings as managers saved them (the watches read it)."""
    settings: Settings | None = None
    """The settings in force at start: the machine's TOML with the branch's choices over it."""
    setup_code: SetupCode | None = None
    """While the branch has no manager: the one-time code that lets the screen set one up."""
    refusals: RefusalLog | None = None
    """Where refused attempts of this kiosk are counted (the daily check ends old bursts)."""
    contacts: ContactBook | None = None
    """Where "Text me" records a customer's number and consent."""
    ratings: Ratings | None = None
    """"Rate a recent visit" (and the complaint case a low score opens)."""
    complaint_book: ComplaintBook | None = None
    """The complaint cases (the staff home shows how many are overdue)."""
    bring_lists: BringLists | None = None
    """"I have a list from an earlier visit": the lists' return codes."""

    def close(self) -> None:
        self.db.dispose()


def open_backend(
    settings: Settings,
    catalogs: Catalogs,
    catalogue_files: Sequence[Path] | None = None,
    clock: Clock = utc_now,
    settings_source: str = "settings",
) -> Backend:
    """Open everything the screens need. Raises :class:`StartupError` with a plain message."""
    from kiosk.audit import AuditLog
    from kiosk.branch_settings import BranchSettingsStore
    from kiosk.bring_lists import BringLists
    from kiosk.catalogue.loader import CatalogueError
    from kiosk.complaint_book import ComplaintBook
    from kiosk.contacts import ContactBook
    from kiosk.db.database import DatabaseUnavailable
    from kiosk.feedback import Ratings
    from kiosk.first_run import SetupCode
    from kiosk.reception import Reception
    from kiosk.refusals import RefusalLog
    from kiosk.staff import StaffDirectory
    from printing.backends import PrinterConfigError, parse_printer_url
    from printing.job import TicketPrinter
    from printing.layout import TicketSections

    try:
        parse_printer_url(settings.printer.url, settings.printer)
    except PrinterConfigError as exc:
        raise StartupError.said(
            N_("{source}: printer.url cannot be used:"), exc, source=settings_source
        ) from None
    db, settings, hidden = open_branch_database(settings, catalogue_files)
    reception = Reception(db, settings, clock)
    try:
        reception.catalogue()
    except (CatalogueError, DatabaseUnavailable) as exc:
        raise StartupError.said(N_("The stored service catalogue cannot be used:"), exc) from None
    printer = TicketPrinter(
        settings.printer,
        settings.kiosk.data_dir,
        catalogs,
        settings.business.zone,
        sections=TicketSections(**dict.fromkeys(hidden, False)),
    )
    staff = StaffDirectory(db, clock, kiosk_id=settings.kiosk.id)
    refusals = RefusalLog(db, staff.pad_key, settings.kiosk.id, clock).attach()
    audit = AuditLog(db, settings.kiosk.id, clock)
    branch = BranchSettingsStore(db, settings, clock)
    setup_code = SetupCode() if staff.needs_first_manager() else None
    assert db.contact_key is not None  # opened with the database (or the start was refused)
    contacts = ContactBook(db, settings, db.contact_key, clock)
    ratings = Ratings(db, settings, clock)
    book = ComplaintBook(db, settings, clock)
    return Backend(
        db,
        reception,
        staff,
        printer,
        audit,
        branch,
        settings,
        setup_code,
        refusals=refusals,
        contacts=contacts,
        ratings=ratings,
        complaint_book=book,
        bring_lists=BringLists(db, settings, clock),
    )
