"""The catalogue as data: services with steps, materials and follow-up notes, and
the questionnaire that leads a customer to one of them.

These are the shapes of the catalogue files (YAML) and of what the domain hands
the UI. Every customer-facing text is a :data:`LocalizedText` with all three
languages; field-level rules live here, cross-references in ``validate.py``.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
    with_config,
)
from typing_extensions import TypedDict

NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{1,47}$")]
Prefix = Annotated[str, StringConstraints(pattern=r"^[A-Z]{1,2}$")]


@with_config(ConfigDict(extra="forbid"))
class LocalizedText(TypedDict):
    """One text in every supported language."""

    en: NonEmpty
    zh_Hans: NonEmpty
    zh_Hant: NonEmpty


def as_dict(text: LocalizedText) -> dict[str, str]:
    """A plain ``{locale: text}`` dict (for JSON columns and YAML export)."""
    return {"en": text["en"], "zh_Hans": text["zh_Hans"], "zh_Hant": text["zh_Hant"]}


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Material(_Model):
    id: Slug
    text: LocalizedText
    required: bool = True
    note: LocalizedText | None = None
    """E.g. "original, not a copy", "issued within the last 3 months"."""
    if_missing: LocalizedText | None = None
    """What to do when the customer does not have it."""


class Pause(_Model):
    """A service taken out of the queue for now, with why and what to do instead."""

    reason: LocalizedText
    alternative: LocalizedText | None = None


class Service(_Model):
    slug: Slug
    prefix: Prefix
    category: Slug
    name: LocalizedText
    description: LocalizedText
    steps: Annotated[list[LocalizedText], Field(min_length=3)]
    materials: list[Material] = Field(default_factory=list)
    follow_up: Annotated[list[LocalizedText], Field(min_length=1)]
    average_minutes: Annotated[int, Field(ge=1, le=240)] = 10
    sla_minutes: Annotated[int, Field(ge=1, le=480)] = 20
    allow_without_required: bool = True
    """Whether a customer missing a required item may still take a ticket."""
    active: bool = True
    daily_cap: Annotated[int, Field(ge=1, le=9999)] | None = None
    """Tickets the branch can serve today for this service; then the kiosk says so."""
    pause: Pause | None = None

    def material(self, material_id: str) -> Material:
        for item in self.materials:
            if item.id == material_id:
                return item
        raise KeyError(material_id)


class Option(_Model):
    id: Slug
    label: LocalizedText
    hint: LocalizedText | None = None
    next: Slug | None = None
    """The question this answer leads to, or ..."""
    service: Slug | None = None
    """... the service it chooses."""

    @model_validator(mode="after")
    def _one_target(self) -> Option:
        if (self.next is None) == (self.service is None):
            raise ValueError("needs exactly one of 'next' (a question) or 'service'")
        return self


class Question(_Model):
    id: Slug
    text: LocalizedText
    options: Annotated[list[Option], Field(min_length=2)]


class Questionnaire(_Model):
    start: Slug
    questions: Annotated[list[Question], Field(min_length=1)]

    def question(self, question_id: str) -> Question:
        for question in self.questions:
            if question.id == question_id:
                return question
        raise KeyError(question_id)


class Catalogue(_Model):
    services: Annotated[list[Service], Field(min_length=1)]
    questionnaire: Questionnaire

    def service(self, slug: str) -> Service:
        for service in self.services:
            if service.slug == slug:
                return service
        raise KeyError(slug)

    @property
    def active_services(self) -> list[Service]:
        return [s for s in self.services if s.active]


#: The service every "not sure" answer leads to: a person at the enquiry desk.
GENERAL_ENQUIRY = "general_enquiry"
#: Most answers a customer should need to reach any service.
MAX_ANSWERS = 3
