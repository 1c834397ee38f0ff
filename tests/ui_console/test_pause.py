"""Pausing a service from the console: every kiosk sees it at its next catalogue check."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from kiosk.i18n import LOCALES
from kiosk.reception import Reception, ServiceUnavailable, VisitInput
from ui.console.window import ConsoleWindow

from .conftest import Branch
from .driver import click, enabled, serve_at, text

Console = Callable[..., ConsoleWindow]


def fresh_reception(branch: Branch) -> Reception:
    """A kiosk that starts now: it reads the catalogue as it is in the database."""
    reception = Reception(branch.backend().db, branch.settings, branch.clock)
    assert reception.refresh_if_changed()
    return reception


def test_pause_with_a_preset_reason_then_resume(
    qtbot: QtBot, branch: Branch, make_console: Console
) -> None:
    kiosk = branch.kiosk.reception
    kiosk.catalogue()  # the lobby kiosk has the catalogue loaded already
    console = make_console()
    serve_at(qtbot, console)
    click(qtbot, console, "console.pause")
    panel = console.serving.pause_panel
    panel.select_service("remittance")
    assert text(console, "console.pause_state") == "Taking tickets"
    panel.reason.setCurrentIndex(1)
    panel.alternative.setCurrentIndex(1)
    assert text(console, "console.pause_confirm") == "Pause this service"
    click(qtbot, console, "console.pause_confirm")
    qtbot.waitUntil(lambda: text(console, "console.message") == "Send money abroad is paused.")

    pause = fresh_reception(branch).catalogue().service("remittance").pause
    assert pause is not None
    catalogs = branch.catalogs
    assert dict(pause.reason) == {
        code: catalogs.localizer(code).tr("System maintenance") for code in LOCALES
    }
    assert pause.alternative is not None
    assert pause.alternative["en"] == "Please ask at the enquiry counter."
    assert kiosk.refresh_if_changed()  # the running kiosk notices at its next check
    with pytest.raises(ServiceUnavailable):
        kiosk.take_ticket(
            VisitInput(locale="en", started_at=branch.clock(), service_slug="remittance")
        )

    click(qtbot, console, "console.pause")
    panel.select_service("remittance")
    assert text(console, "console.pause_state") == "Paused: System maintenance"
    assert text(console, "console.pause_confirm") == "Resume this service"
    click(qtbot, console, "console.pause_confirm")
    qtbot.waitUntil(
        lambda: text(console, "console.message") == "Send money abroad is taking tickets again."
    )
    assert fresh_reception(branch).catalogue().service("remittance").pause is None


def test_a_typed_reason_is_shown_in_every_language(
    qtbot: QtBot, branch: Branch, make_console: Console
) -> None:
    console = make_console()
    serve_at(qtbot, console)
    click(qtbot, console, "console.pause")
    panel = console.serving.pause_panel
    panel.select_service("lost_card")
    edit = panel.reason.lineEdit()
    assert edit is not None
    edit.clear()
    assert not enabled(console, "console.pause_confirm")  # a pause needs a reason
    QTest.keyClicks(edit, "Card printer broken")
    click(qtbot, console, "console.pause_confirm")
    qtbot.waitUntil(lambda: text(console, "console.message") == "Lost card is paused.")
    pause = fresh_reception(branch).catalogue().service("lost_card").pause
    assert pause is not None
    assert set(dict(pause.reason).values()) == {"Card printer broken"}
    assert pause.alternative is None
