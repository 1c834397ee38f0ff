"""The attract/welcome screen: greeting, language, contrast, start, all services, coming
back with a list of what to bring (``list.return``), staff.

Staff enter by holding the branch name (``staff.corner``) for two seconds; the
visible ``staff.enter`` button can be hidden (kiosk mode). While the printer is
out of service the screen says numbers are shown on screen instead.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QScroller, QSizePolicy, QVBoxLayout

from kiosk.i18n import ENDONYMS, LOCALES
from ui.common.language import Language
from ui.common.long_press import LongPressButton
from ui.common.theme import Theme
from ui.common.widgets import (
    centered_column,
    identify,
    label,
    make_button,
    make_wrapping_button,
    scroll_area,
    set_current,
)
from ui.customer.router import Screen
from ui.customer.screens.base import ScreenBase, ScreenRouter
from ui.customer.state import KioskState


class WelcomeScreen(ScreenBase):
    staff_requested = Signal()

    def __init__(
        self,
        language: Language,
        router: ScreenRouter,
        theme: Theme,
        branch_name: str,
        state: KioskState | None = None,
    ):
        super().__init__(language, router)
        self._theme = theme
        self._branch_name = branch_name
        self._state = state or KioskState()
        self._staff_button_shown = True
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        page, column = centered_column(1100)
        self._column = column.parentWidget()
        # Scrolls only when the customer's text size or the seated layout leave it too
        # little height; no drag to scroll, so the long press on the branch name is a press.
        self.content_area = scroll_area(page)
        QScroller.ungrabGesture(self.content_area.viewport())
        outer.addWidget(self.content_area)

        self.staff_corner = LongPressButton("staff.corner", parent=self)
        self.staff_corner.long_pressed.connect(self._staff_held)
        self.branch = self.staff_corner
        self.greeting = self.make_headline("greeting")
        self.greeting.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.intro = label("subtitle")
        self.intro.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column.addWidget(self.branch)
        column.addStretch(2)
        # The greeting above the choices in portrait, beside them in landscape (a
        # landscape screen is not tall enough for both).
        middle = self.split(QBoxLayout(QBoxLayout.Direction.TopToBottom))
        middle.setSpacing(48)
        greeting = QVBoxLayout()
        greeting.setSpacing(24)
        greeting.addStretch(1)
        greeting.addWidget(self.greeting)
        greeting.addWidget(self.intro)
        self.notice = label("warning")
        identify(self.notice, "welcome.notice")
        self.notice.hide()
        greeting.addWidget(self.notice)
        greeting.addStretch(1)
        middle.addLayout(greeting, 2)
        choices = QVBoxLayout()
        choices.setSpacing(24)
        middle.addLayout(choices, 3)
        column.addLayout(middle)

        self.language_prompt = label("muted")
        self.language_prompt.setAlignment(Qt.AlignmentFlag.AlignCenter)
        choices.addWidget(self.language_prompt)
        languages = QHBoxLayout()
        languages.setSpacing(20)
        self.language_buttons = {}
        for code in LOCALES:  # all built; the offered ones shown
            button = make_button(f"lang.{code}", self, role="lang")
            button.clicked.connect(lambda _=False, c=code: self.language.set_locale(c))
            languages.addWidget(button)
            self.language_buttons[code] = button
        choices.addLayout(languages)
        language.offer_did_change.connect(self._show_offered_languages)
        self._show_offered_languages()

        self.start_button = make_button("welcome.start", self, role="primary")
        self.start_button.setMinimumHeight(120)
        self.start_button.clicked.connect(self._start)
        choices.addWidget(self.start_button)
        # the two other ways in: side by side in landscape (a 768-line screen has no
        # room for both under Start and still the small choices below), stacked in portrait
        self.more_choices = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self.more_choices.setSpacing(24)
        self.all_services_button = make_wrapping_button("services.all", self)
        self.all_services_button.clicked.connect(self._all_services)
        self.more_choices.addWidget(self.all_services_button, 1)
        # the longest choice: it wraps rather than be cut at the larger text sizes
        self.list_return_button = make_wrapping_button("list.return", self)
        self.list_return_button.clicked.connect(self._list_return)
        self.more_choices.addWidget(self.list_return_button, 1)
        choices.addLayout(self.more_choices)
        self.status = label("muted")
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        choices.addWidget(self.status)
        self._state.state_did_change.connect(self._show_notice)
        column.addStretch(2)

        bottom = QHBoxLayout()
        self.contrast_button = make_button("welcome.contrast", self, role="small")
        self.contrast_button.setCheckable(True)
        self.contrast_button.setChecked(theme.high_contrast)
        self.contrast_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.contrast_button.toggled.connect(self._theme.set_high_contrast)
        theme.theme_did_change.connect(self._sync_contrast)
        self.access_bar().add_control(self.contrast_button)
        assert self.accessibility is not None
        bottom.addWidget(self.accessibility, 1)
        # after the visit, so beside the other small choices rather than among the big ones
        self.rate_button = make_button("feedback.rate", self, role="small")
        self.rate_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.rate_button.clicked.connect(self._rate)
        bottom.addWidget(self.rate_button, 0)
        self.staff_button = make_button("staff.enter", self, role="small")
        self.staff_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.staff_button.clicked.connect(self.staff_requested)
        bottom.addWidget(self.staff_button, 0)
        column.addLayout(bottom)
        self._ready = False
        self.set_ready(False)
        self.retranslate()

    def orientation_did_change(self, landscape: bool) -> None:
        if self._column is not None:
            self._column.setMaximumWidth(1700 if landscape else 1100)
        self.start_button.setMinimumHeight(96 if landscape else 120)
        self.more_choices.setDirection(
            QBoxLayout.Direction.LeftToRight if landscape else QBoxLayout.Direction.TopToBottom
        )

    def _show_offered_languages(self) -> None:
        for code, button in self.language_buttons.items():
            button.setVisible(code in self.language.offered)

    def set_branch_name(self, name: str) -> None:
        self._branch_name = name
        self.branch.setText(name)

    def set_ready(self, ready: bool) -> None:
        """Enable the buttons that need the database once it is open."""
        self._ready = ready
        buttons = (
            self.start_button,
            self.all_services_button,
            self.list_return_button,
            self.rate_button,
            self.staff_button,
        )
        for button in buttons:
            button.setEnabled(ready)
        # shown once the backend has built the screen (it keeps the lists' codes)
        self.list_return_button.setVisible(self.router.has(Screen.LIST_RETURN))
        self.status.setVisible(not ready)

    def set_staff_button_visible(self, shown: bool) -> None:
        """Kiosk mode hides ``staff.enter``; holding ``staff.corner`` still opens the pad."""
        self._staff_button_shown = shown
        self.staff_button.setVisible(shown)

    def _staff_held(self) -> None:
        if self._ready:
            self.staff_requested.emit()

    def _show_notice(self) -> None:
        on = self._state.number_on_screen
        if on:
            from printing.outcome import customer_notice

            self.notice.setText(customer_notice(self.loc))
            self.notice.setAccessibleName(self.notice.text())
        self.notice.setVisible(on)

    def retranslate(self) -> None:
        loc = self.loc
        self.branch.setText(self._branch_name)
        self.greeting.setText(loc.tr("Welcome"))
        self.intro.setText(
            loc.tr("Answer a few short questions and we will find the right service for you.")
        )
        self.language_prompt.setText(loc.tr("Choose your language"))
        for code, button in self.language_buttons.items():
            button.setText(ENDONYMS.get(code, code))
            set_current(button, code == self.language.locale)
        self.start_button.setText(loc.tr("Start"))
        self.all_services_button.setText(loc.tr("See all services"))
        self.list_return_button.setText(loc.tr("I have a list from an earlier visit"))
        self.rate_button.setText(loc.tr("Rate a recent visit"))
        self.status.setText(loc.tr("Getting ready…"))
        self._show_notice()
        self._sync_contrast()
        self.staff_button.setText(loc.tr("Staff"))

    def _sync_contrast(self) -> None:
        on = self._theme.high_contrast
        if self.contrast_button.isChecked() != on:
            self.contrast_button.setChecked(on)
        self.contrast_button.setText(
            self.loc.tr("High contrast: on") if on else self.loc.tr("High contrast: off")
        )

    def _start(self) -> None:
        self.router.session.start()
        self.router.go(Screen.QUESTIONNAIRE)

    def _rate(self) -> None:
        """No customer session starts: a rating is not a visit."""
        self.router.go(Screen.FEEDBACK)

    def _list_return(self) -> None:
        """No customer session starts until the list's code is accepted."""
        self.router.go(Screen.LIST_RETURN)

    def _all_services(self) -> None:
        self.router.session.start()
        self.router.go(Screen.SERVICES)
