"""Build ``assets/fonts/LobbyEndonyms-*.otf``: the few Chinese glyphs of the language
buttons (简体中文, 繁體中文) and of the line-height probe of reserved labels
(``ui.common.widgets.LINE_PROBE``), cut from Noto Sans CJK SC with its metrics.

The welcome screen shows these two labels in every language. Drawing them from the
full Noto Sans CJK collection made an English-speaking kiosk map and keep ~5 MiB of
a 20 MiB font file it otherwise never needs; these subsets are a few kilobytes.
The full faces are still used as soon as a customer chooses Chinese.

    .venv/bin/pip install fonttools && .venv/bin/python scripts/make_endonym_font.py

Noto Sans CJK is under the SIL Open Font License 1.1 (Reserved Font Name "Source"):
the subset is renamed and ships with that licence (``assets/fonts/OFL.txt``).
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kiosk.i18n import ENDONYMS  # noqa: E402
from ui.common.widgets import LINE_PROBE  # noqa: E402

SOURCE = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-{weight}.ttc")
SC_FACE = 2  # the collection's "Noto Sans CJK SC"
FAMILY = "Lobby Endonyms"
OUT = ROOT / "assets" / "fonts"


def build(weight: str) -> Path:
    font = TTCollection(str(SOURCE).format(weight=weight)).fonts[SC_FACE]
    wanted = [*ENDONYMS.values(), LINE_PROBE]
    text = "".join(sorted({ch for name in wanted for ch in name if ord(ch) > 0x2FFF}))
    options = subset.Options()
    options.name_IDs = []  # every name is replaced below
    options.layout_features = ["*"]
    options.drop_tables += ["vhea", "vmtx", "VORG"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=text)
    subsetter.subset(font)
    names = font["name"]
    names.names = []
    for name_id, value in (
        (0, "Subset of Noto Sans CJK SC, Copyright 2014-2021 Adobe (http://www.adobe.com/)"),
        (1, FAMILY),
        (2, weight),
        (3, f"{FAMILY} {weight}"),
        (4, f"{FAMILY} {weight}"),
        (6, f"LobbyEndonyms-{weight}"),
        (13, "SIL Open Font License 1.1"),
    ):
        names.setName(value, name_id, 3, 1, 0x409)
    font["OS/2"].usWeightClass = 700 if weight == "Bold" else 400
    out = OUT / f"LobbyEndonyms-{weight}.otf"
    font.save(str(out))
    return out


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    for weight in ("Regular", "Bold"):
        path = build(weight)
        print(f"{path.relative_to(ROOT)}: {path.stat().st_size} bytes")
