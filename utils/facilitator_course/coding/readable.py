"""When a reply cannot be judged: gibberish, another language, a bare filler, repeats (off-topic
replies and echoes: `relevance.py`).

A coder that always answers will call keyboard mash a reflection and a question about films an
open question, and a learner who gets praise for either learns nothing, or the wrong thing. So
before any label is given, the reply is checked for the things a trained listener would not code
at all. Each check is a plain rule with a plain reason, and each reason comes with what to try.

English words are recognised with SCOWL's word lists (`english_words.txt.gz`, licence beside it);
a word that is not in the list still counts as English when it looks like one (it has a vowel,
no long consonant run and no run along a keyboard row), so typos and rare words pass.
"""

from __future__ import annotations

import gzip
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .text import tokens

WORDS_PATH = Path(__file__).resolve().parent / "english_words.txt.gz"

FILLER = "filler"
GIBBERISH = "gibberish"
OTHER_LANGUAGE = "other_language"
REPEATED = "repeated"
OFF_TOPIC = "off_topic"
ECHO = "echo"
UNCERTAIN = "uncertain"


@dataclass(frozen=True)
class Unjudged:
    """Why a reply is not judged (`reason` is one of the constants above) and what to try."""

    reason: str
    message: str
    words: str = ""  # the words that showed it, for the learner


def _wordset(text: str) -> frozenset[str]:
    """A set of words written as one space-separated string (easier to read and edit)."""
    return frozenset(text.split())


_FUNCTION_WORDS = _wordset(
    "a about after again all also am an and any are as at be because been before being but by "
    "can could did do does doing down during each few for from further had has have having he "
    "her here hers him his how i if in into is it its just me more most my no nor not now of "
    "off on once only or other our out over own same she should so some such than that the "
    "their them then there these they this those through to too under until up very was we "
    "were what when where which while who whom why will with would you your yourself"
)
# Function words of other languages that are not also common English words.
_FOREIGN: dict[str, frozenset[str]] = {
    "Spanish": _wordset(
        "que el los las y en una por para con muy te tu es esto eso pero como mas más todo lo se "
        "su estás estas sientes porque cuando también tienes hay yo mi del al sí usted ella"
    ),
    "French": _wordset(
        "le la les des du et est une un que qui pour dans pas vous tu je il elle nous avec sur "
        "mais très tout ce cette sont êtes c'est n'est j'ai qu'il beaucoup aussi"
    ),
    "German": _wordset(
        "der das und ist nicht ich du sie es ein eine mit auf für zu den dem sehr auch aber wie "
        "wenn dich dir mich noch hast bist wirklich"
    ),
    "Italian": _wordset(
        "che di il non sei per con una molto anche ma come questo ti tuo della sono hai perché "
        "ancora un uno essere vuoi sempre nel nella degli"
    ),
    "Portuguese": _wordset(
        "que de não você voce uma um com para muito isso está mas como tem seu sua também sente"
    ),
    "Polish": _wordset(
        "nie jest się sie że ze na jak czy ale bardzo ty jestem masz tak mnie już co dla jesteś"
    ),
    "Dutch": _wordset("het een en niet je jij van dat met voor zijn maar ook heel"),
}
_SHORT_FILLERS = _wordset(
    "ok okay yes yeah yep no right sure mm mmm hmm mhm uh um huh oh ah i see got it alright "
    "cool fine great nice good sorry well so and fair enough anyway whatever true lol lmao ya yup "
    "haha hehe ha heh yeh yea yah aye kk okie okey aw aww awww oof ooh"
)
_STOP = _FUNCTION_WORDS | _wordset(
    "i'm im am 's ve ll d re let us okay yes really quite bit kind sort maybe perhaps "
    "something anything everything nothing one two also even ever never always lot see saw "
    "seen last first next new old get got go went gone make made take took look way thing "
    "things day days time times bit little big put night nights tonight today yesterday "
    "morning evening week weeks weekend weekends month months year years hour hours minute "
    "like feel feels felt feeling sound sounds seem seems part want wants know think say said "
    "tell told way just still lot"
)
_KEYBOARD_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_CONSONANT_RUN = re.compile(r"[bcdfghjklmnpqrstvwxz]{5,}")
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """The SCOWL word list (about 41,000 words), loaded once."""
    try:
        with gzip.open(WORDS_PATH, "rt", encoding="utf-8") as handle:
            return frozenset(handle.read().split())
    except OSError:  # a damaged install: every word then has to look like English
        return frozenset()


