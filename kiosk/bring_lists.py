"""Bring-lists that come back: the return code printed on a list of what to bring, found
again when the customer returns, and the new visit linked to the list once.

The code names the list, not the person: six random digits (the kiosk's keypad types
them), unique among the lists kept. The list's QR code holds the same code behind a
prefix (:func:`qr_payload`), so that the camera takes no other QR code for one. A code
is found while its list is kept (the retention period) and not yet used; the visit
that brings it back links it in the transaction that stores the visit. Messages are
msgids for ``loc.tr``.
"""

from __future__ import annotations

import logging
import re
import secrets
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from kiosk.branch_service import BranchService
from kiosk.db.models import Visit
from kiosk.db.models_bring_list import BringList
from kiosk.i18n import N_

log = logging.getLogger(__name__)

CODE_DIGITS = 6
QR_PREFIX = "LIST-"
_CODE = re.compile(rf"^\d{{{CODE_DIGITS}}}$")
#: Fresh codes tried before giving up (a clash is one in tens of thousands).
_ATTEMPTS = 8


class BringListError(ValueError):
    """The code cannot be used; ``message`` is a msgid, ``params`` fill it."""

    def __init__(self, message: str, **params: str) -> None:
        self.message = message
        self.params = params
        super().__init__(message.format(**params) if params else message)


@dataclass(frozen=True)
class ReturningList:
    """A kept, unused list: what the returning customer is taken back to."""

    code: str
    service_slug: str
    printed_at: datetime


def qr_payload(code: str) -> str:
    """What the list's QR code holds."""
    return f"{QR_PREFIX}{code}"


def code_in(text: str) -> str | None:
    """The return code in a scanned QR text or a typed one; None if it holds none."""
    text = "".join(text.split()).upper()
    text = text.removeprefix(QR_PREFIX)
    return text if _CODE.match(text) else None


def is_list_qr(text: str) -> bool:
    """Whether a scanned text is a list's QR code (the camera ignores any other)."""
    return text.strip().startswith(QR_PREFIX) and code_in(text) is not None


def new_code() -> str:
    return f"{secrets.randbelow(10**CODE_DIGITS):0{CODE_DIGITS}d}"


def issue(session: Session, visit_id: int, now: datetime) -> str:
    """Give the visit's list a fresh return code (in the caller's transaction)."""
    for _ in range(_ATTEMPTS):
        code = new_code()
        if session.exec(select(BringList.visit_id).where(BringList.code == code)).first():
            continue
        try:
            with session.begin_nested():  # another kiosk took it meanwhile: try again
                session.add(BringList(visit_id=visit_id, code=code, printed_at=now))
        except IntegrityError:
            continue
        return code
    raise RuntimeError(f"no free return code after {_ATTEMPTS} tries")


def link_return(session: Session, code: str, visit_id: int, now: datetime) -> bool:
    """Mark the list used by ``visit_id`` unless it was used already (one statement, so
    two kiosks cannot both use it); whether it was linked."""
    linked = session.execute(
        update(BringList)
        .where(col(BringList.code) == code, col(BringList.returned_at).is_(None))
        .values(returned_visit_id=visit_id, returned_at=now)
    )
    if linked.rowcount != 1:  # type: ignore[attr-defined]  # a CursorResult
        log.warning("bring-list %s was used already; visit %s not linked to it", code, visit_id)
        return False
    return True


class BringLists(BranchService):
    def find(self, typed: str) -> ReturningList:
        """The kept, unused list of a typed or scanned code."""
        code = code_in(typed)
        if code is None:
            raise BringListError(
                N_("Type the code printed on your list, {digits} digits."),
                digits=str(CODE_DIGITS),
            )
        with self._db.reading() as session:
            row = session.exec(
                select(BringList.returned_at, BringList.printed_at, Visit.service_slug)
                .join(Visit, col(Visit.id) == col(BringList.visit_id))
                .where(BringList.code == code)
            ).first()
        if row is None or row[2] is None:
            raise BringListError(
                N_("We cannot find the list with code {code}. Please check the code."), code=code
            )
        returned_at, printed_at, service_slug = row
        if returned_at is not None:
            raise BringListError(
                N_(
                    "The list with code {code} has been used already. Tap Start to find your service."
                ),
                code=code,
            )
        return ReturningList(code, service_slug, printed_at)
