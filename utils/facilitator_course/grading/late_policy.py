"""The course's late policy (course/course.yml `late_policy`): a grace period, and what late means.

nbgrader records how many seconds after the due date each submission arrived. The policy turns
that into what a trainer and a trainee need: within the grace period a submission is on time;
beyond it, it is late by so many days, and the course says whether late work still counts for
certification ("counts") or does not ("not counted", until the trainer moves the due date with
`release --due` or marks the module's items by hand).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..content import Checker, ContentError, load_yaml

COUNTS = "counts"
NOT_COUNTED = "not counted"
DAY = 86_400.0


@dataclass(frozen=True)
class LatePolicy:
    grace_days: float = 0.0
    for_certification: str = COUNTS

    @property
    def grace_seconds(self) -> float:
        return self.grace_days * DAY

    def is_late(self, seconds_late: float | None) -> bool:
        return bool(seconds_late) and float(seconds_late or 0) > self.grace_seconds

    def late_days(self, seconds_late: float | None) -> float:
        """Days late beyond the due date (0 when on time or within the grace period)."""
        return round(float(seconds_late or 0) / DAY, 1) if self.is_late(seconds_late) else 0.0

    def describe(self) -> str:
        grace = (
            f"{self.grace_days:g} day(s) of grace after the due date"
            if self.grace_days
            else ("no grace period")
        )
        counts = (
            "late work still counts for certification"
            if self.for_certification == COUNTS
            else "late work does not count for certification"
        )
        return f"Late policy: {grace}; {counts}."


@lru_cache(maxsize=8)
def _load(path: str, stamp: float) -> LatePolicy:
    data, lines = load_yaml(Path(path))
    check = Checker(Path(path), lines)
    raw = (data or {}).get("late_policy") if isinstance(data, dict) else None
    if raw is None:
        return LatePolicy()
    if not isinstance(raw, dict):
        raise ContentError(path, lines.line("late_policy"), "late_policy", "should be a mapping")
    grace = raw.get("grace_days", 0)
    if not isinstance(grace, (int, float)) or isinstance(grace, bool) or not 0 <= grace <= 365:
        check.error("late_policy.grace_days", "should be a number of days from 0 to 365")
        grace = 0
    rule = raw.get("for_certification", COUNTS)
    if rule not in (COUNTS, NOT_COUNTED):
        check.error("late_policy.for_certification", f"should be '{COUNTS}' or '{NOT_COUNTED}'")
        rule = COUNTS
    if check.errors:
        raise check.errors[0]
    return LatePolicy(float(grace), str(rule))


def late_policy(repository: Path) -> LatePolicy:
    """The policy in `<repository>/course/course.yml` (no section: no grace, late work counts)."""
    path = Path(repository) / "course" / "course.yml"
    if not path.is_file():
        return LatePolicy()
    return _load(str(path), path.stat().st_mtime)
