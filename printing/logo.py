"""The ticket logo: a PNG or SVG file to a paper-wide 1-bit strip, for printer and preview.

:func:`logo_strip` is what :func:`printing.compose.compose` puts in the logo's
:class:`~printing.compose.ImageOp`, so the printer and the preview get the very
same pixels. The logo is taken off its white (or transparent) surroundings,
scaled down to fit the paper width and :data:`MAX_HEIGHT_DOTS` (never up: a
small PNG stays sharp), dithered to black and white (Floyd–Steinberg) and
centred on a strip as wide as the paper. An SVG is drawn by Qt in a child
process (see :mod:`printing.svg_render`). A logo that is missing or cannot be
read is logged once (per file version) and left out: a ticket never fails for it.
"""

from __future__ import annotations

import io
import logging
import os
import subprocess
import sys
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageOps

log = logging.getLogger(__name__)

BUILTIN_LOGO = Path(__file__).resolve().parents[1] / "assets" / "logo" / "logo.png"
"""The bank-building pictogram drawn by ``assets/logo/make_logo.py``."""
MAX_HEIGHT_DOTS = 160
"""20 mm at 8 dots/mm: a logo tall enough to see, short enough not to waste paper."""
SVG_OVERSAMPLE = 2
"""An SVG is drawn this many times larger, then scaled down and dithered like a PNG."""
SVG_TIMEOUT_S = 20.0
_SVG_SCRIPT = Path(__file__).with_name("svg_render.py")
_SVG_SUFFIXES = (".svg", ".svgz")


class LogoError(Exception):
    """The logo file cannot be turned into an image."""


def logo_strip(path: Path, paper_dots: int) -> Image.Image | None:
    """The logo in ``path`` as a mode "1" image ``paper_dots`` wide, or ``None``.

    Cached per file version (path, modification time, size) and paper width, so a
    replaced file is read again and a broken one is reported once.
    """
    try:
        stat = path.stat()
        version = (stat.st_mtime_ns, stat.st_size)
    except OSError:
        version = (-1, -1)
    return _strip(str(path), version, paper_dots)


@lru_cache(maxsize=16)
def _strip(path: str, version: tuple[int, int], paper_dots: int) -> Image.Image | None:
    if version == (-1, -1):
        log.warning("Ticket logo %s not found: tickets print without a logo", path)
        return None
    try:
        return _centred(fit_logo(_load(Path(path), paper_dots), paper_dots), paper_dots)
    except Exception as exc:  # any broken file: print the ticket without its logo
        log.warning("Ticket logo %s cannot be used (%s): tickets print without a logo", path, exc)
        return None


def _load(path: Path, paper_dots: int) -> Image.Image:
    if path.suffix.lower() in _SVG_SUFFIXES:
        return render_svg(path, SVG_OVERSAMPLE * paper_dots, SVG_OVERSAMPLE * MAX_HEIGHT_DOTS)
    with Image.open(path) as opened:
        opened.load()
        return ImageOps.exif_transpose(opened)


def on_white(image: Image.Image) -> Image.Image:
    """``image`` as greyscale ("L"), transparent parts white."""
    if image.mode == "1":
        return image.convert("L")
    rgba = image.convert("RGBA")
    white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
    return Image.alpha_composite(white, rgba).convert("L")


def fit_logo(image: Image.Image, paper_dots: int) -> Image.Image:
    """The logo cropped to its ink, scaled down to fit, dithered: mode "1", black on white."""
    grey = on_white(image)
    box = ImageOps.invert(grey).getbbox()
    if box is None:
        raise LogoError("the image is blank")
    grey = grey.crop(box)
    scale = min(1.0, paper_dots / grey.width, MAX_HEIGHT_DOTS / grey.height)
    if scale < 1.0:
        size = (max(1, round(grey.width * scale)), max(1, round(grey.height * scale)))
        grey = grey.resize(size, Image.Resampling.LANCZOS)
    return grey.convert("1", dither=Image.Dither.FLOYDSTEINBERG)


def _centred(logo: Image.Image, paper_dots: int) -> Image.Image:
    strip = Image.new("1", (paper_dots, logo.height), 255)
    strip.paste(logo, ((paper_dots - logo.width) // 2, 0))
    return strip


def render_svg(path: Path, max_width: int, max_height: int) -> Image.Image:
    """The SVG drawn as large as fits the box (transparent ground), by Qt in a child process."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    command = [sys.executable, str(_SVG_SCRIPT), str(path), str(max_width), str(max_height)]
    try:
        done = subprocess.run(
            command, capture_output=True, timeout=SVG_TIMEOUT_S, env=env, check=False
        )
    except (OSError, subprocess.SubprocessError) as exc:
        raise LogoError(f"the SVG could not be drawn: {exc}") from exc
    if done.returncode != 0 or not done.stdout:
        lines = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise LogoError(lines[-1] if lines else f"the SVG renderer exited with {done.returncode}")
    with Image.open(io.BytesIO(done.stdout)) as drawn:
        drawn.load()
        return drawn.copy()
