"""Feedback that teaches: for every item a trainee missed, the right answer and why.

nbgrader's feedback shows each graded cell's output, which for a failed check is a Python error
(`AnswerNotAccepted: A is not the best choice.`) and, for a long answer, one endless line. A
trainee is not a programmer: what helps is the check's sentence, the right answer and the reason,
in a box that wraps. These preprocessors run in the feedback pipeline after nbgrader has cleared
the hidden tests (see feedback.py); the right answer and the reason come from item_text, the one
place they are read from.
"""

from __future__ import annotations

from pathlib import Path

from nbconvert.exporters.exporter import ResourcesDict
from nbformat.notebooknode import NotebookNode, from_dict
from nbgrader.preprocessors import NbGraderPreprocessor
from traitlets import Unicode

from ..htmlsafe import escape
from .item_text import ItemText, module_items

# Long answers and messages wrap instead of running off the page; nothing is loaded from outside.
WRAP_CSS = """
div.output_area pre, div.output_text pre, div.input_area pre, .highlight pre, pre {
  white-space: pre-wrap; overflow-wrap: anywhere; word-break: normal;
}
div.fc-teach { border-left: 4px solid #8a1c1c; background: #fdecea; color: #1a1a1a;
  padding: 8px 12px; margin: 6px 0; line-height: 1.5; overflow-wrap: anywhere; }
div.fc-teach.fc-ok { border-left-color: #1b5e20; background: #e8f5e9; }
div.fc-teach p { margin: 0 0 6px 0; white-space: pre-line; }
"""


def teaching_box(message: str, item: ItemText | None, missed: bool) -> str:
    """The HTML shown under a graded cell: the check's sentence and, if missed, answer and why."""
    parts = [f"<p><strong>{'✘' if missed else '✔'}</strong> {escape(message)}</p>"]
    if missed and item is not None:
        right = item.right_answer_text()
        if right:
            label = "The right answer" if item.options else "A reply that earns the point"
            parts.append(f"<p><strong>{label}:</strong> {escape(right)}</p>")
        if item.why and item.why not in message:
            parts.append(f"<p><strong>Why:</strong> {escape(item.why)}</p>")
    kind = "fc-teach" if missed else "fc-teach fc-ok"
    return f'<div class="{kind}">' + "".join(parts) + "</div>"


def _html_output(markup: str) -> NotebookNode:
    return from_dict({"output_type": "display_data", "data": {"text/html": markup}, "metadata": {}})


class TeachMissedItems(NbGraderPreprocessor):
    """Replace every error output with a readable box; under a missed item, the answer and why.

    `course_root` (set by feedback_config) is where the instructor notebooks are: source/<module>.
    """

    course_root = Unicode("", help="the course folder, to read the instructor notebooks").tag(
        config=True
    )

    def preprocess(
        self, nb: NotebookNode, resources: ResourcesDict
    ) -> tuple[NotebookNode, ResourcesDict]:
        module_id = str(resources.get("nbgrader", {}).get("assignment") or "")
        folder = Path(self.course_root) / "source" / module_id
        self._items = module_items(folder) if self.course_root and module_id else {}
        return super().preprocess(nb, resources)

    def preprocess_cell(
        self, cell: NotebookNode, resources: ResourcesDict, index: int
    ) -> tuple[NotebookNode, ResourcesDict]:
        if cell.cell_type != "code":
            return cell, resources
        meta = cell.get("metadata", {}).get("nbgrader", {})
        graded = bool(meta.get("grade")) and not meta.get("solution")
        item = self._items.get(str(meta.get("grade_id") or "")) if graded else None
        score, points = meta.get("score"), meta.get("points")
        missed = graded and score is not None and points is not None and score < points
        outputs, shown = [], False
        for output in cell.get("outputs", []):
            if output.get("output_type") != "error":
                outputs.append(output)
                continue
            message = str(output.get("evalue") or "").strip()
            if not graded:
                message = "This cell stopped with a problem" + (f": {message}" if message else ".")
            outputs.append(_html_output(teaching_box(message, item, missed)))
            shown = True
        if missed and not shown:  # e.g. a trainer's 0 on a reply left to them: still teach
            outputs.append(
                _html_output(teaching_box("This item did not earn its point.", item, True))
            )
        cell["outputs"] = outputs
        return cell, resources


class WrapLongLines(NbGraderPreprocessor):
    """Add the course's feedback style (wrapping, the answer boxes) to the page's inline CSS."""

    def preprocess(
        self, nb: NotebookNode, resources: ResourcesDict
    ) -> tuple[NotebookNode, ResourcesDict]:
        inlining = resources.setdefault("inlining", {})
        inlining.setdefault("css", [])
        inlining["css"] = [*inlining["css"], WRAP_CSS]
        return nb, resources
