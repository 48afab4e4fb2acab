"""Meeting admin and small talk typed into a role-play: not a reply to the participant's line.

Volunteers run meetings, so their fingers know the housekeeping ("just a reminder we finish at
8", "keep your mics muted", "Sam, did you want to go next?"). It has its place in a meeting, but
typed as the answer to what a participant just said it answers nothing, and coding it as a
reflection or a closed question would reward it. Found by a volunteer play-test (a tuning set);
the patterns are deliberately narrow: admin words plus nothing the participant said.
"""

from __future__ import annotations

import re

from .readable import OFF_TOPIC, Unjudged, content_stems
from .text import normalise

_ADMIN = re.compile(
    r"\b(?:(?:quick|just a|friendly|gentle) reminder|reminder (?:everyone|all|folks|that we)"
    r"|housekeeping|(?:take|have|grab) a (?:\w+ ){0,2}(?:minute |min )?(?:break|breather|comfort break)"
    r"|we (?:finish|end|close|wrap up|stop) (?:at|by|in)\b|(?:minutes|mins|min) left"
    r"|keep an eye on the (?:time|clock)|(?:mics?|microphones?) (?:muted|on mute|off)"
    r"|(?:cameras?|videos?) (?:on|off) (?:if|when|please|for)|mute yourselves"
    r"|(?:want|like|wants|ready) to go (?:next|first)|who (?:is|'s|wants to go) next"
    r"|next (?:on|in the) (?:round|check in)|the link (?:is|will be) in the chat"
    r"|fire exits?|(?:toilets|loos|bathrooms) are|tea and (?:coffee|biscuits)"
    r"|sign(?:ing)? the (?:register|attendance)|(?:back|pass(?: it)?|over) to you,? \w+"
    r"|(?:camera|video|mic|microphone) is (?:still )?(?:off|on|muted|frozen)|can (?:someone|everyone"
    r"|you all|people) (?:mute|unmute)|car park|do not forget your (?:tickets|coats?|bags?|things)"
    r"|round of (?:names|introductions)|has anyone seen my|welcome (?:everyone|all|back everyone)"
    r"|sign ?up sheet|pass (?:it|them|the \w+) (?:round|around)|wrong (?:window|chat|tab|screen"
    r"|thread|person))\b"
)
_ABOUT_THEM = re.compile(
    r"\byou (?:feel|felt|said|say|(?:want|wanted)(?! to go\b)|mean|sound|seem|are feeling|are saying)"
    r"\b|\bit sounds\b|\bsounds like\b"
)


# words of housekeeping that happen to be the participant's words too ("left", "time", "half")
_ADMIN_WORDS = re.compile(
    r"\b(?:minutes?|mins?|left|time|tonight|break|next|first|go|half|quarter|past|five|ten"
    r"|fifteen|twenty|thirty|hour|everyone|quick|reminder|please|remember|keep|thanks|thank"
    r"|speaking|right|want|after|this|all|folks)\b"
)


def meeting_admin(text: str, context: str | None) -> Unjudged | None:
    """Housekeeping typed as a reply (see the module docstring), or None.

    Checked before advice is looked for: "don't forget your tickets" is admin, not advice about
    the participant's change. A reply that also picks up the participant's words or speaks to
    their feelings ("we've only ten minutes left and you sound worn out") is a reply with admin
    in it, judged as usual.
    """
    if not context:
        return None  # with no participant line to answer, housekeeping is simply "other"
    norm = normalise(text)
    found = _ADMIN.search(norm)
    if not found or _ABOUT_THEM.search(norm):
        return None
    # only the line itself counts: a scenario's listed words ("keep", "remember") are too
    # common to show that housekeeping is about what the participant said
    if content_stems(_ADMIN_WORDS.sub(" ", _ADMIN.sub(" ", norm))) & content_stems(context):
        return None
    admin = found.group(0)
    return Unjudged(
        OFF_TOPIC,
        f"It reads as meeting admin ('{admin}'), not a reply to what they said. Admin has its "
        "place in a meeting; here, reply to what they just told you: reflect it, or ask about it.",
        admin,
    )
