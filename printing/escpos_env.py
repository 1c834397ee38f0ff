"""Getting python-escpos ready before it is first imported, and importing it lazily.

python-escpos parses its printer-capability database when ``escpos`` is first
imported (≈0.2–0.3 s) unless ``ESCPOS_CAPABILITIES_PICKLE_DIR`` points to an
*existing* directory where it can keep a pickle of it. Everything in
``printing/`` imports escpos through :func:`escpos_printers` (inside functions),
so importing ``printing`` stays cheap and the variable is always set first.
"""

from __future__ import annotations

import os
from pathlib import Path
from types import ModuleType

ENV_VAR = "ESCPOS_CAPABILITIES_PICKLE_DIR"


def prepare_escpos(cache_dir: Path) -> Path:
    """Point python-escpos at ``<cache_dir>/escpos`` for its capability pickle.

    Uses ``setdefault``: a directory chosen by the environment wins. Whichever
    directory is used is created, since python-escpos needs it to exist.
    Returns that directory. Call it once at start-up, before anything imports
    escpos (calling it later is harmless but has no effect on an import that
    already happened).
    """
    wanted = cache_dir / "escpos"
    chosen = Path(os.environ.setdefault(ENV_VAR, str(wanted)))
    chosen.mkdir(parents=True, exist_ok=True)
    return chosen


def _ensure_prepared() -> None:
    """Make sure the variable is set and its directory exists (default cache dir if unset)."""
    if ENV_VAR in os.environ:
        Path(os.environ[ENV_VAR]).mkdir(parents=True, exist_ok=True)
        return
    from kiosk.settings import default_cache_dir

    prepare_escpos(default_cache_dir())


def escpos_printers() -> ModuleType:
    """``escpos.printer``, imported after the capability cache is prepared."""
    _ensure_prepared()
    import escpos.printer

    module: ModuleType = escpos.printer
    return module


def escpos_module(name: str) -> ModuleType:
    """``escpos.<name>`` (e.g. ``exceptions``, ``capabilities``), prepared the same way."""
    _ensure_prepared()
    import importlib

    return importlib.import_module(f"escpos.{name}")
