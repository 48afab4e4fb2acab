"""The course definition (course/course.yml), loaded and checked once.

Modules, outcomes, competencies, graded items and pass criteria are data so that a trainer can
change the course without touching code; everything else (build, dashboard, certification, the
home page) reads them from here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .content import Checker, ContentError, load_yaml
from .paths import repo_root


@dataclass(frozen=True)
class Item:
    grade_id: str
    competency: str
    safety: bool = False
    manual: bool = False
    # A role-play item: its answer cell (grade id + "_answer") holds a facilitator's typed reply,
    # which the cohort dashboard codes for the trainee's MI profile.
    roleplay: bool = False
    # A reflective journal or a supervised-practice log: the trainee's own experience, marked by
    # the trainer, so it has no place in the self-check.
    personal: bool = False


@dataclass(frozen=True)
class Notebook:
    file: str
    kind: str  # "lesson" or "exercise"


# The parts of a module's learner hours (`estimated_hours` in course.yml): reading at about 200
# words a minute, practice in the lesson, the graded exercise, and supervised practice in real
# meetings. Trainers plan a cohort's weeks from them, so every module states all four.
HOUR_PARTS = ("reading", "practice", "exercise", "supervised")


@dataclass(frozen=True)
class Module:
    id: str
    title: str
    outcomes: tuple[str, ...]
    notebooks: tuple[Notebook, ...]
    items: tuple[Item, ...]
    pass_fraction: float
    # {part: hours} for the parts in HOUR_PARTS; empty when course.yml states none.
    estimated_hours: dict[str, float] = field(default_factory=dict, compare=False)

    def item(self, grade_id: str) -> Item | None:
        return next((i for i in self.items if i.grade_id == grade_id), None)

    @property
    def total_hours(self) -> float:
        return sum(self.estimated_hours.values())


@dataclass(frozen=True)
class Certification:
    every_module_passed: bool = True
    safety_items_all_correct: bool = True
    mi_profile_at_least: str = "fair"


@dataclass(frozen=True)
class SelfCheckSettings:
    """How the web app's self-check behaves (course.yml `self_check`). A trainer running graded
    cohorts may set `reveal_answers: false` so the self-check never shows (or loads) the graded
    exercise's answers before submission; self-study keeps the default, true."""

    reveal_answers: bool = True


@dataclass(frozen=True)
class Course:
    id: str
    title: str
    independence: str
    country: str
    competencies: dict[str, str]
    modules: tuple[Module, ...]
    certification: Certification
    root: Path = field(compare=False)
    # The course's stated learner hours: the sum of every module's `estimated_hours`.
    estimated_hours_total: float | None = None
    self_check: SelfCheckSettings = SelfCheckSettings()

    def module(self, module_id: str) -> Module:
        for module in self.modules:
            if module.id == module_id:
                return module
        raise KeyError(f"No module '{module_id}' in course/course.yml")

    @property
    def solutions_dir(self) -> Path:
        return self.root / "solutions"

    @property
    def modules_dir(self) -> Path:
        return self.root / "modules"


def _hours(check: Checker, raw: object, where: str) -> dict[str, float]:
    """A module's `estimated_hours`: a mapping of HOUR_PARTS to hours (a missing module-level
    mapping is left to the course-definition test, so a new module in progress still loads)."""
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        check.error(f"{where}.estimated_hours", f"should map {', '.join(HOUR_PARTS)} to hours")
        return {}
    hours: dict[str, float] = {}
    for part, value in raw.items():
        if part not in HOUR_PARTS:
            check.error(
                f"{where}.estimated_hours.{part}", f"should be one of {', '.join(HOUR_PARTS)}"
            )
        elif isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
            check.error(f"{where}.estimated_hours.{part}", "should be a number of hours, 0 or more")
        else:
            hours[str(part)] = float(value)
    return hours


def _self_check(check: Checker, raw: object) -> SelfCheckSettings:
    """`self_check: {reveal_answers: true|false}`; absent means the self-study default."""
    if raw is None:
        return SelfCheckSettings()
    if not isinstance(raw, dict):
        check.error("self_check", "should be a mapping like {reveal_answers: true}")
        return SelfCheckSettings()
    for key in raw:
        if key != "reveal_answers":
            check.error(f"self_check.{key}", "is not a self-check setting (only reveal_answers)")
    reveal = raw.get("reveal_answers", True)
    if not isinstance(reveal, bool):
        check.error(
            "self_check.reveal_answers",
            f"should be true (show the right answers) or false (keep them for the trainer's "
            f"feedback), not {reveal!r}",
        )
        return SelfCheckSettings()
    return SelfCheckSettings(reveal_answers=reveal)


