"""Every shipped role-play is a real arc: fixing, advising and closed questions never reach its
good ending; the good ending needs reflections and at least eight turns; sustain talk comes back
after change talk; discord can be repaired; every line answers what was said on every path.

Typed replies go through the real feedback engine (no stand-in coder), so a scenario whose
branches reward a fixing reply the engine reads as a reflection fails here too.
"""

from __future__ import annotations

from functools import cache

import pytest

from facilitator_course.roleplay import Conversation, check_scenario_file, load_scenario
from facilitator_course.roleplay.arcs import (
    MIN_ARC_TURNS,
    fewest_mi_moves_to_good,
    fewest_reflections_to_good,
    good_path_without_yes_but,
    repairable_discord,
    shortest_good_arc,
)
from facilitator_course.roleplay.conversation import ReplyRejected
from facilitator_course.roleplay.loader import scenario_paths
from facilitator_course.roleplay.state import WEAK, quality

SCENARIOS = [p.stem for p in scenario_paths()]

# Scenarios held to a different shape, each with the reason (none at present; the test below
# fails if an exempt scenario grows long enough to need no exemption).
SHORT_ARC_EXEMPT: dict[str, str] = {}

FIXING = (
    "You should just stop going.",
    "Why don't you try cutting down?",
    "Have you thought about cutting down?",
    "You need to quit before it ruins everything.",
)
ADVISING = (
    "It might help to get rid of the apps and find a new hobby.",
    "The best thing would be to set yourself a strict limit and stick to it.",
    "You could try going to a meeting every day this week.",
)
CLOSED = (
    "Do you drink every day?",
    "Is that a problem for you?",
    "Have you done this before?",
    "Are you going to stop?",
)
NON_MI_REPLIES = FIXING + ADVISING + CLOSED
NON_MI_CODES = ("persuade", "confront", "question_closed")


@cache
def _scenario(name: str):
    return load_scenario(name)


def _typed_targets(name: str, node_id: str) -> set[str]:
    """Where each scripted non-MI reply leads from a free-text line (a reply the engine cannot
    judge does not move the conversation, so it leads nowhere)."""
    scenario = _scenario(name)
    targets = set()
    for text in NON_MI_REPLIES:
        talk = Conversation.starting_at(scenario, node_id)
        try:
            talk.reply(text)
        except ReplyRejected:
            continue
        targets.add(talk.node.id)
    return targets


def _chosen_targets(name: str, node_id: str) -> set[str]:
    """Where a learner who only fixes, advises or asks closed questions can go from a choice."""
    node = _scenario(name).node(node_id)
    return {
        c.next
        for c in node.choices
        if c.code in NON_MI_CODES or (c.quality or quality(c.code)) == WEAK
    }


def _reached_without_mi(name: str) -> set[str]:
    scenario = _scenario(name)
    seen = {scenario.start}
    todo = [scenario.start]
    while todo:
        node = scenario.node(todo.pop())
        if node.is_ending:
            continue
        if node.respond == "choice":
            targets = _chosen_targets(name, node.id)
        else:
            targets = _typed_targets(name, node.id)
        for target in targets - seen:
            seen.add(target)
            todo.append(target)
    return seen


@pytest.mark.parametrize("name", SCENARIOS)
def test_fixing_advising_and_closed_questions_never_reach_a_good_ending(name):
    scenario = _scenario(name)
    reached = _reached_without_mi(name)
    good = [n for n in reached if scenario.node(n).is_ending and scenario.node(n).outcome == "good"]
    assert not good, f"{name}: non-MI replies alone reach the good ending(s) {good}"
    assert len(reached) > 1, f"{name}: the first line offers no way to get it wrong"


