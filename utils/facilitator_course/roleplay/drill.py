"""The coding drill: the learner labels sample replies and is compared with expert labels.

Agreement is reported the way MI coders report it to each other: percent agreement and Cohen's
kappa (agreement corrected for chance), with a per-label breakdown, because learning to *hear*
a reflection versus a question is the first step to producing one.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..content import Checker, ContentError, load_yaml
from ..paths import data_dir
from .coder import labels
from .schema import unknown_fields
from .text import report_text_problems

DRILL_FIELDS = ("id", "title", "instructions", "items")
ITEM_FIELDS = ("id", "participant", "response", "label", "why")


@dataclass(frozen=True)
class DrillItem:
    id: str
    participant: str
    response: str
    label: str
    why: str


@dataclass(frozen=True)
class ItemResult:
    item: DrillItem
    chosen: str | None

    @property
    def answered(self) -> bool:
        return self.chosen is not None

    @property
    def agreed(self) -> bool:
        return self.chosen == self.item.label


@dataclass(frozen=True)
class LabelStats:
    """For one expert label: how many items had it and how many the learner matched."""

    label: str
    expert: int
    agreed: int
    chosen: int  # how often the learner used this label


@dataclass(frozen=True)
class DrillResult:
    items: tuple[ItemResult, ...]

    @property
    def answered(self) -> list[ItemResult]:
        return [r for r in self.items if r.answered]

    @property
    def agreement(self) -> float | None:
        """Percent agreement on the answered items (None before any answer)."""
        answered = self.answered
        if not answered:
            return None
        return 100.0 * sum(r.agreed for r in answered) / len(answered)

    @property
    def kappa(self) -> float | None:
        return cohens_kappa(
            [r.item.label for r in self.answered], [r.chosen for r in self.answered]
        )  # type: ignore[misc]

    def per_label(self) -> list[LabelStats]:
        expert = Counter(r.item.label for r in self.answered)
        chosen = Counter(r.chosen for r in self.answered)
        agreed = Counter(r.item.label for r in self.answered if r.agreed)
        order = [lab for lab in labels() if expert[lab] or chosen[lab]]
        return [LabelStats(lab, expert[lab], agreed[lab], chosen[lab]) for lab in order]

    def confusions(self) -> list[tuple[str, str, int]]:
        """(expert label, learner label, count) for disagreements, most frequent first."""
        pairs = Counter((r.item.label, r.chosen) for r in self.answered if not r.agreed)
        return [(a, b, n) for (a, b), n in pairs.most_common()]  # type: ignore[misc]


def cohens_kappa(expert: Sequence[str], learner: Sequence[str]) -> float | None:
    """Cohen's kappa for two raters over the same items; None when there is nothing to compare.

    When both raters used one single category throughout, chance agreement is 1 and kappa is
    undefined; we return 1.0 if they agreed everywhere (perfect) and 0.0 otherwise.
    """
    if len(expert) != len(learner):
        raise ValueError("both raters must label the same items")
    n = len(expert)
    if n == 0:
        return None
    observed = sum(a == b for a, b in zip(expert, learner, strict=True)) / n
    count_e, count_l = Counter(expert), Counter(learner)
    chance = sum(count_e[k] * count_l[k] for k in count_e) / (n * n)
    if chance >= 1.0:
        return 1.0 if observed == 1.0 else 0.0
    return (observed - chance) / (1.0 - chance)


@dataclass(frozen=True)
class CodingDrill:
    id: str
    title: str
    instructions: str
    items: tuple[DrillItem, ...]

    def score(self, answers: Mapping[str, str | None]) -> DrillResult:
        """Compare the learner's labels (item id -> label; missing = unanswered)."""
        return DrillResult(
            tuple(ItemResult(item, answers.get(item.id) or None) for item in self.items)
        )


def drills_dir() -> Path:
    return data_dir() / "drills"


def check_drill_file(path: Path | str) -> tuple[CodingDrill | None, list[ContentError]]:
    path = Path(path)
    try:
        data, lines = load_yaml(path)
    except ContentError as exc:
        return None, [exc]
    check = Checker(path, lines)
    if not isinstance(data, dict):
        check.error("", "should be a mapping with id, title, instructions, items")
        return None, check.errors
    unknown_fields(check, data, DRILL_FIELDS, "")
    drill_id = check.require(data, "id", str)
    title = check.require(data, "title", str)
    instructions = check.require(data, "instructions", str)
    label_set = labels()
    items, seen = [], set()
    for index, raw in enumerate(check.require(data, "items", list) or []):
        where = f"items.{index}"
        unknown_fields(check, raw, ITEM_FIELDS, where)
        item_id = check.require(raw, "id", str, where)
        response = check.require(raw, "response", str, where)
        label = check.require(raw, "label", str, where)
        why = check.require(raw, "why", str, where, expected="is missing: explain the label")
        participant = raw.get("participant", "") if isinstance(raw, dict) else ""
        if label and label not in label_set:
            check.error(f"{where}.label", f"should be one of: {', '.join(label_set)}")
        if item_id in seen:
            check.error(f"{where}.id", f"'{item_id}' is used twice; ids must be unique")
        seen.add(item_id)
        report_text_problems(
            check,
            (
                (f"{where}.why", why or "", True),
                (f"{where}.participant", str(participant or ""), False),
            ),
        )
        if item_id and response and label in label_set and why:
            items.append(
                DrillItem(
                    item_id,
                    " ".join(str(participant or "").split()),
                    " ".join(response.split()),
                    label,
                    " ".join(why.split()),
                )
            )
    if drill_id and drill_id != path.stem:
        check.error("id", f"should match the file name: '{path.stem}'")
    if check.errors or not (drill_id and title and instructions):
        return None, check.errors
    return CodingDrill(drill_id, title, " ".join(instructions.split()), tuple(items)), []


def load_drill(name_or_path: str | Path = "mi-labels") -> CodingDrill:
    path = Path(name_or_path)
    if path.suffix not in (".yaml", ".yml"):
        path = drills_dir() / f"{name_or_path}.yaml"
    drill, errors = check_drill_file(path)
    if errors:
        raise errors[0]
    assert drill is not None
    return drill
