"""Feedback returned through nbgrader's exchange must be readable by the trainee it is for.

Why: the course writes feedback owner-only in the trainer's folder (personal data), and
nbgrader's release_feedback copies each file with its mode. On a shared server, where the trainer
and the trainees are different Unix users, trainees then fail to fetch with "Permission denied".
nbgrader's own design keeps returned feedback private another way: the exchange's feedback
folder is 0711 (nobody can list it) and each file is named by a hash of the trainee's submission
and its secret, so a trainee can open only the file whose name they can compute.
"""

from __future__ import annotations

import os
from pathlib import Path

from traitlets.config import Config

READABLE_BY_NAME = 0o644


def open_returned_feedback(config: Config) -> list[Path]:
    """Give the trainer's returned feedback files in the exchange mode 0644; the ones changed."""
    folder = Path(config.Exchange.root).expanduser() / config.CourseDirectory.course_id / "feedback"
    if not folder.is_dir():
        return []
    changed = []
    for path in folder.glob("*.html"):
        info = path.lstat()
        mine = path.is_file() and not path.is_symlink() and info.st_uid == os.getuid()
        if mine and info.st_mode & 0o777 != READABLE_BY_NAME:
            path.chmod(READABLE_BY_NAME)
            changed.append(path)
    return changed
