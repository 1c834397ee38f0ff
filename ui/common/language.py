"""The customer's language, switchable live.

One :class:`Language` holds the current :class:`~kiosk.i18n.Localizer`. Screens
connect to ``language_did_change`` and re-read every string in ``retranslate()``;
nothing is translated at import time. Each customer starts in the kiosk's
default language (:meth:`Language.reset` at the end of a session).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from kiosk.i18n import LOCALES, Catalogs, Localizer, normalize_locale


class Language(QObject):
    language_did_change = Signal(object)
    """Carries the new :class:`Localizer`."""
    offer_did_change = Signal()
    """A manager changed the languages offered (buttons show or hide)."""

    def __init__(
        self, catalogs: Catalogs, default_locale: str = "en", offered: tuple[str, ...] = ()
    ) -> None:
        super().__init__()
        self.catalogs = catalogs
        self.default_locale = normalize_locale(default_locale)
        self.offered = offered or LOCALES
        self._loc = catalogs.localizer(self.default_locale)

    @property
    def loc(self) -> Localizer:
        return self._loc

    @property
    def locale(self) -> str:
        return self._loc.locale

    def set_locale(self, code: str) -> None:
        locale = normalize_locale(code)
        if locale == self._loc.locale:
            return
        self._loc = self.catalogs.localizer(locale)
        self.language_did_change.emit(self._loc)

    def reset(self) -> None:
        self.set_locale(self.default_locale)

    def set_offered(self, offered: tuple[str, ...], default_locale: str) -> None:
        """The languages the branch offers now; a customer mid-visit keeps theirs."""
        offered = tuple(normalize_locale(c) for c in offered) or self.offered
        default = normalize_locale(default_locale)
        if (offered, default) == (self.offered, self.default_locale):
            return
        self.offered, self.default_locale = offered, default
        self.offer_did_change.emit()
