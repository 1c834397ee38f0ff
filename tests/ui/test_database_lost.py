"""The database goes away: a banner on every screen, no new tickets, and back by itself."""

from __future__ import annotations

from collections.abc import Callable

from ui.customer.router import Screen
from ui.customer.timings import Timings

from .driver import Kiosk
from .test_journey import ticket_screen

FAST = Timings(catalogue_check_ms=100, database_retry_ms=100)
MESSAGE = "We cannot take new tickets right now. Please ask a member of staff."


def test_the_banner_comes_and_goes_with_the_database(make_kiosk: Callable[..., Kiosk]) -> None:
    kiosk = make_kiosk(timings=FAST)
    kiosk.open_account_guidance("zh_Hant")
    for material in ("id_document", "proof_of_address"):
        kiosk.click(f"material.{material}")
    take = kiosk.button("ticket.take")
    assert take.isEnabled() and kiosk.banner() == ""

    db_file = kiosk.backend.db.file
    assert db_file is not None
    away = db_file.with_name("moved-away.sqlite3")
    db_file.rename(away)  # the disk went away; the next catalogue check finds out
    kiosk.qtbot.waitUntil(lambda: kiosk.banner() != "", timeout=3000)
    assert kiosk.banner() == kiosk.language.loc.tr(MESSAGE)
    assert not take.isEnabled()
    kiosk.click("nav.home")  # on every screen, in every language
    kiosk.wait_screen(Screen.WELCOME)
    assert kiosk.banner() == MESSAGE

    away.rename(db_file)
    kiosk.qtbot.waitUntil(lambda: kiosk.banner() == "", timeout=3000)
    kiosk.open_account_guidance("en")
    for material in ("id_document", "proof_of_address"):
        kiosk.click(f"material.{material}")
    kiosk.click("ticket.take")
    kiosk.qtbot.waitUntil(lambda: ticket_screen(kiosk).state == "printed", timeout=5000)
    assert kiosk.text("ticket.code") == "A001"


def test_a_ticket_refused_by_a_lost_database_shows_the_banner(
    make_kiosk: Callable[..., Kiosk],
) -> None:
    kiosk = make_kiosk(timings=Timings(database_retry_ms=100))  # no catalogue check meanwhile
    kiosk.start("en")
    kiosk.click("answer.card_lost")
    kiosk.backend.db.engine.dispose()
    db_file = kiosk.backend.db.file
    assert db_file is not None
    away = db_file.with_name("moved-away.sqlite3")
    db_file.rename(away)
    kiosk.click("ticket.take")
    kiosk.qtbot.waitUntil(lambda: ticket_screen(kiosk).state == "issue_failed", timeout=3000)
    kiosk.qtbot.waitUntil(lambda: kiosk.banner() == MESSAGE, timeout=3000)
    away.rename(db_file)
    kiosk.qtbot.waitUntil(lambda: kiosk.banner() == "", timeout=3000)
