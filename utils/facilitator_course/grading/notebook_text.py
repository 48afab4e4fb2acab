"""Reading what a graded notebook says, without running any of it.

The trainer tools need a trainee's typed answers (item analysis, the MI profile, marking written
answers), the participant line a role-play reply answers, and the course's secrets (hidden tests,
mark schemes) to prove none of them reaches a trainee. Submissions are untrusted input, so answers
are read by parsing the cell (Python's `ast`), never by executing it.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import nbformat


HIDDEN_TESTS = ("BEGIN HIDDEN TESTS", "END HIDDEN TESTS")
MARK_SCHEME = ("BEGIN MARK SCHEME", "END MARK SCHEME")
ANSWER_SUFFIX = "_answer"
_TRIPLE_QUOTED = re.compile(r'"""(.*?)"""|\'\'\'(.*?)\'\'\'', re.S)


def grade_id(cell: nbformat.NotebookNode) -> str | None:
    return cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")


def cells_by_grade_id(nb: nbformat.NotebookNode) -> dict[str, nbformat.NotebookNode]:
    return {gid: cell for cell in nb.cells if (gid := grade_id(cell))}


def _first_string(node: ast.AST) -> str | None:
    for child in ast.walk(node):
        if isinstance(child, ast.Constant) and isinstance(child.value, str):
            return child.value
    return None


def answer_text(source: str) -> str | None:
    '''The answer a trainee typed into an answer cell (`name = ("""...""")`), or None.

    The first string assigned in the cell is the answer. A cell that no longer parses (a trainee
    deleted a quote) falls back to the first triple-quoted text, so a trainer still sees it.
    '''
    try:
        tree = ast.parse(source)
    except SyntaxError:
        match = _TRIPLE_QUOTED.search(source)
        return (match.group(1) or match.group(2) or "").strip() if match else None
    for statement in tree.body:
        if isinstance(statement, (ast.Assign, ast.AnnAssign)) and statement.value is not None:
            text = _first_string(statement.value)
            if text is not None:
                return text.strip()
    for statement in tree.body:
        if isinstance(statement, ast.Expr):
            text = _first_string(statement)
            if text is not None:
                return text.strip()
    return None


def notebook_answers(nb: nbformat.NotebookNode) -> dict[str, str | None]:
    """{item grade id: typed answer} for every `<item>_answer` cell of a notebook."""
    answers: dict[str, str | None] = {}
    for gid, cell in cells_by_grade_id(nb).items():
        if gid.endswith(ANSWER_SUFFIX):
            item = gid[: -len(ANSWER_SUFFIX)]
            if cell.cell_type == "code":
                answers[item] = answer_text(cell.source)
            else:
                answers[item] = cell.source.strip()
    return answers


def folder_answers(folder: Path) -> Iterator[tuple[str, str | None]]:
    """(item, typed answer) for every notebook in a folder, in name order; notebooks that
    cannot be read are skipped (the fault report says why). Parsed, never run."""
    for path in sorted(Path(folder).glob("*.ipynb")):
        try:
            nb = read_notebook(path)
        except Exception:
            continue
        yield from notebook_answers(nb).items()


def source_folder(course_root: Path | None, solutions_dir: Path, module_id: str) -> Path:
    """A module's instructor notebooks: the course folder's source/ copy (what was released),
    else the repository's solutions/."""
    source = Path(course_root) / "source" / module_id if course_root else None
    return source if source is not None and source.is_dir() else solutions_dir / module_id


def participant_lines(nb: nbformat.NotebookNode) -> dict[str, str | None]:
    """{grade id: participant_line} for every code cell with a grade id."""
    return {
        gid: participant_line(cell.source)
        for gid, cell in cells_by_grade_id(nb).items()
        if cell.cell_type == "code"
    }


def participant_line(test_source: str) -> str | None:
    """The participant's words a role-play reply answers: `check_reply(..., participant="...")`."""
    try:
        tree = ast.parse(test_source)
    except SyntaxError:
        return None
    # The line may be written inline or assigned to a name first (participant_x = "...").
    names = {
        target.id: node.value.value
        for node in tree.body
        if isinstance(node, ast.Assign)
        and isinstance(node.value, ast.Constant)
        and isinstance(node.value.value, str)
        for target in node.targets
        if isinstance(target, ast.Name)
    }

    def text_of(value: ast.AST) -> str | None:
        if isinstance(value, ast.Constant) and isinstance(value.value, str):
            return value.value
        if isinstance(value, ast.Name):
            return names.get(value.id)
        return None

    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
        if name != "check_reply":
            continue
        for keyword in node.keywords:
            if keyword.arg == "participant":
                return text_of(keyword.value)
            if keyword.arg == "item":  # the line lives in data/graded_replies.yaml
                item = text_of(keyword.value)
                return _graded_line(item) if item else None
        if len(node.args) > 1:
            return text_of(node.args[1])
    return None


def _graded_line(item: str) -> str | None:
    from ..content import ContentError
    from ..graded_replies import graded_replies

    try:
        reply = graded_replies().get(item)
    except ContentError:
        return None
    return reply.says if reply else None


def region(source: str, delimiters: tuple[str, str]) -> str | None:
    """The text between nbgrader's begin/end delimiter lines (without them), or None."""
    begin, end = delimiters
    inside, lines, found = False, [], False
    for line in source.splitlines():
        if begin in line:
            inside, found = True, True
        elif end in line:
            inside = False
        elif inside:
            lines.append(line)
    return "\n".join(lines).strip() if found else None


def mark_scheme(source: str) -> str | None:
    return region(source, MARK_SCHEME)


def hidden_tests(source: str) -> str | None:
    return region(source, HIDDEN_TESTS)


def grading_secrets(source_notebook: Path) -> Iterator[str]:
    """Every non-trivial line of hidden tests and mark schemes in an instructor notebook.

    These are what must never appear in anything returned to a trainee.
    """
    nb = read_notebook(source_notebook)
    for cell in nb.cells:
        for text in (hidden_tests(cell.source), mark_scheme(cell.source)):
            for line in (text or "").splitlines():
                if len(line.strip()) >= 12:
                    yield line.strip()


def read_notebook(path: str | Path) -> nbformat.NotebookNode:
    """nbformat.read, importing nbformat only here: it imports jsonschema, whose format checks
    build dozens of grammars (about 2 s), and a self-check page imports this module (through
    item_text) for the explanations alone."""
    import nbformat

    return nbformat.read(path, as_version=4)
