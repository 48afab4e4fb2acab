"""Each trainee's capstone, re-judged from the submitted typed moves, for certification and views.

The capstone module is the one whose instructor folder holds a sample `capstone-transcript.json`.
A trainee's submitted transcript is untrusted data: `group.transcript.rejudge` checks it and
replays it with the trainer's engine, so what the trainer sees is the meeting the volunteer played.
The trainer keeps the last word, in this order: an override of the overall result (with a reason,
capstone_overrides.py); else a whole-cell score of the capstone's graded cell that differs from
the engine's (`grade --item m6_capstone --score`, kept by a re-run of autograde); else the status
worked out from the ratings, with any rating the trainer overrode (with a reason) in place.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

import pandas as pd

from ..group.scoring import BLOCKED, PASS, CapstoneResult, score_session
from ..group.transcript import TRANSCRIPT_NAME, TranscriptError, load_transcript, replay
from .capstone_overrides import Override, apply_overrides, read_overrides, transcript_digest
from .cohort import CohortData


@dataclass(frozen=True)
class Move:
    """One typed facilitator move as the trainer's engine judged it (for the transcript view)."""

    number: int
    phase: str
    text: str
    code: str  # the coder's label, or "" when the move could not be judged
    judged: bool
    harmful: bool
    group_moves: tuple[str, ...]  # the group-level moves recognised (welcome, link_members...)
    note: str = ""  # why it was not judged, or that it was the escalation rule in action


@dataclass
class Capstone:
    """One trainee's capstone: the re-judged result (or why there is none) and the trainer's say."""

    module: str
    result: CapstoneResult | None  # with the trainer's rating overrides applied
    unusable: str | None  # why the transcript could not be re-judged
    overridden: str | None  # "pass" or "not yet" when the trainer's mark differs from the engine
    engine: CapstoneResult | None = None  # the engine's own result, before any override
    overrides: dict[str, Override] = field(default_factory=dict)
    moves: tuple[Move, ...] = ()
    trainee: str = ""
    digest: str = ""  # SHA-256 of the transcript judged, which each override names
    stale: dict[str, Override] = field(default_factory=dict)  # made on an earlier copy

    @property
    def status(self) -> str:
        """The status that counts: the trainer's say if any, else the (re-worked) ratings'."""
        if "overall" in self.overrides:
            return self.overrides["overall"].value
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


_REPLAYED: dict[tuple[str, int, int], tuple[CapstoneResult, tuple[Move, ...]]] = {}


def _moves(session) -> tuple[Move, ...]:
    return tuple(
        Move(
            r.number,
            r.phase,
            r.text,
            r.code if r.judged else "",
            r.judged,
            r.harmful and not r.crisis_override,
            tuple(dict.fromkeys(m.move for m in r.moves)),
            "the escalation rule in action"
            if r.crisis_override
            else ("" if r.judged else (r.reason or "not judged")),
        )
        for r in session.records
    )


def replayed(path: Path) -> tuple[CapstoneResult, tuple[Move, ...]]:
    """Re-judge a submitted transcript (untrusted data) once per version of the file.

    The dashboard, `report` and certification each ask for the same capstones; replaying and
    coding dozens of moves is the slow part, so the result is kept while the file is unchanged.
    """
    try:
        stat = path.stat()
    except OSError:
        stat = None
    key = (str(path), stat.st_mtime_ns, stat.st_size) if stat else None
    if key and key in _REPLAYED:
        return _REPLAYED[key]
    session = replay(load_transcript(path))  # raises TranscriptError, with the reason
    found = (score_session(session), _moves(session))
    if key:
        if len(_REPLAYED) > 256:
            _REPLAYED.clear()
        _REPLAYED[key] = found
    return found


def capstone_for(data: CohortData, trainee: str, module: str) -> Capstone | None:
    """None when the module was not handed in (its own certification reason says so)."""
    folder = data.course_root / "submitted" / trainee / module
    if not folder.is_dir():
        return None
    moves: tuple[Move, ...] = ()
    try:
        (engine, moves), unusable = replayed(folder / TRANSCRIPT_NAME), None
    except TranscriptError as exc:
        engine, unusable = None, str(exc)
    digest = transcript_digest(folder / TRANSCRIPT_NAME)
    overrides, stale = {}, {}
    for key, o in read_overrides(data.course_root, trainee, module).items():
        (overrides if o.transcript == digest else stale)[key] = o
    result = apply_overrides(engine, overrides) if engine else None
    passed = _trainer_mark(data, trainee, module)
    engine_passed = engine is not None and engine.status == PASS
    overridden = None
    if passed is not None and passed != engine_passed:
        overridden = PASS if passed else "not yet"
    return Capstone(
        module, result, unusable, overridden, engine, overrides, moves, trainee, digest, stale
    )


def capstone_reasons(capstone: Capstone | None) -> list[str]:
    """The certification reasons of a capstone that does not count as passed."""
    if capstone is None or capstone.status == PASS:
        return []
    where = f"{capstone.module}: capstone"
    overall = capstone.overrides.get("overall")
    if overall:
        return [f"{where} {capstone.status} ({overall.note})"]
    if capstone.overridden:
        return [f"{where} marked not passed by the trainer"]
    if capstone.result is None:
        return [f"{where} could not be scored ({capstone.unusable})"]
    if capstone.result.status == BLOCKED:
        return [f"{where} blocked (potentially harmful): " + "; ".join(capstone.result.reasons)]
    return [f"{where} not yet: " + "; ".join(capstone.result.reasons)]


def counted_data(data: CohortData, capstones: list[Capstone]) -> CohortData:
    """The cohort with each capstone cell scored as its status says (full marks for a pass).

    The gradebook holds the engine's score of the capstone cell (or a trainer's whole-cell mark);
    when the trainer's overrides of single ratings change the status, certification's module
    percentage and safety check must follow the status, not the stale cell score.
    """
    grades, subs = data.grades.copy(), data.submissions.copy()
    changed = False
    for c in capstones:
        item = _capstone_item(data, c.module)
        cell = (grades["trainee"] == c.trainee) & (grades["module"] == c.module)
        cell &= grades["item"] == item
        if not cell.any() or pd.isna(grades.loc[cell, "score"]).any():
            continue
        maximum = float(grades.loc[cell, "max_score"].iloc[0])
        before = float(grades.loc[cell, "score"].iloc[0])
        after = maximum if c.status == PASS else 0.0
        if after == before:
            continue
        changed = True
        grades.loc[cell, "score"] = after
        row = (subs["trainee"] == c.trainee) & (subs["module"] == c.module)
        if row.any() and not pd.isna(subs.loc[row, "score"]).any():
            score = float(subs.loc[row, "score"].iloc[0]) - before + after
            top = float(subs.loc[row, "max_score"].iloc[0] or 0)
            subs.loc[row, "score"] = score
            subs.loc[row, "percent"] = score / top if top else None
    return replace(data, grades=grades, submissions=subs) if changed else data
