"""Finding REBT belief types in what someone tells themselves, with spans to highlight.

Four irrational types (demandingness, awfulizing, low frustration tolerance, global rating) and
their rational alternatives (preference, anti-awfulizing, high frustration tolerance, acceptance).
A word list alone would be wrong half the time, so three things are checked around each cue:

* negation ("it's not the end of the world", "that doesn't make me a failure") turns an
  irrational cue into its rational alternative;
* non-dogmatic uses of must/should/need ("I need to buy milk", "the meeting should finish at
  eight", "you should see the view", "you must be new") are practical, not demands (those
  readings are in practical_demands.py);
* feelings and plain descriptions ("I feel awful", "a terrible headache") are not beliefs.

Patterns run on a lowercased copy of the text with the same length, so spans point into the
original text. Input is cut at MAX_CHARS and every pattern uses bounded repetition.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .practical_demands import _clause_before, _demand_is_practical

MAX_CHARS = 2000

IRRATIONAL = ("demandingness", "awfulizing", "low_frustration_tolerance", "global_rating")
RATIONAL = ("preference", "anti_awfulizing", "high_frustration_tolerance", "acceptance")
# Each irrational type and the rational alternative that replaces it.
ALTERNATIVE = dict(zip(IRRATIONAL, RATIONAL, strict=True))

TYPE_NAMES = {
    "demandingness": "a demand ('must', 'should', 'have to')",
    "awfulizing": "awfulizing (it's awful, the end of the world)",
    "low_frustration_tolerance": "low frustration tolerance ('I can't stand it')",
    "global_rating": "a global rating of a whole person ('I'm a failure')",
    "preference": "a preference ('I'd like..., but it doesn't have to...')",
    "anti_awfulizing": "anti-awfulizing ('bad, but not the end of the world')",
    "high_frustration_tolerance": "high frustration tolerance ('hard, but I can stand it')",
    "acceptance": "acceptance ('I'm a fallible human; one act doesn't define me')",
}

_N = r"(?:n't|nt| not)"  # the "not" of don't / dont / do not
_CANT = r"(?:can't|cant|cannot|can not|couldn't|couldnt|could not)"
_APOS = "\u2019\u2018\u02bc`"


@dataclass(frozen=True)
class Span:
    """A highlighted cue: character offsets into the text, its belief type and its words."""

    start: int
    end: int
    type: str
    text: str

    def to_dict(self) -> dict[str, object]:
        return {"start": self.start, "end": self.end, "type": self.type, "text": self.text}


@dataclass(frozen=True)
class BeliefAnalysis:
    """The belief types found (each once, in a fixed order), their spans and an explanation."""

    text: str
    irrational: tuple[str, ...]
    rational: tuple[str, ...]
    spans: tuple[Span, ...]
    explanation: str
    practical: tuple[str, ...] = ()  # must/should/need read as practical, not as demands
    error: str | None = None

    def to_dict(self) -> dict[str, object]:
        return {
            "irrational": list(self.irrational),
            "rational": list(self.rational),
            "spans": [s.to_dict() for s in self.spans],
            "explanation": self.explanation,
        }


def _lower(text: str) -> str:
    """Lowercase with one character per character, and straight apostrophes."""
    out = []
    for ch in text:
        if ch in _APOS:
            out.append("'")
            continue
        low = ch.lower()
        out.append(low if len(low) == 1 else ch)
    return "".join(out)


# --- cues -----------------------------------------------------------------------------------

_DEMAND = re.compile(
    r"\b(?:must(?:n't| not)?|(?:should|shud|shoud|shld|sould)(?:n't| not)?|shouldnt|shudnt|ought(?:n't)? to|(?:have|has|had)"
    r" to|(?:'ve|ve|have|has|'s) got to|gotta|need(?:s)? to|need (?:a|my|another|some|one)"
    r"|can ?(?:no|')t allow (?:myself|me)|no matter what|at all costs)\b"
)
_NEG_DEMAND = re.compile(
    rf"\b(?:do{_N}|does{_N}|did{_N}|dont|doesnt|won't|will not|wouldn't|would not)"
    r" (?:really |actually |absolutely )?(?:have to|need(?: to)?|has to|got to)\b"
    r"|\bneed(?:n't| not)\b|\bno (?:law|rule|reason)(?: of the universe)? (?:that |which )?"
    r"(?:says?|said)?|\bnot (?:essential|a must|compulsory|required|necessary)\b"
    r"|\bnowhere is it written\b"
)
_PREFER = re.compile(
    r"\b(?:i(?:'d| would) (?:really |much |also |still )?(?:like|love|prefer|rather)|i (?:really"
    r" |also |still )?(?:want|prefer|hope|wish)|ideally|it would be (?:nice|good|great|lovely)"
    r"|i'?d rather|preferably)\b"
)
_CONTRAST = re.compile(r"\b(?:but|though|although|yet|even if|however)\b")

_AWFUL = re.compile(
    r"\b(?:awful|terrible|terribly|horrible|horrendous|horrifying|dreadful|catastroph\w*"
    r"|(?:a |total |complete |absolute |utter )*disaster\w*|nightmare|unthinkable|tragedy"
    r"|the (?:end of the world|worst(?: (?:thing|day|possible thing|that could))?)"
    r"|end of the world|the end of everything|ruined for ever|ruined forever)\b"
)
# A review of a film or a meal is not an evaluation of one's life.
_THING_BEFORE = re.compile(
    r"\b(?:film|movie|food|meal|weather|traffic|coffee|show|band|music"
    r"|match|game|hotel|service|wifi|signal|book|play|gig|pizza|beer"
    r"|journey|drive|flight) (?:was|is|were|looked|tasted)(?: \w+)?\s*$"
)
_FEEL_BEFORE = re.compile(
    r"\b(?:feel|feels|felt|feeling|look|looks|looked|sleep|slept)"
    r"(?: \w+)?\s*$"
)
_NOT_BELIEF_AFTER = re.compile(
    r"^ (?:at|with)\b|^ (?:headache|cold|flu|weather|food|film"
    r"|movie|singer|cook|driver|joke|jokes|night'?s sleep|traffic)\b"
)
_WORSE = re.compile(
    r"\b(?:could|might|can) (?:be|have been) (?:a lot |much |far )?worse\b"
    r"|\bnot (?:the end|that bad|so bad)\b|\bbad,? (?:but )?not (?:awful|terrible"
    r"|the end)"
)

_LFT = re.compile(
    rf"\b(?:{_CANT}|won't be able to|will not be able to"
    r"|unable to|never be able to) (?:stand|bear|take|handle|cope|face|deal with|tolerate|stomach"
    r"|live without|go on|get through|survive|manage|last|do this|hack)"
    r"|\b(?:unbearable|intolerable|insufferable|unmanageable|too (?:hard|much|difficult"
    r"|painful|tough)|more than i can (?:take|bear|stand|handle)|(?:go|going) (?:crazy|mad"
    r"|insane) if|(?:die|kill me) if i (?:do{_N}|{_CANT}))\b"
)
_LFT_IDIOM_AFTER = re.compile(
    r"^ (?:the (?:smell|taste|sight|sound|look) of|him|her|them"
    r"|that song|coriander|cheese)\b"
)
_HFT = re.compile(
    r"\b(?:i|we|you) (?:can|could|will|'ll|am able to|'m able to|know i can|still can)"
    r" (?:still |definitely |probably |actually )?(?:stand|bear|take|handle|cope|face"
    r"|deal with|tolerate|get through|live with|survive|manage|sit with|ride|put up with"
    r"|do (?:hard|difficult) things)\b"
    r"|\b(?:bearable|tolerable|manageable|survivable|worth it|i've survived|i have survived"
    r"|not (?:unbearable|intolerable|too (?:hard|much)))\b"
)

_RATING_WORDS = (
    r"(?:(?:total|complete|utter|such an?|absolute|real|useless|pathetic|hopeless|worthless"
    r"|and utter|complete and utter|big|right|bit of an?|nothing but an?|just an?|an?|all"
    r"|bunch of|lot of)\s){0,3}"
    r"(?:failures?|losers?|idiots|morons|jerks|worthless|useless|pathetic|hopeless(?: case)?|idiot|moron|waste of"
    r" space|disappointment|stupid|(?:bad|terrible|awful|useless|rubbish|lousy|crap|horrible"
    r"|hopeless|pathetic) (?:mother|father|mum|mom|dad|person|parent|partner"
    r"|son|daughter|friend|human)|no good|nothing|nobody|weak|weakling|a mess|monster|jerk"
    r"|selfish|evil|horrible person|terrible person|awful person|lost cause|disgrace|joke"
    r"|piece of \w+|scum|wreck|screw-?up|write-?off|addict|alcoholic|junkie|failure as a"
    r" \w+|unlovable|defective|broken|rotten|lazy|bad)"
)
_RATING = re.compile(
    r"\b(?:i'?m|i am|im|i was|he's|he is|hes|she's|she is|shes|they're|they are|theyre"
    r"|you're|you are|youre|it proves i'?m|proves i'?m|makes me|(?:everyone|everybody|anyone"
    r"|all|people|they)(?: [\w']+){0,4} (?:is|are)|(?:my|his|her) \w+ is|(?:he|she|they)'?s?"
    r" (?:all )?)\s?" + _RATING_WORDS + r"\b"
)
_RATING_NEG = re.compile(r"\b(?:not|isn't|aren't|wasn't|never|no longer)\s*$")
_ACCEPT = re.compile(
    r"\bfallible\b|\bhuman being\b|\bjust human\b|\b(?:i'?m|i am|we'?re|we are|he'?s|she'?s"
    r"|they'?re) (?:only |just |all |a )?humans?\b|\b(?:doesn't|does not|doesnt|won't|will not"
    r"|wouldn't|would not|didn't|did not|don't|do not) (?:make|define|turn) (?:me|him|her|them"
    r"|you|us)\b|\bdefine (?:me|who i am)\b|\bmore than my\b|\baccept (?:myself|that|him|her"
    r"|them|people|life|who)\b|\bworthwhile\b|\b(?:i'?m|i am|still be|i'?d be|i would be|i'?m still|i am still|still) (?:an okay|a good|a decent|an ok) (?:person"
    r"|human|mum|mom|dad|father|mother|parent)\b|\bcomplex person\b|\ba person who(?:'s| is)"
    r" (?:struggling|learning|trying)\b|\bi'?m (?:still )?(?:okay|ok|worth)\b|\bflaws and all"
    r"\b|\bwith my flaws\b|\bnot a bad person\b|\bnot (?:useless|worthless|a failure|a loser"
    r"|stupid|hopeless|a monster|a bad \w+)\b|\bmade (?:a |some )?(?:mistakes?|bad choices"
    r"|bad decisions)\b"
)

_NO_RULE_BEFORE = re.compile(
    r"\b(?:no (?:law|rule|reason)|nowhere is it written|not that"
    r"|does(?:n't| not) mean)\b[^.;!?]{0,30}$"
)


def _negated(low: str, start: int, words: int = 5) -> bool:
    before = _clause_before(low, start).split()[-words:]
    joined = " " + " ".join(before) + " "
    # "can't" is left out: "if I can't sleep it'll be a disaster" still awfulizes.
    return bool(
        re.search(
            r" (?:not|no|never|isn't|wasn't|won't|wouldn't|isnt|wasnt|wont"
            r"|wouldnt|aren't|ain't|doesn't|don't|didn't|doesnt|dont|didnt|hardly"
            r"|rather than|nor)"
            r" ",
            joined,
        )
    )


def _add(spans: list[Span], text: str, start: int, end: int, kind: str) -> None:
    for s in spans:
        if s.start < end and start < s.end:  # overlapping cue: keep the first (more specific)
            return
    spans.append(Span(start, end, kind, text[start:end]))


def find_spans(text: str) -> tuple[list[Span], list[str]]:
    """All belief cues in `text` (offsets into `text`), and practical must/should/need uses."""
    low = _lower(text)
    spans: list[Span] = []
    practical: list[str] = []

    for m in _ACCEPT.finditer(low):
        _add(spans, text, m.start(), m.end(), "acceptance")
    for m in _NEG_DEMAND.finditer(low):
        after = low[m.end() : m.end() + 30]
        before = low[: m.start()]
        has_pref = bool(_PREFER.search(before)) or bool(re.match(r"^ (?:to )?be\b", after))
        if not has_pref and re.match(r"^ (?:a|an|any|one|to (?:drink|use|smoke))\b", after):
            continue  # "I don't need a drink to relax": a plain statement, not a belief
        _add(spans, text, m.start(), m.end(), "preference")
    for m in _WORSE.finditer(low):
        _add(spans, text, m.start(), m.end(), "anti_awfulizing")
    for m in _HFT.finditer(low):
        _add(spans, text, m.start(), m.end(), "high_frustration_tolerance")
    for m in _LFT.finditer(low):
        if _LFT_IDIOM_AFTER.match(low[m.end() : m.end() + 30]):
            continue
        kind = (
            "high_frustration_tolerance"
            if _negated(low, m.start())
            and not re.match(r"can|could|won|will|unable|never", m.group(0))
            else "low_frustration_tolerance"
        )
        _add(spans, text, m.start(), m.end(), kind)
    for m in _AWFUL.finditer(low):
        before, after = low[: m.start()], low[m.end() : m.end() + 30]
        if (
            _FEEL_BEFORE.search(before)
            or _THING_BEFORE.search(before)
            or _NOT_BELIEF_AFTER.match(after)
        ):
            continue
        if (
            re.search(r"\b(?:a|an|my|the|his|her)\s*$", before)
            and re.match(r"^ [a-z]", after)
            and not re.match(r"^ (?:thing|mess|situation|if|that|to|for|when)\b", after)
        ):
            continue  # "a terrible headache": describes a thing, no evaluation of life
        kind = "anti_awfulizing" if _negated(low, m.start()) else "awfulizing"
        _add(spans, text, m.start(), m.end(), kind)
    for m in _RATING.finditer(low):
        # Only a "not" that belongs to this rating turns it round ("I'm not a failure");
        # "anyone who doesn't is a jerk" is still a rating.
        negated = _RATING_NEG.search(low[max(0, m.start() - 20) : m.start()]) or re.search(
            r"\b(?:is|are|am|was|were)(?:n't| not)\b", m.group(0)
        )
        kind = "acceptance" if negated else "global_rating"
        _add(spans, text, m.start(), m.end(), kind)
    for m in _DEMAND.finditer(low):
        before = low[max(0, m.start() - 40) : m.start()]
        if re.search(r"\b(?:do|does|did|will|would)(?:n't|nt| not)\s*$|\bnever\s*$", before):
            continue  # "I don't need a drink": a negated need is not a demand
        if _NO_RULE_BEFORE.search(before):
            continue  # "there's no law that says they must": the must is being rejected
        if _demand_is_practical(low, m):
            practical.append(text[m.start() : m.end()])
            continue
        _add(spans, text, m.start(), m.end(), "demandingness")
    # A preference counts when it is held flexibly: with a "but", or next to another belief.
    for m in _PREFER.finditer(low):
        rest = low[m.end() : m.end() + 200]
        if _CONTRAST.search(rest) or any(s.type != "preference" for s in spans):
            _add(spans, text, m.start(), m.end(), "preference")
    spans.sort(key=lambda s: s.start)
    return spans, practical


def _explain(irrational: tuple[str, ...], rational: tuple[str, ...], practical: list[str]) -> str:
    parts = []
    if irrational:
        parts.append("Irrational: " + "; ".join(TYPE_NAMES[t] for t in irrational) + ".")
        alts = [TYPE_NAMES[ALTERNATIVE[t]] for t in irrational if ALTERNATIVE[t] not in rational]
        if alts:
            parts.append("A rational alternative would be " + " and ".join(alts) + ".")
    if rational:
        parts.append("Rational: " + "; ".join(TYPE_NAMES[t] for t in rational) + ".")
    if practical and not irrational:
        parts.append(
            "'" + "', '".join(dict.fromkeys(practical)) + "' reads as practical here (a plan or "
            "an expectation), not as an absolute demand."
        )
    if not parts:
        parts.append(
            "No demand, awfulizing, 'can't stand it' or global rating found, and no "
            "rational alternative either: this reads as a plain statement."
        )
    return " ".join(parts)


def analyse_belief(text: object) -> BeliefAnalysis:
    """The REBT belief types in `text`, with cue spans; never raises on bad input."""
    if not isinstance(text, str):
        return BeliefAnalysis(
            "",
            (),
            (),
            (),
            "This could not be analysed: the belief must be text.",
            error=f"the belief must be text, not {type(text).__name__}",
        )
    if not text.strip():
        return BeliefAnalysis(
            text,
            (),
            (),
            (),
            "This could not be analysed: it is empty.",
            error="the belief is empty",
        )
    cut = text[:MAX_CHARS]
    spans, practical = find_spans(cut)
    found = {s.type for s in spans}
    irrational = tuple(t for t in IRRATIONAL if t in found)
    rational = tuple(t for t in RATIONAL if t in found)
    return BeliefAnalysis(
        cut,
        irrational,
        rational,
        tuple(spans),
        _explain(irrational, rational, practical),
        tuple(practical),
    )
