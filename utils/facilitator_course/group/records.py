"""What one typed move did, and where each incident stands: the engine's record of a meeting.

Records are plain data so that the widget can show them, the scoring can count them and the
trainer's side can rebuild them from the typed moves alone (the transcript holds only the text).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .model import Incident, Line
from .moves import Recognised

HANDLED, MISSED, HARMED = "handled well", "not handled", "handled with harm"


@dataclass
class IncidentState:
    incident: Incident
    fired_at: int  # the move number after which it arose
    moves_since: int = 0
    seen: set[str] = field(default_factory=set)
    outcome: str | None = None  # HANDLED, MISSED or HARMED once settled
    settled_at: int | None = None
    # A disclosure asked about in front of the group (moves.public_suicide_question): the
    # learner gets one more move to offer the private word, and never full credit (scoring.py).
    asked_publicly: bool = False

    @property
    def open(self) -> bool:
        return self.outcome is None


@dataclass(frozen=True)
class MoveRecord:
    """One typed move: how it was judged, what the group moves were, and what happened next.

    `judged` False means the coder could not judge it: nothing else changed (no clock, no
    advance, no score) and `feedback` says why. `harmful` is the coder's verdict (advice
    without permission, confrontation, a label) unless `crisis_override` says that the move was
    the course's escalation rule in action (the coder reads "a word in private" as advice).
    """

    number: int
    phase: str
    text: str
    judged: bool
    reason: str | None
    code: str
    explanation: str
    labeling: bool
    harmful: bool
    crisis_override: bool
    moves: tuple[Recognised, ...]
    replies: tuple[Line, ...]
    feedback: tuple[str, ...]
    clock: float  # minutes into the meeting after this move
    distress: bool  # crisis resources should be shown now
    incidents: tuple[tuple[str, str], ...] = ()  # (incident id, outcome) settled by this move
    addressed: tuple[str, ...] = ()  # participants named in the move
    # For a harmful move: "words" when the judge's rules name the harmful words (or a label),
    # "wording" when only the model's reading of the overall wording says so (less certain).
    harm_evidence: str = ""

    def has(self, move: str) -> bool:
        return any(r.move == move for r in self.moves)

    def to_dict(self) -> dict[str, object]:
        return {
            "number": self.number,
            "phase": self.phase,
            "text": self.text,
            "judged": self.judged,
            "reason": self.reason,
            "code": self.code,
            "labeling": self.labeling,
            "harmful": self.harmful,
            "crisis_override": self.crisis_override,
            "group_moves": [{"move": r.move, "words": r.words} for r in self.moves],
            "replies": [{"who": x.who, "says": x.says} for x in self.replies],
            "feedback": list(self.feedback),
            "clock": round(self.clock, 1),
            "distress": self.distress,
            "incidents": [{"id": i, "outcome": o} for i, o in self.incidents],
        }
