"""Cost-Benefit Analysis: a 2x2 grid of the benefits and costs of doing and of stopping.

The tool works when it is honest, so the feedback asks for the real benefits of the behaviour as
well as its costs, and for every item to be tagged short-term or long-term: the common picture
(benefits now, costs later) is what the learner is meant to discover for themselves.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .base import (
    INFO,
    OK,
    TODO,
    Message,
    WorksheetFeedback,
    length_problem,
    lines_of,
    require_text,
    safety_messages,
    text_fields,
)

QUADRANTS: dict[str, str] = {
    "benefits_doing": "Benefits of doing it",
    "costs_doing": "Costs of doing it",
    "benefits_stopping": "Benefits of stopping",
    "costs_stopping": "Costs of stopping",
}
SHORT, LONG = "short", "long"
_TAG = re.compile(
    r"\s*(?:\((short|long)(?:[- ]term)?\)|\[(S|L|ST|LT)\]|\b(short|long)[- ]term\b\s*:?)\s*",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class CBAItem:
    text: str
    term: str = ""  # "short", "long" or "" (not tagged yet)


def parse_items(text: str) -> list[CBAItem]:
    """One item per line; a tag such as '(short)', '(long-term)', '[S]' or '[LT]' sets the term.

    Reads the first ANALYSED_CHARS characters (live feedback on a huge paste stays fast).
    Raises TypeError if `text` is not text.
    """
    items = []
    for line in lines_of(require_text("A CBA box", text)):
        term = ""
        match = _TAG.search(line)
        if match:
            tag = next(g for g in match.groups() if g).lower()
            term = SHORT if tag.startswith("s") else LONG
            line = (line[: match.start()] + " " + line[match.end() :]).strip(" :-")
        items.append(CBAItem(" ".join(line.split()), term))
    return items


@dataclass
class CostBenefitAnalysis:
    behaviour: str = ""
    items: dict[str, list[CBAItem]] = field(default_factory=lambda: {q: [] for q in QUADRANTS})

    def __post_init__(self) -> None:
        require_text("The CBA's behaviour", self.behaviour)

    @classmethod
    def from_fields(cls, fields: dict[str, str]) -> CostBenefitAnalysis:
        """The boxes as typed (a missing box is empty). TypeError if a box is not text."""
        texts = text_fields("CBA worksheet", fields, ("behaviour", *QUADRANTS))
        return cls(texts["behaviour"], {q: parse_items(texts[q]) for q in QUADRANTS})

    def fields(self) -> dict[str, str]:
        def line(item: CBAItem) -> str:
            return f"{item.text} ({item.term})" if item.term else item.text

        return {
            "behaviour": self.behaviour,
            **{q: "\n".join(line(i) for i in self.items[q]) for q in QUADRANTS},
        }


def analyse_cba(cba: CostBenefitAnalysis, raw: dict[str, str] | None = None) -> WorksheetFeedback:
    """Live feedback on a CBA. `raw` (the typed text) is used for length and distress checks.

    Raises TypeError if `cba` is not a CostBenefitAnalysis or a box of `raw` is not text.
    """
    if not isinstance(cba, CostBenefitAnalysis):
        raise TypeError(
            "analyse_cba() takes a CostBenefitAnalysis (see CostBenefitAnalysis.from_fields), "
            f"got {type(cba).__name__}"
        )
    raw = text_fields("CBA worksheet", raw or cba.fields(), ("behaviour", *QUADRANTS))
    messages: list[Message] = []
    messages.extend(safety_messages(raw.values()))
    for key, label in (("behaviour", "What you are weighing up"), *QUADRANTS.items()):
        problem = length_problem(label, raw.get(key, ""))
        if problem:
            messages.append(Message(TODO, problem, key))
    if not cba.behaviour.strip():
        messages.append(
            Message(
                TODO,
                "Name the behaviour you are weighing up (for example 'drinking on weekends').",
                "behaviour",
            )
        )
    for key, label in QUADRANTS.items():
        if not cba.items[key]:
            prompt = {
                "benefits_doing": "List what the behaviour really gives you. Being honest about "
                "its benefits is what makes the analysis believable.",
                "costs_doing": "List what the behaviour costs you, now and later.",
                "benefits_stopping": "List what you would gain by stopping.",
                "costs_stopping": "List what stopping would cost you or make harder; "
                "these are real too.",
            }[key]
            messages.append(Message(TODO, f"{label}: {prompt}", key))
        else:
            messages.append(Message(OK, f"{label}: {len(cba.items[key])} item(s).", key))
    untagged = [(k, i) for k, items in cba.items.items() for i in items if not i.term]
    if untagged:
        messages.append(
            Message(
                TODO,
                f"{len(untagged)} item(s) have no time tag. Add (short) or "
                "(long) to each line: does it matter now or later?",
                "terms",
            )
        )
    details = {
        k: {
            "short": sum(i.term == SHORT for i in v),
            "long": sum(i.term == LONG for i in v),
            "untagged": sum(not i.term for i in v),
        }
        for k, v in cba.items.items()
    }
    messages.extend(_patterns(details))
    complete = bool(cba.behaviour.strip()) and all(cba.items.values()) and not untagged
    if complete:
        messages.append(
            Message(
                OK,
                "All four boxes are filled and tagged. Read across the grid: "
                "which items matter most to you, and when?",
            )
        )
    return WorksheetFeedback(tuple(messages), complete, details)


def _patterns(details: dict[str, dict[str, int]]) -> list[Message]:
    """Point out the short-term/long-term pattern when it is there, without forcing it."""
    found = []
    benefits, costs = details["benefits_doing"], details["costs_doing"]
    if benefits["short"] > benefits["long"] and costs["long"] > costs["short"]:
        found.append(
            Message(
                INFO,
                "Most benefits of doing it are short-term while most of its "
                "costs are long-term. Many people find that pattern: the "
                "pull is now, the price comes later.",
                "pattern",
            )
        )
    gains = details["benefits_stopping"]
    if gains["long"] and gains["long"] >= gains["short"]:
        found.append(
            Message(
                INFO,
                "The benefits of stopping are mostly long-term. What could "
                "make some of them felt sooner?",
                "pattern",
            )
        )
    return found
