"""A learner's self-study progress, kept on their own machine and under their control.

What is stored: completed scenarios and meetings with scores, drill agreement, and worksheet
drafts. Where: one JSON file under `user_data_dir()` (never in the repository, never uploaded).

Why the care with writing: a notebook kernel can be restarted or killed at any moment, so every
save goes to a temporary file that is flushed and fsynced, then atomically renamed over the old
file: a crash leaves either the old or the new progress, never half of one. A file that cannot be
read anyway (edited by hand, disk trouble) is reported and set aside under a new name, never
silently thrown away; whichever widget saved first says so, and `progress show` lists the copy.
If it cannot even be set aside (a read-only folder), it is left alone and nothing is saved over
it. A save killed before its rename leaves an orphaned temporary file: the next save removes it
once it is older than any save takes. Learners can export, reset or delete their progress
(`facilitator-course progress ...`).
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from .atomic_file import atomic_write_text, orphaned_temp_files, remove_orphans
from .paths import user_data_dir
from .progress_records import CourseRecords, _now

try:  # POSIX: serialise writers from two kernels; elsewhere atomic replace alone must do
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

PROGRESS_FILE = "progress.json"
SCHEMA_VERSION = 1
# "sorting" and "resume" were added later: a file without them loads as if they were empty.
SECTIONS = ("scenarios", "meetings", "drills", "worksheets", "sorting", "resume")
# Beside the progress file: the random key that orders a learner's options (see option_order).
ORDER_KEY_SUFFIX = ".order-key"


class ProgressNotSaved(OSError):
    """Progress could not be written; the message says why in plain words and that nothing
    already saved was changed. An OSError, so every `except OSError` around a save catches it."""


def empty_progress() -> dict[str, Any]:
    return {"version": SCHEMA_VERSION, **{section: {} for section in SECTIONS}}


class ProgressStore(CourseRecords):
    """Read and update one learner's progress file.

    `notices` collects messages for the learner (for example, that a damaged file was set aside).
    What each kind of practice records (`record_scenario`, `save_draft`...) is in
    progress_records.py; this class keeps the file safe.
    """

    def __init__(self, path: Path | str | None = None) -> None:
        self.path = Path(path) if path else user_data_dir() / PROGRESS_FILE
        self.notices: list[str] = []
        self.unreadable: Path | None = None  # a damaged file that could not be set aside

    # -- reading and writing ------------------------------------------------------------------
    def load(self, repair: bool = True) -> dict[str, Any]:
        """The saved progress, or empty progress if there is none or it had to be set aside.

        With `repair=False` (looking only: `progress show` and `export`) a damaged file is reported
        but left exactly where it is.
        """
        self.unreadable = None
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return empty_progress()
        except OSError as exc:
            self.notices.append(f"Your progress file {self.path} could not be read ({exc}).")
            return empty_progress()
        except ValueError as exc:  # not UTF-8: handled like any other unreadable content
            text, error = None, exc
        else:
            error = None
        data: Any = None
        if text is not None:
            try:
                data = json.loads(text)
                if not isinstance(data, dict) or data.get("version") != SCHEMA_VERSION:
                    raise ValueError("not a progress file of this course version")
            except (ValueError, RecursionError) as exc:
                error = exc
        if error is not None:
            if not repair:
                self.notices.append(
                    f"Your saved progress in {self.path} could not be read ({_short(error)}). "
                    "It was left as it is."
                )
                return empty_progress()
            try:
                kept = self._set_aside(str(error))
            except OSError as exc:
                # A read-only folder: the file stays exactly as it is and nothing is saved over
                # it (update() refuses while `unreadable` is set).
                self.unreadable = self.path
                self.notices.append(
                    f"Your saved progress in {self.path} could not be read ({_short(error)}) "
                    f"and could not be set aside ({_reason(exc)}). It was left as it is and "
                    "nothing will be saved over it."
                )
                return empty_progress()
            self.notices.append(
                f"Your saved progress could not be read ({_short(error)}). It was kept as {kept} "
                "and a new progress file was started."
            )
            return empty_progress()
        damaged = False
        for section in SECTIONS:
            entries = data.get(section)
            if not isinstance(entries, dict):
                damaged = damaged or entries is not None
                data[section] = {}
                continue
            for key in [k for k, v in entries.items() if not _entry_ok(section, v)]:
                del entries[key]
                damaged = True
        if damaged:
            # Keep a copy of the file as it was; the readable parts carry on in the progress file
            # (written back at once, so the copy is made once, not on every later read).
            kept = self._keep_copy() if repair else None
            if kept:
                with contextlib.suppress(OSError):
                    self.save(data)
            self.notices.append(
                "Some of your saved progress was not in the expected form and was skipped"
                + (f"; the file as it was is kept as {kept}." if kept else ".")
            )
        return data

    def _keep_copy(self) -> Path | None:
        target = self._aside_name()
        try:
            shutil.copy2(self.path, target)
        except OSError:
            return None
        return target

    def _aside_name(self) -> Path:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        target = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        counter = 1
        while target.exists():
            counter += 1
            target = self.path.with_name(f"{self.path.name}.corrupt-{stamp}-{counter}")
        return target

    def _set_aside(self, reason: str) -> Path:
        target = self._aside_name()
        os.replace(self.path, target)
        return target

    def save(self, data: dict[str, Any]) -> None:
        data = {**data, "version": SCHEMA_VERSION, "updated": _now()}
        atomic_write_text(self.path, to_json(data))

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        if fcntl is None:
            yield
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with open(self.path.with_name(self.path.name + ".lock"), "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    def update(self, change: Callable[[dict[str, Any]], None]) -> dict[str, Any]:
        """Re-read, apply `change`, save: two kernels saving at once do not lose each other's work.

        Raises ProgressNotSaved (an OSError) with a plain message when the progress cannot be
        written (a read-only folder, a full disk, a damaged file that could not be set aside).
        """
        try:
            with self._locked():
                data = self.load()
                if self.unreadable is not None:
                    raise ProgressNotSaved(
                        f"Not saved: your progress file {self.unreadable} could not be read or "
                        "set aside, so nothing is written over it. Move it somewhere else to "
                        "start a new one."
                    )
                change(data)
                self.save(data)
                remove_orphans(self.path)
                return data
        except ProgressNotSaved:
            raise
        except OSError as exc:
            raise ProgressNotSaved(
                f"Not saved: your progress folder {self.path.parent} cannot be written to "
                f"({_reason(exc)}). Nothing already saved was changed."
            ) from exc

    def save_problem(self) -> str | None:
        """Why nothing can be saved here (e.g. a read-only folder), or None when saving works.

        Tried for real (a temporary file created and removed), since permission bits do not
        tell the whole story: a read-only disk, an immutable folder, a full quota.
        """
        folder = self.path.parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
            fd, name = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=folder)
            os.close(fd)
            os.unlink(name)
        except OSError as exc:
            return f"the folder {folder} cannot be written to ({_reason(exc)})"
        return None

    def set_aside_copies(self) -> list[Path]:
        """Earlier progress files that could not be read, kept under a new name."""
        return [p for p in self.leftover_files() if p.name.startswith(f"{self.path.name}.corrupt-")]

    # -- the learner's control over their data -------------------------------------------------
    def export(self, destination: Path | str) -> Path:
        """Copy the progress as readable JSON to `destination` (a file or a folder)."""
        destination = Path(destination).expanduser()
        if destination.is_dir():
            destination = destination / f"facilitator-course-progress-{datetime.now():%Y%m%d}.json"
        data = self.load(repair=False)
        atomic_write_text(destination, to_json(data))
        return destination

    def reset(self) -> None:
        """Start over: keep the file but clear everything in it."""
        with self._locked():
            self.save(empty_progress())

    def leftover_files(self) -> list[Path]:
        """The progress file and everything that belongs to it (set-aside copies, lock, temp)."""
        folder = self.path.parent
        if not folder.is_dir():
            return []
        name = self.path.name
        # Only names this class creates: `--file notes` must never take notes.txt with it.
        return sorted(
            p
            for p in folder.iterdir()
            if p.name in (name, f"{name}.lock", f"{name}{ORDER_KEY_SUFFIX}")
            or p.name.startswith(f"{name}.corrupt-")
            or (p.name.startswith(f".{name}.") and p.name.endswith(".tmp"))
        )

    def delete(self) -> list[Path]:
        """Remove the progress file, set-aside copies and helper files. Returns what was removed."""
        removed = []
        for path in self.leftover_files():
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
                removed.append(path)
        with contextlib.suppress(OSError):
            self.path.parent.rmdir()  # only succeeds when nothing else is in the folder
        return removed

    def describe(self) -> list[str]:
        """Plain lines for `facilitator-course progress show`."""
        data = self.load(repair=False)
        lines = [f"Progress file: {self.path}"]
        for scenario_id, entry in sorted(data["scenarios"].items()):
            lines.append(
                f"  role-play {scenario_id}: best score {entry.get('best_score', 0)}, "
                f"{entry.get('attempts', 0)} attempt(s)"
            )
        for meeting_id, entry in sorted(data["meetings"].items()):
            verdict = "passed" if entry.get("passed") else "not passed yet"
            lines.append(
                f"  meeting {meeting_id}: {verdict}, best score {entry.get('best_score', 0)}"
            )
        for drill_id, entry in sorted(data["drills"].items()):
            lines.append(
                f"  coding drill {drill_id}: agreement {entry.get('agreement')}%, "
                f"kappa {entry.get('kappa')}"
            )
        for worksheet, entry in sorted(data["worksheets"].items()):
            lines.append(f"  worksheet draft {worksheet} (saved {entry.get('updated', '?')})")
        if len(lines) == 1:
            lines.append("  nothing saved yet")
        for copy in self.set_aside_copies():
            lines.append(f"Set aside because it could not be read (kept, nothing deleted): {copy}")
        orphans = orphaned_temp_files(self.path)
        if orphans:
            lines.append(
                f"{len(orphans)} temporary file(s) from an interrupted save; they hold nothing "
                "you need and are removed at the next save."
            )
        return [*self.notices, *lines]


def _entry_ok(section: str, entry: Any) -> bool:
    """An entry the course can use: a mapping, and for drafts one whose fields are a mapping."""
    if not isinstance(entry, dict):
        return False
    return section != "worksheets" or isinstance(entry.get("fields", {}), dict)


def to_json(data: Any) -> str:
    """Readable JSON (non-ASCII kept as is); text that cannot be UTF-8 (a lone surrogate pasted
    into a box) is written as a JSON escape instead of failing the save."""
    text = json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = json.dumps(data, indent=2, ensure_ascii=True, sort_keys=True)
    return text


def _reason(exc: OSError) -> str:
    """'Read-only file system', 'Permission denied'...: the OS's words without the errno."""
    return exc.strerror or str(exc)


def _short(exc: Exception) -> str:
    text = str(exc)
    return text if len(text) < 80 else text[:77] + "..."
