"""The long typed role-plays teach the right lesson when played through the real engine.

Each one is a long arc (at least 8 replies on the shortest way to the good ending) in which the
good ending needs real MI moves: replies that advise, fix, confront or only ask closed questions
are judged by the real coder and content judgement, and whatever order they come in, none of them
may ever reach an ending with outcome good. Every way to the good ending needs at least two
reflections, meets sustain talk again after the first change talk ("yes, but"), and there is a
discord line from which the relationship can be repaired. The model replies must get there.
"""

from __future__ import annotations

import json
from collections import deque
from functools import cache
from pathlib import Path

import pytest

from facilitator_course.roleplay import Conversation, check_scenario_file, load_scenario
from facilitator_course.roleplay.conversation import ReplyNotJudged, ReplyRejected
from facilitator_course.roleplay.loader import scenario_paths
from facilitator_course.roleplay.scenario import BRANCH_GROUPS, Scenario
from facilitator_course.roleplay.state import GOOD, quality

# The typed role-plays written as long arcs in December 2026 (the older ones are held to the
# same arc rules by test_scenario_arcs.py; these also carry learner replies of their own).
TYPED_ARCS = (
    "after-midnight",
    "afternoon-sherry",
    "both-rooms",
    "dee-sent-by-work",
    "evenings-with-food",
    "femi-camera-off",
    "first-fortnight",
    "just-to-sleep",
    "on-my-prescription",
    "one-more-match",
    "parcels",
    "paying-his-debts",
    "veteran-nights",
    "weekend-lines",
    "what-is-the-point",
    "worried-partner",
    "young-adult-weed",
)
TYPED = sorted(TYPED_ARCS)
MIN_GOOD_PATH = 8
# Reflections and open questions written the way learners type (lowercase, no apostrophes, run-on),
# one or more for every line on each good path; also usable with `facilitator-course try-replies`.
LEARNER_REPLIES = Path(__file__).parent / "data" / "typed_roleplay_learner_replies.jsonl"

