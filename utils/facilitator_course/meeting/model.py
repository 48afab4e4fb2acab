"""A meeting simulation as data: the group, and the situations the facilitator must handle."""

from __future__ import annotations

from dataclasses import dataclass

from .format import MeetingElement

# The situations the simulations practise. A safety incident (a disclosure of suicidal thoughts, or
# a safeguarding concern: a child or someone else who may be at risk) must be handled well whatever
# else happens, so mishandling it fails the simulation.
EVENT_KINDS: dict[str, str] = {
    "crosstalk": "crosstalk during check-in",
    "dominating": "a member who dominates",
    "advice_giving": "advice-giving",
    "intoxicated": "someone who arrives intoxicated",
    "verification_request": "a mandated attendee asking for proof of attendance",
    "twelve_step": "a 12-step advocate",
    "silence": "silence",
    "suicide_disclosure": "a member who discloses thoughts of suicide",
    "lapse": "someone who discloses a lapse",
    "off_topic": "an off-topic debate",
    "safeguarding": "a disclosure that a child or someone else may be at risk",
    "co_facilitator": "a co-facilitator who lectures or gives advice",
    "other": "another situation",
}
SAFETY_KINDS = ("suicide_disclosure", "safeguarding")

GOOD, OK, POOR, UNSAFE = "good", "ok", "poor", "unsafe"
HANDLING_POINTS: dict[str, int] = {GOOD: 2, OK: 1, POOR: 0, UNSAFE: 0}


@dataclass(frozen=True)
class Participant:
    name: str
    changing: str
    note: str = ""


@dataclass(frozen=True)
class MeetingChoice:
    action: str
    minutes: int  # minutes this adds to (or, if negative, saves from) the element
    climate: int  # change to the group climate meter
    handling: str  # good / ok / poor / unsafe
    feedback: str


@dataclass(frozen=True)
class MeetingEvent:
    id: str
    kind: str
    situation: str
    choices: tuple[MeetingChoice, ...]
    who: str = ""
    safety: bool = False

    def best(self) -> MeetingChoice:
        return max(self.choices, key=lambda c: HANDLING_POINTS[c.handling])


@dataclass(frozen=True)
class ElementPlan:
    element: MeetingElement
    planned: int
    scene: str
    events: tuple[MeetingEvent, ...]


@dataclass(frozen=True)
class Meeting:
    id: str
    title: str
    about: str
    setting: str
    participants: tuple[Participant, ...]
    elements: tuple[ElementPlan, ...]  # always the six standard elements, in order
    start_climate: int = 60
    path: str = ""
    # The meetings form a ladder: level 1 is the first a learner plays. Levels are unique among the
    # shipped meetings and lessons present them in rising order (meeting.ladder checks both).
    difficulty: int = 1
    harder_because: str = ""  # one line: what this meeting adds to the level below it

    @property
    def events(self) -> list[MeetingEvent]:
        return [event for plan in self.elements for event in plan.events]
