"""Typed group meetings: the capstone (Module 6), played by typing every move.

    >>> from facilitator_course.group import load_group_meeting, play_moves, score_session
    >>> session = play_moves(load_group_meeting("capstone-thursday-evening"), ["Welcome..."])
    >>> score_session(session).status  # doctest: +SKIP
    'not yet'

`schema.py` validates meeting files (data/group_meetings/), `moves.py` recognises group-level
moves, `engine.py` plays a meeting through the course's judge, `scoring.py` scores it the way
observers score real groups, and `transcript.py` keeps the typed moves as data and re-judges them
on the trainer's side (`rejudge`). `practice.py` plays short group practices (`kind: practice`
files: one focus skill, a few moves) with the same engine and gives their debrief.
"""

from __future__ import annotations

from .engine import GroupSession, play_moves
from .practice import FOCUS, PracticeSession, debrief, play_practice
from .schema import check_group_meeting_file, group_meeting_paths, load_group_meeting
from .scoring import BLOCKED, NOT_YET, PASS, CapstoneResult, score_session
from .transcript import (
    TRANSCRIPT_NAME,
    TranscriptError,
    load_transcript,
    rejudge,
    replay,
    save_transcript,
)
from .wording import ENDINGS

__all__ = [
    "BLOCKED",
    "ENDINGS",
    "FOCUS",
    "NOT_YET",
    "PASS",
    "TRANSCRIPT_NAME",
    "CapstoneResult",
    "GroupSession",
    "PracticeSession",
    "TranscriptError",
    "check_group_meeting_file",
    "debrief",
    "group_meeting_paths",
    "load_group_meeting",
    "load_transcript",
    "play_moves",
    "play_practice",
    "rejudge",
    "replay",
    "save_transcript",
    "score_session",
]
