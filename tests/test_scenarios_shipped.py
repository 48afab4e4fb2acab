"""Every shipped scenario, meeting and drill passes the checker, and can be played to an end."""

from __future__ import annotations

from collections import Counter
from types import SimpleNamespace
from typing import Any

import pytest

from facilitator_course.cli import main
from facilitator_course.coding.judge import code_response
from facilitator_course.roleplay import (
    Conversation,
    feedback_on_reply,
    load_scenario,
    scenario_paths,
)
from facilitator_course.roleplay.coder import labels
from facilitator_course.roleplay.state import STYLES, quality

SCENARIOS = [p.stem for p in scenario_paths()]


def label_coder(text: str, context: str | None = None) -> Any:
    """A coder that returns the label typed as the reply: lets a test pick every branch. Any
    other text (a scenario's model reply) goes to the real engine, so branches that depend on
    what a reflection picked up are reached too."""
    if text not in labels():
        return code_response(text, context)
    return SimpleNamespace(
        code=text,
        confidence=1.0,
        cue="",
        explanation="",
        error=None,
        labeling=False,
        disguised_advice=False,
        rewrite=None,
    )


def test_the_check_command_passes_on_every_shipped_file(capsys):
    assert main(["check"]) == 0
    out = capsys.readouterr().out
    assert out.count("ok    ") >= len(SCENARIOS) + 2 + 1  # scenarios, meetings, drill
    assert "passed" in out


def test_the_check_command_fails_on_a_broken_file(tmp_path, capsys):
    bad = tmp_path / "scenarios" / "broken.yaml"
    bad.parent.mkdir()
    bad.write_text("id: broken\ntitle: x\n", encoding="utf-8")
    assert main(["check", str(bad)]) == 1
    out = capsys.readouterr().out
    assert f"ERROR {bad}, line" in out and "field 'about'" in out
    assert main(["check", str(tmp_path / "missing.yaml")]) == 1
    assert main(["check", "-q", str(tmp_path)]) == 1  # a folder is searched


def test_the_collection_is_varied():
    scenarios = [load_scenario(name) for name in SCENARIOS]
    modes = Counter(s.mode for s in scenarios)
    assert modes["choice"] >= 3 and modes["free_text"] >= 3
    assert len({s.persona.changing for s in scenarios}) >= 5
    styles = {s.persona.style for s in scenarios}
    assert {"sceptical", "mandated", "reserved", "upset"} <= styles <= set(STYLES)
    assert any(s.safety for s in scenarios)  # a disclosure scenario shows crisis resources


def _play_all_choice_paths(name: str) -> list[tuple[str, ...]]:
    scenario = load_scenario(name)
    endings = []
    seen: set[str] = set()  # each line is explored once (paths share lines; arcs are long)

    def walk(path: tuple[int, ...]) -> None:
        talk = Conversation(scenario)
        for index in path:
            talk.choose(index)
        if talk.node.id in seen:
            return
        seen.add(talk.node.id)
        if talk.finished:
            assert talk.node.debrief and talk.outcome() is not None
            endings.append(talk.node.outcome)
            return
        for index in range(len(talk.node.choices)):
            walk((*path, index))

    walk(())
    return endings


def _play_all_free_text_paths(name: str) -> list[str]:
    scenario = load_scenario(name)
    endings = []
    seen: set[str] = set()

    def walk(path: tuple[str | int, ...]) -> None:
        talk = Conversation(scenario, coder=label_coder)
        for step in path:  # a label typed at a free-text node, a choice's index at a choice node
            talk.choose(step) if isinstance(step, int) else talk.reply(step)
        if talk.node.id in seen:
            return
        seen.add(talk.node.id)
        if talk.finished:
            assert talk.node.debrief
            endings.append(talk.node.outcome)
            return
        if talk.expects == "choice":  # mixed scenarios
            for index in range(len(talk.node.choices)):
                walk((*path, index))
            return
        targets = {}
        for code in (*labels(), talk.node.model_reply):
            targets.setdefault(talk.node.next_for(code) if code in labels() else code, code)
        for code in targets.values():
            walk((*path, code))

    walk(())
    return endings


@pytest.mark.parametrize("name", SCENARIOS)
def test_every_path_ends_with_a_debrief(name):
    scenario = load_scenario(name)
    if scenario.mode == "choice":
        endings = _play_all_choice_paths(name)
    else:
        endings = _play_all_free_text_paths(name)
    assert "good" in endings and "poor" in endings


@pytest.mark.parametrize("name", SCENARIOS)
def test_reflective_replies_lead_to_a_good_ending_and_raise_the_meters(name):
    """The MI-consistent route works: the model behaviour the course teaches is rewarded.

    Typed turns are answered with the scenario's own model reply through the real feedback
    engine, so a model reply that the judgement reads differently from the lesson fails here.
    """
    scenario = load_scenario(name)
    talk = Conversation(scenario)
    while not talk.finished:
        if talk.expects == "choice":
            good = [
                i
                for i, c in enumerate(talk.node.choices)
                if (c.quality or quality(c.code)) == "good"
            ]
            talk.choose(good[0])
        else:
            turn = talk.reply(talk.node.model_reply)
            assert turn.quality == "good", (talk.transcript[-1].node_id, turn.feedback)
    assert talk.node.outcome == "good"
    assert talk.state.rapport > talk.initial_state.rapport
    assert talk.score() >= 80


@pytest.mark.parametrize("name", SCENARIOS)
def test_crisis_numbers_follow_the_country(name, monkeypatch):
    monkeypatch.setenv("FACILITATOR_COURSE_COUNTRY", "AU")
    scenario = load_scenario(name)
    text = " ".join(
        n.says + n.debrief + " ".join(c.reply + c.feedback for c in n.choices)
        for n in scenario.nodes.values()
    )
    assert "{" not in text and "988" not in text
    if scenario.safety:
        assert "13 11 14" in text


@pytest.mark.parametrize("name", SCENARIOS)
def test_model_replies_are_coded_as_mi_consistent_by_the_real_coder(name):
    """A free-text node's model reply is the 'better alternative' the learner is shown, so the
    feedback engine must read it as MI-consistent and the story must not punish it."""
    scenario = load_scenario(name)
    for node in scenario.nodes.values():
        if node.respond != "free_text":
            continue
        feedback = feedback_on_reply(node.heard, node.model_reply)
        assert feedback.quality == "good", (node.id, feedback.code, node.model_reply)
        target = scenario.node(node.next_for(feedback.code))
        assert target.is_ending is False or target.outcome != "poor", node.id
