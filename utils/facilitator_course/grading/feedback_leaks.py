"""The leak check on returned feedback: does a file still show a secret of the course?

The second line of defence of feedback.py. nbgrader's own preprocessors remove hidden tests and
mark schemes, and DropTrainerNotes the trainer's notes; this searches every generated file anyway,
for each hidden-test and mark-scheme line of the instructor notebooks, each line of a written
answer's model answer (unless the trainee wrote that line) and a trainer's note, so that a change
in nbgrader or in a template cannot quietly send the right answers to a trainee.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import nbformat

from .item_text import module_items
from .notebook_text import folder_answers, grading_secrets
from .trainer_view import NOTE_CLASS, NOTE_HEADING, anchor_lines

_TAG = re.compile(r"<[^>]+>")
_SCRIPT = re.compile(r"(?is)<(script|style)\b.*?</\1>")
_LIST_MARK = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_SPACE = re.compile(r"\s+")
# Whitespace and the characters Markdown or highlighting may drop or add (emphasis, code, quotes,
# headings); compared without them on both sides, a secret is found however it is rendered.
_LOOSE = re.compile(r"[\s*_`#>]+")


def visible_text(markup: str) -> str:
    """What a reader of an HTML file (or the notebook's source text) sees, whitespace-normalised."""
    without_tags = _TAG.sub(" ", _SCRIPT.sub(" ", markup))
    return _SPACE.sub(" ", html.unescape(without_tags)).strip()


def _loose(text: str) -> str:
    return _LOOSE.sub("", text)


def _normalise_line(line: str) -> str:
    return _SPACE.sub(" ", _LIST_MARK.sub("", line)).strip()


def module_secrets(course_root: Path, module_id: str) -> list[str]:
    """Hidden-test and mark-scheme lines that the learner version of the module does not show."""
    source = course_root / "source" / module_id
    release = course_root / "release" / module_id
    visible = ""
    for path in sorted(release.glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        visible += "\n".join(
            _loose(_normalise_line(line)) for c in nb.cells for line in c.source.split("\n")
        )
    secrets = []
    for path in sorted(source.glob("*.ipynb")):
        for line in grading_secrets(path):
            normal = _normalise_line(line)
            if len(_loose(normal)) >= 12 and _loose(normal) not in visible:
                secrets.append(normal)
    return sorted(set(secrets))


def module_anchors(course_root: Path, module_id: str) -> list[str]:
    """Lines of the model answers of a module's written answers (shown only in trainer notes)."""
    return sorted(set(anchor_lines(module_items(Path(course_root) / "source" / module_id))))


def own_words(course_root: Path, trainee: str, module_id: str) -> str:
    """Everything the trainee typed in the module, compared loosely: a line of a model answer
    that the trainee wrote is theirs to read back."""
    folder = Path(course_root) / "submitted" / trainee / module_id
    return _loose(" ".join(answer or "" for _, answer in folder_answers(folder)))


def shows_trainer_note(text: str) -> bool:
    return NOTE_CLASS in text or _loose(NOTE_HEADING) in _loose(visible_text(text))


def find_leaks(text: str, secrets: list[str]) -> list[str]:
    """The secrets that appear in a returned file, as displayed or anywhere in its markup.

    Syntax highlighting wraps every token of a code line in its own <span>, and Markdown turns
    `**` and `_` into tags, so the text and each secret are compared the same way: tags, scripts,
    whitespace and Markdown's characters taken out of both. (Stripping them from the secret only
    is what let code-shaped hidden tests, full of `_`, through before.)
    """
    haystacks = (
        _loose(visible_text(text)),
        _loose(html.unescape(text)),
        _loose(html.unescape(_TAG.sub("", _SCRIPT.sub("", text)))),
    )
    return [secret for secret in secrets if any(_loose(secret) in h for h in haystacks)]
