"""What every kiosk screen needs to know about the machine: is the database there,
can the ticket printer print, and does the audit trail verify.

One :class:`KioskState` is shared by the window's screens; the watchers
(:mod:`ui.customer.watches.database`, :mod:`ui.customer.watches.printer`,
:mod:`ui.customer.watches.audit`) set it and
``state_did_change`` tells the screens. Printer states are the string values of
:class:`printing.status.PrinterState` (a ``StrEnum``), so nothing heavy is
imported before the first paint.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from kiosk.audit import TrailCheck

#: Printer states in which tickets are not printed: the number is shown on screen instead
#: (a printer switched off or unplugged is "unreachable": no customer should wait 3 s for it).
NUMBER_ON_SCREEN_STATES = frozenset({"paper_out", "cover_open", "offline", "unreachable"})
#: States that say the printer can print again (``unknown`` changes nothing).
PRINTING_STATES = frozenset({"online", "paper_near_end"})


class KioskState(QObject):
    state_did_change = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.database_lost = False
        self.printer_state: str | None = None
        """The latest printer state (``None``: not checked yet, or no printer)."""
        self._on_screen = False
        self.audit_check: TrailCheck | None = None
        """The latest daily check of the audit trail (``None``: not checked yet)."""

    @property
    def number_on_screen(self) -> bool:
        """Tickets are shown on screen, not printed, until the printer is ready again."""
        return self._on_screen

    @property
    def can_take_ticket(self) -> bool:
        return not self.database_lost

    def set_database_lost(self, lost: bool) -> None:
        if lost != self.database_lost:
            self.database_lost = lost
            self.state_did_change.emit()

    def set_printer_state(self, state: str | None) -> None:
        """What the printer said (a check or a job). ``unknown`` keeps the current mode."""
        on_screen = self._on_screen
        if state in NUMBER_ON_SCREEN_STATES:
            on_screen = True
        elif state in PRINTING_STATES:
            on_screen = False
        if state != self.printer_state or on_screen != self._on_screen:
            self.printer_state, self._on_screen = state, on_screen
            self.state_did_change.emit()

    def set_audit_check(self, check: TrailCheck) -> None:
        if check != self.audit_check:
            self.audit_check = check
            self.state_did_change.emit()
