"""The seated (low-reach) layout: nothing to touch above the reach line.

When the customer turns ``a11y.seated`` on, the window gives the top of the screen,
down to the reach line (:meth:`kiosk.reach.ScreenReach.reach_line_px` for the
screen's mounting), to the :class:`Headroom`, and every screen lays itself out in
the part below, within reach from a wheelchair. The headroom holds only what is
read: the branch name and the screen's headline (the question, the service), which
moves up there when it fits, so the part below keeps more room for the controls.
The idle warning opens below the line too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

from ui.common.widgets import identify, label

if TYPE_CHECKING:
    from ui.customer.access import AccessChoices
    from ui.customer.router import Router
    from ui.customer.screens.base import ScreenBase
    from ui.customer.screens.idle import IdleOverlay


class Headroom(QWidget):
    """The band above the reach line: the branch name and the screen's headline."""

    MARGIN = 24

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        identify(self, "a11y.headroom")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, self.MARGIN, 48, self.MARGIN)
        layout.setSpacing(8)
        self.branch = label("branch")
        self.headline = label("title")
        self.headline.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        layout.addWidget(self.branch)
        layout.addWidget(self.headline, 1, Qt.AlignmentFlag.AlignBottom)
        self.hide()

    def fits(self, text: str, width: int) -> bool:
        """Whether ``text`` as a headline fits whole in the band, ``width`` wide."""
        self.headline.ensurePolished()
        self.branch.ensurePolished()
        kept = self.headline.text()
        self.headline.setText(text)
        needed = self.headline.heightForWidth(width - 96)
        self.headline.setText(kept)
        room = self.maximumHeight() - 2 * self.MARGIN - self.branch.sizeHint().height() - 8
        return bool(text) and 0 < needed <= room


class SeatedLayout(QObject):
    """Keeps the window's headroom, the screens' headlines and the idle warning in
    step with the customer's seated choice, the screen's size and the mounting."""

    def __init__(self, window: QWidget, router: Router[ScreenBase], headroom: Headroom) -> None:
        super().__init__(window)
        self._window = window
        self._router = router
        self.headroom = headroom
        self.overlay: IdleOverlay | None = None
        self._followed: set[int] = set()
        self._lifted: ScreenBase | None = None
        """The screen whose headline is shown in the headroom (its own one hidden)."""
        access: AccessChoices = router.access
        access.seated_did_change.connect(lambda _on: self.update())
        access.text_step_did_change.connect(lambda _step: self.update())
        router.screen_did_change.connect(lambda _screen: self.update())
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Resize:
            self.update()
        return False

    @property
    def reach_line(self) -> int:
        """The first row of the window within reach (0 when standing)."""
        access = self._router.access
        if not access.seated:
            return 0
        return access.reach.reach_line_px(self._window.height())

    def set_branch_name(self, name: str) -> None:
        self.headroom.branch.setText(name)

    def update(self) -> None:
        line = self.reach_line
        self.headroom.setFixedHeight(line)
        self.headroom.setVisible(line > 0)
        if self.overlay is not None:
            self.overlay.set_reach_line(line)
        self._lift_headline(line > 0)

    def _lift_headline(self, seated: bool) -> None:
        page = self._router.current_page()
        if self._lifted is not None and self._lifted is not page:
            self._lifted.show_headline(True)
            self._lifted = None
        headline = page.headline if page is not None else None
        if page is None or headline is None:
            self.headroom.headline.setText("")
            return
        if id(headline) not in self._followed:
            self._followed.add(id(headline))
            headline.text_did_change.connect(self.update)
        lift = seated and self.headroom.fits(headline.text(), self._window.width())
        self.headroom.headline.setText(headline.text() if lift else "")
        page.show_headline(not lift)
        self._lifted = page if lift else None