ADVICE = (
    "You should stop.",
    "You should just cut it out completely.",
    "Have you tried going to the gym instead?",
    "Why don't you make a plan and stick to it?",
    "It might help to talk to your doctor about it.",
    "You could try an app that tracks it.",
    "maybe try setting yourself a limit for the week",
    "I think you need to tell your family.",
    "It might help to get rid of the apps and find a new hobby.",
    "The best thing would be to set yourself a strict limit and stick to it.",
    "You could try going to a meeting every day this week.",
    "Have you thought about cutting down?",
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
    "You need to quit before it ruins everything.",
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
    "Do you drink every day?",
    "Have you done this before?",
    "Are you going to stop?",
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


@cache
def _scenario(name: str) -> Scenario:
    return load_scenario(name)


@cache
def _typed_target(name: str, node_id: str, text: str) -> str | None:
    """Where one typed reply leads from a free-text line (None: not judged, nobody moves)."""
    talk = Conversation.starting_at(_scenario(name), node_id)
    try:
        talk.reply(text)
    except ReplyRejected:
        return None
    return talk.node.id


def reachable_with(name: str, replies: tuple[str, ...]) -> set[str]:
    """Every node a learner can reach who only ever types one of `replies` (in any order) and, at
    a choice node, only picks replies that are not MI-consistent."""
    scenario = _scenario(name)
    seen = {scenario.start}
    todo = [scenario.start]
    while todo:
        node = scenario.node(todo.pop())
        if node.is_ending:
            continue
        if node.respond == "choice":
            targets = [c.next for c in node.choices if (c.quality or quality(c.code)) != GOOD]
        else:
            targets = [_typed_target(name, node.id, text) for text in replies]
        for target in targets:
            if target is not None and target not in seen:
                seen.add(target)
                todo.append(target)
    return seen


REFLECTIONS = ("reflection", *BRANCH_GROUPS["reflection"])


def _links(scenario: Scenario, node_id: str) -> list[tuple[bool, str]]:
    """(is a reflection, target) for each way on from a line."""
    node = scenario.node(node_id)
    if node.respond == "choice":
        return [(c.code in REFLECTIONS, c.next) for c in node.choices]
    return [(key.partition(".")[0] in REFLECTIONS, t) for key, t in node.branches.items()]


def fewest_reflections_to_good(scenario: Scenario) -> int:
    """The fewest reflections on any way from the start to a good ending (0/1 breadth-first)."""
    best = {scenario.start: 0}
    todo = deque([scenario.start])
    found = -1
    while todo:
        node_id = todo.popleft()
        node = scenario.node(node_id)
        if node.is_ending:
            if node.outcome == GOOD and (found < 0 or best[node_id] < found):
                found = best[node_id]
            continue
        for is_reflection, target in _links(scenario, node_id):
            cost = best[node_id] + int(is_reflection)
            if target not in best or cost < best[target]:
                best[target] = cost
                todo.append(target) if is_reflection else todo.appendleft(target)
    return found


def good_path_without_yes_but(scenario: Scenario) -> bool:
    """True when some way to a good ending never meets sustain talk or discord after change talk."""
    start = (scenario.start, int(scenario.node(scenario.start).talk == "change"))
    seen = {start}
    todo = [start]
    while todo:
        node_id, phase = todo.pop()
        node = scenario.node(node_id)
        if node.is_ending:
            if node.outcome == GOOD and phase < 2:
                return True
            continue
        for _, target in _links(scenario, node_id):
            talk = scenario.node(target).talk
            after = 1 if phase == 0 and talk == "change" else phase
            after = 2 if after == 1 and talk in ("sustain", "discord") else after
            if (target, after) not in seen:
                seen.add((target, after))
                todo.append((target, after))
    return False


def repairable_discord(scenario: Scenario) -> list[str]:
    """Discord lines (not endings) from which a good ending can still be reached."""
    found = []
    for node in scenario.nodes.values():
        if node.talk != "discord" or node.is_ending:
            continue
        seen, todo = {node.id}, [node.id]
        while todo:
            current = scenario.node(todo.pop())
            for _, target in [] if current.is_ending else _links(scenario, current.id):
                if target not in seen:
                    seen.add(target)
                    todo.append(target)
        if any(scenario.node(n).outcome == GOOD for n in seen):
            found.append(node.id)
    return found


def test_there_are_long_typed_roleplays():
    assert len(TYPED) >= 12


@pytest.mark.parametrize("name", TYPED)
def test_passes_the_checker(name):
    path = next(p for p in scenario_paths() if p.stem == name)
    assert check_scenario_file(path) == []
    assert _scenario(name).module


@pytest.mark.parametrize("name", TYPED)
def test_the_good_ending_takes_a_real_arc(name):
    scenario = _scenario(name)
    assert shortest_good_path(scenario) >= MIN_GOOD_PATH
    assert fewest_reflections_to_good(scenario) >= 2
    assert not good_path_without_yes_but(scenario), "sustain talk must come back on every way"
    assert repairable_discord(scenario), "a learner who slipped needs a way to repair"


@pytest.mark.parametrize("name", TYPED)
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
    scenario = _scenario(name)
    reached = reachable_with(name, replies)
    good = [n for n in reached if scenario.node(n).is_ending and scenario.node(n).outcome == GOOD]
    assert not good, f"{kind} reached {good}"
    assert any(scenario.node(n).is_ending for n in reached), "they should end somewhere"


@pytest.mark.parametrize("name", TYPED)
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
    # never a detour through a 'yes, but' or a repair: each model reply takes the line onwards
    assert len(talk.transcript) == shortest_good_path(scenario)


def _learner_replies() -> list[dict[str, str]]:
    return [json.loads(line) for line in LEARNER_REPLIES.read_text(encoding="utf-8").splitlines()]


def test_known_misses_stay_few():
    """The judgement's known misses on these replies are counted, so they cannot grow silently."""
    misses = [row for row in _learner_replies() if row.get("known_miss")]
    assert len(misses) <= 3, [row["text"] for row in misses]


def test_learner_replies_cover_every_good_path_line():
    covered = {(row["scenario"], row["node"]) for row in _learner_replies()}
    for name in TYPED:
        scenario = _scenario(name)
        talk = Conversation(scenario)
        while not talk.finished:
            node = talk.node
            if talk.expects == "choice":
                talk.choose(
                    next(
                        i
                        for i, c in enumerate(node.choices)
                        if quality(c.code) == GOOD or c.quality == GOOD
                    )
                )
                continue
            assert (name, node.id) in covered, f"no learner reply for {name} {node.id}"
            talk.reply(node.model_reply)


@pytest.mark.parametrize("row", _learner_replies(), ids=lambda r: f"{r['scenario']}:{r['node']}")
def test_a_good_reply_in_a_learners_words_moves_the_participant_on(row):
    """Typed as learners type, a reflection or open question that follows the participant is
    judged good and takes the conversation to the same next line as a reflection should.

    A few are known misses of the judgement (`known_miss` says why): they must still never be
    treated as harm, and the judgement may say it cannot judge them (nothing moves then)."""
    scenario = _scenario(row["scenario"])
    node = scenario.node(row["node"])
    talk = Conversation.starting_at(scenario, node.id)
    if row.get("known_miss"):
        try:
            turn = talk.reply(row["text"])
        except ReplyNotJudged:
            assert talk.node.id == node.id
            return
        assert turn.code not in ("persuade", "confront"), (turn.code, row["text"])
        return
    turn = talk.reply(row["text"])
    assert turn.quality == GOOD, (turn.code, turn.picked_up, turn.feedback)
    assert talk.node.id == node.branches["reflection"], (turn.code, turn.picked_up)
