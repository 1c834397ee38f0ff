"""Tables of the hardening work: refused attempts counted between their audit entries."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Column
from sqlmodel import Field, SQLModel


class AuditBurst(SQLModel, table=True):
    """Refusals of one kind from one pad (and, for manager actions, one person) since the
    audit entry that opened the burst: counted here, written as one entry when it ends
    (:mod:`kiosk.refusals`). Not part of the trail: rows change and go."""

    __tablename__ = "audit_burst"

    pad: str = Field(primary_key=True, max_length=64)
    action: str = Field(primary_key=True, max_length=40)
    actor_id: int = Field(default=0, primary_key=True)
    """The person refused (0: nobody signed in, as for a wrong PIN)."""
    actor_name: str = Field(default="", max_length=80)
    first_at: datetime
    last_at: datetime
    count: int = 0
    """Refusals since the opening entry, not yet written."""
    targets: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    """What they were aimed at (a few, distinct), for the summary entry."""
