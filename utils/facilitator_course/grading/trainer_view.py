"""The autograded notebook as the trainer reads it in nbgrader's Formgrader.

The Formgrader shows the autograded notebook itself. Two things made it hard to mark from:

* a written answer came without its length: the trainer had to count words and look up the
  task's range (`facilitator-course grade` shows both, with the model answer);
* a failed check showed a Python traceback, which names the hidden test but not, in words, what
  was expected.

`TrainerView` runs inside nbgrader's autograde pipeline, after SaveAutoGrades has scored every
cell from its outputs (so scores are exactly nbgrader's). It adds, after each written answer,
a read-only note cell marked as the trainer's (the word count, the task's range and the model
answer), and turns each error output's traceback into one plain sentence. The error's name and
message stay, because nbgrader and the course read them (`LeftForTrainer`, timeouts, feedback).

The note holds the model answer, so it must never reach a trainee: feedback.py drops every note
cell first thing in the feedback pipeline (`DropTrainerNotes`), and its leak check withholds a
file that still shows a note or a line of a model answer. Word counts could go to trainees, but
the note is addressed to the trainer and is dropped whole: one rule, nothing to get wrong.
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

from nbconvert.exporters.exporter import ResourcesDict
from nbformat.notebooknode import NotebookNode, from_dict
from nbgrader.preprocessors import NbGraderPreprocessor
from traitlets import Unicode

from ..htmlsafe import escape
from .item_text import ItemText, module_items
from .notebook_text import ANSWER_SUFFIX, answer_text

# Marks a note cell in its metadata (how it is found again) and in its HTML (how the leak check
# recognises one in a rendered page).
NOTE_KEY = "facilitator_course_trainer_note"
NOTE_CLASS = "fc-trainer-note"
NOTE_HEADING = "For the trainer (added by autograde; never shown to the trainee)"
_LINE_CHARS = 110
_FIRST_SENTENCE = re.compile(r"^(.+?[.!?])(?:\s|$)", re.S)


def is_trainer_note(cell: NotebookNode) -> bool:
    return bool(cell.get("metadata", {}).get(NOTE_KEY))


def length_note(words: int, word_range: tuple[int, int]) -> str:
    """'57 words (the task asks for 40-200)', with a warning outside the range."""
    low, high = word_range
    note = f"{words} word{'' if words == 1 else 's'} (the task asks for {low}-{high})"
    if not low <= words <= high:
        note += " - outside the range"
    return note


def note_cell(answer: str | None, item: ItemText) -> NotebookNode:
    """The read-only note shown after a written answer: its length and the model answer."""
    from ..answers import word_count

    assert item.word_range is not None
    words = word_count(answer)
    parts = [
        f'<div class="{NOTE_CLASS}" style="border-left:4px solid #1f4e79;background:#eef4fb;'
        'color:#1a1a1a;padding:6px 12px;margin:4px 0">',
        f"<p><strong>{escape(NOTE_HEADING)}</strong></p>",
        f"<p><strong>Length:</strong> {escape(length_note(words, item.word_range))}</p>",
    ]
    if item.right:
        model = " ".join(item.right.split())
        parts.append(
            f"<p><strong>Anchor answer (the model answer, full marks):</strong> {escape(model)}</p>"
        )
    parts.append("</div>")
    return from_dict(
        {
            "id": re.sub(r"[^A-Za-z0-9_-]", "-", f"trainer-note-{item.item}")[:64],
            "cell_type": "markdown",
            "metadata": {NOTE_KEY: True, "editable": False, "deletable": False},
            "source": "".join(parts),
        }
    )


def plain_sentence(output: NotebookNode, item: ItemText | None) -> str:
    """One sentence for the trainer in place of a traceback: what the check said, what it expected."""
    message = " ".join(str(output.get("evalue") or "").split())
    ename = str(output.get("ename") or "")
    if ename == "LeftForTrainer":
        return f"Left for you to mark: {message or 'the coder could not judge this reply.'}"
    if not (item and (ename == "AnswerNotAccepted" or ename == "AssertionError")):
        detail = message or ename or "no message"
        return f"This cell stopped without finishing: {detail}"
    sentence = f"Not passed: {message or 'the check failed.'}"
    expected = _expected(item)
    if expected:
        sentence = sentence.rstrip(".") + f". Expected: {expected}"
    return sentence


def _expected(item: ItemText) -> str | None:
    if item.options:  # a choice question: the right letter and its option
        return item.right_answer_text()
    if item.why:  # a role-play reply: the first sentence of the rule the coder applies
        found = _FIRST_SENTENCE.match(" ".join(item.why.split()))
        return found.group(1) if found else item.why
    return None


class TrainerView(NbGraderPreprocessor):
    """Add the trainer's notes after written answers and plain sentences in place of tracebacks.

    Registered after SaveAutoGrades in Autograde.autograde_preprocessors (see autograde.py).
    `course_root` is where the instructor notebooks are: source/<module>. Never raises: a
    problem here leaves the notebook as nbgrader wrote it rather than stop grading.
    """

    course_root = Unicode("", help="the course folder, to read the instructor notebooks").tag(
        config=True
    )

    def preprocess(
        self, nb: NotebookNode, resources: ResourcesDict
    ) -> tuple[NotebookNode, ResourcesDict]:
        try:
            module_id = str(resources.get("nbgrader", {}).get("assignment") or "")
            folder = Path(self.course_root) / "source" / module_id
            items = module_items(folder) if self.course_root and module_id else {}
            nb.cells = trainer_cells(nb.cells, items)
        except Exception as exc:  # the grades are saved already; the view is a convenience
            self.log.warning("Trainer notes not added: %s", exc)
        return nb, resources


def trainer_cells(cells: list[NotebookNode], items: dict[str, ItemText]) -> list[NotebookNode]:
    """The cells with old notes removed, fresh notes after written answers, tracebacks replaced."""
    shown: list[NotebookNode] = []
    for cell in cells:
        if is_trainer_note(cell):  # never twice, whatever nbgrader was given
            continue
        shown.append(cell)
        if cell.get("cell_type") != "code":
            continue
        gid = str(cell.get("metadata", {}).get("nbgrader", {}).get("grade_id") or "")
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                # The Formgrader shows it in a <pre>, which does not wrap: lines are cut here.
                sentence = plain_sentence(output, items.get(gid))
                output["traceback"] = [textwrap.fill(sentence, _LINE_CHARS)]
        if gid.endswith(ANSWER_SUFFIX):
            item = items.get(gid[: -len(ANSWER_SUFFIX)])
            if item is not None and item.word_range is not None:
                shown.append(note_cell(answer_text(cell.source), item))
    return shown


class DropTrainerNotes(NbGraderPreprocessor):
    """Remove every trainer's note: the first step of the feedback pipeline (feedback.py)."""

    def preprocess(
        self, nb: NotebookNode, resources: ResourcesDict
    ) -> tuple[NotebookNode, ResourcesDict]:
        nb.cells = [cell for cell in nb.cells if not is_trainer_note(cell)]
        return nb, resources


def anchor_lines(items: dict[str, ItemText]) -> list[str]:
    """The model answers of a module's written answers, line by line: what a note shows and
    feedback must not (the leak check in feedback.py looks for each)."""
    lines = []
    for item in items.values():
        if item.word_range is None or not item.right:
            continue
        lines += [" ".join(line.split()) for line in item.right.splitlines()]
    return [line for line in lines if len(line) >= 12]
