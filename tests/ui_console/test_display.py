"""The lobby display: calls from any counter within a second, chime, voice, counts."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime

from pytestqt.qtbot import QtBot

from kiosk.catalogue.model import LocalizedText
from tests.helpers.clock import FakeClock
from ui.console.window import ConsoleWindow
from ui.display.window import DisplayWindow

from .conftest import Branch
from .driver import click, serve_at, text, wait_current

Console = Callable[..., ConsoleWindow]
Display = Callable[..., DisplayWindow]


def test_a_call_at_a_console_shows_on_the_display_within_a_second(
    qtbot: QtBot, branch: Branch, make_console: Console, make_display: Display
) -> None:
    branch.issue("open_account")
    branch.issue("lost_card")
    display = make_display()  # default 300 ms poll
    console = make_console()
    serve_at(qtbot, console)
    assert display.calls.calls == []
    assert text(display, "display.calls_empty") == "Please wait for your number to be called."

    started = time.monotonic()
    with (
        qtbot.waitSignal(display.call_did_show, timeout=1000) as shown,
        qtbot.waitSignal(display.chime_did_play, timeout=1000),
    ):
        click(qtbot, console, "console.call_next")
    assert time.monotonic() - started < 1.0
    assert shown.args == ["A001", "3"]
    assert text(display, "display.call_0_code") == "A001"
    assert text(display, "display.call_0_counter") == "Counter 3"
    assert display.calls.newest.property("fresh") == "true"

    # a second call, made on another machine (the kiosk's database connection)
    waiting = branch.kiosk.desk().waiting("4")
    with qtbot.waitSignal(display.call_did_show, timeout=1000) as shown:
        branch.kiosk.desk().call("4", waiting[0].ticket_id)
    assert shown.args == ["L001", "4"]
    newest, older = display.calls.rows[0][0], display.calls.rows[1][0]
    assert (newest.text(), older.text()) == ("L001", "A001")
    assert text(display, "display.call_1_counter") == "Counter 3"
    assert newest.fontInfo().pixelSize() > 2 * older.fontInfo().pixelSize()
    assert newest.sizeHint().height() > 2 * older.sizeHint().height()


def test_a_recall_is_announced_again(
    qtbot: QtBot, branch: Branch, make_console: Console, make_display: Display
) -> None:
    branch.issue("lost_card")
    display = make_display()
    console = make_console()
    serve_at(qtbot, console)
    with qtbot.waitSignal(display.call_did_show, timeout=2000):
        click(qtbot, console, "console.call_next")
    wait_current(qtbot, console, "L001")
    with (
        qtbot.waitSignal(display.call_did_show, timeout=2000) as shown,
        qtbot.waitSignal(display.chime_did_play, timeout=2000),
    ):
        click(qtbot, console, "console.recall")
    assert shown.args == ["L001", "3"]
    assert [c.code for c in display.calls.calls] == ["L001"]  # one line per ticket


def test_spoken_calls_wait_for_each_other(
    qtbot: QtBot, branch: Branch, make_display: Display
) -> None:
    display = make_display(speech_engine="mock", languages=("en", "zh_Hant"))
    events: list[tuple[str, str]] = []
    announcer = display.announcer
    announcer.announcement_did_start.connect(lambda _l, said: events.append(("start", said)))
    announcer.announcer_did_finish.connect(lambda code, _c: events.append(("done", code)))
    first, second = branch.issue("open_account"), branch.issue("remittance")
    desk = branch.kiosk.desk()
    desk.call("3", first.ticket_id)
    desk.call("4", second.ticket_id)
    qtbot.waitUntil(lambda: ("done", "R001") in events, timeout=8000)
    # the mock engine speaks English only: the Chinese sentence is skipped, not garbled
    assert events == [
        ("start", "Ticket A 0 0 1, please go to Counter 3."),
        ("done", "A001"),
        ("start", "Ticket R 0 0 1, please go to Counter 4."),
        ("done", "R001"),
    ]


def test_waiting_counts_estimates_and_pauses(
    qtbot: QtBot, branch: Branch, make_display: Display
) -> None:
    from kiosk.pause import pause_service

    display = make_display(refresh_ms=100)
    assert text(display, "display.wait_open_account") == "0 waiting · no wait"
    assert text(display, "display.branch") == "Test Branch"
    branch.issue("open_account")
    branch.issue("open_account")
    qtbot.waitUntil(
        lambda: text(display, "display.wait_open_account").startswith("2 waiting · about "),
        timeout=2000,
    )
    assert text(display, "display.wait_open_account_name") == "Open an account"
    reason = LocalizedText(en="System maintenance", zh_Hans="系统维护", zh_Hant="系統維護")
    pause_service(branch.kiosk.db, branch.manager, "remittance", reason, kiosk_id="test")
    qtbot.waitUntil(
        lambda: (
            text(display, "display.wait_remittance") == "0 waiting · Paused: System maintenance"
        ),
        timeout=2000,
    )


def test_the_display_says_the_counter_name_a_manager_gave(
    qtbot: QtBot, branch: Branch, make_display: Display
) -> None:
    from kiosk.counters import CounterAdmin

    CounterAdmin(branch.kiosk.db, "console-test", branch.clock).edit(
        branch.manager, "4", name={"en": "Express desk", "zh_Hant": "快速櫃位"}
    )
    display = make_display(speech_engine="mock")
    said: list[str] = []
    display.announcer.announcement_did_start.connect(lambda _l, text: said.append(text))
    ticket = branch.issue("lost_card")
    with qtbot.waitSignal(display.call_did_show, timeout=2000):
        branch.kiosk.desk().call("4", ticket.ticket_id)
    assert text(display, "display.call_0_counter") == "Express desk"
    qtbot.waitUntil(lambda: bool(said), timeout=5000)
    assert said[0] == "Ticket L 0 0 1, please go to Express desk."
    display.language.set_locale("zh_Hant")
    qtbot.waitUntil(lambda: text(display, "display.call_0_counter") == "快速櫃位")


def test_the_clock_is_24_hour_in_every_language(
    branch: Branch, clock: FakeClock, make_display: Display
) -> None:
    clock.now = datetime(2026, 11, 30, 6, 7, tzinfo=UTC)  # 14:07 in Hong Kong
    display = make_display(languages=("en", "zh_Hans", "zh_Hant"))
    shown = {}
    for locale in ("en", "zh_Hans", "zh_Hant"):
        display.language.set_locale(locale)
        shown[locale] = text(display, "display.clock")
    assert all(value.endswith("14:07") for value in shown.values()), shown
    assert shown["zh_Hant"] == "2026年11月30日  14:07"


def test_the_board_follows_the_language_font(make_display: Display, qtbot: QtBot) -> None:
    """What is on the board at once, what is hidden just after the next frame."""
    from PySide6.QtWidgets import QLabel

    display = make_display(languages=("en", "zh_Hant", "zh_Hans"))

    def families(shown_only: bool) -> set[str]:
        labels = [w for w in display.findChildren(QLabel) if w.text()]
        return {w.fontInfo().family() for w in labels if w.isVisible() or not shown_only}

    for locale, family in (("zh_Hant", "Noto Sans CJK TC"), ("zh_Hans", "Noto Sans CJK SC")):
        display.language.set_locale(locale)
        assert families(shown_only=True) == {family}, locale
        expected = {family}
        qtbot.waitUntil(lambda: families(shown_only=False) == expected, timeout=2000)  # noqa: B023
