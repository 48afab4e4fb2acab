"""The scenario file format: field-by-field validation that turns YAML into a `Scenario`.

Every problem is collected (not only the first) and each names the file, line, field and what
was expected, so a trainer can fix a whole file in one pass. Checks on the conversation graph
(reachability, endings, loops) live in `checker.py`; this module only checks shapes and values.
The small field checks it shares with the meeting formats are in `field_checks.py`.
"""

from __future__ import annotations

import re
from typing import Any

from ..content import Checker
from .closed_answers import add_closed_answers
from .coder import labels
from .consistency import name_list, parse_follows
from .field_checks import one_of, optional_text, unknown_fields, whole_number
from .ideas import parse_ideas, pickup_key_problem, split_branch_key
from .scenario import (
    BRANCH_GROUPS,
    CHOICE,
    DEFAULT_BRANCH,
    FREE_TEXT,
    MODES,
    OUTCOMES,
    RESPOND_KINDS,
    Choice,
    Node,
    Persona,
    Scenario,
)
from .state import LABEL_QUALITY, STAGES, STYLES, TALK_TYPES, Effect

TOP_FIELDS = (
    "id",
    "title",
    "about",
    "module",
    "mode",
    "safety",
    "persona",
    "start_state",
    "start",
    "closed_answer",
    "nodes",
)
PERSONA_FIELDS = ("name", "age_range", "changing", "stage", "style", "background")
NODE_FIELDS = (
    "says",
    "talk",
    "respond",
    "choices",
    "next",
    "hint",
    "model_reply",
    "outcome",
    "debrief",
    "content",
    "follows",
    "presupposes",
    "establishes",
    "closed_answer",
)
CHOICE_FIELDS = ("reply", "code", "feedback", "next", "effect", "better", "quality", "establishes")
EFFECT_FIELDS = ("readiness", "rapport")
MAX_EFFECT = 30
QUALITIES = tuple(dict.fromkeys(LABEL_QUALITY.values()))
MODULE_ID = re.compile(r"\d\d-[a-z0-9-]+")

# What personas may be changing. Not a closed list (people change many things), but a value
# outside it is usually a typo, so the checker asks for `other: <what>` instead.
KNOWN_BEHAVIOURS = (
    "alcohol",
    "opioids",
    "cannabis",
    "stimulants",
    "sedatives",
    "gambling",
    "gaming",
    "food",
    "nicotine",
    "shopping",
    "internet",
    "sex",
    "self-harm",
    "several",
)


def parse_effect(check: Checker, raw: Any, where: str) -> Effect | None:
    if raw is None:
        return None
    if not isinstance(raw, dict):
        check.error(where, "should be a mapping such as {readiness: 5, rapport: -5}")
        return None
    unknown_fields(check, raw, EFFECT_FIELDS, where)
    return Effect(
        **{
            key: whole_number(check, raw, key, where, -MAX_EFFECT, MAX_EFFECT, default=0)
            for key in EFFECT_FIELDS
        }
    )


def parse_start_state(check: Checker, raw: Any) -> dict[str, int]:
    """Optional starting meters; without them the persona's stage decides readiness."""
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        check.error("start_state", "should be a mapping such as {readiness: 30, rapport: 40}")
        return {}
    unknown_fields(check, raw, EFFECT_FIELDS, "start_state")
    values = {}
    for key in EFFECT_FIELDS:
        if key not in raw:
            continue
        value = raw[key]
        if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 100:
            check.error(
                f"start_state.{key}", f"should be a whole number from 0 to 100 (found {value!r})"
            )
            continue
        values[key] = value
    return values


def parse_persona(check: Checker, raw: Any) -> Persona | None:
    if not isinstance(raw, dict):
        check.error("persona", "should be a mapping with name, age_range, changing, stage, style")
        return None
    unknown_fields(check, raw, PERSONA_FIELDS, "persona")
    name = check.require(raw, "name", str, "persona")
    age = check.require(raw, "age_range", (str, int), "persona")
    changing = check.require(raw, "changing", str, "persona")
    stage = check.require(raw, "stage", str, "persona")
    style = check.require(raw, "style", str, "persona")
    if (
        isinstance(changing, str)
        and changing not in KNOWN_BEHAVIOURS
        and not changing.startswith("other:")
    ):
        check.error(
            "persona.changing",
            f"should be one of: {', '.join(KNOWN_BEHAVIOURS)}, or "
            f"'other: <what>' (found {changing!r})",
        )
    one_of(check, stage, list(STAGES), "persona.stage")
    one_of(check, style, list(STYLES), "persona.style")
    if not all((name, age, changing, stage, style)):
        return None
    return Persona(
        str(name),
        str(age),
        str(changing),
        str(stage),
        str(style),
        optional_text(check, raw, "background", "persona"),
    )


