"""The order in which a learner sees the options of a role-play, meeting or sorting exercise.

Why: scenario authors tend to write the best reply first (and the shipped content did, at every
choice), so a learner could win by always clicking the first option and learn nothing. Each
learner therefore sees every choice list in their own order. The order must not change under
them: the same situation shows the same order after a reload, a server restart, or when they go
back a turn, so "the second one" still means the same reply.

How: the order is a pure function of a random per-learner key and the place in the course
(`roleplay/<scenario>/<node>`). The key is a random token (never a name or anything about the
learner) kept in the learner's progress folder next to the progress file, owner-readable only,
and removed with it (`facilitator-course progress delete`). The engines and the scenario data
never change: the widgets show options in this order and keep each option's own index as its
value, so a choice still maps to the right option.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import random
import secrets
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TypeVar

from .progress import ORDER_KEY_SUFFIX, ProgressStore

T = TypeVar("T")
_KEY_CHARS = frozenset("0123456789abcdef")
_SESSION_KEYS: dict[Path, str] = {}  # when the folder cannot be written: stable for this run


def key_path(store: ProgressStore | None = None) -> Path:
    """Where the learner's key lives: beside their progress file."""
    progress = (store or ProgressStore()).path
    return progress.with_name(progress.name + ORDER_KEY_SUFFIX)


def _valid(text: str) -> bool:
    return 16 <= len(text) <= 128 and set(text) <= _KEY_CHARS


def _read(path: Path) -> str | None:
    try:
        text = path.read_text(encoding="ascii").strip()
    except (OSError, ValueError):
        return None
    return text if _valid(text) else None


def _write_new(path: Path, replace: bool) -> str:
    """Create the key file whole (temporary file, then link or replace) with owner-only rights.

    Two kernels starting at once both try; `os.link` lets exactly one win, and the other reads
    the winner's key, so both show the same order.
    """
    key = secrets.token_hex(16)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="ascii") as handle:
            handle.write(key + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, 0o600)
        if replace:
            os.replace(tmp_name, path)
        else:
            try:
                os.link(tmp_name, path)
            except FileExistsError:
                return _read(path) or _write_new(path, replace=True)
            except OSError:  # a file system without hard links
                if path.exists():
                    return _read(path) or _write_new(path, replace=True)
                os.replace(tmp_name, path)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
    return key


def learner_key(store: ProgressStore | None = None) -> str:
    """The learner's random key, made on first use.

    If the progress folder cannot be written (read-only disk), a key for this run is used
    instead: options are still shuffled, only not kept across a restart; nothing is raised.
    """
    path = key_path(store)
    key = _read(path)
    if key:
        return key
    try:
        # A key file appears whole (linked from a complete temporary file), so one that exists
        # but cannot be read as a key is damaged and may be replaced; otherwise only link, so a
        # kernel that starts at the same moment never overwrites another's fresh key.
        return _write_new(path, replace=path.exists() and not _read(path))
    except OSError:
        return _SESSION_KEYS.setdefault(path, secrets.token_hex(16))


class OptionOrder:
    """Shuffles choice lists for one learner, the same way every time."""

    def __init__(self, key: str) -> None:
        self.key = key

    @classmethod
    def for_learner(cls, store: ProgressStore | None = None, *, save: bool = True) -> OptionOrder:
        """The learner's order. With `save=False` (nbgrader running on a trainer's machine)
        nothing is written and a fixed key is used: no file appears in the trainer's folder."""
        return cls(learner_key(store) if save else "not-saved")

    def permutation(self, place: str, count: int) -> list[int]:
        """Original indices in the order to show them at `place` (e.g. `meeting/<id>/<event>`)."""
        digest = hashlib.sha256(f"{self.key}\0{place}".encode()).digest()
        order = list(range(count))
        random.Random(int.from_bytes(digest, "big")).shuffle(order)
        return order

    def arrange(self, place: str, items: Sequence[T]) -> list[tuple[int, T]]:
        """(original index, item) pairs in display order: show the item, keep the index as the
        widget's value, and the engine receives the index the data defines."""
        return [(index, items[index]) for index in self.permutation(place, len(items))]
