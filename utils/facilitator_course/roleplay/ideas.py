"""The `content:` field of a participant line: which ideas are in it, so that the engine can
judge what a typed reply picked up (see `coding.pickup`), and the branch keys that use it.

A scenario author writes, under a node:

    content:
      - idea: "Sundays are a write-off"
        side: change
        words: [sunday, write off, wasted, lost day]

and may route replies by what they picked up: `reflection.sustain: digs_in` sends a reflection
of the sustain side to a line with more sustain talk. Lookup order for a typed reply is
`<label>.<pickup>`, `<group>.<pickup>`, `<label>`, `<group>`, `default`.
"""

from __future__ import annotations

from typing import Any

from ..coding.pickup import BOTH_SUSTAIN_LAST, PICKUPS, SIDES, SUSTAIN, Idea
from ..content import Checker

IDEA_FIELDS = ("idea", "side", "words")
MAX_IDEAS = 8


def parse_ideas(check: Checker, raw: Any, where: str) -> tuple[Idea, ...]:
    """Validate a node's `content:` list; every problem is reported with its field."""
    if raw is None:
        return ()
    if not isinstance(raw, list) or not raw:
        check.error(where, "should be a list of ideas, each with idea, side and words")
        return ()
    if len(raw) > MAX_IDEAS:
        check.error(where, f"has {len(raw)} ideas; keep it to at most {MAX_IDEAS}")
    ideas = []
    for i, item in enumerate(raw):
        field = f"{where}.{i}"
        if not isinstance(item, dict):
            check.error(field, "should be a mapping with idea, side and words")
            continue
        for key in item:
            if key not in IDEA_FIELDS:
                check.error(f"{field}.{key}", "is not a field of an idea (idea, side, words)")
        text = check.require(item, "idea", str, field)
        side = check.require(item, "side", str, field)
        if side is not None and side not in SIDES:
            check.error(f"{field}.side", "should be one of: " + ", ".join(SIDES))
            side = None
        words = item.get("words")
        if (
            not isinstance(words, list)
            or not words
            or not all(isinstance(w, str) and w.strip() for w in words)
        ):
            check.error(
                f"{field}.words",
                "should be a list of words or short phrases a reply picking this idea up "
                "would contain, e.g. [sunday, write off, wasted]",
            )
            continue
        if text and side:
            ideas.append(
                Idea(" ".join(text.split()), side, tuple(w.strip().lower() for w in words))
            )
    return tuple(ideas)


def split_branch_key(key: str) -> tuple[str, str | None]:
    """'reflection.sustain' -> ('reflection', 'sustain'); 'reflection' -> ('reflection', None)."""
    base, _, pickup = key.partition(".")
    return base, (pickup or None)


def pickup_key_problem(pickup: str) -> str | None:
    if pickup in PICKUPS:
        return None
    return "after the dot, name what the reply picked up: " + ", ".join(PICKUPS)


def pickup_fallbacks(pickup: str | None) -> tuple[str, ...]:
    """The pickups to try for a branch, most specific first."""
    if pickup is None:
        return ()
    if pickup == BOTH_SUSTAIN_LAST:
        return (BOTH_SUSTAIN_LAST, SUSTAIN)
    return (pickup,)
