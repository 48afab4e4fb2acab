"""The conversation engine: walks a scenario, codes each reply and moves the participant's state.

Pure Python so that tests, graded notebooks and widgets all share one behaviour. A learner can go
back to any earlier turn and try again; the transcript and the meters are rewound with it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..safety import mentions_own_distress
from .closed_answers import ANSWERED_FEEDBACK, is_answered
from .coder import Coder, code_reply, summarize_codes
from .content_judgement import judge_content
from .feedback import check_reply_text, typed_feedback
from .scenario import CHOICE, FREE_TEXT, Node, Scenario
from .state import GOOD, QUALITY_POINTS, WEAK, ParticipantState, effect_for, quality
from .transcript import Turn


class ReplyRejected(ValueError):
    """A typed reply that cannot be coded (empty, too long); the message is for the learner."""


class ReplyNotJudged(ReplyRejected):
    """A reply the engine cannot judge (gibberish, another language, off topic, a bare filler,
    too unsure): nothing is recorded and the participant does not react; `reason` says why."""

    def __init__(self, message: str, reason: str = "") -> None:
        super().__init__(message)
        self.reason = reason


OWN_WORDS = (
    "What you typed sounds like it may be about you, so it was not used as a reply in this "
    "role-play and nothing was recorded. Your words are still in the box. Please look at the "
    "resources above; when you want to go on, type a reply to the participant."
)


class ConversationOver(RuntimeError):
    """A reply was given after the conversation reached an ending."""


@dataclass(frozen=True)
class Outcome:
    """How the conversation ended, for the debrief and for saved progress."""

    ending: Node
    score: int  # 0-100
    state: ParticipantState
    turns: int


class Conversation:
    """One learner's run through a scenario.

    `coder` replaces the feedback engine's `code_response` (tests use a stand-in).
    """

    def __init__(self, scenario: Scenario, coder: Coder | None = None) -> None:
        self.scenario = scenario
        self.coder = coder
        self._initial = ParticipantState.initial(scenario.persona.stage, scenario.start_state)
        self._turns: list[Turn] = []
        self._node_id = scenario.start
        self._state = self._initial

    @classmethod
    def starting_at(
        cls, scenario: Scenario, node_id: str, coder: Coder | None = None
    ) -> Conversation:
        """A conversation that begins at `node_id` (for authors testing one line)."""
        talk = cls(scenario, coder)
        talk._node_id = scenario.node(node_id).id
        return talk

    # -- where we are -------------------------------------------------------------------------
    @property
    def node(self) -> Node:
        return self.scenario.node(self._node_id)

    @property
    def state(self) -> ParticipantState:
        return self._state

    @property
    def initial_state(self) -> ParticipantState:
        return self._initial

    @property
    def transcript(self) -> tuple[Turn, ...]:
        return tuple(self._turns)

    @property
    def finished(self) -> bool:
        return self.node.is_ending

    @property
    def expects(self) -> str | None:
        """'choice', 'free_text', or None at an ending."""
        return self.node.respond

    # -- replying -----------------------------------------------------------------------------
    def choose(self, index: int) -> Turn:
        """Answer the current choice node with choice number `index` (0-based)."""
        if isinstance(index, bool) or not isinstance(index, int):
            raise TypeError(f"a choice is a whole number, not {type(index).__name__}")
        node = self._require(CHOICE)
        if not 0 <= index < len(node.choices):
            raise IndexError(f"choice {index} does not exist; there are {len(node.choices)}")
        choice = node.choices[index]
        grade = choice.quality or quality(choice.code)
        effect = choice.effect or effect_for(choice.code, self.scenario.persona.style)
        better = choice.better
        if grade == WEAK and not better:
            better = best_choice(node).reply
        return self._advance(
            node, choice.reply, choice.code, grade, choice.feedback, effect, better, choice.next
        )

    def reply(self, text: str) -> Turn:
        """Answer the current free-text node; the coder labels the reply and picks the branch.

        Raises TypeError for a reply that is not text, ReplyRejected (with a message for the
        learner) for one that cannot be used, and ReplyNotJudged for one the engine cannot judge.
        """
        if not isinstance(text, str):
            raise TypeError(f"a typed reply is text, not {type(text).__name__}")
        node = self._require(FREE_TEXT)
        problem = check_reply_text(text)
        if problem:
            raise ReplyRejected(problem)
        if mentions_own_distress(text):
            # Words about the learner's own distress are not a move in the role-play: coding them
            # as "advice" and moving the participant on would answer a person with a score.
            raise ReplyRejected(OWN_WORDS)
        related = self._related(node)
        coded = code_reply(text.strip(), context=node.heard, coder=self.coder, related=related)
        if getattr(coded, "error", None):
            raise ReplyRejected(str(coded.error))
        if not getattr(coded, "judged", True):
            # Nothing is scored and the participant does not react: a guess would reward or
            # punish a reply nobody could judge.
            raise ReplyNotJudged(str(coded.explanation), str(getattr(coded, "reason", "")))
        labeling = bool(getattr(coded, "labeling", False))
        disguised = bool(getattr(coded, "disguised_advice", False))
        judged = judge_content(text.strip(), coded.code, node, labeling or disguised)
        grade = judged.quality or quality(coded.code, labeling, disguised)
        effect = effect_for(coded.code, self.scenario.persona.style, labeling, disguised)
        effect = judged.adjust(effect)
        flags = tuple(
            f for f, on in (("labeling", labeling), ("disguised_advice", disguised)) if on
        )
        # A weak reply gets the scenario's own model reply (it fits this moment of this
        # conversation); the coder's generic rewrite is kept as advice on reworking it.
        better = rewrite = None
        if grade == WEAK:
            rewrite = getattr(coded, "rewrite", None) or None
            better = node.model_reply or rewrite
            if rewrite == better:
                rewrite = None
        feedback = typed_feedback(coded, labeling, disguised)
        if judged.text:
            feedback += " " + judged.text
        target = node.next_for(coded.code, labeling, disguised, judged.pickup)
        if is_answered(target):
            feedback += " " + ANSWERED_FEEDBACK
        return self._advance(
            node,
            text.strip(),
            coded.code,
            grade,
            feedback,
            effect,
            better,
            target,
            typed=True,
            rewrite=rewrite,
            cue=str(getattr(coded, "cue", "") or ""),
            confidence=getattr(coded, "confidence", None),
            flags=flags,
            picked_up=judged.pickup,
            ideas=judged.ideas,
        )

    def _related(self, node: Node) -> tuple[str, ...]:
        """Text a reply may fairly pick up besides the current line: the conversation so far,
        the author's words for this line's ideas, and what the persona is changing."""
        earlier = [turn.participant for turn in self._turns]
        words = [" ".join(idea.words) for idea in node.ideas]
        return (*earlier, *words, self.scenario.persona.changing, self.scenario.persona.name)

    def _require(self, kind: str) -> Node:
        node = self.node
        if node.is_ending:
            raise ConversationOver("the conversation has ended; rewind or start again")
        if node.respond != kind:
            raise ValueError(f"this turn expects a {node.respond.replace('_', '-')} reply")
        return node

    def _advance(
        self,
        node: Node,
        reply: str,
        code: str,
        grade: str,
        feedback: str,
        effect: Any,
        better: str | None,
        target: str,
        **extra: Any,
    ) -> Turn:
        after = self._state.apply(effect)
        turn = Turn(
            number=len(self._turns) + 1,
            node_id=node.id,
            participant=node.says,
            talk=node.talk,
            reply=reply,
            code=code,
            quality=grade,
            feedback=feedback,
            before=self._state,
            after=after,
            better=better,
            **extra,
        )
        self._turns.append(turn)
        self._state = after
        self._node_id = target
        return turn

    # -- going back ---------------------------------------------------------------------------
    def rewind(self, turn_number: int) -> None:
        """Go back to just before turn `turn_number` (1-based) so it can be answered again."""
        if not 1 <= turn_number <= len(self._turns):
            raise IndexError(f"there is no turn {turn_number}")
        turn = self._turns[turn_number - 1]
        del self._turns[turn_number - 1 :]
        self._node_id = turn.node_id
        self._state = turn.before

    def restart(self) -> None:
        self._turns.clear()
        self._node_id = self.scenario.start
        self._state = self._initial

    # -- results ------------------------------------------------------------------------------
    def codes(self) -> list[str]:
        return [turn.code for turn in self._turns]

    def score(self) -> int:
        """0-100: the share of MI-consistent turns (neutral turns count half)."""
        if not self._turns:
            return 0
        points = sum(QUALITY_POINTS[turn.quality] for turn in self._turns)
        return round(100 * points / len(self._turns))

    def outcome(self) -> Outcome | None:
        if not self.finished:
            return None
        return Outcome(self.node, self.score(), self._state, len(self._turns))

    def summary(self) -> Any:
        """The feedback engine's SessionSummary for this conversation's replies."""
        return summarize_codes(self.codes())


def best_choice(node: Node) -> Any:
    """The choice offered as 'a better alternative': the first good one, preferring reflections."""
    ranked = sorted(
        node.choices,
        key=lambda c: (
            (c.quality or quality(c.code)) != GOOD,
            c.code not in ("reflection_complex", "summary"),
        ),
    )
    return ranked[0]
