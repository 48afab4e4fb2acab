"""What a graded item says, in words a trainee or trainer reads: question, options, right answer, why.

Feedback and the trainee record show items by their question, not by a grade id like
`m4_rp1_newcomer`, and a missed item with its right answer and the reason. Each fact has one
source, read here, never copied:

* the question and its options: the `<item>_question` cell (or the task cell of a written answer)
  of the instructor notebook;
* the right answer: the solution in the instructor notebook's answer cell (the letter the hidden
  test compares with; `cohort.item_catalogue` reads it the same way);
* why it is right: `data/graded_explanations.yaml` for choice questions, and for role-play
  replies the rule in `data/graded_replies.yaml` (the rule the autograder applies).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..content import Checker, ContentError, load_yaml
from ..paths import data_dir
from .notebook_text import ANSWER_SUFFIX, cells_by_grade_id, notebook_answers, read_notebook

if TYPE_CHECKING:
    import nbformat

QUESTION_SUFFIX = "_question"
REVIEW_SUFFIX = "_review"
_OPTION = re.compile(r"^\s*[-*]\s*\*\*([A-H])\.\*\*\s*(.+?)\s*$")
_HEADING = re.compile(r"^\s*#+\s*")
_MARK_SCHEME_BLOCK = re.compile(r"=== BEGIN MARK SCHEME ===.*?=== END MARK SCHEME ===", re.S)


@dataclass
class ItemText:
    """A graded item as words: what it asks and, once known, the right answer and why."""

    item: str
    title: str = ""
    prompt: str = ""
    options: dict[str, str] = field(default_factory=dict)
    right: str | None = None  # the model answer: a letter, a sentence or a reply
    why: str | None = None
    word_range: tuple[int, int] | None = None  # a written answer's range, from its length check

    @property
    def label(self) -> str:
        """A short human name for tables: the title and the start of the prompt."""
        prompt = " ".join(self.prompt.replace("*", "").split())
        short = prompt if len(prompt) <= 90 else prompt[:87].rstrip() + "..."
        return (
            f"{self.title}: {short}" if self.title and short else self.title or short or self.item
        )

    def right_answer_text(self) -> str | None:
        """'C. Working time, ...' for a choice question, else the model answer itself."""
        if self.right is None:
            return None
        letter = self.right.strip().upper()
        if letter in self.options:
            return f"{letter}. {self.options[letter]}"
        return self.right


@lru_cache(maxsize=1)
def explanations() -> dict[str, str]:
    """{grade id: why the right answer is right} for choice questions; checked when read."""
    path = data_dir() / "graded_explanations.yaml"
    data, lines = load_yaml(path)
    check = Checker(path, lines)
    found: dict[str, str] = {}
    if not isinstance(data, dict):
        raise ContentError(str(path), None, "", "should map grade ids to explanations")
    for item, text in data.items():
        if not isinstance(text, str) or not text.strip():
            check.error(str(item), "should be the explanation, as text")
            continue
        found[str(item)] = " ".join(text.split())
    if check.errors:
        raise check.errors[0]
    return found


def _split_question(source: str) -> tuple[str, str, dict[str, str]]:
    """(title, prompt, options) of a question or task cell's Markdown."""
    source = _MARK_SCHEME_BLOCK.sub("", source)
    title, prompt, options = "", [], {}
    for line in source.splitlines():
        option = _OPTION.match(line)
        if option:
            options[option.group(1)] = option.group(2).replace("**", "")
        elif line.lstrip().startswith("#") and not title:
            title = _HEADING.sub("", line).replace("*", "").strip()
        elif line.strip() and not options:
            prompt.append(line.strip())
    text = " ".join(prompt).replace("**", "")
    return title, text, options


def _rule(item: str) -> str | None:
    from ..graded_replies import graded_replies

    try:
        reply = graded_replies().get(item)
    except ContentError:
        return None
    return reply.rule if reply else None


def notebook_items(nb: nbformat.NotebookNode) -> dict[str, ItemText]:
    """{grade id: ItemText} for every graded item of an instructor (or released) notebook."""
    cells = cells_by_grade_id(nb)
    answers = notebook_answers(nb)
    try:
        whys = explanations()
    except ContentError:  # a broken data file must not stop feedback or a report
        whys = {}
    found: dict[str, ItemText] = {}
    for gid, cell in cells.items():
        meta = cell.get("metadata", {}).get("nbgrader", {})
        if not (meta.get("grade") or meta.get("task")) or gid.endswith(ANSWER_SUFFIX):
            continue
        question = cells.get(gid + QUESTION_SUFFIX)
        if question is not None:
            title, prompt, options = _split_question(question.source)
        elif cell.cell_type == "markdown":  # a written answer: the task cell is the question
            title, prompt, options = _split_question(cell.source)
        else:
            title, prompt, options = "", "", {}
        review = cells.get(gid + REVIEW_SUFFIX)
        found[gid] = ItemText(
            gid,
            title,
            prompt,
            options,
            right=answers.get(gid),
            why=whys.get(gid) or _rule(gid),
            word_range=_word_range(review.source) if review is not None else None,
        )
    return found


def _word_range(source: str) -> tuple[int, int] | None:
    """(min, max) words from the `review_written(answer, min_words=.., max_words=..)` call the
    learner's length check makes: the one place a written answer's range is set."""
    import ast

    from ..answers import review_written

    try:
        tree = ast.parse(source)
    except SyntaxError:
        return None
    defaults = review_written.__defaults__ or (40, 200)
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "review_written":
            given = {
                k.arg: k.value.value
                for k in node.keywords
                if isinstance(k.value, ast.Constant) and isinstance(k.value.value, int)
            }
            return int(given.get("min_words", defaults[0])), int(
                given.get("max_words", defaults[1])
            )
    return None


@lru_cache(maxsize=64)
def _folder_items(folder: str, stamp: float) -> dict[str, ItemText]:
    found: dict[str, ItemText] = {}
    for path in sorted(Path(folder).glob("*.ipynb")):
        try:
            nb = read_notebook(path)
        except Exception:  # an unreadable instructor notebook: items keep their grade ids
            continue
        found.update(notebook_items(nb))
    return found


def module_items(source_folder: Path) -> dict[str, ItemText]:
    """Every graded item of a module's instructor notebooks (cached until a notebook changes)."""
    folder = Path(source_folder)
    stamp = max((p.stat().st_mtime for p in folder.glob("*.ipynb")), default=0.0)
    return _folder_items(str(folder), stamp)
