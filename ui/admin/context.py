"""What every admin page shares: the signed-in member, the domain services, the
language, and one way to run domain calls off the UI thread.

Domain calls go through :meth:`AdminContext.run`: on the worker's thread pool,
answered on the UI thread. After sign-out the context has no member, refuses to
start jobs and drops the answers of jobs still running, so nothing from the old
session reaches the screen again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from kiosk.access import PermissionDenied
from kiosk.audit import AuditLog
from kiosk.branch_settings import BranchSettingsStore
from kiosk.catalogue_admin import CatalogueAdmin
from kiosk.clock import Clock, utc_now
from kiosk.complaint_book import ComplaintBook
from kiosk.complaints import Complaints
from kiosk.counters import CounterAdmin
from kiosk.i18n import N_
from kiosk.records import Records
from kiosk.reports.service import Reports
from kiosk.staff import StaffDirectory
from ui.common.errors import error_lines
from ui.common.worker import JobGroup

if TYPE_CHECKING:
    from datetime import tzinfo

    from kiosk.access import StaffMember
    from kiosk.complaints import NotifyResolution
    from kiosk.contacts import ContactBook
    from kiosk.db.database import Database
    from kiosk.i18n import Catalogs, Localizer
    from kiosk.phone_survey import PhoneSurvey
    from kiosk.settings import Settings
    from ui.common.language import Language
    from ui.common.worker import Job, Worker

log = logging.getLogger(__name__)

NOT_SIGNED_IN = N_("You are signed out. Sign in again to continue.")


class AdminContext(QObject):
    member_did_change = Signal()

    def __init__(
        self,
        *,
        db: Database,
        settings: Settings,
        language: Language,
        member: StaffMember,
        worker: Worker,
        clock: Clock = utc_now,
        catalogs: Catalogs | None = None,
    ) -> None:
        super().__init__()
        self.db = db
        self.settings = settings
        self.language = language
        self.catalogs = catalogs or language.catalogs
        self.worker = worker
        self.clock = clock
        self._member: StaffMember | None = member
        kiosk_id = settings.kiosk.id
        self.staff = StaffDirectory(db, clock, kiosk_id=kiosk_id)
        self.catalogue = CatalogueAdmin(db, kiosk_id, clock)
        self.counters = CounterAdmin(db, kiosk_id, clock, self.catalogs)
        self.branch = BranchSettingsStore(db, settings, clock)
        self.records = Records(db, settings, clock)
        self.reports = Reports(db, settings, clock)
        self.audit = AuditLog(db, kiosk_id, clock)
        self.complaints = Complaints(db, settings, clock)
        self.complaint_book = ComplaintBook(db, settings, clock)
        self.notify_resolution: NotifyResolution | None = None
        """Called in the transaction that resolves a case (the customer's text, where
        they consented); set by whoever assembles the app."""
        self._jobs = JobGroup(worker)
        self._contacts: ContactBook | None = None
        self._phone_survey: PhoneSurvey | None = None

    # -- customers' contacts (the key is read on first use, on the worker) ----------------
    @property
    def contacts(self) -> ContactBook:
        if self._contacts is None:
            from kiosk.contacts import ContactBook, open_contact_key

            key = self.db.contact_key or open_contact_key(self.db, self.settings)
            self._contacts = ContactBook(self.db, self.settings, key, self.clock)
        return self._contacts

    @property
    def phone_survey(self) -> PhoneSurvey:
        if self._phone_survey is None:
            from kiosk.after_visit import low_score_opens_a_case
            from kiosk.contacts import open_contact_key
            from kiosk.phone_survey import PhoneSurvey

            key = self.db.contact_key or open_contact_key(self.db, self.settings)
            self._phone_survey = PhoneSurvey(
                self.db,
                self.settings,
                key,
                self.clock,
                on_low_score=low_score_opens_a_case(self.settings),
            )
        return self._phone_survey

    # -- who -------------------------------------------------------------------------------
    @property
    def member(self) -> StaffMember | None:
        return self._member

    @property
    def is_manager(self) -> bool:
        return self._member is not None and self._member.is_manager

    def sign_out(self) -> None:
        self._member = None
        self.discard_jobs()
        self.member_did_change.emit()

    # -- where and how ---------------------------------------------------------------------
    @property
    def loc(self) -> Localizer:
        return self.language.loc

    @property
    def zone(self) -> tzinfo:
        return self.settings.business.zone

    # -- background work -------------------------------------------------------------------
    def run(
        self,
        fn: Callable[[StaffMember], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
    ) -> Job | None:
        """Run ``fn(member)`` on the worker. Refused (``on_error`` at once) when signed out."""
        member = self._member
        if member is None:
            on_error(PermissionDenied(NOT_SIGNED_IN))
            return None
        return self._jobs.run(lambda: fn(member), on_done, on_error)

    @property
    def busy(self) -> bool:
        return self._jobs.busy

    def discard_jobs(self) -> None:
        self._jobs.discard()

    # -- messages --------------------------------------------------------------------------
    def error_lines(self, error: BaseException) -> list[str]:
        """What went wrong, translated, one line per problem."""
        return error_lines(error, self.loc, context="admin action")

    def error_text(self, error: BaseException) -> str:
        return "\n".join(self.error_lines(error))
