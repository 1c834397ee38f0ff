"""Reading python-escpos output back in tests: raster images, QR payloads, text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from PIL import Image, ImageOps

GS_V0 = b"\x1dv0"
GS_K = b"\x1d(k"
_NATIVE = re.compile(rb"\x1c&(.*?)\x1c\.", re.DOTALL)
"""Chinese character mode: ``FS &`` text ``FS .``."""
_COMMAND = re.compile(rb"\x1b@|\x1c[&.]|[\x1b\x1d][\x20-\x7e][\x00-\xff]")
"""ESC @, FS & / FS ., and the 3-byte ESC/GS commands python-escpos uses around text
(ESC ! n, GS V n...)."""


@dataclass(frozen=True)
class RasterImage:
    offset: int
    width: int
    height: int
    image: Image.Image
    """Black on white, mode "1", as the preview draws it."""


def raster_images(data: bytes) -> list[RasterImage]:
    """Every ``GS v 0`` image in ``data``, decoded."""
    images: list[RasterImage] = []
    position = 0
    while (start := data.find(GS_V0, position)) >= 0:
        width_bytes = data[start + 4] | data[start + 5] << 8
        height = data[start + 6] | data[start + 7] << 8
        body = data[start + 8 : start + 8 + width_bytes * height]
        printed = Image.frombytes("1", (width_bytes * 8, height), body)
        image = ImageOps.invert(printed.convert("L")).convert("1")
        images.append(RasterImage(start, width_bytes * 8, height, image))
        position = start + 8 + len(body)
    return images


def qr_payloads(data: bytes) -> list[bytes]:
    """Payloads of native QR store commands (``GS ( k pL pH 1 P 0 data``)."""
    payloads: list[bytes] = []
    position = 0
    while (start := data.find(GS_K, position)) >= 0:
        length = data[start + 3] | data[start + 4] << 8
        body = data[start + 5 : start + 5 + length]
        if body[:3] == b"1P0":
            payloads.append(body[3:])
        position = start + 5 + length
    return payloads


def without_images(data: bytes) -> bytes:
    """``data`` with raster image bodies and 2D-code commands cut out (text and commands)."""
    kept = bytearray()
    position = 0
    while position < len(data):
        image_at = data.find(GS_V0, position)
        qr_at = data.find(GS_K, position)
        starts = [s for s in (image_at, qr_at) if s >= 0]
        if not starts:
            kept += data[position:]
            break
        start = min(starts)
        kept += data[position:start]
        if start == image_at:
            width_bytes = data[start + 4] | data[start + 5] << 8
            height = data[start + 6] | data[start + 7] << 8
            position = start + 8 + width_bytes * height
        else:
            position = start + 5 + (data[start + 3] | data[start + 4] << 8)
    return bytes(kept)


def text_lines(data: bytes) -> list[str]:
    """The printed text lines of ``data`` (images, QR codes, Chinese-mode text and
    commands taken out)."""
    text = _COMMAND.sub(b"", _NATIVE.sub(b"", without_images(data))).decode("cp437")
    return [line for line in text.split("\n") if line]


def native_segments(data: bytes) -> list[bytes]:
    """The raw bytes between each ``FS &`` and ``FS .`` (outside images and QR codes)."""
    return [m.group(1) for m in _NATIVE.finditer(without_images(data))]