@pytest.mark.parametrize("name", SCENARIOS)
def test_the_good_ending_needs_reflections_and_a_long_enough_arc(name):
    scenario = _scenario(name)
    turns = shortest_good_arc(scenario)
    if name in SHORT_ARC_EXEMPT:
        assert turns is not None and turns < MIN_ARC_TURNS, f"{name} is long now: unexempt it"
        return
    assert turns is not None and turns >= MIN_ARC_TURNS, (name, turns)
    # Real MI moves: at least one reflection, and MI-consistent moves (reflections, open
    # questions, affirmations...) on all but two turns of any way to the good ending.
    assert (fewest_reflections_to_good(scenario) or 0) >= 1, name
    assert (fewest_mi_moves_to_good(scenario) or 0) >= MIN_ARC_TURNS - 2, name
    assert good_path_without_yes_but(scenario) is None, (
        f"{name}: sustain talk never comes back on {good_path_without_yes_but(scenario)}"
    )
    assert repairable_discord(scenario), f"{name}: no discord line from which to repair"


@pytest.mark.parametrize("name", SCENARIOS)
def test_free_text_lines_say_what_is_in_them(name):
    scenario = _scenario(name)
    bare = [n.id for n in scenario.nodes.values() if n.respond == "free_text" and not n.ideas]
    assert not bare, f"{name}: free-text lines without content annotations: {bare}"


def test_the_exemptions_name_shipped_scenarios():
    assert set(SCENARIOS) >= set(SHORT_ARC_EXEMPT)


def test_the_measures_see_a_short_arc_and_a_missing_yes_but(tmp_path):
    path = tmp_path / "short.yaml"
    path.write_text(SHORT, encoding="utf-8")
    assert check_scenario_file(path) == []
    scenario = load_scenario(path)
    assert shortest_good_arc(scenario) == 2
    assert fewest_reflections_to_good(scenario) == 1
    assert fewest_mi_moves_to_good(scenario) == 2
    assert good_path_without_yes_but(scenario) == ["opening", "hears", "ending_good"]
    assert repairable_discord(scenario) == []


def test_a_line_that_answers_an_unasked_question_fails_the_checker(tmp_path):
    broken = SHORT.replace(
        '    says: "Maybe I could try."\n',
        '    says: "Maybe I could try."\n    follows: [question]\n',
    ).replace(
        '    says: "Fine. Whatever."\n',
        '    says: "Fine. Whatever."\n    presupposes: [asked_about_doctor]\n',
    )
    path = tmp_path / "short.yaml"
    path.write_text(broken, encoding="utf-8")
    problems = [str(e) for e in check_scenario_file(path)]
    assert any("nodes.opening.choices.0.next" in p and "'follows'" in p for p in problems)
    assert any("nodes.ending_poor.presupposes" in p for p in problems), problems
    fixed = broken.replace(
        "        next: ending_poor\n",
        "        next: ending_poor\n        establishes: [asked_about_doctor]\n",
    )
    path.write_text(fixed, encoding="utf-8")
    problems = [str(e) for e in check_scenario_file(path)]
    assert not any("presupposes" in p for p in problems), problems


SHORT = """\
id: short
title: "Short"
about: "A two-turn scenario for the tests."
mode: choice
persona: {name: Al, age_range: 30-39, changing: alcohol, stage: contemplation, style: hopeful}
start: opening
nodes:
  opening:
    says: "I drink too much, I know."
    talk: change
    respond: choice
    choices:
      - reply: "You know it's too much."
        code: reflection_simple
        feedback: "A reflection."
        next: hears
      - reply: "You should stop."
        code: persuade
        feedback: "Advice without permission."
        next: ending_poor
  hears:
    says: "Maybe I could try."
    talk: change
    respond: choice
    choices:
      - reply: "What would you try?"
        code: question_open
        feedback: "An open question."
        next: ending_good
      - reply: "Just stop then."
        code: persuade
        feedback: "Advice."
        next: ending_poor
  ending_good:
    says: "One dry week."
    talk: change
    outcome: good
    debrief: "Good."
  ending_poor:
    says: "Fine. Whatever."
    talk: sustain
    outcome: poor
    debrief: "Poor."
"""
