"""Checking a written answer: its length, the ideas a hidden check asks for, and help when it
mentions distress. A trainer marks written answers; these checks only guide the learner."""

from __future__ import annotations

import re
from collections.abc import Iterable

from . import answer_messages as say
from .answer_messages import DISTRESS_LEAD, grading, in_web_app
from .safety import crisis_banner_html, mentions_distress


def word_count(text: object) -> int:
    """Words as a reader counts them: "don't" and "well-being" are one word each."""
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
        say.show(crisis_banner_html(lead=DISTRESS_LEAD))
    if words == 0:
        return say.outcome(False, "", "Not answered yet: type your answer between the quotes.")
    if words < min_words:
        return say.outcome(
            False,
            "",
            f"Your answer has {words} word(s). Write at least {min_words} "
            "so your meaning is clear.",
        )
    if words > max_words:
        return say.outcome(False, "", f"Your answer has {words} words. Keep it under {max_words}.")
    lowered = text.lower()
    missing = [
        alts
        for alts in (list(a) for a in must_mention)
        if not any(alt.lower() in lowered for alt in alts)
    ]
    if missing:
        return say.outcome(
            False, "", "Your answer is missing an idea the question asks for.", "wrong"
        )
    return say.outcome(True, f"Answer recorded ({words} words).", "")


def review_written(answer: object, min_words: int = 40, max_words: int = 200) -> None:
    """Friendly, ungraded feedback on a written answer: length, and help if it mentions distress.

    It never raises, even while nbgrader runs the notebook: the written answer is marked by a
    trainer against the mark scheme, not by this function.
    """
    text = "" if answer is None else str(answer)
    words = word_count(text)
    if mentions_distress(text):
        say.show(crisis_banner_html(lead=DISTRESS_LEAD))
    if grading() or in_web_app():  # marked by a trainer; in the web app nothing can be typed
        return
    if words == 0:
        say.show(
            say.box(
                "todo",
                "Not answered yet: type your answer between the quotes and run the "
                "cell, then run this one again.",
            )
        )
    elif words < min_words:
        say.show(
            say.box("todo", f"{words} words so far. Aim for {min_words} to {max_words} words.")
        )
    elif words > max_words:
        say.show(say.box("todo", f"{words} words: please shorten it to at most {max_words}."))
    else:
        say.show(
            say.box("ok", f"{words} words. Your trainer will mark it against the criteria above.")
        )
