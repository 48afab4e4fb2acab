"""Checking a learner's typed answers: a choice letter or a sentence between quotes.

Learners are not programmers, so an answer check must read like a tutor, not like a test runner.
The same functions serve two audiences:

* While a learner works in JupyterLab or Voilà, a check shows a short, friendly message and never
  raises, so a blank or half-finished notebook still runs from top to bottom.
* When nbgrader executes the notebook (it sets NBGRADER_EXECUTION to "validate" or "autograde"),
  a failed check raises AnswerNotAccepted, an AssertionError, which is how nbgrader scores a test
  cell as failed. The message is the same plain sentence the learner would have seen.

The checks are split by what they read (choice_answers, written_answers, reply_answers) over
answer_messages, which decides how a result is shown; this module gathers them, so notebooks and
the rest of the package keep importing from `facilitator_course.answers`.
"""

from __future__ import annotations

from .answer_messages import (
    DISTRESS_LEAD,
    AnswerNotAccepted,
    LeftForTrainer,
    grading,
    in_web_app,
    plain_text,
    show_web_app_notice,
)
from .choice_answers import check_choice, check_true_false, normalise_choice
from .choice_reading import ChoiceReading, read_choice
from .reply_answers import ReplyVerdict, check_reply, judge_graded_reply
from .written_answers import check_sentence, review_written, word_count

__all__ = [
    "DISTRESS_LEAD",
    "AnswerNotAccepted",
    "ChoiceReading",
    "LeftForTrainer",
    "ReplyVerdict",
    "check_choice",
    "check_reply",
    "check_sentence",
    "check_true_false",
    "grading",
    "in_web_app",
    "judge_graded_reply",
    "normalise_choice",
    "plain_text",
    "read_choice",
    "review_written",
    "show_web_app_notice",
    "word_count",
]