# Parsed course.yml files by path, with the (mtime, size) they were read at. A lesson page asks
# for the course a few dozen times (navigation, outcomes, and the crisis line's country for every
# placeholder of a scenario), which cost about a second before its first widget showed.
_LOADED: dict[Path, tuple[tuple[int, int], Course]] = {}


def load_course(root: Path | None = None) -> Course:
    """Load course/course.yml from the repository (found from the working directory by default).

    Read once per process while the file is unchanged (a changed file is read again)."""
    root = root or repo_root()
    path = root / "course" / "course.yml"
    try:
        stat = path.stat()
        stamp = (stat.st_mtime_ns, stat.st_size)
    except OSError:
        stamp = None  # load_yaml reports it
    cached = _LOADED.get(path)
    if stamp is not None and cached is not None and cached[0] == stamp:
        return cached[1]
    course = _read_course(root, path)
    if stamp is not None:
        _LOADED[path] = (stamp, course)
    return course


def _read_course(root: Path, path: Path) -> Course:
    data, lines = load_yaml(path)
    check = Checker(path, lines)
    if not isinstance(data, dict):
        raise ContentError(str(path), 1, "", "should be a mapping of course settings")
    competencies = check.require(data, "competencies", dict) or {}
    modules: list[Module] = []
    for index, raw in enumerate(check.require(data, "modules", list) or []):
        where = f"modules.{index}"
        mid = check.require(raw, "id", str, where)
        items = []
        for grade_id, spec in (check.require(raw, "items", dict, where) or {}).items():
            item_where = f"{where}.items.{grade_id}"
            comp = check.require(spec, "competency", str, item_where)
            if comp and comp not in competencies:
                check.error(
                    f"{item_where}.competency",
                    f"'{comp}' is not one of the competencies: {', '.join(competencies)}",
                )
            flags = spec if isinstance(spec, dict) else {}
            items.append(
                Item(
                    str(grade_id),
                    comp or "",
                    safety=bool(flags.get("safety", False)),
                    manual=bool(flags.get("manual", False)),
                    roleplay=bool(flags.get("roleplay", False)),
                    personal=bool(flags.get("personal", False)),
                )
            )
        notebooks = []
        for n_index, nb in enumerate(check.require(raw, "notebooks", list, where) or []):
            nb_where = f"{where}.notebooks.{n_index}"
            file = check.require(nb, "file", str, nb_where)
            kind = check.require(nb, "kind", str, nb_where)
            if kind and kind not in ("lesson", "exercise"):
                check.error(f"{nb_where}.kind", "should be 'lesson' or 'exercise'")
            notebooks.append(Notebook(file or "", kind or "lesson"))
        fraction = raw.get("pass_fraction", 0.7) if isinstance(raw, dict) else 0.7
        if not isinstance(fraction, (int, float)) or not 0 <= fraction <= 1:
            check.error(f"{where}.pass_fraction", "should be a number between 0 and 1")
            fraction = 0.7
        hours = _hours(check, raw.get("estimated_hours") if isinstance(raw, dict) else None, where)
        if mid:
            modules.append(
                Module(
                    id=mid,
                    title=str(raw.get("title", mid)),
                    outcomes=tuple(str(o) for o in raw.get("outcomes", []) or []),
                    notebooks=tuple(notebooks),
                    items=tuple(items),
                    pass_fraction=float(fraction),
                    estimated_hours=hours,
                )
            )
    total = data.get("estimated_hours_total")
    if total is not None and (isinstance(total, bool) or not isinstance(total, (int, float))):
        check.error("estimated_hours_total", "should be a number of hours")
        total = None
    self_check = _self_check(check, data.get("self_check"))
    cert_raw = data.get("certification", {}) or {}
    level = cert_raw.get("mi_profile_at_least", "fair")
    if level not in ("none", "fair", "good"):
        check.error("certification.mi_profile_at_least", "should be none, fair or good")
    if check.errors:
        raise check.errors[0]
    return Course(
        id=str(data.get("id", "facilitator-course")),
        title=str(data.get("title", "Facilitator course")),
        independence=str(data.get("independence", "")).strip(),
        country=str((data.get("safety") or {}).get("country", "US")),
        competencies={str(k): str(v) for k, v in competencies.items()},
        modules=tuple(modules),
        estimated_hours_total=float(total) if total is not None else None,
        self_check=self_check,
        certification=Certification(
            every_module_passed=bool(cert_raw.get("every_module_passed", True)),
            safety_items_all_correct=bool(cert_raw.get("safety_items_all_correct", True)),
            mi_profile_at_least=str(level),
        ),
        root=root,
    )
