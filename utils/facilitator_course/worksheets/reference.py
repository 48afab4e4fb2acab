"""Comparing a learner's worksheet with the reference answer for an exercise.

A worksheet has no single right wording, so the comparison looks for the *ideas* a good answer
contains (each idea is satisfied by any of several words or phrases) and then shows the model
answer beside the learner's. It never marks the learner's own feelings or values as wrong.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Idea:
    label: str
    any_of: tuple[str, ...]

    def found_in(self, text: str) -> bool:
        lowered = text.lower()
        return any(re.search(r"(?<!\w)" + re.escape(alt.lower()), lowered) for alt in self.any_of)


@dataclass(frozen=True)
class ReferenceAnswer:
    id: str
    worksheet: str  # abc / cba / change_plan / hov / urge_log
    title: str
    situation: str
    model: dict[str, str]
    ideas: dict[str, tuple[Idea, ...]]
    labels: dict[str, str]  # field -> heading


@dataclass(frozen=True)
class FieldComparison:
    field: str
    label: str
    text: str
    covered: tuple[Idea, ...]
    missing: tuple[Idea, ...]
    model: str


@dataclass(frozen=True)
class Comparison:
    reference: ReferenceAnswer
    fields: tuple[FieldComparison, ...]

    @property
    def covered(self) -> int:
        return sum(len(f.covered) for f in self.fields)

    @property
    def total(self) -> int:
        return sum(len(f.covered) + len(f.missing) for f in self.fields)

    @property
    def coverage(self) -> int:
        return round(100 * self.covered / self.total) if self.total else 100

    @property
    def summary(self) -> str:
        return (
            f"Your answer touches {self.covered} of the {self.total} key ideas in the "
            "reference answer. Differences are things to consider, not mistakes: it is your "
            "worksheet."
        )


def _flatten(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dict):
        return " ".join(_flatten(v) for v in value.values())
    if isinstance(value, list | tuple):
        return " ".join(_flatten(v) for v in value)
    return str(value)


def compare_with_reference(fields: dict[str, Any], reference: ReferenceAnswer | str) -> Comparison:
    """Which of the reference's key ideas the learner's fields contain, field by field."""
    if isinstance(reference, str):
        from .exercises import reference_answer

        reference = reference_answer(reference)
    results = []
    all_text = _flatten(fields)
    for field, label in reference.labels.items():
        # Urge-log entries are one list, so their ideas are looked for across the whole log.
        text = all_text if field == "entries" else _flatten(fields.get(field))
        ideas = reference.ideas.get(field, ())
        covered = tuple(i for i in ideas if i.found_in(text))
        missing = tuple(i for i in ideas if not i.found_in(text))
        results.append(
            FieldComparison(field, label, text, covered, missing, reference.model.get(field, ""))
        )
    return Comparison(reference, tuple(results))
