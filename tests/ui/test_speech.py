"""Read aloud: what each screen says, in each language, from the texts it shows; a new
screen stops it; the ticket's number said again; the control's names."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.i18n import ENDONYMS, LOCALES
from tests.accessibility import widget_problems
from ui.customer.router import Screen
from ui.customer.screens.ticket import TicketScreen
from ui.customer.speech.engine import EspeakEngine, RecordingEngine

from .driver import Kiosk
from .speech_helpers import recorder, speech


def read_aloud(kiosk: Kiosk, engine: RecordingEngine) -> list[tuple[str, str]]:
    """Touch "read aloud" and wait until all was said."""
    engine.said.clear()
    kiosk.click("a11y.speak")
    kiosk.qtbot.waitUntil(lambda: not speech(kiosk).speaker.speaking)
    return list(engine.said)


def test_the_welcome_screen_says_each_language_in_its_own_voice(kiosk: Kiosk) -> None:
    said = read_aloud(kiosk, recorder(kiosk))
    assert said == [
        ("en", "Welcome"),
        ("en", "Answer a few short questions and we will find the right service for you."),
        ("en", "Choose your language"),
        ("en", "English, selected"),
        ("zh_Hans", "简体中文"),
        ("zh_Hant", "繁體中文"),
        ("en", "Start, button."),
        ("en", "See all services, button."),
        ("en", "I have a list from an earlier visit, button."),
        ("en", "High contrast: off, button."),
    ]  # not the staff's way in


def test_the_code_of_a_list_from_an_earlier_visit_is_asked_for_aloud(kiosk: Kiosk) -> None:
    engine = recorder(kiosk)
    kiosk.click("lang.zh_Hant")
    kiosk.click("list.return")
    kiosk.wait_screen(Screen.LIST_RETURN)
    loc = kiosk.language.loc
    said = [text for _locale, text in read_aloud(kiosk, engine)]
    assert loc.tr("I have a list from an earlier visit") in said
    assert loc.tr("Type the return code printed on your list of what to bring.") in said


def test_the_questionnaire_in_english(kiosk: Kiosk) -> None:
    engine = recorder(kiosk)
    kiosk.start("en")
    assert [text for _l, text in read_aloud(kiosk, engine)] == [
        "Question 1 of at most 3. How can we help you today?",
        "Accounts, button. Open an account.",
        "Lost card, button.",
        "Not sure, button.",
        "Back, button.",
        "Start over, button.",
        "English, selected",
        "简体中文",
        "繁體中文",
    ]


@pytest.mark.parametrize("locale", LOCALES)
def test_each_screen_says_what_it_shows_in_the_customers_language(
    kiosk: Kiosk, locale: str
) -> None:
    engine = recorder(kiosk)
    kiosk.start(locale)
    loc = kiosk.language.loc
    page = kiosk.current()
    said = read_aloud(kiosk, engine)
    texts = [text for _l, text in said]
    question = getattr(page, "question_label").text()  # noqa: B009
    assert question in texts[0]
    answers = [kiosk.button(f"answer.{a}").text() for a in ("topic_accounts", "card_lost")]
    assert all(t.startswith(a) for t, a in zip(texts[1:3], answers, strict=True))  # in order
    others = {ENDONYMS[c] for c in LOCALES if c != locale}
    assert {spoken for spoken, text in said if text not in others} == {locale}

    kiosk.click("answer.topic_accounts")
    kiosk.click("answer.open_new_account")
    kiosk.wait_screen(Screen.SERVICE_DETAIL)
    kiosk.click("material.id_document")
    texts = [text for _l, text in read_aloud(kiosk, engine)]
    title = getattr(kiosk.current(), "title").text()  # noqa: B009
    assert texts[0] == title
    ticked, unticked = loc.tr("ticked"), loc.tr("not ticked")
    identity = kiosk.button("material.id_document").text()
    address = kiosk.button("material.proof_of_address").text()
    c = "，" if locale.startswith("zh") else ", "  # Chinese says its own comma
    assert any(t.startswith(f"{identity}{c}{loc.tr('Required')}{c}{ticked}") for t in texts)
    assert any(t.startswith(f"{address}{c}{loc.tr('Required')}{c}{unticked}") for t in texts)
    [missing] = [
        t for t in texts if t.startswith(loc.tr("You have not ticked these required items:"))
    ]
    assert address in missing and identity not in missing
    blocked = loc.tr("{label}, not available").format(label=kiosk.button("ticket.take").text())
    assert any(t.startswith(blocked) for t in texts)  # what to bring first

    kiosk.click("material.proof_of_address")
    kiosk.click("ticket.take")
    kiosk.wait_screen(Screen.TICKET)
    ticket = kiosk.router.page(Screen.TICKET)
    assert isinstance(ticket, TicketScreen)
    kiosk.qtbot.waitUntil(lambda: ticket.state == "printed", timeout=5000)
    said = read_aloud(kiosk, engine)
    texts = [text for _l, text in said]
    number = loc.tr("Your number: {code}").format(code="A 0 0 1")
    assert any(t.startswith(number) for t in texts)
    assert loc.tr("Please take your ticket from the printer.") in texts[0]
    assert loc.tr("Please take a seat. Your number will be called at the counter.") in texts
    assert {spoken for spoken, _t in said} == {locale}

    engine.said.clear()
    kiosk.click("ticket.say_again")
    kiosk.qtbot.waitUntil(lambda: bool(engine.said))
    [(spoken_in, again)] = engine.said
    assert spoken_in == locale and again.startswith(number)


def test_a_new_screen_stops_what_was_being_said(kiosk: Kiosk) -> None:
    engine = recorder(kiosk, hold=True)  # each sentence lasts until finished
    kiosk.start("zh_Hant")
    kiosk.click("a11y.speak")
    speaker = speech(kiosk).speaker
    assert speaker.speaking and len(engine.said) == 1
    assert kiosk.button("a11y.speak").text() == kiosk.language.loc.tr("Stop reading")
    stops = engine.stops
    kiosk.click("answer.card_lost")
    kiosk.wait_screen(Screen.SERVICE_DETAIL)
    assert engine.stops > stops and not speaker.speaking
    engine.finish()  # the engine ending the cut sentence says nothing more
    QApplication.processEvents()
    assert len(engine.said) == 1
    assert kiosk.button("a11y.speak").text() == kiosk.language.loc.tr("Read aloud")


def test_touching_read_aloud_again_stops_it_and_a_language_switch_too(kiosk: Kiosk) -> None:
    engine = recorder(kiosk, hold=True)
    kiosk.click("a11y.speak")
    kiosk.click("a11y.speak")
    assert not speech(kiosk).speaker.speaking
    kiosk.click("a11y.speak")
    kiosk.click("lang.zh_Hans")
    assert not speech(kiosk).speaker.speaking
    assert kiosk.button("a11y.speak").text() == "朗读"
    assert engine.stops >= 2


def test_every_customer_screen_has_the_control_named_as_it_reads(kiosk: Kiosk) -> None:
    recorder(kiosk)
    window = kiosk.window
    screens = window.screens
    assert screens is not None and screens.list_return is not None
    for locale in LOCALES:
        window.language.set_locale(locale)
        for page in (
            window.welcome,
            screens.questionnaire,
            screens.services,
            screens.service_detail,
            screens.ticket,
            screens.bring_list,
            screens.list_return,
        ):
            page.sync_language()
            [control] = [b for b in speech(kiosk).read_aloud.buttons if page.isAncestorOf(b)]
            assert control.objectName() == "a11y.speak"
            assert control.text() == window.language.loc.tr("Read aloud")
            assert widget_problems(control, page) == []
        [again] = speech(kiosk).read_aloud.say_again_buttons
        assert again.objectName() == "ticket.say_again"
        assert widget_problems(again, screens.ticket) == []


def test_no_speech_no_control(make_kiosk: Callable[..., Kiosk]) -> None:
    kiosk = make_kiosk(speech={"engine": "none"})
    assert not kiosk.has("a11y.speak")


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng is not installed")
@pytest.mark.parametrize("locale", LOCALES)
def test_espeak_ng_speaks_each_language_to_a_file(
    qtbot: QtBot, tmp_path: Path, locale: str
) -> None:
    engine = EspeakEngine.find(f"file:{tmp_path}")
    assert engine is not None
    text = {
        "en": "Your number: A 0 0 1.",
        "zh_Hans": "您的号码：A 0 0 1。",
        "zh_Hant": "你的號碼：A 0 0 1。",
    }
    with qtbot.waitSignal(engine.sentence_did_end, timeout=10_000):
        engine.say(text[locale], locale, 150, 150)
    wav = engine.written
    assert wav.parent == tmp_path and wav.read_bytes()[:4] == b"RIFF"
    assert wav.stat().st_size > 20_000  # about a second of speech, not silence


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng is not installed")
def test_espeak_ng_stopped_says_nothing_more(qtbot: QtBot, tmp_path: Path) -> None:
    engine = EspeakEngine.find(f"file:{tmp_path}")
    assert engine is not None
    ended: list[Path] = []
    engine.sentence_did_end.connect(lambda: ended.append(engine.written))
    engine.say("Welcome. " * 200, "en", 100, 150)  # seconds of work for espeak-ng
    engine.stop()
    with qtbot.waitSignal(engine.sentence_did_end, timeout=10_000):
        engine.say("請坐。", "zh_Hant", 100, 150)
    QApplication.processEvents()
    assert [path.name for path in ended] == ["speech-00002-zh_Hant.wav"]


def test_touching_an_answer_stops_the_old_question(kiosk: Kiosk) -> None:
    engine = recorder(kiosk, hold=True)
    kiosk.start("en")
    kiosk.click("a11y.speak")
    assert speech(kiosk).speaker.speaking
    kiosk.click("answer.topic_accounts")  # the next question, on the same screen
    assert not speech(kiosk).speaker.speaking
    assert engine.texts() == ["Question 1 of at most 3. How can we help you today?"]
