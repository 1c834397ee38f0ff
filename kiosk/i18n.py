"""Languages: gettext catalogs (built with Babel) and Babel formatting.

A kiosk switches language per customer, so nothing is translated at import
time. Code asks a :class:`Localizer` for the active locale when it shows a
string: ``loc.tr("Take a ticket")``. The message catalogs live in
``translations/<locale>/LC_MESSAGES/kiosk.po`` and are compiled to ``.mo`` by
``pybabel compile``; when a ``.mo`` is missing (e.g. a fresh source checkout)
the ``.po`` is compiled in memory so the kiosk still speaks every language.

Locale codes are explicit: ``en``, ``zh_Hans``, ``zh_Hant``. gettext's own
fallback would not map ``zh_TW`` to ``zh_Hant``, so :func:`normalize_locale`
does that mapping itself.
"""

from __future__ import annotations

import gettext
import io
from collections.abc import Mapping
from datetime import date, datetime, tzinfo
from functools import cache, cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Literal, cast, get_args

if TYPE_CHECKING:
    from babel import Locale

    from kiosk.catalogue.model import LocalizedText

# Babel is imported where it is used: it costs ~25 ms, and the welcome screen is
# painted before any date or number is formatted.

DOMAIN = "kiosk"
#: Whole numbers below this are written the same in every locale (see ``number``).
SMALL_WHOLE_NUMBERS = 1000
#: The languages the kiosk speaks, in the order they are offered.
LocaleCode = Literal["en", "zh_Hans", "zh_Hant"]
LOCALES: tuple[LocaleCode, ...] = get_args(LocaleCode)
FALLBACK_LOCALE = "en"

#: What each language calls itself, for the language buttons (never translated).
ENDONYMS: dict[str, str] = {"en": "English", "zh_Hans": "简体中文", "zh_Hant": "繁體中文"}

#: Babel locale used for dates and numbers of each catalog locale.
_BABEL_LOCALES: dict[str, str] = {"en": "en_GB", "zh_Hans": "zh_Hans_CN", "zh_Hant": "zh_Hant_HK"}

#: The clock every language shows (a CLDR skeleton): 24-hour, as public displays and
#: counters in Hong Kong and the mainland do. Babel's default for zh_Hant_HK would be
#: 12-hour (下午2:05) while zh_Hans_CN and en_GB are 24-hour.
CLOCK = "Hm"

_ALIASES: dict[str, str] = {
    "zh_cn": "zh_Hans",
    "zh_sg": "zh_Hans",
    "zh_hans": "zh_Hans",
    "zh_tw": "zh_Hant",
    "zh_hk": "zh_Hant",
    "zh_mo": "zh_Hant",
    "zh_hant": "zh_Hant",
    "zh": "zh_Hans",
}


def N_(message: str) -> str:
    """Mark a message for extraction where it is translated later with ``tr(variable)``."""
    return message


def translations_dir() -> Path:
    return Path(__file__).resolve().parent.parent / "translations"


def normalize_locale(code: str) -> str:
    """Map any spelling (``zh-TW``, ``zh_Hant_HK``, ``en_US``) to a supported locale."""
    key = code.replace("-", "_").strip()
    if key in LOCALES:
        return key
    lowered = key.lower()
    for prefix in (lowered, "_".join(lowered.split("_")[:2]), lowered.split("_")[0]):
        if prefix in _ALIASES:
            return _ALIASES[prefix]
        if prefix == "en":
            return "en"
    return FALLBACK_LOCALE


def _load_catalog(locale: str, directory: Path) -> gettext.NullTranslations:
    base = directory / locale / "LC_MESSAGES"
    mo_path, po_path = base / f"{DOMAIN}.mo", base / f"{DOMAIN}.po"
    if mo_path.exists() and (
        not po_path.exists() or mo_path.stat().st_mtime >= po_path.stat().st_mtime
    ):
        with mo_path.open("rb") as handle:
            return gettext.GNUTranslations(handle)
    if po_path.exists():
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        with po_path.open("rb") as handle:
            catalog = read_po(handle, locale=_BABEL_LOCALES.get(locale, "en"))
        buffer = io.BytesIO()
        write_mo(buffer, catalog)
        buffer.seek(0)
        return gettext.GNUTranslations(buffer)
    return gettext.NullTranslations()


class Localizer:
    """Everything locale-specific for one language: messages, catalogue text, formats."""

    def __init__(self, locale: str, translations: gettext.NullTranslations) -> None:
        self.locale = locale
        self._translations = translations

    @cached_property
    def babel_locale(self) -> Locale:
        from babel import Locale

        return Locale.parse(_BABEL_LOCALES.get(self.locale, "en_GB"))

    def tr(self, message: str) -> str:
        """Translate a UI message (extracted by ``pybabel extract -k tr``)."""
        return self._translations.gettext(message)

    def ntr(self, singular: str, plural: str, count: int) -> str:
        return self._translations.ngettext(singular, plural, count)

    def text(self, value: LocalizedText | Mapping[str, str] | None) -> str:
        """Pick this locale's text from catalogue data (falls back to English)."""
        if not value:
            return ""
        texts = cast(Mapping[str, str], value)
        return texts.get(self.locale) or texts.get(FALLBACK_LOCALE) or next(iter(texts.values()))

    def number(self, value: float) -> str:
        if type(value) is int and 0 <= value < SMALL_WHOLE_NUMBERS:
            # Every language here writes these in Latin digits with no grouping, as
            # Babel would (a test holds the two equal): the welcome screen's "Aa 100%"
            # need not wait for Babel's import and locale data (~30 ms).
            return str(value)
        from babel.numbers import format_decimal

        return format_decimal(value, locale=self.babel_locale)

    def date(self, value: date) -> str:
        from babel.dates import format_date

        return format_date(value, format="medium", locale=self.babel_locale)

    def time(self, value: datetime, zone: tzinfo | None = None) -> str:
        """Hours and minutes on the 24-hour clock, in every language (see :data:`CLOCK`)."""
        from babel.dates import format_skeleton

        return format_skeleton(CLOCK, value, tzinfo=zone, locale=self.babel_locale)

    def time_to_the_second(self, value: datetime, zone: tzinfo | None = None) -> str:
        """``09:34:21``: for a lock's end, where "09:34" would be half a minute early."""
        from babel.dates import format_time

        return format_time(value, format="medium", tzinfo=zone, locale=self.babel_locale)

    def datetime(self, value: datetime, zone: tzinfo | None = None) -> str:
        """The medium date and the 24-hour time with seconds, joined the locale's way."""
        from babel.dates import format_date, format_skeleton

        local = value.astimezone(zone) if zone is not None else value
        day = format_date(local.date(), format="medium", locale=self.babel_locale)
        clock = format_skeleton(CLOCK + "s", value, tzinfo=zone, locale=self.babel_locale)
        pattern = str(self.babel_locale.datetime_formats["medium"])
        return pattern.replace("{1}", day).replace("{0}", clock)

    def minutes(self, count: int) -> str:
        return self.ntr("{n} minute", "{n} minutes", count).format(n=self.number(count))


class Catalogs:
    """The compiled message catalogs of every supported locale, loaded once."""

    def __init__(self, directory: Path | None = None) -> None:
        self._directory = directory or translations_dir()

    @cache  # noqa: B019 - one Catalogs per process; the cache lives as long as it does
    def localizer(self, locale: str) -> Localizer:
        code = normalize_locale(locale)
        return Localizer(code, _load_catalog(code, self._directory))
