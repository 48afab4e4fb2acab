"""A module's graded exercise as a self-check for the web app: the same items, checked at once.

One source: the items are read from the exercise notebook in solutions/ (the instructor version,
the only one that holds the answer key in its hidden tests). Nothing is copied: a question
edited in the exercise is the question the self-check asks, with the same right answer.

- Choice items: the question cell's options (`- **A.** ...`) and the hidden test's
  `correct="C"`; checked at once, showing the right option and why it is right, read from
  data/graded_explanations.yaml (the same words the trainee's graded feedback shows).
- Typed role-play items: `check_reply(..., item=...)`; judged by `answers.judge_graded_reply`,
  the very rule the autograder applies, so advice, confrontation or a label never earns the point.
- Written answers: the task and its mark scheme (between nbgrader's mark-scheme markers); the
  learner compares their answer with the scheme and gives themselves a mark.

The solutions folder is read by the kernel only; no URL serves it (see web.py).

A cohort can keep the key back (`self_check: {reveal_answers: false}` in course/course.yml): then
the items are read from the learner's released exercise in modules/, which holds no hidden test
and no mark scheme, so the key is never loaded, and nothing says whether an answer is right.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .course import Course, Module

OPTION = re.compile(r"^\s*[-*]\s+\*\*([A-Z])\.\*\*\s+(.+?)\s*$")
CHOICE_CALL = re.compile(r"check_choice\(")
CORRECT = re.compile(r"check_choice\([^)]*correct\s*=\s*[\"']([A-Z])[\"']")
REPLY_ITEM = re.compile(r"check_reply\([^)]*item\s*=\s*[\"']([\w-]+)[\"']")
WORD_LIMITS = re.compile(r"review_written\([^)]*min_words\s*=\s*(\d+)[^)]*max_words\s*=\s*(\d+)")
SCHEME = re.compile(r"=== BEGIN MARK SCHEME ===(.*?)=== END MARK SCHEME ===", re.DOTALL)
HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*$")


class SelfCheckUnavailable(RuntimeError):
    """The exercise cannot be turned into a self-check here; the message says why, plainly."""


@dataclass(frozen=True)
class ChoiceItem:
    id: str
    title: str  # "Question 1"
    stem: str  # markdown, without the heading and the options
    options: tuple[tuple[str, str], ...]  # (letter, text)
    correct: str  # "" when the course keeps the key back (reveal_answers false)
    points: int = 1
    why: str = ""  # graded_explanations.yaml's reason; "" when kept back or not written yet

    def option_text(self, letter: str) -> str:
        return dict(self.options).get(letter, "")


@dataclass(frozen=True)
class ReplyItem:
    id: str  # the key in data/graded_replies.yaml
    title: str
    task: str  # markdown: the participant's line, the task and how the point is given
    points: int = 1


@dataclass(frozen=True)
class WrittenItem:
    id: str
    title: str
    task: str  # markdown, without the mark scheme
    scheme: str  # markdown
    points: int
    min_words: int = 40
    max_words: int = 200


Item = ChoiceItem | ReplyItem | WrittenItem


def _readable_file(path: Path) -> bool:
    """True when `path` is a file this user may read. On a hub the answer key is kept from
    trainees by permissions, and Path.is_file() raises on "permission denied"."""
    try:
        return path.is_file() and os.access(path, os.R_OK)
    except OSError:
        return False


def exercise_path(course: Course, module: Module, with_key: bool = True) -> Path:
    """The instructor exercise (with its key) or, `with_key=False`, the learner's released copy
    in modules/ (no hidden tests, no mark scheme)."""
    exercise = next((nb.file for nb in module.notebooks if nb.kind == "exercise"), None)
    if exercise is None:
        raise SelfCheckUnavailable(f"{module.id} has no graded exercise.")
    if not with_key:
        path = course.modules_dir / module.id / exercise
        if not _readable_file(path):
            raise SelfCheckUnavailable(
                "The self-check reads the exercise from the course's modules folder, which is "
                "not part of this copy of the course. Ask your trainer for the graded exercise."
            )
        return path
    path = course.solutions_dir / module.id / exercise
    if not _readable_file(path):
        raise SelfCheckUnavailable(
            "The self-check reads the exercise from the course's solutions folder, which is not "
            "part of this copy of the course. Ask your trainer for the graded exercise instead."
        )
    return path


def _split_heading(markdown: str) -> tuple[str, str]:
    """('Question 1', rest) for a cell starting with a heading line; the heading's emphasis
    (`*(3 points, ...)*`) is dropped, the page draws its own heading."""
    lines = markdown.strip().splitlines()
    if lines and (found := HEADING.match(lines[0])):
        title = re.sub(r"\*\(.*?\)\*", "", found.group(1)).strip()
        return title, "\n".join(lines[1:]).strip()
    return "", markdown.strip()


def choice_explanation(item_id: str) -> str:
    """Why a choice item's right answer is right: the one text the trainee's graded feedback
    shows too (grading.item_text reads data/graded_explanations.yaml). A broken or missing
    entry gives "" so the self-check still works; the content tests catch the gap."""
    from .content import ContentError
    from .grading.item_text import explanations

    try:
        return explanations().get(item_id, "")
    except (ContentError, OSError):
        return ""


def _choice(item_id: str, question: str, correct: str, points: int) -> ChoiceItem:
    title, body = _split_heading(question)
    stem, options = [], []
    for line in body.splitlines():
        found = OPTION.match(line)
        if found:
            options.append((found.group(1), found.group(2)))
        elif not options:
            stem.append(line)
    if correct and correct not in dict(options):
        raise SelfCheckUnavailable(f"{item_id}: the right answer {correct} is not an option.")
    return ChoiceItem(
        item_id,
        title or item_id,
        "\n".join(stem).strip(),
        tuple(options),
        correct,
        points,
        choice_explanation(item_id) if correct else "",
    )


def parse_exercise(notebook: dict[str, Any]) -> list[Item]:
    """Every graded item of an exercise notebook, in order: the nbgrader source format (with the
    key) or the released learner copy (choice items then have `correct` "" and no `why`)."""
    items: list[Item] = []
    question = ""
    written: WrittenItem | None = None
    for cell in notebook.get("cells", []):
        meta = cell.get("metadata", {}).get("nbgrader", {})
        source = "".join(cell.get("source", []))
        grade_id = str(meta.get("grade_id", ""))
        points = int(meta.get("points") or 0)
        if cell.get("cell_type") == "markdown":
            if meta.get("task"):
                scheme = SCHEME.search(source)
                title, task = _split_heading(SCHEME.sub("", source))
                written = WrittenItem(
                    grade_id,
                    title or "Written answer",
                    task,
                    scheme.group(1).strip() if scheme else "",
                    points,
                )
                items.append(written)
            elif grade_id.endswith("_question"):
                question = source
            continue
        if written is not None and (limits := WORD_LIMITS.search(source)):
            at = items.index(written)
            items[at] = written = WrittenItem(
                written.id,
                written.title,
                written.task,
                written.scheme,
                written.points,
                int(limits.group(1)),
                int(limits.group(2)),
            )
        if not meta.get("grade"):
            continue
        if correct := CORRECT.search(source):
            items.append(_choice(grade_id, question, correct.group(1), points or 1))
        elif CHOICE_CALL.search(source):
            items.append(_choice(grade_id, question, "", points or 1))
        elif reply := REPLY_ITEM.search(source):
            title, task = _split_heading(question)
            items.append(ReplyItem(reply.group(1), title or grade_id, task, points or 1))
        question = ""
    return items


def module_items(course: Course, module: Module, reveal_answers: bool | None = None) -> list[Item]:
    """The self-check items of one module, read from its exercise now (never cached copies).

    `reveal_answers` defaults to the course's setting; when false the items come from the
    released learner copy, so neither the answer key nor the mark scheme is ever read."""
    if reveal_answers is None:
        reveal_answers = course.self_check.reveal_answers
    path = exercise_path(course, module, with_key=reveal_answers)
    try:
        notebook = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise SelfCheckUnavailable(f"The exercise could not be read: {exc}") from None
    personal = {item.grade_id for item in module.items if item.personal}
    return [item for item in parse_exercise(notebook) if item.id not in personal]


def total_points(items: list[Item]) -> int:
    return sum(item.points for item in items)


@dataclass(frozen=True)
class ReplyCheck:
    """A typed reply judged by the graded rule: `meets` None when a trainer would decide."""

    meets: bool | None
    verdict: str  # "Meets the rule", "Does not meet the rule", "Your trainer would decide"
    reads_as: str  # e.g. "simple reflection"
    explanation: str  # plain text: what the engine noticed, what it picked up, a rewrite
    rule: str
    harmful: bool = False

    @property
    def points(self) -> int:
        return 1 if self.meets else 0


def check_typed_reply(item: ReplyItem, text: str) -> ReplyCheck:
    """Judge a reply exactly as the hidden test does (answers.judge_graded_reply)."""
    from .answers import judge_graded_reply, word_count
    from .coding import LABEL_NAMES
    from .coding.pickup import describe
    from .graded_replies import graded_reply

    rule = graded_reply(item.id)
    if word_count(text) < 3:
        return ReplyCheck(
            False, "Not answered yet", "", "Write a full sentence, as you would say it.", rule.rule
        )
    verdict = judge_graded_reply(text, item.id)
    coded = verdict.coded
    reads_as = LABEL_NAMES.get(coded.code, coded.code) if coded.judged else ""
    parts = [str(coded.explanation)]
    if verdict.pickup is not None:
        parts.append(describe(verdict.pickup, rule.ideas))
    if verdict.meets is None and verdict.reason:
        parts.append(verdict.reason)
    if getattr(coded, "rewrite", None):
        parts.append(f"Try: {coded.rewrite}")
    if verdict.meets is None:
        word = "Your trainer would decide"
    else:
        word = "Meets the rule" if verdict.meets else "Does not meet the rule"
    return ReplyCheck(
        verdict.meets,
        word,
        reads_as,
        " ".join(p for p in parts if p),
        rule.rule,
        harmful=bool(coded.judged and verdict.harmful),
    )


def self_check_key(module_id: str) -> str:
    """The progress key (in the `resume` section) of a module's self-check."""
    return f"selfcheck/{module_id}"


SELF_CHECK_FILE = "02-self-check.ipynb"


def self_check_file(module: Module) -> str:
    """The generated page's file name beside the lesson and the exercise (the same for every
    module today; taking the module keeps callers right if that ever changes)."""
    return SELF_CHECK_FILE
