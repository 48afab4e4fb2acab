"""Checking a learner's typed answers: a choice letter or a sentence between quotes.

Learners are not programmers, so an answer check must read like a tutor, not like a test runner.
The same functions serve two audiences:

* While a learner works in JupyterLab or Voilà, a check shows a short, friendly message and never
  raises, so a blank or half-finished notebook still runs from top to bottom.
* When nbgrader executes the notebook (it sets NBGRADER_EXECUTION to "validate" or "autograde"),
  a failed check raises AnswerNotAccepted, an AssertionError, which is how nbgrader scores a test
  cell as failed. The message is the same plain sentence the learner would have seen.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from html import unescape
from typing import Any

from .choice_reading import ChoiceReading, read_choice  # noqa: F401  (re-exported)
from .htmlsafe import escape
from .safety import crisis_banner_html, mentions_distress
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


def _show(html: str) -> None:
    try:
        from IPython.display import HTML, display
    except ImportError:  # pragma: no cover - IPython is always installed with the course
        print(plain_text(html))
        return
    display(HTML(html))


def _box(kind: str, message: str) -> str:
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
        _show(_box("todo", _WEB_APP_NOTICE))


def plain_text(message: str) -> str:
    """The HTML message as nbgrader's plain-text feedback: tags removed, then entities such as
    &lt; and &quot; turned back into the characters the learner typed (it is never rendered)."""
    return unescape(re.sub(r"<[^>]+>", "", re.sub(r"<br\s*/?>", "\n", message)))


def _outcome(passed: bool, message_ok: str, message_bad: str, kind_bad: str = "todo") -> bool:
    if in_web_app() and not grading():
        show_web_app_notice()
        return passed
    if passed:
        if not grading():
            _show(_box("ok", message_ok))
        return True
    if grading():
        raise AnswerNotAccepted(plain_text(message_bad))
    _show(_box(kind_bad, message_bad))
    return False


def normalise_choice(answer: object) -> str:
    """Turn 'b', ' B. ', '(b)', 'Option B' or 'b)' into 'B'; anything else into its upper text."""
    text = str(answer if answer is not None else "").strip().upper()
    text = re.sub(r"^(?:OPTION|ANSWER|CHOICE)\s*[:\-]?\s*", "", text)
    text = text.strip(" .()[]:;,-'\"")
    return text


def _options_text(options: str) -> str:
    letters = list(options)
    return ", ".join(letters[:-1]) + f" or {letters[-1]}" if len(letters) > 1 else letters[0]


def check_choice(answer: object, options: str = "ABCD", correct: str | None = None) -> bool:
    """Check a multiple-choice answer.

    Without `correct` (the visible check) it only confirms the answer is one of the options, so the
    learner knows their answer will be read. With `correct` (the hidden check used for marks) it
    also compares with the expected letter. An answer naming two options ("A or B") is not scored
    while grading: it is left for the trainer (LeftForTrainer), like a reply the coder cannot judge.
    """
    reading = read_choice(answer, options)
    choice = reading.letter
    if reading.ambiguous:
        named = " or ".join(reading.ambiguous)
        if grading():
            if correct is None:
                return True  # the visible check: the hidden test leaves it for the trainer
            raise LeftForTrainer(
                f"The answer “{answer}” names more than one option ({named}); "
                "left for your trainer to mark."
            )
        return _outcome(
            False,
            "",
            f"“{escape(answer)}” names more than one option ({named}). Type just one letter: "
            f"{_options_text(options)}.",
        )
    if not normalise_choice(answer):
        return _outcome(
            False,
            "",
            f"Not answered yet: type one letter ({_options_text(options)}) "
            "between the quotes, then run the cell again.",
        )
    if choice is None:
        return _outcome(
            False,
            "",
            f"“{escape(answer)}” is not one of the options. Type just one "
            f"letter: {_options_text(options)}.",
        )
    if correct is None:
        return _outcome(
            True,
            f"Answer recorded: {choice}. Your trainer's marking will tell you "
            "whether it is the best choice.",
            "",
        )
    return _outcome(
        choice == correct.upper(),
        f"{choice} is correct.",
        f"{choice} is not the best choice.",
        kind_bad="wrong",
    )


def check_true_false(answer: object, correct: bool | None = None) -> bool:
    """Check an answer typed as true/false (also accepts yes/no, T/F, Y/N)."""
    text = normalise_choice(answer)
    mapping = {
        "TRUE": True,
        "T": True,
        "YES": True,
        "Y": True,
        "FALSE": False,
        "F": False,
        "NO": False,
        "N": False,
    }
    if text not in mapping:
        message = (
            "Not answered yet: type True or False between the quotes."
            if not text
            else f"“{escape(answer)}” is neither True nor False. Type True or False."
        )
        return _outcome(False, "", message)
    value = mapping[text]
    if correct is None:
        return _outcome(True, f"Answer recorded: {value}.", "")
    return _outcome(value is correct, f"{value} is correct.", f"{value} is not right.", "wrong")


def word_count(text: object) -> int:
    return len(re.findall(r"[^\W_]+(?:['’-][^\W_]+)*", str(text or "")))


def check_sentence(
    answer: object,
    min_words: int = 5,
    max_words: int = 400,
    must_mention: Iterable[Iterable[str]] = (),
) -> bool:
    """Check a written answer for length and, for hidden checks, for the ideas it must contain.

    `must_mention` is a list of alternatives: each entry is satisfied when any of its words or
    phrases appears (case-insensitive). It checks the presence of ideas, never exact wording.
    """
    text = "" if answer is None else str(answer)
    words = word_count(text)
    if mentions_distress(text) and not grading():
        _show(crisis_banner_html(lead=DISTRESS_LEAD))
    if words == 0:
        return _outcome(False, "", "Not answered yet: type your answer between the quotes.")
    if words < min_words:
        return _outcome(
            False,
            "",
            f"Your answer has {words} word(s). Write at least {min_words} "
            "so your meaning is clear.",
        )
    if words > max_words:
        return _outcome(False, "", f"Your answer has {words} words. Keep it under {max_words}.")
    lowered = text.lower()
    missing = [
        alts
        for alts in (list(a) for a in must_mention)
        if not any(alt.lower() in lowered for alt in alts)
    ]
    if missing:
        return _outcome(False, "", "Your answer is missing an idea the question asks for.", "wrong")
    return _outcome(True, f"Answer recorded ({words} words).", "")


def review_written(answer: object, min_words: int = 40, max_words: int = 200) -> None:
    """Friendly, ungraded feedback on a written answer: length, and help if it mentions distress.

    It never raises, even while nbgrader runs the notebook: the written answer is marked by a
    trainer against the mark scheme, not by this function.
    """
    text = "" if answer is None else str(answer)
    words = word_count(text)
    if mentions_distress(text):
        _show(crisis_banner_html(lead=DISTRESS_LEAD))
    if grading() or in_web_app():  # marked by a trainer; in the web app nothing can be typed
        return
    if words == 0:
        _show(
            _box(
                "todo",
                "Not answered yet: type your answer between the quotes and run the "
                "cell, then run this one again.",
            )
        )
    elif words < min_words:
        _show(_box("todo", f"{words} words so far. Aim for {min_words} to {max_words} words."))
    elif words > max_words:
        _show(_box("todo", f"{words} words: please shorten it to at most {max_words}."))
    else:
        _show(_box("ok", f"{words} words. Your trainer will mark it against the criteria above."))


@dataclass(frozen=True)
class ReplyVerdict:
    """How a typed reply fares against a graded item's rule (`graded_replies.yaml`).

    `meets` is None when the engine could not judge the reply (the trainer marks it); `coded`
    is the engine's judgement and `pickup` what the reply picked up from the line (or None).
    """

    meets: bool | None
    coded: Any
    pickup: Any = None
    reason: str = ""  # why the trainer is left to mark it, when meets is None

    @property
    def harmful(self) -> bool:
        return _harmful(self.coded)


def _harmful(coded: Any) -> bool:
    """Advice without permission, confrontation or a label: never worth a point."""
    return coded.code in ("persuade", "confront") or coded.labeling or coded.disguised_advice


def judge_graded_reply(answer: object, item: str) -> ReplyVerdict:
    """Apply a graded item's rule to a reply: the kind it asks for, what it must pick up, and
    never a point for advice without permission, confrontation or a label."""
    from .coding import code_response
    from .coding.pickup import PICKUP_NAMES, pick_up
    from .graded_replies import graded_reply

    rule = graded_reply(item)
    text = "" if answer is None else str(answer)
    related = tuple(" ".join(idea.words) for idea in rule.ideas)
    coded = code_response(text, rule.says, related=related)
    if not coded.judged:
        return ReplyVerdict(None, coded, reason=str(coded.explanation))
    found = pick_up(text, rule.ideas, rule.says) if rule.ideas else None
    verdict = ReplyVerdict(False, coded, found)
    if verdict.harmful or not rule.accepts_code(coded.code):
        return verdict
    if not rule.picks or (found is not None and found.side in rule.picks and found.specific):
        return ReplyVerdict(True, coded, found)
    # The kind is right and nothing harmful is in it, but matching words cannot confirm what it
    # picked up (a paraphrase the word lists do not know, or a different side): a person decides.
    wanted = " or ".join(PICKUP_NAMES[p] for p in rule.picks)
    return ReplyVerdict(
        None,
        coded,
        found,
        reason=f"The reply reads as the kind the task asks for, but I could not confirm that it "
        f"picks up {wanted}.",
    )


def check_reply(
    answer: object,
    participant: str | None = None,
    expect: Iterable[str] | None = None,
    min_words: int = 3,
    item: str | None = None,
    mark: bool = False,
) -> bool:
    """Check a typed facilitator reply to a participant's line with the course's feedback engine.

    With `item` (a key of data/graded_replies.yaml) the line, its ideas and the marking rule come
    from that file; `mark=True` applies the rule (the hidden test), otherwise the learner sees
    how the reply reads, what it picked up and whether it meets the rule. Without `item`,
    `expect` lists the labels that earn the mark (older form). Whatever the rule: advice without
    permission, confrontation and identity labels never earn it, and a reply the engine cannot
    judge is left for the trainer (LeftForTrainer while grading) instead of being scored.
    """
    from .coding import LABEL_NAMES
    from .coding.pickup import PICKUP_NAMES, describe
    from .graded_replies import graded_reply

    rule = graded_reply(item) if item else None
    line = rule.says if rule else (participant or "")
    text = "" if answer is None else str(answer)
    if mentions_distress(text) and not grading():
        _show(crisis_banner_html())
    words = word_count(text)
    if words == 0:
        return _outcome(False, "", "Not answered yet: type your reply between the quotes.")
    if words < min_words:
        return _outcome(False, "", f"Your reply has {words} word(s); write a full sentence.")
    if rule is not None:
        verdict = judge_graded_reply(text, rule.item)
        coded, found = verdict.coded, verdict.pickup
    else:
        from .coding import code_response

        coded, found = code_response(text, line), None
        verdict = None
    undecided = verdict is not None and verdict.meets is None
    if not coded.judged or (undecided and mark):
        reason = escape(verdict.reason if verdict is not None else coded.explanation)
        if grading() and (mark or expect is not None):
            raise LeftForTrainer(plain_text(f"Left for your trainer to mark: {reason}"))
        if not coded.judged:
            if grading():  # the visible check: the hidden test leaves it for the trainer
                return True
            return _outcome(False, "", f"{reason} Your trainer will read it if you hand it in.")
    name = LABEL_NAMES.get(coded.code, coded.code)
    detail = escape(coded.explanation)
    if found is not None and rule is not None:
        detail += " " + escape(describe(found, rule.ideas))
    if coded.rewrite:
        detail += f"<br><em>Try:</em> {escape(coded.rewrite)}"
    if rule is not None and verdict is not None:
        meets = bool(verdict.meets)
        verdict_word = (
            "may or may not meet (your trainer will decide)"
            if undecided
            else "meets"
            if meets
            else "does not meet"
        )
        if not mark:
            if not grading():
                kind = "ok" if meets else "todo"
                _show(
                    _box(
                        kind,
                        f"Your reply reads as <strong>{escape(name)}</strong>. {detail}<br>"
                        f"It {verdict_word} this task's rule: {escape(rule.rule)}",
                    )
                )
            return True
        picked = PICKUP_NAMES.get(found.side, "") if found is not None else ""
        return _outcome(
            meets,
            f"Your reply reads as {escape(name)} and meets the rule.",
            f"Your reply reads as {escape(name)}"
            + (f" and picks up {escape(picked)}" if picked else "")
            + f"; the rule is: {escape(rule.rule)} {detail}",
            kind_bad="wrong",
        )
    if expect is None:
        return _outcome(True, f"Your reply reads as <strong>{escape(name)}</strong>. {detail}", "")
    wanted = tuple(expect)
    wanted_names = " or ".join(LABEL_NAMES.get(label, label) for label in wanted)
    passed = coded.code in wanted and not _harmful(coded)
    return _outcome(
        passed,
        f"Your reply reads as {escape(name)}, as asked.",
        f"Your reply reads as {escape(name)}; the task asks for {escape(wanted_names)}. {detail}",
        kind_bad="wrong",
    )
