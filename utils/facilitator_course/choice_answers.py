"""Checking a choice typed as a letter (or true/false) between quotes: the visible check says the
answer will be read, the hidden check (with `correct`) compares it with the key."""

from __future__ import annotations

import re

from . import answer_messages as say
from .answer_messages import LeftForTrainer, grading
from .choice_reading import read_choice
from .htmlsafe import escape


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
        return say.outcome(
            False,
            "",
            f"“{escape(answer)}” names more than one option ({named}). Type just one letter: "
            f"{_options_text(options)}.",
        )
    if not normalise_choice(answer):
        return say.outcome(
            False,
            "",
            f"Not answered yet: type one letter ({_options_text(options)}) "
            "between the quotes, then run the cell again.",
        )
    if choice is None:
        return say.outcome(
            False,
            "",
            f"“{escape(answer)}” is not one of the options. Type just one "
            f"letter: {_options_text(options)}.",
        )
    if correct is None:
        return say.outcome(
            True,
            f"Answer recorded: {choice}. Your trainer's marking will tell you "
            "whether it is the best choice.",
            "",
        )
    return say.outcome(
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
        return say.outcome(False, "", message)
    value = mapping[text]
    if correct is None:
        return say.outcome(True, f"Answer recorded: {value}.", "")
    return say.outcome(value is correct, f"{value} is correct.", f"{value} is not right.", "wrong")
