"""The one door from the role-play engines to the feedback engine (`facilitator_course.coding`).

The coder is imported lazily, inside each function, for two reasons: importing a scenario or
checking a file must stay fast and must not pay for the coder's models, and engines here can be
tested with a stand-in coder (any callable with the same signature) before or without it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Protocol


class Coded(Protocol):
    """What the role-play needs from a coded response (facilitator_course.coding.CodedResponse)."""

    code: str
    confidence: float
    cue: str
    explanation: str
    labeling: bool
    disguised_advice: bool
    rewrite: str | None
    error: str | None


Coder = Callable[..., Coded]


def labels() -> tuple[str, ...]:
    """The 13 response labels, in the coder's order."""
    from ..coding import LABELS

    return tuple(LABELS)


def label_name(code: str) -> str:
    """A readable name for a label ("reflection_complex" -> "Complex reflection")."""
    try:
        from ..coding import LABEL_NAMES

        return str(LABEL_NAMES.get(code, code))
    except ImportError:  # only while the feedback engine is missing: degrade, never crash
        return code.replace("_", " ").capitalize()


def default_coder() -> Coder:
    from ..coding import code_response

    return code_response


def code_reply(
    text: str,
    context: str | None = None,
    coder: Coder | None = None,
    related: tuple[str, ...] = (),
) -> Coded:
    """Judge one facilitator reply, given the participant line it answers and (optionally) other
    text it may pick up (earlier lines, the scenario's words for this line)."""
    if coder is None:
        return default_coder()(text, context=context, related=related)
    return coder(text, context=context)


def summarize_codes(codes: Sequence[str]) -> Any:
    """The session summary (R:Q, %open questions, %complex reflections...) for a list of labels."""
    from ..coding import summarize

    return summarize(list(codes))
