"""Whether words that sound like arguing are the participant's own, said back to them.

"Your son asked why you make excuses for his dad" reflects a participant who said "My son asked
me why I make excuses for his dad": the word "excuses" is theirs. Read without the participant's
line it is blame, and the course used to call it confrontation, teaching learners to avoid the
very words a good reflection keeps. Read with the line, it is an echo when the reply uses the
word the way the participant did:

* the word and the word before it appear together in the participant's line, with "I" turned
  into "you" ("make excuses", "an excuse");
* the participant did not deny it ("I'm not making excuses" said back as "you're making
  excuses" is arguing);
* when the participant reported someone else's view ("everyone says it's my fault"), the reply
  reports it too ("your son asked why..."): saying it plainly ("it is your fault") takes sides.

Only confrontation is excused this way. A label is a label even in the participant's words.
"""

from __future__ import annotations

import re

from .readable import content_stems, stem
from .spellings import PRONOUN_SWAP
from .text import tokens

_DENIAL = frozenset({"not", "no", "never", "nothing", "nobody", "without"})
# Words that show a line reports someone else's view or words.
_FRAME = frozenset(
    {
        "says",
        "said",
        "say",
        "asked",
        "asks",
        "ask",
        "tells",
        "told",
        "tell",
        "thinks",
        "think",
        "thought",
        "calls",
        "called",
        "reckons",
        "accuses",
        "accused",
        "keeps",
        "why",
    }
)
_WORD = re.compile(r"[a-z0-9']+")


def _words(text: str) -> list[str]:
    return [t for t in tokens(text) if _WORD.fullmatch(t)]


def _same(a: str, b: str) -> bool:
    return a == b or stem(a) == stem(b)


def echoed(reply: str, matched: str, context: str | None) -> bool:
    """True when the `matched` words of `reply` (both as `text.normalise` gives them) are the
    participant's own words from `context`, used the way they used them (module docstring)."""
    if not context or not matched.strip():
        return False
    mine = _words(reply)
    said = [PRONOUN_SWAP.get(t, t) for t in _words(context)]
    target = _words(matched)
    if not target:
        return False
    at = _find(mine, target)
    if at is None:
        return False
    phrase = mine[max(0, at - 1) : at + len(target)]
    there = _find(said, phrase)
    if there is None:
        return False
    before_theirs = said[max(0, there - 4) : there]
    if _DENIAL & set(before_theirs):
        return False
    if _FRAME & set(said[max(0, there - 8) : there]):
        return bool(_FRAME & set(mine[max(0, at - 8) : at]))
    return True


def _find(words: list[str], phrase: list[str]) -> int | None:
    """Where `phrase` starts in `words` (the last word may differ by its ending), else None."""
    n = len(phrase)
    for i in range(len(words) - n + 1):
        if words[i : i + n - 1] == phrase[:-1] and _same(words[i + n - 1], phrase[-1]):
            return i
    return None


def mostly_their_words(reply: str, context: str | None, share: float = 0.5) -> bool:
    """True when at least `share` of the reply's content words are the participant's own.

    "Bad-shift nights are the ones to plan for, and a bath and a book might be ready" says back
    a plan the participant just made ("on those nights I need something ready. The bath, a
    book"). The model, reading "plan for" and "might", hears advice; with no rule finding any,
    a reply built from their own words is not judged as advice on the model's word alone.
    """
    if not context:
        return False
    mine, theirs = content_stems(reply), content_stems(context)
    return bool(mine) and len(mine & theirs) / len(mine) >= share
