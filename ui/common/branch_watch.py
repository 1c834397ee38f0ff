"""Asks the database every few seconds (on the worker) whether the catalogue or the
branch's settings changed: the kiosk, the counter console and the lobby display
alike.

A manager's edit, or a service paused from a counter anywhere in the branch,
bumps the catalogue version; ``refresh_catalogue`` (e.g.
:meth:`Reception.refresh_if_changed`) reloads it and ``catalogue_did_change``
says so. Settings a manager saved in the admin panel are laid over this
machine's file and applied to the process's :class:`SettingsInForce`. Both are
one primary-key read each. (The console's and the display's queue reads reload
the catalogue themselves: they watch the settings only.)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from ui.common.poller import Poller
from ui.common.settings_in_force import SettingsInForce
from ui.common.worker import Worker

if TYPE_CHECKING:
    from kiosk.branch_settings import BranchSettingsStore
    from kiosk.settings import Settings

Found = tuple[bool, tuple["Settings", tuple[str, ...]] | None]


class BranchWatch(QObject):
    catalogue_did_change = Signal()

    def __init__(
        self,
        worker: Worker,
        interval_ms: int,
        refresh_catalogue: Callable[[], bool] | None,
        branch: BranchSettingsStore | None,
        settings: SettingsInForce | None,
    ) -> None:
        super().__init__()
        self._refresh_catalogue = refresh_catalogue
        self._branch = branch
        self._settings = settings
        self.changes = 0
        """How many catalogue changes were seen (tests wait on it)."""
        # a failure is a lost database: the connection monitor says so
        self.poller = Poller(worker, interval_ms, lambda: self._read, self._answered, parent=self)

    def start(self) -> None:
        self.poller.start()

    def stop(self) -> None:
        self.poller.stop()

    def check(self) -> None:
        """Look now (also after a ticket was refused because a service was paused)."""
        self.poller.check()

    def _read(self) -> Found:
        """On the worker: two primary-key reads, and reloads only what changed."""
        changed = self._refresh_catalogue() if self._refresh_catalogue is not None else False
        branch = self._branch.refresh_if_changed() if self._branch is not None else None
        if branch is None or self._branch is None:
            return changed, None
        return changed, (self._branch.effective(branch), tuple(branch.hidden_ticket_sections))

    def _answered(self, result: Found) -> None:
        changed, found = result
        if found is not None and self._settings is not None:
            self._settings.apply(*found)
        if changed is True:
            self.changes += 1
            self.catalogue_did_change.emit()
