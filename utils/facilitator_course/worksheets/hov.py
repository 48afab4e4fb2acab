"""Hierarchy of Values: list what matters most, then see where the behaviour fits among them.

The exercise builds discrepancy, the gap between how someone lives and what they value, which
is a motivation the person finds in their own words; so the feedback asks questions and checks
that every value has been looked at, and never tells the learner what to value.
"""

from __future__ import annotations

from dataclasses import dataclass

from .base import (
    INFO,
    OK,
    TODO,
    Message,
    WorksheetFeedback,
    length_problem,
    lines_of,
    safety_messages,
)

TOP_VALUES = 5


@dataclass
class HierarchyOfValues:
    values: str = ""  # one value per line, most important first
    behaviour: str = ""  # the behaviour being looked at
    effects: str = ""  # one line per value: "value: how the behaviour affects it"

    @classmethod
    def from_fields(cls, fields: dict) -> HierarchyOfValues:
        return cls(*(str(fields.get(k, "") or "") for k in ("values", "behaviour", "effects")))

    def fields(self) -> dict:
        return {"values": self.values, "behaviour": self.behaviour, "effects": self.effects}

    def value_list(self) -> list[str]:
        return lines_of(self.values)

    def effect_map(self) -> dict[str, str]:
        """value (lower case) -> how the behaviour affects it, from 'value: effect' lines."""
        result = {}
        for line in lines_of(self.effects):
            if ":" in line:
                value, effect = line.split(":", 1)
                result[value.strip().lower()] = effect.strip()
        return result


def analyse_hov(hov: HierarchyOfValues) -> WorksheetFeedback:
    messages: list[Message] = []
    messages.extend(safety_messages(hov.fields().values()))
    for key, text in hov.fields().items():
        problem = length_problem(key.capitalize(), text)
        if problem:
            messages.append(Message(TODO, problem, key))
    values = hov.value_list()
    lowered = [v.lower() for v in values]
    duplicates = sorted({v for v in lowered if lowered.count(v) > 1})
    if not values:
        messages.append(
            Message(
                TODO,
                f"List your top {TOP_VALUES} values, one per line, the most "
                "important first (for example family, health, honesty).",
                "values",
            )
        )
    elif len(values) < TOP_VALUES:
        messages.append(
            Message(TODO, f"{len(values)} value(s) so far; aim for {TOP_VALUES}.", "values")
        )
    else:
        messages.append(Message(OK, f"{len(values)} values listed.", "values"))
    if duplicates:
        messages.append(Message(TODO, "Listed twice: " + ", ".join(duplicates) + ".", "values"))
    if not hov.behaviour.strip():
        messages.append(
            Message(
                TODO,
                "Name the behaviour you are looking at, and ask yourself: "
                "in practice, how much room has it taken in my life?",
                "behaviour",
            )
        )
    effects = hov.effect_map()
    missing = [v for v in values[:TOP_VALUES] if v.lower() not in effects]
    if values and hov.behaviour.strip():
        if missing:
            messages.append(
                Message(
                    TODO,
                    "How does the behaviour affect: "
                    + ", ".join(missing)
                    + "? Write one line each, as 'value: how it affects it'.",
                    "effects",
                )
            )
        else:
            messages.append(
                Message(OK, "You looked at how the behaviour affects each value.", "effects")
            )
            messages.append(
                Message(
                    INFO,
                    "Looking at these lines, what would you like to put in the behaviour's place?",
                    "effects",
                )
            )
    complete = (
        len(values) >= TOP_VALUES
        and not duplicates
        and bool(hov.behaviour.strip())
        and (not missing)
        and not any(m.kind == TODO for m in messages)
    )
    return WorksheetFeedback(
        tuple(messages), complete, {"values": values, "missing_effects": missing}
    )
