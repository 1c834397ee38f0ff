"""Cross-reference rules of a catalogue that field types cannot express.

Each problem names its place the way the loader does
(``questionnaire.questions[2].options[1].service: unknown service 'loans'``).
"""

from __future__ import annotations

from collections import Counter, deque

from kiosk.catalogue.model import GENERAL_ENQUIRY, MAX_ANSWERS, Catalogue


def _duplicates(values: list[str]) -> set[str]:
    return {value for value, count in Counter(values).items() if count > 1}


def _service_problems(catalogue: Catalogue) -> list[str]:
    problems: list[str] = []
    slugs = [s.slug for s in catalogue.services]
    prefixes = [s.prefix for s in catalogue.services]
    dup_slugs, dup_prefixes = _duplicates(slugs), _duplicates(prefixes)
    for index, service in enumerate(catalogue.services):
        where = f"services[{index}]"
        if service.slug in dup_slugs:
            problems.append(f"{where}.slug: '{service.slug}' is used by more than one service")
        if service.prefix in dup_prefixes:
            problems.append(f"{where}.prefix: '{service.prefix}' is used by more than one service")
        dup_materials = _duplicates([m.id for m in service.materials])
        for m_index, material in enumerate(service.materials):
            if material.id in dup_materials:
                problems.append(f"{where}.materials[{m_index}].id: '{material.id}' is repeated")
    if GENERAL_ENQUIRY not in slugs:
        problems.append(f"services: a '{GENERAL_ENQUIRY}' service is required for 'not sure'")
    return problems


def _questionnaire_problems(catalogue: Catalogue) -> list[str]:
    problems: list[str] = []
    questionnaire = catalogue.questionnaire
    slugs = {s.slug for s in catalogue.services}
    question_ids = [q.id for q in questionnaire.questions]
    known_questions = set(question_ids)
    dup_questions = _duplicates(question_ids)
    dup_options = _duplicates([o.id for q in questionnaire.questions for o in q.options])
    if questionnaire.start not in known_questions:
        problems.append(f"questionnaire.start: unknown question '{questionnaire.start}'")
    for q_index, question in enumerate(questionnaire.questions):
        where = f"questionnaire.questions[{q_index}]"
        if question.id in dup_questions:
            problems.append(f"{where}.id: '{question.id}' is used by more than one question")
        if not any(o.service == GENERAL_ENQUIRY for o in question.options):
            problems.append(
                f"{where}.options: needs a 'not sure' option leading to '{GENERAL_ENQUIRY}'"
            )
        for o_index, option in enumerate(question.options):
            o_where = f"{where}.options[{o_index}]"
            if option.id in dup_options:
                problems.append(f"{o_where}.id: '{option.id}' is used by more than one option")
            if option.service is not None and option.service not in slugs:
                problems.append(f"{o_where}.service: unknown service '{option.service}'")
            if option.next is not None and option.next not in known_questions:
                problems.append(f"{o_where}.next: unknown question '{option.next}'")
    if not problems:
        problems.extend(_reachability_problems(catalogue))
    return problems


def _reachability_problems(catalogue: Catalogue) -> list[str]:
    """Breadth-first from the start question: depth = answers needed."""
    questionnaire = catalogue.questionnaire
    depth_of_question = {questionnaire.start: 1}
    depth_of_service: dict[str, int] = {}
    queue = deque([questionnaire.start])
    problems: list[str] = []
    while queue:
        question = questionnaire.question(queue.popleft())
        depth = depth_of_question[question.id]
        for option in question.options:
            if option.service is not None:
                depth_of_service.setdefault(option.service, depth)
            elif option.next is not None:
                if option.next == questionnaire.start or (
                    option.next in depth_of_question and depth_of_question[option.next] <= depth
                ):
                    problems.append(
                        f"questionnaire: option '{option.id}' loops back to '{option.next}'"
                    )
                elif option.next not in depth_of_question:
                    depth_of_question[option.next] = depth + 1
                    queue.append(option.next)
    for q_index, question in enumerate(questionnaire.questions):
        if question.id not in depth_of_question:
            problems.append(
                f"questionnaire.questions[{q_index}]: '{question.id}' cannot be reached from the start"
            )
    for s_index, service in enumerate(catalogue.services):
        if not service.active:
            continue
        reached = depth_of_service.get(service.slug)
        if reached is None:
            problems.append(
                f"services[{s_index}]: '{service.slug}' is not reachable from the questionnaire"
            )
        elif reached > MAX_ANSWERS:
            problems.append(
                f"services[{s_index}]: '{service.slug}' needs {reached} answers (at most {MAX_ANSWERS})"
            )
    return problems


def catalogue_problems(catalogue: Catalogue) -> list[str]:
    """Every rule a catalogue breaks beyond its field types; empty when it is sound."""
    return _service_problems(catalogue) + _questionnaire_problems(catalogue)


def catalogue_warnings(catalogue: Catalogue) -> list[str]:
    """What is allowed but likely a mistake: two questions with the same words in a
    language (customers, and the editor's list, could not tell them apart)."""
    warnings: list[str] = []
    first_with: dict[tuple[str, str], str] = {}
    for q_index, question in enumerate(catalogue.questionnaire.questions):
        for locale, words in question.text.items():
            key = (locale, " ".join(str(words).split()).casefold())
            if not key[1]:
                continue
            if key in first_with:
                warnings.append(
                    f"questionnaire.questions[{q_index}].text.{locale}: "
                    f"the same words as question '{first_with[key]}'"
                )
            else:
                first_with[key] = question.id
    return warnings
