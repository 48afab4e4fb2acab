"""How an answer check speaks: a box for the learner, one web-app notice, or a failed test cell.

Learners are not programmers, so an answer check must read like a tutor, not like a test runner.
While a learner works in JupyterLab or Voilà, a check shows a short, friendly message and never
raises, so a blank or half-finished notebook still runs from top to bottom. When nbgrader executes
the notebook (it sets NBGRADER_EXECUTION to "validate" or "autograde"), a failed check raises
AnswerNotAccepted, an AssertionError, which is how nbgrader scores a test cell as failed. The
message is the same plain sentence the learner would have seen. The checks themselves live in
choice_answers, written_answers and reply_answers; `answers` gathers them for the notebooks.
"""

from __future__ import annotations

import os
import re
from html import unescape

from .self_check import SELF_CHECK_FILE

DISTRESS_LEAD = (
    "Your answer may be about distress, suicide or self-harm. If that is about you or someone "
    "near you right now, please reach out."
)


class AnswerNotAccepted(AssertionError):
    """A graded check did not pass; the message is written for the learner."""


class LeftForTrainer(AnswerNotAccepted):
    """Raised while grading when the feedback engine cannot judge a typed reply.

    The autograder records such an item as needing a manual grade (not as 0), and
    `facilitator-course grade` shows it to the trainer with this message as the reason.
    """


def grading() -> bool:
    """True while nbgrader validates or autogrades this notebook."""
    return bool(os.environ.get("NBGRADER_EXECUTION"))


def in_web_app() -> bool:
    """True inside a Voilà page, where code cells are hidden and cannot be edited."""
    return bool(os.environ.get("VOILA_KERNEL_ID") or os.environ.get("VOILA_BASE_URL"))


_WEB_APP_NOTICE = (
    "You are reading this exercise in the web app, where answers cannot be typed. To answer it, "
    "open the notebook in JupyterLab (<code>facilitator-course lab</code>) or get it from your "
    "trainer. To test yourself on these questions here, with answers checked at once, open "
    f'<a href="{SELF_CHECK_FILE}" style="text-decoration:underline">this module\'s '
    "self-check</a>. The practice exercises in the lessons work here too."
)
_notice_shown = False


def show(html: str) -> None:
    try:
        from IPython.display import HTML, display
    except ImportError:  # pragma: no cover - IPython is always installed with the course
        print(plain_text(html))
        return
    display(HTML(html))


def box(kind: str, message: str) -> str:
    colours = {
        "ok": ("#1b5e20", "#e8f5e9", "✔"),
        "todo": ("#8a5300", "#fff4e0", "✎"),
        "wrong": ("#8a1c1c", "#fdecea", "✘"),
    }
    fg, bg, mark = colours[kind]
    return (
        f'<div class="fc-check fc-{kind}" style="border-left:4px solid {fg};background:{bg};'
        f'color:#1a1a1a;padding:6px 10px;margin:4px 0"><strong style="color:{fg}">{mark}</strong> '
        f"{message}</div>"
    )


def show_web_app_notice() -> None:
    """In the web app, say once (at the top of an exercise) that answers are typed in JupyterLab.

    Elsewhere it shows nothing. The first answer check shows the same notice if this was not called.
    """
    global _notice_shown
    if in_web_app() and not grading() and not _notice_shown:
        _notice_shown = True
        show(box("todo", _WEB_APP_NOTICE))


def plain_text(message: str) -> str:
    """The HTML message as nbgrader's plain-text feedback: tags removed, then entities such as
    &lt; and &quot; turned back into the characters the learner typed (it is never rendered)."""
    return unescape(re.sub(r"<[^>]+>", "", re.sub(r"<br\s*/?>", "\n", message)))


def outcome(passed: bool, message_ok: str, message_bad: str, kind_bad: str = "todo") -> bool:
    if in_web_app() and not grading():
        show_web_app_notice()
        return passed
    if passed:
        if not grading():
            show(box("ok", message_ok))
        return True
    if grading():
        raise AnswerNotAccepted(plain_text(message_bad))
    show(box(kind_bad, message_bad))
    return False
