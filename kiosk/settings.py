"""Machine settings: one typed declaration, read from a TOML file with defaults.

Every setting is declared once below (type, default, description, validation).
``load_settings`` reads a TOML file and reports a wrong value with the file,
the key and what is expected, e.g.::

    /etc/kiosk.toml: display.idle_seconds must be a whole number, got 'soon' (line 12)
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import platformdirs
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from kiosk.feedback_settings import FeedbackSection
from kiosk.i18n import LOCALES, N_, LocaleCode
from kiosk.reach import DEFAULT_REACH, HIGH_REACH_MM, ScreenReach
from kiosk.speech_settings import KeypadSection, SpeechSection

APP_NAME = "lobby-kiosk"

CjkMode = Literal["raster", "gb18030", "big5"]


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_cache_dir() -> Path:
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def default_config_path() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "kiosk.toml"


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class KioskSection(_Section):
    id: Annotated[str, Field(min_length=1, max_length=32, pattern=r"^[A-Za-z0-9_-]+$")] = "kiosk-1"
    """Identifies this kiosk in visit records (letters, digits, '-' and '_')."""
    branch_name: Annotated[str, Field(min_length=1, max_length=80)] = "Riverside Branch"
    """Shown on the welcome screen and printed on tickets."""
    data_dir: Path = Field(default_factory=default_data_dir)
    """Where the database, printer previews and logs live."""
    audit_key_file: Path | None = None
    """The audit trail's key (default ``DATA_DIR/audit.key``); every machine of a branch
    needs the same file, kept outside the database."""

    @property
    def audit_key_path(self) -> Path:
        return self.audit_key_file or self.data_dir / "audit.key"


class DatabaseSection(_Section):
    url: str = ""
    """SQLAlchemy URL. Empty: SQLite file ``kiosk.sqlite3`` in the data directory."""

    @field_validator("url")
    @classmethod
    def _known_scheme(cls, value: str) -> str:
        if value and not value.startswith(("sqlite", "postgresql")):
            raise ValueError("a sqlite:/// or postgresql+psycopg:// URL")
        return value


class PrinterSection(_Section):
    url: str = "preview"
    """preview | tcp://host:port | usb://vendor:product | serial:///dev/ttyX | file:///path"""
    profile: str = "default"
    """python-escpos capability profile, e.g. TM-T20II, TM-T88V or default."""
    paper_dots: Literal[384, 512, 576] = 512
    """Printable width in dots: 384 (58 mm), 512 (80 mm, TM-T88) or 576 (80 mm, TM-T20II)."""
    timeout_seconds: Annotated[float, Field(gt=0, le=30)] = 3.0
    """Connect and read timeout; the customer never waits longer for the printer."""
    logo: Path | None = None
    """PNG/SVG printed at the top of every ticket; empty: the built-in one."""
    footer: dict[str, Annotated[str, Field(max_length=500)]] = Field(default_factory=dict)
    """Text printed at the foot of every ticket (e.g. opening hours), by language: keys en,
    zh_Hans, zh_Hant; in the ticket's language, else English. The privacy line follows it."""
    cjk_mode: CjkMode = "raster"
    """raster works on every printer; gb18030/big5 only for a printer configured for that
    Chinese code page."""

    @field_validator("url")
    @classmethod
    def _known_printer(cls, value: str) -> str:
        schemes = ("preview", "tcp://", "usb://", "serial://", "file://", "cups://")
        if not value.startswith(schemes):
            raise ValueError("preview, tcp://, usb://, serial://, file:// or cups://")
        return value

    @field_validator("logo", mode="before")
    @classmethod
    def _empty_logo(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("footer")
    @classmethod
    def _footer_languages(cls, value: dict[str, str]) -> dict[str, str]:
        unknown = sorted(set(value) - set(LOCALES))
        if unknown:
            raise ValueError(f"languages en, zh_Hans or zh_Hant as keys (not {', '.join(unknown)})")
        return value


class DisplaySection(_Section):
    languages: tuple[LocaleCode, ...] = LOCALES
    """Languages offered on the welcome screen, in order."""
    default_language: LocaleCode = "en"
    idle_seconds: Annotated[int, Field(ge=15, le=3600)] = 60
    """Seconds without a touch before the 'are you still there?' overlay."""
    idle_countdown_seconds: Annotated[int, Field(ge=20, le=300)] = 30
    """Seconds the overlay counts down before wiping the customer's choices (WCAG: ≥ 20)."""
    ticket_return_seconds: Annotated[int, Field(ge=5, le=600)] = 30
    """Seconds the ticket screen stays before returning to the welcome screen."""
    high_contrast: bool = False
    fullscreen: bool = False
    kiosk_mode: bool = False
    """Lockdown: full screen, on top, keys and close requests ignored; a manager's PIN leaves."""
    hide_cursor: bool = False
    on_screen_keyboard: bool = True
    """Qt's on-screen keyboard for the staff screens' text fields (a touchscreen has none)."""
    staff_button: bool | None = None
    """Show the visible staff button (default: only outside kiosk mode; a long press on
    the branch name always opens the PIN pad)."""


class LobbyDisplaySection(_Section):
    """The now-serving board (``kiosk display``)."""

    speak_calls: bool = True
    """Announce each call aloud in every offered language (where the system has a voice)."""
    speech_engine: str = ""
    """QTextToSpeech engine; empty: the system's default."""
    chime: bool = True
    calls_shown: Annotated[int, Field(ge=1, le=12)] = 6
    rotate_seconds: Annotated[int, Field(ge=0, le=120)] = 10
    """Seconds each language stays on the board (0: only the first language)."""


class ReachSection(_Section):
    """Where the screen is mounted, for the seated (low-reach) layout: every control
    then lies at most ``high_reach_mm`` above the floor (see ``kiosk.reach``)."""

    screen_bottom_mm: Annotated[int, Field(ge=0, le=2500)] = int(DEFAULT_REACH.bottom_mm)
    """Height of the picture's bottom edge above the floor, in millimetres."""
    screen_top_mm: Annotated[int, Field(ge=100, le=3000)] = int(DEFAULT_REACH.top_mm)
    """Height of the picture's top edge above the floor, in millimetres."""
    screen_height_mm: Annotated[int, Field(ge=100, le=2500)] = int(DEFAULT_REACH.height_mm)
    """The picture's physical height along the screen (598 mm: a 27-inch portrait screen);
    more than top minus bottom when the screen leans back."""
    high_reach_mm: Annotated[int, Field(ge=380, le=1400)] = HIGH_REACH_MM
    """The highest a control may be (ADA 308 / EN 301 549: 1220 mm)."""

    @model_validator(mode="after")
    def _edges(self) -> ReachSection:
        self.geometry()  # raises ValueError with the reason
        return self

    def geometry(self) -> ScreenReach:
        return ScreenReach(
            bottom_mm=self.screen_bottom_mm,
            top_mm=self.screen_top_mm,
            height_mm=self.screen_height_mm,
            high_reach_mm=self.high_reach_mm,
        )


class BusinessSection(_Section):
    timezone: str = "Asia/Hong_Kong"
    """IANA time zone of the branch; the business day and reports use it."""
    day_reset_hour: Annotated[int, Field(ge=0, le=23)] = 4
    """Local hour at which ticket numbers start again from 1."""

    @field_validator("timezone")
    @classmethod
    def _real_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError("an IANA time zone such as Asia/Hong_Kong") from exc
        return value

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


class QueueSection(_Section):
    priority_ratio: Annotated[int, Field(ge=1, le=10)] = 2
    """Priority tickets a counter may call in a row before a waiting normal ticket goes next."""
    no_show_after_recalls: Annotated[int, Field(ge=0, le=10)] = 2
    """Recalls before staff may mark a ticket as a no-show."""
    average_samples: Annotated[int, Field(ge=1, le=500)] = 20
    """Recent finished tickets the rolling average service time uses."""


class SmsSection(_Section):
    """Texts to customers who asked for them, the survey after the visit, and their
    contact details (``kiosk messenger`` sends; the kiosk and the counters enqueue)."""

    region: Annotated[str, Field(min_length=2, max_length=2, pattern=r"^[A-Z]{2}$")] = "HK"
    """The branch's region for numbers typed without ``+`` (ISO 3166: HK, CN, TW…)."""
    key_file: Path | None = None
    """The contacts' key (default ``DATA_DIR/contacts.key``); every machine of a branch
    needs the same file, kept outside the database and its backups."""
    texts_file: Path | None = None
    """The collection notice and the texts to customers (YAML, every language); empty:
    the built-in ``assets/catalogue/messages.yaml``."""
    contact_retention_days: Annotated[int, Field(ge=1, le=365)] = 30
    """Phone numbers and consent records are deleted this many days after the visit."""
    quiet_start: Annotated[str, Field(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$")] = "21:00"
    """Local time from which survey texts wait until ``quiet_end``."""
    quiet_end: Annotated[str, Field(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$")] = "09:00"
    turn_near_people: Annotated[int, Field(ge=0, le=50)] = 3
    """"Your turn is near" goes out when this many people or fewer are ahead…"""
    turn_near_minutes: Annotated[int, Field(ge=0, le=120)] = 10
    """…or when the estimated wait is this many minutes or less."""
    survey_delay_minutes: Annotated[int, Field(ge=0, le=1440)] = 30
    """Minutes after the counter finishes before the survey text goes out."""
    gateway: str = "log"
    """``log`` (a file in the data directory, shown in admin mode), ``file:///path``,
    ``smpp://user:pass@host:port`` or ``https://…`` (JSON POST)."""
    sender: Annotated[str, Field(max_length=20)] = "BANK"
    """The sender id or short code texts come from."""
    rate_per_second: Annotated[float, Field(gt=0, le=1000)] = 20.0
    """At most this many texts a second through the gateway."""
    poll_seconds: Annotated[float, Field(gt=0, le=60)] = 0.2
    """How often the messenger looks for new texts."""
    http_template: str = ""
    """JSON body for an ``http(s)://`` gateway, with ``{to}``, ``{text}``, ``{sender}``,
    ``{id}`` (JSON-escaped); empty: ``{"to": …, "text": …, "from": …, "reference": …}``."""
    http_token: str = ""
    """Sent as ``Authorization: Bearer …`` to an ``http(s)://`` gateway when set."""
    call_after_hours: Annotated[int, Field(ge=0, le=240)] = 24
    """The phone survey list shows visits that ended at least this long ago with no reply."""
    call_max_attempts: Annotated[int, Field(ge=1, le=10)] = 3
    """Unanswered calls before a customer leaves the call list."""

    @field_validator("gateway")
    @classmethod
    def _known_gateway(cls, value: str) -> str:
        if value != "log" and not value.startswith(("file://", "smpp://", "http://", "https://")):
            raise ValueError("log, file://, smpp:// or http(s)://")
        return value

    @field_validator("region")
    @classmethod
    def _known_region(cls, value: str) -> str:
        import phonenumbers

        if value not in phonenumbers.SUPPORTED_REGIONS:
            raise ValueError("a region code such as HK, CN or TW")
        return value

    def key_path(self, data_dir: Path) -> Path:
        return self.key_file or data_dir / "contacts.key"


class Settings(_Section):
    kiosk: KioskSection = Field(default_factory=KioskSection)
    database: DatabaseSection = Field(default_factory=DatabaseSection)
    printer: PrinterSection = Field(default_factory=PrinterSection)
    display: DisplaySection = Field(default_factory=DisplaySection)
    business: BusinessSection = Field(default_factory=BusinessSection)
    queue: QueueSection = Field(default_factory=QueueSection)
    lobby_display: LobbyDisplaySection = Field(default_factory=LobbyDisplaySection)
    sms: SmsSection = Field(default_factory=SmsSection)
    speech: SpeechSection = Field(default_factory=SpeechSection)
    keypad: KeypadSection = Field(default_factory=KeypadSection)
    reach: ReachSection = Field(default_factory=ReachSection)
    feedback: FeedbackSection = Field(default_factory=FeedbackSection)

    @property
    def database_url(self) -> str:
        return self.database.url or f"sqlite:///{self.kiosk.data_dir / 'kiosk.sqlite3'}"

    @property
    def cache_dir(self) -> Path:
        return default_cache_dir()


@dataclass(frozen=True)
class SettingProblem:
    """One thing wrong in a settings file: a msgid, what fills it, and the line."""

    msgid: str
    params: Mapping[str, str]
    line: int | None = None

    def text(self, tr: Callable[[str], str] = str) -> str:
        text = tr(self.msgid).format(**self.params)
        return (
            tr("{problem} (line {line})").format(problem=text, line=self.line)
            if self.line
            else text
        )


class SettingsError(Exception):
    """A settings file that cannot be used; ``str()`` names file, key (and line) and what
    is expected, in English; :meth:`lines` says the same in a person's language."""

    def __init__(self, source: str, problems: list[SettingProblem]) -> None:
        self.source = source
        self.problems = problems
        super().__init__("\n".join(self.lines()))

    def lines(self, tr: Callable[[str], str] = str) -> list[str]:
        where = tr("{file}: {problem}")
        return [where.format(file=self.source, problem=p.text(tr)) for p in self.problems]


#: pydantic error types → what the person reads (``{key}``, ``{value}``, ``{limit}``).
_EXPECTED: dict[str, str] = {
    "int_parsing": N_("{key} must be a whole number, got {value}"),
    "int_type": N_("{key} must be a whole number, got {value}"),
    "int_from_float": N_("{key} must be a whole number, got {value}"),
    "float_parsing": N_("{key} must be a number, got {value}"),
    "float_type": N_("{key} must be a number, got {value}"),
    "bool_parsing": N_("{key} must be true or false, got {value}"),
    "bool_type": N_("{key} must be true or false, got {value}"),
    "string_type": N_("{key} must be text in quotes, got {value}"),
    "greater_than_equal": N_("{key} must be at least {limit}, got {value}"),
    "greater_than": N_("{key} must be more than {limit}, got {value}"),
    "less_than_equal": N_("{key} must be at most {limit}, got {value}"),
    "less_than": N_("{key} must be less than {limit}, got {value}"),
    "string_too_long": N_("{key} must be at most {limit} characters, got {value}"),
    "string_too_short": N_("{key} must be at least {limit} characters, got {value}"),
    "literal_error": N_("{key} must be one of {limit}, got {value}"),
}
_LIMITS = ("ge", "gt", "le", "lt", "max_length", "min_length", "expected")


def _line_of(text: str, loc: tuple[str, ...]) -> int | None:
    """The line where the setting at ``loc`` is written (its longest matching key)."""
    table: tuple[str, ...] = ()
    best: tuple[int, int] | None = None
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if line.startswith("[") and line.endswith("]"):
            table = tuple(p.strip().strip("\"'") for p in line.strip("[]").split("."))
            path = table
        elif "=" in line:
            key = line.split("=", 1)[0]
            path = table + tuple(p.strip().strip("\"'") for p in key.split("."))
        else:
            continue
        if path and loc[: len(path)] == path and (best is None or len(path) > best[0]):
            best = (len(path), number)
    return best[1] if best else None


def _describe(error: Mapping[str, Any], text: str = "") -> SettingProblem:
    loc = tuple(str(part) for part in error["loc"])
    key = ".".join(loc)
    kind = error["type"]
    line = _line_of(text, loc) if text else None
    if kind == "extra_forbidden":
        return SettingProblem(N_("{key}: unknown setting"), {"key": key}, line)
    if kind == "missing":
        return SettingProblem(N_("{key}: missing"), {"key": key}, line)
    value = repr(error.get("input"))
    if kind in _EXPECTED:
        context = error.get("ctx") or {}
        limit = next((str(context[k]) for k in _LIMITS if k in context), "")
        return SettingProblem(_EXPECTED[kind], {"key": key, "value": value, "limit": limit}, line)
    message = str(error["msg"]).removeprefix("Value error, ")
    params = {"key": key, "expected": message, "value": value}
    return SettingProblem(N_("{key}: expected {expected}, got {value}"), params, line)


def settings_from_mapping(
    data: Mapping[str, Any], source: str = "<settings>", text: str = ""
) -> Settings:
    """Validated settings; ``text``: the file's own text, to name the line at fault."""
    try:
        return Settings.model_validate(dict(data))
    except ValidationError as exc:
        raise SettingsError(source, [_describe(e, text) for e in exc.errors()]) from None


def load_settings(path: Path | None = None) -> Settings:
    """Read settings from ``path`` (or the default config file if it exists)."""
    if path is None:
        path = default_config_path()
        if not path.exists():
            return Settings()
    try:
        raw = path.read_bytes()
    except OSError as exc:
        unreadable = SettingProblem(N_("cannot be read ({reason})"), {"reason": str(exc.strerror)})
        raise SettingsError(str(path), [unreadable]) from None
    try:
        text = raw.decode("utf-8")
        data = tomllib.loads(text)
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        broken = SettingProblem(N_("not valid TOML: {error}"), {"error": str(exc)})
        raise SettingsError(str(path), [broken]) from None
    return settings_from_mapping(data, str(path), text)
