"""Checking that the gradebook only changes the way a trainer command meant it to.

Two checks, both read-only:

* Between commands. Every command that writes the gradebook records, in the backup folder's
  manifest, the file's SHA-256 and the submissions it held. The next command compares: a gradebook
  edited with the Formgrader is normal and only noted; one that lost submissions it held, or is
  gone or unreadable, stops the command with the way back (`facilitator-course restore`).
* During an autograde run. Each submission's grades and comments are fingerprinted before the run
  and after every submission graded; a change to any submission the run is not grading (or a
  submission gone) means something other than the run wrote to the gradebook, and the run stops
  and says so instead of grading on top of it.
"""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import datetime, timezone
from pathlib import Path

from .backup import (
    backup_is_intact,
    gradebook_path,
    list_backups,
    read_manifest,
    sha256_of,
    write_manifest,
)

Key = tuple[str, str]  # (module id, trainee id)

_ROWS = """
SELECT a.name, sa.student_id, 'grade', sn_nb.name, g.cell_id,
       g.auto_score, g.manual_score, g.extra_credit, g.needs_manual_grade, NULL, NULL
FROM grade g
JOIN submitted_notebook sn ON g.notebook_id = sn.id
JOIN notebook sn_nb ON sn.notebook_id = sn_nb.id
JOIN submitted_assignment sa ON sn.assignment_id = sa.id
JOIN assignment a ON sa.assignment_id = a.id
UNION ALL
SELECT a.name, sa.student_id, 'comment', sn_nb.name, c.cell_id,
       NULL, NULL, NULL, NULL, c.auto_comment, c.manual_comment
FROM comment c
JOIN submitted_notebook sn ON c.notebook_id = sn.id
JOIN notebook sn_nb ON sn.notebook_id = sn_nb.id
JOIN submitted_assignment sa ON sn.assignment_id = sa.id
JOIN assignment a ON sa.assignment_id = a.id
UNION ALL
SELECT a.name, sa.student_id, 'submission', NULL, NULL,
       sa.timestamp, sa.extension, NULL, NULL, NULL, NULL
FROM submitted_assignment sa JOIN assignment a ON sa.assignment_id = a.id
"""


class GradebookChanged(RuntimeError):
    """The gradebook was changed by something other than the command; the message says how."""


def fingerprints(course_root: Path) -> dict[Key, str]:
    """{(module, trainee): digest of that submission's grades and comments}; {} without a file.

    Raises GradebookChanged when the file exists but is not a readable gradebook.
    """
    path = gradebook_path(course_root)
    if not path.is_file():
        return {}
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = db.execute(_ROWS).fetchall()
        finally:
            db.close()
    except sqlite3.Error as exc:
        raise GradebookChanged(
            f"{path} is not a readable gradebook any more ({exc}). "
            "Restore a backup with `facilitator-course restore`."
        ) from exc
    grouped: dict[Key, list[str]] = {}
    for row in rows:
        grouped.setdefault((str(row[0]), str(row[1])), []).append(repr(row[2:]))
    return {
        key: hashlib.sha256("\n".join(sorted(lines)).encode()).hexdigest()
        for key, lines in grouped.items()
    }


def record_gradebook(course_root: Path, by: str) -> None:
    """Remember the gradebook as this command left it (checksum and submissions)."""
    path = gradebook_path(course_root)
    if not path.is_file():
        return
    manifest = read_manifest(course_root)
    manifest["gradebook"] = {
        "sha256": sha256_of(path),
        "submissions": sorted(f"{m}/{t}" for m, t in fingerprints(course_root)),
        "by": by,
        "recorded": datetime.now(timezone.utc).isoformat(timespec="seconds"),
    }
    write_manifest(course_root, manifest)


def verify_gradebook(course_root: Path) -> str | None:
    """Compare the gradebook with what the last command left; a note, or GradebookChanged.

    Returns None when nothing changed (or nothing was recorded yet), a sentence when it changed
    in a way a trainer's own tools do (the Formgrader), and raises when it lost data.
    """
    last = read_manifest(course_root).get("gradebook")
    if not last:
        return None
    damaged = [
        b.name for b in list_backups(course_root) if backup_is_intact(course_root, b) is False
    ]
    if damaged:
        return (
            f"Warning: {len(damaged)} gradebook backup(s) no longer match their checksum "
            f"({', '.join(damaged[:3])}); `facilitator-course restore` will not use them."
        ) + (" " + (_compare(course_root, last) or "")).rstrip()
    return _compare(course_root, last)


def _compare(course_root: Path, last: dict) -> str | None:
    path = gradebook_path(course_root)
    when = f"`{last.get('by', 'a command')}` at {last.get('recorded', '?')}"
    if not path.is_file():
        raise GradebookChanged(
            f"{path} is missing; it was last written by {when}. Nothing was graded. "
            "Restore it with `facilitator-course restore`."
        )
    if sha256_of(path) == last.get("sha256"):
        return None
    lost = sorted(
        set(last.get("submissions", [])) - {f"{m}/{t}" for m, t in fingerprints(course_root)}
    )
    if lost:
        shown = ", ".join(lost[:5]) + (f" and {len(lost) - 5} more" if len(lost) > 5 else "")
        raise GradebookChanged(
            f"The gradebook lost {len(lost)} submission(s) since {when}: {shown}. Something other "
            "than facilitator-course changed it, so nothing was done. Restore a backup with "
            "`facilitator-course restore`, or keep it as it is with `facilitator-course restore "
            "--accept-current`."
        )
    return (
        f"Note: the gradebook was changed outside facilitator-course since {when} (for example "
        "in the Formgrader); a backup was taken before this run."
    )


class RunGuard:
    """Watches the gradebook during one autograde run: only the run's own submissions change."""

    def __init__(self, course_root: Path, graded: set[Key]) -> None:
        self.root = Path(course_root)
        self.graded = set(graded)
        self.before = fingerprints(self.root)

    def check(self) -> None:
        """Raise GradebookChanged when a submission outside the run changed or disappeared."""
        if not gradebook_path(self.root).is_file() and self.before:
            raise GradebookChanged(
                "The gradebook disappeared during the run. Grading stopped; restore it with "
                "`facilitator-course restore`."
            )
        now = fingerprints(self.root)
        touched = sorted(
            key
            for key, digest in self.before.items()
            if key not in self.graded and now.get(key) != digest
        )
        gone = sorted(key for key in self.before if key in self.graded and key not in now)
        if touched or gone:
            named = ", ".join(f"{t} ({m})" for m, t in (touched + gone)[:5])
            raise GradebookChanged(
                "The gradebook was changed during the run by something other than the run "
                f"(grades of {named}). Grading stopped; nothing more was written. Check with "
                "`facilitator-course report` and restore a backup with `facilitator-course "
                "restore`."
            )
