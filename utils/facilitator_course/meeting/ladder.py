"""The meeting simulations as a ladder of rising difficulty.

A learner should meet the simulations in a planned order, the easiest first, and know what each
new one adds. So every meeting file states its level (`difficulty`, 1 = the first) and, above
level 1, one line on what makes it harder (`harder_because`). Two meetings on one level would
leave the order to chance, so the checker refuses a level that a meeting in the same folder
already has; the lessons call the meetings in rising order (tests/test_meeting_ladder.py).
"""

from __future__ import annotations

from pathlib import Path

from ..content import ContentError, load_yaml, yaml_files
from .model import Meeting
from .schema import load_meeting, meeting_paths


def _level(path: Path) -> object:
    """The `difficulty` a meeting file states, read without the full check (None if unreadable:
    that file's own check reports why)."""
    try:
        data, _ = load_yaml(path)
    except ContentError:
        return None
    return data.get("difficulty") if isinstance(data, dict) else None


def shared_levels(path: Path) -> list[ContentError]:
    """An error for each meeting beside `path` that states the same level as it does."""
    try:
        data, lines = load_yaml(path)
    except ContentError:
        return []  # reported by the file's own check
    level = data.get("difficulty") if isinstance(data, dict) else None
    if not isinstance(level, int) or isinstance(level, bool):
        return []
    errors = []
    for other in yaml_files(path.parent):
        if other.resolve() != path.resolve() and _level(other) == level:
            errors.append(
                ContentError(
                    str(path),
                    lines.line("difficulty"),
                    "difficulty",
                    f"is {level}, the same level as {other.name}; give each meeting in the "
                    "folder its own level so that the meetings have one order, easiest first",
                )
            )
    return errors


def meeting_ladder(country: str | None = None) -> list[Meeting]:
    """The shipped meetings, easiest first."""
    meetings = [load_meeting(path, country) for path in meeting_paths()]
    return sorted(meetings, key=lambda meeting: meeting.difficulty)


def ladder_line(meeting: Meeting) -> str:
    """What to tell a learner about a meeting's place on the ladder, in one line."""
    if not meeting.harder_because:
        return f"Level {meeting.difficulty}."
    return f"Level {meeting.difficulty}. What makes this one harder: {meeting.harder_because}"
