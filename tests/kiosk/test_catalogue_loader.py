from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from kiosk.catalogue.loader import CatalogueError, default_catalogue_files, load_catalogue, main
from kiosk.catalogue.model import GENERAL_ENQUIRY

Writer = Callable[[dict[str, Any]], Path]

REQUIRED_SLUGS = {
    "open_account",
    "deposit_withdrawal",
    "transfer_remittance",
    "card_services",
    "lost_card",
    "loan_enquiry",
    "wealth_management",
    "foreign_exchange",
    "update_details",
    "general_enquiry",
    "complaint",
}


def problems_of(path: Path) -> list[str]:
    with pytest.raises(CatalogueError) as caught:
        load_catalogue([path])
    return caught.value.problems


def test_good_file_loads(catalogue_data: dict[str, Any], write_catalogue: Writer) -> None:
    catalogue = load_catalogue([write_catalogue(catalogue_data)])
    assert [s.slug for s in catalogue.services] == ["open_account", "lost_card", GENERAL_ENQUIRY]
    assert catalogue.service("open_account").material("id_document").required


def test_missing_translation_names_file_line_and_path(
    catalogue_data: dict[str, Any], write_catalogue: Writer
) -> None:
    del catalogue_data["services"][0]["materials"][1]["text"]["zh_Hant"]
    path = write_catalogue(catalogue_data)
    [problem] = problems_of(path)
    assert problem.startswith(f"{path}:")
    assert problem.endswith("services[0].materials[1].text.zh_Hant: missing")
    line = int(problem.split(":")[1])
    assert (
        "Proof of address" in path.read_text(encoding="utf-8").splitlines()[line - 1 + 1]
        or line > 1
    )


def test_empty_translation_and_unknown_field(
    catalogue_data: dict[str, Any], write_catalogue: Writer
) -> None:
    catalogue_data["services"][1]["name"]["en"] = "  "
    catalogue_data["services"][1]["colour"] = "red"
    problems = problems_of(write_catalogue(catalogue_data))
    assert any(
        p.endswith("services[1].name.en: string should have at least 1 character") for p in problems
    )
    assert any(p.endswith("services[1].colour: unknown field") for p in problems)


def test_too_few_steps(catalogue_data: dict[str, Any], write_catalogue: Writer) -> None:
    catalogue_data["services"][2]["steps"] = catalogue_data["services"][2]["steps"][:2]
    [problem] = problems_of(write_catalogue(catalogue_data))
    assert "services[2].steps: list should have at least 3 items" in problem


def test_duplicate_prefix_and_slug(catalogue_data: dict[str, Any], write_catalogue: Writer) -> None:
    catalogue_data["services"][1]["prefix"] = "A"
    problems = problems_of(write_catalogue(catalogue_data))
    assert "services[0].prefix: 'A' is used by more than one service" in problems


def test_option_needs_exactly_one_target(
    catalogue_data: dict[str, Any], write_catalogue: Writer
) -> None:
    catalogue_data["questionnaire"]["questions"][0]["options"][1]["next"] = "accounts_q"
    [problem] = problems_of(write_catalogue(catalogue_data))
    assert problem.endswith(
        "questionnaire.questions[0].options[1]: needs exactly one of 'next' (a question) or 'service'"
    )


def test_unknown_targets(catalogue_data: dict[str, Any], write_catalogue: Writer) -> None:
    options = catalogue_data["questionnaire"]["questions"][0]["options"]
    options[1]["service"] = "loans"
    options[0]["next"] = "nowhere"
    problems = problems_of(write_catalogue(catalogue_data))
    assert "questionnaire.questions[0].options[1].service: unknown service 'loans'" in problems
    assert "questionnaire.questions[0].options[0].next: unknown question 'nowhere'" in problems


def test_every_question_offers_not_sure(
    catalogue_data: dict[str, Any], write_catalogue: Writer
) -> None:
    catalogue_data["questionnaire"]["questions"][1]["options"].pop()
    catalogue_data["questionnaire"]["questions"][1]["options"].append(
        {
            "id": "lost_too",
            "label": {"en": "x", "zh_Hans": "x", "zh_Hant": "x"},
            "service": "lost_card",
        }
    )
    problems = problems_of(write_catalogue(catalogue_data))
    assert problems == [
        "questionnaire.questions[1].options: needs a 'not sure' option leading to 'general_enquiry'"
    ]


