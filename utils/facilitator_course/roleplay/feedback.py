"""Feedback on a single typed reply, as plain functions for graded notebooks.

nbgrader re-executes a notebook in a fresh kernel, so widget state is gone when it grades.
Exercises therefore ask for replies in answer cells and call `feedback_on_reply(line, reply)`,
which gives the same coding and advice as the role-play widget, never raises for an odd answer,
and shows itself as HTML in a notebook.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..safety import mentions_distress
from .coder import Coder, code_reply, label_name, summarize_codes
from .state import WEAK, quality

MAX_REPLY_CHARS = 600
MAX_REPLY_WORDS = 100


def check_reply_text(text: object) -> str | None:
    """A message for the learner if a reply cannot be coded, else None."""
    value = "" if text is None else str(text)
    if not value.strip():
        return (
            "Type your reply first: one or two sentences, as you would say them to the participant."
        )
    words = len(value.split())
    if len(value) > MAX_REPLY_CHARS or words > MAX_REPLY_WORDS:
        return (
            f"Your reply is {words} words long. In a meeting a reply is usually one or two "
            f"sentences: keep it under {MAX_REPLY_WORDS} words ({MAX_REPLY_CHARS} characters)"
            " so the participant can take it in."
        )
    return None


@dataclass(frozen=True)
class ReplyFeedback:
    """What the course says about one reply. `message` is set when the reply could not be coded."""

    participant: str
    reply: str
    code: str | None = None
    label: str = ""
    quality: str = ""
    explanation: str = ""
    cue: str = ""
    better: str | None = None
    labeling: bool = False
    disguised_advice: bool = False
    message: str = ""
    distress: bool = False

    @property
    def coded(self) -> bool:
        return self.code is not None

    @property
    def ok(self) -> bool:
        """Coded, and not a weak (advice without permission, confronting, labelling) reply."""
        return self.coded and self.quality != WEAK

    @property
    def html(self) -> str:
        from ..widgets.style import reply_feedback_html

        return reply_feedback_html(self)

    def _repr_html_(self) -> str:
        return self.html

    def __str__(self) -> str:
        if not self.coded:
            return self.message
        text = f"{self.label}: {self.explanation}".strip()
        if self.better:
            text += f" A more reflective option: {self.better}"
        return text


def feedback_on_reply(
    participant_line: str, reply: object, coder: Coder | None = None, model_reply: str | None = None
) -> ReplyFeedback:
    """Code a facilitator reply to a participant line and explain it.

    `model_reply` is the exercise's own suggested reply, offered when the reply is weak and the
    coder has no rewrite.
    """
    text = "" if reply is None else str(reply)
    distress = mentions_distress(text) or mentions_distress(participant_line)
    problem = check_reply_text(text)
    if problem:
        return ReplyFeedback(participant_line, text, message=problem, distress=distress)
    coded = code_reply(text.strip(), context=participant_line, coder=coder)
    if getattr(coded, "error", None):
        return ReplyFeedback(participant_line, text, message=str(coded.error), distress=distress)
    if not getattr(coded, "judged", True):
        return ReplyFeedback(
            participant_line, text, message=str(coded.explanation), distress=distress
        )
    labeling = bool(getattr(coded, "labeling", False))
    disguised = bool(getattr(coded, "disguised_advice", False))
    grade = quality(coded.code, labeling, disguised)
    better = None
    if grade == WEAK:
        better = getattr(coded, "rewrite", None) or model_reply
    return ReplyFeedback(
        participant=participant_line,
        reply=text.strip(),
        code=coded.code,
        label=label_name(coded.code),
        quality=grade,
        explanation=typed_feedback(coded, labeling, disguised),
        cue=str(getattr(coded, "cue", "") or ""),
        better=better,
        labeling=labeling,
        disguised_advice=disguised,
        distress=distress,
    )


def feedback_html(participant_line: str, reply: object, coder: Coder | None = None) -> str:
    """The same feedback, as an HTML string (escaped) for an HTML widget or display(HTML(...))."""
    return feedback_on_reply(participant_line, reply, coder).html


def summarize_replies(pairs: Iterable[tuple[str, str]], coder: Coder | None = None) -> Any:
    """The session summary (R:Q, %open questions...) for (participant line, reply) pairs typed in
    answer cells; empty or over-long replies are left out."""
    codes = []
    for line, reply in pairs:
        feedback = feedback_on_reply(line, reply, coder)
        if feedback.coded:
            codes.append(feedback.code)
    return summarize_codes(codes)


def typed_feedback(coded: Any, labeling: bool, disguised: bool) -> str:
    """The coder's explanation, worded as a hedged observation, with the course's flags added."""
    # The feedback engine's explanation already names the label and hedges by confidence
    # ("This reads as...", "This looks like..., but I am not sure"); a stand-in coder may not.
    explanation = str(getattr(coded, "explanation", "") or "").strip()
    name = label_name(coded.code)
    parts = [explanation if name.lower() in explanation.lower() else f"This looks like: {name}."]
    if explanation and parts[0] != explanation:
        parts.append(explanation)
    if labeling and "label" not in " ".join(parts).lower():
        parts.append(
            "It puts an identity label on the person; SMART meetings avoid labels "
            "because they can shame people and shut the conversation down."
        )
    if disguised:
        parts.append(
            "It is advice phrased as a question; the participant is likely to hear it "
            "as being told what to do."
        )
    return " ".join(parts)
