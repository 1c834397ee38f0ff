"""The catalogue being edited, as plain data, and its validation by the domain's rules.

The editor works on a *draft*: the catalogue dumped to dicts and lists. Items
that exist in the stored catalogue carry ``_locked: True`` so their ids stay
fixed (visit records and tickets refer to them); keys starting with ``_`` are
dropped before validation. Validation is the domain's own: the pydantic models
first, then :func:`~kiosk.catalogue.validate.catalogue_problems`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from kiosk.catalogue.model import Catalogue
from kiosk.catalogue.validate import catalogue_problems
from ui.admin.problem_words import Problem, pydantic_problems, rule_problems

if TYPE_CHECKING:
    from kiosk.i18n import Localizer


def draft_from(catalogue: Catalogue) -> dict[str, Any]:
    data: dict[str, Any] = catalogue.model_dump(mode="json")
    for service in data["services"]:
        service["_locked"] = True
        for material in service["materials"]:
            material["_locked"] = True
    for question in data["questionnaire"]["questions"]:
        question["_locked"] = True
        for option in question["options"]:
            option["_locked"] = True
    return data


def clean(value: Any) -> Any:
    """The draft without the editor's own ``_`` keys."""
    if isinstance(value, dict):
        return {k: clean(v) for k, v in value.items() if not str(k).startswith("_")}
    if isinstance(value, list):
        return [clean(v) for v in value]
    return value


def validate(draft: dict[str, Any], loc: Localizer) -> tuple[Catalogue | None, list[Problem]]:
    """The catalogue the draft describes, or every problem it has (in plain words)."""
    try:
        catalogue = Catalogue.model_validate(clean(draft))
    except ValidationError as exc:
        return None, pydantic_problems(list(exc.errors()), draft, loc)
    rules = catalogue_problems(catalogue)
    if rules:
        return None, rule_problems(rules, draft, loc)
    return catalogue, []
