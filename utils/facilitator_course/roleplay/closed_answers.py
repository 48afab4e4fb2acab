"""A closed question gets a short answer and another turn, not the end of the conversation.

Real participants answer "Do you drink every night?" with "Most nights." and wait; the talk goes
flat only when closed questions keep coming. Ending a role-play on the first closed question
taught learners that one slip is fatal, which is neither true nor kind. So a scenario (or one of
its lines) may give a `closed_answer`: for each free-text line whose closed-question link leads to
an ending, the parser adds an "answered" line. The participant says the short answer, the learner
answers again with everything the first line offered still on the table (its ideas, hint and model
reply), and a second closed question in a row follows the author's original link to the ending.
The added lines are ordinary nodes, so every graph, fidelity and consistency check covers them.
"""

from __future__ import annotations

from dataclasses import replace

from .scenario import FREE_TEXT, Node

CLOSED = "question_closed"
ANSWERED = "~answered"  # suffix of an added line's id; '~' cannot appear in an author's id
HINT = "They gave a short answer to your closed question and are waiting. "


ANSWERED_FEEDBACK = (
    "They gave a short answer and are waiting: closed questions get short answers. Another "
    "closed question now would make this feel like a form; try a reflection or an open question."
)


def is_answered(node_id: str) -> bool:
    """Whether `node_id` is a line added by `add_closed_answers`."""
    return node_id.endswith(ANSWERED)


def answered_id(node_id: str) -> str:
    return node_id + ANSWERED


def add_closed_answers(nodes: dict[str, Node], default: str) -> dict[str, Node]:
    """`nodes` with an answered line after every closed question that would end the talk.

    `default` is the scenario's `closed_answer` (used where a line has none of its own); with
    neither, the line keeps its link to the ending.
    """
    result = dict(nodes)
    for node in nodes.values():
        answer = node.closed_answer or default
        if node.respond != FREE_TEXT or not answer or not node.branches:
            continue
        ending = nodes.get(node.next_for(CLOSED))
        if ending is None or not ending.is_ending:
            continue
        answered = replace(
            node,
            id=answered_id(node.id),
            says=answer,
            talk="neutral",
            recalls=node.heard,
            hint=HINT + node.hint,
            branches={**node.branches, CLOSED: ending.id},
            closed_answer="",
            follows=(CLOSED,),
            establishes=(),
        )
        result[answered.id] = answered
        result[node.id] = replace(node, branches={**node.branches, CLOSED: answered.id})
    return result
