"""Bad input gets a clear result or error, in bounded time, and is never evaluated."""

from __future__ import annotations

import time

import pytest

from facilitator_course.coding import (
    LABELS,
    analyse_belief,
    check_abc,
    classify_dispute,
    code_response,
    summarize,
)

MEGABYTE = "You should stop. " * 62_000  # about 1 MB

NASTY = {
    "empty": "",
    "whitespace": " \n\t  \u00a0 ",
    "megabyte": MEGABYTE,
    "emoji": "\U0001f642\U0001f37a\U0001f6ac",
    "emoji_in_text": "What brings you here tonight? \U0001f642",
    "other_script": "\u0412\u044b \u0434\u043e\u043b\u0436\u043d\u044b \u0431\u0440\u043e\u0441"
    "\u0438\u0442\u044c \u043f\u0438\u0442\u044c.",
    "cjk": "\u4f60\u5e94\u8be5\u6212\u9152\u3002",
    "html": "<b>What</b> brings <i>you</i> here?",
    "script": "<script>alert('x')</script>You should stop.",
    "control": "What\x00 brings\x07 you\x1b[31m here\u202e?",
    "python": "__import__('os').system('echo hacked')",
    "format_string": "{0.__class__} %s %(x)s {{}}",
    "regex_bomb": "a" * 50_000 + "!" * 50_000,
    "only_punctuation": "?!?!...,,,",
}
NOT_TEXT = [None, 42, 3.5, True, ["You should stop."], {"text": "hi"}, b"bytes"]


@pytest.mark.parametrize("name", sorted(NASTY))
def test_code_response_handles_nasty_text_quickly(name):
    start = time.perf_counter()
    coded = code_response(NASTY[name], NASTY[name])
    assert time.perf_counter() - start < 0.5
    assert coded.code in LABELS
    assert 0.0 <= coded.confidence <= 1.0
    assert coded.explanation


@pytest.mark.parametrize("name", ["empty", "whitespace"])
def test_empty_responses_report_an_error(name):
    coded = code_response(NASTY[name])
    assert coded.error and "empty" in coded.error
    assert coded.code == "other" and coded.confidence == 0.0


def test_text_without_readable_words_is_not_judged():
    for name in ("emoji", "cjk", "only_punctuation"):
        coded = code_response(NASTY[name])
        assert coded.code == "other" and coded.confidence == 0 and not coded.judged
        assert coded.reason in ("gibberish", "other_language")
        assert coded.explanation.startswith("I can't judge this reply.")


def test_markup_and_control_characters_are_ignored_not_interpreted():
    assert code_response(NASTY["html"]).code == "question_open"
    assert code_response(NASTY["control"]).code == "question_open"
    assert code_response(NASTY["script"]).code == "persuade"
    assert code_response("What <b>brings</b> you here?").cue.count("<") == 0


def test_a_megabyte_is_cut_and_marked_truncated():
    coded = code_response(MEGABYTE)
    assert coded.truncated and coded.code == "other"
    assert not coded.judged and coded.reason == "repeated"


@pytest.mark.parametrize("value", NOT_TEXT, ids=repr)
def test_non_string_values_are_an_error_not_an_exception(value):
    coded = code_response(value)
    assert coded.error and "text" in coded.error
    assert analyse_belief(value).error
    assert classify_dispute(value).error and classify_dispute(value).kind == "none"
    assert code_response("What brings you here?", context=value).code == "question_open"


@pytest.mark.parametrize("name", sorted(NASTY))
def test_rebt_functions_handle_nasty_text_quickly(name):
    text = NASTY[name]
    start = time.perf_counter()
    belief = analyse_belief(text)
    dispute = classify_dispute(text)
    check = check_abc(text, text, text, text, text)
    assert time.perf_counter() - start < 1.0
    assert isinstance(belief.irrational, tuple)
    assert dispute.kind in ("empirical", "logical", "pragmatic", "none")
    assert isinstance(check.all_ok, bool)
    for span in belief.spans:
        assert text[span.start : span.end] == span.text


def test_check_abc_treats_non_text_parts_as_empty():
    result = check_abc(None, 5, ["x"])
    assert not result.a.ok and not result.b.ok and not result.c.ok


def test_summarize_ignores_junk():
    s = summarize([None, 5, "nonsense", "question_open", object()])
    assert s.total == 1
