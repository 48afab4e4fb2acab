"""The s2-* role-plays teach the right lesson when played through the real engine.

Each one is a long arc (at least 8 replies on the shortest way to the good ending), and the good
ending needs real MI moves: replies that advise, fix, confront or only ask closed questions are
judged by the real coder and content judgement, and whatever order they come in, none of them may
ever reach an ending with outcome good. The scenario's own model replies must get there.
"""

from __future__ import annotations

from collections import deque

import pytest

from facilitator_course.roleplay import Conversation, check_scenario_file, load_scenario
from facilitator_course.roleplay.conversation import ReplyRejected
from facilitator_course.roleplay.loader import scenario_paths
from facilitator_course.roleplay.scenario import Scenario
from facilitator_course.roleplay.state import GOOD, quality

S2 = [p.stem for p in scenario_paths() if p.stem.startswith("s2-")]
MIN_GOOD_PATH = 8

ADVICE = (
    "You should stop.",
    "You should just cut it out completely.",
    "Have you tried going to the gym instead?",
    "Why don't you make a plan and stick to it?",
    "It might help to talk to your doctor about it.",
    "You could try an app that tracks it.",
    "maybe try setting yourself a limit for the week",
    "I think you need to tell your family.",
)
FIXING = (
    "Here's what you need to do: pick a date and tell everyone.",
    "The answer is simple, just stay away from it.",
    "What worked for me was getting rid of it all, so do that tonight.",
    "We need to get you a plan for this week, first thing is to write down every time you do it.",
)
CONFRONTING = (
    "You're in denial about this.",
    "Be honest with yourself, this is a problem.",
    "You need to admit you have a problem.",
)
# "Do you want to stop?" is left out: the coder reads it as seeking collaboration (a coder
# question, reported; not something a scenario can route around without punishing real
# collaboration such as "What would you like to be different?").
CLOSED = (
    "Are you ready to change?",
    "Is it every day?",
    "Have you thought about stopping?",
    "Are you going to do something about it?",
    "Did you talk to anyone about it?",
    "Is that a problem for you?",
    "Do you feel bad about it?",
)
UNHELPFUL = ADVICE + FIXING + CONFRONTING + CLOSED


def shortest_good_path(scenario: Scenario) -> int:
    """The fewest replies from the start to any ending with outcome good (breadth-first)."""
    seen = {scenario.start: 0}
    todo = deque([scenario.start])
    while todo:
        node = scenario.node(todo.popleft())
        if node.is_ending:
            if node.outcome == GOOD:
                return seen[node.id]
            continue
        for target in node.targets():
            if target not in seen:
                seen[target] = seen[node.id] + 1
                todo.append(target)
    return -1


def reachable_with(scenario: Scenario, replies: tuple[str, ...]) -> set[str]:
    """Every node a learner can reach who only ever types one of `replies` (in any order) and, at
    a choice node, only picks replies that are not MI-consistent."""
    seen = {scenario.start}
    todo = [scenario.start]
    while todo:
        node = scenario.node(todo.pop())
        if node.is_ending:
            continue
        targets = []
        if node.respond == "choice":
            targets = [c.next for c in node.choices if (c.quality or quality(c.code)) != GOOD]
        else:
            for text in replies:
                talk = Conversation.starting_at(scenario, node.id)
                try:
                    talk.reply(text)
                except ReplyRejected:  # not judged: the participant does not move
                    continue
                targets.append(talk.node.id)
        for target in targets:
            if target not in seen:
                seen.add(target)
                todo.append(target)
    return seen


def test_there_are_s2_scenarios():
    assert len(S2) >= 12


@pytest.mark.parametrize("name", S2)
def test_passes_the_checker(name):
    path = next(p for p in scenario_paths() if p.stem == name)
    assert check_scenario_file(path) == []
    assert path.read_text(encoding="utf-8").startswith("# module: 0")


@pytest.mark.parametrize("name", S2)
def test_the_good_ending_takes_a_real_arc(name):
    assert shortest_good_path(load_scenario(name)) >= MIN_GOOD_PATH


@pytest.mark.parametrize("name", S2)
@pytest.mark.parametrize(
    "kind, replies",
    [
        ("advice", ADVICE),
        ("fixing", FIXING),
        ("confronting", CONFRONTING),
        ("closed questions", CLOSED),
        ("any mix of them", UNHELPFUL),
    ],
)
def test_unhelpful_replies_never_reach_the_good_ending(name, kind, replies):
    scenario = load_scenario(name)
    reached = reachable_with(scenario, replies)
    good = [n for n in reached if scenario.node(n).is_ending and scenario.node(n).outcome == GOOD]
    assert not good, f"{kind} reached {good}"
    assert any(scenario.node(n).is_ending for n in reached), "they should end somewhere"


@pytest.mark.parametrize("name", S2)
def test_model_replies_walk_the_good_path(name):
    """Typing the scenario's own model replies (or picking its MI-consistent choices) reaches the
    good ending, each turn judged good by the real engine."""
    scenario = load_scenario(name)
    talk = Conversation(scenario)
    while not talk.finished:
        if talk.expects == "choice":
            good = [
                i for i, c in enumerate(talk.node.choices) if (c.quality or quality(c.code)) == GOOD
            ]
            talk.choose(good[0])
        else:
            turn = talk.reply(talk.node.model_reply)
            assert turn.quality == GOOD, (turn.node_id, turn.code, turn.picked_up)
    assert talk.node.outcome == GOOD
    assert len(talk.transcript) >= MIN_GOOD_PATH
