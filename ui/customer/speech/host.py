"""What speech and keypad mode need of the kiosk window (it is one of these): its
screens, its overlay and the customer's session, without importing the window."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from ui.common.activity import ActivityWatch
    from ui.common.language import Language
    from ui.customer.backend import Backend
    from ui.customer.screen_set import Screens
    from ui.customer.screens.base import ScreenRouter
    from ui.customer.screens.idle import IdleOverlay
    from ui.customer.screens.welcome import WelcomeScreen
    from ui.customer.session import CustomerSession


class KioskHost(Protocol):
    @property
    def language(self) -> Language: ...
    @property
    def router(self) -> ScreenRouter: ...
    @property
    def session(self) -> CustomerSession: ...
    @property
    def welcome(self) -> WelcomeScreen: ...
    @property
    def screens(self) -> Screens | None: ...
    @property
    def overlay(self) -> IdleOverlay | None: ...
    @property
    def backend(self) -> Backend | None: ...
    @property
    def activity(self) -> ActivityWatch | None:
        """The idle timers' watch of touches and keys."""
        ...

    def window(self) -> QWidget:
        """The window itself, as a widget (shortcuts and the focus outline live on it)."""
        ...
