"""What every screen has: the language, the router, retranslate/enter/leave/reset."""

from __future__ import annotations

from typing import TypeAlias

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLayout, QSizePolicy, QWidget

from kiosk.i18n import ENDONYMS, LOCALES, Localizer
from ui.common.flow_layout import FlowLayout
from ui.common.language import Language
from ui.common.widgets import KioskButton, ScrollPane, make_button, set_current
from ui.customer.access_bar import AccessBar
from ui.customer.headline import Headline
from ui.customer.router import RoutedPage, Router


class ScreenBase(RoutedPage):
    """One screen. Subclasses build widgets in ``__init__`` and fill texts in
    ``retranslate()`` (called now, on a language change while the screen is shown,
    and — for a screen that was hidden then — just before it is shown again)."""

    def __init__(self, language: Language, router: ScreenRouter) -> None:
        super().__init__()
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # takes focus when shown; not a tab stop
        self.language = language
        self.router = router
        self.accessibility: AccessBar | None = None
        self.headline: Headline | None = None
        """The screen's title: in the seated layout it moves above the reach line."""
        self.back_button: KioskButton | None = None
        self.home_button: KioskButton | None = None
        self.landscape = False
        self._splits: list[QBoxLayout] = []
        self._language_stale = False
        language.language_did_change.connect(self._language_changed)

    @property
    def loc(self) -> Localizer:
        return self.language.loc

    def _language_changed(self, _loc: Localizer) -> None:
        if self.router.current_page() is self:
            self.retranslate()
        else:  # a hidden screen is translated when next shown, not on this tap
            self._language_stale = True

    def sync_language(self) -> None:
        """The router is about to show this screen: catch up on a language change."""
        if self._language_stale:
            self._language_stale = False
            self.retranslate()

    def retranslate(self) -> None:
        """Re-read every visible string in the current language."""

    def enter(self) -> None:
        """The screen is being shown: refresh it from the customer's session."""

    def leave(self) -> None:
        """The screen is being hidden: stop timers, ignore pending answers."""

    def reset(self) -> None:
        """The customer's session ended: forget anything they entered here."""

    def scroll_to_top(self) -> None:
        for pane in self.findChildren(ScrollPane):
            pane.verticalScrollBar().setValue(0)

    def catalogue_did_change(self) -> None:
        """A manager changed the catalogue (or paused a service): rebuild from it.

        Called when no customer is in the middle of a choice, or just before the
        next screen is shown."""

    # -- portrait / landscape --------------------------------------------------------------
    def split(self, layout: QBoxLayout) -> QBoxLayout:
        """A layout that runs top-to-bottom in portrait and left-to-right in landscape."""
        self._splits.append(layout)
        return layout

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.set_landscape(event.size().width() > event.size().height())

    def set_landscape(self, landscape: bool) -> None:
        """Lay the screen out for the window's shape (the router tells hidden screens too,
        so none keeps the other orientation's minimum size)."""
        if landscape != self.landscape:
            self.landscape = landscape
            direction = (
                QBoxLayout.Direction.LeftToRight if landscape else QBoxLayout.Direction.TopToBottom
            )
            for layout in self._splits:
                layout.setDirection(direction)
            self.orientation_did_change(landscape)
            # A hidden screen is not laid out again by itself: drop its cached sizes, so the
            # window's minimum size is this shape's.
            for cached in self.findChildren(QLayout):
                cached.invalidate()
            for widget in self.findChildren(QWidget):
                if widget.layout() is not None:
                    widget.updateGeometry()

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

    def language_bar(self) -> FlowLayout:
        """The accessibility bar, then small ``lang.<code>`` buttons (endonyms) to switch
        language mid-journey, wrapping onto a second line where the width runs out."""
        row = FlowLayout()
        row.addWidget(self.access_bar())
        self.language_buttons: dict[str, KioskButton] = {}
        for code in LOCALES:  # all built; the offered ones shown
            button = make_button(f"lang.{code}", self, role="small")
            button.setProperty("lang", "true")
            button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            button.clicked.connect(lambda _=False, c=code: self.language.set_locale(c))
            button.setText(ENDONYMS.get(code, code))
            row.addWidget(button)
            self.language_buttons[code] = button
        self.language.offer_did_change.connect(self.show_offered_languages)
        self.show_offered_languages()
        return row

    def access_bar(self) -> AccessBar:
        """The screen's text size and seated controls (``a11y.*``; one bar per screen)."""
        self.accessibility = AccessBar(self.language, self.router.access, self)
        return self.accessibility

    def make_headline(self, role: str = "title") -> Headline:
        """The screen's title (one per screen), which the seated layout can lift."""
        self.headline = Headline(role)
        return self.headline

    def show_headline(self, shown: bool) -> None:
        """Show the headline here (``False``: the seated layout shows it above)."""
        if self.headline is not None:
            self.headline.setVisible(shown)

    def show_offered_languages(self) -> None:
        for code, button in getattr(self, "language_buttons", {}).items():
            button.setVisible(code in self.language.offered)

    def retranslate_language_bar(self) -> None:
        for code, button in getattr(self, "language_buttons", {}).items():
            set_current(button, code == self.language.locale)

    def retranslate_nav(self) -> None:
        self.retranslate_language_bar()
        if self.back_button is not None:
            self.back_button.setText(self.loc.tr("Back"))
        if self.home_button is not None:
            self.home_button.setText(self.loc.tr("Start over"))

    def go_back(self) -> None:
        self.router.start_over()


ScreenRouter: TypeAlias = "Router[ScreenBase]"
"""The kiosk's router, over its screens."""
