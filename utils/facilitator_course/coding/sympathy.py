"""Sympathy ("I'm so sorry, Maria"): kind, on topic, and not yet a reflection.

A volunteer's sympathy used to be refused as off topic (its only words are the facilitator's own,
"I", "sorry" and a name) or praised as an affirmation ("I'm so sorry about your wife" names
something of theirs). A trainer codes it as neither: it is a kind acknowledgement, other in the
course's labels, and the feedback says what would do more (name what they feel). Only a reply
that is sympathy and nothing else is read this way; sympathy followed by a reflection or a
question is judged by what follows.
"""

from __future__ import annotations

import re

from .text import normalise

_SENTENCE = re.compile(r"(?<=[.?!])\s+")
_SORRY = re.compile(
    r"^(?:(?:oh|ah|aw|god|gosh|oh god|oh no|love|pet|hun|mate|honestly)(?: ,)? )*(?:\w+ , )?"
    r"i am (?:so |really |very |truly |so so |just )*sorry\b(?! ,? ?(?:but|if|to (?:interrupt|jump"
    r"|butt|cut)|for (?:interrupting|jumping|butting|cutting)))(?: (?:about|for|to hear|that)"
    r" [^?]*| , \w+)? ?[.!]?$"
)
_INTERJECTION = re.compile(
    r"^(?:(?:oh|ah|god|gosh|oh god|oh no)(?: ,)? )*(?:that is|that sounds|how) (?:awful|terrible"
    r"|horrible|so hard|rough|dreadful|heartbreaking|sad)\b[^?]*$|^(?:oh|ah|god|gosh|oh no)"
    r"(?: ,)?(?: \w+)? [.!]?$"
)


def is_sympathy(text: str) -> str | None:
    """The sympathy's opening words when every sentence of `text` is sympathy ("I'm so sorry
    about Tom.", "Oh no, that's awful."), else None."""
    sentences = [normalise(s) for s in _SENTENCE.split(text.strip()) if s.strip()]
    if not sentences or not any(_SORRY.match(s) for s in sentences):
        return None
    if not all(_SORRY.match(s) or _INTERJECTION.match(s) for s in sentences):
        return None
    first = _SENTENCE.split(text.strip())[0].rstrip(" .!")
    words = first.split()
    return " ".join(words[:8]) + ("..." if len(words) > 8 else "")


def after_sympathy(text: str) -> str | None:
    """What follows an opening of sympathy ("I'm so sorry. It sounds like..."), when there is
    something else after it: that part is what the participant answers, so it is what is judged."""
    sentences = [s for s in _SENTENCE.split(text.strip()) if s.strip()]
    n = 0
    while n < len(sentences) and (
        _SORRY.match(normalise(sentences[n]))
        or (n and _INTERJECTION.match(normalise(sentences[n])))
    ):
        n += 1
    if n == 0 or n == len(sentences):
        return None
    return " ".join(sentences[n:])
