"""PySide6 no longer reads (and keeps) the source of every module imported after it."""

from __future__ import annotations

import builtins
import importlib
import linecache
import sys
from pathlib import Path

import pytest

import ui  # noqa: F401  (its import puts the interpreter's own __import__ back)


def test_the_interpreters_own_import_is_in_place() -> None:
    assert builtins.__import__ is getattr(builtins, "__orig_import__", builtins.__import__)


def test_a_module_imported_later_is_not_read_into_the_line_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    module = tmp_path / "freshly_imported_module.py"
    module.write_text('"""Mentions PySide6 in its text, as a widget module would."""\nX = 1\n')
    monkeypatch.syspath_prepend(str(tmp_path))
    try:
        exec("import freshly_imported_module", {})  # an import statement, as the apps have
        assert importlib.import_module("freshly_imported_module").X == 1
        assert str(module) not in linecache.cache
    finally:
        sys.modules.pop("freshly_imported_module", None)
