"""The one place that switches screens, and the one cleanup that wipes a customer.

Screens never show each other: they call :meth:`Router.go`. Leaving a screen
calls its ``leave()``, showing one calls ``enter()`` (just before it is shown); ``screen_did_change`` tells
everyone else (the idle watcher). :meth:`Router.start_over` ends the customer's
session: it forgets what they entered (answers, ticks, chosen service), resets
every screen, the language, the contrast, the text size and the seated layout, and shows the welcome screen. It
is used by "start over", the idle timeout and the end of the ticket screen.
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING, Generic, TypeVar

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QStackedWidget, QWidget

from ui.customer.access import AccessChoices

if TYPE_CHECKING:
    from ui.common.language import Language
    from ui.common.theme import Theme
    from ui.customer.session import CustomerSession


class RoutedPage(QWidget):
    """What the router knows of a screen: it is told when it is entered, left and
    reset, and to catch up with the language before it is shown
    (:class:`~ui.customer.screens.base.P` fills these in)."""

    def sync_language(self) -> None:
        """Retranslate now if the language changed while this screen was hidden."""

    def enter(self) -> None:
        """The screen is about to be shown."""

    def scroll_to_top(self) -> None:
        """Show the screen from its top (it may have been scrolled when last shown)."""

    def set_landscape(self, landscape: bool) -> None:
        """The window is wider than high (``True``) or not."""

    def leave(self) -> None:
        """The screen is being hidden."""

    def reset(self) -> None:
        """The customer's session ended: forget what they entered here."""


class Screen(enum.Enum):
    WELCOME = "welcome"
    QUESTIONNAIRE = "questionnaire"
    SERVICES = "services"
    SERVICE_DETAIL = "service_detail"
    BRING_LIST = "bring_list"
    TICKET = "ticket"
    FEEDBACK = "feedback"
    """"Rate a recent visit"."""
    LIST_RETURN = "list_return"
    """"I have a list from an earlier visit"."""
    PIN_PAD = "pin_pad"
    STAFF_HOME = "staff_home"
    ADMIN = "admin"


#: Screens where a customer (or staff member) may have walked away mid-way.
#: (The staff home and the admin panel have their own, shorter, sign-out timer.)
IDLE_WATCHED = frozenset(
    {
        Screen.QUESTIONNAIRE,
        Screen.SERVICES,
        Screen.SERVICE_DETAIL,
        Screen.BRING_LIST,
        Screen.PIN_PAD,
        Screen.FEEDBACK,
        Screen.LIST_RETURN,
    }
)
#: Screens a customer is in the middle of: a catalogue change waits until they move on.
CUSTOMER_FLOW = frozenset(
    {
        Screen.QUESTIONNAIRE,
        Screen.SERVICES,
        Screen.SERVICE_DETAIL,
        Screen.BRING_LIST,
        Screen.TICKET,
    }
)


P = TypeVar("P", bound=RoutedPage)


class Router(QStackedWidget, Generic[P]):
    screen_will_change = Signal(object)
    """Carries the :class:`Screen` about to be shown (before its ``enter()``)."""
    screen_did_change = Signal(object)
    """Carries the new :class:`Screen`."""
    session_did_end = Signal()

    def __init__(
        self, session: CustomerSession, language: Language, theme: Theme | None = None
    ) -> None:
        super().__init__()
        self.setObjectName("router")
        self.session = session
        self._language = language
        self._theme = theme
        self.access = AccessChoices(theme)
        """The customer's text size and seated layout (reset with the session)."""
        self._screens: dict[Screen, P] = {}
        self._current: Screen | None = None

    def add(self, screen: Screen, widget: P) -> None:
        self._screens[screen] = widget
        self.addWidget(widget)
        if self._current is None:
            self._current = screen
            self.setCurrentWidget(widget)
            widget.setFocus()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Only the screen in front is resized; the others learn the shape now, so that
        they are ready when shown and none holds the window to the other shape's size."""
        super().resizeEvent(event)
        landscape = event.size().width() > event.size().height()
        for widget in self._screens.values():
            widget.set_landscape(landscape)

    def minimumSizeHint(self) -> QSize:
        """The screen in front's: a hidden staff screen laid out for standing never holds
        the seated layout's shorter part (a stack's own hint is the largest page's)."""
        page = self.current_page()
        return page.minimumSizeHint() if page is not None else super().minimumSizeHint()

    def page(self, screen: Screen) -> P:
        return self._screens[screen]

    def has(self, screen: Screen) -> bool:
        return screen in self._screens

    @property
    def current(self) -> Screen | None:
        return self._current

    def current_page(self) -> P | None:
        return self._screens.get(self._current) if self._current is not None else None

    def pages(self) -> dict[Screen, P]:
        return dict(self._screens)

    def go(self, screen: Screen) -> None:
        target = self._screens[screen]
        previous = self._current
        if previous != screen:
            self.screen_will_change.emit(screen)
        if previous is not None and previous != screen:
            self._screens[previous].leave()
        self._current = screen
        # Filled while still hidden, then shown: laid out once, with what it will show.
        target.sync_language()
        target.enter()
        if self._current != screen:
            return  # enter() sent the customer elsewhere (the service was removed)
        target.scroll_to_top()
        self.setCurrentWidget(target)
        self.updateGeometry()  # its minimum is the new screen's
        target.setFocus()  # no focus ring left on the button that was touched
        if previous != screen:
            self.screen_did_change.emit(screen)

    def start_over(self, keep_language: bool = False) -> None:
        """Wipe everything the customer entered and greet the next one.

        ``keep_language``: the customer went back to the welcome screen themselves
        (language and contrast are theirs until the session really ends).
        """
        if self._current is not None:
            self._screens[self._current].leave()
        self.session.wipe()
        for widget in self._screens.values():
            widget.reset()
        self._current = None  # no screen retranslates now; the welcome screen as it is shown
        if not keep_language:
            self._language.reset()
            if self._theme is not None:
                self._theme.reset()
            self.access.reset()
        self.go(Screen.WELCOME)
        self.session_did_end.emit()
