"""What every screen has: the language, the router, retranslate/enter/leave/reset."""

from __future__ import annotations

from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QWidget

from kiosk.i18n import Localizer
from ui.language import Language
from ui.router import Router
from ui.widgets import KioskButton, make_button


class ScreenBase(QWidget):
    """One screen. Subclasses build widgets in ``__init__`` and fill texts in
    ``retranslate()`` (called now, and on every language change)."""

    def __init__(self, language: Language, router: Router) -> None:
        super().__init__()
        self.language = language
        self.router = router
        self.back_button: KioskButton | None = None
        self.home_button: KioskButton | None = None
        self.landscape = False
        self._splits: list[QBoxLayout] = []
        language.language_did_change.connect(self._language_changed)

    @property
    def loc(self) -> Localizer:
        return self.language.loc

    def _language_changed(self, _loc: Localizer) -> None:
        self.retranslate()

    def retranslate(self) -> None:
        """Re-read every visible string in the current language."""

    def enter(self) -> None:
        """The screen is being shown: refresh it from the customer's session."""

    def leave(self) -> None:
        """The screen is being hidden: stop timers, ignore pending answers."""

    def reset(self) -> None:
        """The customer's session ended: forget anything they entered here."""

    # -- portrait / landscape --------------------------------------------------------------
    def split(self, layout: QBoxLayout) -> QBoxLayout:
        """A layout that runs top-to-bottom in portrait and left-to-right in landscape."""
        self._splits.append(layout)
        return layout

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        landscape = event.size().width() > event.size().height()
        if landscape != self.landscape:
            self.landscape = landscape
            direction = QBoxLayout.Direction.LeftToRight if landscape else QBoxLayout.Direction.TopToBottom
            for layout in self._splits:
                layout.setDirection(direction)
            self.orientation_did_change(landscape)

    def orientation_did_change(self, landscape: bool) -> None:
        """Adjust sizes for landscape (side by side) or portrait (stacked)."""

    # -- shared pieces ---------------------------------------------------------------------
    def nav_bar(self, back: bool = True, home: bool = True) -> QHBoxLayout:
        """``nav.back`` and ``nav.home`` ("Start over"), low on the screen, within reach."""
        row = QHBoxLayout()
        row.setSpacing(24)
        if back:
            self.back_button = make_button("nav.back", self)
            self.back_button.clicked.connect(self.go_back)
            row.addWidget(self.back_button)
        if home:
            self.home_button = make_button("nav.home", self)
            self.home_button.clicked.connect(lambda: self.router.start_over())
            row.addWidget(self.home_button)
        return row

    def retranslate_nav(self) -> None:
        if self.back_button is not None:
            self.back_button.setText(self.loc.tr("Back"))
        if self.home_button is not None:
            self.home_button.setText(self.loc.tr("Start over"))

    def go_back(self) -> None:
        self.router.start_over()
