"""What the coder looks at: named cues a trained coder would name, plus the words themselves.

A cue is a short pattern with a plain-language description ("asks permission", "starts with
'you should'"). Cues carry most of the weight in the model because they generalise to people who
phrase things differently from the course's own examples; the words (unigrams and bigrams) fill in
what no cue names. Every pattern is written for `text.normalise` output, uses only bounded
repetition, and runs on at most `text.MAX_CHARS` characters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from .cues import ANY_CUES, EMOTION, START_CUES
from .echoes import echoed
from .flags import find_disguised_advice, find_labeling
from .harm import reports_a_view
from .spellings import PRONOUN_SWAP
from .text import tokens

_FILLER = frozenset(
    {
        "okay",
        "yes",
        "right",
        "sure",
        "mm",
        "mmm",
        "hmm",
        "mhm",
        "mm-hmm",
        "hmm-mm",
        "uh",
        "huh",
        "wow",
        "great",
        "cool",
        "lovely",
        "nice",
        "go",
        "on",
        "i",
        "see",
        "hear",
        "you",
        "fine",
        "no",
        "worries",
        "sorry",
        "thanks",
        "thank",
        "cheers",
        "all",
        "then",
        "alright",
        "oh",
        "ah",
        "ahh",
        "got",
        "it",
        "hmmm",
        "mmhmm",
        "mhmm",
        "uhuh",
        "sounds",
        "good",
        "perfect",
        "indeed",
        "totally",
        "absolutely",
        "exactly",
        "true",
        ",",
        ".",
        "!",
        "...",
        "'",
        '"',
    }
)

# Context (the participant's previous line) asking for ideas makes advice "with permission".
# The participant asked for ideas, explicitly: the judge lets advice through only after this,
# because a request is what turns advice into advice with permission. (A bare "yeah" grants
# permission only if permission was asked, which a single line cannot show.)
_ASKS_STRICT = (
    r"\bwhat (?:should|can|could|do|would|shall) i\b(?! (?:even|else|ever|then|supposed))|\bwhat would you (?:do|suggest|recommend)"
    r"\b|\bany (?:ideas|tips|suggestions|advice|thoughts)\b|\bwhat do (?:other )?(?:people"
    r"|others|you all|you guys) do\b|\bhow did you\b|\bwhat (?:helped|worked for) you\b"
    r"|\bwhat do you (?:suggest|recommend|think i should)\b|\bshould i\b[^.!]*\?|\bhow do i\b"
    r"[^.!]*\?|\bcan you (?:help|give|suggest|tell me what)\b|\bcould you suggest\b|\bi would"
    r" (?:\w+ )?(?:like|love|welcome|appreciate) (?:some|any|a few|ideas|to hear|suggestions)\b"
    r"|\b(?:some|a few) (?:ideas|tips|suggestions|advice|pointers) (?:would|please|might)\b|\bwhat can i do\b|\b(?:tips|advice|ideas)"
    r" (?:please|would help|welcome)\b|\bi am open to (?:ideas|suggestions|anything)\b"
)
ASKS_FOR_IDEAS = re.compile(_ASKS_STRICT)
# ... unless the same line turns ideas down ("I don't want advice", "no lectures").
REFUSES_IDEAS = re.compile(
    r"\b(?:do not|did not|never) (?:want|need|ask for|asked for) (?:any |your |more )?(?:advice"
    r"|tips|ideas|suggestions|lectures?|to be told)\b|\bno (?:advice|lectures?|tips)\b"
)
# The model's feature is broader: softer openings ("what do you think", "tell me", "go ahead")
# make advice more likely to be welcome, but on their own they do not excuse it.
_CONTEXT_ASKS = re.compile(
    _ASKS_STRICT + r"|\bcan you tell me\b|\bdo you have any\b|\bwhat do you (?:think|reckon)\b"
    r"|\bshould i\b|\bgo ahead\b|\byes please\b|\bgo on then\b|\bis there anything\b"
    r"|\bhow do i\b|\btell me\b|\bsure(?: ,)? go\b|\bideas\b|\bwhat does the research\b"
    r"|\bhelp me\b"
)
EMOTION_RE = re.compile(r"\b" + EMOTION + r"\b")
_CONTEXT_PERMISSION = re.compile(r"^(?:sure|yes|okay|yeah|please|go ahead|go on)\b")

_STOP = frozenset(
    {
        "the",
        "a",
        "an",
        "and",
        "or",
        "but",
        "to",
        "of",
        "in",
        "on",
        "at",
        "for",
        "with",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "it",
        "that",
        "this",
        "so",
        "just",
        "i",
        "you",
        "me",
        "my",
        "your",
        "we",
        "us",
        "do",
        "did",
        "not",
        "have",
        "has",
        "had",
        "am",
        "really",
        "about",
        "all",
        "like",
        "up",
        "as",
        "if",
        "then",
        "there",
        "what",
        "how",
        "'s",
        ",",
        ".",
        "?",
        "!",
        "'",
        '"',
        ":",
        ";",
        "okay",
        "yes",
        "very",
        "too",
        "he",
        "she",
        "they",
        "them",
        "his",
        "her",
        "their",
        "will",
        "would",
        "can",
        "could",
        "get",
        "got",
    }
)


_SENT_SPLIT = re.compile(r"(?<=[.?!])\s+")
# Discourse markers before the words that make a question or a statement ("so, okay, what...").
_LEAD = re.compile(
    r"^(?:(?:so|and|okay|ok|right|well|yes|yeah|yep|no|like|now|oh|alright|all right|hey|listen"
    r"|look|i mean|you know|anyway|but|hmm|ah|sure|nice|wow|great|cool|good|got it|fair enough"
    r"|i see|mm|mhm|then|just checking|out of (?:interest|curiosity)|quick question|can i ask"
    r"|i am curious|mate|love|thanks|thank you)(?: ,)? )+"
)
# A name or a word of address before a comma ("priya , did you..."): dropped to find the start.
_ADDRESS = re.compile(r"^[a-z]+ , ")
# Words that make a sentence a question by its form, not by its question mark.
_QUESTION_FORM = re.compile(
    r"^(?:what|how|why|when|where|who|whom|whose|which|do|does|did|are|is|was|were|have|has"
    r"|had|can|could|will|would|shall|am|may|might|must|should|any|tell me|is not|are not"
    r"|do not|did not|does not|have not|could not|would not|can not|will not|was not|were not"
    r"|would it|has anyone|anyone|anybody|who else)\b"
)
# A tag at the end that turns a statement into a question ("..., is it?", "..., right?").
_TAG_Q = re.compile(
    r", (?:is|was|are|were|do|does|did|have|has|can|could|will|would|is not|are not|do not"
    r"|did not|does not|have not|can not|will not|was not) (?:it|you|they|he|she|we|there|that)"
    r" \?$|\b(?:right|yeah|eh|innit|no|ok|okay|yes) \?$|\bor (?:not|what|something) \?$"
)


def _declarative_question(sentence: str) -> bool:
    """A statement said with a question mark ("So Saturday cost you two hundred?"): coders
    code it by what it does (most often a reflection), not by its intonation."""
    if not sentence.endswith("?") or _TAG_Q.search(sentence):
        return False
    core = _ADDRESS.sub("", _LEAD.sub("", sentence))
    core = _LEAD.sub("", core)
    return bool(core.strip(" ?")) and not _QUESTION_FORM.match(core)


@dataclass
class Extracted:
    """Features for the model, plus what each cue matched (for explanations)."""

    features: dict[str, float]
    matches: dict[str, str]
    norm: str
    labeling: str | None
    disguised: str | None
    context_asks: bool
    n_words: int  # words, not counting punctuation


def _bucket(value: int, edges: tuple[int, ...]) -> str:
    for edge in edges:
        if value <= edge:
            return f"<={edge}"
    return f">{edges[-1]}"


def _content(toks: list[str]) -> set[str]:
    return {t for t in toks if t not in _STOP and t.isalnum()}


def extract(text: str, context: str | None = None) -> Extracted:
    """Features of a cleaned response (and, if given, the participant's previous line)."""
    toks = tokens(text)
    norm = " ".join(toks)
    feats: dict[str, float] = {}
    matches: dict[str, str] = {}

    sentences = [s for s in _SENT_SPLIT.split(norm) if s.strip(" .?!,")] or [norm]
    first, last = sentences[0].strip(), sentences[-1].strip()
    for cue in START_CUES:
        for where, sentence in (("F", first), ("L", last)):
            bare = _LEAD.sub("", _ADDRESS.sub("", _LEAD.sub("", sentence)))
            m = cue.pattern.match(sentence) or cue.pattern.match(bare)
            if m:
                feats[f"{where}:{cue.name}"] = 1.0
                matches.setdefault(cue.name, m.group(0).strip())
    for cue in ANY_CUES:
        m = cue.pattern.search(norm)
        if (
            m
            and cue.name == "confront"
            and (echoed(norm, m.group(0), context) or reports_a_view(norm, m.start(), m.end()))
        ):
            # the participant's own word said back ("you make excuses": echoes.py), or a view
            # reported, not held ("being called that feels ridiculous to you")
            m = None
        if m:
            feats[f"C:{cue.name}"] = 1.0
            matches.setdefault(cue.name, m.group(0).strip())

    words = [t for t in toks if t not in {",", ".", "!", ":", ";", "'", '"'}]
    n_words = sum(1 for t in words if t != "?")
    if toks and toks[-1] == "?":
        feats["end_q"] = 1.0
        matches["end_q"] = "ends with a question mark"
    if "?" in toks:
        feats["has_q"] = 1.0
    if _declarative_question(last):
        feats["decl_q"] = 1.0
        matches["decl_q"] = "is a statement said as a question"
    if not any(t in ".?!" for t in toks):
        feats["no_punct"] = 1.0
    feats["len:" + _bucket(n_words, (2, 5, 9, 15, 25, 40))] = 1.0
    feats["sents:" + _bucket(len(sentences), (1, 2))] = 1.0
    commas = toks.count(",") + toks.count(";") + toks.count(":")
    ands = toks.count("and")
    feats["commas:" + _bucket(commas, (0, 1, 2))] = 1.0
    feats["ands:" + _bucket(ands, (0, 1, 2))] = 1.0
    if commas + ands >= 3 and n_words >= 18:
        feats["listy"] = 1.0
        matches["listy"] = "lists several things the person said"
    if words and all(t in _FILLER for t in words):
        feats["filler_only"] = 1.0
        matches["filler_only"] = "is a short acknowledgement"
    n_you = sum(1 for t in toks if t in ("you", "your", "yourself"))
    feats["you:" + _bucket(n_you, (0, 1, 2))] = 1.0

    labeling = find_labeling(norm)
    if labeling:
        feats["labeling"] = 1.0
        matches["labeling"] = labeling
    disguised = find_disguised_advice(norm)
    if disguised:
        feats["disguised"] = 1.0
        matches["disguised"] = disguised

    # Words: unigrams and bigrams (punctuation other than '?' dropped), and the opening words.
    plain = [t for t in words if t != "?"]
    for t in plain:
        feats["w:" + t] = 1.0
    for a, b in pairwise(plain):
        feats[f"b:{a} {b}"] = 1.0
    if plain:
        feats["w0:" + plain[0]] = 1.0
        feats["w01:" + " ".join(plain[:2])] = 1.0
        feats["w012:" + " ".join(plain[:3])] = 1.0
    last_words = [t for t in last.split() if t.isalnum()]
    if last_words and len(sentences) > 1:
        feats["lw0:" + last_words[0]] = 1.0

    context_asks = False
    if context:
        ctoks = tokens(context)
        cnorm = " ".join(ctoks)
        feats["ctx"] = 1.0
        if _CONTEXT_ASKS.search(cnorm) or (len(ctoks) <= 6 and _CONTEXT_PERMISSION.match(cnorm)):
            context_asks = True
            feats["ctx_asks"] = 1.0
            matches["ctx_asks"] = "the person had asked for ideas"
        if "?" in ctoks:
            feats["ctx_q"] = 1.0
        # How much of the response repeats the participant (with I -> you)?
        swapped = {PRONOUN_SWAP.get(t, t) for t in ctoks}
        mine = _content(toks)
        theirs = _content(list(swapped))
        if mine:
            overlap = len(mine & theirs) / len(mine)
            feats[
                "ovl:"
                + (
                    "0"
                    if overlap == 0
                    else "lo"
                    if overlap < 0.34
                    else "mid"
                    if overlap < 0.67
                    else "hi"
                )
            ] = 1.0
            new_words = mine - theirs
            feats["new:" + _bucket(len(new_words), (0, 1, 3, 6))] = 1.0
        ratio = n_words / max(1, len([t for t in ctoks if t.isalnum()]))
        feats["lenratio:" + ("short" if ratio < 0.8 else "same" if ratio <= 1.3 else "long")] = 1.0
        emo_mine = set(EMOTION_RE.findall(norm))
        emo_theirs = set(EMOTION_RE.findall(cnorm))
        if emo_mine - emo_theirs:
            feats["new_emotion"] = 1.0
            matches["new_emotion"] = (
                "names a feeling the person had not named ('"
                + sorted(emo_mine - emo_theirs)[0]
                + "')"
            )
    else:
        feats["noctx"] = 1.0
    return Extracted(feats, matches, norm, labeling, disguised, context_asks, n_words)
