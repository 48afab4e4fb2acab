"""A more MI-consistent way to say advice or confrontation: the "try this instead" of the feedback.

Learners improve fastest when feedback shows what to say, not only what was wrong. For advice given
without permission the pattern is ask-offer-ask: ask permission, offer the idea as one option among
several, and hand the choice back. For confrontation it is a reflection that holds both sides,
built from the participant's own words when they are known. The rewrite reuses the learner's idea
where it can find one, so it reads as their reply done differently rather than as a stock phrase.
"""

from __future__ import annotations

import re

from .features import Extracted
from .spellings import PRONOUN_SWAP
from .text import tokens

_ADVICE = re.compile(
    r"\b(?:you|your) (?:really |just |definitely |honestly |seriously |probably )?(?:should"
    r"|ought to|need to|have to|must|have got to|got to|had better) (?P<a>[^.?!]{3,120})"
    r"|^(?:so |and |but |okay |well )?(?:have you (?:tried|thought about|considered)|did you try"
    r"|why (?:do not|not) you|why not|what about|how about|what if you|could you (?:maybe|just"
    r"|try)|would you consider) (?P<b>[^.?!]{3,120})"
    r"|\bi (?:would )?(?:really |strongly )?(?:recommend|suggest|advise)(?: that)?(?: you)?"
    r" (?P<c>[^.?!]{3,120})"
    r"|\bif i were you(?: ,)? i would (?P<d>[^.?!]{3,120})"
    r"|^(?:just )?(?P<e>(?:try|stop|quit|go to|get|call|ring|delete|avoid|throw|pour|bin|join"
    r"|write|start|make sure|keep|cut|block|use|find|tell|put) [^.?!]{2,120})"
)
_SWAP = {**PRONOUN_SWAP, "was": "were"}


def _words(text: str, limit: int = 16) -> str:
    words = text.strip(" ,").split()
    return " ".join(words[:limit]) + (" ..." if len(words) > limit else "")


def _idea(norm: str) -> str | None:
    for sentence in re.split(r"(?<=[.?!]) ", norm):
        match = _ADVICE.search(sentence.strip())
        if match:
            found = next(g for g in match.groups() if g)
            return _words(found.replace(" ?", ""))
    return None


def _reflect(context: str) -> str:
    toks = [_SWAP.get(t, t) for t in tokens(context) if t not in ("?", "!", '"')]
    first = " ".join(toks).split(" . ")[0].strip(" .,")
    return _words(first, 20)


def persuade_rewrite(ext: Extracted) -> str:
    """Ask-offer-ask around the learner's own idea (or a template if none was found)."""
    idea = _idea(ext.norm)
    if idea:
        verb_ing = idea.split()[0].endswith("ing")
        offer = (
            f"Some people find {idea} helps" if verb_ing else f"Some people find it helps to {idea}"
        )
        return (
            f'Ask first, then offer it as one option: "Would it be okay if I shared an idea? '
            f'{offer}. You know your situation best: what do you make of that?"'
        )
    return (
        "Ask before advising, offer the idea as one option among several and hand the choice "
        'back: "Would it be okay if I shared something that has helped others? ... Which of '
        'those, if any, might fit for you?"'
    )


def confront_rewrite(ext: Extracted, context: str | None) -> str:
    """A double-sided reflection instead of an argument, using the participant's words if known."""
    if context and any(ch.isalpha() for ch in context):
        said = _reflect(context)
        return (
            'Reflect instead of arguing, and leave the conclusion to them: "From where you '
            f"stand, {said}. And part of you may be wondering about it too, or you might not "
            'have brought it up. How do you see it?"'
        )
    return (
        "Reflect instead of arguing: name both sides and leave the conclusion to them, e.g. "
        "\"On one hand it helps you relax, and on the other you're noticing what it costs. "
        'Where does that leave you?"'
    )


def rewrite_for(code: str, ext: Extracted, context: str | None) -> str | None:
    """The rewrite for persuade and confront (and for any reply that labels); else None."""
    label_note = (
        ' Describe the behaviour, not the person ("someone who drinks", not an identity label).'
        if ext.labeling
        else ""
    )
    if code == "persuade":
        return persuade_rewrite(ext) + label_note
    if code == "confront":
        return confront_rewrite(ext, context) + label_note
    if label_note:
        return label_note.strip()
    return None
