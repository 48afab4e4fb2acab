"""Owner-only files and folders for everything that holds trainees' personal data.

Submissions, the gradebook and its backups, feedback, reports and exports name trainees and hold
their answers and grades. On a shared machine the default permissions (umask 022) would let every
other account read them, so the trainer commands create them readable by their owner only: an
owner-only umask while a command runs (which also covers files nbgrader and the kernels write),
and an explicit chmod for what existed before.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

FILE_MODE = 0o600
DIR_MODE = 0o700
OWNER_ONLY_UMASK = 0o077

# The parts of a course folder that hold personal data (release/ and source/ are course content).
PERSONAL = (
    "gradebook.db",
    "capstone-overrides.json",
    "submitted",
    "autograded",
    "feedback",
    "reports",
    "archive",
)


@contextmanager
def owner_only() -> Iterator[None]:
    """Create files and folders owner-only for the duration (the umask is process-wide)."""
    previous = os.umask(OWNER_ONLY_UMASK)
    try:
        yield
    finally:
        os.umask(previous)


def private_dir(path: Path) -> Path:
    """Create a folder (and missing parents) and make the folder itself owner-only."""
    path = Path(path)
    path.mkdir(parents=True, exist_ok=True)
    os.chmod(path, DIR_MODE)
    return path


def private_file(path: Path) -> Path:
    os.chmod(path, FILE_MODE)
    return path


def make_private(path: Path) -> None:
    """Make a file, or a folder and everything below it, owner-only (symbolic links skipped)."""
    path = Path(path)
    if path.is_symlink() or not path.exists():
        return
    if path.is_file():
        private_file(path)
        return
    os.chmod(path, DIR_MODE)
    for folder, dirs, files in os.walk(path):
        for name in dirs:
            child = Path(folder) / name
            if not child.is_symlink():
                os.chmod(child, DIR_MODE)
        for name in files:
            child = Path(folder) / name
            if not child.is_symlink():
                os.chmod(child, FILE_MODE)


def protect_course_folder(course_root: Path) -> None:
    """Owner-only permissions on every part of a course folder that holds personal data."""
    root = Path(course_root)
    if root.is_dir():
        os.chmod(root, DIR_MODE)
    for name in PERSONAL:
        make_private(root / name)
    for sidecar in root.glob("gradebook.db-*"):  # SQLite's journal files
        make_private(sidecar)
