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

from PySide6.QtCore import QObject, Signal

from ui.common.poller import Poller
from ui.common.worker import Worker

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
        self.changes = 0
        """How many changes were seen (tests wait on it)."""
        # a failure is a lost database: the database watch says so
        self.poller = Poller(worker, interval_ms, lambda: self._read, self._answered, parent=self)

    def start(self) -> None:
        self.poller.start()

    def stop(self) -> None:
        self.poller.stop()

    def check(self) -> None:
        """Look now (also after a ticket was refused because a service was paused)."""
        self.poller.check()

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
        if changed is True:
            self.changes += 1
            self.catalogue_did_change.emit()
