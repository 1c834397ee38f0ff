"""One customer's accessibility choices: the text size and the seated layout.

The text size is applied through the theme (every screen follows at once); the
seated layout by the window, which keeps every control below the reach line
(:mod:`kiosk.reach`). Both are the customer's until their session ends: the router
resets them with the language and the contrast for the next customer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from kiosk.reach import DEFAULT_REACH, ScreenReach
from ui.common.text_size import TEXT_STEPS, step_of

if TYPE_CHECKING:
    from ui.common.theme import Theme


class AccessChoices(QObject):
    text_step_did_change = Signal(int)
    """Carries the index in :data:`~ui.common.text_size.TEXT_STEPS`."""
    seated_did_change = Signal(bool)

    def __init__(self, theme: Theme | None = None, reach: ScreenReach = DEFAULT_REACH) -> None:
        super().__init__()
        self._theme = theme
        self.reach = reach
        """Where the screen is mounted (the settings' ``[reach]``)."""
        self.seated = False
        self._step = self.text_step
        if theme is not None:  # the theme's own reset also brings the text back to normal
            theme.theme_did_change.connect(self._theme_changed)

    def _theme_changed(self) -> None:
        step = self.text_step
        if step != self._step:
            self._step = step
            self.text_step_did_change.emit(step)

    @property
    def text_step(self) -> int:
        return step_of(self._theme.text_scale) if self._theme is not None else 0

    def set_text_step(self, step: int) -> None:
        step = max(0, min(step, len(TEXT_STEPS) - 1))
        if self._theme is None or step == self.text_step:
            return
        self._theme.set_text_scale(TEXT_STEPS[step])  # the theme tells (_theme_changed)

    def next_text_step(self) -> None:
        """The "Aa" control: normal → ×1.25 → ×1.5 → normal."""
        self.set_text_step((self.text_step + 1) % len(TEXT_STEPS))

    def set_seated(self, on: bool) -> None:
        if on != self.seated:
            self.seated = on
            self.seated_did_change.emit(on)

    def set_reach(self, reach: ScreenReach) -> None:
        """The screen's mounting changed (settings): a seated layout follows."""
        if reach != self.reach:
            self.reach = reach
            if self.seated:
                self.seated_did_change.emit(True)

    def reset(self) -> None:
        """The next customer: normal text, standing layout."""
        self.set_text_step(0)
        self.set_seated(False)
