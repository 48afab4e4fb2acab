"""Participants answer what was said: every line is consistent with every path that reaches it.

A role-play graph shares lines between paths, so a line written for one path ("My doctor's been
good about it") can be reached by another where nobody asked about a doctor. Authors declare what
a line relies on, and the checker walks every path:

- `follows: [question]` on a node: the line answers one of these moves (labels or groups such as
  `question`, `reflection`, `righting_reflex`), so every link into it must be one of them. A
  free-text `default` link can be any reply, so it never satisfies `follows`.
- `establishes: [asked_about_doctor]` on a choice (what that reply puts on the table) or on a node
  (what the participant has now said), and `presupposes: [asked_about_doctor]` on a later node:
  every path to that node must have established each name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..content import Checker
from .ideas import split_branch_key
from .scenario import BRANCH_GROUPS, CHOICE, DEFAULT_BRANCH, Scenario

NAME = re.compile(r"[a-z][a-z0-9_]{0,40}")


def name_list(check: Checker, mapping: dict, key: str, where: str) -> tuple[str, ...]:
    """An optional list of short names such as [asked_about_family] (one name is also accepted)."""
    raw = mapping.get(key)
    if raw is None:
        return ()
    items = [raw] if isinstance(raw, str) else raw
    if (
        not isinstance(items, list)
        or not items
        or not all(isinstance(i, str) and NAME.fullmatch(i) for i in items)
    ):
        check.error(
            f"{where}.{key}",
            "should be a list of short names in lower case with underscores, "
            "e.g. [asked_about_family]",
        )
        return ()
    return tuple(items)


def parse_follows(
    check: Checker, raw: dict[str, Any], where: str, label_set: tuple[str, ...]
) -> tuple[str, ...]:
    """`follows:` names the moves a line answers: labels or groups (question, reflection...)."""
    names = name_list(check, raw, "follows", where)
    allowed = (*label_set, *BRANCH_GROUPS)
    for name in names:
        if name not in allowed:
            check.error(f"{where}.follows", f"should name labels or groups: {', '.join(allowed)}")
    return tuple(n for n in names if n in allowed)


@dataclass(frozen=True)
class Link:
    """One way from a line to the next: the kind of reply (a label, a group, or 'default' for
    any reply), what the reply establishes, and the field to point an author at."""

    source: str
    target: str
    kind: str
    establishes: tuple[str, ...]
    field: str


def links(scenario: Scenario) -> Iterator[Link]:
    for node in scenario.nodes.values():
        if node.respond == CHOICE:
            for index, choice in enumerate(node.choices):
                field = f"nodes.{node.id}.choices.{index}.next"
                yield Link(node.id, choice.next, choice.code, choice.establishes, field)
        else:
            for key, target in node.branches.items():
                kind = split_branch_key(key)[0]
                yield Link(node.id, target, kind, (), f"nodes.{node.id}.next.{key}")


def kind_matches(kind: str, allowed: tuple[str, ...]) -> bool:
    """Whether every reply a link of `kind` carries is one of the `allowed` moves."""
    if kind == DEFAULT_BRANCH:
        return False
    return any(kind == name or kind in BRANCH_GROUPS.get(name, ()) for name in allowed)


def _order(scenario: Scenario, outgoing: dict[str, list[Link]]) -> list[str]:
    """Nodes reachable from the start, each after every node that links to it (the graph checks
    guarantee there are no loops; a loop would only leave some nodes out here)."""
    seen: set[str] = set()
    order: list[str] = []

    def visit(node_id: str) -> None:
        seen.add(node_id)
        for link in outgoing.get(node_id, []):
            if link.target in scenario.nodes and link.target not in seen:
                visit(link.target)
        order.append(node_id)

    visit(scenario.start)
    return order[::-1]


def check_consistency(check: Checker, scenario: Scenario) -> None:
    """Report each link into a line that does not answer what the line answers, and each line
    reached by a path that never established what it presupposes."""
    if scenario.start not in scenario.nodes:
        return
    outgoing: dict[str, list[Link]] = {}
    for link in links(scenario):
        outgoing.setdefault(link.source, []).append(link)
        target = scenario.nodes.get(link.target)
        if target is not None and target.follows and not kind_matches(link.kind, target.follows):
            check.error(
                link.field,
                f"leads to '{target.id}', which answers {' or '.join(target.follows)} "
                f"('follows'), but this link carries '{link.kind}' replies; give it its own "
                "line or route these replies elsewhere",
            )
    known: dict[str, frozenset[str]] = {scenario.start: frozenset()}
    for node_id in _order(scenario, outgoing):
        node = scenario.nodes[node_id]
        facts = known.get(node_id, frozenset())
        missing = [name for name in node.presupposes if name not in facts]
        if missing:
            check.error(
                f"nodes.{node_id}.presupposes",
                f"names {', '.join(missing)}, but a path reaches this line without it; every "
                "path must establish it first (on a choice or an earlier line: 'establishes')",
            )
        after = facts | set(node.establishes)
        for link in outgoing.get(node_id, []):
            if link.target not in scenario.nodes:
                continue
            carried = after | set(link.establishes)
            earlier = known.get(link.target)
            known[link.target] = carried if earlier is None else earlier & carried
