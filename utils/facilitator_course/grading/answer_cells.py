"""Trainees' answers as data: read each answer cell without running it, and rebuild the notebook.

Learners here are not programmers: every answer is a letter or a sentence typed between quotes,
so an answer cell is exactly one assignment of a string literal to the name the released cell
assigns (`answer_q1 = ("B")`). Anything else in an answer cell (another statement, an import, a
call, an f-string, a redefinition of the course's checks) is not an answer: it is reported to the
trainer with the trainee and the item, the item is graded as not answered, and it never runs.

Grading then runs a notebook rebuilt from the trusted released version, with each answer cell
replaced by the validated string written back as a literal. The only code that runs is the
course's own; a trainee's words reach it as data. Answers are written so that no line of the
rebuilt cell contains one of nbgrader's region markers ("BEGIN HIDDEN TESTS", "END SOLUTION"...),
which nbgrader looks for anywhere in a line: an answer that quotes them is graded and fed back
like any other instead of having part of itself cut out.
"""

from __future__ import annotations

import ast
import copy
import re
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from nbformat.notebooknode import NotebookNode

from .notebook_text import grade_id

# nbgrader's region markers all contain one of these words; see _literal.
_MARKER_WORDS = re.compile(r"(BEGIN|END)")
_MAX_ANSWER_CHARS = 20_000


@dataclass(frozen=True)
class Rejected:
    """An answer cell that is not a plain answer: which one and why, for the fault report."""

    notebook: str
    cell: str
    reason: str

    def sentence(self) -> str:
        return f"{self.cell} in {self.notebook}: {self.reason}; graded as not answered, never run"


@dataclass
class Rebuilt:
    """A notebook rebuilt for grading, and what was left out of it."""

    notebook: NotebookNode
    rejected: list[Rejected] = field(default_factory=list)
    ignored_cells: int = 0


def expected_name(released_source: str) -> str | None:
    """The name a released answer cell assigns (`answer_q1 = ...`), or None if it is not one."""
    try:
        tree = ast.parse(released_source)
    except SyntaxError:
        return None
    if len(tree.body) != 1 or not isinstance(tree.body[0], ast.Assign):
        return None
    targets = tree.body[0].targets
    if len(targets) != 1 or not isinstance(targets[0], ast.Name):
        return None
    return targets[0].id


def read_answer(source: str, name: str) -> tuple[str | None, str | None]:
    """(answer, None) for a plain `name = "text"` cell, else (None, why it is not an answer).

    Parsed with `ast`, never executed. Comments and brackets around the text are fine; implicit
    concatenation of literals ("a" "b") is one literal to Python and fine too.
    """
    try:
        tree = ast.parse(source)
    except SyntaxError as exc:
        return None, f"the cell is not a quoted answer (line {exc.lineno}: {exc.msg})"
    except ValueError:  # e.g. a NUL character
        return None, "the cell contains characters that cannot be read"
    if not tree.body:
        return None, "the answer cell is empty (the quotes were deleted)"
    if len(tree.body) != 1:
        return None, f"the cell holds {len(tree.body)} statements instead of one quoted answer"
    statement = tree.body[0]
    if not isinstance(statement, ast.Assign):
        return None, f"the cell holds code ({type(statement).__name__}) instead of an answer"
    targets = statement.targets
    if len(targets) != 1 or not isinstance(targets[0], ast.Name) or targets[0].id != name:
        return None, f"the cell assigns something other than {name}"
    value = statement.value
    if isinstance(value, ast.JoinedStr):
        return None, "the answer is an f-string (code inside the quotes)"
    if not isinstance(value, ast.Constant) or not isinstance(value.value, str):
        return None, "the answer is code, not text between quotes"
    if len(value.value) > _MAX_ANSWER_CHARS:
        return None, f"the answer is longer than {_MAX_ANSWER_CHARS} characters"
    return value.value, None


# A long line of an answer is written as several literals, split after a space, so that the
# Formgrader (which shows the rebuilt cell) wraps it for the trainer instead of one endless line.
_PIECE_CHARS = 90
_AFTER_SPACE = re.compile(r"\S*\s*")


