"""The settings in force in this process: the machine's TOML file with the branch's
choices (saved by a manager, shared by every machine of the branch) laid over it.

There is one per process, built by its composition root. Whoever needs a value
reads :attr:`SettingsInForce.current` when it uses it, rather than keeping a copy;
what must change at once (a window title, the languages offered, the domain
services' business day) listens to ``settings_did_change``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from kiosk.settings import Settings


class SettingsInForce(QObject):
    settings_did_change = Signal(object)
    """The new :class:`~kiosk.settings.Settings` (the hidden ticket sections with them)."""

    def __init__(
        self,
        settings: Settings,
        hidden_sections: tuple[str, ...] = (),
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._hidden = hidden_sections

    @property
    def current(self) -> Settings:
        return self._settings

    @property
    def hidden_sections(self) -> tuple[str, ...]:
        """The ticket sections managers turned off."""
        return self._hidden

    def apply(self, settings: Settings, hidden_sections: tuple[str, ...] = ()) -> None:
        """New settings from the branch; says so when anything changed."""
        if settings == self._settings and hidden_sections == self._hidden:
            return
        self._settings, self._hidden = settings, hidden_sections
        self.settings_did_change.emit(settings)
