"""How a role-play unfolds: the measures that tell a real arc from a three-turn shortcut.

Three good replies that produce commitment teach that MI works in a minute. A scenario that
teaches the real thing needs a long enough way to its good ending, sustain talk that comes back
after the first change talk ("yes, but..."), discord that can be repaired, and reflections on
every way to the good ending. These functions measure each on the conversation graph, so tests
and authors can hold every scenario to them (see course/docs/authoring-scenarios.md).
"""

from __future__ import annotations

from collections import deque

from .consistency import Link, links
from .scenario import BRANCH_GROUPS, Scenario

REFLECTIONS = ("reflection", *BRANCH_GROUPS["reflection"])
# MI-consistent moves: reflections, open questions, and the adherent moves (affirming, seeking
# collaboration, emphasising autonomy, advice with permission). A free-text `question` link can
# carry a closed question and a `default` link any reply, so neither counts.
MI_MOVES = (*REFLECTIONS, "question_open", "adherent", *BRANCH_GROUPS["adherent"])
MIN_ARC_TURNS = 8
MAX_ARC_TURNS = 12


def _outgoing(scenario: Scenario) -> dict[str, list[Link]]:
    table: dict[str, list[Link]] = {}
    for link in links(scenario):
        if link.target in scenario.nodes:
            table.setdefault(link.source, []).append(link)
    return table


def _good(scenario: Scenario, node_id: str) -> bool:
    node = scenario.nodes[node_id]
    return node.is_ending and node.outcome == "good"


def _fewest(scenario: Scenario, cost: dict[str, int] | None) -> int | None:
    """The least total cost of a way from the start to a good ending (each link costs 1, or
    `cost[kind]` with 0 for kinds not listed), by Dijkstra with 0/1 weights."""
    outgoing = _outgoing(scenario)
    best = {scenario.start: 0}
    todo: deque[str] = deque([scenario.start])
    found: int | None = None
    while todo:
        node_id = todo.popleft()
        here = best[node_id]
        if _good(scenario, node_id):
            found = here if found is None else min(found, here)
        for link in outgoing.get(node_id, []):
            step = 1 if cost is None else cost.get(link.kind, 0)
            if link.target not in best or here + step < best[link.target]:
                best[link.target] = here + step
                todo.appendleft(link.target) if step == 0 else todo.append(link.target)
    return found


def shortest_good_arc(scenario: Scenario) -> int | None:
    """The fewest replies from the first line to a good ending (None: no good ending)."""
    return _fewest(scenario, None)


def fewest_reflections_to_good(scenario: Scenario) -> int | None:
    """The fewest reflections any way to a good ending needs (a `default` link counts none)."""
    return _fewest(scenario, dict.fromkeys(REFLECTIONS, 1))


def fewest_mi_moves_to_good(scenario: Scenario) -> int | None:
    """The fewest MI-consistent moves (see MI_MOVES) any way to a good ending needs."""
    return _fewest(scenario, dict.fromkeys(MI_MOVES, 1))


def good_path_without_yes_but(scenario: Scenario) -> list[str] | None:
    """A way to a good ending on which sustain talk never comes back after change talk, or
    None when every way has its "yes, but"."""
    outgoing = _outgoing(scenario)

    def phase(before: int, talk: str) -> int:
        if before == 0 and talk == "change":
            return 1
        if before == 1 and talk in ("sustain", "discord"):
            return 2
        return before

    first = (scenario.start, phase(0, scenario.nodes[scenario.start].talk))
    came_from: dict[tuple[str, int], tuple[str, int] | None] = {first: None}
    todo = deque([first])
    while todo:
        node_id, seen = todo.popleft()
        if seen < 2 and _good(scenario, node_id):
            path, step = [], (node_id, seen)
            while step is not None:
                path.append(step[0])
                step = came_from[step]
            return path[::-1]
        for link in outgoing.get(node_id, []):
            state = (link.target, phase(seen, scenario.nodes[link.target].talk))
            if state not in came_from:
                came_from[state] = (node_id, seen)
                todo.append(state)
    return None


def reachable(scenario: Scenario, start: str | None = None) -> set[str]:
    outgoing = _outgoing(scenario)
    seen = {start or scenario.start}
    todo = [start or scenario.start]
    while todo:
        for link in outgoing.get(todo.pop(), []):
            if link.target not in seen:
                seen.add(link.target)
                todo.append(link.target)
    return seen


def repairable_discord(scenario: Scenario) -> list[str]:
    """The discord lines (reachable from the start) from which a good ending can still be
    reached: the places where a learner who slipped can repair the relationship."""
    return [
        node_id
        for node_id in sorted(reachable(scenario))
        if scenario.nodes[node_id].talk == "discord"
        and not scenario.nodes[node_id].is_ending
        and any(_good(scenario, n) for n in reachable(scenario, node_id))
    ]
