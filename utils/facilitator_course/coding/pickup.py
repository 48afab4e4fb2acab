"""What a reply picked up from the participant's line: the change side, the sustain side, both, a
feeling or value, or nothing they said.

Whether a reflection catches change talk or sustain talk is what most decides where a
conversation goes next, and it is invisible to a coder that only reads the form of a reply. So a
scenario author says, per participant line, which ideas are in it (`Idea`: the words the person
used, its side, and the words and synonyms that express it). A reply picks an idea up when it
contains one of those words or phrases (compared stem by stem, so 'drinking' meets 'drink').
The rule is deliberately simple, so that the feedback can quote exactly what was matched.
"""

from __future__ import annotations

import gzip
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .features import EMOTION_RE
from .readable import stem
from .softeners import core_of
from .text import normalise, tokens

CHANGE = "change"
SUSTAIN = "sustain"
FEELING = "feeling"
VALUE = "value"
SIDES = (CHANGE, SUSTAIN, FEELING, VALUE)

# What a reply picked up (`Pickup.side`), in the words a branch key or a marking rule uses.
BOTH = "both"  # both sides of the ambivalence, the change side said last
BOTH_SUSTAIN_LAST = "both_sustain_last"
NOTHING = "nothing"
PICKUPS = (CHANGE, SUSTAIN, BOTH, BOTH_SUSTAIN_LAST, FEELING, VALUE, NOTHING)

PICKUP_NAMES = {
    CHANGE: "the change side (change talk)",
    SUSTAIN: "the sustain side (sustain talk)",
    BOTH: "both sides, with the change side last",
    BOTH_SUSTAIN_LAST: "both sides, with the sustain side last",
    FEELING: "a feeling",
    VALUE: "something that matters to them",
    NOTHING: "nothing the participant said",
}


@dataclass(frozen=True)
class Idea:
    """One idea in a participant's line: `text` in their words, its `side`, and `words`
    (lowercase words or short phrases) a reply that picks it up would contain."""

    text: str
    side: str
    words: tuple[str, ...]


@dataclass(frozen=True)
class Match:
    idea: Idea
    words: str  # what in the reply matched
    position: int  # where in the reply (word index), to tell which side came last
    generic: bool = False  # matched by any feeling or valuing word, not by this idea's words


@dataclass(frozen=True)
class Pickup:
    """The judgement: `side` is one of PICKUPS; `matches` are the ideas found, in reply order."""

    side: str
    matches: tuple[Match, ...] = ()
    new_feeling: str | None = None  # a feeling word the reply added that the line did not name

    @property
    def picked(self) -> tuple[Idea, ...]:
        return tuple(m.idea for m in self.matches)

    @property
    def specific(self) -> bool:
        """True when an idea was picked up by its own words, not only by a feeling word."""
        return any(not m.generic for m in self.matches)


# A single word of the participant's line (not one the author listed) is often a detail said back
# ("an hour", "the machines") rather than what the line meant; two of them rarely are.
LINE_TERMS_NEEDED = 2
SYNONYMS_PATH = Path(__file__).resolve().parent / "synonyms.json.gz"
USE_SYNONYMS = True


@lru_cache(maxsize=1)
def _synonyms() -> dict[str, frozenset[str]]:
    """Stem -> stems of its close synonyms (WordNet, see build_synonyms.py); {} if missing."""
    from .readable import _STOP

    try:
        with gzip.open(SYNONYMS_PATH, "rt", encoding="utf-8") as handle:
            table = json.load(handle)
    except (OSError, ValueError):
        return {}
    return {
        key: frozenset(s for s in values if len(s) >= 4 and s not in _STOP)
        for key, values in table.items()
        if len(key) >= 4
    }


def _synonym_hit(term: str, words: list[str]) -> int:
    """Index of the first reply word that is a close synonym of `term` (a stem), or -1."""
    if not USE_SYNONYMS:
        return -1
    near = _synonyms().get(term, frozenset())
    for i, word in enumerate(words):
        if word in near or term in _synonyms().get(word, frozenset()):
            return i
    return -1


def _stems(text: str) -> list[str]:
    return [stem(t) for t in tokens(text) if t.isalnum()]


def _find(phrase: list[str], reply: list[str]) -> int:
    """Word index of `phrase` (a list of stems) in `reply`, or -1."""
    size = len(phrase)
    if not size:
        return -1
    for i in range(len(reply) - size + 1):
        if reply[i : i + size] == phrase:
            return i
    return -1


