"""The collection notice and the texts to customers: catalogue data in every
language, with the notice's version (each consent keeps the version it was given
under). Read from ``assets/catalogue/messages.yaml`` or the ``sms.texts_file``
setting; a file with a text missing in a language is refused with what is missing.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from kiosk.i18n import FALLBACK_LOCALE, LOCALES

BUILT_IN = Path(__file__).resolve().parent.parent / "assets" / "catalogue" / "messages.yaml"
NOTICE_PARTS = ("title", "body", "turn_near", "survey")
TEMPLATES = ("turn_near", "survey", "survey_thanks", "complaint_resolved")


class SmsTextsError(ValueError):
    """The texts file cannot be used; ``str()`` names the file and what is wrong."""


@dataclass(frozen=True)
class Notice:
    version: str
    texts: Mapping[str, Mapping[str, str]]
    """part (``title``, ``body``, ``turn_near``, ``survey``) → locale → text."""

    def text(self, part: str, locale: str, **params: object) -> str:
        by_locale = self.texts[part]
        return _fill(by_locale.get(locale) or by_locale[FALLBACK_LOCALE], params)


@dataclass(frozen=True)
class SmsTexts:
    notice: Notice
    templates: Mapping[str, Mapping[str, str]]

    def render(self, template: str, locale: str, params: Mapping[str, object]) -> str:
        """The text in ``locale`` (English when the language or template lacks it)."""
        by_locale = self.templates.get(template)
        if by_locale is None:
            raise SmsTextsError(f"no text called {template!r}")
        return _fill(by_locale.get(locale) or by_locale[FALLBACK_LOCALE], params)


class _Lenient(dict[str, object]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _fill(text: str, params: Mapping[str, object]) -> str:
    return string.Formatter().vformat(text, (), _Lenient(params))


def _texts(data: Any, where: str, source: Path) -> dict[str, str]:
    if not isinstance(data, dict):
        raise SmsTextsError(f"{source}: {where} must have a text for each of {', '.join(LOCALES)}")
    missing = [code for code in LOCALES if not str(data.get(code) or "").strip()]
    if missing:
        raise SmsTextsError(f"{source}: {where} has no text in {', '.join(missing)}")
    return {code: str(data[code]).strip() for code in LOCALES}


def parse_texts(data: Any, source: Path) -> SmsTexts:
    if not isinstance(data, dict) or not isinstance(data.get("notice"), dict):
        raise SmsTextsError(f"{source}: needs a 'notice' and 'templates'")
    notice = data["notice"]
    version = str(notice.get("version") or "").strip()
    if not version or len(version) > 16:
        raise SmsTextsError(f"{source}: notice.version must be set (at most 16 characters)")
    parts = {part: _texts(notice.get(part), f"notice.{part}", source) for part in NOTICE_PARTS}
    templates_data = data.get("templates")
    if not isinstance(templates_data, dict):
        raise SmsTextsError(f"{source}: needs 'templates'")
    templates = {
        str(name): _texts(value, f"templates.{name}", source)
        for name, value in templates_data.items()
    }
    missing = [name for name in TEMPLATES if name not in templates]
    if missing:
        raise SmsTextsError(f"{source}: templates lack {', '.join(missing)}")
    return SmsTexts(Notice(version, parts), templates)


@cache
def load_texts(path: Path | None = None) -> SmsTexts:
    source = path or BUILT_IN
    try:
        data = yaml.safe_load(source.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError, UnicodeDecodeError) as exc:
        raise SmsTextsError(f"{source}: {exc}") from None
    return parse_texts(data, source)
