"""Sort statements into two groups (for example "a facilitator does / does not do this").

The exercise is data (a YAML file under data/quizzes/) so a trainer can add statements without
touching Python. Scoring is a pure function of the learner's choices, which the widget and the
tests both call.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..content import Checker, ContentError, load_yaml
from ..paths import data_dir


@dataclass(frozen=True)
class SortingItem:
    id: str
    text: str
    answer: str
    why: str


@dataclass(frozen=True)
class ItemFeedback:
    item: SortingItem
    chosen: str | None
    correct: bool

    @property
    def answered(self) -> bool:
        return self.chosen is not None


@dataclass(frozen=True)
class SortingResult:
    feedback: tuple[ItemFeedback, ...]

    @property
    def score(self) -> int:
        return sum(f.correct for f in self.feedback)

    @property
    def total(self) -> int:
        return len(self.feedback)

    @property
    def unanswered(self) -> int:
        return sum(not f.answered for f in self.feedback)

    @property
    def complete(self) -> bool:
        return self.unanswered == 0


@dataclass(frozen=True)
class SortingExercise:
    id: str
    title: str
    instructions: str
    choices: dict[str, str]
    items: tuple[SortingItem, ...]

    def score(self, chosen: dict[str, str | None]) -> SortingResult:
        """Score the learner's choices (item id -> choice key; missing or None = unanswered)."""
        return SortingResult(
            tuple(
                ItemFeedback(item, chosen.get(item.id), chosen.get(item.id) == item.answer)
                for item in self.items
            )
        )


def load_sorting_exercise(name_or_path: str | Path) -> SortingExercise:
    """Load a sorting exercise by name (a file in data/quizzes/) or by path; errors name the line."""
    path = Path(name_or_path)
    if not path.suffix:
        path = data_dir() / "quizzes" / f"{name_or_path}.yaml"
    data, lines = load_yaml(path)
    check = Checker(path, lines)
    if not isinstance(data, dict):
        raise ContentError(str(path), 1, "", "should be a mapping with id, title, choices, items")
    ex_id = check.require(data, "id", str)
    title = check.require(data, "title", str)
    choices = check.require(data, "choices", dict) or {}
    if choices and len(choices) != 2:
        check.error("choices", "should have exactly two entries (the two groups)")
    items: list[SortingItem] = []
    seen: set[str] = set()
    for index, raw in enumerate(check.require(data, "items", list) or []):
        where = f"items.{index}"
        item_id = check.require(raw, "id", str, where)
        text = check.require(raw, "text", str, where)
        answer = check.require(raw, "answer", str, where)
        why = check.require(raw, "why", str, where, expected="needs an explanation ('why')")
        if answer and answer not in choices:
            check.error(f"{where}.answer", f"should be one of: {', '.join(choices)}")
        if item_id in seen:
            check.error(f"{where}.id", f"'{item_id}' is used twice; ids must be unique")
        seen.add(item_id or "")
        if item_id and text and answer and why:
            items.append(SortingItem(item_id, text.strip(), answer, " ".join(why.split())))
    if check.errors:
        raise check.errors[0]
    return SortingExercise(
        ex_id,
        title,
        str(data.get("instructions", "")).strip(),
        {str(k): str(v) for k, v in choices.items()},
        tuple(items),
    )
