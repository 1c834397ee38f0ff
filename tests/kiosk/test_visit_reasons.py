"""One vocabulary of reasons for kiosk ratings and the phone survey: old survey keys
read as today's, the order is the vocabulary's, a low score's case category."""

from __future__ import annotations

import pytest

from kiosk import visit_reasons


def test_old_survey_keys_read_as_todays() -> None:
    assert visit_reasons.chosen(["materials", "wait", "attitude", "wait"]) == [
        "wait",
        "staff_attitude",
        "materials_guidance",
    ]
    assert visit_reasons.label("attitude") == visit_reasons.REASONS["staff_attitude"]
    assert visit_reasons.label("gone") == "gone"


def test_unknown_reasons_are_refused() -> None:
    with pytest.raises(ValueError, match="unknown reasons"):
        visit_reasons.chosen(["wait", "weather"])


@pytest.mark.parametrize(
    ("reasons", "category"),
    [
        (["other", "attitude"], "staff"),
        (["materials_guidance"], "explanation"),
        (["wait", "staff_attitude"], "wait"),
        (["other"], "other"),
        ([], "other"),
    ],
)
def test_a_low_scores_category(reasons: list[str], category: str) -> None:
    assert visit_reasons.complaint_category(reasons) == category
