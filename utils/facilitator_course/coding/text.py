"""Turning whatever a learner typed into text the coder can read, in bounded time.

Learners type fast: lowercase, no punctuation, "u" for "you", "dont", British and American
spellings. The coder must read all of those the same way, and it must never be slowed down or
tricked by what it is given (1 MB of text, control characters, markup). Everything here is plain
string work with simple regular expressions that cannot backtrack badly.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

from .spellings import ISE_KEEP, WORD_MAP

# Only the first MAX_CHARS characters are analysed: a facilitator response is a sentence or a short
# paragraph, and a cap keeps every call fast whatever it is given.
MAX_CHARS = 1500

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]")
_SPACE = re.compile(r"\s+")
_TAG = re.compile(r"<[^<>]{0,200}>")
_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201b": "'",
        "\u2032": "'",
        "`": "'",
        "\u00b4": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2033": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2026": "...",
    }
)


def clean(text: str, limit: int = MAX_CHARS) -> str:
    """Printable, single-spaced text without markup, cut to `limit` characters.

    HTML tags are removed (a pasted `<b>` is not part of what a facilitator said); the remaining
    text keeps its case and punctuation for display.
    """
    # Cut first (generously) so that normalising 1 MB of text does not cost anything.
    text = text[: limit * 2]
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    text = _CONTROL.sub(" ", text)
    text = _TAG.sub(" ", text)
    text = _SPACE.sub(" ", text).strip()
    return text[:limit]


_ISE = re.compile(r"^([a-z]{2,})is(e|es|ed|ing|ation|ations)$")

_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?|[?!.,;:'\"]")


_CLITICS = {"ll": "will", "ve": "have", "re": "are", "d": "would"}


def _respell(word: str) -> str:
    mapped = WORD_MAP.get(word)
    if mapped is not None:
        return mapped
    if word.endswith(("'ll", "'ve", "'re", "'d")) and len(word) > 3:
        # "what'll", "that'll", "we've", "they're", "she'd": the word and its verb.
        stem_word, _, clitic = word.rpartition("'")
        return f"{stem_word} {_CLITICS[clitic]}"
    if word.endswith("'s") and len(word) > 2:
        # "the game's" / "work's": keep the word, drop the clitic so it matches the plain word.
        return word[:-2] + " 's"
    if "is" in word and word not in ISE_KEEP:
        match = _ISE.match(word)
        if match and len(word) > 6:
            return f"{match.group(1)}iz{match.group(2)}"
    return word


_AFTER_ITS = frozenset(
    {"not", "a", "an", "the", "just", "only", "all", "so", "really", "been", "fine", "ok", "okay"}
    | {"like", "too", "very", "gonna", "going", "about", "what", "how", "hard", "easy", "true"}
    | {"my", "your", "no", "never", "always", "getting", "because"}
)
_LETS_OBJECT = frozenset({"you", "me", "him", "her", "them", "people", "it", "everyone"})
# Spoken fillers carry no move of their own: "So, um, what..." is a "what" question.
_FILLERS = frozenset({"um", "umm", "uh", "uhh", "er", "erm", "uhm", "ehm", "hmm", "mm"})


_AFTER_UR = re.compile(
    r"^(?:only|just|not|so|really|always|never|being|going|gonna|still|such|too|very|doing"
    r"|trying|getting|feeling|saying|telling|kidding|lying|making|a|an|basically|literally"
    r"|actually|definitely|probably|clearly|obviously|right|wrong|\w+ing)$"
)
# Words typed without their apostrophe that the next word tells apart: "ur" is "you are" before
# what describes a person ("ur only hurting"), else "your"; "its not a big deal" is "it's",
# "its grip" is not; "lets you stop" is a verb, not "let's".
_BY_NEXT_WORD: dict[str, tuple[Callable[[str], object], tuple[str, ...]]] = {
    "ur": (_AFTER_UR.match, ("you", "are")),
    "its": (_AFTER_ITS.__contains__, ("it", "is")),
    "lets": (_LETS_OBJECT.__contains__, ("lets",)),
}


def tokens(text: str) -> list[str]:
    """Lowercased word and punctuation tokens with contractions, shortcuts and spellings unified.

    Spoken fillers are dropped and stutters collapsed ("you- you're", "what, what" -> one word),
    so transcribed speech meets the same cues as typing; a reply that is only a filler keeps it.
    Each judgement reads the same reply and line many times over (harm, relevance, features,
    what was picked up), so the result is cached: a fresh list each call, from a kept tuple.
    """
    return list(_tokens(text))


@lru_cache(maxsize=4096)
def _tokens(text: str) -> tuple[str, ...]:
    out: list[str] = []
    raws = _TOKEN.findall(text.lower())
    for i, raw in enumerate(raws):
        rule = _BY_NEXT_WORD.get(raw)
        if rule and i + 1 < len(raws) and rule[0](raws[i + 1]):
            out.extend(rule[1])
            continue
        mapped = _respell(raw)
        if " " in mapped:
            out.extend(mapped.split(" "))
        else:
            out.append(mapped)
    words = [t for t in out if t.isalnum()]
    if not words or all(t in _FILLERS for t in words):
        return tuple(out)
    kept: list[str] = []
    for token in out:
        if token in _FILLERS:
            continue
        if token.isalnum():
            # a stutter: the same word again, right after it or after a comma
            previous = kept[-2] if len(kept) >= 2 and kept[-1] == "," else kept[-1] if kept else ""
            if token == previous:
                if kept[-1] == ",":
                    kept.pop()
                continue
        elif token == "," and ((kept and kept[-1] == ",") or _discourse_marker(kept)):
            continue  # a doubled comma, or the comma after "you know" (dropped with it)
        kept.append(token)
    while kept and kept[0] == ",":
        kept.pop(0)
    return tuple(kept)


# Spoken openers that carry no meaning of their own when a comma follows them ("You know, a lot
# of people...", "I mean, it's up to you"): their "you" and "I" would otherwise read as a
# statement about the person or the facilitator's own story.
_MARKERS = (("you", "know"), ("i", "mean"), ("you", "see"), ("like",))
_BOUNDARY = frozenset({",", ".", "?", "!", ";", ":"})


def _discourse_marker(kept: list[str]) -> bool:
    """True (and the marker removed from `kept`) when `kept` ends with a discourse marker that
    starts a sentence or a clause: a comma follows it in the text being read."""
    for marker in _MARKERS:
        n = len(marker)
        if tuple(kept[-n:]) == marker and (len(kept) == n or kept[-n - 1] in _BOUNDARY):
            del kept[-n:]
            return True
    return False


@lru_cache(maxsize=4096)
def normalise(text: str) -> str:
    """A single-spaced string of `tokens(text)`: the form every coding pattern is written for."""
    return " ".join(_tokens(text))
