"""Asks the database every few seconds (on the worker) whether the catalogue or the
branch's settings changed.

A manager's edit, or a service paused from a counter anywhere in the branch,
bumps the catalogue version; :meth:`Reception.refresh_if_changed` reloads it
and ``catalogue_did_change`` tells the window, which rebuilds the screens when
no customer is in the middle of a choice. Settings a manager saved in the admin
panel come as ``settings_did_change(settings, hidden_ticket_sections)``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from ui.worker import Worker

if TYPE_CHECKING:
    from kiosk.branch_settings import BranchSettingsStore
    from kiosk.reception import Reception
    from kiosk.settings import Settings


class CatalogueWatch(QObject):
    catalogue_did_change = Signal()
    settings_did_change = Signal(object, object)
    """The settings in force now, and the ticket sections managers hid."""

    def __init__(
        self,
        reception: Reception,
        worker: Worker,
        interval_ms: int,
        branch: BranchSettingsStore | None = None,
    ) -> None:
        super().__init__()
        self._reception = reception
        self._branch = branch
        self._worker = worker
        self._checking = False
        self._stopped = False
        self._again = False
        self.changes = 0
        """How many changes were seen (tests wait on it)."""
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)

    def start(self) -> None:
        self.timer.start()

    def stop(self) -> None:
        self._stopped = True
        self.timer.stop()

    def check(self) -> None:
        """Look now (also after a ticket was refused because a service was paused)."""
        if self._stopped:
            return
        if self._checking:
            self._again = True  # the running check may have read before the change
            return
        self._checking = True
        self._worker.run(self._read, self._answered, self._failed)

    def _read(self) -> tuple[bool, tuple[Settings, tuple[str, ...]] | None]:
        """On the worker: two primary-key reads, and reloads only what changed."""
        changed = self._reception.refresh_if_changed()
        branch = self._branch.refresh_if_changed() if self._branch is not None else None
        if branch is None or self._branch is None:
            return changed, None
        return changed, (self._branch.effective(branch), tuple(branch.hidden_ticket_sections))

    def _answered(self, result: tuple[bool, tuple[Settings, tuple[str, ...]] | None]) -> None:
        changed, settings = result
        if settings is not None:
            self.settings_did_change.emit(*settings)
        self._done()
        if changed is True:
            self.changes += 1
            self.catalogue_did_change.emit()

    def _failed(self, _error: BaseException) -> None:
        self._done()  # a lost database: the database watch says so

    def _done(self) -> None:
        self._checking = False
        if self._again:
            self._again = False
            QTimer.singleShot(0, self.check)
