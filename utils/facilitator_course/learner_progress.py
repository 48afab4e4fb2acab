"""What a self-study learner has done, module by module: the home page's dashboard data.

Pure: it reads the lesson notebooks (to learn which practice each module holds, so nothing is
listed twice by hand) and a progress dict from `ProgressStore.load()`, and returns plain
dataclasses. The home widget only renders them, and tests check them without a browser.

Why parse the lessons: the practice a module offers is whatever its lesson shows. A lesson cell
is one readable call (`RolePlay.from_scenario("...")`, `show_sorting("...")`); reading those
calls keeps the dashboard in step with the lessons when an author adds or removes practice. A
`PracticeLibrary("<module>")` cell stands for every role-play whose file names that module.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .course import Course, Module

# (kind, pattern over a lesson's code): each finds the id a practice widget is built from
PRACTICE_CALLS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("sorting", re.compile(r"show_sorting\(\s*[\"']([\w-]+)[\"']")),
    ("drill", re.compile(r"CodingDrillWidget\.from_name\(\s*[\"']([\w-]+)[\"']")),
    ("roleplay", re.compile(r"RolePlay\.from_scenario\(\s*[\"']([\w-]+)[\"']")),
    ("meeting", re.compile(r"MeetingSimulator\.from_name\(\s*[\"']([\w-]+)[\"']")),
    ("worksheet", re.compile(r"\w+Widget\(\s*reference\s*=\s*[\"']([\w-]+)[\"']")),
    ("group", re.compile(r"show_group_practice\(\s*[\"']([\w-]+)[\"']")),
)
KIND_NAMES = {
    "sorting": "Sorting practice",
    "drill": "Coding drill",
    "roleplay": "Role-play",
    "meeting": "Meeting simulation",
    "worksheet": "Worksheet",
    "group": "Group practice",
}
# Minutes a learner typically spends on each kind of practice, and reading speed (words/min).
PRACTICE_MINUTES = {
    "sorting": 5, "drill": 15, "roleplay": 8, "meeting": 15, "worksheet": 10, "group": 10,
}  # fmt: skip
READING_WORDS_PER_MINUTE = 180
# The author's own estimate at the top of a lesson ("**About 45 minutes.**") wins when present.
STATED_TIME = re.compile(r"\bAbout (\d{1,3}) minutes\b")


@dataclass(frozen=True)
class Practice:
    kind: str  # one of PRACTICE_MINUTES
    id: str

    @property
    def name(self) -> str:
        kind, title = KIND_NAMES[self.kind], practice_title(self)
        return title if title.lower().startswith(kind.lower()) else f"{kind}: {title}"


DATA_FOLDERS = {
    "sorting": "quizzes",
    "drill": "drills",
    "roleplay": "scenarios",
    "meeting": "meetings",
    "group": "group_meetings",
}
TITLE_LINE = re.compile(r"^title:\s*[\"']?(.+?)[\"']?\s*$", re.MULTILINE)


def practice_title(practice: Practice) -> str:
    """The title its author gave (the data file's top-level `title:` line, read without parsing
    the whole file), else the id in words."""
    folder = DATA_FOLDERS.get(practice.kind)
    if folder:
        path = Path(__file__).parent / "data" / folder / f"{practice.id}.yaml"
        try:
            found = TITLE_LINE.search(path.read_text(encoding="utf-8"))
        except OSError:
            found = None
        if found:
            return found.group(1)
    return practice.id.replace("-", " ").capitalize()


@dataclass(frozen=True)
class PracticeStatus:
    practice: Practice
    done: bool
    detail: str  # e.g. "best score 80/100, best outcome good" or "not started"
    updated: str  # ISO time of the last save, "" if never


@dataclass(frozen=True)
class SelfCheckStatus:
    """A module's self-check (see self_check.py): points so far and questions checked."""

    score: int
    total: int
    checked: int
    items: int
    updated: str

    @property
    def detail(self) -> str:
        if not self.checked:
            return "not started"
        if not self.total:  # the course keeps the key back: answers recorded, not marked
            return f"{self.checked} of {self.items} questions answered"
        return (
            f"{self.score} of {self.total} points, {self.checked} of {self.items} questions checked"
        )


