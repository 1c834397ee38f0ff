"""Which input method Qt loads: decided before the application exists.

Kept apart from :mod:`ui.common.keyboard` (the dock that keeps a field above the
on-screen keyboard) so that an app's start asks for the keyboard without importing
the Qt classes only its staff screens use.
"""

from __future__ import annotations

from collections.abc import MutableMapping


def use_on_screen_keyboard(wanted: bool, environ: MutableMapping[str, str]) -> bool:
    """Ask Qt for its on-screen keyboard (before the application exists), unless the
    settings turn it off or the machine chose an input method itself."""
    if not wanted or "QT_IM_MODULE" in environ:
        return False
    environ["QT_IM_MODULE"] = "qtvirtualkeyboard"
    return True
