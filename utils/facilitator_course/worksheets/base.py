"""What every worksheet engine shares: feedback messages and limits on what a learner types.

Feedback on a worksheet is a list of short messages, each with a kind, so widgets can show them
as a checklist and tests can assert on them without parsing HTML.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..safety import mentions_distress

OK = "ok"  # this part is done well
TODO = "todo"  # something is missing or could be stronger
INFO = "info"  # an observation or a question to think about
SAFETY = "safety"  # the text mentions distress: resources come first

MAX_FIELD_CHARS = 2000
# Live feedback runs on every keystroke, so it reads at most this much of each box: a 1 MB paste
# would otherwise cost about a second per key. The text itself is kept whole (and saved); the
# length message tells the learner that only the start of an over-long box is checked.
ANALYSED_CHARS = 10_000


def analysed(text: str) -> str:
    """The part of a box that live feedback reads (see ANALYSED_CHARS)."""
    return text[:ANALYSED_CHARS]


def text_fields(worksheet: str, fields: Any, keys: Iterable[str]) -> dict[str, str]:
    """The text boxes of `fields` (missing or None -> ""), checked at the door.

    Raises TypeError with a plain message when `fields` is not a mapping or a box holds
    something other than text, instead of an AttributeError from deep inside the analysis.
    """
    if not isinstance(fields, Mapping):
        raise TypeError(
            f"{worksheet}: expected the boxes as a mapping (box name -> text), "
            f"got {type(fields).__name__}"
        )
    texts = {}
    for key in keys:
        value = fields.get(key)
        if value is None:
            value = ""
        if not isinstance(value, str):
            raise TypeError(
                f"{worksheet}: the box '{key}' should hold text, got {type(value).__name__} "
                f"{_preview(value)}"
            )
        texts[key] = value
    return texts


def require_text(where: str, value: Any) -> str:
    """`value` if it is text; else a TypeError naming `where` in plain words."""
    if not isinstance(value, str):
        raise TypeError(f"{where} should be text, got {type(value).__name__} {_preview(value)}")
    return value


def _preview(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


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
        checked = (
            f" Only the first {ANALYSED_CHARS:,} characters are checked; all of your text is kept."
            if len(text) > ANALYSED_CHARS
            else ""
        )
        return (
            f"{label} is {len(text)} characters long. Keep it under {limit}: a worksheet "
            f"works best with short, concrete lines.{checked}"
        )
    return None


def lines_of(text: str) -> list[str]:
    """Non-empty lines with list markers ('-', '*', '1.') removed."""
    items = []
    for raw in analysed(text or "").splitlines():
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
    if any(mentions_distress(analysed(t) if isinstance(t, str) else t) for t in texts):
        return [Message(SAFETY, DISTRESS_NOTE)]
    return []
