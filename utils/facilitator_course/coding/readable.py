"""When a reply cannot be judged: gibberish, another language, off-topic, a bare filler, repeats.

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

from .features import _EMOTION_RE
from .text import normalise, tokens

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
    "cool fine great nice good sorry well so and fair enough anyway whatever true"
)
# Words that keep a reply on the conversation whatever the participant said: feelings, change,
# the behaviours people bring to a meeting, family, work and health. Everyday verbs ("want",
# "think", "tell") are not here: small talk uses them too.
_ANCHORS = _wordset(
    "hard difficult easy tough rough heavy hope hoping worry worried matter important change "
    "changing stop stopping start heart plan plans goal goals future life yourself self "
    "family partner wife husband kids children son daughter parents mother father mum mom dad "
    "job money debt health body sleep drink drinking drunk alcohol booze beer wine use using "
    "used drug drugs gamble gambling bet betting bets machines slots game gaming games play "
    "playing smoke smoking weed cannabis pills urge urges craving cravings habit slip lapse "
    "relapse sober recovery meeting group decide decision choice choose ready confident "
    "afraid scared angry sad upset ashamed shame guilt guilty proud tired exhausted "
    "exhausting lonely stressed stress pressure love hate enjoy miss missing lost lose losing "
    "worth value care caring trust honest both pull torn stuck free control step steps "
    "progress effort strength strong weak wish wonder wondering whether problem problems cost "
    "costs benefit benefits grateful situation cope manage struggle cut quit clean worse mood "
    "hopeful hopeless mixed conflicted scary frightening overwhelming overwhelmed frustrating "
    "frustrated annoying annoyed painful pain hurt hurting embarrassing awful terrible "
    # running the meeting and asking leave to speak are part of any such conversation
    "welcome facilitating facilitator facilitate opening statement chat link agenda share "
    "sharing idea ideas ask suggestion information noticed notice courage brave"
)
# Small talk and other subjects that leave the conversation: a reply that is about one of
# these and connects to nothing the participant said has changed the subject.
_ELSEWHERE = _wordset(
    "weather rain raining sunny sunshine snow snowing forecast temperature climate film films "
    "movie movies cinema tv telly television series netflix episode episodes actor "
    "actress celebrity celebrities football soccer match matches cricket season manager "
    "rugby tennis golf basketball baseball hockey league stadium "
    "olympics formula sport sports holiday holidays vacation beach trip travel "
    "flight flights airport hotel dinner lunch breakfast recipe recipes cook cooking pasta "
    "pizza burger restaurant cafe cake dessert snack favourite favorite colour roast roasts "
    "lamb beef curry takeaway kebab chips "
    "color hobby hobbies music song songs album concert singer guitar book novel "
    "author painting garden gardening plants pet pets dog dogs cat cats hamster traffic "
    "commute laptop wifi password software bus biscuit biscuits cupboard baking petrol "
    "chairs trumpet piano violin "
    "politics election president prime minister government headlines economy stocks "
    "crypto bitcoin fashion clothes shoes mall wedding "
    "halloween zodiac horoscope astrology alien aliens dinosaur "
    "dinosaurs banana monkey purple elephant pizza"
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
    if len(raw) >= 6 and all(w in _FUNCTION_WORDS for w in raw):
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


@lru_cache(maxsize=1)
def _stemmed_lists() -> tuple[frozenset[str], frozenset[str]]:
    """The stems of _ANCHORS and _ELSEWHERE, computed once."""
    return frozenset(stem(w) for w in _ANCHORS), frozenset(stem(w) for w in _ELSEWHERE)


_SUBJECT_CHANGE = re.compile(
    r"\b(?:by the way|on another note|speaking of which|random (?:question|thought)|off topic"
    r"|have you (?:seen|heard|watched|tried the)|did (?:you|anyone|anybody) (?:see|watch|hear"
    r" about|catch)|i heard|back in the day"
    r"|good old days)\b"
)
# The facilitator telling their own story ("I started a pottery class", "My parents were the
# same"), which is not a reply to the participant; and the first-person openings that are
# listening ("I hear...", "I wonder...").
_MY_STORY = re.compile(
    r"^(?:(?:oh|well|ha|haha|lol|honestly|funny|mind you|same)(?: ,)? )*(?:my|i (?:have|had|used"
    r"|started|hated|love|loved|went|did|was|were|got|had|bought|play|played|tried|remember|grew"
    r"|always|never|once|sleep|slept|been)|i am (?:thinking of|planning|going|off|learning"
    r"|doing|into))\b"
)
_LISTENING = re.compile(
    r"^(?:i (?:hear|see|sense|notice|get|wonder|imagine|guess|appreciate|admire|respect|can|am"
    r" (?:hearing|wondering|curious|glad|sorry|struck|noticing|getting)|really|think|feel|have"
    r" (?:noticed|heard)|remember you))\b"
)
_SECOND_PERSON = frozenset({"you", "your", "yours", "yourself", "you all", "everyone", "anyone"})


# A turn to another subject inside a reply: "speaking of work, did anyone see the match?"
_TURN = re.compile(r"\b(?:speaking of|talking of|on the subject of|that reminds me)\b[^,]*,")
_SENTENCE_END = re.compile(r"(?<=[.?!])\s+")


def off_topic(text: str, context: str, related: tuple[str, ...] = ()) -> Unjudged | None:
    """The whole reply, then its last sentence and what follows a turn of subject ("speaking
    of work, ..."), each judged by `_off_topic`: small talk after a word that echoes the
    participant ("Money's tight for everyone, have you seen petrol prices?") is what the
    participant would answer, so it decides."""
    found = _off_topic(text, context, related)
    if found:
        return found
    sentences = [s for s in _SENTENCE_END.split(text.strip()) if s.strip()]
    # the last sentence is what the participant would answer; any other sentence changes the
    # subject only when it says so (a marker) or asks about small talk (a word from _ELSEWHERE)
    parts = [sentences[-1]] if len(sentences) > 1 else []
    elsewhere = _stemmed_lists()[1]
    parts += [
        s
        for s in sentences[:-1]
        if _SUBJECT_CHANGE.search(normalise(s))
        or (s.rstrip().endswith("?") and content_stems(s) & elsewhere)
    ]
    turn = _TURN.search(normalise(text))
    if turn:
        parts.append(normalise(text)[turn.end() :])
    for part in parts:
        found = _off_topic(part, context, related)
        if found:
            return found
    return None


def _off_topic(text: str, context: str, related: tuple[str, ...] = ()) -> Unjudged | None:
    """A reply about small talk or another subject (weather, sport, films, food...) none of
    whose content words connects to the participant's line `context`, to `related` text
    (earlier lines, a scenario's listed words) or to words that belong in any such
    conversation (feelings, change, the behaviours, reflecting and asking). None otherwise.

    Judging relevance from words alone is unreliable, so this only catches a clear change of
    subject: a reply with words the lists do not know is judged as usual, never refused."""
    mine = content_stems(text)
    theirs = content_stems(context).union(*(content_stems(r) for r in related))
    anchors, elsewhere_stems = _stemmed_lists()
    elsewhere = mine & elsewhere_stems
    emotional = _EMOTION_RE.search(normalise(text))
    norm = normalise(text)
    words = norm.split()
    # Signs of a change of subject other than its words: a marker ("by the way"), or the
    # facilitator talking about themselves with no word for the participant.
    about_me = any(w in _FIRST_PERSON for w in words) and not any(
        w in _SECOND_PERSON for w in words
    )
    changes_subject = bool(_SUBJECT_CHANGE.search(norm)) or about_me
    if about_me and _MY_STORY.match(norm) and not _LISTENING.match(norm) and "?" not in words:
        return Unjudged(
            OFF_TOPIC,
            "It is about you, not about them. Save your own story; reflect what they just "
            "told you, or ask about it.",
            " ".join(words[:6]),
        )
    if (
        (elsewhere or (changes_subject and mine))
        and not (mine & theirs)
        and not (mine & anchors)
        and not emotional
    ):
        shown = ", ".join(f"'{w}'" for w in sorted(mine)[:3])
        return Unjudged(
            OFF_TOPIC,
            f"Nothing in it connects to what the participant said ({shown}). Reply to what "
            "they just told you: reflect it, or ask about it.",
            shown,
        )
    return None


_FIRST_PERSON = frozenset({"i", "me", "my", "mine", "myself"})


def echo(text: str, context: str) -> Unjudged | None:
    """The participant's own words typed back, unchanged: not a reflection, because a
    reflection says back to the person what they meant ('You ...'), and a copy gives them
    nothing new. None when the reply says anything of its own."""
    mine, theirs = tokens(text), tokens(context)
    words = [t for t in mine if t.isalnum()]
    if len(words) < 2:
        return None
    their_words = {t for t in theirs if t.isalnum()}
    copied = sum(t in their_words for t in words) / len(words)
    same = [t for t in mine if t.isalnum()] == [t for t in theirs if t.isalnum()]
    first_person = any(t in _FIRST_PERSON for t in words) and "you" not in words
    if same or (first_person and copied >= 0.8):
        return Unjudged(
            ECHO,
            "It repeats the participant's own words back unchanged. A reflection says what they "
            "meant, to them: start with 'You...' and use your own words for part of it.",
            " ".join(words[:6]),
        )
    return None
