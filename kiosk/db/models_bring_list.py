"""The list of what to bring, printed for a visit that left to fetch something, and
the visit that came back with it.

The list carries a short return code (and its QR code) that names the list, never the
person. A list is used once: the visit that brings it back is linked to it. Both
links go with their visits when the retention purge deletes them.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, ForeignKey, Integer
from sqlmodel import Field, SQLModel


class BringList(SQLModel, table=True):
    __tablename__ = "bring_list"

    visit_id: int = Field(
        sa_column=Column(Integer, ForeignKey("visit.id", ondelete="CASCADE"), primary_key=True)
    )
    """The visit that printed the list."""
    code: str = Field(max_length=12, unique=True)
    """The return code printed on the list (digits only: the kiosk's keypad types it)."""
    printed_at: datetime
    returned_visit_id: int | None = Field(
        default=None,
        sa_column=Column(Integer, ForeignKey("visit.id", ondelete="SET NULL"), nullable=True),
    )
    """The visit that came back with the list."""
    returned_at: datetime | None = None
    """When the list was used again (it stays used if that visit is purged first)."""
