"""python-escpos is prepared before its first import, and only imported when needed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from printing.escpos_env import ENV_VAR, prepare_escpos

ROOT = Path(__file__).resolve().parents[2]


def test_prepare_creates_the_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV_VAR, raising=False)
    chosen = prepare_escpos(tmp_path / "cache")
    assert chosen == tmp_path / "cache" / "escpos"
    assert chosen.is_dir()
    assert os.environ[ENV_VAR] == str(chosen)


def test_prepare_keeps_a_directory_set_by_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "mine"))
    assert prepare_escpos(tmp_path / "cache") == tmp_path / "mine"
    assert (tmp_path / "mine").is_dir()
    assert not (tmp_path / "cache").exists()


def test_importing_printing_does_not_import_escpos(tmp_path: Path) -> None:
    code = (
        "import sys, printing.job, printing.selftest, printing.preview;"
        "print('escpos' in sys.modules)"
    )
    env = {**os.environ, ENV_VAR: str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "False"
