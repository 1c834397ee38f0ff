"""Operational settings a manager edits on the kiosk; shared by every machine of the
branch through the database, laid over the machine's TOML settings.

Each editable setting is declared once in :class:`BranchSettings` (type, bounds).
The printer URL belongs to one machine, so it is stored per kiosk id.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from sqlmodel import Session, select

from kiosk import audit, events
from kiosk.access import StaffMember, require_manager
from kiosk.clock import Clock, utc_now
from kiosk.db.database import Database
from kiosk.db.models import BranchSetting
from kiosk.i18n import N_, LocaleCode
from kiosk.settings import PrinterSection, Settings

TicketSection = Literal[
    "logo",
    "branch_name",
    "code",
    "service_name",
    "issued_at",
    "queue",
    "materials",
    "follow_up",
    "qr",
    "footer",
]


class BranchSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    branch_name: Annotated[str, Field(min_length=1, max_length=80)]
    languages: Annotated[tuple[LocaleCode, ...], Field(min_length=1)]
    default_language: LocaleCode
    idle_seconds: Annotated[int, Field(ge=15, le=3600)]
    idle_countdown_seconds: Annotated[int, Field(ge=20, le=300)]
    ticket_return_seconds: Annotated[int, Field(ge=5, le=600)]
    admin_idle_seconds: Annotated[int, Field(ge=15, le=1800)] = 60
    """Admin mode signs out after this long without a touch."""
    day_reset_hour: Annotated[int, Field(ge=0, le=23)]
    retention_days: Annotated[int, Field(ge=1, le=3650)] = 365
    """Visits and tickets older than this are deleted (the audit trail is kept)."""
    hidden_ticket_sections: tuple[TicketSection, ...] = ()
    printer_url: str
    complaint_acknowledge_business_days: Annotated[int, Field(ge=1, le=10)] = 1
    """A complaint case must be acknowledged within this many business days (Mon–Fri)."""
    complaint_resolve_days: Annotated[int, Field(ge=1, le=90)] = 7
    """A complaint case must be resolved (or rejected with an explanation) within this
    many calendar days of opening."""

    @field_validator("printer_url")
    @classmethod
    def _printer(cls, value: str) -> str:
        return PrinterSection(url=value).url

    @field_validator("languages")
    @classmethod
    def _unique(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        if len(set(value)) != len(value):
            raise ValueError("each language once")
        return value


def stored_or_default(session: Session, name: str) -> Any:
    """One branch-wide setting that has a declared default, read inside the caller's
    transaction (the value a manager saved, else the declaration's default)."""
    row = session.get(BranchSetting, name)
    return row.value if row is not None else BranchSettings.model_fields[name].default


class SettingsRejected(ValueError):
    """``problems`` are (field, msgid) pairs for the editor to show next to each field."""

    def __init__(self, problems: list[tuple[str, str]]) -> None:
        self.problems = problems
        super().__init__("; ".join(f"{k}: {m}" for k, m in problems))


_MESSAGES = {
    "greater_than_equal": N_("The value is too small."),
    "less_than_equal": N_("The value is too large."),
    "string_too_short": N_("This cannot be empty."),
    "string_too_long": N_("This is too long."),
    "too_short": N_("Choose at least one."),
    "int_parsing": N_("Enter a whole number."),
    "literal_error": N_("Choose one of the offered values."),
}


def _machine_defaults(settings: Settings) -> dict[str, Any]:
    return {
        "branch_name": settings.kiosk.branch_name,
        "languages": settings.display.languages,
        "default_language": settings.display.default_language,
        "idle_seconds": settings.display.idle_seconds,
        "idle_countdown_seconds": settings.display.idle_countdown_seconds,
        "ticket_return_seconds": settings.display.ticket_return_seconds,
        "day_reset_hour": settings.business.day_reset_hour,
        "printer_url": settings.printer.url,
    }


class BranchSettingsStore:
    def __init__(self, db: Database, settings: Settings, clock: Clock = utc_now) -> None:
        self._db = db
        self._settings = settings
        self._clock = clock
        self._seen_version = -1

    def _key(self, name: str) -> str:
        return f"printer_url@{self._settings.kiosk.id}" if name == "printer_url" else name

    def current(self) -> BranchSettings:
        with self._db.session() as session:
            return self._current(session)

    def _current(self, session: Session) -> BranchSettings:
        values = _machine_defaults(self._settings)
        stored = {row.key: row.value for row in session.exec(select(BranchSetting))}
        for name in BranchSettings.model_fields:
            if self._key(name) in stored:
                values[name] = stored[self._key(name)]
        return BranchSettings.model_validate(values)

    def update(self, actor: StaffMember, **changes: Any) -> BranchSettings:
        with self._db.session() as session:
            require_manager(actor, session)
            old = self._current(session)
            try:
                new = BranchSettings.model_validate({**old.model_dump(), **changes})
            except ValidationError as exc:
                raise SettingsRejected(
                    [
                        (
                            str(e["loc"][0]),
                            _MESSAGES.get(e["type"], N_("This value cannot be used.")),
                        )
                        for e in exc.errors()
                    ]
                ) from None
            if new.default_language not in new.languages:
                raise SettingsRejected(
                    [("default_language", N_("The default language must be offered."))]
                )
            now = self._clock()
            before, after = old.model_dump(mode="json"), new.model_dump(mode="json")
            events.bump(session, events.SETTINGS_VERSION)
            for name, value in after.items():
                if before[name] == value:
                    continue
                row = session.get(BranchSetting, self._key(name)) or BranchSetting(
                    key=self._key(name), value=value, updated_at=now
                )
                row.value, row.updated_at = value, now
                session.add(row)
                audit.append(
                    session,
                    at=now,
                    kiosk_id=self._settings.kiosk.id,
                    actor=actor.actor,
                    action="settings.change",
                    target=name,
                    detail={"old": before[name], "new": value},
                )
            return new

    def effective(self, branch: BranchSettings | None = None) -> Settings:
        """The machine settings with the branch's choices laid over them."""
        branch = branch or self.current()
        s = self._settings
        return s.model_copy(
            update={
                "kiosk": s.kiosk.model_copy(update={"branch_name": branch.branch_name}),
                "printer": s.printer.model_copy(update={"url": branch.printer_url}),
                "display": s.display.model_copy(
                    update={
                        "languages": branch.languages,
                        "default_language": branch.default_language,
                        "idle_seconds": branch.idle_seconds,
                        "idle_countdown_seconds": branch.idle_countdown_seconds,
                        "ticket_return_seconds": branch.ticket_return_seconds,
                    }
                ),
                "business": s.business.model_copy(update={"day_reset_hour": branch.day_reset_hour}),
            }
        )

    def in_force(self) -> tuple[Settings, tuple[str, ...]]:
        """What a machine of the branch starts with: the effective settings, and the
        ticket sections managers hid."""
        chosen = self.current()
        return self.effective(chosen), tuple(chosen.hidden_ticket_sections)

    def refresh_if_changed(self) -> BranchSettings | None:
        """The branch's settings when a manager changed them since the last call (on any
        machine); None otherwise. One primary-key read: call it on a timer."""
        with self._db.session() as session:
            current = events.version(session, events.SETTINGS_VERSION)
        if current == self._seen_version:
            return None
        self._seen_version = current
        return self.current()

    def last_changed(self) -> datetime | None:
        with self._db.session() as session:
            rows = session.exec(select(BranchSetting.updated_at)).all()
        return max(rows) if rows else None
