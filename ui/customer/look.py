"""What the first picture needs, read without validating the whole settings file.

The welcome screen is painted before the settings are validated (validation
imports pydantic, ≈0.1 s): it needs only the branch name, the languages and the
contrast. :func:`peek` reads those from the TOML file with plain ``tomllib``;
anything missing or of the wrong type falls back to the default, and the full
validation right after the first paint reports it (and stops start-up).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk.i18n import LOCALES

if TYPE_CHECKING:
    from kiosk.settings import Settings

APP_NAME = "lobby-kiosk"  # = kiosk.settings.APP_NAME (not imported: it loads pydantic)


def default_config_path() -> Path:
    """Same as :func:`kiosk.settings.default_config_path`, without importing pydantic."""
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "kiosk.toml"


@dataclass(frozen=True)
class Look:
    branch_name: str = "Riverside Branch"
    default_language: str = "en"
    languages: tuple[str, ...] = LOCALES
    high_contrast: bool = False
    fullscreen: bool = False
    kiosk_mode: bool = False
    hide_cursor: bool = False
    staff_button: bool | None = None
    on_screen_keyboard: bool = True

    @classmethod
    def from_settings(cls, settings: Settings) -> Look:
        display = settings.display
        return cls(
            branch_name=settings.kiosk.branch_name,
            default_language=display.default_language,
            languages=tuple(display.languages),
            high_contrast=display.high_contrast,
            fullscreen=display.fullscreen,
            kiosk_mode=display.kiosk_mode,
            hide_cursor=display.hide_cursor,
            staff_button=display.staff_button,
            on_screen_keyboard=display.on_screen_keyboard,
        )


def _get(data: dict[str, Any], section: str, key: str, kind: type, default: Any) -> Any:
    table = data.get(section)
    value = table.get(key, default) if isinstance(table, dict) else default
    return value if isinstance(value, kind) else default


def peek(path: Path | None) -> Look:
    """The first picture's settings from ``path`` (default file if ``None``), best effort."""
    path = path or default_config_path()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return Look()
    default = Look()
    languages = _get(data, "display", "languages", list, list(default.languages))
    offered = tuple(code for code in languages if code in LOCALES) or default.languages
    language = _get(data, "display", "default_language", str, default.default_language)
    return Look(
        branch_name=_get(data, "kiosk", "branch_name", str, default.branch_name),
        default_language=language if language in LOCALES else default.default_language,
        languages=offered,
        high_contrast=_get(data, "display", "high_contrast", bool, default.high_contrast),
        fullscreen=_get(data, "display", "fullscreen", bool, default.fullscreen),
        kiosk_mode=_get(data, "display", "kiosk_mode", bool, default.kiosk_mode),
        hide_cursor=_get(data, "display", "hide_cursor", bool, default.hide_cursor),
        staff_button=_get(data, "display", "staff_button", bool, default.staff_button),
        on_screen_keyboard=_get(
            data, "display", "on_screen_keyboard", bool, default.on_screen_keyboard
        ),
    )
