"""Putting a gradebook backup back: the trainer's way out when the gradebook was damaged.

The current gradebook is itself backed up first, so a restore can be undone, and a backup whose
checksum no longer matches the manifest is refused (a damaged copy would replace a good file).
The capstone overrides saved with the backup come back with it (backup.py says why); the current
overrides file is kept first, with the current gradebook or on its own when that is unreadable.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from .backup import (
    OVERRIDES,
    backup_dir,
    backup_gradebook,
    backup_is_intact,
    copy_database,
    copy_file,
    gradebook_path,
    list_backups,
    overrides_copy,
    overrides_path,
    saved_overrides,
)
from .gradebook_guard import record_gradebook
from .private import owner_only


class RestoreError(RuntimeError):
    """The backup cannot be restored; the message says why."""


@dataclass
class BackupInfo:
    number: int
    path: Path
    taken: str
    reason: str
    submissions: int | None
    intact: bool | None
    overrides: str = "?"  # "yes", "none" (there were none then) or "?" (backup older than that)


@dataclass(frozen=True)
class Restored:
    backup: Path
    replaced: Path | None  # the backup of the gradebook it replaced, when that was readable
    overrides: str  # what happened to the capstone overrides, in a sentence ("" for nothing)


def _count_submissions(path: Path) -> int | None:
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return int(db.execute("SELECT COUNT(*) FROM submitted_assignment").fetchone()[0])
        finally:
            db.close()
    except sqlite3.Error:
        return None


def describe_backups(course_root: Path) -> list[BackupInfo]:
    """Every backup, oldest first, numbered from 1, with what it holds and whether it is intact."""
    found = []
    for number, path in enumerate(list_backups(course_root), start=1):
        parts = path.stem.split("-")
        moment = datetime.strptime("-".join(parts[1:4]), "%Y%m%d-%H%M%S-%f").replace(
            tzinfo=timezone.utc
        )
        found.append(
            BackupInfo(
                number,
                path,
                moment.strftime("%Y-%m-%d %H:%M:%S UTC"),
                "-".join(parts[4:]) or "-",
                _count_submissions(path),
                backup_is_intact(course_root, path),
                _overrides_state(course_root, path),
            )
        )
    return found


def _overrides_state(course_root: Path, backup: Path) -> str:
    known, checksum = saved_overrides(course_root, backup)
    return "?" if not known else "yes" if checksum else "none"


def _restore_overrides(root: Path, backup: Path, replaced: Path | None) -> str:
    """Put back the overrides saved with `backup`; say what happened to the file."""
    known, checksum = saved_overrides(root, backup)
    target = overrides_path(root)
    if not known:
        return f"{OVERRIDES} was left as it is: this backup was taken before backups included it."
    note = ""
    if target.is_file() and replaced is not None:
        note = f" The overrides it replaced are kept with {replaced.name}."
    elif target.is_file():  # the current gradebook was unreadable, so no backup holds them
        stamp = datetime.now(timezone.utc).strftime("%Y%m%d-%H%M%S-%f")
        kept = backup_dir(root) / f"before-restore-{stamp}.{OVERRIDES}"
        copy_file(target, kept)
        note = f" The overrides it replaced are kept as {kept}."
    if checksum is None:
        if not target.is_file():
            return ""
        target.unlink()
        return f"{OVERRIDES} was removed: there were no capstone overrides then.{note}"
    copy_file(overrides_copy(backup), target)
    return f"The capstone overrides saved with it ({OVERRIDES}) were restored too.{note}"


def restore_backup(course_root: Path, choice: str) -> Restored:
    """Restore the backup numbered or named `choice`, with the capstone overrides saved with it."""
    backups = describe_backups(course_root)
    picked = next((b for b in backups if choice in (str(b.number), b.path.name, b.path.stem)), None)
    if picked is None:
        raise RestoreError(
            f"No backup '{choice}'. `facilitator-course restore` lists them (number or file name)."
        )
    if picked.intact is False or picked.submissions is None:
        raise RestoreError(
            f"{picked.path.name} is damaged (its checksum or contents do not match what was "
            "written); choose another backup."
        )
    root = Path(course_root)
    with owner_only():
        current = None
        if gradebook_path(root).is_file() and _count_submissions(gradebook_path(root)) is not None:
            current = backup_gradebook(root, "before-restore", keep=len(backups) + 1)
        copy_database(picked.path, gradebook_path(root))
        overrides = _restore_overrides(root, picked.path, current)
        record_gradebook(root, f"restore {picked.path.name}")
    return Restored(picked.path, current, overrides)


def accept_current(course_root: Path) -> None:
    """Take the gradebook as it is now as the trainer's record (after a deliberate change)."""
    if not gradebook_path(course_root).is_file():
        raise RestoreError(f"There is no gradebook in {course_root}.")
    with owner_only():
        record_gradebook(Path(course_root), "restore --accept-current")
