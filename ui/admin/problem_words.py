"""Catalogue problems in plain words: where (“Service “Lost card” › Ticket prefix”) and what.

Two sources: pydantic's field errors (a path and an error type) and the domain's
cross-reference rules (``services[2].prefix: 'A' is used by more than one
service``). Both become a :class:`Problem` with the path as a tuple (to show
the message next to its field) and translated text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from kiosk.i18n import ENDONYMS, N_

if TYPE_CHECKING:
    from kiosk.i18n import Localizer

Path = tuple[str | int, ...]


@dataclass(frozen=True)
class Problem:
    path: Path
    message: str
    """What is wrong, translated (shown next to the field)."""
    where: str
    """Where, translated (shown in the list above the form)."""

    @property
    def text(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message


_FIELDS: dict[str, str] = {
    "slug": N_("Id"),
    "id": N_("Id"),
    "prefix": N_("Ticket prefix"),
    "category": N_("Category"),
    "name": N_("Service name"),
    "description": N_("Description"),
    "steps": N_("Steps"),
    "materials": N_("Items to bring"),
    "follow_up": N_("What happens next"),
    "text": N_("Text"),
    "note": N_("Note"),
    "if_missing": N_("If missing"),
    "average_minutes": N_("Average minutes"),
    "sla_minutes": N_("Target wait (minutes)"),
    "daily_cap": N_("Daily ticket limit"),
    "pause": N_("Pause"),
    "reason": N_("Why it is paused"),
    "alternative": N_("What to do instead"),
    "start": N_("Start question"),
    "label": N_("Answer shown to the customer"),
    "hint": N_("Hint"),
    "next": N_("Leads to"),
    "service": N_("Leads to"),
    "options": N_("Answers"),
    "services": N_("Services"),
    "questions": N_("Questions"),
    "questionnaire": N_("Questionnaire"),
}
_NUMBERED: dict[str, str] = {
    "steps": N_("Step {n}"),
    "materials": N_("Item to bring {n}"),
    "follow_up": N_("Note {n}"),
}


def _item(data: Any, index: int) -> Mapping[str, Any]:
    item = data[index] if isinstance(data, list) and 0 <= index < len(data) else None
    return item if isinstance(item, dict) else {}


def where(path: Path, draft: Mapping[str, Any], loc: Localizer) -> str:
    """``('services', 1, 'name', 'zh_Hant')`` → ``Service “Lost card” › Service name › 繁體中文``."""
    words: list[str] = []
    node: Any = draft
    for position, part in enumerate(path):
        parent = path[position - 1] if position else None
        last = position == len(path) - 1
        if isinstance(part, int):
            item = _item(node, part)
            number = loc.number(part + 1)
            if parent == "services":
                name = loc.text(item.get("name")) or str(item.get("slug") or number)
                words.append(loc.tr("Service “{name}”").format(name=name))
            elif parent == "questions":
                text = loc.text(item.get("text")) or str(item.get("id") or number)
                words.append(loc.tr("Question “{text}”").format(text=text))
            elif parent == "options":
                text = loc.text(item.get("label")) or str(item.get("id") or number)
                words.append(loc.tr("Answer “{label}”").format(label=text))
            elif isinstance(parent, str) and parent in _NUMBERED:
                words.append(loc.tr(_NUMBERED[parent]).format(n=number))
            node = item
            continue
        if part in ENDONYMS:
            words.append(ENDONYMS[part])
        elif part in ("services", "questions", "options", "questionnaire") and not last:
            pass  # the item named next says it better
        elif part in _NUMBERED and not last:
            pass
        else:
            words.append(loc.tr(_FIELDS.get(part, part)))
        node = node.get(part) if isinstance(node, Mapping) else None
    return " › ".join(words)


_ID_PATTERN = N_(
    "Use 2 to 48 characters: lower-case letters a–z, digits and _, starting with a letter."
)


def field_message(error: Mapping[str, Any], loc: Localizer) -> str:
    """One pydantic error as a plain sentence."""
    kind = str(error.get("type", ""))
    path = tuple(error.get("loc", ()))
    ctx = error.get("ctx") or {}
    last = path[-1] if path else ""
    if kind in ("missing", "string_too_short", "string_type", "dict_type"):
        return loc.tr("This cannot be empty.")
    if kind == "string_pattern_mismatch":
        if last == "prefix":
            return loc.tr("Use one or two capital letters, A to Z.")
        return loc.tr(_ID_PATTERN)
    if kind == "too_short":
        n = int(ctx.get("min_length", 1))
        return loc.ntr("Add at least {n} item.", "Add at least {n} items.", n).format(
            n=loc.number(n)
        )
    if kind == "greater_than_equal":
        return loc.tr("The value is too small (at least {n}).").format(n=ctx.get("ge"))
    if kind == "less_than_equal":
        return loc.tr("The value is too large (at most {n}).").format(n=ctx.get("le"))
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return loc.tr("Enter a whole number.")
    if kind == "value_error" and "exactly one of" in str(error.get("msg", "")):
        return loc.tr("Choose where this answer leads: a question or a service.")
    return loc.tr("This value cannot be used.")


def pydantic_problems(errors: list[Any], draft: Mapping[str, Any], loc: Localizer) -> list[Problem]:
    problems = []
    for error in errors:
        path = tuple(
            p for p in error["loc"] if not (isinstance(p, str) and p.startswith("function-"))
        )
        problems.append(Problem(path, field_message(error, loc), where(path, draft, loc)))
    return problems


#: The domain's rule messages (kiosk/catalogue/validate.py) and their plain words.
_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), msgid)
    for pattern, msgid in (
        (
            r"^'(?P<v>.+)' is used by more than one service$",
            N_("“{v}” is used by more than one service."),
        ),
        (r"^'(?P<v>.+)' is repeated$", N_("“{v}” is used twice in this service.")),
        (
            r"^a '(?P<v>.+)' service is required for 'not sure'$",
            N_("A service “{v}” is needed for customers who are not sure."),
        ),
        (r"^unknown question '(?P<v>.*)'$", N_("There is no question “{v}”.")),
        (
            r"^'(?P<v>.+)' is used by more than one question$",
            N_("“{v}” is used by more than one question."),
        ),
        (
            r"^needs a 'not sure' option leading to '(?P<v>.+)'$",
            N_("Every question needs a “not sure” answer that leads to “{v}”."),
        ),
        (
            r"^'(?P<v>.+)' is used by more than one option$",
            N_("“{v}” is used by more than one answer."),
        ),
        (r"^unknown service '(?P<v>.*)'$", N_("There is no service “{v}”.")),
        (
            r"^option '(?P<o>.+)' loops back to '(?P<q>.+)'$",
            N_("Answer “{o}” leads back to question “{q}”: customers would go round in circles."),
        ),
        (
            r"^'(?P<v>.+)' cannot be reached from the start$",
            N_("No answer leads to this question."),
        ),
        (
            r"^'(?P<v>.+)' is not reachable from the questionnaire$",
            N_("No answer leads to this service, so customers cannot choose it."),
        ),
        (
            r"^the same words as question '(?P<v>.+)'$",
            N_("Question “{v}” has the same words: customers and staff cannot tell the two apart."),
        ),
        (
            r"^'(?P<v>.+)' needs (?P<n>\d+) answers \(at most (?P<m>\d+)\)$",
            N_("Customers need {n} answers to reach this service; at most {m} are allowed."),
        ),
    )
)
_PATH_PART = re.compile(r"([A-Za-z_]+)|\[(\d+)\]")


def parse_path(text: str) -> Path:
    return tuple(int(index) if index else name for name, index in _PATH_PART.findall(text))


def rule_problems(lines: list[str], draft: Mapping[str, Any], loc: Localizer) -> list[Problem]:
    problems = []
    for line in lines:
        place, _, rest = line.partition(": ")
        path = parse_path(place) if rest else ()
        message = rest or line
        for pattern, msgid in _RULES:
            match = pattern.match(message)
            if match:
                message = loc.tr(msgid).format(**match.groupdict())
                break
        problems.append(Problem(path, message, where(path, draft, loc)))
    return problems
