"""The domain services a counter console or a lobby display works with.

Every method here does database I/O: call them only from a worker job
(``ui/common/worker.py``), never on the UI thread.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.board import Board
from kiosk.clock import Clock, utc_now
from kiosk.complaint_book import ComplaintBook
from kiosk.complaints import Complaints
from kiosk.desk import Desk
from kiosk.follow_on import FollowOns
from kiosk.reception import Reception
from kiosk.refusals import RefusalLog
from kiosk.staff import StaffDirectory

if TYPE_CHECKING:
    from kiosk.catalogue.model import Catalogue
    from kiosk.db.database import Database
    from kiosk.settings import Settings
    from ui.common.branch_watch import BranchWatch
    from ui.common.settings_in_force import SettingsInForce
    from ui.common.worker import Worker


@dataclass
class QueueBackend:
    db: Database
    settings: Settings
    clock: Clock = utc_now
    reception: Reception = field(init=False)
    board: Board = field(init=False)
    staff: StaffDirectory = field(init=False)
    complaints: Complaints = field(init=False)
    complaint_book: ComplaintBook = field(init=False)
    _desk: Desk | None = field(init=False, default=None)
    _desk_catalogue: Catalogue | None = field(init=False, default=None)
    _lock: threading.Lock = field(init=False, default_factory=threading.Lock)

    def __post_init__(self) -> None:
        kiosk_id = self.settings.kiosk.id
        self.reception = Reception(self.db, self.settings, self.clock)
        self.board = Board(self.db, self.settings, self.clock)
        self.staff = StaffDirectory(self.db, self.clock, f"console:{kiosk_id}", kiosk_id)
        RefusalLog(self.db, self.staff.pad_key, kiosk_id, self.clock).attach()
        self.complaints = Complaints(self.db, self.settings, self.clock)
        self.complaint_book = ComplaintBook(self.db, self.settings, self.clock)

    def use_settings(self, settings: Settings) -> None:
        """The branch's settings changed (business day, queue rules, branch name)."""
        with self._lock:
            self.settings = settings
            self.reception.use_settings(settings)
            self.board.use_settings(settings)
            self.complaints.use_settings(settings)
            self.complaint_book.use_settings(settings)
            self._desk = None  # the next desk is made with them

    def refresh(self) -> bool:
        """Reload the catalogue if a manager or a console changed it; True if it did."""
        with self._lock:
            return self.reception.refresh_if_changed()

    def catalogue(self) -> Catalogue:
        """The catalogue as last loaded (loads it the first time)."""
        with self._lock:
            return self.reception.catalogue()

    def desk(self) -> Desk:
        """A desk over the current catalogue (worker only)."""
        catalogue = self.catalogue()
        with self._lock:
            if self._desk is None or self._desk_catalogue is not catalogue:
                self._desk = Desk(self.db, self.settings, catalogue, self.clock)
                self._desk_catalogue = catalogue
            return self._desk

    def follow_ons(self) -> FollowOns:
        """Follow-on tickets over the current catalogue (worker only)."""
        catalogue = self.catalogue()
        with self._lock:
            return FollowOns(self.db, self.settings, catalogue, self.clock)

    def close(self) -> None:
        self.db.dispose()


def branch_watch(
    backend: QueueBackend, worker: Worker, settings: SettingsInForce, interval_ms: int
) -> BranchWatch:
    """The watch that brings a manager's settings to a console or a display (their
    queue reads reload the catalogue themselves)."""
    from kiosk.branch_settings import BranchSettingsStore
    from ui.common.branch_watch import BranchWatch

    store = BranchSettingsStore(backend.db, backend.settings, backend.clock)
    return BranchWatch(worker, interval_ms, None, store, settings)


def open_queue_backend(config: Path | None) -> QueueBackend:
    """Settings → database → backend, for ``run_console`` and ``run_display``.

    Raises :class:`ui.common.errors.StartupError` with a message naming what is wrong."""
    from kiosk.settings import SettingsError, load_settings
    from ui.common.branch_database import open_branch_database
    from ui.common.errors import StartupError

    try:
        settings = load_settings(config)
    except SettingsError as exc:
        raise StartupError(str(exc), exc.lines) from None
    db, settings, _hidden = open_branch_database(settings)
    return QueueBackend(db, settings)
