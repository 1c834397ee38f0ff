"""Print operations to any python-escpos printer (``Escpos`` instance).

Latin text is sent as printer text (sized with ``printer.set``); text in any
other script arrives here already drawn as an image (as does the logo) and goes
through ``printer.image`` — CJK is never passed to ``printer.text`` (python-escpos
would send raw GB18030 or ``?``). In ``gb18030``/``big5`` mode, Chinese lines
arrive as :class:`~printing.compose.NativeTextOp` and are written raw, each
framed by ``FS &`` … ``FS .`` and sized with ``GS !`` (``ESC !`` leaves Chinese
characters at normal size). The QR code is printed natively (``GS ( k``) when
the profile supports it, else as an image with the same module size. The job
ends with a cut.
"""

from __future__ import annotations

import copy
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from kiosk.settings import CjkMode
from printing.compose import (
    MAGNIFY,
    FeedOp,
    ImageOp,
    NativeTextOp,
    Op,
    QrOp,
    TextOp,
    compose,
    qr_image,
)
from printing.layout import Block, TextSize
from printing.native import FS_CHINESE_OFF, encode_line

log = logging.getLogger(__name__)

QR_ECLEVEL_M = 1
"""python-escpos ``QR_ECLEVEL_M`` (the image QR uses error correction M too)."""
_IMAGE_IMPLS = ("bitImageRaster", "graphics", "bitImageColumn")


@dataclass(frozen=True)
class PrinterCaps:
    """What the printer profile can do, as far as tickets are concerned."""

    native_qr: bool = True
    image_impl: str = "bitImageRaster"
    """``printer.image`` implementation: GS v 0, GS ( L or ESC *."""
    cut: bool = True


def caps_for_profile(profile: Any) -> PrinterCaps:
    """Capabilities of a python-escpos profile object (``printer.profile``)."""

    def supports(feature: str) -> bool:
        try:
            return bool(profile.supports(feature))
        except (AttributeError, KeyError):
            return False

    impl = next((name for name in _IMAGE_IMPLS if supports(name)), "bitImageRaster")
    can_cut = supports("paperFullCut") or supports("paperPartCut")
    return PrinterCaps(native_qr=supports("qrCode"), image_impl=impl, cut=can_cut)


def fit_profile_width(printer: Any, paper_dots: int) -> None:
    """Tell this printer object's profile the paper width in dots.

    python-escpos refuses images wider than the profile's width and prints a
    notice to stdout when the width is unknown. The configured ``paper_dots``
    is what the staff set up, so it wins. The profile data is copied onto the
    instance: the class-level dict is shared by every printer of that profile.
    """
    profile = getattr(printer, "profile", None)
    data = getattr(profile, "profile_data", None)
    if profile is None or not isinstance(data, dict):
        return
    media = data.get("media", {})
    known = media.get("width", {}).get("pixels")
    if known == paper_dots:
        return
    if isinstance(known, int) and known != paper_dots:
        log.info("Printer profile width %s dots; configured paper is %s", known, paper_dots)
    patched = copy.deepcopy(data)
    patched.setdefault("media", {}).setdefault("width", {})["pixels"] = paper_dots
    profile.profile_data = patched


def _set_size(printer: Any, size: TextSize) -> None:
    factor = MAGNIFY[size]
    if factor == 1:
        printer.set(normal_textsize=True)
    elif factor == 2:
        printer.set(double_width=True, double_height=True)
    else:
        printer.set(custom_size=True, width=factor, height=factor)


def render_ops(
    ops: Sequence[Op],
    printer: Any,
    paper_dots: int,
    caps: PrinterCaps,
    cut: bool = True,
) -> None:
    """Send composed operations to ``printer`` (an ``escpos.Escpos``)."""
    fit_profile_width(printer, paper_dots)
    printer.hw("INIT")
    if any(isinstance(op, NativeTextOp) for op in ops):
        printer._raw(FS_CHINESE_OFF)  # a printer set up for Chinese may start in that mode
    for op in ops:
        if isinstance(op, TextOp):
            _set_size(printer, op.size)
            printer.set(align=op.align.value, bold=op.bold)
            for line in op.lines:
                printer.textln(line)
        elif isinstance(op, NativeTextOp):
            _native(printer, op)
        elif isinstance(op, ImageOp):
            printer.set(align="left")
            printer.image(op.image, impl=caps.image_impl)
        elif isinstance(op, QrOp):
            _qr(printer, op, paper_dots, caps)
        elif isinstance(op, FeedOp):
            printer.ln(op.lines)
    printer.set(normal_textsize=True, bold=False, align="left")
    if cut:
        if caps.cut:
            printer.cut()
        else:
            printer.ln(6)


def _native(printer: Any, op: NativeTextOp) -> None:
    factor = MAGNIFY[op.size]
    printer.set(custom_size=True, width=factor, height=factor)  # GS !: Chinese characters too
    printer.set(align=op.align.value, bold=op.bold)
    for line in op.lines:
        printer._raw(encode_line(line, op.codec) + b"\n")
    printer.set(custom_size=True, width=1, height=1)


def _qr(printer: Any, op: QrOp, paper_dots: int, caps: PrinterCaps) -> None:
    if caps.native_qr:
        printer.set(align="center")
        printer.qr(op.payload, ec=QR_ECLEVEL_M, size=op.module, native=True)
        printer.ln()
        printer.set(align="left")
    else:
        printer.set(align="left")
        printer.image(qr_image(op.payload, op.module, paper_dots), impl=caps.image_impl)


def render(
    blocks: Sequence[Block],
    printer: Any,
    paper_dots: int,
    profile_caps: PrinterCaps | None = None,
    cut: bool = True,
    cjk_mode: CjkMode = "raster",
) -> None:
    """Print ``blocks`` on ``printer`` for paper ``paper_dots`` wide, then cut.

    ``profile_caps`` defaults to what ``printer.profile`` declares; ``cjk_mode``
    is ``printer.cjk_mode`` (see :func:`printing.compose.compose`).
    """
    caps = profile_caps or caps_for_profile(getattr(printer, "profile", None))
    render_ops(compose(blocks, paper_dots, cjk_mode), printer, paper_dots, caps, cut=cut)
