"""Checking a typed facilitator reply with the course's feedback engine, by a graded item's rule.

`judge_graded_reply` is the one rule the hidden test, the self-check and the trainer's tools
apply: the kind of reply the task asks for, what it must pick up from the participant's line,
and never a point for advice without permission, confrontation or a label. A reply the engine
cannot judge is left for the trainer, not scored.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from . import answer_messages as say
from .answer_messages import LeftForTrainer, grading, plain_text
from .htmlsafe import escape
from .safety import crisis_banner_html, mentions_distress
from .written_answers import word_count


@dataclass(frozen=True)
class ReplyVerdict:
    """How a typed reply fares against a graded item's rule (`graded_replies.yaml`).

    `meets` is None when the engine could not judge the reply (the trainer marks it); `coded`
    is the engine's judgement and `pickup` what the reply picked up from the line (or None).
    """

    meets: bool | None
    coded: Any
    pickup: Any = None
    reason: str = ""  # why the trainer is left to mark it, when meets is None

    @property
    def harmful(self) -> bool:
        return _harmful(self.coded)


def _harmful(coded: Any) -> bool:
    """Advice without permission, confrontation or a label: never worth a point."""
    return coded.code in ("persuade", "confront") or coded.labeling or coded.disguised_advice


def judge_graded_reply(answer: object, item: str) -> ReplyVerdict:
    """Apply a graded item's rule to a reply: the kind it asks for, what it must pick up, and
    never a point for advice without permission, confrontation or a label."""
    from .coding import code_response
    from .coding.pickup import PICKUP_NAMES, pick_up
    from .graded_replies import graded_reply

    rule = graded_reply(item)
    text = "" if answer is None else str(answer)
    related = tuple(" ".join(idea.words) for idea in rule.ideas)
    coded = code_response(text, rule.says, related=related)
    if not coded.judged:
        return ReplyVerdict(None, coded, reason=str(coded.explanation))
    found = pick_up(text, rule.ideas, rule.says) if rule.ideas else None
    verdict = ReplyVerdict(False, coded, found)
    if verdict.harmful or not rule.accepts_code(coded.code):
        return verdict
    if not rule.picks or (found is not None and found.side in rule.picks and found.specific):
        return ReplyVerdict(True, coded, found)
    # The kind is right and nothing harmful is in it, but matching words cannot confirm what it
    # picked up (a paraphrase the word lists do not know, or a different side): a person decides.
    wanted = " or ".join(PICKUP_NAMES[p] for p in rule.picks)
    return ReplyVerdict(
        None,
        coded,
        found,
        reason=f"The reply reads as the kind the task asks for, but I could not confirm that it "
        f"picks up {wanted}.",
    )


def check_reply(
    answer: object,
    participant: str | None = None,
    expect: Iterable[str] | None = None,
    min_words: int = 3,
    item: str | None = None,
    mark: bool = False,
) -> bool:
    """Check a typed facilitator reply to a participant's line with the course's feedback engine.

    With `item` (a key of data/graded_replies.yaml) the line, its ideas and the marking rule come
    from that file; `mark=True` applies the rule (the hidden test), otherwise the learner sees
    how the reply reads, what it picked up and whether it meets the rule. Without `item`,
    `expect` lists the labels that earn the mark (older form). Whatever the rule: advice without
    permission, confrontation and identity labels never earn it, and a reply the engine cannot
    judge is left for the trainer (LeftForTrainer while grading) instead of being scored.
    """
    from .coding import LABEL_NAMES
    from .coding.pickup import PICKUP_NAMES, describe
    from .graded_replies import graded_reply

    rule = graded_reply(item) if item else None
    line = rule.says if rule else (participant or "")
    text = "" if answer is None else str(answer)
    if mentions_distress(text) and not grading():
        say.show(crisis_banner_html())
    words = word_count(text)
    if words == 0:
        return say.outcome(False, "", "Not answered yet: type your reply between the quotes.")
    if words < min_words:
        return say.outcome(False, "", f"Your reply has {words} word(s); write a full sentence.")
    if rule is not None:
        verdict = judge_graded_reply(text, rule.item)
        coded, found = verdict.coded, verdict.pickup
    else:
        from .coding import code_response

        coded, found = code_response(text, line), None
        verdict = None
    undecided = verdict is not None and verdict.meets is None
    if not coded.judged or (undecided and mark):
        reason = escape(verdict.reason if verdict is not None else coded.explanation)
        if grading() and (mark or expect is not None):
            raise LeftForTrainer(plain_text(f"Left for your trainer to mark: {reason}"))
        if not coded.judged:
            if grading():  # the visible check: the hidden test leaves it for the trainer
                return True
            return say.outcome(False, "", f"{reason} Your trainer will read it if you hand it in.")
    name = LABEL_NAMES.get(coded.code, coded.code)
    detail = escape(coded.explanation)
    if found is not None and rule is not None:
        detail += " " + escape(describe(found, rule.ideas))
    if coded.rewrite:
        detail += f"<br><em>Try:</em> {escape(coded.rewrite)}"
    if rule is not None and verdict is not None:
        meets = bool(verdict.meets)
        verdict_word = (
            "may or may not meet (your trainer will decide)"
            if undecided
            else "meets"
            if meets
            else "does not meet"
        )
        if not mark:
            if not grading():
                kind = "ok" if meets else "todo"
                say.show(
                    say.box(
                        kind,
                        f"Your reply reads as <strong>{escape(name)}</strong>. {detail}<br>"
                        f"It {verdict_word} this task's rule: {escape(rule.rule)}",
                    )
                )
            return True
        picked = PICKUP_NAMES.get(found.side, "") if found is not None else ""
        return say.outcome(
            meets,
            f"Your reply reads as {escape(name)} and meets the rule.",
            f"Your reply reads as {escape(name)}"
            + (f" and picks up {escape(picked)}" if picked else "")
            + f"; the rule is: {escape(rule.rule)} {detail}",
            kind_bad="wrong",
        )
    if expect is None:
        return say.outcome(
            True, f"Your reply reads as <strong>{escape(name)}</strong>. {detail}", ""
        )
    wanted = tuple(expect)
    wanted_names = " or ".join(LABEL_NAMES.get(label, label) for label in wanted)
    passed = coded.code in wanted and not _harmful(coded)
    return say.outcome(
        passed,
        f"Your reply reads as {escape(name)}, as asked.",
        f"Your reply reads as {escape(name)}; the task asks for {escape(wanted_names)}. {detail}",
        kind_bad="wrong",
    )
