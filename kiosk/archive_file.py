"""The archive file: a ``.tar.xz`` whose first member is ``manifest.json`` and whose
others are JSON Lines, one row a line; written in one pass and checked in one pass
(every member hashed and counted, the xz stream read to its end so that its own
checks, CRC-64 and index, run too).
"""

from __future__ import annotations

import hashlib
import io
import json
import lzma
import os
import tarfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from kiosk.archive_month import ArchiveError, Month
from kiosk.i18n import N_

FORMAT = "kiosk-archive"
VERSION = 1
MANIFEST = "manifest.json"
SUFFIX = ".tar.xz"
_CHUNK = 1 << 20
UNREADABLE = N_("{path} is not a kiosk archive, or it is damaged.")


@dataclass(frozen=True)
class Problem:
    """Something wrong inside an archive: a msgid and what fills it."""

    message: str
    params: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class ArchiveCheck:
    path: Path
    month: str
    counts: dict[str, int]
    sha256: str
    """Of the whole file."""
    problems: tuple[Problem, ...] = ()
    recorded: bool = False
    """The database knows this file (by its SHA-256) as one of its archives."""

    @property
    def ok(self) -> bool:
        return not self.problems


def archive_name(month: Month, taken: int = 1) -> str:
    return f"kiosk-archive-{month}{'' if taken == 1 else f'-{taken}'}{SUFFIX}"


def check_file(path: Path) -> ArchiveCheck:
    """Every member read and hashed, compared with the manifest (no database needed).
    Raises :class:`ArchiveError` for a file that is not a readable archive."""
    if not path.is_file():
        raise ArchiveError(N_("There is no archive file at {path}."), path=str(path))
    whole = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(_CHUNK), b""):
            whole.update(chunk)
    found: dict[str, tuple[str, int]] = {}
    manifest_bytes: bytes | None = None
    try:
        # one pass over the stream, read to its very end: xz checks its index and
        # footer there, after the last tar block
        with lzma.open(path, "rb") as stream, tarfile.open(fileobj=stream, mode="r|") as tar:
            for info in tar:
                reader = tar.extractfile(info) if info.isfile() else None
                if reader is None:
                    found[info.name] = ("", -1)
                    continue
                if info.name == MANIFEST:
                    manifest_bytes = reader.read()
                    continue
                digest, rows = hashlib.sha256(), 0
                for chunk in iter(lambda r=reader: r.read(_CHUNK), b""):  # type: ignore[misc]
                    digest.update(chunk)
                    rows += chunk.count(b"\n")
                found[info.name] = (digest.hexdigest(), rows)
            while stream.read(_CHUNK):
                pass
    except (tarfile.TarError, lzma.LZMAError, EOFError, OSError):
        raise ArchiveError(UNREADABLE, path=str(path)) from None
    manifest = _manifest(path, manifest_bytes)
    problems: list[Problem] = []
    counts: dict[str, int] = {}
    for entry in manifest["members"]:
        name = entry["name"]
        counts[name.removesuffix(".jsonl")] = entry["rows"]
        if name not in found:
            problems.append(Problem(N_("{member} is missing from the archive."), {"member": name}))
            continue
        member_digest, member_rows = found.pop(name)
        if member_digest != entry["sha256"]:
            problems.append(
                Problem(
                    N_("{member} was changed: its checksum does not match the manifest."),
                    {"member": name},
                )
            )
        elif member_rows != entry["rows"]:
            problems.append(
                Problem(
                    N_("{member} has {found} rows; the manifest says {rows}."),
                    {"member": name, "found": member_rows, "rows": entry["rows"]},
                )
            )
    for name in found:
        problems.append(Problem(N_("{member} is not listed in the manifest."), {"member": name}))
    return ArchiveCheck(path, str(manifest["month"]), counts, whole.hexdigest(), tuple(problems))


def _manifest(path: Path, data: bytes | None) -> dict[str, Any]:
    malformed = ArchiveError(
        N_("{path} is not a kiosk archive: its manifest is missing or malformed."), path=str(path)
    )
    if data is None:
        raise malformed
    try:
        manifest = json.loads(data)
        members = manifest["members"]
        ok = (
            manifest["format"] == FORMAT
            and isinstance(manifest["version"], int)
            and isinstance(manifest["month"], str)
            and isinstance(members, list)
            and all(
                isinstance(m["name"], str)
                and isinstance(m["rows"], int)
                and isinstance(m["sha256"], str)
                for m in members
            )
        )
    except (ValueError, KeyError, TypeError):
        raise malformed from None
    if not ok:
        raise malformed
    if manifest["version"] > VERSION:
        raise ArchiveError(
            N_("{path} was written by a newer version of the kiosk."), path=str(path)
        )
    return dict(manifest)


def writable(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if not os.access(folder, os.W_OK | os.X_OK):
            raise PermissionError(13, os.strerror(13))
    except OSError as exc:
        raise ArchiveError(
            N_("Cannot write the archive to {path}: {reason}"),
            path=str(folder),
            reason=exc.strerror or str(exc),
        ) from None


def free_name(folder: Path, month: Month) -> Path:
    taken = 1
    while (folder / archive_name(month, taken)).exists():
        taken += 1
    return folder / archive_name(month, taken)


def pack(
    target: Path, manifest: dict[str, Any], members: list[tuple[str, Path]], now: datetime
) -> None:
    def info(name: str, size: int) -> tarfile.TarInfo:
        entry = tarfile.TarInfo(name)
        entry.size, entry.mtime, entry.mode = size, int(now.timestamp()), 0o644
        return entry

    data = json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True).encode()
    with target.open("wb") as raw:
        with tarfile.open(fileobj=raw, mode="w:xz", preset=1) as tar:
            tar.addfile(info(MANIFEST, len(data)), io.BytesIO(data))
            for name, path in members:
                with path.open("rb") as member:
                    tar.addfile(info(name, path.stat().st_size), member)
        raw.flush()
        os.fsync(raw.fileno())
