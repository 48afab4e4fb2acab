"""The trainer's capstone overrides travel with the gradebook backups and come back on restore.

capstone-overrides.json holds manual marks beside the gradebook (grading/capstone_overrides.py);
a backup without it could not put a trainer's decisions back after a damaged course folder, and
a restore without it would pair old grades with overrides made since.
"""

from __future__ import annotations

import json
import sqlite3
import stat
from pathlib import Path

import pytest

from facilitator_course.grading.backup import (
    backup_gradebook,
    backup_is_intact,
    list_backups,
    overrides_copy,
)
from facilitator_course.grading.capstone_overrides import (
    Rating,
    overrides_path,
    read_overrides,
    write_override,
)
from facilitator_course.grading.restore import RestoreError, describe_backups, restore_backup

SAFETY = Rating("competency", "competency:safety", "Acting on a disclosure", ("fully", "partly"))


@pytest.fixture
def course(tmp_path: Path, monkeypatch) -> Path:
    """A course folder with a small gradebook (one submission), its backups beside it."""
    monkeypatch.delenv("FACILITATOR_COURSE_BACKUPS", raising=False)
    root = tmp_path / "course"
    root.mkdir()
    set_submissions(root, 1)
    return root


# The tables and columns of nbgrader's gradebook that the backup, restore and gradebook guard
# read (an nbgrader Gradebook needs alembic on PATH to create one).
SCHEMA = """
CREATE TABLE IF NOT EXISTS assignment (id TEXT, name TEXT);
CREATE TABLE IF NOT EXISTS notebook (id TEXT, name TEXT);
CREATE TABLE IF NOT EXISTS submitted_assignment
    (id TEXT, student_id TEXT, assignment_id TEXT, timestamp TEXT, extension TEXT);
CREATE TABLE IF NOT EXISTS submitted_notebook (id TEXT, notebook_id TEXT, assignment_id TEXT);
CREATE TABLE IF NOT EXISTS grade (notebook_id TEXT, cell_id TEXT, auto_score REAL,
    manual_score REAL, extra_credit REAL, needs_manual_grade INTEGER);
CREATE TABLE IF NOT EXISTS comment
    (notebook_id TEXT, cell_id TEXT, auto_comment TEXT, manual_comment TEXT);
"""


def set_submissions(root: Path, count: int) -> None:
    db = sqlite3.connect(root / "gradebook.db")
    db.executescript(SCHEMA)
    db.execute("DELETE FROM submitted_assignment")
    db.executemany(
        "INSERT INTO submitted_assignment VALUES (?, ?, 'a1', '2026-01-01', NULL)",
        [(f"s{n}", f"t{n}") for n in range(count)],
    )
    db.commit()
    db.close()


def override(root: Path, value: str, reason: str) -> None:
    write_override(root, "t1", "m6", SAFETY, value, reason, "digest")


def current_value(root: Path) -> str | None:
    found = read_overrides(root, "t1", "m6").get(SAFETY.key)
    return found.value if found else None


def test_a_backup_copies_the_overrides_owner_only(course):
    override(course, "fully", "asked privately at the break, as the transcript shows")
    backup = backup_gradebook(course, "before-autograde")
    copy = overrides_copy(backup)
    assert copy.read_bytes() == overrides_path(course).read_bytes()
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    assert list_backups(course) == [backup]  # the copy is not listed as a backup of its own
    assert backup_is_intact(course, backup) is True
    assert describe_backups(course)[0].overrides == "yes"


def test_restore_puts_back_the_overrides_saved_with_the_backup(course):
    override(course, "fully", "first reading")
    saved = backup_gradebook(course, "before-autograde")
    override(course, "partly", "changed my mind")  # made after the backup...
    set_submissions(course, 0)  # ...and then the gradebook lost its submission
    assert current_value(course) == "partly"
    restored = restore_backup(course, "1")
    assert restored.backup == saved
    assert current_value(course) == "fully"
    assert "restored too" in restored.overrides
    # the overrides it replaced are kept with the backup of the state before the restore
    assert restored.replaced is not None and restored.replaced.name in restored.overrides
    kept = json.loads(overrides_copy(restored.replaced).read_text(encoding="utf-8"))
    assert [e["value"] for e in kept["entries"]] == ["fully", "partly"]
    assert stat.S_IMODE(overrides_path(course).stat().st_mode) == 0o600


def test_restoring_a_backup_from_before_any_override_removes_the_later_ones(course):
    backup_gradebook(course, "before-autograde")
    assert describe_backups(course)[0].overrides == "none"
    override(course, "partly", "made after the backup")
    restored = restore_backup(course, "1")
    assert not overrides_path(course).exists() and "removed" in restored.overrides
    assert overrides_copy(restored.replaced).is_file()  # the undo holds them


def test_a_backup_from_before_this_change_leaves_the_overrides_alone(course):
    backup = backup_gradebook(course, "old")
    manifest = backup.parent / "manifest.json"
    data = json.loads(manifest.read_text(encoding="utf-8"))
    del data["overrides"]  # as written before backups held the overrides
    manifest.write_text(json.dumps(data), encoding="utf-8")
    override(course, "partly", "kept")
    assert describe_backups(course)[0].overrides == "?"
    restored = restore_backup(course, "1")
    assert current_value(course) == "partly" and "left as it is" in restored.overrides


def test_damaged_overrides_in_a_backup_are_refused(course):
    override(course, "fully", "first reading")
    backup = backup_gradebook(course, "before-autograde")
    overrides_copy(backup).write_text("{broken", encoding="utf-8")
    override(course, "partly", "the current file is untouched")
    assert backup_is_intact(course, backup) is False
    with pytest.raises(RestoreError, match="damaged"):
        restore_backup(course, "1")
    assert current_value(course) == "partly"


def test_an_unreadable_gradebook_still_keeps_the_overrides_it_replaces(course):
    override(course, "fully", "first reading")
    backup_gradebook(course, "before-autograde")
    override(course, "partly", "later")
    (course / "gradebook.db").write_bytes(b"not a database")
    restored = restore_backup(course, "1")
    assert restored.replaced is None and current_value(course) == "fully"
    kept = next(course.parent.glob("course-backups/before-restore-*.capstone-overrides.json"))
    assert str(kept) in restored.overrides
    assert [e["value"] for e in json.loads(kept.read_text())["entries"]] == ["fully", "partly"]


def test_pruning_old_backups_removes_their_overrides_too(course):
    override(course, "fully", "first reading")
    made = [backup_gradebook(course, f"step {n}", keep=2) for n in range(4)]
    assert list_backups(course) == made[-2:]
    assert not overrides_copy(made[0]).exists() and overrides_copy(made[-1]).exists()
    copies = list(made[-1].parent.glob("*.capstone-overrides.json"))
    assert sorted(copies) == sorted(overrides_copy(b) for b in made[-2:])
