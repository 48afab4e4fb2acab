"""The simulated participant's inner state, and how each kind of reply moves it.

Two meters, 0-100, make the consequence of a reply visible: *readiness* (how much the person is
leaning towards change: their motivation) and *rapport* (how safe and understood they feel with
the facilitator). MI research is the reason for the table below: reflections, open questions and
affirmations tend to draw change talk and build the relationship; advice without permission and
confrontation (the "righting reflex") draw sustain talk and discord. The numbers are teaching
values, chosen so that one righting-reflex reply visibly undoes two good ones. They are defined
here once; scenarios can override them per choice with `effect:`.
"""

from __future__ import annotations

from dataclasses import dataclass

METER_MIN = 0
METER_MAX = 100

STAGES: dict[str, str] = {
    "precontemplation": "not yet considering a change",
    "contemplation": "thinking about a change, in two minds",
    "preparation": "getting ready to change soon",
    "action": "actively making a change",
    "maintenance": "keeping a change going",
    "relapse": "back to old patterns after a change (part of the cycle, not a failure)",
}

# Where the readiness meter starts for each stage, unless a scenario sets `start_state`.
STAGE_START_READINESS: dict[str, int] = {
    "precontemplation": 15,
    "contemplation": 35,
    "preparation": 55,
    "action": 70,
    "maintenance": 80,
    "relapse": 40,
}
DEFAULT_START_RAPPORT = 40

# Persona styles: (factor on gains, factor on losses). A sceptical or mandated person forgives
# less; an upset person is hurt more by a fix-it reply; an ambivalent person responds readily.
STYLES: dict[str, tuple[float, float]] = {
    "reserved": (0.8, 1.2),
    "talkative": (1.0, 1.0),
    "upset": (1.0, 1.5),
    "sceptical": (0.8, 1.5),
    "mandated": (0.7, 1.5),
    "ambivalent": (1.2, 1.0),
    "hopeful": (1.0, 1.0),
}

TALK_TYPES: dict[str, str] = {
    "change": "change talk (leans towards change)",
    "sustain": "sustain talk (leans towards staying the same)",
    "neutral": "neutral",
    "discord": "discord (friction with the facilitator)",
}

# label -> (readiness change, rapport change)
LABEL_EFFECTS: dict[str, tuple[int, int]] = {
    "reflection_complex": (8, 10),
    "reflection_simple": (4, 6),
    "summary": (6, 8),
    "question_open": (5, 5),
    "question_closed": (0, 1),
    "affirm": (3, 8),
    "giving_information": (1, 0),
    "persuade": (-6, -10),
    "persuade_with_permission": (3, 2),
    "seeking_collaboration": (4, 8),
    "emphasizing_autonomy": (5, 6),
    "confront": (-10, -15),
    "other": (0, 0),
}
LABELING_RAPPORT_PENALTY = -10

GOOD = "good"
NEUTRAL = "neutral"
WEAK = "weak"

# How a reply counts towards the scenario score and whether the transcript offers a better one.
LABEL_QUALITY: dict[str, str] = {
    "reflection_complex": GOOD,
    "reflection_simple": GOOD,
    "summary": GOOD,
    "question_open": GOOD,
    "affirm": GOOD,
    "seeking_collaboration": GOOD,
    "emphasizing_autonomy": GOOD,
    "persuade_with_permission": GOOD,
    "question_closed": NEUTRAL,
    "giving_information": NEUTRAL,
    "other": NEUTRAL,
    "persuade": WEAK,
    "confront": WEAK,
}
QUALITY_POINTS = {GOOD: 1.0, NEUTRAL: 0.5, WEAK: 0.0}


@dataclass(frozen=True)
class Effect:
    """A change to both meters (positive or negative)."""

    readiness: int = 0
    rapport: int = 0


@dataclass(frozen=True)
class ParticipantState:
    """Readiness and rapport, each kept between 0 and 100."""

    readiness: int
    rapport: int

    @classmethod
    def initial(cls, stage: str, start: dict[str, int] | None = None) -> ParticipantState:
        start = start or {}
        return cls(
            readiness=_clamp(start.get("readiness", STAGE_START_READINESS.get(stage, 35))),
            rapport=_clamp(start.get("rapport", DEFAULT_START_RAPPORT)),
        )

    def apply(self, effect: Effect) -> ParticipantState:
        return ParticipantState(
            readiness=_clamp(self.readiness + effect.readiness),
            rapport=_clamp(self.rapport + effect.rapport),
        )

    def to_dict(self) -> dict[str, int]:
        return {"readiness": self.readiness, "rapport": self.rapport}


def _clamp(value: int) -> int:
    return max(METER_MIN, min(METER_MAX, int(value)))


def quality(code: str, labeling: bool = False, disguised_advice: bool = False) -> str:
    """good / neutral / weak. Identity labels and advice dressed as a question are always weak."""
    if labeling or disguised_advice:
        return WEAK
    return LABEL_QUALITY.get(code, NEUTRAL)


def effect_for(
    code: str, style: str, labeling: bool = False, disguised_advice: bool = False
) -> Effect:
    """The default effect of a reply on a participant of the given persona style."""
    if disguised_advice and code not in ("persuade", "confront"):
        code = "persuade"
    readiness, rapport = LABEL_EFFECTS.get(code, (0, 0))
    if labeling:
        rapport += LABELING_RAPPORT_PENALTY
    gain, loss = STYLES.get(style, (1.0, 1.0))

    def scaled(value: int) -> int:
        return round(value * (gain if value > 0 else loss))

    return Effect(scaled(readiness), scaled(rapport))
