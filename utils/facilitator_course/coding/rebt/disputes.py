"""Which kind of REBT dispute a question is: empirical, logical, pragmatic, or none.

REBT uses all three kinds because different people are persuaded by different arguments; the
worksheet names the kind so a learner can try the others. Each kind has weighted cues; the kind
with the highest total wins, and a sentence with no cue (or small talk) is "none". Pragmatic cues
are checked before the "likely/true" words they contain ("would you be more likely to use if you
kept believing that?" asks whether the belief helps, not for evidence).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_CHARS = 2000
KINDS = ("empirical", "logical", "pragmatic", "none")

EXPLANATIONS = {
    "empirical": "It asks for evidence: is the belief true, and what actually happened?",
    "logical": "It asks whether the belief follows: does wanting something, or one act, lead to "
    "the conclusion drawn?",
    "pragmatic": "It asks whether the belief helps: where does believing it get the person, and "
    "what does it cost?",
    "none": "It does not question a belief: a dispute asks for evidence (is it true?), logic "
    "(does it follow?) or usefulness (does it help?).",
}

_CUES: dict[str, tuple[tuple[str, float], ...]] = {
    "empirical": (
        (r"\bevidence\b|\bproof\b|\bprove[sd]?\b|\bfacts?\b|\bdata\b", 2.0),
        (
            r"\b(?:is|was|it'?s|that'?s) (?:it |that |this )?(?:really |actually |100% |literally )?"
            r"true\b|\breally true\b|\bactually true\b|\bfeel true\b|\btrue that\b",
            2.0,
        ),
        (
            r"\bwhere (?:is|'s) (?:it|that|this) written\b|\bwho says\b|\blaw (?:of|that|which)\b|\brule(?:book)? (?:that|says)"
            r"\b|\bwritten (?:down )?(?:somewhere|anywhere)\b",
            2.0,
        ),
        (
            r"\bhow do (?:you|u|i|we) know\b|\bhow can (?:you|i) be (?:sure|certain)\b"
            r"|\bwhat makes (?:you|u) (?:so )?(?:sure|certain)\b",
            2.0,
        ),
        (
            r"\b(?:has|have|did|does) (?:anyone|anybody|it|that) (?:ever |actually )?(?:died"
            r"|happened|killed)\b|\bactually happen(?:ed|s)?\b|\bwhat happened (?:the|last|when)"
            r"\b|\bother times\b|\blast time\b|\bbefore\b|\bever (?:coped|managed|got through"
            r"|survived|stood)\b",
            1.0,
        ),
        (
            r"\bcan (?:you|u) (?:think of|remember|recall) (?:a|any) time\b|\ba time when\b"
            r"|\bexceptions?\b|\bcounter-?examples?\b",
            2.0,
        ),
        (
            r"\brealistic(?:ally)?\b|\bchances?\b|\bodds\b|\bhow likely\b|\bprobab\w+\b"
            r"|\bfor ever\b|\bforever\b|\balways\b|\bnever\b|\beveryone\b|\bevery single\b",
            1.0,
        ),
        (
            r"\bis there (?:any|some|a shred of|real) (?:evidence|proof|reason to (?:think|believe))"
            r"\b|\breality\b|\bthe case\b|\baccurate\b|\bhow (?:many times|often) ha(?:ve|s)\b"
            r"|\bevery (?:single )?time\b|\bshow me\b|\bwhat (?:actually|really) happen\w*\b"
            r"|\bdid (?:it|that|they|anyone) (?:really|actually)\b|\bha(?:ve|s) (?:you|u|that|it)"
            r" ever\b|\bsurvived?\b|\bcoped\b|\bgot through\b|\bstood\b|\bdied\b",
            1.5,
        ),
        (
            r"\bneutral observer\b|\ba stranger see\b|\bwhat would (?:a|an) \w+ see\b|\bsee if they"
            r" looked\b|\bcheck (?:it|that) out\b|\btest (?:it|that)\b",
            2.0,
        ),
    ),
    "logical": (
        (r"\bfollows?\b|\blogic(?:al|ally)?\b|\bconsistent\b|\bconclu\w+\b", 2.0),
        (r"\bjust because\b|\bbecause (?:you|u|i) (?:want|would like|'?d like|prefer)\b", 2.0),
        (
            r"\b(?:does|do|did|would|will) (?:that|this|it|one \w+|wanting|failing|a \w+|making"
            r"|losing|having|being|something) (?:[\w']+ ){0,4}(?:mean|make|turn|prove)s?\b",
            1.5,
        ),
        (
            r"\bmake(?:s)? (?:you|u|them|him|her|me) (?:a|an|into|worthless|useless|weak|bad)\b"
            r"|\bturn(?:s)? (?:you|u) into\b|\bmean (?:you|u) (?:are|must|have|fail|can)\b",
            2.0,
        ),
        (r"\b(?:lead|leads|get from|jump from) (?:to|from)?\s?['\"]|\blead to\b", 1.5),
        (r"\bmake(?:s)? sense\b|\bsensible\b|\bfair to (?:judge|rate|call)\b", 1.5),
        (
            r"\bwhole (?:self|person|life)\b|\b(?:rate|judge|sum up) (?:a |your |the |my )?(?:whole"
            r" )?(?:person|self|yourself|someone)\b|\bone (?:act|mistake|lapse|slip|bad)\b"
            r"|\bcancel(?:s)? out\b|\beverything (?:else)?\b",
            1.0,
        ),
        (
            r"\bwould (?:you|u) (?:call|say|think|judge|rate|tell)\b[^?]{0,40}\b(?:friend|mate"
            r"|someone else|anyone else|sister|brother)\b|"
            r"\bwould (?:that|it) make (?:them|him|her|your friend)\b|\bif a friend\b"
            r"|\bdouble standard\b|\bso why would\b",
            2.0,
        ),
        (
            r"\bdoes (?:that|it|this) (?:really |necessarily |automatically )?mean\b|\bmean that"
            r"\b|\bhow (?:do|does|did) (?:you|u|one|that|it|a|an|losing|failing|slipping|lapsing"
            r"|making|wanting)\b[^?]{0,40}\b(?:mean|make|turn|get from|lead)\b|\bthe same as\b"
            r"|\bwhy (?:must|does (?:it|that|he|she|life|the world) have to|should)\b"
            r"|\bon what basis\b|\bleap\b|\bjump(?:ing)? to\b|\bconnect\w*\b",
            1.5,
        ),
        (r"\bautomatically\b|\bnecessarily\b|\btherefore\b|\bso it must\b", 1.5),
    ),
    "pragmatic": (
        (
            r"\bhelp(?:s|ing|ful)?\b|\buseful\b|\bworks? for (?:you|u|me)\b|\bserve[sd]? (?:you|u)"
            r"\b",
            2.0,
        ),
        (
            r"\bwhere (?:does|will|would|did) (?:that|this|it|believing|thinking|holding|telling)"
            r"\b[^?]{0,40}\b(?:get|lead|take|leave)\b|\bget (?:you|u) anywhere\b",
            2.5,
        ),
        (
            r"\bcost(?:s|ing)? (?:you|u)\b|\bwhat (?:does|did) (?:it|that|this|holding|believing"
            r"|thinking)\b[^?]{0,40}\bcost\b|\bprice\b|\bpay off\b|\bpayoff\b",
            2.5,
        ),
        (
            r"\bwhere (?:does|will|would|did|has) [^?]{0,60}\b(?:get|lead|take|leave) (?:you|u)\b"
            r"|\bdo(?:es)? (?:for|to) (?:you|u)\b|\bwhat good\b|\bdo (?:you|u) any good\b|\bhurt(?:s|ing)? (?:you|u|your)\b|\bhelp or"
            r" hurt\b",
            2.5,
        ),
        (
            r"\baffect(?:s|ing)?\b|\bimpact\b|\bhow (?:do|does|would|did) (?:you|u) (?:feel|act"
            r"|behave)\b|\bmood\b|\bgoals?\b|\btowards? the life\b|\baway from it\b",
            1.5,
        ),
        (
            r"\bif (?:you|u) (?:kept|keep|carry on|go on|stopped|believed|thought)\b[^?]{0,40}"
            r"(?:believ|think|thought|telling)\w*|\bkeep(?:ing)? (?:believing|thinking|telling"
            r"|calling)\b|\bhold(?:ing)? on to\b",
            2.0,
        ),
        (
            r"\b(?:more|less) likely to (?:use|drink|smoke|gamble|bet|relapse|lapse|cope|give in)\b"
            r"|\beasier to (?:resist|cope|stay|stop)\b|\bhow (?:might|would|will) your (?:week|day"
            r"|life)\b",
            2.5,
        ),
        (
            r"\bhow(?:'s| is) (?:that|it|this) working\b|\bworking (?:out )?for (?:you|u)\b"
            r"|\bkeeps? (?:you|u) stuck\b|\bbenefits?\b|\bbetter off believing\b|\bwhat would"
            r" (?:change|happen) if (?:you|u) (?:believed|thought|told|let go)\b|\bworth (?:it|the)"
            r"\b|\bwhat does (?:it|that|this) (?:get|give|do for) (?:you|u)\b",
            2.0,
        ),
        (r"\bmore flexible\b|\bmotivat\w+\b|\bget in the way\b|\bholding (?:you|u) back\b", 1.5),
    ),
}
_COMPILED = {k: tuple((re.compile(p), w) for p, w in cues) for k, cues in _CUES.items()}
# A dispute questions a belief: it is a question, or an imperative such as "consider whether".
_QUESTIONING = re.compile(
    r"\?|^\s*(?:is|does|do|did|would|will|can|could|how|what|where|why|if"
    r"|just because|has|have|are|was)\b|\bask (?:yourself|u|you)\b"
    r"|\bconsider\b|\bwonder\b"
)


@dataclass(frozen=True)
class DisputeResult:
    """The dispute's kind, the cue words that decided it, and a learner-facing explanation."""

    kind: str
    explanation: str
    cues: tuple[str, ...] = ()
    scores: tuple[tuple[str, float], ...] = ()
    error: str | None = None

    def to_dict(self) -> dict[str, object]:
        return {"kind": self.kind, "explanation": self.explanation, "cues": list(self.cues)}


