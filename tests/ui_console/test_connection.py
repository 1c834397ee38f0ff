"""A lost database: both windows say so, keep trying, and recover without a restart."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from pytestqt.qtbot import QtBot

from ui.console.window import ConsoleWindow
from ui.display.window import DisplayWindow

from .conftest import Branch
from .driver import call_next, click, enabled, serve_at, text

BANNER = "Connection to the queue lost — retrying…"


@contextmanager
def database_gone(branch: Branch) -> Iterator[None]:
    """The SQLite file disappears (a lost share, a deleted file) and comes back."""
    away = branch.db_file.with_name("moved-away.sqlite3")
    branch.db_file.rename(away)
    try:
        yield
    finally:
        away.rename(branch.db_file)


def test_the_console_shows_the_banner_and_recovers(
    qtbot: QtBot, branch: Branch, make_console: Callable[..., ConsoleWindow]
) -> None:
    branch.issue("lost_card")
    console = make_console()
    serve_at(qtbot, console)
    banner = console.banner
    assert not banner.isVisible()
    with database_gone(branch):
        qtbot.waitUntil(banner.isVisible, timeout=3000)
        assert text(console, "connection.banner") == BANNER
        assert banner.accessibleName() == BANNER
        assert not enabled(console, "console.call_next")  # nothing to do until it is back
        qtbot.wait(500)  # several retries fail meanwhile
        assert banner.isVisible()
    qtbot.waitUntil(lambda: not banner.isVisible(), timeout=3000)
    call_next(qtbot, console, "L001")


def test_a_failed_action_shows_the_banner(
    qtbot: QtBot, branch: Branch, make_console: Callable[..., ConsoleWindow]
) -> None:
    branch.issue("lost_card")
    console = make_console(poll_ms=60_000)  # only the action itself meets the lost database
    serve_at(qtbot, console)
    qtbot.waitUntil(lambda: enabled(console, "console.call_next"))
    with database_gone(branch):
        click(qtbot, console, "console.call_next")
        qtbot.waitUntil(console.banner.isVisible, timeout=3000)
        assert console.desk.current is None
    qtbot.waitUntil(lambda: not console.banner.isVisible(), timeout=3000)
    call_next(qtbot, console, "L001")


def test_the_display_shows_the_banner_and_recovers(
    qtbot: QtBot, branch: Branch, make_display: Callable[..., DisplayWindow]
) -> None:
    display = make_display(languages=("zh_Hans",))
    with database_gone(branch):
        qtbot.waitUntil(display.banner.isVisible, timeout=3000)
        loc = branch.catalogs.localizer("zh_Hans")
        assert text(display, "connection.banner") == loc.tr(BANNER)
    with qtbot.waitSignal(display.monitor.connection_did_return, timeout=3000):
        pass
    assert not display.banner.isVisible()
    ticket = branch.issue("open_account")
    with qtbot.waitSignal(display.call_did_show, timeout=2000):
        branch.kiosk.desk().call("3", ticket.ticket_id)
