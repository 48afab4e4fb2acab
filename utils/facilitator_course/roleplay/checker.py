"""Checks on a whole scenario: the conversation graph, MI fidelity and the words used.

A scenario passes when every node can be reached from the start, every reference names a node,
every path ends in a debriefed ending (so there are no loops), every choice carries feedback, and
the content keeps the course's rules (and every line answers what was said on every path to it,
see `consistency.py`): advice without permission or confrontation never draws change
talk, crisis numbers come from placeholders, and the course's voice uses no identity labels.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..content import Checker, ContentError, load_yaml
from ..safety import mentions_distress
from .consistency import check_consistency
from .scenario import CHOICE, RIGHTING_REFLEX, Scenario
from .schema import parse_scenario
from .state import GOOD, quality
from .text import report_text_problems


def _edges(scenario: Scenario) -> Iterator[tuple[str, str, str]]:
    """(from node, to node, field of the reference) for every link in the graph."""
    for node in scenario.nodes.values():
        if node.respond == CHOICE:
            for index, choice in enumerate(node.choices):
                yield node.id, choice.next, f"nodes.{node.id}.choices.{index}.next"
        else:
            for key, target in node.branches.items():
                yield node.id, target, f"nodes.{node.id}.next.{key}"


def check_graph(check: Checker, scenario: Scenario) -> None:
    nodes = scenario.nodes
    if scenario.start not in nodes:
        check.error(
            "start",
            f"names '{scenario.start}', which is not a node; the nodes are: " + ", ".join(nodes),
        )
        return
    dangling = False
    for _source, target, field in _edges(scenario):
        if target not in nodes:
            dangling = True
            check.error(
                field, f"names '{target}', which is not a node; the nodes are: " + ", ".join(nodes)
            )
    reached: set[str] = set()
    todo = [scenario.start]
    while todo:
        current = todo.pop()
        if current in reached or current not in nodes:
            continue
        reached.add(current)
        todo.extend(nodes[current].targets())
    for node_id in nodes:
        if node_id not in reached:
            check.error(
                f"nodes.{node_id}",
                f"cannot be reached from the start ('{scenario.start}'); link to it or remove it",
            )
    _check_loops(check, scenario)
    if not dangling and not any(n.outcome == "good" for n in nodes.values() if n.id in reached):
        check.error(
            "nodes",
            "no ending with 'outcome: good' can be reached; give the learner at "
            "least one way to do well",
        )


def _check_loops(check: Checker, scenario: Scenario) -> None:
    """Every path must end: report each link that leads back to a node already on the path."""
    state: dict[str, int] = {}  # 1 = on the current path, 2 = finished
    edges: dict[str, list[tuple[str, str]]] = {}
    for source, target, field in _edges(scenario):
        edges.setdefault(source, []).append((target, field))

    def visit(node_id: str) -> None:
        state[node_id] = 1
        for target, field in edges.get(node_id, []):
            if target not in scenario.nodes:
                continue
            if state.get(target) == 1:
                check.error(
                    field,
                    f"leads back to '{target}', making a loop; a conversation must "
                    "always move on to an ending",
                )
            elif target not in state:
                visit(target)
        state[node_id] = 2

    for node_id in scenario.nodes:
        if node_id not in state:
            visit(node_id)


def check_fidelity(check: Checker, scenario: Scenario) -> None:
    """MI rules the engine's participants must follow, so the practice teaches the right lesson."""
    nodes = scenario.nodes
    for node in nodes.values():
        if node.respond == CHOICE:
            if node.choices and not any(
                (c.quality or quality(c.code)) == GOOD for c in node.choices
            ):
                check.error(
                    f"nodes.{node.id}.choices",
                    "needs at least one MI-consistent reply "
                    "(a reflection, open question, affirmation,"
                    " summary...) among the choices",
                )
            for index, choice in enumerate(node.choices):
                target = nodes.get(choice.next)
                if (
                    choice.code in RIGHTING_REFLEX
                    and target is not None
                    and target.talk == "change"
                ):
                    check.error(
                        f"nodes.{node.id}.choices.{index}.next",
                        f"a '{choice.code}' reply leads to change talk; participants "
                        "answer unasked-for advice and confrontation with sustain talk "
                        "or discord",
                    )
        elif node.respond and "default" in node.branches:
            for code in RIGHTING_REFLEX:
                target = nodes.get(node.next_for(code))
                if target is not None and target.talk == "change":
                    check.error(
                        f"nodes.{node.id}.next",
                        f"a '{code}' reply would lead to change talk ('{target.id}'); "
                        "add an entry such as 'righting_reflex: <node with sustain talk or "
                        "discord>'",
                    )
    distress = [n.id for n in nodes.values() if mentions_distress(n.says)]
    if distress and not scenario.safety:
        check.error(
            "safety",
            f"node '{distress[0]}' mentions suicide, self-harm or overdose; set "
            "'safety: true' so crisis resources are shown with the scenario",
        )


def _texts(scenario: Scenario) -> Iterator[tuple[str, str, bool]]:
    """(field, text, is the course's own voice) for every piece of text in the scenario."""
    yield "title", scenario.title, True
    yield "about", scenario.about, True
    yield "persona.background", scenario.persona.background, True
    for node in scenario.nodes.values():
        where = f"nodes.{node.id}"
        yield f"{where}.says", node.says, False
        yield f"{where}.hint", node.hint, True
        yield f"{where}.model_reply", node.model_reply, True
        yield f"{where}.debrief", node.debrief, True
        for index, choice in enumerate(node.choices):
            yield f"{where}.choices.{index}.reply", choice.reply, False
            yield f"{where}.choices.{index}.feedback", choice.feedback, True
            yield f"{where}.choices.{index}.better", choice.better or "", True


def checked_scenario(path: Path | str) -> tuple[Scenario | None, list[ContentError]]:
    """The scenario in a file and every problem in it (an empty list means the file is fine)."""
    path = Path(path)
    try:
        data, lines = load_yaml(path)
    except ContentError as exc:
        return None, [exc]
    check = Checker(path, lines)
    scenario = parse_scenario(check, data)
    if scenario is not None:
        if scenario.id != path.stem:
            check.error("id", f"should match the file name: '{path.stem}' (found '{scenario.id}')")
        check_graph(check, scenario)
        check_fidelity(check, scenario)
        check_consistency(check, scenario)
        report_text_problems(check, _texts(scenario))
    return scenario, check.errors


def check_scenario_file(path: Path | str) -> list[ContentError]:
    """Every problem in one scenario file (an empty list means the file is fine)."""
    return checked_scenario(path)[1]