_CLAUSE = re.compile(r"[.,;:!?]+|\b(?:but|and|though|although|because|so|yet)\b")
# Generic signs of each side of ambivalence (MI's change talk: desire, ability, reasons, need,
# costs; sustain talk: what the behaviour gives, not being ready, doubting change). They stand
# in for the first idea of that side when its own words are not used.
_SIDE_CUES = {
    SUSTAIN: re.compile(
        r"\bpart of you (?:likes|loves|enjoys|wants to keep|is not ready|does not want|would"
        r" rather|needs|wants to give up)|\b(?:it|that|they|this|gaming|drinking|the \w+) (?:helps"
        r"|help|lets|calms|relaxes|gives) you\b|\bgives? you\b|\bwhat you get (?:from|out of)\b"
        r"|\b(?:escape|refuge|relief|buzz|release|comfort|reward|outlet|treat|switch off|unwind"
        r"|breather|time out|pressure valve|head space|headspace|goes quiet|quiet|belong|shine"
        r"|your thing)\b|\bnot ready\b|\bthe good (?:side|bits|part)\b|\bdoubt(?:ing|s)?"
        r" (?:you|yourself|whether|if)\b|\bquestioning\b|\bgive up\b|\bthrow in the towel\b"
        r"|\bwrite yourself off\b|\bwhat is the point\b|\bpointless\b|\bnot worth (?:changing"
        r"|it|the)\b|\bno big deal\b|\bnot a big deal\b"
    ),
    CHANGE: re.compile(
        r"\bpart of you (?:wants|would like|wishes|knows|is worried)\b(?! to (?:keep|give up))"
        r"|\bworr(?:y|ied|ies|ying)\b|\bconcern(?:ed|s)?\b|\bcost(?:s|ing)?\b|\bprice\b"
        r"|\bhurting\b|\bdamag(?:e|ing)\b|\btoll\b|\bwish\b|\bwant (?:to|things to) (?:change"
        r"|stop|cut|be different|quit)\b|\bready to (?:change|stop|quit|cut)\b|\bhad enough\b"
        r"|\bout of hand\b|\bgetting worse\b|\blosing (?:game|money|cash)\b|\bdownside\b"
        r"|\bdebt\b|\bcatching up with you\b|\bget(?:ting)? in the way\b|\btaking (?:stuff"
        r"|things|more) from you\b|\bcan do it\b|\bcapable\b|\bstaying power\b|\bproves?"
        r" (?:you|that)\b|\byou managed\b|\bmonths? (?:clean|sober|of|without)\b|\bfeeding it"
        r"\b|\bcauses?\b|\bmore than it gives\b|\bagainst you\b|\bmaths\b"
        # desire, hope and seeing it was not right: change talk in other words
        r"|(?<!part of you )\bwant(?:s|ed)? (?:a|more|better|something|to be|your|her|him|them)\b"
        r"|\bhop(?:e|es|ing) (?:for|to|that)\b|\bwould (?:like|love) to\b|\bmistake\b"
        r"|\b(?:was|is|were) not (?:ok|okay|right|what you want(?:ed)?)\b|\bstuck\b"
    ),
}
# Feeling words beyond the coder's list (cues.EMOTION), for what a reflection names.
_MORE_FEELINGS = re.compile(
    r"\b(?:bewildered|shocked|stunned|blindsided|off guard|numb|(?:tough|hard) on yourself"
    r"|worn out|weary|steady|steadier|calmer|fretting|fret|doubt|doubting|stings?|hurts|gutted"
    r"|devastated|crushed|gloomy|defeated|deflated|discouraged|raw|shaky|rattled|uneasy|edgy"
    r"|tense|on edge|burden|carrying|weight|misunderstood|let down|betrayed|humiliated|mortified"
    r"|furious|livid|heartbroken|miserable|wretched|desperate|panicky|jittery|irritated"
    r"|resentful|defensive|done talking|on your side|alone in this|cornered|wary|nervous)\b"
)
# An image of what it is like for them ("it's like a rabbit hole", "like holding a door shut"):
# a metaphor reflection picks up the experience even when it shares none of their words.
_METAPHOR = re.compile(
    r"\b(?:it is|that is|you are|it sounds|sounds|it feels|feels|a bit|kind of|sort of) like (?:a|an"
    r"|the|someone|you are|being|holding|trying|walking|carrying|pouring|running|climbing)\b"
    r"|\bas if (?:you|it)\b|\blike (?:a|an) (?!lot\b|bit\b|few\b|couple\b)\w+"
)
_VALUE_WORDS = re.compile(
    r"\b(?:matter|matters|mattered|important|care about|cares about|means a lot|mean a lot"
    r"|value|values|count on|counts on|proud of|who you are|the person you|sort of person"
    r"|kind of person|want to be)\b"
)


