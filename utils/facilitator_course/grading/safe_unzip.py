"""Unpacking an LMS export zip without writing anything outside the folder it goes into.

Used by collect.py. A zip entry that is absolute, climbs out with `..` or is a symbolic link
makes the whole zip be refused before anything is extracted (an LMS does not produce such
entries; a tampered file does), and so does a zip with too many entries or too many bytes
unpacked (a zip bomb would otherwise fill the trainer's disk).
"""

from __future__ import annotations

import re
import shutil
import stat
import zipfile
from datetime import datetime, timezone
from pathlib import Path, PurePosixPath

from .trainee_ids import CollectError

MAX_ZIP_BYTES = 500 * 1024 * 1024
MAX_ZIP_ENTRIES = 20_000


def check_zip(archive: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
    """The zip's file entries, after refusing anything that could write outside the target."""
    members, total = [], 0
    infos = archive.infolist()
    if len(infos) > MAX_ZIP_ENTRIES:
        raise CollectError(
            f"The zip has {len(infos)} entries; refusing more than {MAX_ZIP_ENTRIES}."
        )
    for info in infos:
        name = info.filename.replace("\\", "/")
        parts = PurePosixPath(name).parts
        if name.startswith("/") or re.match(r"^[A-Za-z]:", name) or ".." in parts:
            raise CollectError(
                f"Refused the zip: the entry '{info.filename}' points outside the folder it "
                "would be unpacked into. Nothing was collected; ask for a fresh export."
            )
        if stat.S_ISLNK(info.external_attr >> 16):
            raise CollectError(
                f"Refused the zip: the entry '{info.filename}' is a symbolic link. Nothing was "
                "collected; ask for a fresh export."
            )
        total += info.file_size
        if total > MAX_ZIP_BYTES:
            raise CollectError("Refused the zip: it unpacks to more than 500 MB.")
        if not info.is_dir():
            members.append(info)
    return members


def unpack_zip(path: Path, target: Path) -> dict[Path, datetime]:
    """Safely unpack a zip; returns each file's recorded time (taken as UTC)."""
    times: dict[Path, datetime] = {}
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile as exc:
        raise CollectError(f"{path.name} is not a readable zip file ({exc}).") from exc
    with archive:
        for info in check_zip(archive):
            out = target.joinpath(*PurePosixPath(info.filename.replace("\\", "/")).parts)
            if target.resolve() not in out.resolve().parents:
                raise CollectError(f"Refused the zip: '{info.filename}' escapes the target.")
            out.parent.mkdir(parents=True, exist_ok=True)
            with archive.open(info) as src, open(out, "wb") as dst:
                shutil.copyfileobj(src, dst)
            times[out] = datetime(*info.date_time, tzinfo=timezone.utc)
    return times
