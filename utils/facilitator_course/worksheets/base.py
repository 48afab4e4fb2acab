"""What every worksheet engine shares: feedback messages and limits on what a learner types.

Feedback on a worksheet is a list of short messages, each with a kind, so widgets can show them
as a checklist and tests can assert on them without parsing HTML.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from ..safety import mentions_distress

OK = "ok"  # this part is done well
TODO = "todo"  # something is missing or could be stronger
INFO = "info"  # an observation or a question to think about
SAFETY = "safety"  # the text mentions distress: resources come first

MAX_FIELD_CHARS = 2000


@dataclass(frozen=True)
class Message:
    kind: str
    text: str
    part: str = ""  # which field or section the message is about


@dataclass(frozen=True)
class WorksheetFeedback:
    messages: tuple[Message, ...] = ()
    complete: bool = False
    details: dict = field(default_factory=dict)

    def of_kind(self, kind: str) -> list[Message]:
        return [m for m in self.messages if m.kind == kind]

    def about(self, part: str) -> list[Message]:
        return [m for m in self.messages if m.part == part]

    @property
    def distress(self) -> bool:
        return any(m.kind == SAFETY for m in self.messages)


def length_problem(label: str, text: str, limit: int = MAX_FIELD_CHARS) -> str | None:
    """A clear message for an over-long field (empty fields get their own, specific prompts)."""
    if len(text) > limit:
        return (
            f"{label} is {len(text)} characters long. Keep it under {limit}: a worksheet "
            "works best with short, concrete lines."
        )
    return None


def lines_of(text: str) -> list[str]:
    """Non-empty lines with list markers ('-', '*', '1.') removed."""
    items = []
    for raw in (text or "").splitlines():
        line = raw.strip().lstrip("-*•").strip()
        if len(line) > 2 and line[0].isdigit() and line[1] in ".)":
            line = line[2:].strip()
        if line:
            items.append(line)
    return items


DISTRESS_NOTE = (
    "Some of what you wrote sounds like distress, or mentions suicide, self-harm or overdose. "
    "If that is about you or someone near you now, please reach out to the resources shown."
)


def safety_messages(texts: Iterable[object]) -> list[Message]:
    """The safety message, first, when any of the typed texts mentions distress; else nothing.

    Every worksheet puts it before its other feedback, so resources are the first thing read.
    """
    if any(mentions_distress(text) for text in texts):
        return [Message(SAFETY, DISTRESS_NOTE)]
    return []