def _line_terms(ideas: tuple[Idea, ...], line: str) -> dict[Idea, set[str]]:
    """For each idea, the content stems of the part of the participant's line it stands for.

    Reflections most often reuse the participant's own words; an author lists synonyms, and the
    line itself supplies the words. A stem that belongs to the part of another idea is dropped,
    so a word shared by both sides decides nothing.
    """
    from .readable import content_stems

    clauses = [c for c in _CLAUSE.split(normalise(line)) if c and c.strip()]
    parts: dict[Idea, set[str]] = {}
    for idea in ideas:
        own = content_stems(idea.text) | {s for w in idea.words for s in content_stems(w)}
        best = max(clauses, key=lambda c: len(content_stems(c) & own), default="")
        overlap = content_stems(best) & own if best else set()
        parts[idea] = (content_stems(best) if overlap else set()) | content_stems(idea.text)
    for idea in ideas:
        others = set().union(*(parts[o] for o in ideas if o is not idea))
        parts[idea] = parts[idea] - others
    return parts


def _belongs_elsewhere(
    words: str, idea: Idea, ideas: tuple[Idea, ...], terms: dict[Idea, set[str]]
) -> bool:
    """True when a generic sign of one side ("worry") is, in this line, the words of an idea of
    another side ("the only time I stop worrying" is what the machines give them)."""
    said = set(_stems(words))
    for other in ideas:
        if other.side != _OPPOSITE.get(idea.side):
            continue
        listed = {s for w in other.words for s in _stems(w)} | set(_stems(other.text))
        if said & (listed | terms.get(other, set())):
            return True
    return False


def _first_of(ideas: tuple[Idea, ...], side: str) -> Idea | None:
    return next((idea for idea in ideas if idea.side == side), None)


# Where a reflection turns from one side to the other: "X, but Y", "X, and at the same time Y",
# "part of you X, and part of you Y", "X, even though Y".
_CONTRAST = re.compile(
    r"(?:,|;|\band)?\s*\b(?:but|yet|even though|even if|though|although|whereas|while at the same"
    r" time|at the same time|and also|also|and still|on the other(?: hand)?|and part of you)\b"
)
_OPPOSITE = {CHANGE: SUSTAIN, SUSTAIN: CHANGE}


def _halves(norm: str) -> tuple[str, str] | None:
    """The reply split where it turns (see _CONTRAST), when both halves say something."""
    for hit in _CONTRAST.finditer(norm):
        first, second = norm[: hit.start()], norm[hit.end() :]
        if len(first.split()) >= 2 and len(second.split()) >= 2:
            return first, second
    return None


def pick_up(reply: str, ideas: tuple[Idea, ...] | list[Idea], line: str = "") -> Pickup:
    """Which of `ideas` the reply picks up, and what that amounts to (see PICKUPS).

    A reflection that turns ("X, but Y") to a line with both sides is read half by half: when
    one half picks up one side and the other half picks up neither, the other half is taken as
    the other side said differently. Learners paraphrase the second side most of all, and a
    turn of that shape to a two-sided line is a double-sided reflection.
    """
    # "Correct me if I'm wrong, but..." is a hedge, not the first half of a two-sided reflection
    reply = core_of(reply) or reply
    found = _pick_up(reply, ideas, line)
    if found.side not in (CHANGE, SUSTAIN) or not line:
        return found
    ideas = tuple(ideas)
    other = _OPPOSITE[found.side]
    other_idea = _first_of(ideas, other)
    halves = _halves(normalise(reply))
    if other_idea is None or halves is None:
        return found
    first, second = (_pick_up(half, ideas, line) for half in halves)
    for near, far, far_text in ((first, second, halves[1]), (second, first, halves[0])):
        if near.side == found.side and far.side not in (CHANGE, SUSTAIN) and far_text.strip():
            offset = len(halves[0].split()) if far is second else 0
            guess = Match(other_idea, far_text.strip(), offset, generic=True)
            matches = tuple(sorted((*found.matches, guess), key=lambda m: m.position))
            last = other if far is second else found.side
            side = BOTH if last == CHANGE else BOTH_SUSTAIN_LAST
            return Pickup(side, matches, found.new_feeling)
    return found


