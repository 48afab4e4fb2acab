"""What a typed reply picked up from the participant's line, and what that does to the turn.

The label says what kind of move a reply is; this says what it was about. A reflection of the
sustain side is still a reflection, but it tends to draw more sustain talk, so readiness does not
rise; a "reflection" of nothing the participant said gives them nothing back, so it counts as
neutral, not good. Questions are told whether they follow the change side, the sustain side or
something else. Harmful replies (advice, confrontation, labels) are judged by what they are, not
by what they picked up.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..coding.pickup import (
    BOTH_SUSTAIN_LAST,
    CHANGE,
    NOTHING,
    SUSTAIN,
    describe,
    pick_up,
)
from .scenario import BRANCH_GROUPS, Node
from .state import NEUTRAL, Effect

_REFLECTIONS = BRANCH_GROUPS["reflection"]
_QUESTIONS = BRANCH_GROUPS["question"]


@dataclass(frozen=True)
class ContentJudgement:
    """`pickup` (a coding.pickup value, or None when the line has no content annotations or the
    reply was harmful), a `quality` that overrides the label's usual one (or None), and `text`,
    the sentence the learner reads about what they picked up."""

    pickup: str | None = None
    quality: str | None = None
    text: str = ""
    ideas: tuple[str, ...] = ()  # the ideas picked up, in the participant's words

    def adjust(self, effect: Effect) -> Effect:
        """The label's usual effect on the participant, changed by what the reply picked up."""
        if self.pickup == NOTHING:
            return Effect(min(effect.readiness, 0), min(effect.rapport, 2))
        if self.pickup == SUSTAIN:
            return Effect(min(effect.readiness, 0), effect.rapport)
        if self.pickup == BOTH_SUSTAIN_LAST:
            return Effect(effect.readiness // 2, effect.rapport)
        return effect


def judge_content(reply: str, code: str, node: Node, harmful: bool = False) -> ContentJudgement:
    """Judge what `reply` (labelled `code`) picked up from `node`'s line."""
    if harmful or code in BRANCH_GROUPS["righting_reflex"] or not node.ideas:
        return ContentJudgement()
    found = pick_up(reply, node.ideas, node.heard)
    picked = tuple(idea.text for idea in found.picked)
    if code in _REFLECTIONS:
        return ContentJudgement(
            found.side,
            NEUTRAL if found.side == NOTHING else None,
            describe(found, node.ideas),
            picked,
        )
    if code in _QUESTIONS:
        change = [i for i in node.ideas if i.side == CHANGE]
        if found.side in (CHANGE, "both"):
            text = "Your question follows the change side of what they said."
        elif found.side in (SUSTAIN, BOTH_SUSTAIN_LAST):
            text = "Your question asks about the sustain side"
            text += (
                f"; asking about '{change[0].text}' would invite change talk." if change else "."
            )
        elif found.side == NOTHING:
            text = "Your question does not follow up anything they just said"
            text += f" (for example '{node.ideas[0].text}')."
        else:
            text = "Your question follows what they said."
        return ContentJudgement(found.side, None, text, picked)
    return ContentJudgement(found.side, ideas=picked)
