"""What the kiosk says: the order of a screen's lines, how controls are said, Chinese
sentences run together, and the speech settings' checks."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from kiosk import speech
from kiosk.catalogue.model import GENERAL_ENQUIRY, Material, Option, Question, Service
from kiosk.i18n import Catalogs
from kiosk.settings import SettingsError, settings_from_mapping
from kiosk.ticket import TicketData


def text(en: str, hans: str = "", hant: str = "") -> dict[str, str]:
    return {"en": en, "zh_Hans": hans or f"{en}（简）", "zh_Hant": hant or f"{en}（繁）"}


QUESTION = Question.model_validate(
    {
        "id": "topic",
        "text": text("How can we help?", "有什么可以帮您？", "有甚麼可以幫你？"),
        "options": [
            Option.model_validate(
                {"id": "unsure", "label": text("Not sure"), "service": GENERAL_ENQUIRY}
            ),
            Option.model_validate(
                {
                    "id": "cards",
                    "label": text("Cards"),
                    "hint": text("Lost or new"),
                    "next": "cards_next",
                }
            ),
        ],
    }
)
SERVICE = Service.model_validate(
    {
        "slug": "open_account",
        "prefix": "A",
        "category": "accounts",
        "name": text("Open an account", "开立账户", "開立戶口"),
        "description": text("A savings account"),
        "steps": [text("Take a ticket"), text("Wait"), text("Go to the counter")],
        "follow_up": [text("Your card arrives by post")],
        "materials": [
            Material.model_validate(
                {
                    "id": "id",
                    "text": text("Identity card", "身份证", "身份證"),
                    "if_missing": text("Come back with it", "请带齐再来", "請帶齊再來"),
                }
            ),
            Material.model_validate({"id": "photo", "text": text("Photo"), "required": False}),
        ],
    }
)


def test_a_question_then_its_answers_with_the_person_last(catalogs: Catalogs) -> None:
    loc = catalogs.localizer("en")
    lines = speech.question_lines(loc, "Question 1 of at most 3", QUESTION)
    assert [(line.text, line.target, line.control) for line in lines] == [
        ("Question 1 of at most 3. How can we help?", "part:question", False),
        ("Cards, button. Lost or new.", "answer.cards", True),
        ("Not sure, button.", "answer.unsure", True),
    ]


def test_the_checklist_says_each_state_and_what_is_missing(catalogs: Catalogs) -> None:
    loc = catalogs.localizer("zh_Hant")
    lines = speech.checklist_lines(loc, SERVICE, have={"photo"})
    said = [line.text for line in lines]
    assert said[1] == "身份證，必需，未剔選。"
    assert said[2] == "Photo（繁），可選，已剔選。"
    assert said[-1] == "你尚未剔選以下必需項目：身份證：請帶齊再來。"
    assert speech.missing_line(loc, SERVICE, {"id"}) is None


def test_chinese_sentences_run_together_and_the_number_is_spelled(catalogs: Catalogs) -> None:
    loc = catalogs.localizer("zh_Hans")
    ticket = TicketData(
        ticket_id=1,
        code="A023",
        reference="r",
        locale="zh_Hans",
        branch_name="B",
        service_slug="open_account",
        service_name=text("Open an account", "开立账户", "開立戶口"),  # type: ignore[arg-type]
        issued_at=datetime(2026, 12, 3, tzinfo=UTC),
        business_day=date(2026, 12, 3),
        people_ahead=0,
        estimated_wait_minutes=0,
    )
    lines = speech.ticket_lines(loc, ticket, ("前面没有人", "很快就会叫到您"))
    assert lines[0].text == "您的号码：A 0 2 3。"
    assert lines[0].target == "part:code"
    assert lines[2].text == "前面没有人。很快就会叫到您。"
    assert speech.spoken_code("L001") == "L 0 0 1"


def test_each_language_is_said_in_its_own_voice(catalogs: Catalogs) -> None:
    loc = catalogs.localizer("en")
    lines = speech.language_choices(loc, ("en", "zh_Hans", "zh_Hant"), "en")
    assert [(line.text, line.locale) for line in lines] == [
        ("English, selected", ""),
        ("简体中文", "zh_Hans"),
        ("繁體中文", "zh_Hant"),
    ]


def test_speech_and_keypad_settings_are_checked() -> None:
    settings = settings_from_mapping({"speech": {"output": "Headphones"}, "keypad": {"up": ["8"]}})
    assert settings.speech.engine == "espeak-ng" and settings.keypad.up == ("8",)
    with pytest.raises(SettingsError, match=r"speech\.volume"):
        settings_from_mapping({"speech": {"volume": 500}})
    with pytest.raises(SettingsError, match=r"keypad\.select"):
        settings_from_mapping({"keypad": {"select": [" "]}})
    with pytest.raises(SettingsError, match=r"speech\.engine"):
        settings_from_mapping({"speech": {"engine": "festival"}})