def _pick_up(reply: str, ideas: tuple[Idea, ...] | list[Idea], line: str = "") -> Pickup:
    """Which of `ideas` the reply picks up, and what that amounts to (see PICKUPS).

    An idea is picked up when the reply contains one of its listed words or phrases, or a
    content word of the part of the line it stands for; a feeling idea also by any feeling word
    and a value idea by words of valuing ("matters", "important to you").
    """
    ideas = tuple(ideas)
    words = _stems(reply)
    matches = []
    terms = _line_terms(ideas, line) if line else {}
    norm = normalise(reply)
    emotion = EMOTION_RE.search(norm) or _MORE_FEELINGS.search(norm)
    valuing = _VALUE_WORDS.search(norm)
    for idea in ideas:
        found = [
            (where, phrase) for phrase in idea.words if (where := _find(_stems(phrase), words)) >= 0
        ]
        own = [(words.index(t), t) for t in terms.get(idea, ()) if t in words]
        if found or len(own) >= LINE_TERMS_NEEDED:
            found += own
        if not found:  # the participant's or the author's words said differently
            singles = {s[0] for w in idea.words if len(s := _stems(w)) == 1}
            for term in sorted(singles | set(terms.get(idea, ()))):
                where = _synonym_hit(term, words)
                if where >= 0:
                    found.append((where, words[where]))
        generic = False
        if not found and idea.side == FEELING and emotion:
            found.append((len(norm[: emotion.start()].split()), emotion.group(0)))
            generic = True
        image = _METAPHOR.search(norm) if not found and idea.side == FEELING else None
        if image and not emotion:
            found.append((len(norm[: image.start()].split()), image.group(0)))
            generic = True
        if not found and idea.side == VALUE and valuing:
            found.append((len(norm[: valuing.start()].split()), valuing.group(0)))
            generic = True
        cue = _SIDE_CUES.get(idea.side)
        if not found and cue is not None and idea == _first_of(ideas, idea.side):
            hit = cue.search(norm)
            if hit and _belongs_elsewhere(hit.group(0), idea, ideas, terms):
                hit = None  # "the one place the worrying switches off": their sustain words
            if hit:
                found.append((len(norm[: hit.start()].split()), hit.group(0)))
                generic = True
        if found:
            where, phrase = max(found)  # the latest mention decides the order of sides
            matches.append(Match(idea, phrase, where, generic))
    matches.sort(key=lambda m: m.position)
    sides = [m.idea.side for m in matches]
    new_feeling = None
    if line:
        added = set(EMOTION_RE.findall(norm)) - set(EMOTION_RE.findall(normalise(line)))
        new_feeling = sorted(added)[0] if added else None
    if CHANGE in sides and SUSTAIN in sides:
        last = next(s for s in reversed(sides) if s in (CHANGE, SUSTAIN))
        side = BOTH if last == CHANGE else BOTH_SUSTAIN_LAST
    elif CHANGE in sides:
        side = CHANGE
    elif SUSTAIN in sides:
        side = SUSTAIN
    elif FEELING in sides or (new_feeling and not sides):
        side = FEELING
    elif VALUE in sides or (valuing and not sides):
        side = VALUE
    else:
        side = NOTHING
    return Pickup(side, tuple(matches), new_feeling)


def describe(pickup: Pickup, ideas: tuple[Idea, ...] | list[Idea]) -> str:
    """One or two plain sentences on what the reply picked up, and what else was there."""
    if pickup.side == NOTHING:
        text = "I could not find in your reply anything the participant said or showed"
        if ideas:
            text += f" (for example '{ideas[0].text}')"
        return text + ": if you meant to reflect it, use their words or name the feeling."
    quoted = " and ".join(f"'{m.idea.text}'" for m in pickup.matches)
    if not quoted and pickup.new_feeling:
        text = f"You named a feeling they had not put into words ('{pickup.new_feeling}')."
    else:
        text = f"You picked up {quoted}: {PICKUP_NAMES[pickup.side]}."
    missed_change = [i for i in ideas if i.side == CHANGE and i not in pickup.picked]
    if pickup.side in (SUSTAIN, BOTH_SUSTAIN_LAST) and missed_change:
        text += (
            f" Reflecting '{missed_change[0].text}' would draw more change talk."
            if pickup.side == SUSTAIN
            else " Ending on the change side would leave that side ringing in their ears."
        )
    return text
