"""Stop PySide6 reading the source of every module imported after it.

PySide6 replaces ``builtins.__import__`` so that a module can write ``from
__feature__ import snake_case``; to decide whether each newly imported module
"uses PySide", it calls ``inspect.getsource`` on it and looks for the word
``PySide6`` (PYSIDE-2029). ``linecache`` then keeps the text of every such file
for the life of the process: in the kiosk that is ~350 modules (SQLAlchemy,
SQLModel, pydantic, Babel, python-escpos, ours) and 20–25 MiB of source lines that
nobody reads again, plus the time to read them.

The product never uses ``__feature__``. A module that PySide6 has not looked at is
treated exactly like one it found not to use PySide ("ignore this module": the
feature selection of the last module that did select stays in force, and none ever
does), so putting the interpreter's own import back changes nothing but the cost.
PySide6 publishes that original as ``builtins.__orig_import__``.
"""

from __future__ import annotations

import builtins

import PySide6.QtCore  # noqa: F401  (PySide6 installs its import hook on first import)


def stop_pyside_source_scan() -> bool:
    """Put the interpreter's ``__import__`` back; True when PySide6's hook was in place."""
    original = getattr(builtins, "__orig_import__", None)
    if original is None or builtins.__import__ is original:
        return False
    builtins.__import__ = original
    return True
