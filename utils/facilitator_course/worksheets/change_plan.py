"""The Change Plan worksheet: what I want to change, why, how, with whom, and what may get in
the way.

Importance and confidence are 0-10 rulers. The feedback turns them into the MI follow-up
questions ("why a 6 and not a 3?", "what would move you one point up?") because the learner's
own answers to those are what build motivation, not the number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .base import (
    INFO,
    OK,
    TODO,
    Message,
    WorksheetFeedback,
    analysed,
    length_problem,
    lines_of,
    safety_messages,
    text_fields,
)

FIELDS: dict[str, str] = {
    "changes": "The changes I want to make",
    "reasons": "The most important reasons for making these changes",
    "steps": "The steps I plan to take",
    "helpers": "How other people can help me",
    "signs": "I will know my plan is working when",
    "obstacles": "Things that could interfere with my plan",
}
_SPECIFIC = re.compile(
    r"\b(?:today|tonight|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"weekend|morning|evening|night|daily|weekly|every|each|by|before|after|at \d|\d+ ?(?:am|pm)"
    r"|week|month)\b",
    re.IGNORECASE,
)


@dataclass
class ChangePlan:
    changes: str = ""
    importance: int | None = None  # 0-10
    confidence: int | None = None  # 0-10
    reasons: str = ""
    steps: str = ""
    helpers: str = ""
    signs: str = ""
    obstacles: str = ""

    @classmethod
    def from_fields(cls, fields: dict) -> ChangePlan:
        def ruler(value: object) -> int | None:
            if value in (None, ""):
                return None
            try:
                return int(value)  # type: ignore[call-overload]
            except (TypeError, ValueError):
                return None

        return cls(
            **text_fields("Change Plan worksheet", fields, FIELDS),
            importance=ruler(fields.get("importance")),
            confidence=ruler(fields.get("confidence")),
        )

    def fields(self) -> dict:
        return {
            **{k: getattr(self, k) for k in FIELDS},
            "importance": self.importance,
            "confidence": self.confidence,
        }


def ruler_questions(name: str, value: int) -> str:
    """The two classic follow-ups to a 0-10 ruler."""
    lower = max(0, value - 3)
    if value == 0:
        return (
            f"{name} is 0. What would have to happen for it to become a 1? (No need to "
            "change it: noticing is enough for now.)"
        )
    if value >= 10:
        return f"{name} is 10. What makes it that high? Those reasons are worth writing down."
    return (
        f"{name} is {value}. Why {value} and not {lower}? And what would it take to move it "
        f"to {value + 1}?"
    )


def analyse_change_plan(plan: ChangePlan) -> WorksheetFeedback:
    """Live feedback on a Change Plan. TypeError if a box is not text (see ChangePlan.from_fields)."""
    messages: list[Message] = []
    texts = text_fields("Change Plan worksheet", plan.fields(), FIELDS)
    messages.extend(safety_messages(texts.values()))
    for key, label in FIELDS.items():
        problem = length_problem(label, texts[key])
        if problem:
            messages.append(Message(TODO, problem, key))
        elif not texts[key].strip():
            messages.append(Message(TODO, f"Not filled in yet: {_lower_first(label)}.", key))
    for key, name in (("importance", "Importance"), ("confidence", "Confidence")):
        value = getattr(plan, key)
        if value is None:
            messages.append(Message(TODO, f"Rate {name.lower()} from 0 to 10.", key))
        elif not 0 <= value <= 10:
            messages.append(Message(TODO, f"{name} should be between 0 and 10.", key))
        else:
            messages.append(Message(INFO, ruler_questions(name, value), key))
    if (
        plan.importance is not None
        and plan.confidence is not None
        and plan.importance - plan.confidence >= 3
    ):
        messages.append(
            Message(
                INFO,
                "The change matters more to you than you feel able to make "
                "it. Small first steps and help from others build "
                "confidence.",
                "confidence",
            )
        )
    steps = lines_of(plan.steps)
    if steps:
        if any(_SPECIFIC.search(step) for step in steps):
            messages.append(
                Message(OK, f"{len(steps)} step(s), with at least one saying when.", "steps")
            )
        else:
            messages.append(
                Message(
                    TODO,
                    "Make at least one step specific: when, where or how often will you do it?",
                    "steps",
                )
            )
    if lines_of(plan.obstacles) and not re.search(
        r"\b(?:if|when|then|plan|instead)\b", analysed(plan.obstacles), re.IGNORECASE
    ):
        messages.append(
            Message(
                INFO,
                "For each thing that could interfere, add what you will do "
                "if it happens ('If ..., then I will ...').",
                "obstacles",
            )
        )
    complete = (
        all(texts[k].strip() for k in FIELDS)
        and plan.importance is not None
        and (plan.confidence is not None)
        and not any(m.kind == TODO for m in messages)
    )
    return WorksheetFeedback(tuple(messages), complete, {"steps": len(steps)})


def _lower_first(label: str) -> str:
    """'The steps I plan to take' -> 'the steps I plan to take' (keeps 'I' a capital)."""
    return label[:1].lower() + label[1:] if label[:2] != "I " else label
