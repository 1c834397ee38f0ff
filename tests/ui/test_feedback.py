"""Rate a recent visit at the kiosk: the ticket number typed on the kiosk's keypad, a
score and reasons, one rating per ticket, plain refusals, and a low score offering the
complaint service; in each language."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlmodel import select

from kiosk.clock import utc_now
from kiosk.complaint_rules import CaseSource, overdue_line
from kiosk.complaints import Complaints
from kiosk.db.models_feedback import ComplaintCase, VisitRating
from kiosk.desk import Desk
from kiosk.i18n import Catalogs
from kiosk.reception import VisitInput
from tests.helpers.clock import FakeClock
from ui.customer.backend import open_backend
from ui.customer.router import Screen
from ui.customer.screens.feedback import FeedbackScreen, Step
from ui.customer.timings import Timings

from .conftest import make_settings
from .driver import MANAGER_PIN, Kiosk

LOCALES = ("en", "zh_Hans", "zh_Hant")


def served_ticket(kiosk: Kiosk, slug: str = "lost_card") -> str:
    reception = kiosk.backend.reception
    ticket = reception.take_ticket(VisitInput("en", datetime.now(UTC), (), slug))
    assert kiosk.backend.settings is not None
    desk = Desk(kiosk.backend.db, kiosk.backend.settings, reception.catalogue())
    desk.set_counter("9", [slug])
    desk.open_counter("9", staff_id=None)
    desk.call("9", ticket.ticket_id)
    desk.start(ticket.ticket_id)
    desk.finish(ticket.ticket_id, "served")
    return ticket.code


def screen(kiosk: Kiosk) -> FeedbackScreen:
    page = kiosk.router.page(Screen.FEEDBACK)
    assert isinstance(page, FeedbackScreen)
    return page


def type_code(kiosk: Kiosk, code: str) -> None:
    kiosk.click("keypad.clear")
    for key in code:
        kiosk.click(f"keypad.{key}")


def wait_step(kiosk: Kiosk, step: Step) -> None:
    kiosk.qtbot.waitUntil(lambda: screen(kiosk).step == step, timeout=3000)


def wait_message(kiosk: Kiosk) -> str:
    kiosk.qtbot.waitUntil(lambda: kiosk.has("feedback.message"), timeout=3000)
    return kiosk.text("feedback.message")


@pytest.mark.parametrize("locale", LOCALES)
def test_rate_a_visit_by_ticket_number(kiosk: Kiosk, locale: str) -> None:
    code = served_ticket(kiosk)
    kiosk.click(f"lang.{locale}")
    loc = kiosk.language.loc
    assert kiosk.button("feedback.rate").text() == loc.tr("Rate a recent visit")
    kiosk.click("feedback.rate")
    kiosk.wait_screen(Screen.FEEDBACK)
    assert kiosk.session.started is False  # a rating is not a visit
    assert {k for k in ("A", "G", "L") if kiosk.has(f"keypad.{k}")} == {"A", "G", "L"}
    assert not kiosk.button("feedback.find").isEnabled()
    type_code(kiosk, code + "9")
    kiosk.click("keypad.back")
    assert kiosk.text("feedback.code") == code
    kiosk.click("feedback.find")
    wait_step(kiosk, Step.SCORE)
    assert code in screen(kiosk).score_prompt.text()
    assert not kiosk.button("feedback.send").isEnabled()
    kiosk.click("feedback.score.4")
    kiosk.click("feedback.reason.wait")
    kiosk.click("feedback.reason.staff_attitude")
    assert kiosk.button("feedback.score.4").isChecked()
    kiosk.click("feedback.send")
    wait_step(kiosk, Step.THANKS)
    assert kiosk.text("feedback.thanks") == loc.tr("Thank you for your feedback!")
    assert not kiosk.has("feedback.complaint")
    with kiosk.backend.db.session() as session:
        rating = session.exec(select(VisitRating)).one()
    assert (rating.ticket_code, rating.score, rating.reasons) == (
        code,
        4,
        ["wait", "staff_attitude"],
    )
    kiosk.click("feedback.done")
    kiosk.wait_screen(Screen.WELCOME)
    assert kiosk.language.locale == locale  # the customer's own choice, still theirs


@pytest.mark.parametrize("locale", LOCALES)
def test_unknown_unserved_and_already_rated_numbers(kiosk: Kiosk, locale: str) -> None:
    code = served_ticket(kiosk)
    visit = VisitInput("en", datetime.now(UTC), (), "open_account")
    waiting = kiosk.backend.reception.take_ticket(visit)
    kiosk.click(f"lang.{locale}")
    loc = kiosk.language.loc
    kiosk.click("feedback.rate")
    kiosk.wait_screen(Screen.FEEDBACK)
    type_code(kiosk, "A999")
    kiosk.click("feedback.find")
    assert wait_message(kiosk) == loc.tr(
        "We cannot find ticket {code}. Please check the number."
    ).format(code="A999")
    type_code(kiosk, waiting.code)
    assert not kiosk.has("feedback.message")  # typing again clears the message
    kiosk.click("feedback.find")
    assert wait_message(kiosk) == loc.tr(
        "Ticket {code} has not been served yet. You can rate it after your visit."
    ).format(code=waiting.code)
    type_code(kiosk, "1")
    kiosk.click("feedback.find")
    assert wait_message(kiosk) == loc.tr(
        "Type the ticket number as printed, a letter and three digits, e.g. A023."
    )
    type_code(kiosk, code)
    kiosk.click("feedback.find")
    wait_step(kiosk, Step.SCORE)
    kiosk.click("feedback.score.5")
    kiosk.click("feedback.send")
    wait_step(kiosk, Step.THANKS)
    kiosk.click("feedback.done")
    kiosk.wait_screen(Screen.WELCOME)
    kiosk.click("feedback.rate")
    kiosk.wait_screen(Screen.FEEDBACK)
    assert kiosk.text("feedback.code") == "–"  # the last customer's number is gone
    type_code(kiosk, code)
    kiosk.click("feedback.find")
    assert wait_message(kiosk) == loc.tr("Ticket {code} has already been rated. Thank you!").format(
        code=code
    )


@pytest.fixture
def demo_kiosk(qtbot: QtBot, tmp_path: Path, catalogs: Catalogs) -> Iterator[Kiosk]:
    """A kiosk with the built-in demo catalogue, which has a complaint service."""
    settings = make_settings(tmp_path)
    backend = open_backend(settings, catalogs)
    kiosk = Kiosk.build(qtbot, settings, catalogs, backend, Timings(), utc_now)
    yield kiosk
    kiosk.window.shutdown()
    backend.close()


def test_low_score_opens_a_case_and_offers_the_complaint_service(demo_kiosk: Kiosk) -> None:
    kiosk = demo_kiosk
    code = served_ticket(kiosk, "deposit_withdrawal")
    kiosk.click("lang.zh_Hant")
    kiosk.click("feedback.rate")
    kiosk.wait_screen(Screen.FEEDBACK)
    type_code(kiosk, code)
    kiosk.click("feedback.find")
    wait_step(kiosk, Step.SCORE)
    kiosk.click("feedback.score.1")
    kiosk.click("feedback.reason.wait")
    kiosk.click("feedback.send")
    wait_step(kiosk, Step.THANKS)
    loc = kiosk.language.loc
    assert kiosk.text("feedback.follow_up") == loc.tr(
        "We are sorry. A manager will look into what went wrong."
    )
    with kiosk.backend.db.session() as session:
        case = session.exec(select(ComplaintCase)).one()
    assert (case.source, case.category, case.ticket_code) == (CaseSource.KIOSK_RATING, "wait", code)
    kiosk.click("feedback.complaint")
    kiosk.wait_screen(Screen.SERVICE_DETAIL)
    assert kiosk.session.service_slug == "complaint"


@pytest.mark.parametrize("locale", LOCALES)
def test_the_staff_home_highlights_overdue_complaints(
    make_kiosk: Callable[..., Kiosk], locale: str
) -> None:
    clock = FakeClock()
    kiosk = make_kiosk(clock=clock)
    assert kiosk.backend.settings is not None
    complaints = Complaints(kiosk.backend.db, kiosk.backend.settings, clock)
    complaints.open_at_kiosk("wait", "Queue")
    kiosk.manager()
    kiosk.click(f"lang.{locale}")
    kiosk.sign_in("1", MANAGER_PIN)
    kiosk.qtbot.waitUntil(lambda: not kiosk.window.worker.busy, timeout=3000)
    assert not kiosk.has("staff.overdue")  # within its targets
    clock.advance(days=2)
    kiosk.click("staff.refresh")
    kiosk.qtbot.waitUntil(lambda: kiosk.has("staff.overdue"), timeout=3000)
    loc = kiosk.language.loc
    assert kiosk.text("staff.overdue") == overdue_line(loc, 1)
    assert loc.locale == "en" or kiosk.text("staff.overdue") != overdue_line(
        kiosk.window.language.catalogs.localizer("en"), 1
    )
