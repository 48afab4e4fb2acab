"""`facilitator-course try-replies SCENARIO [FILE]`: test a scenario's lines on a batch of replies.

An author who has written a scenario wants to know how the engine will treat what learners type
before a learner does. Input lines: {"node": "<node id>", "text": "<a reply>"} (node defaults to
the scenario's start; other keys are passed through). Output lines: the input keys plus judged,
reason, code, quality, picked_up (what the reply picked up: change, sustain, both, ..., or null
when the line has no `content:`), ideas (the ideas matched), next_node, next_says and feedback.
Nothing is saved: each reply is tried on its own, from the node it names.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from .jsonl import add_file_argument, run_file

FIELDS = ("judged", "reason", "code", "quality", "picked_up", "next_node")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("scenario", help="a scenario id (e.g. after-a-lapse) or a YAML file")
    add_file_argument(parser, 'replies {"node": ..., "text": ...}')


def _try(scenario: Any, row: dict[str, Any]) -> dict[str, Any]:
    from ..roleplay.conversation import Conversation, ReplyNotJudged, ReplyRejected
    from ..roleplay.scenario import FREE_TEXT

    node_id = row.get("node") or scenario.start
    if node_id not in scenario.nodes:
        return {"error": f"no node '{node_id}' in {scenario.id}"}
    if scenario.node(node_id).respond != FREE_TEXT:
        return {"error": f"node '{node_id}' does not take a typed reply"}
    talk = Conversation.starting_at(scenario, node_id)
    try:
        turn = talk.reply(row["text"])
    except ReplyNotJudged as exc:
        return {"judged": False, "reason": exc.reason, "feedback": str(exc), "next_node": None}
    except ReplyRejected as exc:
        return {"judged": False, "reason": "rejected", "feedback": str(exc), "next_node": None}
    return {
        "judged": True,
        "reason": None,
        "code": turn.code,
        "quality": turn.quality,
        "picked_up": turn.picked_up,
        "ideas": list(turn.ideas),
        "next_node": talk.node.id,
        "next_says": talk.node.says,
        "feedback": turn.feedback,
    }


def run(args: argparse.Namespace) -> int:
    from ..content import ContentError
    from ..roleplay.loader import load_scenario

    try:
        scenario = load_scenario(args.scenario)
    except (ContentError, OSError, KeyError, ValueError) as exc:
        print(f"Could not load the scenario: {exc}", file=sys.stderr)
        return 2
    return run_file(args.file, lambda row: _try(scenario, row), FIELDS)
