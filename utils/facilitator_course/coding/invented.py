"""Words nobody uses: a reply in sentence shape built on invented words ("I wonder if the
flombering of your Tuesdays grips the spindle") is nonsense, however English its grammar.

`readable.unreadable` refuses a reply only when most of its words are not English, so nonsense
with real small words between the invented ones used to be coded as a reflection and praised.
Here a word counts as invented only when no reading of it is English: not in the word list, not
one typo away from a word in it, not two English words joined ("flatmate", "helpline"), not an
English word with a common prefix or suffix ("unopened", "tiredness"), not a texting form the
coder already respells, not a word of the course's own field ("naloxone", "benzos") and not a
word or name the participant used. A word typed with a capital letter is left alone: it is
most often a name. A reply is called nonsense when two of its words are invented, or one is and
it makes up half or more of the reply's content words: a single odd word in a long reply is as
likely to be a name, a brand or a word the list lacks, and refusing a good reply teaches nothing
either.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from .readable import _STOP, _known, _near_known, _ungdropped
from .spellings import WORD_MAP

INVENTED_NEEDED = 2
SHARE_NEEDED = 1 / 2  # of the content words, for a reply with a single invented word
FIELD_WORDS_PATH = Path(__file__).resolve().parent / "field_words.txt"
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
_PREFIXES = ("un", "re", "non", "over", "under", "mis", "self", "pre", "anti", "ex")
_SUFFIXES = ("ness", "less", "ful", "able", "ish", "ers", "er", "al", "ally", "ly", "ies", "s")


@lru_cache(maxsize=1)
def field_words() -> frozenset[str]:
    """Words of recovery, medicine and daily life that the SCOWL list lacks (one per line;
    '#' starts a comment). A trainer may add to it."""
    try:
        lines = FIELD_WORDS_PATH.read_text(encoding="utf-8").splitlines()
    except OSError:
        return frozenset()
    return frozenset(w for line in lines if (w := line.split("#")[0].strip().lower()))


@lru_cache(maxsize=8192)
def _english(word: str) -> bool:
    """True when some reading of `word` (lowercase, letters only) is English. Cached: it runs on
    every word of every reply, and one-typo-away tries up to ~50 lookups a letter."""
    if len(word) < 4 or word in field_words() or word in WORD_MAP:
        return True
    if _known(word) or _known(_ungdropped(word)) or _near_known(word):
        return True
    if word.endswith("nt") and _known(word[:-2]):
        return True  # "isnt", "didnt": the apostrophe left out
    for prefix in _PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 4 and _known(word[len(prefix) :]):
            return True
    for suffix in _SUFFIXES:
        base = word[: -len(suffix)]
        if word.endswith(suffix) and len(base) >= 3 and (_known(base) or base in field_words()):
            return True
    # two words run together: "weeknights", "whiteboard", "scratchcards"
    return any(
        _known(word[:i]) and (_known(word[i:]) or word[i:] in field_words())
        for i in range(3, len(word) - 2)
    )


def invented_words(text: str, said: str = "") -> list[str]:
    """The words of `text` that no reading makes English, in order; `said` is what the
    participant (or the scenario) said, whose words and names are never counted."""
    theirs = {w.lower() for w in re.findall(r"[A-Za-z]+", said)}
    found: list[str] = []
    for match in _WORD.finditer(text):
        if match.group(0)[0].isupper() and not match.group(0).isupper():
            continue  # a name ("Priya, did you...", "on Tuesday with Femi")
        for part in re.split(r"[-']", match.group(0).lower()):
            if part and part not in theirs and not _english(part):
                found.append(part)
    return found


def nonsense_words(text: str, said: str = "") -> list[str]:
    """The invented words when there are enough of them to call the reply nonsense, else []."""
    found = invented_words(text, said)
    content = [w for w in re.findall(r"[a-z]+", text.lower()) if len(w) >= 4 and w not in _STOP]
    if len(found) >= INVENTED_NEEDED or (found and len(found) >= SHARE_NEEDED * len(content)):
        return found
    return []
