"""Demo traffic's after-visit answers: kiosk ratings, survey scores and the complaint
cases low scores open, for the tickets a demo batch served (a hook of
:data:`kiosk.demo_data.HOOKS`).

About one served visit in eight is rated at the kiosk and one in five answers the
survey; the longer a customer waited, the lower the score. A score of 1 or 2 opens a
case, as it would in the branch; most are closed within days, a few run past their
targets. Each ticket's answers follow from its id, so a seed gives the same figures.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, insert, select

from kiosk.complaint_rules import due_dates
from kiosk.db.models import Ticket
from kiosk.db.models_contacts import SurveyAnswerRow
from kiosk.db.models_feedback import ComplaintCase, VisitRating
from kiosk.demo_queue import DayRows
from kiosk.ticket import TicketStatus

RATED_SHARE = 0.12
SURVEYED_SHARE = 0.20
LOW_SCORE = 2
ZONE = UTC  # business days for the targets; the demo's branch keeps weekdays anyway
_REASONS = ("wait", "explanation", "staff_attitude", "materials_guidance", "other")
_CATEGORY = {"wait": "wait", "explanation": "explanation", "staff_attitude": "staff"}


def _table(model: Any) -> Any:
    return model.__table__


def _score(rng: random.Random, waited_minutes: float) -> int:
    """Mostly 4-5; a long wait pulls it down."""
    base = 4.6 - min(waited_minutes, 60.0) / 25.0
    return max(1, min(5, round(rng.gauss(base, 0.9))))


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def add_feedback(connection: Connection, days: Sequence[DayRows]) -> None:
    ids = [t["id"] for d in days for t in d.tickets]
    if not ids:
        return
    ticket = _table(Ticket)
    served = connection.execute(
        select(
            ticket.c.id, ticket.c.reference, ticket.c.code, ticket.c.business_day,
            ticket.c.service_slug, ticket.c.staff_id, ticket.c.issued_at, ticket.c.called_at,
            ticket.c.finished_at,
        ).where(
            ticket.c.id.between(min(ids), max(ids)), ticket.c.status == TicketStatus.DONE
        )
    ).all()  # fmt: skip
    next_case = int(connection.execute(select(_table(ComplaintCase).c.id).order_by(
        _table(ComplaintCase).c.id.desc()).limit(1)).scalar() or 0) + 1  # fmt: skip
    ratings, answers, cases = [], [], []
    for row in served:
        rng = random.Random(row.id * 7919)
        finished, issued = _aware(row.finished_at), _aware(row.issued_at)
        waited = (_aware(row.called_at or row.issued_at) - issued).total_seconds() / 60
        roll = rng.random()
        if roll >= RATED_SHARE + SURVEYED_SHARE:
            continue
        score = _score(rng, waited)
        reasons = [r for r in _REASONS if rng.random() < (0.5 if score <= LOW_SCORE else 0.1)]
        if score <= LOW_SCORE and waited > 15 and "wait" not in reasons:
            reasons.insert(0, "wait")
        at = finished + timedelta(minutes=rng.randint(10, 600))
        case_id = None
        if score <= LOW_SCORE:
            case_id = next_case
            next_case += 1
            source = "kiosk_rating" if roll < RATED_SHARE else "survey"
            cases.append(_case(rng, case_id, row, at, reasons, score, source))
        if roll < RATED_SHARE:
            ratings.append({
                "ticket_reference": row.reference, "ticket_id": row.id, "ticket_code": row.code,
                "business_day": row.business_day, "service_slug": row.service_slug,
                "staff_id": row.staff_id, "score": score, "reasons": reasons, "rated_at": at,
                "kiosk_id": "demo", "case_id": case_id,
            })  # fmt: skip
        else:
            answers.append({
                "ticket_id": row.id, "outbox_id": None, "channel": rng.choice(("sms", "phone")),
                "kind": "score", "score": score, "reasons": reasons, "comment": None, "at": at,
            })  # fmt: skip
    for model, rows in ((ComplaintCase, cases), (VisitRating, ratings), (SurveyAnswerRow, answers)):
        if rows:
            connection.execute(insert(_table(model)), rows)


def _case(
    rng: random.Random,
    case_id: int,
    row: Any,
    at: datetime,
    reasons: list[str],
    score: int,
    source: str,
) -> dict[str, Any]:
    acknowledge_due, resolve_due = due_dates(at, 1, 7, ZONE)
    category = next((_CATEGORY[r] for r in reasons if r in _CATEGORY), "other")
    acknowledged = at + timedelta(hours=rng.uniform(1, 30))
    closed = acknowledged + timedelta(days=rng.uniform(0.2, 9))
    state = "resolved" if rng.random() < 0.9 else "rejected"
    return {
        "id": case_id, "opened_at": at, "source": source, "category": category,
        "summary": f"{score}/5 " + (", ".join(reasons) or "-"), "ticket_id": row.id,
        "ticket_code": row.code, "staff_id": row.staff_id, "opened_by_id": None, "state": state,
        "manager_id": None, "acknowledge_due": acknowledge_due, "resolve_due": resolve_due,
        "acknowledged_at": acknowledged, "closed_at": closed,
        "resolution": "Explained and apologised" if state == "resolved" else "Fee is as agreed",
    }  # fmt: skip
