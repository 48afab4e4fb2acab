"""Timestamped, checksummed copies of the gradebook, kept outside the course folder.

The gradebook holds hours of a trainer's manual marking. nbgrader changes it in place (autograde,
feedback, manual grades) and keeps no history, so every trainer command that may write to it first
copies it, and keeps the newest few copies. The copies live next to the course folder, not in it
(`<course folder>-backups/`, or under $FACILITATOR_COURSE_BACKUPS), owner-only: nothing that works
inside the course folder sees them, and one mistake there cannot take the gradebook and its
backups together. Each copy's SHA-256 is kept in the folder's manifest, so `restore` can tell a
damaged copy from a good one. SQLite's own backup API is used instead of a file copy so that a
copy taken while the Formgrader is open is still a consistent database.

The trainer's capstone overrides (`capstone-overrides.json`, grading/capstone_overrides.py) are
manual marks too, kept beside the gradebook instead of in it, so each backup copies them with it
(`<backup>.capstone-overrides.json`) and `restore` puts both back: a gradebook restored without
them would pair old grades with overrides made since, or lose them with a damaged course folder.
The manifest records, per backup, the copy's checksum or that there was no overrides file then.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
import tempfile
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .private import private_dir, private_file

if TYPE_CHECKING:
    from nbgrader.api import Gradebook
    from traitlets.config import Config

GRADEBOOK = "gradebook.db"
# capstone_overrides.OVERRIDES_NAME; not imported from there, which imports the group engine and
# the rubric (which imports this module)
OVERRIDES = "capstone-overrides.json"
BACKUPS_ENV = "FACILITATOR_COURSE_BACKUPS"
MANIFEST = "manifest.json"
DEFAULT_KEEP = 10
_NAME = re.compile(r"^gradebook-(\d{8}-\d{6}-\d{6})(?:-[a-z0-9-]+)?\.db$")


def gradebook_path(course_root: Path) -> Path:
    return Path(course_root) / GRADEBOOK


def open_gradebook(config: Config) -> Gradebook:
    """nbgrader's Gradebook of a course folder, for use in a `with` block."""
    from nbgrader.api import Gradebook

    root = config.CourseDirectory.root
    return Gradebook(f"sqlite:///{gradebook_path(root)}", config.CourseDirectory.course_id)


def overrides_path(course_root: Path) -> Path:
    return Path(course_root) / OVERRIDES


def overrides_copy(backup: Path) -> Path:
    """Where the overrides saved with a gradebook backup are: beside it, under its name."""
    return backup.with_name(f"{backup.stem}.{OVERRIDES}")


def backup_dir(course_root: Path) -> Path:
    """Where a course folder's backups live: beside it, or under $FACILITATOR_COURSE_BACKUPS."""
    root = Path(course_root).expanduser().resolve()
    base = os.environ.get(BACKUPS_ENV)
    if base:
        tag = hashlib.sha256(str(root).encode()).hexdigest()[:8]
        return Path(base).expanduser().resolve() / f"{root.name}-{tag}"
    return root.parent / f"{root.name}-backups"


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


# --- the manifest: checksums of the backups and of the gradebook as we last left it ------------


def read_manifest(course_root: Path) -> dict[str, Any]:
    path = backup_dir(course_root) / MANIFEST
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def write_manifest(course_root: Path, data: dict[str, Any]) -> None:
    folder = private_dir(backup_dir(course_root))
    fd, tmp = tempfile.mkstemp(prefix=".manifest-", dir=folder)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(data, handle, indent=1, sort_keys=True)
    os.replace(tmp, folder / MANIFEST)
    private_file(folder / MANIFEST)


def list_backups(course_root: Path) -> list[Path]:
    """The course folder's gradebook backups, oldest first."""
    folder = backup_dir(course_root)
    if not folder.is_dir():
        return []
    found = [p for p in folder.iterdir() if p.is_file() and _NAME.match(p.name)]
    return sorted(found, key=lambda p: _NAME.match(p.name).group(1))  # type: ignore[union-attr]


def backup_is_intact(course_root: Path, backup: Path) -> bool | None:
    """True/False when the manifest knows the copy's checksum, None when it does not."""
    known = read_manifest(course_root).get("backups", {}).get(backup.name)
    if known is None:
        return None
    _, overrides = saved_overrides(course_root, backup)
    copy = overrides_copy(backup)
    if overrides and not (copy.is_file() and sha256_of(copy) == overrides):
        return False  # the overrides saved with it are gone or changed: restoring would lose them
    return backup.is_file() and sha256_of(backup) == known


def saved_overrides(course_root: Path, backup: Path) -> tuple[bool, str | None]:
    """(known, checksum) of the overrides saved with a backup. Known False: the backup is older
    than overrides in backups, so it says nothing about them; checksum None: there were none."""
    saved = read_manifest(course_root).get("overrides", {})
    if not isinstance(saved, dict) or backup.name not in saved:
        return False, None
    return True, saved[backup.name] or None


def _slug(reason: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", reason.lower()).strip("-")[:40]


def copy_file(source: Path, target: Path) -> None:
    """A byte-for-byte, owner-only copy, renamed into place so a reader never sees half of it."""
    fd, tmp = tempfile.mkstemp(prefix=".copy-", dir=target.parent)
    with os.fdopen(fd, "wb") as handle:
        handle.write(source.read_bytes())
    private_file(Path(tmp))
    os.replace(tmp, target)


def copy_database(source: Path, target: Path) -> None:
    """A consistent copy of an SQLite file (SQLite's backup API), owner-only."""
    fd, tmp = tempfile.mkstemp(prefix=".copy-", suffix=".db", dir=target.parent)
    os.close(fd)
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    dst = sqlite3.connect(tmp)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    private_file(Path(tmp))
    os.replace(tmp, target)


def backup_gradebook(course_root: Path, reason: str = "", keep: int = DEFAULT_KEEP) -> Path | None:
    """Copy the gradebook (and the capstone overrides) to the backup folder; keep the newest
    `keep` copies.

    Returns the new copy, or None when there is no gradebook yet (nothing to lose). `keep` below 1
    is treated as 1: a command that changes the gradebook always leaves at least one copy behind.
    """
    source = gradebook_path(course_root)
    if not source.is_file():
        return None
    folder = private_dir(backup_dir(course_root))
    stamp = datetime.now(timezone.utc).strftime("%Y%m%d-%H%M%S-%f")
    suffix = f"-{_slug(reason)}" if _slug(reason) else ""
    target = folder / f"gradebook-{stamp}{suffix}.db"
    copy_database(source, target)
    manifest = read_manifest(course_root)
    sums = manifest.setdefault("backups", {})
    sums[target.name] = sha256_of(target)
    saved = manifest.setdefault("overrides", {})
    if overrides_path(course_root).is_file():
        copy_file(overrides_path(course_root), overrides_copy(target))
        saved[target.name] = sha256_of(overrides_copy(target))
    else:
        saved[target.name] = None  # none then: restoring this backup means none
    for old in list_backups(course_root)[: -max(keep, 1)]:
        old.unlink()
        overrides_copy(old).unlink(missing_ok=True)
        sums.pop(old.name, None)
        saved.pop(old.name, None)
    write_manifest(course_root, manifest)
    return target
