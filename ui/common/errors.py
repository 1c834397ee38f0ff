"""Errors every app reports the same way."""

from __future__ import annotations


class StartupError(Exception):
    """Start-up cannot go on; ``str()`` names the file and the field at fault."""
