"""The ABC(DE) worksheet: Activating event, Beliefs, Consequences, Dispute, Effective new belief.

The analysis comes from the feedback engine's REBT module (`facilitator_course.coding.rebt`), imported
lazily: irrational beliefs in B are found and typed (demands, awfulizing, "can't stand it",
global ratings) so they can be highlighted; the dispute in D is classified (empirical, logical,
pragmatic); and E is checked to be a flexible, rational belief rather than the old demand
reworded.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .base import (
    INFO,
    OK,
    TODO,
    Message,
    WorksheetFeedback,
    length_problem,
    safety_messages,
)

if TYPE_CHECKING:
    from ..coding.rebt import ABCCheck, BeliefAnalysis

PARTS: dict[str, str] = {
    "a": "A: Activating event",
    "b": "B: Beliefs",
    "c": "C: Consequences",
    "d": "D: Dispute",
    "e": "E: Effective new belief",
}
DISPUTE_KINDS = {
    "empirical": "an empirical dispute (where is the evidence?)",
    "logical": "a logical dispute (does it follow?)",
    "pragmatic": "a pragmatic dispute (does believing this help me?)",
}


@dataclass
class ABCWorksheet:
    a: str = ""
    b: str = ""
    c: str = ""
    d: str = ""
    e: str = ""

    @classmethod
    def from_fields(cls, fields: dict) -> ABCWorksheet:
        return cls(**{k: str(fields.get(k, "") or "") for k in PARTS})

    def fields(self) -> dict:
        return {k: getattr(self, k) for k in PARTS}


def _part_result(result: ABCCheck, name: str) -> tuple[bool, str] | None:
    """(ok, message) for one part of check_abc's result; None when that part was not given."""
    verdict = getattr(result, name)
    return None if verdict is None else (verdict.ok, verdict.message)


def _spans(analysis: BeliefAnalysis) -> list[dict]:
    """The belief spans as dicts, each marked `irrational` or not.

    The analysis finds rational phrases too (preferences, acceptance); only the types it lists
    as irrational are highlighted as such, so a good E is never shown as a problem.
    """
    irrational_types = set(analysis.irrational)
    return [
        {**span.to_dict(), "irrational": span.type in irrational_types} for span in analysis.spans
    ]


def analyse_abc(sheet: ABCWorksheet) -> WorksheetFeedback:
    """Feedback on each filled part; D and E are optional until B has been worked out."""
    from ..coding import analyse_belief, check_abc, classify_dispute

    messages: list[Message] = []
    fields = sheet.fields()
    messages.extend(safety_messages(fields.values()))
    too_long = False
    for key, label in PARTS.items():
        problem = length_problem(label, fields[key])
        if problem:
            too_long = True
            messages.append(Message(TODO, problem, key))
    if too_long:
        return WorksheetFeedback(tuple(messages), False, {})

    details: dict[str, Any] = {"b_spans": [], "e_spans": [], "dispute": None, "e_rational": None}
    if not any(fields.values()):
        messages.append(
            Message(
                TODO,
                "Start with C (how you felt and what you did or wanted to "
                "do), then A (what happened), then B (what you were telling "
                "yourself).",
            )
        )
        return WorksheetFeedback(tuple(messages), False, details)

    check = check_abc(sheet.a, sheet.b, sheet.c, sheet.d or None, sheet.e or None)
    for key in ("a", "c"):
        part = _part_result(check, key)
        if not fields[key].strip():
            messages.append(Message(TODO, f"{PARTS[key]} is empty.", key))
        elif part is not None:
            messages.append(Message(OK if part[0] else TODO, part[1] or PARTS[key], key))

    if sheet.b.strip():
        belief = analyse_belief(sheet.b)
        details["b_spans"] = _spans(belief)
        if getattr(belief, "irrational", False):
            kinds = sorted(
                {
                    str(s["type"]).replace("_", " ")
                    for s in details["b_spans"]
                    if s.get("type") and s["irrational"]
                }
            )
            found = ", ".join(kinds) if kinds else "an irrational belief"
            messages.append(
                Message(
                    OK,
                    f"You found the belief behind the feeling ({found}). "
                    "That is the part to dispute.",
                    "b",
                )
            )
        else:
            part = _part_result(check, "b")
            messages.append(
                Message(
                    TODO,
                    (
                        part[1]
                        if part and part[1]
                        else "No demand ('must', 'should'), awfulizing, 'I can't "
                        "stand it' or put-down found. What were you telling "
                        "yourself at the time?"
                    ),
                    "b",
                )
            )
        explanation = str(getattr(belief, "explanation", "") or "")
        if explanation:
            messages.append(Message(INFO, explanation, "b"))
    else:
        messages.append(
            Message(TODO, f"{PARTS['b']} is empty: what were you telling yourself?", "b")
        )

    if sheet.d.strip():
        dispute = classify_dispute(sheet.d)
        kind = str(getattr(dispute, "kind", "none"))
        details["dispute"] = kind
        if kind in DISPUTE_KINDS:
            messages.append(
                Message(
                    OK,
                    f"This reads as {DISPUTE_KINDS[kind]}. "
                    + str(getattr(dispute, "explanation", "") or ""),
                    "d",
                )
            )
        else:
            messages.append(
                Message(
                    TODO,
                    "Turn the belief into a question: Where is the "
                    "evidence? Does it follow? Does it help me?",
                    "d",
                )
            )
    elif sheet.b.strip():
        messages.append(
            Message(
                TODO,
                "D: question the belief in B. Where is the evidence? Does "
                "it follow? Does believing it help you?",
                "d",
            )
        )

    if sheet.e.strip():
        effective = analyse_belief(sheet.e)
        details["e_spans"] = _spans(effective)
        rational = not getattr(effective, "irrational", False)
        # check_abc's verdict counts too: it also refuses an E with no rational belief in it.
        verdict = _part_result(check, "e")
        if verdict is not None and not verdict[0]:
            rational = False
        details["e_rational"] = rational
        if rational:
            messages.append(
                Message(
                    OK,
                    (verdict[1] if verdict and verdict[1] else "")
                    or "E reads as a flexible, rational belief.",
                    "e",
                )
            )
        else:
            messages.append(
                Message(
                    TODO,
                    (verdict[1] + " " if verdict and verdict[1] else "")
                    + "Try a preference instead of a demand: 'I'd like..., but it "
                    "doesn't have to...'.",
                    "e",
                )
            )
    elif sheet.d.strip():
        messages.append(
            Message(
                TODO, "E: write the new, more helpful belief that comes out of your dispute.", "e"
            )
        )

    complete = (
        bool(getattr(check, "all_ok", False))
        and all(fields.values())
        and (details["e_rational"] is True)
        and details["dispute"] in DISPUTE_KINDS
    )
    return WorksheetFeedback(tuple(messages), complete, details)