def stem(word: str) -> str:
    """A crude stem, so 'drinking', 'drinks' and 'drinker' meet 'drink'."""
    for suffix, keep in (("iness", "y"), ("ies", "y"), ("ing", ""), ("ed", ""), ("er", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            base = word[: -len(suffix)] + keep
            if not keep and len(base) > 3 and base[-1] == base[-2] and base[-1] not in "lsz":
                base = base[:-1]  # "cutting" -> "cut", "stopped" -> "stop"
            return base[:-1] if base.endswith("e") and len(base) > 3 else base
    if word.endswith("ly") and len(word) > 5:
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        word = word[:-1]
    return word[:-1] if word.endswith("e") and len(word) > 3 else word


def _keyboard_run(word: str) -> bool:
    """Three or more neighbouring keys in a row ('asd', 'qwe', 'jkl'): typed, not spelled."""
    for row in _KEYBOARD_ROWS:
        for i in range(len(row) - 2):
            if row[i : i + 3] in word or row[i : i + 3][::-1] in word:
                return True
    return False


def _known(word: str) -> bool:
    """In the word list, directly or by its stem (or a form learners type, such as 'gonna')."""
    return word in english_words() or word in _FUNCTION_WORDS or stem(word) in english_words()


_LONGEST_WORD = 30


def _near_known(word: str) -> bool:
    """One typo away from a known word (a letter dropped, added, swapped or changed)."""
    if len(word) > _LONGEST_WORD:  # no English word is that long; and each try costs ~50 lookups
        return False
    letters = "abcdefghijklmnopqrstuvwxyz"
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    for left, right in splits:
        candidates = [left + right[1:]] if right else []
        if len(right) > 1:
            candidates.append(left + right[1] + right[0] + right[2:])
        for ch in letters:
            candidates.append(left + ch + right)
            if right:
                candidates.append(left + ch + right[1:])
        if any(_known(c) for c in candidates if c):
            return True
    return False


def _looks_english(word: str) -> bool:
    if _known(word):
        return True
    if not re.search(r"[aeiouy]", word) or _CONSONANT_RUN.search(word) or _keyboard_run(word):
        return False
    return not re.search(r"(.)\1\1", word)


def _language(raw_words: list[str]) -> str | None:
    english = sum(1 for w in raw_words if w in _FUNCTION_WORDS)
    best, best_count = None, 0
    for language, words in _FOREIGN.items():
        count = sum(1 for w in raw_words if w in words)
        if count > best_count:
            best, best_count = language, count
    accented = sum(1 for w in raw_words if any(ord(ch) > 127 for ch in w))
    if best and best_count >= 2 and best_count > english:
        return best
    if accented >= 2 and english <= 1:
        return best or "another language"
    return None


def _ungdropped(word: str) -> str:
    """'strugglin' -> 'struggling': typed speech drops the g."""
    if word.endswith("in") and not _known(word) and _known(word + "g"):
        return word + "g"
    return word


def content_stems(text: str) -> set[str]:
    """The stems of a text's content words (no function words, no punctuation)."""
    return {
        stem(_ungdropped(t)) for t in tokens(text) if t.isalpha() and t not in _STOP and len(t) > 2
    }


def _repeated_phrase(raw: list[str]) -> str | None:
    """The phrase when the words are one phrase said two or more times over ('angry angry
    angry', 'what to do what to do'), else None."""
    for size in range(1, len(raw) // 2 + 1):
        if len(raw) % size == 0 and (size > 1 or len(raw) >= 3):
            unit = raw[:size]
            if unit * (len(raw) // size) == raw:
                return " ".join(unit)
    return None


def unreadable(text: str) -> Unjudged | None:
    """Why a reply cannot be read as an English reply at all, or None when it can."""
    raw = [unicodedata.normalize("NFKC", w).lower() for w in _WORD.findall(text)]
    if not raw:
        return Unjudged(GIBBERISH, "It has no words I can read (only symbols, numbers or emoji).")
    language = _language(raw)
    if language:
        return Unjudged(
            OTHER_LANGUAGE,
            f"It looks like {language}. The course judges replies in English; say in English "
            "what you would say to the participant.",
        )
    ascii_words = [w for w in raw if w.isascii()]
    if len(raw) <= 4 and all(
        w in _SHORT_FILLERS or re.fullmatch(r"[mh]+|u*h*m+|m+h+m+|mm+hm+", w) for w in raw
    ):
        return Unjudged(
            FILLER,
            f"'{' '.join(raw)}' is a bare acknowledgement: it keeps the door open but gives the "
            "participant nothing back. Reflect what they said, or ask about it.",
            " ".join(raw),
        )
    # "So why did you do it then?" is all small words and still a question with a point.
    asks = text.rstrip().endswith("?")
    if len(raw) >= 6 and all(w in _FUNCTION_WORDS for w in raw) and not asks:
        return Unjudged(
            GIBBERISH,
            "It is only small words ('" + " ".join(raw[:5]) + "') with nothing they say. Type what "
            "you would say to the participant, in a sentence.",
            " ".join(raw[:5]),
        )
    phrase = _repeated_phrase(raw)
    if phrase:
        return Unjudged(
            REPEATED,
            f"It says the same thing again and again ('{phrase}'). Type one reply as you would "
            "say it.",
            phrase,
        )
    if len(raw) >= 6 and len(set(raw)) <= max(2, len(raw) // 4):
        top = max(set(raw), key=raw.count)
        return Unjudged(
            REPEATED,
            f"It repeats the same words ('{top}'). Type one reply as you would say it.",
            top,
        )
    strange = [w for w in ascii_words if not _looks_english(w)]
    words = [t for t in tokens(text) if t.isalpha()]
    known = [w for w in words if _known(w)]
    lone = len(words) == 1 and not known and not _near_known(words[0])
    if (
        len(raw) - len(ascii_words) > len(raw) / 2
        or (strange and len(strange) >= max(1, len(raw) / 2))
        or (len(words) >= 2 and len(known) < len(words) / 2)
        or lone
        or (len(words) == 1 and len(words[0]) == 1 and words[0] not in ("i", "a"))
    ):
        strange = strange or [w for w in words if not _known(w)]
        shown = ", ".join(f"'{w}'" for w in (strange or raw)[:3])
        return Unjudged(
            GIBBERISH,
            f"Most of it does not read as English words ({shown}). Type what you would say to "
            "the participant, in a sentence.",
            shown,
        )
    return None