def classify_dispute(text: object) -> DisputeResult:
    """Classify a disputing question; never raises on bad input."""
    if not isinstance(text, str):
        return DisputeResult(
            "none",
            "This could not be read: the dispute must be text.",
            error=f"the dispute must be text, not {type(text).__name__}",
        )
    low = text[:MAX_CHARS].lower().replace("\u2019", "'")
    if not low.strip():
        return DisputeResult(
            "none", "This could not be read: it is empty.", error="the dispute is empty"
        )
    scores: dict[str, float] = {}
    cues: dict[str, list[str]] = {}
    for kind, patterns in _COMPILED.items():
        for pattern, weight in patterns:
            m = pattern.search(low)
            if m:
                scores[kind] = scores.get(kind, 0.0) + weight
                cues.setdefault(kind, []).append(m.group(0).strip())
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], KINDS.index(kv[0])))
    if not ranked or not _QUESTIONING.search(low) or ranked[0][1] < 1.0:
        return DisputeResult("none", EXPLANATIONS["none"], (), tuple(ranked))
    kind = ranked[0][0]
    words = ", ".join(f"'{c}'" for c in cues[kind][:3])
    return DisputeResult(
        kind, f"{EXPLANATIONS[kind]} (cue: {words})", tuple(cues[kind]), tuple(ranked)
    )