def require_feedback(check: Checker, raw: dict, where: str) -> str | None:
    """A choice's feedback: required, because the explanation is what the learner learns from."""
    return check.require(
        raw,
        "feedback",
        str,
        where,
        expected="is missing: every choice needs feedback for the learner",
    )


def parse_choice(check: Checker, raw: Any, where: str, label_set: tuple[str, ...]) -> Choice | None:
    if not isinstance(raw, dict):
        check.error(where, "should be a mapping with reply, code, feedback, next")
        return None
    unknown_fields(check, raw, CHOICE_FIELDS, where)
    reply = check.require(raw, "reply", str, where)
    code = check.require(raw, "code", str, where)
    feedback = require_feedback(check, raw, where)
    target = check.require(raw, "next", str, where)
    one_of(check, code, label_set, f"{where}.code")
    effect = parse_effect(check, raw.get("effect"), f"{where}.effect")
    better = optional_text(check, raw, "better", where) or None
    grade = raw.get("quality")
    if grade is not None and not one_of(check, grade, QUALITIES, f"{where}.quality"):
        grade = None
    if not target:
        return None
    # Keep a choice with other problems (already reported) so the graph checks still see its
    # link and do not report follow-on errors such as an unreachable node.
    return Choice(
        " ".join((reply or "").split()),
        code or "other",
        " ".join((feedback or "").split()),
        target,
        effect,
        better,
        grade,
        name_list(check, raw, "establishes", where),
    )


def parse_branches(check: Checker, raw: Any, where: str, label_set: tuple[str, ...]) -> dict:
    if not isinstance(raw, dict) or not raw:
        check.error(
            where,
            "should map labels or groups to the next node, with a 'default', e.g. "
            "{reflection: feels_heard, persuade: digs_in, default: carries_on}",
        )
        return {}
    keys = (*label_set, *BRANCH_GROUPS, DEFAULT_BRANCH)
    branches = {}
    for key, target in raw.items():
        field = f"{where}.{key}"
        base, pickup = split_branch_key(str(key))
        if pickup is not None and base in keys and base != DEFAULT_BRANCH:
            problem = pickup_key_problem(pickup)
            if problem:
                check.error(field, problem)
                continue
        elif key not in keys:
            check.error(
                field,
                "should be a label ("
                + ", ".join(label_set)
                + "), a group ("
                + ", ".join(BRANCH_GROUPS)
                + ") or 'default'",
            )
            continue
        if not isinstance(target, str) or not target.strip():
            check.error(field, "should name the next node")
            continue
        branches[str(key)] = target
    if DEFAULT_BRANCH not in raw:
        check.error(where, "needs a 'default' entry for replies no other entry matches")
    return branches


