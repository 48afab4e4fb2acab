"""The coding drill (agreement, Cohen's kappa) and plain-function feedback for graded notebooks."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from facilitator_course.roleplay import (
    check_reply_text,
    cohens_kappa,
    feedback_html,
    feedback_on_reply,
    load_drill,
)
from facilitator_course.roleplay.coder import labels
from facilitator_course.roleplay.drill import check_drill_file


def fake_coder(text, context=None):
    persuade = "should" in text
    return SimpleNamespace(
        code="persuade" if persuade else "reflection_simple",
        confidence=0.7,
        cue="should" if persuade else "",
        error=None,
        explanation="Because of the cue.",
        labeling="addict" in text,
        disguised_advice=False,
        rewrite="It sounds like it matters." if persuade else None,
    )


# -- Cohen's kappa ---------------------------------------------------------------------------------
def test_kappa_matches_a_worked_example():
    # 2x2 table: both yes 20, expert yes/learner no 5, expert no/learner yes 10, both no 15.
    expert = ["y"] * 25 + ["n"] * 25
    learner = ["y"] * 20 + ["n"] * 5 + ["y"] * 10 + ["n"] * 15
    # po = 0.7, pe = 0.5*0.6 + 0.5*0.4 = 0.5, kappa = 0.4
    assert cohens_kappa(expert, learner) == pytest.approx(0.4)


def test_kappa_edge_cases():
    assert cohens_kappa([], []) is None
    assert cohens_kappa(["a", "a"], ["a", "a"]) == 1.0  # one category, full agreement
    assert cohens_kappa(["a", "b"], ["a", "b"]) == 1.0
    assert cohens_kappa(["a", "b"], ["b", "a"]) < 0  # worse than chance
    with pytest.raises(ValueError):
        cohens_kappa(["a"], [])


# -- The shipped drill -------------------------------------------------------------------------------
def test_the_drill_covers_every_label_with_explanations():
    drill = load_drill()
    used = {item.label for item in drill.items}
    assert used == set(labels())
    assert all(item.why and item.response for item in drill.items)
    assert len({item.id for item in drill.items}) == len(drill.items) >= 39


def test_scoring_agreement_kappa_and_per_label_breakdown():
    drill = load_drill()
    answers = {item.id: item.label for item in drill.items[:10]}
    wrong = drill.items[10]
    answers[wrong.id] = "other" if wrong.label != "other" else "affirm"
    result = drill.score(answers)
    assert len(result.answered) == 11
    assert result.agreement == pytest.approx(100 * 10 / 11)
    assert 0 < result.kappa < 1
    stats = {s.label: s for s in result.per_label()}
    assert stats[wrong.label].expert >= 1
    assert result.confusions()[0] == (wrong.label, answers[wrong.id], 1)
    assert drill.score({}).agreement is None and drill.score({}).kappa is None


def test_a_broken_drill_file_is_reported_with_lines(tmp_path):
    path = tmp_path / "d.yaml"
    path.write_text(
        "id: d\ntitle: T\ninstructions: I\nitems:\n  - id: a\n    response: Hi\n"
        "    label: greeting\n",
        encoding="utf-8",
    )
    drill, errors = check_drill_file(path)
    assert drill is None
    fields = {e.field: e for e in errors}
    assert "other" in fields["items.0.label"].expected and fields["items.0.label"].line == 7
    assert "explain" in fields["items.0.why"].expected


# -- Feedback for graded notebooks ------------------------------------------------------------------
def test_feedback_on_a_weak_reply_offers_a_better_one():
    feedback = feedback_on_reply("I drink to relax.", "You should stop drinking.", coder=fake_coder)
    assert feedback.coded and not feedback.ok and feedback.quality == "weak"
    assert feedback.better == "It sounds like it matters."
    assert feedback.cue == "should" and "A more reflective option" in str(feedback)
    html = feedback.html
    assert "A more MI-consistent option" in html and feedback._repr_html_() == html


def test_feedback_on_a_good_reply():
    feedback = feedback_on_reply(
        "I drink to relax.", "Drinking helps you unwind.", coder=fake_coder
    )
    assert feedback.ok and feedback.better is None and feedback.code == "reflection_simple"


@pytest.mark.parametrize("reply", [None, "", "   ", "word " * 150])
def test_empty_or_long_answers_get_a_clear_message_and_never_raise(reply):
    feedback = feedback_on_reply("I drink to relax.", reply, coder=fake_coder)
    assert not feedback.coded and not feedback.ok and feedback.message
    assert feedback.message == check_reply_text(reply)
    assert feedback.message in str(feedback)


def test_learner_text_is_escaped_in_the_html():
    html = feedback_html("<b>line</b>", "<script>alert(1)</script> you feel", coder=fake_coder)
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_a_model_reply_is_the_fallback_alternative_and_distress_shows_resources():
    def no_rewrite(text, context=None):
        return SimpleNamespace(**{**fake_coder(text).__dict__, "rewrite": None})

    feedback = feedback_on_reply(
        "Some days I want to die.",
        "You should cheer up.",
        coder=no_rewrite,
        model_reply="That sounds really heavy.",
    )
    assert feedback.better == "That sounds really heavy." and feedback.distress
    assert "988" in feedback.html  # the crisis banner comes with the feedback
