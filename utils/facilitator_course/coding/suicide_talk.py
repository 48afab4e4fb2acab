"""A facilitator's words about suicide and crisis help: the two replies the coder must never get
wrong.

Asking directly ("Have you had thoughts of suicide?", "any thoughts of ending your life?") is what
the course's escalation rule (`safety.ESCALATION_RULE`) asks for, in whatever words a volunteer
finds; the model, trained on ordinary replies, reads such questions as advice or as open
questions. Pointing to crisis help ("Samaritans are on 116 123") is information the person needs.
Mocking or inciting ("maybe kill yourself lol") is the worst reply there is, and words like
"sounds like" in front of it must not make it a reflection. The word lists are the second-person
counterparts of the participant-side lists in `safety.py`.
"""

from __future__ import annotations

import re

from .text import normalise

_TOPIC = (
    r"(?:suicid\w*|kill(?:ing)? (?:yourself|your ?self)|end(?:ing)? (?:your (?:own )?life|it all"
    r"|things)|tak(?:e|ing) your (?:own )?life|self ?-? ?harm\w*|harm(?:ing)? yourself"
    r"|hurt(?:ing)? yourself|cut(?:ting)? yourself|not (?:being|be) (?:here|around|alive)"
    r"|(?:wanting|want|wanted) to die|better off dead|(?:do not|not) want(?:ing)? to (?:be here"
    r"|live|wake up)|overdos\w*)"
)
_MENTIONS = re.compile(r"\b" + _TOPIC + r"\b")
# The topic, then a question mark before the sentence ends.
_ASKS = re.compile(r"\b(" + _TOPIC + r")\b[^.!]*\?")
# Telling someone to do it, or joking about it.
_INCITES = re.compile(
    r"\b(?:just|maybe|go|should|could|might as well|why (?:do not|not)(?: you)?)(?: just| go)?"
    r" (?:kill|off|top|hurt|harm|end) (?:yourself|it all)\b|\bkys\b|\bgo die\b"
)
_JOKING = re.compile(r"\b(?:lol|lmao|rofl|haha\w*|jk|joking|kidding)\b|[\U0001F602\U0001F923]")
# Pointing to crisis help: a helpline by name, or a phone number with "call", "ring" or "on".
_CRISIS_HELP = re.compile(
    r"\b(?:samaritans|crisis (?:line|team|service|text line)|helpline|hotline|lifeline"
    r"|emergency services|a&e|the emergency department)\b|\b(?:call|ring|phone|dial|on|text)"
    r" (?:the )?(?:988|116 ?123|111|999|911|112)\b"
)


def asks_about_suicide(text: str) -> bool:
    """True when the reply asks directly about suicide or self-harm (and does not mock it)."""
    return suicide_question(text) is not None


def suicide_question(text: str) -> str | None:
    """The words about suicide or self-harm when the reply asks about them, else None.

    The one rule for "asks directly about suicide": the coder uses it to judge a reply, and the
    group engine (group/moves.py) uses it both for the direct question of the escalation rule
    and to tell when that question is asked in front of the group instead of in a private word.
    """
    found = _ASKS.search(normalise(text))
    return found.group(1) if found and not mocks_suicide(text) else None


def mentions_suicide(text: str) -> str | None:
    """The words when the reply names suicide or self-harm at all (asked or not), else None."""
    found = _MENTIONS.search(normalise(text))
    return found.group(0) if found and not mocks_suicide(text) else None


def mocks_suicide(text: str) -> str | None:
    """The words when the reply incites self-harm or jokes about suicide, else None."""
    norm = normalise(text)
    incites = _INCITES.search(norm)
    if incites:
        return incites.group(0)
    topic = _MENTIONS.search(norm)
    if topic and _JOKING.search(norm):
        return topic.group(0)
    return None


def points_to_crisis_help(text: str) -> str | None:
    """The words when the reply points the person to crisis help, else None."""
    match = _CRISIS_HELP.search(normalise(text))
    return match.group(0) if match else None
