"""Which of a speech engine's voices fits each of the kiosk's languages."""

from __future__ import annotations

from collections.abc import Iterable

#: Engine locale names to try, best first, per catalog locale (Hong Kong first:
#: Traditional Chinese is read in Cantonese there).
CANDIDATES: dict[str, tuple[str, ...]] = {
    "en": ("en_GB", "en_HK", "en_US", "en"),
    "zh_Hans": ("zh_CN", "zh_SG", "cmn", "zh"),
    "zh_Hant": ("zh_HK", "yue_HK", "yue", "zh_TW"),
}


def speech_locale(locale: str, available: Iterable[str]) -> str | None:
    """The engine locale name (e.g. ``en_GB``) for ``locale``, or None if it has none."""
    names = list(available)
    for candidate in CANDIDATES.get(locale, (locale,)):
        for name in names:
            if name == candidate or name.startswith(f"{candidate}_"):
                return name
    return None
