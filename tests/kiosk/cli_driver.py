"""Drives the ``kiosk`` command line in-process: a config file of its own data folder,
then ``cli("staff", "list", ...)`` → (exit code, standard output, standard error)."""

from __future__ import annotations

import argparse
import io
from pathlib import Path

from kiosk.commands import dispatch, register


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(prog="kiosk")
    commands = root.add_subparsers(dest="command")
    catalogue = commands.add_parser("catalogue").add_subparsers(dest="catalogue_command")
    register(commands, catalogue)
    return root


def write_config(tmp_path: Path) -> Path:
    """``kiosk.toml`` in ``tmp_path``, its data folder ``tmp_path/data``."""
    config = tmp_path / "kiosk.toml"
    config.write_text(f'[kiosk]\ndata_dir = "{tmp_path / "data"}"\n', encoding="utf-8")
    return config


class Cli:
    def __init__(self, config: Path) -> None:
        self.config = config

    def __call__(self, *argv: str, stdin: str = "") -> tuple[int, str, str]:
        args = parser().parse_args([*argv, "--config", str(self.config)])
        out, err = io.StringIO(), io.StringIO()
        code = dispatch(args, io.StringIO(stdin), out, err)
        return code, out.getvalue(), err.getvalue()