def _pieces(line: str) -> list[str]:
    """`line` cut after spaces into pieces of about _PIECE_CHARS; joined, they are `line`."""
    pieces, current = [], ""
    for word in _AFTER_SPACE.findall(line):
        if current and len(current) + len(word) > _PIECE_CHARS:
            pieces.append(current)
            current = ""
        current += word
    return [*pieces, current] if current or not pieces else pieces


def _literal(text: str) -> str:
    """A Python string literal for `text`, one source line per line of text (long lines cut).

    repr() makes each piece a valid literal; the first letter of BEGIN/END is then written as a
    \\x escape, so the literal means the same text while no line contains nbgrader's markers.
    """
    pieces = [p for line in text.splitlines(keepends=True) for p in _pieces(line)] or [""]
    lines = [
        _MARKER_WORDS.sub(lambda m: f"\\x{ord(m.group(1)[0]):02x}" + m.group(1)[1:], repr(p))
        for p in pieces
    ]
    return "\n".join("    " + line for line in lines)


def answer_source(released_source: str, name: str, text: str) -> str:
    """The rebuilt answer cell: the released cell's comment lines, then `name = ( <literal> )`."""
    comments = [line for line in released_source.splitlines() if line.lstrip().startswith("#")]
    return "\n".join([*comments[:3], f"{name} = (", _literal(text), ")"])


def _is_answer_cell(cell: NotebookNode) -> bool:
    meta = cell.get("metadata", {}).get("nbgrader", {})
    return cell.get("cell_type") == "code" and bool(meta.get("solution"))


def rebuild(released: NotebookNode, submitted: NotebookNode, notebook: str) -> Rebuilt:
    """The released notebook with the submission's answers (as data) in its answer cells.

    Locked and test cells come from the release, whatever the submission holds. A graded cell
    the trainee deleted stays out, so nbgrader leaves that item for a manual grade (as it did for
    the submission itself; the fault report names it). Cells a trainee added are left out.
    """
    by_id = {gid: cell for cell in submitted.cells if (gid := grade_id(cell))}
    out = copy.deepcopy(released)
    result = Rebuilt(out)
    kept = []
    for cell in out.cells:
        gid = grade_id(cell)
        mine = by_id.get(gid) if gid else None
        meta = cell.get("metadata", {}).get("nbgrader", {})
        if gid and mine is None and meta.get("grade") and not meta.get("solution"):
            continue  # a deleted test cell: left for the trainer, as nbgrader would
        if gid and _is_answer_cell(cell):
            name = expected_name(cell.source)
            if name is not None:
                if mine is None:
                    text, why = "", "the answer cell was deleted"
                else:
                    text, why = read_answer(str(mine.get("source", "")), name)
                if why is not None:
                    result.rejected.append(Rejected(notebook, gid, why))
                cell.source = answer_source(cell.source, name, text or "")
        elif (
            gid
            and mine is not None
            and cell.get("cell_type") == "markdown"
            and meta.get("solution")
        ):
            cell.source = str(mine.get("source", ""))  # a written answer in Markdown: text only
        if cell.get("cell_type") == "code":
            cell["outputs"], cell["execution_count"] = [], None
        kept.append(cell)
    out.cells = kept
    released_ids = {gid for c in released.cells if (gid := grade_id(c))}
    # A lesson handed in through the exchange keeps its ungraded code cells (no grade id):
    # those came from the release, so they are not "added".
    released_code = {
        str(c.get("source", "")).strip() for c in released.cells if c.get("cell_type") == "code"
    }
    result.ignored_cells = sum(
        1
        for c in submitted.cells
        if c.get("cell_type") == "code"
        and grade_id(c) not in released_ids
        and str(c.get("source", "")).strip()
        and str(c.get("source", "")).strip() not in released_code
    )
    return result


def write_rebuilt(rebuilt: Rebuilt, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(rebuilt.notebook, path)
