"""An answer that ends in a quote runs: the learner never sees a SyntaxError for `she said "no"`.

Every answer in a learner notebook is typed between triple quotes. When the closing quotes sat on
the same line as the answer, an answer ending in a double quote ran into them (four quotes in a
row, of which the first three close the text and the fourth opens a string that never ends): a
SyntaxError in JupyterLab and, to the grader that reads the cell without running it, an
answer that cannot be read. The answer stub (course/nbgrader_config.py) now puts the quotes on
lines of their own with an empty line between, where the learner types.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

from facilitator_course.grading.answer_cells import expected_name, read_answer
from facilitator_course.grading.notebook_text import answer_text

REPO = Path(__file__).resolve().parents[1]
_QUOTED = re.compile(r'"""(.*?)"""', re.S)


def answer_cells() -> list[tuple[str, str, str]]:
    """(notebook, grade id, source) of every code answer cell of the learner notebooks."""
    found = []
    for path in sorted((REPO / "modules").glob("*/*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            meta = cell.metadata.get("nbgrader", {})
            if meta.get("solution") and cell.cell_type == "code":
                found.append((f"{path.parent.name}/{path.name}", meta["grade_id"], cell.source))
    return found


CELLS = answer_cells()


def typed(source: str, text: str, where: str = "blank line") -> str:
    """The cell as a learner leaves it after typing `text` between the quotes.

    With the quotes on lines of their own the learner types on the empty line between them (or
    straight after the opening quotes); with the quotes on one line, the answer replaces what is
    between them and so ends right against the closing quotes.
    """
    found = _QUOTED.search(source)
    assert found, source
    lines = found.group(1).split("\n")
    if len(lines) < 3:
        lines = [text]
    elif where == "blank line":
        lines[1] += text
    else:  # straight after the opening quotes
        lines[0] += text
    return source[: found.start(1)] + "\n".join(lines) + source[found.end(1) :]


ENDINGS = [
    'She said "no"',
    'I would reflect: "part of you wants to stop"',
    "He said 'not tonight'",
    'Two lines, the second one quoted:\n"Thank you for telling us"',
    '"Quoted" at both ends, "too"',
]


def test_every_learner_notebook_has_answer_cells():
    assert len(CELLS) >= 40


@pytest.mark.parametrize("where", ["blank line", "after the opening quotes"])
@pytest.mark.parametrize("text", ENDINGS)
@pytest.mark.parametrize(("notebook", "grade_id", "source"), CELLS, ids=[c[1] for c in CELLS])
def test_an_answer_ending_in_a_quote_runs_and_reads_back(notebook, grade_id, source, text, where):
    name = expected_name(source)
    assert name, (notebook, grade_id)
    cell = typed(source, text, where)
    namespace: dict[str, object] = {}
    exec(compile(cell, f"{notebook}:{grade_id}", "exec"), namespace)  # as JupyterLab runs it
    assert str(namespace[name]).strip() == text
    answer, why = read_answer(cell, name)  # as the grader reads it, without running it
    assert why is None and answer is not None and answer.strip() == text
    assert answer_text(cell) == text  # as item analysis and the trainer's views read it


def test_quotes_on_the_answer_line_fail_the_same_check():
    """The check above can fail: with the old stub the typed answer meets the closing quotes."""
    old_stub = 'answer = (\n    """  """  # ✏️ type your answer between the quotes\n)'
    with pytest.raises(SyntaxError):
        compile(typed(old_stub, 'She said "no"'), "old", "exec")
    assert typed(CELLS[0][2], "B").count("\n") == CELLS[0][2].count("\n")  # typed on its line
