"""Arguing with what the participant just said, in their own words turned round.

Why a module of its own: every other harm pattern (`harm.py`) reads the reply alone, but a
contradiction is only visible next to the participant's line. "Your brain didn't switch off" is
a fine sentence until the participant has just said "like my brain switched off"; "It kind of
is" argues only after "it's not a big deal". Trainees who correct a participant usually open
warmly and argue in the second sentence, with no arguing word at all, so the word lists miss it.

Two shapes are read, both deliberately narrow so a reflection is never caught:

* **Negating their words:** a clause of the reply puts "not", "never", "no" right before a
  content word the participant used without any negation ("It wasn't luck" after "it was just
  bad luck"). A clause that reports the person's own view ("you don't think...", "part of you
  doesn't...") or their doubts is a reflection, not a contradiction, and is skipped.
* **"It is" against their "it's not":** a short clause that asserts what the participant denied,
  with nothing after the verb but a hedge or a condition ("Well, it kind of is if you want a
  future", "It does matter though").
"""

from __future__ import annotations

import re
from functools import lru_cache

from .readable import content_stems, stem
from .text import normalise, tokens

_NEGATION = frozenset({"not", "never", "no", "nothing", "nobody", "none"})
_AUXILIARY = frozenset(
    {"do", "did", "does", "is", "was", "are", "were", "be", "been", "can", "could", "will"}
)
# Words that make a participant's clause a denial or a doubt rather than a claim.
_DOUBT = _NEGATION | {"without", "maybe", "perhaps", "if", "whether", "dunno"}
_NEGATED_BY = _AUXILIARY | {"has", "have", "had", "would", "should"}
# How many words after a negation a content word can sit and still be what is negated ("did not
# switch", "was not just luck").
_REACH = 3
# Words between the negation and the content word that keep it a plain contradiction.
_GLUE = frozenset({"a", "an", "the", "just", "really", "even", "only", "your", "my", "all", "so"})
# Reports of the person's view, doubts or feelings: "you don't think", "part of you isn't sure",
# "it doesn't sound like", "you're not ready to", "you never wanted". Said back, these reflect.
_REPORTED = re.compile(
    r"\b(?:you|part of you|some of you|a bit of you)(?: do| did| are| were| have| had| would"
    r"| could| can)? (?:not|never) (?:\w+ )?(?:think|thought|feel|felt|see|saw|believe|want"
    r"|wanted|sure|know|knew|ready|like|liked|mind|care|expect|expected|imagine|remember|plan"
    r"|mean|meant)\b"
    r"|\b(?:sounds|seems|feels|looks)(?: like| as if| as though)?\b"
    r"|\byou(?: have| had)? (?:seen|noticed|found|realised|realized|learned|learnt|said|told me"
    r"|mentioned|know|knew)\b"
    r"|\b(?:it|that) (?:does|did) not (?:sound|seem|feel|look)\b|\bwhether\b|\bif\b"
    r"|\bas if\b|\bnot (?:sure|certain)\b"
    # A double negative says what they said ("without it you can't sleep").
    r"|\bwithout\b|\bunless\b|\bexcept\b"
)
_CLAUSE = re.compile(r"(?<=[.?!;])\s*|\s*,\s*(?=(?:but|so|and|yet|still)\b)|\s+(?=but\b)")
# "It is" asserted against a denial: a short clause, nothing after the verb but a hedge.
_ASSERTS = re.compile(
    r"^(?:(?:well|actually|but|yes|yeah|oh|look|honestly|sorry|um|hmm)(?: ,)? )*"
    r"(?:it|that|this) (?:kind of |sort of |really |actually |certainly |definitely "
    r"|absolutely |sure |still |does )?(?:is|does|was|matters|counts|did)"
    r"(?: (?:a |an )?(?:real |big |serious )?(?:problem|issue|big deal|worry|risk))?"
    r"(?: (?:though|actually|really|a bit|if .*|when .*|to (?:me|us|them|her|him|them) .*))?$"
)
# "You did say it" against their "I didn't say that".
_ASSERTS_YOU = re.compile(
    r"^(?:(?:well|actually|but|yes|yeah|oh|look|sorry|um)(?: ,)? )*you (?:did|do|are|were|can"
    r"|have|will)(?: (?:say|said|do|go|need|want|know|mean|use|drink)(?: it| that| so)?)?"
    r"(?: though| actually| really| too)?(?: ,)?(?: (?:just |only )?(?:last|this|yesterday"
    r"|earlier|before|a minute ago|on|at|when)\b.*)?$"
)
_DENIES_I = re.compile(
    r"(?:^|[.!?] )(?:(?:no|whoa|hey|look|well|hang on)(?: ,)? )*i (?:did|do|am|was|can|have"
    r"|will|would) not\b"
)
_DENIES = re.compile(
    r"\b(?:it|that|this) (?:is|was|does|did|will|would) not\b|\bnot (?:a big deal|an issue"
    r"|a problem|that bad|the end of the world)\b|\bno big deal\b"
    r"|\b(?:it is|that is|this is) (?:only|just) (?:a bit of |a little |some )?(?:fun|a laugh"
    r"|a flutter|a drink|a few|social|harmless)\b"
)

# Each assertion, with the participant's denial it contradicts.
_ASSERTED_AGAINST = ((_ASSERTS, _DENIES), (_ASSERTS_YOU, _DENIES_I))


@lru_cache(maxsize=256)
def _claims(said: str) -> frozenset[str]:
    """The content stems the participant asserted plainly, never negated, doubted or asked
    about. A whole clause counts as negated once any negation appears in it ("I don't think I
    can stop paying"), and a word they used both ways is theirs to weigh, not ours to correct:
    reading their denials generously keeps reflections safe."""
    plain: set[str] = set()
    other: set[str] = set()
    for clause in _CLAUSE.split(normalise(said) + " "):
        stems = content_stems(clause)
        asked = clause.rstrip().endswith("?")
        doubted = bool(set(tokens(clause)) & _DOUBT)
        (other if asked or doubted else plain).update(stems)
    return frozenset(plain - other)


def find_contradiction(text: str, context: str | None) -> tuple[str, str] | None:
    """The clause of `text` that contradicts the participant's line `context`, and the words
    that did it; None when there is none (or no context)."""
    if not context:
        return None
    said = normalise(context)
    plain = _claims(context)
    for clause in _CLAUSE.split(text):
        norm = normalise(clause)
        if not norm:
            continue
        bare = norm.rstrip(" .!")
        for asserts, denies in _ASSERTED_AGAINST:
            if asserts.match(bare) and denies.search(said):
                return clause.strip(), clause.strip()
        if _REPORTED.search(norm):
            continue
        words = norm.split()
        for i, word in enumerate(words):
            # Only a negated statement ("it was not luck", "your brain did not switch off"):
            # a bare "not just around" after a comma contrasts, it does not contradict.
            opens = i == 0 and word in ("nobody", "nothing", "never")  # "Nobody dragged you"
            if word not in _NEGATION or not (opens or (i and words[i - 1] in _NEGATED_BY)):
                continue
            if i >= 2 and words[i - 2] in ("i", "we"):
                continue  # the facilitator about themselves ("I haven't decided anything")
            for j in range(i + 1, min(len(words), i + 1 + _REACH)):
                target = words[j]
                if target in _GLUE:
                    continue
                if target.isalpha() and stem(target) in plain and len(target) > 2:
                    return clause.strip(), " ".join(words[max(0, i - 1) : j + 1])
                if target not in _AUXILIARY:
                    break
    return None
