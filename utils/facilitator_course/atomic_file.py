"""Writing a file so that a crash leaves the old or the new content, never half of one.

A notebook kernel can be killed at any moment: the text goes to a temporary file beside the
target (`.<name>.<random>.tmp`), is flushed and fsynced, then atomically renamed over the target.
A save killed before the rename leaves only that temporary file (progress.py removes such
orphans once they are older than any save could take, see remove_orphans).
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
import time
from pathlib import Path

# A save writes its temporary file and renames it within milliseconds; one older than this was
# left by a save that was killed half-way, and the file it was meant to replace is still whole.
ORPHAN_SECONDS = 60


def _fsync_dir(folder: Path) -> None:
    """Make the rename itself durable (a no-op where directories cannot be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover - e.g. Windows
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover
        pass
    finally:
        os.close(fd)


def atomic_write_text(path: Path, text: str) -> None:
    """Write `text` to `path` so that readers see the old or the new content, never a mix."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    _fsync_dir(path.parent)


def orphaned_temp_files(path: Path) -> list[Path]:
    """Temporary files of `path` left by a killed save (older than ORPHAN_SECONDS)."""
    folder, name = path.parent, path.name
    if not folder.is_dir():
        return []
    cutoff = time.time() - ORPHAN_SECONDS
    found = []
    for candidate in folder.iterdir():
        if not (candidate.name.startswith(f".{name}.") and candidate.name.endswith(".tmp")):
            continue
        with contextlib.suppress(OSError):
            info = candidate.lstat()
            if stat.S_ISREG(info.st_mode) and info.st_mtime < cutoff:  # never a link or folder
                found.append(candidate)
    return sorted(found)


def remove_orphans(path: Path) -> list[Path]:
    """Remove the orphaned temporary files of `path`. Safe: a save in progress is far younger
    than ORPHAN_SECONDS, and an orphan never holds the only copy of anything (the rename that
    would have made it `path` never happened, so `path` is still whole)."""
    removed = []
    for orphan in orphaned_temp_files(path):
        with contextlib.suppress(OSError):
            orphan.unlink()
            removed.append(orphan)
    return removed
