"""Graded typed-reply items: the participant's line, what is in it, and the rule for the point.

`data/graded_replies.yaml` is the one source for each graded role-play item of the exercises:
the line the trainee answers, its ideas (the same `content:` format as scenarios) and the rule
(`kinds`: what kind of reply the task asks for; `picks`: what the reply must pick up). The
exercise notebook calls `answers.check_reply(answer, item=...)`, and its mark scheme quotes
`rule`, so a trainer reads exactly what the autograder applies (a test checks they agree).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .coding.labels import LABELS, QUESTIONS, REFLECTIONS
from .coding.pickup import PICKUPS, Idea
from .content import Checker, ContentError, load_yaml
from .paths import data_dir

# What `kinds` may name: a label, or one of these groups.
KIND_GROUPS: dict[str, frozenset[str]] = {"reflection": REFLECTIONS, "question": QUESTIONS}


@dataclass(frozen=True)
class GradedReply:
    item: str
    says: str
    ideas: tuple[Idea, ...]
    kinds: tuple[str, ...]
    picks: tuple[str, ...]  # empty: any pickup earns the point
    rule: str

    def accepts_code(self, code: str) -> bool:
        return any(code == kind or code in KIND_GROUPS.get(kind, ()) for kind in self.kinds)


def _parse(check: Checker, item: str, raw: object) -> GradedReply | None:
    from .roleplay.ideas import parse_ideas

    if not isinstance(raw, dict):
        check.error(item, "should be a mapping with says, content, kinds, picks and rule")
        return None
    says = check.require(raw, "says", str, item)
    rule = check.require(raw, "rule", str, item)
    kinds = raw.get("kinds")
    if not isinstance(kinds, list) or not kinds:
        check.error(f"{item}.kinds", "should list what the task asks for, e.g. [reflection]")
        kinds = []
    for kind in kinds:
        if kind not in LABELS and kind not in KIND_GROUPS:
            check.error(f"{item}.kinds", f"'{kind}' is not a label or one of reflection, question")
    picks = raw.get("picks") or []
    if not isinstance(picks, list) or any(p not in PICKUPS for p in picks):
        check.error(f"{item}.picks", "should list pickups: " + ", ".join(PICKUPS))
        picks = []
    ideas = parse_ideas(check, raw.get("content"), f"{item}.content")
    if not (says and rule):
        return None
    return GradedReply(item, " ".join(says.split()), ideas, tuple(kinds), tuple(picks), rule)


@lru_cache(maxsize=1)
def graded_replies() -> dict[str, GradedReply]:
    """Every graded typed-reply item, checked; a broken file raises ContentError with its field."""
    path = data_dir() / "graded_replies.yaml"
    data, lines = load_yaml(path)
    check = Checker(path, lines)
    items = {}
    for item, raw in (data or {}).items():
        parsed = _parse(check, str(item), raw)
        if parsed:
            items[str(item)] = parsed
    if check.errors:
        raise check.errors[0]
    return items


def graded_reply(item: str) -> GradedReply:
    try:
        return graded_replies()[item]
    except KeyError:
        raise ContentError("graded_replies.yaml", None, item, "no such graded item") from None