def self_check_status(module: Module, progress: dict[str, Any]) -> SelfCheckStatus | None:
    """The learner's self-check result for a module with a graded exercise (None without one)."""
    if not any(nb.kind == "exercise" for nb in module.notebooks):
        return None
    entry = _entry(progress.get("resume", {}), f"selfcheck/{module.id}")
    return SelfCheckStatus(
        _int(entry.get("score")),
        _int(entry.get("total")),
        _int(entry.get("items_checked")),
        _int(entry.get("items")),
        _str(entry, "updated"),
    )


@dataclass(frozen=True)
class ModuleProgress:
    module: Module
    minutes: int
    practice: tuple[PracticeStatus, ...]
    self_check: SelfCheckStatus | None = None

    @property
    def done(self) -> int:
        return sum(1 for p in self.practice if p.done)

    @property
    def started(self) -> bool:
        return any(p.updated for p in self.practice)

    @property
    def updated(self) -> str:
        return max((p.updated for p in self.practice), default="")


def lesson_path(course: Course, module: Module) -> Path | None:
    """The module's lesson notebook (the built one if present, else the instructor source)."""
    lesson = next((nb.file for nb in module.notebooks if nb.kind == "lesson"), None)
    if lesson is None:
        return None
    for folder in (course.modules_dir, course.solutions_dir):
        if (folder / module.id / lesson).is_file():
            return folder / module.id / lesson
    return None


def lesson_contents(path: Path) -> tuple[list[Practice], int, int | None]:
    """The practice a lesson shows, in order, the number of words it asks the learner to read
    (markdown cells), and the minutes its author states in the first cell (None if not)."""
    notebook = json.loads(path.read_text(encoding="utf-8"))
    practice: list[Practice] = []
    words = 0
    stated = None
    for cell in notebook.get("cells", []):
        source = "".join(cell.get("source", []))
        if cell.get("cell_type") == "markdown":
            if not words and (found := STATED_TIME.search(source)):
                stated = int(found.group(1))
            words += len(source.split())
            continue
        if cell.get("cell_type") != "code":
            continue
        for kind, pattern in PRACTICE_CALLS:
            for found in pattern.findall(source):
                item = Practice(kind, found)
                if item not in practice:
                    practice.append(item)
        for item in _library_practice(source):
            if item not in practice:
                practice.append(item)
    return practice, words, stated


def _library_practice(source: str) -> list[Practice]:
    """The role-plays a `PracticeLibrary("<module>")` cell offers: every scenario of that module."""
    from .roleplay.library import LIBRARY_CALL, module_scenario_ids

    return [
        Practice("roleplay", scenario_id)
        for module_id in LIBRARY_CALL.findall(source)
        for scenario_id in module_scenario_ids(module_id)
    ]


