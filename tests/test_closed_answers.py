"""A first closed question gets a short answer and another turn; only a second one ends the talk.

Played with the real coder on shipped scenarios, so a change to the coder, the engine or the
scenario files that brings back "one closed question and the role-play is over" fails here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitator_course.roleplay import Conversation, check_scenario_file, load_scenario
from facilitator_course.roleplay.closed_answers import ANSWERED, ANSWERED_FEEDBACK
from facilitator_course.roleplay.loader import scenario_paths, scenarios_dir

CLOSED = "Is this your first meeting?"
CLOSED_AGAIN = "Do you drink every day?"
REFLECTION = "Being sent here feels unfair, like you've been turned into a case over one night."


def _typed() -> list[str]:
    return [p.stem for p in scenario_paths() if "question_closed: ending" in p.read_text()]


def test_a_first_closed_question_gets_the_short_answer_and_the_talk_goes_on():
    talk = Conversation(load_scenario("dee-sent-by-work"))
    turn = talk.reply(CLOSED)
    assert turn.code == "question_closed" and turn.quality == "neutral"
    assert ANSWERED_FEEDBACK in turn.feedback
    assert not talk.finished
    assert talk.node.says == "Maybe. Why do you need to know?"
    # the learner answers the same line again, with its hint and model reply
    assert talk.node.model_reply == load_scenario("dee-sent-by-work").node("opening").model_reply
    assert "short" in talk.node.hint


def test_a_reflection_after_the_short_answer_goes_where_it_would_have_gone():
    scenario = load_scenario("dee-sent-by-work")
    straight = Conversation(scenario)
    straight.reply(REFLECTION)
    after = Conversation(scenario)
    after.reply(CLOSED)
    turn = after.reply(REFLECTION)
    assert turn.quality == "good" and turn.picked_up == straight.transcript[0].picked_up
    assert after.node.id == straight.node.id == "the_form"


def test_a_second_closed_question_in_a_row_ends_the_talk_flat():
    talk = Conversation(load_scenario("dee-sent-by-work"))
    talk.reply(CLOSED)
    talk.reply(CLOSED_AGAIN)
    assert talk.finished and talk.node.id == "ending_flat"


def test_rewinding_the_closed_question_goes_back_to_the_first_line():
    talk = Conversation(load_scenario("dee-sent-by-work"))
    talk.reply(CLOSED)
    talk.rewind(1)
    assert talk.node.id == "opening" and not talk.transcript


@pytest.mark.parametrize("name", _typed())
def test_no_typed_role_play_ends_on_its_first_closed_question(name):
    scenario = load_scenario(name)
    for node in scenario.nodes.values():
        if node.respond != "free_text" or node.id.endswith(ANSWERED):
            continue
        target = scenario.node(node.next_for("question_closed"))
        assert not target.is_ending, f"{name}: a closed question at '{node.id}' ends the talk"


def _edited(tmp_path: Path, old: str, new: str, count: int = -1) -> Path:
    """A copy of dee-sent-by-work with `old` replaced by `new`, checked like any trainer's file."""
    text = (scenarios_dir() / "dee-sent-by-work.yaml").read_text(encoding="utf-8")
    path = tmp_path / "dee-sent-by-work.yaml"
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    return path


DEFAULT = 'closed_answer: "Maybe. Why do you need to know?"'


def test_without_a_closed_answer_the_author_link_is_kept(tmp_path: Path):
    path = _edited(tmp_path, DEFAULT + "\n", "")
    assert check_scenario_file(path) == []
    talk = Conversation(load_scenario(path))
    talk.reply(CLOSED)
    assert talk.node.id == "ending_flat"


def test_a_line_can_have_its_own_closed_answer(tmp_path: Path):
    own = '    closed_answer: "First and last, I hope."\n    respond: free_text'
    path = _edited(tmp_path, "    respond: free_text", own, 1)  # the first node is `opening`
    assert check_scenario_file(path) == []
    talk = Conversation(load_scenario(path))
    talk.reply(CLOSED)
    assert talk.node.says == "First and last, I hope."


def test_an_empty_closed_answer_is_reported(tmp_path: Path):
    path = _edited(tmp_path, DEFAULT, 'closed_answer: ""')
    errors = check_scenario_file(path)
    assert [e.field for e in errors] == ["closed_answer"]
