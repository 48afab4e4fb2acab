"""Each trainee's capstone, re-judged from the submitted typed moves, for certification and views.

The capstone module is the one whose instructor folder holds a sample `capstone-transcript.json`.
A trainee's submitted transcript is untrusted data: `group.transcript.rejudge` checks it and
replays it with the trainer's engine, so what the trainer sees is the meeting the volunteer played.
The trainer keeps the last word: the gradebook score of the capstone's graded cell (which a
`grade --item ... --score` override changes, and which a re-run of autograde keeps) decides
whether the capstone counts as passed; the re-judged status and reasons explain it.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ..group.scoring import BLOCKED, PASS, CapstoneResult
from ..group.transcript import TRANSCRIPT_NAME, TranscriptError, rejudge
from .cohort import CohortData


@dataclass
class Capstone:
    """One trainee's capstone: the re-judged result (or why there is none) and the trainer's say."""

    module: str
    result: CapstoneResult | None
    unusable: str | None  # why the transcript could not be re-judged
    overridden: str | None  # "pass" or "not yet" when the trainer's mark differs from the engine

    @property
    def status(self) -> str:
        """The status that counts: the trainer's override if any, else the engine's."""
        if self.overridden:
            return self.overridden
        return self.result.status if self.result else "missing"


def capstone_modules(data: CohortData) -> list[str]:
    return [
        m.id
        for m in data.course.modules
        if (data.course.solutions_dir / m.id / TRANSCRIPT_NAME).is_file()
    ]


def _capstone_item(data: CohortData, module: str) -> str | None:
    graded = [item for (mod, item), info in data.items.items() if mod == module and not info.manual]
    return graded[0] if graded else None


def _trainer_mark(data: CohortData, trainee: str, module: str) -> bool | None:
    """True/False when the capstone cell has a score (full marks or not); None when ungraded."""
    item = _capstone_item(data, module)
    g = data.grades
    row = g[(g["trainee"] == trainee) & (g["module"] == module) & (g["item"] == item)]
    if row.empty or pd.isna(row["score"].iloc[0]):
        return None
    return bool(row["score"].iloc[0] >= row["max_score"].iloc[0])


def capstone_for(data: CohortData, trainee: str, module: str) -> Capstone | None:
    """None when the module was not handed in (its own certification reason says so)."""
    folder = data.course_root / "submitted" / trainee / module
    if not folder.is_dir():
        return None
    try:
        result, unusable = rejudge(folder / TRANSCRIPT_NAME), None
    except TranscriptError as exc:
        result, unusable = None, str(exc)
    passed = _trainer_mark(data, trainee, module)
    engine_passed = result is not None and result.status == PASS
    overridden = None
    if passed is not None and passed != engine_passed:
        overridden = PASS if passed else "not yet"
    return Capstone(module, result, unusable, overridden)


def capstone_reasons(capstone: Capstone | None) -> list[str]:
    """The certification reasons of a capstone that does not count as passed."""
    if capstone is None or capstone.status == PASS:
        return []
    where = f"{capstone.module}: capstone"
    if capstone.overridden:
        return [f"{where} marked not passed by the trainer"]
    if capstone.result is None:
        return [f"{where} could not be scored ({capstone.unusable})"]
    if capstone.result.status == BLOCKED:
        return [f"{where} blocked (potentially harmful): " + "; ".join(capstone.result.reasons)]
    return [f"{where} not yet: " + "; ".join(capstone.result.reasons)]
