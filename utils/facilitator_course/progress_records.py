"""What the course records in a learner's progress: one method per kind of practice.

Kept apart from progress.py, which is about keeping the file safe (atomic saves, damaged files set
aside, two kernels not losing each other's work): every method here is one `update()` or `load()`
of one section, so a new kind of practice adds a method here without touching how the file is
written. `ProgressStore` mixes these in; learners' code only ever sees `ProgressStore`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _int(value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError, OverflowError):
        return 0


class CourseRecords:
    """The record-keeping half of `ProgressStore`, built on its `update` and `load`."""

    if TYPE_CHECKING:

        def update(self, change: Callable[[dict[str, Any]], None]) -> dict[str, Any]: ...

        def load(self, repair: bool = True) -> dict[str, Any]: ...

    def record_scenario(
        self, scenario_id: str, score: int, outcome: str, summary: dict[str, Any] | None = None
    ) -> dict[str, Any]:
        def change(data: dict[str, Any]) -> None:
            entry = data["scenarios"].get(scenario_id, {})
            entry["attempts"] = _int(entry.get("attempts", 0)) + 1
            entry["completed"] = True
            if "best_outcome" not in entry or int(score) >= _int(entry.get("best_score", 0)):
                entry["best_outcome"] = outcome  # the ending of the best-scoring run
            entry["best_score"] = max(_int(entry.get("best_score", 0)), int(score))
            entry["last_score"] = int(score)
            entry["last_outcome"] = outcome
            entry["last_summary"] = summary or {}
            entry["updated"] = _now()
            data["scenarios"][scenario_id] = entry

        return self.update(change)["scenarios"][scenario_id]

    def record_meeting(self, meeting_id: str, score: int, passed: bool) -> dict[str, Any]:
        def change(data: dict[str, Any]) -> None:
            entry = data["meetings"].get(meeting_id, {})
            entry["attempts"] = _int(entry.get("attempts", 0)) + 1
            entry["passed"] = bool(entry.get("passed", False)) or passed
            entry["best_score"] = max(_int(entry.get("best_score", 0)), int(score))
            entry["last_score"] = int(score)
            entry["last_passed"] = passed
            entry["updated"] = _now()
            data["meetings"][meeting_id] = entry

        return self.update(change)["meetings"][meeting_id]

    def record_drill(
        self, drill_id: str, agreement: float | None, kappa: float | None, answered: int
    ) -> dict[str, Any]:
        def change(data: dict[str, Any]) -> None:
            data["drills"][drill_id] = {
                "agreement": None if agreement is None else round(agreement, 1),
                "kappa": None if kappa is None else round(kappa, 3),
                "answered": answered,
                "updated": _now(),
            }

        return self.update(change)["drills"][drill_id]

    def save_draft(self, worksheet: str, fields: dict[str, Any]) -> None:
        def change(data: dict[str, Any]) -> None:
            data["worksheets"][worksheet] = {"fields": fields, "updated": _now()}

        self.update(change)

    def draft(self, worksheet: str) -> dict[str, Any] | None:
        entry = self.load()["worksheets"].get(worksheet)
        return dict(entry["fields"]) if isinstance(entry, dict) and "fields" in entry else None

    def save_sorting(
        self,
        exercise_id: str,
        choices: dict[str, str | None],
        score: int | None,
        total: int,
        cleared: bool = False,
    ) -> None:
        """A sorting exercise's answers as they stand (and the score once checked); `cleared`:
        the learner started again, so the earlier score goes too."""

        def change(data: dict[str, Any]) -> None:
            old = {} if cleared else data["sorting"].get(exercise_id, {})
            data["sorting"][exercise_id] = {
                "choices": {k: v for k, v in choices.items() if v is not None},
                "total": int(total),
                "score": score if score is not None else old.get("score"),
                "checked": bool(old.get("checked")) or score is not None,
                "updated": _now(),
            }

        self.update(change)

    def sorting(self, exercise_id: str) -> dict[str, Any] | None:
        entry = self.load()["sorting"].get(exercise_id)
        return dict(entry) if isinstance(entry, dict) else None

    def save_resume(self, key: str, state: dict[str, Any]) -> None:
        """Where a practice widget stands (drill position, a role-play's replies so far), so a
        reload or a server restart brings the learner back to the same place."""

        def change(data: dict[str, Any]) -> None:
            data["resume"][key] = {**state, "updated": _now()}

        self.update(change)

    def resume_state(self, key: str) -> dict[str, Any] | None:
        entry = self.load()["resume"].get(key)
        return dict(entry) if isinstance(entry, dict) else None