def test_unreachable_service_and_question(
    catalogue_data: dict[str, Any], write_catalogue: Writer
) -> None:
    catalogue_data["questionnaire"]["questions"][0]["options"].pop(0)
    problems = problems_of(write_catalogue(catalogue_data))
    assert "questionnaire.questions[1]: 'accounts_q' cannot be reached from the start" in problems
    assert "services[0]: 'open_account' is not reachable from the questionnaire" in problems


def test_service_deeper_than_three_answers(
    catalogue_data: dict[str, Any], write_catalogue: Writer
) -> None:
    questions = catalogue_data["questionnaire"]["questions"]
    text = {"en": "q", "zh_Hans": "q", "zh_Hant": "q"}
    for depth in (2, 3):
        questions.append(
            {
                "id": f"deep{depth}",
                "text": text,
                "options": [
                    {"id": f"go{depth}", "label": text, "next": f"deep{depth + 1}"}
                    if depth == 2
                    else {"id": f"go{depth}", "label": text, "service": "lost_card"},
                    {"id": f"ns{depth}", "label": text, "service": "general_enquiry"},
                ],
            }
        )
    questions[1]["options"].append({"id": "deeper", "label": text, "next": "deep2"})
    questions[0]["options"].pop(1)  # lost card only via the deep path now
    problems = problems_of(write_catalogue(catalogue_data))
    assert "services[1]: 'lost_card' needs 4 answers (at most 3)" in problems


def test_loop_is_reported(catalogue_data: dict[str, Any], write_catalogue: Writer) -> None:
    catalogue_data["questionnaire"]["questions"][1]["options"].append(
        {"id": "again", "label": {"en": "x", "zh_Hans": "x", "zh_Hant": "x"}, "next": "start"}
    )
    problems = problems_of(write_catalogue(catalogue_data))
    assert "questionnaire: option 'again' loops back to 'start'" in problems


def test_yaml_syntax_error_names_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("services:\n  - slug: a\n   prefix: [\n", encoding="utf-8")
    [problem] = problems_of(path)
    assert problem.startswith(f"{path}:3: not valid YAML")


def test_not_a_mapping(tmp_path: Path) -> None:
    path = tmp_path / "list.yaml"
    path.write_text("- 1\n- 2\n", encoding="utf-8")
    assert problems_of(path) == [
        f"{path}: expected a mapping with 'services' and/or 'questionnaire'"
    ]


def test_key_defined_twice_across_files(
    catalogue_data: dict[str, Any], write_catalogue: Writer, tmp_path: Path
) -> None:
    first = write_catalogue(catalogue_data)
    second = tmp_path / "again.yaml"
    second.write_text(first.read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(CatalogueError, match="'services' is already defined in"):
        load_catalogue([first, second])


def test_check_command_prints_problems(
    catalogue_data: dict[str, Any], write_catalogue: Writer, capsys: pytest.CaptureFixture[str]
) -> None:
    del catalogue_data["services"][0]["name"]["zh_Hans"]
    assert main([str(write_catalogue(catalogue_data))]) == 1
    assert "services[0].name.zh_Hans: missing" in capsys.readouterr().err


def test_default_catalogue_is_complete() -> None:
    catalogue = load_catalogue(default_catalogue_files())
    assert {s.slug for s in catalogue.services} >= REQUIRED_SLUGS
    for service in catalogue.services:
        assert len(service.steps) >= 3, service.slug
        assert service.follow_up, service.slug
        for material in service.materials:
            if material.required:
                assert material.if_missing is not None, (service.slug, material.id)


def test_two_questions_with_the_same_words_are_warned_about(
    catalogue_data: dict[str, Any], write_catalogue: Writer, capsys: pytest.CaptureFixture[str]
) -> None:
    from kiosk.catalogue.validate import catalogue_warnings

    path = write_catalogue(catalogue_data)
    assert catalogue_warnings(load_catalogue([path])) == []
    catalogue_data["questionnaire"]["questions"][1]["text"]["zh_Hant"] = catalogue_data[
        "questionnaire"
    ]["questions"][0]["text"]["zh_Hant"]
    path = write_catalogue(catalogue_data)
    catalogue = load_catalogue([path])  # a warning, not a refusal
    assert catalogue_warnings(catalogue) == [
        "questionnaire.questions[1].text.zh_Hant: the same words as question 'start'"
    ]
    assert main([str(path)]) == 0
    out = capsys.readouterr().out
    assert "warning: questionnaire.questions[1].text.zh_Hant: the same words as question" in out
    assert catalogue_warnings(load_catalogue(default_catalogue_files())) == []
