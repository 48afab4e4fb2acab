"""Welfare checks: a trainee's typed answer that mentions suicide, self-harm or acute distress.

Trainees are volunteers, often with lived experience, and a written answer or a role-play reply
is sometimes where they say how they are. Every answer cell of a submission is read (parsed,
never run) and checked with the course's distress detectors; the trainer is told who, which
module and which item, with the crisis resources, and reads the answer themselves. Only those
three IDs and the level are ever recorded or shown in a summary: never the text.

Two levels, so a trainer is not drowned in expected mentions:

* ALERT: the writer speaks of their own distress ("I want to die", "I've been thinking of
  killing myself"), anywhere; or any mention of suicide or self-harm in an item that is not about
  handling a crisis.
* EXPECTED: an answer to a crisis-handling item (course.yml `safety: true`, or a role-play whose
  participant line itself mentions distress) that talks about suicide in the facilitator's voice
  ("I would ask them directly whether they are thinking of suicide"). Counted, and noted softly
  where the trainer reads the answer, but not listed as something to follow up.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import nbformat

from ..course import Course
from ..safety import crisis_resources, mentions_distress, mentions_own_distress
from .notebook_text import folder_answers, participant_lines, source_folder

ALERT = "alert"
EXPECTED = "expected"


@dataclass(frozen=True)
class WelfareFlag:
    trainee: str
    module: str
    item: str
    level: str

    def as_record(self) -> dict[str, str]:
        """What the fault report stores: the item and the level, never the text."""
        return {"item": self.item, "level": self.level}


def classify(text: object, crisis_topic: bool) -> str | None:
    """ALERT, EXPECTED or None for one typed answer."""
    if mentions_own_distress(text):
        return ALERT
    if mentions_distress(text):
        return EXPECTED if crisis_topic else ALERT
    return None


def is_crisis_topic(safety: bool, participant: str | None = None) -> bool:
    """An item whose answers are expected to talk about suicide: a `safety: true` item, or a
    role-play reply to a participant line that itself mentions distress."""
    return bool(safety) or mentions_distress(participant)


def crisis_topic_items(course: Course, course_root: Path | None = None) -> set[tuple[str, str]]:
    """(module, item) pairs whose answers are about handling a crisis (see is_crisis_topic)."""
    found = set()
    for module in course.modules:
        participants: dict[str, str | None] = {}
        if any(item.roleplay for item in module.items):
            source = source_folder(course_root, course.solutions_dir, module.id)
            for path in sorted(source.glob("*.ipynb")):
                try:
                    nb = nbformat.read(path, as_version=4)
                except Exception:  # an unreadable source notebook: its role-plays alert in full
                    continue
                participants.update(participant_lines(nb))
        for item in module.items:
            if is_crisis_topic(item.safety, participants.get(item.grade_id)):
                found.add((module.id, item.grade_id))
    return found


def scan_answers(
    trainee: str,
    module: str,
    answers: Iterable[tuple[str, object]],
    crisis_items: set[tuple[str, str]],
) -> list[WelfareFlag]:
    """Flags for (item, typed answer) pairs of one submission, one per item at most."""
    flags: dict[str, WelfareFlag] = {}
    for item, text in answers:
        level = classify(text, (module, item) in crisis_items)
        if level and (item not in flags or level == ALERT):
            flags[item] = WelfareFlag(trainee, module, item, level)
    return sorted(flags.values(), key=lambda f: f.item)


def scan_submission(
    folder: Path, trainee: str, module: str, crisis_items: set[tuple[str, str]]
) -> list[WelfareFlag]:
    """Flags for every notebook in a submission folder; unreadable notebooks are skipped."""
    return scan_answers(trainee, module, folder_answers(folder), crisis_items)


@dataclass(frozen=True)
class FlaggedAnswer:
    """A flag with the words that raised it: for the trainer's terminal only, never stored."""

    flag: WelfareFlag
    text: str


def flagged_answers(
    course_root: Path,
    modules: Iterable[str],
    crisis_items: set[tuple[str, str]],
    trainees: Iterable[str] | None = None,
) -> list[FlaggedAnswer]:
    """Every flagged answer of the handed-in notebooks (submitted/), alerts first.

    Read from what the trainee handed in, so an autograded role-play reply, a written answer
    and a submission nbgrader could not grade are all there for the trainer to read.
    """
    wanted = set(trainees or [])
    submitted = Path(course_root) / "submitted"
    found: list[FlaggedAnswer] = []
    for module in modules:
        folders = sorted(submitted.glob(f"*/{module}")) if submitted.is_dir() else []
        for folder in folders:
            trainee = folder.parent.name
            if wanted and trainee not in wanted:
                continue
            texts: dict[str, str] = {}
            for item, text in folder_answers(folder):
                if isinstance(text, str) and text.strip():
                    texts.setdefault(item, text)
            for flag in scan_answers(trainee, module, texts.items(), crisis_items):
                found.append(FlaggedAnswer(flag, texts[flag.item]))
    return sorted(
        found, key=lambda a: (a.flag.level != ALERT, a.flag.trainee, a.flag.module, a.flag.item)
    )


def alerts(flags: Iterable[WelfareFlag]) -> list[WelfareFlag]:
    return [f for f in flags if f.level == ALERT]


def resources_text(country: str | None = None) -> str:
    r = crisis_resources(country)
    return f"{r.crisis_label}, {r.crisis_contact}; {r.emergency_label}: {r.emergency_contact}"


def summary_lines(flags: Iterable[WelfareFlag], country: str | None = None) -> list[str]:
    """Plain-text lines for a terminal: one per alert, one count for expected mentions."""
    flags = list(flags)
    found = alerts(flags)
    lines = []
    if found:
        lines.append(
            f"⚠ {len(found)} submission answer(s) mention distress — read each one "
            "(`facilitator-course grade --welfare`) and follow up with the trainee; crisis "
            f"resources: {resources_text(country)}"
        )
        lines.extend(f"  {f.trainee} / {f.module} / {f.item}" for f in found)
    expected = len(flags) - len(found)
    if expected:
        lines.append(
            f"{expected} answer(s) to crisis-handling questions mention suicide, as expected for "
            "those questions (no alert)."
        )
    return lines


def flags_from_records(trainee: str, module: str, records: Iterable[dict]) -> list[WelfareFlag]:
    """Flags back from the fault report's `welfare` entries."""
    return [
        WelfareFlag(trainee, module, str(r.get("item", "")), str(r.get("level", ALERT)))
        for r in records
        if isinstance(r, dict)
    ]


def terminal_banner(level: str | None, country: str | None = None) -> str:
    """The lines printed above an answer in `facilitator-course grade` ('' for no flag)."""
    if level == ALERT:
        return (
            "  !!! WELFARE CHECK: this answer mentions suicide, self-harm or distress, and not\n"
            "  !!! only as the question asks. Read it, and follow up with the trainee privately.\n"
            f"  !!! Crisis resources: {resources_text(country)}."
        )
    if level == EXPECTED:
        return (
            "  (Mentions suicide, as expected for this crisis-handling question. Crisis "
            f"resources: {resources_text(country)}.)"
        )
    return ""