def estimated_minutes(practice: list[Practice], words: int) -> int:
    """Reading time plus typical practice time, rounded up to five minutes."""
    total = words / READING_WORDS_PER_MINUTE + sum(PRACTICE_MINUTES[p.kind] for p in practice)
    return max(5, -(-int(total + 0.999) // 5) * 5)


def practice_status(practice: Practice, progress: dict[str, Any]) -> PracticeStatus:
    """How far the learner is with one piece of practice, from their saved progress."""
    kind, pid = practice.kind, practice.id
    section = {"roleplay": "scenarios", "meeting": "meetings", "drill": "drills"}.get(kind, kind)
    resume = _entry(progress.get("resume", {}), f"{kind}/{pid}")
    if kind == "worksheet":
        drafts = progress.get("worksheets", {})
        entry = next(
            (_entry(drafts, k) for k in sorted(drafts) if str(k).split(":")[-1] == pid), {}
        )
        filled = sum(1 for v in (entry.get("fields") or {}).values() if str(v or "").strip())
        if not entry:
            return PracticeStatus(practice, False, "not started", "")
        return PracticeStatus(
            practice, filled > 0, f"draft saved, {filled} field(s) filled", _str(entry, "updated")
        )
    if kind == "group":  # a group practice saves only its typed moves and where it ended
        moves = resume.get("moves") if isinstance(resume.get("moves"), list) else []
        if not moves:
            return PracticeStatus(practice, False, "not started", "")
        if resume.get("finished"):
            detail = "finished, focus skill shown" if resume.get("shown") else "finished, not yet"
            return PracticeStatus(practice, True, detail, _str(resume, "updated"))
        return PracticeStatus(
            practice, False, f"in progress ({len(moves)} move(s))", _str(resume, "updated")
        )
    entry = _entry(progress.get(section, {}), pid)
    if kind == "sorting":
        if not entry:
            return PracticeStatus(practice, False, "not started", "")
        if entry.get("checked"):
            detail = f"checked: {_int(entry.get('score'))} of {_int(entry.get('total'))} right"
            return PracticeStatus(practice, True, detail, _str(entry, "updated"))
        answered = len(entry.get("choices") or {})
        return PracticeStatus(
            practice, False, f"{answered} answered, not checked yet", _str(entry, "updated")
        )
    if kind == "drill":
        answers = resume.get("answers") if isinstance(resume.get("answers"), dict) else {}
        labelled = max(len(answers), _int(entry.get("answered")))
        if not labelled:
            return PracticeStatus(practice, False, "not started", "")
        detail = f"{labelled} item(s) labelled"
        if entry.get("agreement") is not None:
            detail += f", agreement {entry.get('agreement')}%"
        updated = max(_str(entry, "updated"), _str(resume, "updated"))
        return PracticeStatus(practice, bool(entry), detail, updated)
    updated = max(_str(entry, "updated"), _str(resume, "updated"))
    attempts = _int(entry.get("attempts"))
    if attempts:
        times = "once" if attempts == 1 else f"{attempts} times"
        detail = f"done {times}, best score {_int(entry.get('best_score'))}/100"
        if kind == "roleplay" and entry.get("best_outcome"):
            detail += f", best outcome {entry.get('best_outcome')}"
        if kind == "meeting":
            detail += ", passed" if entry.get("passed") else ", not passed yet"
        return PracticeStatus(practice, True, detail, updated)
    steps = resume.get("replies") if kind == "roleplay" else resume.get("chosen")
    if isinstance(steps, list) and steps:
        return PracticeStatus(practice, False, f"in progress ({len(steps)} step(s))", updated)
    return PracticeStatus(practice, False, "not started", "")


def course_progress(course: Course, progress: dict[str, Any]) -> list[ModuleProgress]:
    """Every module in course order with its estimated time and the learner's progress."""
    result = []
    for module in course.modules:
        path = lesson_path(course, module)
        practice, words, stated = lesson_contents(path) if path else ([], 0, None)
        statuses = tuple(practice_status(p, progress) for p in practice)
        minutes = stated or estimated_minutes(practice, words)
        result.append(
            ModuleProgress(module, minutes, statuses, self_check_status(module, progress))
        )
    return result


def continue_with(modules: list[ModuleProgress]) -> ModuleProgress | None:
    """Where to pick up: the module last worked on, or the next one once that one's practice
    is all done; None before anything was started (the first module is the obvious start)."""
    touched = [m for m in modules if m.started]
    if not touched:
        return None
    latest = max(touched, key=lambda m: m.updated)
    if latest.done < len(latest.practice):
        return latest
    after = modules[modules.index(latest) + 1 :] + modules[: modules.index(latest)]
    return next((m for m in after if m.done < len(m.practice)), latest)


def is_first_visit(progress: dict[str, Any]) -> bool:
    """Nothing saved yet in any section: the home page explains how the course works."""
    return not any(isinstance(v, dict) and v for k, v in progress.items() if k != "version")


def _entry(section: Any, key: str) -> dict[str, Any]:
    value = section.get(key) if isinstance(section, dict) else None
    return value if isinstance(value, dict) else {}


def _str(entry: dict[str, Any], key: str) -> str:
    value = entry.get(key)
    return value if isinstance(value, str) else ""


def _int(value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError, OverflowError):
        return 0
