"""Whether a reply is about the participant's conversation at all: a change of subject (small
talk, the facilitator's own story) or the participant's words typed back unchanged.

Split from `readable.py` (which judges whether a reply is readable text at all) because relevance
needs its own word lists: words that keep a reply on the conversation whatever was said, and
small-talk subjects that leave it. Both are deliberately short and readable, so a trainer can see
why a reply was refused, and a reply with words the lists do not know is judged as usual.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .features import EMOTION_RE
from .readable import ECHO, OFF_TOPIC, Unjudged, _wordset, content_stems, stem
from .text import normalise, tokens

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
    "progress effort strength strong weak wish problem problems cost "
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
    "halloween zodiac horoscope astrology alien aliens dinosaur cardigan outfit dress "
    "sunset sunrise parking council bake sponge lake scenery quiz "
    "dinosaurs banana monkey purple elephant pizza"
)


@lru_cache(maxsize=1)
def _stemmed_lists() -> tuple[frozenset[str], frozenset[str]]:
    """The stems of _ANCHORS and _ELSEWHERE, computed once."""
    return frozenset(stem(w) for w in _ANCHORS), frozenset(stem(w) for w in _ELSEWHERE)


_SUBJECT_CHANGE = re.compile(
    r"\b(?:by the way|on (?:another|an unrelated|a different) note|speaking of which|random"
    r" (?:question|thought|one)|off topic|changing the subject|before i forget"
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
# (with the dialect forms: "ye", "yous", "yer")
_SECOND_PERSON = frozenset(
    {
        "you",
        "your",
        "yours",
        "yourself",
        "you all",
        "everyone",
        "anyone",
        "ye",
        "yous",
        "youse",
        "yer",
    }
)


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
    norm = normalise(text)
    # A request to hear more ("Paint me a picture", "Walk me through it") is about the
    # participant whatever its verb: the verb is not a subject the reply is about.
    mine = content_stems(_ADDRESS.sub(" ", _REQUEST.sub(" ", norm)))
    theirs = content_stems(context).union(*(content_stems(r) for r in related))
    anchors, elsewhere_stems = _stemmed_lists()
    elsewhere = mine & elsewhere_stems
    emotional = EMOTION_RE.search(norm)
    words = norm.split()
    # Signs of a change of subject other than its words: a marker ("by the way"), or the
    # facilitator talking about themselves with no word for the participant. "Walk me through
    # it" and "am I getting that right?" ask about the participant: their "me" and "I" do not
    # count.
    own = _ASKING_ME.sub(" ", norm).split()
    about_me = any(w in _FIRST_PERSON for w in own) and not any(w in _SECOND_PERSON for w in words)
    changes_subject = bool(_SUBJECT_CHANGE.search(norm)) or about_me
    if about_me and _MY_STORY.match(norm) and not _LISTENING.match(norm) and "?" not in words:
        return Unjudged(
            OFF_TOPIC,
            "It is about you, not about them. Save your own story; reflect what they just "
            "told you, or ask about it.",
            " ".join(words[:6]),
        )
    # "On an unrelated note..." says itself that it leaves the conversation: words that would
    # otherwise keep it there ("changed", "love") do not.
    said_so = bool(_SAYS_UNRELATED.search(norm))
    # small talk about a subject of its own ("The weather's been awful, hasn't it"): its
    # feeling words are about the weather, not about anyone, so they do not keep it on topic
    small_talk = bool(elsewhere) and not any(w in _SECOND_PERSON for w in words)
    if small_talk:
        theirs = content_stems(context)  # the line itself, not a scenario's long word lists
    if (
        (elsewhere or (changes_subject and mine))
        and not (mine & theirs)
        and (said_so or small_talk or not (mine & anchors))
        and (said_so or small_talk or not emotional)
    ):
        # the words as the learner typed them: not their stems ("gorgeou") and not the coder's
        # respelling ("favorite" for "favourite")
        typed = sorted(
            {w.lower() for w in _TYPED_WORD.findall(text) if (s := content_stems(w)) and s <= mine}
        )
        shown = ", ".join(f"'{w}'" for w in (typed or sorted(mine))[:3])
        return Unjudged(
            OFF_TOPIC,
            f"Nothing in it connects to what the participant said ({shown}). Reply to what "
            "they just told you: reflect it, or ask about it.",
            shown,
        )
    return None


# Words of address ("Ooh, love, your cardigan..."): not a word about feelings.
_ADDRESS = re.compile(
    r"(?:^|, )(?:ooh |oh |aw )?(?:love|pet|hun|hon|mate|darling|sweetheart|dear|pal|chick)"
    r"(?= ,| [.?!]|$)"
)
_TYPED_WORD = re.compile(r"[^\W\d_]+")
_SAYS_UNRELATED = re.compile(
    r"\b(?:on (?:an unrelated|a different|another) note|changing the subject|off topic"
    r"|random (?:question|one|thought)|nothing to do with (?:this|that|tonight))\b"
)
_FIRST_PERSON = frozenset({"i", "me", "my", "mine", "myself"})
_REQUEST_VERBS = (
    r"(?:walk|talk|take|tell|help|fill|show|give|remind|let|correct|paint|bring|catch|run)"
)
_REQUEST = re.compile(r"\b" + _REQUEST_VERBS + r" me\b")
_ASKING_ME = re.compile(
    r"\b"
    + _REQUEST_VERBS
    + r" me\b|\b(?:am|did|have|do) i (?:got|getting|get|heard|hearing|hear|catch|follow|understood|understanding|right"
    r"|missed|missing|read|reading)\b|\bif i (?:have|am|understand|heard|got)\b|\bi (?:would"
    r" love|would like|am curious|wonder|am wondering) (?:to hear|to know|to understand|about"
    r"|what|how|whether|if)\b"
)


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
