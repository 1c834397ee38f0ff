"""Git merge driver for message catalogs: the union of both sides' messages.

Two branches that each add strings conflict all over a sorted ``.po``/``.pot``;
what either side translated is kept (ours first where both did). Set up with
``git config merge.po-union.driver ".venv/bin/python scripts/po_merge.py %O %A %B"``
(``scripts/setup.sh`` does); ``.gitattributes`` names the files. Exit 0: merged.
"""

from __future__ import annotations

import sys

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po


def _read(path: str) -> Catalog:
    with open(path, "rb") as handle:
        return read_po(handle)


def merge(ours_path: str, theirs_path: str) -> None:
    ours, theirs = _read(ours_path), _read(theirs_path)
    for message in theirs:
        if not message.id:
            continue
        mine = ours.get(message.id, message.context)
        if mine is None:
            ours[message.id] = message
        elif not _translated(mine.string) and _translated(message.string):
            mine.string = message.string
    with open(ours_path, "wb") as handle:
        write_po(handle, ours, width=100, sort_output=True, omit_header=False)


def _translated(string: str | tuple[str, ...] | list[str] | None) -> bool:
    if isinstance(string, (tuple, list)):
        return all(string)
    return bool(string)


if __name__ == "__main__":
    _base, ours_file, theirs_file = sys.argv[1:4]
    merge(ours_file, theirs_file)
