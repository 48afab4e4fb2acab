"""A role-play scenario as the engine sees it: a persona and a graph of participant lines.

The classes are plain frozen data so that a scenario loaded once can be shared by any number of
conversations, and so that checks and tests can build small scenarios in code.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..coding.pickup import Idea
from .ideas import pickup_fallbacks
from .state import Effect

CHOICE = "choice"
FREE_TEXT = "free_text"
RESPOND_KINDS = (CHOICE, FREE_TEXT)
MODES = (CHOICE, FREE_TEXT, "mixed")
OUTCOMES = ("good", "mixed", "poor")

# Free-text branches may name a single label or one of these groups; lookups try the exact label
# first, then the groups in this order, then `default`.
BRANCH_GROUPS: dict[str, tuple[str, ...]] = {
    "reflection": ("reflection_simple", "reflection_complex", "summary"),
    "question": ("question_open", "question_closed"),
    "adherent": (
        "affirm",
        "seeking_collaboration",
        "emphasizing_autonomy",
        "persuade_with_permission",
    ),
    "righting_reflex": ("persuade", "confront"),
}
DEFAULT_BRANCH = "default"
RIGHTING_REFLEX = BRANCH_GROUPS["righting_reflex"]


@dataclass(frozen=True)
class Persona:
    name: str
    age_range: str
    changing: str
    stage: str
    style: str
    background: str = ""


@dataclass(frozen=True)
class Choice:
    """One candidate reply in a choice node."""

    reply: str
    code: str
    feedback: str
    next: str
    effect: Effect | None = None
    better: str | None = None
    quality: str | None = None  # overrides the label's usual quality (see state.LABEL_QUALITY)
    establishes: tuple[str, ...] = ()  # what this reply puts on the table (see roleplay.arcs)


@dataclass(frozen=True)
class Node:
    """A participant line and what can follow it. An ending has a debrief and nothing to answer."""

    id: str
    says: str
    talk: str
    respond: str | None = None
    choices: tuple[Choice, ...] = ()
    branches: dict[str, str] = field(default_factory=dict)
    hint: str = ""
    model_reply: str = ""
    outcome: str = ""
    debrief: str = ""
    ideas: tuple[Idea, ...] = ()  # what is in `says` (the `content:` field)
    # Consistency (checked by roleplay.arcs): the moves this line answers, the facts every path
    # to it must have established, and the facts this line establishes for later lines.
    follows: tuple[str, ...] = ()
    presupposes: tuple[str, ...] = ()
    establishes: tuple[str, ...] = ()
    closed_answer: str = ""  # the short answer to a closed question (see closed_answers.py)
    recalls: str = ""  # on an added "answered" line: the line it answers after

    @property
    def heard(self) -> str:
        """The line a reply is judged against. On an added "answered" line that is the line
        before it: the short answer ("Maybe.") adds nothing to reflect, and read as context its
        question mark would make a reflection look like an answer to a question."""
        return self.recalls or self.says

    @property
    def is_ending(self) -> bool:
        return self.respond is None

    def targets(self) -> list[str]:
        """Every node id this node can lead to."""
        if self.respond == CHOICE:
            return [choice.next for choice in self.choices]
        return list(self.branches.values())

    def next_for(
        self,
        code: str,
        labeling: bool = False,
        disguised_advice: bool = False,
        pickup: str | None = None,
    ) -> str:
        """The node a free-text reply with this label (and what it picked up) leads to.

        An identity label counts as confrontation and advice phrased as a question counts as
        advice, because that is how a participant hears them. With `pickup` (what the reply
        picked up, see `coding.pickup`), keys such as `reflection.sustain` are tried first.
        """
        if labeling and code != "confront":
            code = "confront"
        elif disguised_advice and code not in RIGHTING_REFLEX:
            code = "persuade"
        groups = [group for group, members in BRANCH_GROUPS.items() if code in members]
        for picked in pickup_fallbacks(pickup):
            for key in (code, *groups):
                if f"{key}.{picked}" in self.branches:
                    return self.branches[f"{key}.{picked}"]
        if code in self.branches:
            return self.branches[code]
        for group in groups:
            if group in self.branches:
                return self.branches[group]
        return self.branches[DEFAULT_BRANCH]


@dataclass(frozen=True)
class Scenario:
    id: str
    title: str
    about: str
    mode: str
    persona: Persona
    start: str
    nodes: dict[str, Node]
    safety: bool = False
    start_state: dict[str, int] = field(default_factory=dict)
    path: str = ""
    module: str = (
        ""  # the module whose practice library lists it, e.g. 01-motivational-interviewing
    )

    def node(self, node_id: str) -> Node:
        return self.nodes[node_id]

    @property
    def endings(self) -> list[Node]:
        return [node for node in self.nodes.values() if node.is_ending]
