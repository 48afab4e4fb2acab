"""One turn of a role-play as the learner sees it afterwards: what was said, how it was coded,
what it did to the participant, and (for weak turns) a better alternative."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from .state import WEAK, ParticipantState


@dataclass(frozen=True)
class Turn:
    number: int  # 1-based
    node_id: str
    participant: str
    talk: str
    reply: str
    code: str
    quality: str  # good / neutral / weak
    feedback: str
    before: ParticipantState
    after: ParticipantState
    better: str | None = None
    rewrite: str | None = None  # the coder's advice on reworking a weak typed reply
    cue: str = ""
    confidence: float | None = None
    flags: tuple[str, ...] = ()  # "labeling", "disguised_advice"
    typed: bool = False  # True for a free-text reply, False for a chosen one
    picked_up: str | None = None  # what a typed reply picked up (coding.pickup), if judged
    ideas: tuple[str, ...] = ()  # the ideas of the line it picked up, in the participant's words

    @property
    def weak(self) -> bool:
        return self.quality == WEAK

    @property
    def readiness_change(self) -> int:
        return self.after.readiness - self.before.readiness

    @property
    def rapport_change(self) -> int:
        return self.after.rapport - self.before.rapport

    def to_dict(self) -> dict:
        data = asdict(self)
        data["flags"] = list(self.flags)
        data["ideas"] = list(self.ideas)
        return data