def parse_node(check: Checker, node_id: str, raw: Any, label_set: tuple[str, ...]) -> Node | None:
    where = f"nodes.{node_id}"
    if not isinstance(raw, dict):
        check.error(where, "should be a mapping with says, talk and respond (or debrief)")
        return None
    unknown_fields(check, raw, NODE_FIELDS, where)
    says = check.require(raw, "says", str, where)
    talk = check.require(raw, "talk", str, where)
    one_of(check, talk, list(TALK_TYPES), f"{where}.talk")
    respond = raw.get("respond")
    debrief = optional_text(check, raw, "debrief", where)
    common = {
        "id": node_id,
        "says": " ".join((says or "").split()),
        "talk": talk or "neutral",
        "hint": optional_text(check, raw, "hint", where),
        "model_reply": optional_text(check, raw, "model_reply", where),
        "ideas": parse_ideas(check, raw.get("content"), f"{where}.content"),
        "follows": parse_follows(check, raw, where, label_set),
        "presupposes": name_list(check, raw, "presupposes", where),
        "establishes": name_list(check, raw, "establishes", where),
    }
    if respond is None:
        if not debrief:
            check.error(
                where,
                "needs 'respond: choice' or 'respond: free_text', or, if the "
                "conversation ends here, a 'debrief'",
            )
            return None
        outcome = check.require(
            raw,
            "outcome",
            str,
            where,
            expected="is missing: an ending needs outcome good, mixed or poor",
        )
        one_of(check, outcome, OUTCOMES, f"{where}.outcome")
        for key in ("choices", "next"):
            if key in raw:
                check.error(
                    f"{where}.{key}",
                    "an ending (a node with a debrief) has nothing to "
                    "answer; remove this field or the debrief",
                )
        return Node(**common, outcome=outcome or "mixed", debrief=debrief)
    if not one_of(check, respond, RESPOND_KINDS, f"{where}.respond"):
        return None
    if debrief:
        check.error(
            f"{where}.debrief",
            "only endings have a debrief; remove 'respond' if the conversation ends here",
        )
    if respond == CHOICE:
        if "next" in raw:
            check.error(f"{where}.next", "a choice node gives 'next' on each choice, not here")
        raw_choices = check.require(raw, "choices", list, where)
        if raw_choices is not None and len(raw_choices) < 2:
            check.error(f"{where}.choices", "should offer at least two replies to choose from")
        choices = [
            parse_choice(check, item, f"{where}.choices.{i}", label_set)
            for i, item in enumerate(raw_choices or [])
        ]
        return Node(**common, respond=CHOICE, choices=tuple(c for c in choices if c))
    if "choices" in raw:
        check.error(
            f"{where}.choices",
            "a free_text node has no choices; use 'next' to map the reply's label to the next node",
        )
    branches = parse_branches(check, raw.get("next"), f"{where}.next", label_set)
    closed = optional_text(check, raw, "closed_answer", where)
    return Node(**common, respond=FREE_TEXT, branches=branches, closed_answer=closed)


def parse_scenario(check: Checker, data: Any) -> Scenario | None:
    """Validate the shape of a scenario file; return the Scenario when it could be built."""
    if not isinstance(data, dict):
        check.error("", "should be a mapping with id, title, persona, start and nodes")
        return None
    label_set = labels()
    unknown_fields(check, data, TOP_FIELDS, "")
    scenario_id = check.require(data, "id", str)
    title = check.require(data, "title", str)
    about = check.require(
        data, "about", str, expected="is missing: one or two sentences for the scenario menu"
    )
    mode = check.require(data, "mode", str)
    one_of(check, mode, MODES, "mode")
    module = data.get("module", "")
    if not isinstance(module, str) or (module and not MODULE_ID.fullmatch(module)):
        check.error("module", "should be a module folder name such as 01-motivational-interviewing")
        module = ""
    safety = data.get("safety", False)
    if not isinstance(safety, bool):
        check.error("safety", "should be true or false")
        safety = False
    persona = parse_persona(check, data.get("persona"))
    start_state = parse_start_state(check, data.get("start_state"))
    start = check.require(data, "start", str)
    raw_nodes = check.require(data, "nodes", dict) or {}
    nodes = {}
    for node_id, raw in raw_nodes.items():
        node = parse_node(check, str(node_id), raw, label_set)
        if node:
            nodes[str(node_id)] = node
    if mode in (CHOICE, FREE_TEXT):
        for node in nodes.values():
            if node.respond and node.respond != mode:
                check.error(
                    f"nodes.{node.id}.respond",
                    f"is {node.respond}, but the scenario's mode is {mode} (use "
                    "'mode: mixed' for a scenario with both kinds of node)",
                )
    if not all((scenario_id, title, about, mode, persona, start)) or not nodes:
        return None
    nodes = add_closed_answers(nodes, optional_text(check, data, "closed_answer", ""))
    return Scenario(
        id=scenario_id,
        title=" ".join(title.split()),
        about=" ".join(about.split()),
        mode=mode,
        persona=persona,
        start=start,
        nodes=nodes,
        safety=safety,
        start_state=start_state,
        path=check.file,
        module=module,
    )
