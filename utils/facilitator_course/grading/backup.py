"""Timestamped copies of the gradebook, taken before anything changes it.

The gradebook holds hours of a trainer's manual marking. nbgrader changes it in place (autograde,
feedback, manual grades) and keeps no history, so every trainer command that may write to it first
copies it to `backups/` in the course folder and keeps the newest few copies. SQLite's own backup
API is used instead of a file copy so that a copy taken while the Formgrader is open is still a
consistent database.
"""

from __future__ import annotations

import re
import sqlite3
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from nbgrader.api import Gradebook
    from traitlets.config import Config

GRADEBOOK = "gradebook.db"
BACKUP_DIR = "backups"
DEFAULT_KEEP = 10
_NAME = re.compile(r"^gradebook-(\d{8}-\d{6}-\d{6})(?:-[a-z0-9-]+)?\.db$")


def gradebook_path(course_root: Path) -> Path:
    return Path(course_root) / GRADEBOOK


def open_gradebook(config: Config) -> Gradebook:
    """nbgrader's Gradebook of a course folder, for use in a `with` block."""
    from nbgrader.api import Gradebook

    root = config.CourseDirectory.root
    return Gradebook(f"sqlite:///{gradebook_path(root)}", config.CourseDirectory.course_id)


def list_backups(course_root: Path) -> list[Path]:
    """The course folder's gradebook backups, oldest first."""
    folder = Path(course_root) / BACKUP_DIR
    if not folder.is_dir():
        return []
    found = [p for p in folder.iterdir() if p.is_file() and _NAME.match(p.name)]
    return sorted(found, key=lambda p: _NAME.match(p.name).group(1))  # type: ignore[union-attr]


def _slug(reason: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", reason.lower()).strip("-")[:40]


def backup_gradebook(course_root: Path, reason: str = "", keep: int = DEFAULT_KEEP) -> Path | None:
    """Copy the gradebook to backups/ and keep only the newest `keep` copies.

    Returns the new copy, or None when there is no gradebook yet (nothing to lose). `keep` below 1
    is treated as 1: a command that changes the gradebook always leaves at least one copy behind.
    """
    source = gradebook_path(course_root)
    if not source.is_file():
        return None
    folder = Path(course_root) / BACKUP_DIR
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(timezone.utc).strftime("%Y%m%d-%H%M%S-%f")
    suffix = f"-{_slug(reason)}" if _slug(reason) else ""
    target = folder / f"gradebook-{stamp}{suffix}.db"
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    for old in list_backups(course_root)[: -max(keep, 1)]:
        old.unlink()
    return target
