"""Catalogue in the database: save a validated :class:`Catalogue`, read it back.

The catalogue lives in the database so every kiosk of a branch shares it; the
YAML files seed an empty database and are the import/export format.
"""

from __future__ import annotations

from typing import Any

from sqlmodel import Session, col, delete, select

from kiosk.catalogue.loader import parse_catalogue
from kiosk.catalogue.model import Catalogue, LocalizedText, as_dict
from kiosk.db.models import (
    FollowUpRow,
    MaterialRow,
    OptionRow,
    QuestionRow,
    ServiceRow,
    ServiceStepRow,
)


def _texts(value: LocalizedText | None) -> dict[str, str] | None:
    return None if value is None else as_dict(value)


def has_catalogue(session: Session) -> bool:
    return session.exec(select(ServiceRow.slug).limit(1)).first() is not None


def save_catalogue(session: Session, catalogue: Catalogue) -> None:
    """Replace the stored catalogue with ``catalogue`` (in the caller's transaction)."""
    for table in (OptionRow, QuestionRow, FollowUpRow, MaterialRow, ServiceStepRow, ServiceRow):
        session.execute(delete(table))
    for s_pos, service in enumerate(catalogue.services):
        session.add(
            ServiceRow(
                slug=service.slug,
                position=s_pos,
                prefix=service.prefix,
                category=service.category,
                name=as_dict(service.name),
                description=as_dict(service.description),
                average_minutes=service.average_minutes,
                sla_minutes=service.sla_minutes,
                allow_without_required=service.allow_without_required,
                active=service.active,
                daily_cap=service.daily_cap,
                paused=service.pause is not None,
                pause_reason=_texts(service.pause.reason) if service.pause else None,
                pause_alternative=_texts(service.pause.alternative) if service.pause else None,
            )
        )
    session.flush()
    for service in catalogue.services:
        for pos, step in enumerate(service.steps):
            session.add(ServiceStepRow(service_slug=service.slug, position=pos, text=as_dict(step)))
        for pos, material in enumerate(service.materials):
            session.add(
                MaterialRow(
                    service_slug=service.slug,
                    material_id=material.id,
                    position=pos,
                    text=as_dict(material.text),
                    required=material.required,
                    note=_texts(material.note),
                    if_missing=_texts(material.if_missing),
                )
            )
        for pos, note in enumerate(service.follow_up):
            session.add(FollowUpRow(service_slug=service.slug, position=pos, text=as_dict(note)))
    questionnaire = catalogue.questionnaire
    for q_pos, question in enumerate(questionnaire.questions):
        session.add(
            QuestionRow(
                id=question.id,
                position=q_pos,
                is_start=question.id == questionnaire.start,
                text=as_dict(question.text),
            )
        )
    session.flush()
    for question in questionnaire.questions:
        for pos, option in enumerate(question.options):
            session.add(
                OptionRow(
                    id=option.id,
                    question_id=question.id,
                    position=pos,
                    label=as_dict(option.label),
                    hint=_texts(option.hint),
                    next_question=option.next,
                    service_slug=option.service,
                )
            )
    session.flush()


def _grouped(rows: list[Any], key: str) -> dict[str, list[Any]]:
    groups: dict[str, list[Any]] = {}
    for row in rows:
        groups.setdefault(getattr(row, key), []).append(row)
    return groups


def _optional(data: dict[str, Any], key: str, value: Any) -> None:
    if value is not None:
        data[key] = value


def load_stored_catalogue(session: Session) -> Catalogue:
    """Read the catalogue back into the validated model (validated again on the way)."""
    services = session.exec(select(ServiceRow).order_by(col(ServiceRow.position))).all()
    steps = _grouped(
        list(session.exec(select(ServiceStepRow).order_by(col(ServiceStepRow.position)))),
        "service_slug",
    )
    materials = _grouped(
        list(session.exec(select(MaterialRow).order_by(col(MaterialRow.position)))),
        "service_slug",
    )
    notes = _grouped(
        list(session.exec(select(FollowUpRow).order_by(col(FollowUpRow.position)))),
        "service_slug",
    )
    questions = session.exec(select(QuestionRow).order_by(col(QuestionRow.position))).all()
    options = _grouped(
        list(session.exec(select(OptionRow).order_by(col(OptionRow.position)))), "question_id"
    )
    service_data = []
    for row in services:
        material_data = []
        for m in materials.get(row.slug, []):
            item: dict[str, Any] = {"id": m.material_id, "text": m.text, "required": m.required}
            _optional(item, "note", m.note)
            _optional(item, "if_missing", m.if_missing)
            material_data.append(item)
        pause: dict[str, Any] | None = None
        if row.paused and row.pause_reason:
            pause = {"reason": row.pause_reason}
            _optional(pause, "alternative", row.pause_alternative)
        service_item: dict[str, Any] = {
            "slug": row.slug,
            "prefix": row.prefix,
            "category": row.category,
            "name": row.name,
            "description": row.description,
            "steps": [s.text for s in steps.get(row.slug, [])],
            "materials": material_data,
            "follow_up": [n.text for n in notes.get(row.slug, [])],
            "average_minutes": row.average_minutes,
            "sla_minutes": row.sla_minutes,
            "allow_without_required": row.allow_without_required,
            "active": row.active,
        }
        _optional(service_item, "daily_cap", row.daily_cap)
        _optional(service_item, "pause", pause)
        service_data.append(service_item)
    question_data = []
    for q in questions:
        option_data = []
        for o in options.get(q.id, []):
            item = {"id": o.id, "label": o.label}
            _optional(item, "hint", o.hint)
            _optional(item, "next", o.next_question)
            _optional(item, "service", o.service_slug)
            option_data.append(item)
        question_data.append({"id": q.id, "text": q.text, "options": option_data})
    start = next((q.id for q in questions if q.is_start), questions[0].id if questions else "")
    data = {"services": service_data, "questionnaire": {"start": start, "questions": question_data}}
    return parse_catalogue(data)
