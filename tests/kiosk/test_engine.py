from __future__ import annotations

from typing import Any

import pytest

from kiosk.catalogue.engine import Journey
from kiosk.catalogue.loader import parse_catalogue


@pytest.fixture
def journey(catalogue_data: dict[str, Any]) -> Journey:
    return Journey.begin(parse_catalogue(catalogue_data).questionnaire)


def test_starts_at_the_start_question(journey: Journey) -> None:
    assert journey.question.id == "start"
    assert journey.step == 1
    assert not journey.finished
    assert not journey.can_go_back


def test_answers_lead_to_a_question_then_a_service(journey: Journey) -> None:
    second = journey.answer("accounts")
    assert second.question.id == "accounts_q"
    assert second.step == 2
    done = second.answer("open")
    assert done.finished
    assert done.service == "open_account"
    assert done.answers == ("accounts", "open")
    assert done.question.id == "accounts_q"


def test_one_answer_can_choose_a_service(journey: Journey) -> None:
    done = journey.answer("lost")
    assert done.service == "lost_card"
    assert done.step == 1


def test_back_undoes_the_last_answer(journey: Journey) -> None:
    done = journey.answer("accounts").answer("not_sure_accounts")
    assert done.service == "general_enquiry"
    back = done.back()
    assert back.question.id == "accounts_q"
    assert not back.finished
    assert back.back().question.id == "start"
    assert back.back().back() == back.back()


def test_an_answer_from_another_question_is_refused(journey: Journey) -> None:
    with pytest.raises(KeyError):
        journey.answer("open")


def test_no_answers_after_finishing(journey: Journey) -> None:
    with pytest.raises(ValueError, match="already finished"):
        journey.answer("lost").answer("lost")
