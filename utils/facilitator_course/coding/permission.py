"""Words with which a reply leaves the person free: asking permission, handing the choice back,
or saying it is fine to pass.

Kept apart from `harm.py` because these words do the opposite of harm: they turn advice into
advice with permission, and an invitation the model misreads as pressure back into an invitation.
The group practices use the same list for inviting a quiet member, so the two never disagree.
"""

from __future__ import annotations

import re

from .text import normalise

# Words that leave a person free to decline what they are invited to do ("it's fine to pass").
# One list for the judgement (such an invitation is never confrontation) and for the group
# practices (an invitation to a quiet member), so the two never disagree.
_ROOM_TO_PASS = re.compile(
    r"\b(?:(?:fine|okay|ok|alright|all right) (?:to|if you) pass|passing is (?:fine|okay|ok"
    r"|alright)|you can (?:always )?pass|no pressure|only if you (?:want|like|feel like))\b"
)


def room_to_pass(text: str) -> str | None:
    """The words with which `text` leaves the person free to pass, if any."""
    match = _ROOM_TO_PASS.search(normalise(text))
    return match.group(0) if match else None


# Words in a reply that give the participant the choice, or that ask for permission.
_PERMISSION = re.compile(
    r"\b(?:if you (?:want|like|fancy|would like|are interested|are open)|up to you|your (?:call"
    r"|choice|decision)|see (?:what you think|if (?:that|it|this|anything) (?:fits|suits|works"
    r"|helps|appeals))|take it or leave it|no pressure|only if you|might not be (?:right|for you)"
    r"|you know (?:best|yourself best)|whatever you decide|(?:then )?you (?:can|get to|could) decide|if it (?:helps|is useful|fits)"
    r"|everyone is different|(?:can|could|may|might) i (?:share|offer|suggest|give|tell|add"
    r"|mention|say)|would (?:it|that) be (?:okay|all right|alright|fine)|would you like (?:some"
    r"|to hear|me to|a few|an idea|ideas)|do you mind if|mind if i|would you be (?:open|okay"
    r"|interested)|are you (?:open|okay with)|with your permission|you asked|since you asked"
    r"|you wanted (?:some )?ideas|since you (?:are )?ask(?:ing|ed)|as you asked|you (?:were|are)"
    r" asking|only if (?:that|it|this) (?:suits|works|fits|helps|feels)|whether (?:that|it|this)"
    r" (?:would )?(?:works?|suits?|fits?) (?:for you )?is (?:your|up to you)|(?:it is|that is)"
    r" (?:entirely |completely |totally )?(?:your (?:call|choice|decision|business|life|shout"
    r"|experiment|plan|own|way)|if (?:that|it|this) appeals"
    r"|up to you))\b|\bor not(?: right now| today| yet| tonight| for now)?\s*\?"
)


def gives_permission(text: str) -> str | None:
    """The words with which a reply asks permission or hands the choice back, if any."""
    match = _PERMISSION.search(normalise(text))
    return match.group(0) if match else None
