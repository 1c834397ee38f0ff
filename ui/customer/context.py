"""What the kiosk's screens receive, built once by the window from the composition
root's parts: no screen reaches into the window for them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiosk.clock import Clock
    from ui.common.language import Language
    from ui.common.qr_scan import FrameSource
    from ui.common.settings_in_force import SettingsInForce
    from ui.common.theme import Theme
    from ui.common.worker import Worker
    from ui.customer.backend import Backend
    from ui.customer.screens.base import ScreenRouter
    from ui.customer.state import KioskState
    from ui.customer.timings import Timings


@dataclass(frozen=True, kw_only=True)
class KioskContext:
    language: Language
    router: ScreenRouter
    worker: Worker
    state: KioskState
    clock: Clock
    theme: Theme
    backend: Backend
    settings: SettingsInForce
    """The settings in force: read values from it when they are used."""
    timings: Timings
    open_camera: Callable[[str], FrameSource] | None = None
    """Opens the camera ``[feedback] camera`` names; None: Qt Multimedia's."""
