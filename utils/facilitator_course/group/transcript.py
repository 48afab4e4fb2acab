"""The capstone transcript: the typed moves as data, and the trainer's re-judging of them.

The learner's kernel writes only what the volunteer typed (and which meeting), never a score:
a score computed on the learner's machine could be edited before submission. The trainer's side
reads the file as untrusted data (size, shape and every value checked, nothing executed), loads
the meeting from the trainer's own package by its id, replays the moves through the trainer's
engine and scores them there (`rejudge`). The engine is deterministic, so the trainer sees
exactly the meeting the volunteer played.

The file is written atomically (atomic_file.py) with owner-only permissions, beside the exercise
notebook, so that nbgrader collects it with the submission.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from ..atomic_file import atomic_write_text
from ..content import ContentError
from .engine import MAX_MOVE_CHARS, GroupSession, play_moves
from .schema import load_group_meeting
from .scoring import CapstoneResult, score_session

TRANSCRIPT_NAME = "capstone-transcript.json"
FORMAT = "facilitator-course/group-meeting-transcript"
VERSION = 1
MAX_MOVES = 300
MAX_FILE_BYTES = 1_000_000
_MEETING_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,80}$")


class TranscriptError(ValueError):
    """A transcript that cannot be used, with a message a trainer can act on."""


@dataclass(frozen=True)
class Transcript:
    meeting: str
    moves: tuple[str, ...]


def transcript_json(meeting_id: str, moves: list[str] | tuple[str, ...]) -> str:
    return json.dumps(
        {"format": FORMAT, "version": VERSION, "meeting": meeting_id, "moves": list(moves)},
        ensure_ascii=False,
        indent=1,
    )


def save_transcript(path: Path | str, meeting_id: str, moves: list[str] | tuple[str, ...]) -> Path:
    """Write the typed moves atomically, readable and writable by the owner only."""
    path = Path(path)
    atomic_write_text(path, transcript_json(meeting_id, moves))
    os.chmod(path, 0o600)  # mkstemp already makes 0600; said again so it never depends on it
    return path


def parse_transcript(text: str) -> Transcript:
    """Check untrusted transcript text; raise TranscriptError saying what is wrong."""
    if len(text) > MAX_FILE_BYTES:
        raise TranscriptError(f"the transcript is larger than {MAX_FILE_BYTES} characters")
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise TranscriptError(f"the transcript is not valid JSON ({exc.msg})") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise TranscriptError(f"this is not a group meeting transcript (format {FORMAT!r})")
    if data.get("version") != VERSION:
        raise TranscriptError(f"transcript version {data.get('version')!r} is not {VERSION}")
    meeting = data.get("meeting")
    if not isinstance(meeting, str) or not _MEETING_ID.match(meeting):
        raise TranscriptError("the transcript's meeting id is missing or not a plain id")
    moves = data.get("moves")
    if not isinstance(moves, list) or not all(isinstance(m, str) for m in moves):
        raise TranscriptError("the transcript's moves should be a list of typed texts")
    if len(moves) > MAX_MOVES:
        raise TranscriptError(f"the transcript has {len(moves)} moves; at most {MAX_MOVES}")
    return Transcript(meeting, tuple(m[:MAX_MOVE_CHARS] for m in moves))


def load_transcript(path: Path | str) -> Transcript:
    path = Path(path)
    try:
        if not path.is_file() or path.is_symlink():
            raise TranscriptError(f"{path.name} is missing (or is not a plain file)")
        with open(path, encoding="utf-8") as handle:
            text = handle.read(MAX_FILE_BYTES + 1)
    except (OSError, UnicodeDecodeError) as exc:
        raise TranscriptError(f"{path.name} could not be read ({exc})") from None
    return parse_transcript(text)


def replay(transcript: Transcript, country: str | None = None) -> GroupSession:
    """The meeting rebuilt from the typed moves with this installation's own engine."""
    try:
        meeting = load_group_meeting(transcript.meeting, country)
    except ContentError as exc:
        raise TranscriptError(f"unknown meeting {transcript.meeting!r}: {exc.expected}") from None
    if meeting.practice:  # a practice is never scored as a capstone
        raise TranscriptError(f"{transcript.meeting!r} is a group practice, not a capstone meeting")
    return play_moves(meeting, list(transcript.moves))


def rejudge(path: Path | str, country: str | None = None) -> CapstoneResult:
    """Score a submitted transcript on the trainer's side: load, replay, score."""
    return score_session(replay(load_transcript(path), country))
